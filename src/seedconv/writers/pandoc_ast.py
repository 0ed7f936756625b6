"""Build a pandoc AST (the JSON form of pandoc-types) from the document model.

Markdown, DOCX and EPUB are all written by pandoc from this one AST, so
escaping and layout are pandoc's job: our text only ever goes into ``Str``
nodes, never into a Markdown, HTML or XML string we assemble.  Text that looks
like markup (``<script>``, ``# * 1. |``, ``[x](javascript:…)``, ``---``)
therefore stays literal text in every output.

Mapping
=======

Metadata (``meta``)
    ``title``, ``subtitle``, ``date``, ``publisher``, ``rights`` → MetaInlines;
    ``authors`` → ``author``, a MetaList of MetaInlines (one per author);
    ``language`` → ``lang`` (MetaString), only when the model knows it and
    it looks like a BCP 47 tag (``en``, ``pt-BR``; not ``English``).
    For EPUB (``target="epub"``) the date is normalised to ISO 8601 (see
    :func:`epub_date`; dropped when it names no year), and three things are
    required, so there are fallbacks: ``title`` falls back to the source
    file name, ``lang`` to ``und`` (undetermined), and ``identifier`` is
    ``urn:uuid:…``, a UUID made deterministically (uuid5) from the source's
    SHA-256, so the same source always gets the same identifier and pandoc
    never invents a random one.

Blocks
    Heading     → ``Header`` with the model's level (clamped to 1‥6; the
                  title is metadata, so sections normally start at level 2)
    Paragraph   → ``Para``
    Quote       → ``BlockQuote [Para]``
    Caption     → ``Div`` with class ``caption`` holding a ``Para`` (readers
                  such as the scorer treat such a Div as a caption).  For DOCX
                  it also gets ``custom-style="Caption"``, a style of pandoc's
                  reference document.
    ListBlock   → ``BulletList``, or ``OrderedList`` whose start number and
                  style come from the first item's marker (``4`` → Decimal
                  from 4, ``b)`` → LowerAlpha from 2 with OneParen).  Items are
                  tight (``Plain``).  pandoc numbers the items consecutively,
                  so non-contiguous printed markers (1, 4, 5) are not kept.
    Blocks whose content is empty produce nothing.

Inlines
    Text        → ``Str`` / ``Space`` tokens: each run of ASCII whitespace
                  becomes one ``Space``; every other character (including
                  no-break and thin spaces) stays in a ``Str``.
    NoteRef     → ``Note`` holding the note's paragraphs (one ``Para``
                  each).  pandoc numbers notes itself, so printed labels such
                  as ``*`` become 1, 2, 3… in the output.
                  A note called more than once gets its full content again at
                  every call (this is what pandoc's own Markdown reader makes
                  of a reference used twice, and it keeps the note readable at
                  each place in DOCX and EPUB).
                  A call whose note is unknown (``note`` is None or no such
                  id) → ``Superscript [Str label]``, as printed.
                  Inside a note a call cannot be a ``Note`` (notes do not nest
                  in DOCX or EPUB), so it becomes ``Superscript [Str label]``.
    Link        → ``Link`` with the URL as target and its text as content.
                  A ``www.`` address without a scheme gets ``http://`` in the
                  target (the text stays as printed).  A URL with any scheme
                  other than http, https, ftp or mailto is not made a link:
                  its text stays as plain text.
    Email       → ``Link`` to ``mailto:address`` with the address as text.

EPUB backlinks
    pandoc (since 3.9) writes EPUB 3 notes as pop-up ``<aside>`` elements
    without a link back to the call.  For ``target="epub"`` every note's
    first paragraph therefore starts with ``Link [Str n] "#fnref<n>"`` (class
    ``footnote-back``, ``role="doc-backlink"``) and ``". "``, the form pandoc
    itself used before 3.9 and the one the DAISY accessibility guidelines
    recommend (backlink before the note text).  ``n`` is the number pandoc
    gives the note: notes are numbered 1, 2, 3… in document order within each
    chapter file, and a chapter starts at every level-1 heading (pandoc's
    default ``--split-level=1``).  ``fnref<n>`` is the id pandoc gives the
    call; the EPUB tests check that every backlink lands on its call.

Notes that no call in the body points at are never dropped: they are
appended at the end in a ``Div`` with class ``uncalled-notes``, one ``Para``
per note holding the printed label followed by the ``Note`` itself.  They
stay real notes in every format (footnotes in DOCX, linked notes in EPUB,
``[^n]`` in Markdown) and add no heading to the outline.
"""
from __future__ import annotations

import re
import uuid
from pathlib import PurePath
from typing import Any

from ..model import (Block, Caption, Document, Email, Heading, Inline, Link, ListBlock,
                     Note, NoteRef, Paragraph, Quote, Text)
from . import pandoc_run

