"""The normaliser: text → passes (fixed order) → :class:`~seedconv.model.Document`.

Order of the passes, each a module in :mod:`seedconv.passes` whose docstring
shows the damage it repairs:

0. ``columns``          two columns printed side by side, read one after the other
   ``interleaved``      two columns whose lines alternate, read one after the other
1. ``spacing``          whitespace, invisible characters, double spacing
   ``dropped_hyphens``  a word's own hyphen the extractor deleted, restored
                        where the document prints the word with it elsewhere
   ``glued_words``      stretches whose spaces were lost, cut into words
2. ``furniture``        running heads/feet, page numbers, drop caps, residue
3. ``segments``         cut lines into raw blocks (blank lines, jumps, pages)
4. ``footnotes``        note blocks out of the body, continued notes joined
5. ``lists``            bullets, numbered items, lost bullet glyphs
6. ``captions``         short lines that interrupt a paragraph, figure labels
7. ``front_matter``     title and authors
8. ``headings``         headings and their levels
9. ``reading_order``    paragraphs cut by page/column breaks rejoined
10. ``build``           lines joined (``line_end_hyphens``, ``urls``), note
                        calls linked, the model built
"""
from __future__ import annotations

import gc
import hashlib
import re

from . import __version__, conservation
from .errors import ConservationError
from .model import Diagnostic, Document, Metadata, Source
from .passes import (build, captions, columns, dropped_hyphens, footnotes, front_matter, furniture,
                     glued_words, headings, interleaved, lists, reading_order, segments, spacing)
from .passes.base import Context, Line
from .passes.words import detect_language
from .reader import decode
from .settings import Settings

#: how many characters of the text language detection reads
LANGUAGE_SAMPLE = 50_000

PASSES = [columns, interleaved, spacing, dropped_hyphens, glued_words, furniture, segments, footnotes, lists,
          captions, front_matter, headings, reading_order]
# Characters no output may hold (XML 1.0 forbids most C0 controls, lone
# surrogates cannot be written as UTF-8; C1 controls and U+FFFE/U+FFFF are
# never text): removed.  Controls that separate (vertical tab, the
# information separators, NEL) become a space so words stay apart.  Tab,
# line feed, carriage return and form feed are kept: they are layout.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SEPARATOR = frozenset("\x0b\x1c\x1d\x1e\x1f\x85")
# the characters of _CONTROL but the surrogates: in a text decoded from UTF-8
# (which holds no surrogate) one substring test each finds whether it holds
# one, far faster than the class tried at every character
_CONTROL_CHARS = tuple(chr(c) for c in (*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20), *range(0x7f, 0xa0),
                                        0xfffe, 0xffff))


def split_lines(text: str) -> list[Line]:
    """Lines numbered from 1; ``\\r\\n`` and ``\\r`` end lines, ``\\f`` starts a page."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" not in text:  # one page: every line as it is (positional arguments: faster than by name)
        out = [Line(no, raw) for no, raw in enumerate(text.split("\n"), start=1)]
    else:
        out = []
        page = 0
        for no, raw in enumerate(text.split("\n"), start=1):
            if "\f" in raw:
                parts = raw.split("\f")
                page += len(parts) - 1
                raw = " ".join(p for p in parts if p.strip()) if any(p.strip() for p in parts) else ""
            out.append(Line(no, raw, page))
    if out and out[-1].text == "" and text.endswith("\n"):
        out.pop()
    return out


def _utf8_pieces(data: bytes, controls: bool, size: int = 1 << 16):
    """``data`` decoded as UTF-8 in pieces of about ``size`` bytes, each cut
    after a line feed (never inside a character or a word)."""
    i, n = 0, len(data)
    while i < n:
        j = data.find(b"\n", i + size) if i + size < n else -1
        j = n if j < 0 else j + 1
        s = data[i:j].decode("utf-8")
        yield _remove_controls(s) if controls else s
        i = j


def _remove_controls(text: str) -> str:
    return _CONTROL.sub(lambda m: " " if m.group() in _SEPARATOR else "", text)


def _printable_name(name: str) -> str:
    """A file name as it may stand in the outputs: undecodable bytes (lone
    surrogates from the file system) become U+FFFD, control characters go."""
    try:
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        name = name.encode("utf-8", "replace").decode("utf-8")
    return _CONTROL.sub("", name)


def normalise_bytes(data: bytes, name: str = "input.txt", settings: Settings | None = None) -> Document:
    """Decode ``data`` (see :mod:`seedconv.reader`) and normalise it."""
    dec = decode(data, name)
    # memory: the decoded text is handed over (nothing here keeps it), so the
    # normaliser can let it go while the lines exist; when it is the bytes as
    # UTF-8, it is decoded again for the conservation check
    box = [dec.text]
    dec.text = ""
    doc = _normalise(box, name, settings, hashlib.sha256(data).hexdigest(), dec.encoding,
                     data if dec.verbatim else None)
    for note in dec.notes:
        doc.diagnostics.insert(0, Diagnostic("info", "encoding", note, None))
    return doc


def normalise(text: str, name: str = "input.txt", settings: Settings | None = None,
              _sha: str | None = None, _encoding: str = "utf-8") -> Document:
    """Recover the logical document from PDF-extracted ``text``."""
    return _normalise([text], name, settings, _sha, _encoding, None)


def _normalise(box: list[str], name: str, settings: Settings | None, _sha: str | None,
               _encoding: str, utf8: bytes | None) -> Document:
    """:func:`normalise` of the text in ``box`` (taken out of it).  ``utf8``:
    bytes whose UTF-8 decoding is that text; the text is then let go once it
    is split into lines and decoded again from ``utf8`` for the conservation
    check (the peak memory is while the lines exist).

    Python's cycle collector is paused meanwhile: the passes make millions of
    small objects (a line each) and no reference cycles, and each of its full
    sweeps walks all of them (a 5 MB input spent a fifth of its time there,
    a 50 MB one more); its previous state is restored afterwards."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _normalise_lines(box, name, settings, _sha, _encoding, utf8)
    finally:
        if paused:
            gc.enable()