#: Namespace for EPUB identifiers: uuid5(this, "sha256:<hex>").
IDENTIFIER_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://seedconv/source-sha256")

_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https", "ftp", "mailto"}
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")

JSON = dict[str, Any]


# --------------------------------------------------------------------------
# Small constructors for pandoc JSON nodes


def _node(t: str, c: Any = None) -> JSON:
    return {"t": t} if c is None else {"t": t, "c": c}


def _attr(classes: list[str] | None = None, kv: list[list[str]] | None = None) -> list:
    return ["", list(classes or []), list(kv or [])]


def text_inlines(text: str) -> list[JSON]:
    """``"a  b"`` → ``[Str "a", Space, Str "b"]``.  Leading or trailing
    whitespace gives a leading or trailing ``Space`` (merged later)."""
    out: list[JSON] = []
    pos = 0
    for m in _SPACE.finditer(text):
        if m.start() > pos:
            out.append(_node("Str", text[pos:m.start()]))
        out.append(_node("Space"))
        pos = m.end()
    if pos < len(text):
        out.append(_node("Str", text[pos:]))
    return out


def _tidy(inlines: list[JSON]) -> list[JSON]:
    """Merge adjacent ``Space``/``Str`` nodes; drop spaces at both ends."""
    out: list[JSON] = []
    for x in inlines:
        if x["t"] == "Space" and (not out or out[-1]["t"] == "Space"):
            continue
        if x["t"] == "Str" and out and out[-1]["t"] == "Str":
            out[-1] = _node("Str", out[-1]["c"] + x["c"])
            continue
        out.append(x)
    while out and out[-1]["t"] == "Space":
        out.pop()
    return out


def _meta_inlines(text: str) -> JSON:
    return _node("MetaInlines", _tidy(text_inlines(text)))


def _link_target(url: str) -> str | None:
    """The link target for a model URL, or None when it must stay text."""
    url = url.strip()
    m = _SCHEME.match(url)
    if m:
        return url if m.group(1).lower() in _SAFE_SCHEMES else None
    if url.lower().startswith("www."):
        return "http://" + url
    return None


def epub_identifier(doc: Document) -> str:
    """A stable ``urn:uuid:`` for the document, from its source's SHA-256."""
    src = doc.metadata.source
    key = (src.sha256 or "").strip().lower() or f"name:{src.name}"
    return f"urn:uuid:{uuid.uuid5(IDENTIFIER_NAMESPACE, 'sha256:' + key)}"


_MONTHS = {m: i for i, names in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"], 1)
    for m in names.split()}


def epub_date(text: str) -> str | None:
    """The printed date as ISO 8601 (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)
    for ``dc:date``, or None when it names no year.

    pandoc writes an empty ``dc:date`` (an epubcheck error) for dates it
    cannot read, such as ``March 2017``, so EPUB gets a normalised date:
    ``March 2017`` → ``2017-03``, ``3 March 2017`` → ``2017-03-03``,
    ``Spring 2017`` → ``2017``."""
    text = text.strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return text
    years = re.findall(r"(?<!\d)(1[0-9]{3}|2[0-9]{3})(?!\d)", text)
    if not years:
        return None
    year = years[0]
    month = next((_MONTHS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _MONTHS), None)
    if month is None:
        return year
    days = [int(d) for d in re.findall(r"(?<!\d)(\d{1,2})(?!\d)", text) if 1 <= int(d) <= 31]
    if len(days) == 1:
        return f"{year}-{month:02d}-{days[0]:02d}"
    return f"{year}-{month:02d}"


def fallback_title(doc: Document) -> str:
    """The source file name, for formats that cannot do without a title."""
    return PurePath(doc.metadata.source.name or "").name or "Untitled"


# --------------------------------------------------------------------------
# Ordered-list markers

_ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def _roman_value(s: str) -> int:
    vals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = vals[a]
        total += -v if b != " " and vals[b] > v else v
    return total


def list_attributes(marker: str | None) -> list:
    """pandoc ``ListAttributes`` ``[start, style, delimiter]`` for the first
    item's printed marker: ``"4"`` → 4 Decimal, ``"(b)"`` → 2 LowerAlpha
    TwoParens, ``"iv."`` → 4 LowerRoman Period; anything else → 1, defaults.
    A single ``i``/``I`` is read as a roman one, other single letters as
    letters."""
    start, style, delim = 1, "DefaultStyle", "DefaultDelim"
    m = re.fullmatch(r"\s*(\()?([0-9]+|[A-Za-z]+)([.)])?\s*", marker or "")
    if not m:
        return [start, _node(style), _node(delim)]
    opened, body, close = m.groups()
    if opened and close == ")":
        delim = "TwoParens"
    elif close == ")":
        delim = "OneParen"
    elif close == ".":
        delim = "Period"
    if body.isdigit():
        start, style = int(body), "Decimal"
    elif body.lower() in ("i",) or (len(body) > 1 and _ROMAN.match(body.lower())):
        start = _roman_value(body.lower())
        style = "LowerRoman" if body.islower() else "UpperRoman"
    elif len(body) == 1:
        start = ord(body.lower()) - ord("a") + 1
        style = "LowerAlpha" if body.islower() else "UpperAlpha"
    return [max(start, 1), _node(style), _node(delim)]


# --------------------------------------------------------------------------
# The builder


class _Builder:
    def __init__(self, doc: Document, target: str | None):
        self.doc = doc
        self.target = target
        self.notes = doc.note_by_id()
        self.called: set[str] = set()

    # inlines ---------------------------------------------------------------

    def inlines(self, content: list[Inline], *, in_note: bool = False) -> list[JSON]:
        out: list[JSON] = []
        for x in content:
            if isinstance(x, Text):
                out.extend(text_inlines(x.text))
            elif isinstance(x, NoteRef):
                note = self.notes.get(x.note) if x.note else None
                if note is None or in_note:
                    out.append(_node("Superscript", [_node("Str", x.label)]))
                else:
                    self.called.add(note.id)
                    out.append(self.note(note))
            elif isinstance(x, Link):
                label = _tidy(text_inlines(x.text or x.url))
                target = _link_target(x.url)
                if target is None:
                    out.extend(label)
                else:
                    out.append(_node("Link", [_attr(), label, [target, ""]]))
            elif isinstance(x, Email):
                out.append(_node("Link", [_attr(), [_node("Str", x.address)],
                                          ["mailto:" + x.address, ""]]))
            else:  # pragma: no cover - the model has no other inline
                raise TypeError(f"unknown inline {x!r}")
        return _tidy(out)

    def note(self, note: Note) -> JSON:
        paras = [self.inlines(p, in_note=True) for p in note.paragraphs]
        blocks = [_node("Para", p) for p in paras if p]
        # A note without text still needs one block (the EPUB backlink goes there).
        return _node("Note", blocks or [_node("Para", [])])

    # blocks ----------------------------------------------------------------

    def block(self, b: Block) -> list[JSON]:
        if isinstance(b, ListBlock):
            items = [[_node("Plain", self.inlines(i.content))] for i in b.items]
            if not items:
                return []
            if b.kind == "ordered":
                attrs = list_attributes(b.items[0].marker)
                return [_node("OrderedList", [attrs, items])]
            return [_node("BulletList", items)]
        content = self.inlines(b.content)
        if not content:
            return []
        if isinstance(b, Heading):
            return [_node("Header", [min(max(b.level, 1), 6), _attr(), content])]
        if isinstance(b, Paragraph):
            return [_node("Para", content)]
        if isinstance(b, Quote):
            return [_node("BlockQuote", [_node("Para", content)])]
        if isinstance(b, Caption):  # (DOCX: Caption style added by for_target)
            return [_node("Div", [_attr(["caption"]), [_node("Para", content)]])]
        raise TypeError(f"unknown block {b!r}")  # pragma: no cover

    def uncalled_notes(self) -> list[JSON]:
        paras = []
        for n in self.doc.notes:
            if n.id not in self.called:
                paras.append(_node("Para", [_node("Str", n.label), self.note(n)]))
        if not paras:
            return []
        return [_node("Div", [_attr(["uncalled-notes"]), paras])]

    # metadata --------------------------------------------------------------

    def meta(self) -> JSON:
        md = self.doc.metadata
        meta: JSON = {}
        title = (md.title or "").strip()
        if not title and self.target == "epub":
            title = fallback_title(self.doc)
        if title:
            meta["title"] = _meta_inlines(title)
        date = md.date
        if self.target == "epub" and date:
            date = epub_date(date)
        for key, value in (("subtitle", md.subtitle), ("date", date),
                           ("publisher", md.publisher), ("rights", md.rights)):
            if value and value.strip():
                meta[key] = _meta_inlines(value)
        authors = [a for a in md.authors if a and a.strip()]
        if authors:
            meta["author"] = _node("MetaList", [_meta_inlines(a) for a in authors])
        lang = (md.language or "").strip()
        if not _LANG_TAG.fullmatch(lang):
            lang = ""  # not a BCP 47 tag ("English"): EPUB would be invalid
        if not lang and self.target == "epub":
            lang = "und"
        if lang:
            meta["lang"] = _node("MetaString", lang)
        if self.target == "epub":
            meta["identifier"] = _node("MetaString", epub_identifier(self.doc))
        return meta

    def blocks(self) -> list[JSON]:
        """The blocks as every target has them (before :meth:`for_target`)."""
        blocks: list[JSON] = []
        for b in self.doc.blocks:
            blocks.extend(self.block(b))
        blocks.extend(self.uncalled_notes())
        return blocks

    def for_target(self, blocks: list[JSON]) -> JSON:
        """The AST for this builder's target from :meth:`blocks`, which are
        not changed (what is different is copied), so one list of blocks
        serves every target: DOCX captions get the Caption style, EPUB notes
        their backlinks."""
        if self.target == "docx":
            blocks = [_node("Div", [_attr(["caption"], [["custom-style", "Caption"]]), b["c"][1]])
                      if b["t"] == "Div" and b["c"][0] == _attr(["caption"]) else b
                      for b in blocks]
        elif self.target == "epub":
            blocks = epub_backlinked(blocks)
        elif self.target == "markdown":
            blocks = _rewritten(blocks, _letter_marker_escaped)
        return {"pandoc-api-version": list(pandoc_run.api_version()),
                "meta": self.meta(), "blocks": blocks}

    def build(self) -> JSON:
        return self.for_target(self.blocks())