def _normalise_lines(box: list[str], name: str, settings: Settings | None, _sha: str | None,
                     _encoding: str, utf8: bytes | None) -> Document:
    text = box.pop()
    settings = settings or Settings()
    name = _printable_name(name)
    sha = _sha or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    diags = []
    controls = False
    if _CONTROL.search(text) if utf8 is None else any(map(text.__contains__, _CONTROL_CHARS)):
        controls = True
        n = len(_CONTROL.findall(text))
        text = _remove_controls(text)
        diags.append(Diagnostic("info", "control-characters",
                                f"{n} control character(s) removed or, between words, replaced by "
                                f"a space (not allowed in XML, or not text)", None))
    ctx = Context(lines=split_lines(text), settings=settings)
    n_lines = len(ctx.lines)
    # the first 50,000 characters (some 8,000 words) tell the language as well as more:
    # the same answer on every sample, corpus, held-out and benchmark document as
    # 200,000, at a third of the cost on a large one
    ctx.language = settings.language or detect_language(text[:LANGUAGE_SAMPLE])
    if utf8 is not None or not settings.conservation_check:
        text = None  # decoded again from ``utf8`` when the check needs it
    for p in PASSES:
        p.run(ctx)
    # memory: build may let the lines go, each block's once it is in the model
    ctx.release_frags = True
    blocks, notes = build.run(ctx)
    ctx.frags = []
    md = settings.metadata or {}
    meta = Metadata(source=Source(name=name, sha256=sha, encoding=_encoding, lines=n_lines),
                    title=md.get("title", ctx.meta.get("title")),
                    subtitle=md.get("subtitle", ctx.meta.get("subtitle")),
                    authors=list(md.get("authors", ctx.meta.get("authors", []))),
                    date=md.get("date"), publisher=md.get("publisher"),
                    rights=md.get("rights", ctx.meta.get("rights")),
                    language=ctx.language)
    doc = Document(metadata=meta, blocks=blocks, notes=notes, furniture=ctx.take_furniture(),
                   decisions=ctx.decisions, diagnostics=diags + ctx.diagnostics,
                   generator=f"seedconv {__version__}")
    if "source_line_of" in ctx.meta:  # columns were read in order: source numbers back
        columns.restore_numbers(doc, ctx.meta.pop("source_line_of"))
    if settings.heading_patterns or settings.not_heading_patterns:
        from .heading_rules import apply as apply_heading_rules

        apply_heading_rules(doc, settings)  # the profile's heading rules
    if settings.conservation_check:
        if text is None:  # the input again, a piece at a time
            text = lambda: _utf8_pieces(utf8, controls)
        lost = conservation.check(text, doc)  # nothing lost silently
        if lost is not None:
            doc.diagnostics.append(lost)
            if settings.strict:
                raise ConservationError(f"{name}: {lost.message} {ConservationError.MARK}")
    return doc