_LETTER_MARKER = re.compile(r"[A-Z]\.")


def _rewritten(node: Any, change) -> Any:
    """``node`` with every dict under it that ``change`` replaces (``change``
    gives the replacement, or None to look inside), in document order.  Copy
    on write: ``node`` is not changed, and what holds nothing to replace is
    shared with the result."""
    if isinstance(node, list):
        out = None
        for i, x in enumerate(node):
            y = _rewritten(x, change)
            if y is not x:
                if out is None:
                    out = list(node)
                out[i] = y
        return node if out is None else out
    if isinstance(node, dict):
        y = change(node)
        if y is not None:
            return y
        c = node.get("c")
        if isinstance(c, list):
            y = _rewritten(c, change)
            if y is not c:
                return {**node, "c": y}
    return node


def _letter_marker_escaped(node: JSON) -> JSON | None:
    """A paragraph that is only a capital and a full stop (``A.``) with the
    stop as raw Markdown ``\\.``: pandoc 3.9's Markdown writer leaves ``A.``
    as it is, and its reader takes that for an empty item of a list
    numbered A, B, C.  None for any other node (see :func:`_rewritten`)."""
    c = node.get("c")
    if node.get("t") in ("Para", "Plain") and len(c) == 1 and c[0].get("t") == "Str" and \
            _LETTER_MARKER.fullmatch(c[0]["c"]):
        return _node(node["t"], [_node("Str", c[0]["c"][0]), _node("RawInline", ["markdown", "\\."])])
    return None


def _backlinked(node: Any, number: list[int]) -> Any:
    """``node`` with a backlink at the start of every ``Note`` under it, in
    document order (notes do not nest), numbered from ``number[0] + 1``.
    ``node`` is not changed (see :func:`_rewritten`)."""
    def backlink(n: JSON) -> JSON | None:
        if n.get("t") != "Note":
            return None
        number[0] += 1
        ref = str(number[0])
        link = _node("Link", [_attr(["footnote-back"], [["role", "doc-backlink"]]),
                              [_node("Str", ref)], ["#fnref" + ref, ""]])
        first, *rest = n["c"]
        first = {**first, "c": [link, _node("Str", "."), _node("Space"), *first["c"]]}
        return {**n, "c": [first, *rest]}

    return _rewritten(node, backlink)


def epub_backlinked(blocks: list[JSON]) -> list[JSON]:
    """``blocks`` with every note starting with a link back to its call,
    numbered as pandoc's EPUB writer numbers notes (see "EPUB backlinks"
    above).  ``blocks`` is not changed (see :func:`_backlinked`)."""
    number = [0]
    out = []
    for block in blocks:
        if block["t"] == "Header" and block["c"][0] == 1:
            number[0] = 0  # a new chapter file: pandoc restarts note numbers
        out.append(_backlinked(block, number))
    return out


def add_epub_backlinks(blocks: list[JSON]) -> None:
    """:func:`epub_backlinked`, in place."""
    blocks[:] = epub_backlinked(blocks)


def build(doc: Document, *, target: str | None = None) -> JSON:
    """The pandoc JSON AST for ``doc``.

    ``target`` tunes it for one output: ``"epub"`` adds the title, language
    and identifier fallbacks EPUB requires, ``"docx"`` gives captions Word's
    Caption style; ``None`` (or ``"markdown"``) is the plain mapping.
    """
    return _Builder(doc, target).build()


def build_targets(doc: Document, targets) -> dict[Any, JSON]:
    """``{t: build(doc, target=t) for t in targets}``, equal to building each
    separately, but the blocks are built once and shared between the ASTs
    (what differs is copied: see :meth:`_Builder.for_target`).  Treat the
    results as read-only, except each one's own ``meta``."""
    blocks = _Builder(doc, None).blocks()
    return {t: _Builder(doc, t).for_target(blocks) for t in targets}
