"""TEI P5 writer: the document model as a TEI XML tree built with lxml.

The output is UTF-8 with an XML declaration, pretty-printed and deterministic
(the same document always gives the same bytes).  It is valid against the
official ``tei_all`` schema and against ``schemas/seedconv-tei.rng``, a strict
subset of TEI that covers exactly what this module writes (see
:mod:`seedconv.tei_check`).  Every string goes into the tree as text or as an
attribute value, so markup-like input (``<script>``, ``&``, ``]]>``) stays
text; characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE,
U+FFFF) are dropped first.

Mapping model → TEI
-------------------
``Metadata`` → ``teiHeader``:

* ``fileDesc/titleStmt``: ``title type="main"`` (the title; without one the
  source file name, or ``Untitled``, stands in and a
  ``notesStmt/note type="title-fallback"`` says so), ``title type="sub"`` for
  the subtitle, one ``author`` per author.
* ``fileDesc/publicationStmt``: ``publisher``, ``date`` and
  ``availability/licence`` (the rights line) when a publisher is known;
  otherwise a single ``p`` saying the publisher is unknown (TEI allows
  ``date`` and ``availability`` only after a publisher; they are then kept
  in the source description).
* ``fileDesc/sourceDesc/bibl``: the source as described by the metadata
  (title, authors, publisher, date, rights) plus ``idno type="filename"``,
  ``idno type="sha256"``, ``extent`` (line count, when known) and
  ``note type="encoding"``.
* ``encodingDesc``: ``appInfo/application ident="seedconv"`` and an
  ``editorialDecl`` that states the provenance convention below.
* ``profileDesc/langUsage/language ident=…`` when the language is known (an
  invalid language tag becomes ``ident="und"`` with the tag as text); a valid
  tag is also put on ``text/@xml:lang``.
* A ``date`` gets ``@when`` only when it is a valid ISO 8601 date
  (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); the text is always kept.

Blocks → ``text/body``:

* ``Heading`` opens a ``div type="levelN"`` with the heading as its ``head``.
  Divisions nest by relative level: a heading closes every open division of
  the same or a deeper level and opens a new one inside what remains, so a
  skipped level (2 → 4) nests one step deeper without empty divisions.
  Blocks before the first heading go directly into ``body``.
* ``Paragraph`` → ``p``; ``Quote`` → ``quote`` (block-level in TEI);
  ``Caption`` → ``figure/head``; ``ListBlock`` → ``list type="bulleted"`` or
  ``type="ordered"`` with one ``item`` per entry, ``item/@n`` holding the
  printed marker when there is one.  A list without items is left out (TEI
  requires an item; it holds no text).
* A body with no paragraph-like block or division (no blocks, or captions
  only) gets one empty ``p``: TEI requires one.

Inlines:

* ``Text`` → text; ``Link`` → ``ref target=URL`` with the link text;
  ``Email`` → ``ref target="mailto:…"`` with the address as text.  Characters
  not allowed in a URI (spaces, quotes, non-ASCII, a ``%`` that starts no
  escape) are percent-encoded in targets; a link with an empty URL is kept
  as plain text.
* ``NoteRef`` to a note that is called exactly once, from the body: the note
  itself, inline at the call site, as
  ``note place="bottom" n=LABEL xml:id=ID``.  A note of one paragraph holds
  its inlines directly; a note of several has one ``p`` per paragraph.
* Notes called more than once, called only from inside other notes, or never
  called go to ``back/div type="notes"`` (same encoding, without ``@place``);
  each call site becomes ``ref type="noteref" n=LABEL target="#ID"`` with the
  label as text.
* A ``NoteRef`` without a note (or with an unknown note id) becomes
  ``ref type="noteref" subtype="unresolved" n=LABEL`` with the label as text.
* ``xml:id`` is the model's note id when it is an XML name (``n1``), else
  ``note`` + its position; duplicates get a ``-2``, ``-3``… suffix.

Provenance:

* Every element made from a block, list item or note that has spans carries
  ``@corresp`` (a global TEI attribute; the checked ``tei_all`` is P5 2.7.0,
  which has no global ``@source``): one URI per source span, the source file
  name (percent-encoded, relative, so it resolves next to the TEI file;
  ``source`` if the name is empty) with an RFC 5147 ``text/plain``
  fragment.  RFC 5147 counts line *positions* from 0, so the inclusive
  1-based span ``[first, last]`` is written ``#line=first-1,last``:
  ``corresp="sample.txt#line=5,7"`` means source lines 6 to 7.  Headings carry
  it on ``head``, captions on ``figure``.
* What normalisation did is kept in ``back``, in tables with a label row,
  so nothing the input said is lost and none of it is inside body text:
  ``div type="furniture"`` (line, kind, removed text, reason),
  ``div type="decisions"`` (pass, action, lines, before, after, detail) and
  ``div type="diagnostics"`` (level, code, lines, message).  Each row with
  source lines has the same ``@corresp`` pointer as blocks.
"""
from __future__ import annotations

import datetime as _dt
import re
from urllib.parse import quote

from lxml import etree

from ..model import (Caption, Document, Email, Heading, Inline, Link, ListBlock, Note, NoteRef,
                     Paragraph, Quote, Span, Text)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_T = "{%s}" % TEI_NS
_XML_ID = "{%s}id" % XML_NS
_XML_LANG = "{%s}lang" % XML_NS

# Characters XML 1.0 allows (besides these, nothing: C0 controls other than
# tab/LF/CR, lone surrogates, U+FFFE and U+FFFF are removed).
_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*\Z")
_LANG_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*\Z")  # xsd:language
_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
_VERSION = re.compile(r"[0-9]+[a-z]*[0-9]*(\.[0-9]+[a-z]*[0-9]*){0,3}\Z")  # TEI data.versionNumber
# Kept as is in URI targets: unreserved and reserved characters and '%'
# (already-encoded URLs).  A '%' that starts no %XX escape is encoded first;
# '[' and ']' are kept only around an IPv6 host.
_URI_SAFE = "-._~:/?#@!$&'()*+,;=%"
_STRAY_PERCENT = re.compile("%(?![0-9A-Fa-f]{2})")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_IPV6_HOST = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?)%5B([0-9A-Fa-f:.]+)%5D")

LIST_TYPES = {"bullet": "bulleted", "ordered": "ordered"}


# --------------------------------------------------------------------------
# Small helpers


def clean(s: str | None) -> str:
    """``s`` without the characters XML 1.0 does not allow (``None`` → "")."""
    return _NOT_XML_CHAR.sub("", s or "")


def _el(parent, tag: str, text: str | None = None, **attrs: str | None):
    """Append a TEI element; attributes whose value is ``None`` are left out."""
    e = etree.SubElement(parent, _T + tag) if parent is not None else etree.Element(_T + tag)
    for k, v in attrs.items():
        if v is not None:
            e.set(k, clean(v))
    if text:
        e.text = clean(text)
    return e


def _append_text(parent, text: str) -> None:
    """Add text after the last child of ``parent`` (or as its text)."""
    text = clean(text)
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def uri(s: str) -> str:
    """A URI reference for ``@target``: forbidden characters percent-encoded."""
    base, hash_, frag = _STRAY_PERCENT.sub("%25", clean(s).strip()).partition("#")
    base = _IPV6_HOST.sub(r"\1[\2]", quote(base, safe=_URI_SAFE), count=1)
    first = re.match(r"[^/?]*", base).group()
    if ":" in first and not _SCHEME.match(first):
        # not a scheme, so a relative path whose first segment may not hold ':'
        base = first.replace(":", "%3A") + base[len(first):]
    return base + hash_ + quote(frag, safe=_URI_SAFE.replace("#", ""))


def _iso_when(date: str) -> str | None:
    """``date`` if it is a valid ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    m = _ISO_DATE.match(date.strip())
    if not m:
        return None
    y, mo, d = m.groups()
    if int(y) == 0:  # XML Schema 1.0 has no year 0000
        return None
    try:
        _dt.date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        return None
    return date.strip()


def _version() -> str:
    try:
        from importlib.metadata import version
        v = version("seedconv")
    except Exception:  # not installed: still produce valid output
        return "0"
    return v if _VERSION.match(v) else "0"


# --------------------------------------------------------------------------
# The writer


class _TeiBuilder:
    def __init__(self, doc: Document):
        self.doc = doc
        name = clean(doc.metadata.source.name).strip()
        self.source_ref = quote(name, safe="/") if name else "source"
        self.note_ids = self._assign_note_ids(doc.notes)
        self.notes_by_id: dict[str, tuple[int, Note]] = {}
        for i, n in enumerate(doc.notes):
            self.notes_by_id.setdefault(n.id, (i, n))
        self.inline_notes = self._notes_to_inline()

    # -- notes ---------------------------------------------------------------

    @staticmethod
    def _assign_note_ids(notes: list[Note]) -> list[str]:
        used: set[str] = set()
        out = []
        for i, n in enumerate(notes, 1):
            base = n.id if _NCNAME.match(n.id or "") else f"note{i}"
            cand, k = base, 2
            while cand in used:
                cand, k = f"{base}-{k}", k + 1
            used.add(cand)
            out.append(cand)
        return out

    def _resolve(self, ref: NoteRef) -> int | None:
        """Index of the note a call points at, or ``None``."""
        if ref.note is None or ref.note not in self.notes_by_id:
            return None
        return self.notes_by_id[ref.note][0]

    def _notes_to_inline(self) -> set[int]:
        """Indexes of the notes called exactly once, and from the body."""
        body_calls: dict[int, int] = {}
        note_calls: dict[int, int] = {}

        def count(content: list[Inline], into: dict[int, int]) -> None:
            for x in content:
                if isinstance(x, NoteRef):
                    i = self._resolve(x)
                    if i is not None:
                        into[i] = into.get(i, 0) + 1

        for b in self.doc.blocks:
            if isinstance(b, ListBlock):
                for it in b.items:
                    count(it.content, body_calls)
            else:
                count(b.content, body_calls)
        for n in self.doc.notes:
            for para in n.paragraphs:
                count(para, note_calls)
        return {i for i, c in body_calls.items() if c == 1 and i not in note_calls}

    def corresp(self, spans: list[Span]) -> str | None:
        """``@corresp`` for source spans (RFC 5147 line fragments), or None."""
        parts = [f"{self.source_ref}#line={max(a - 1, 0)},{max(b, a - 1, 0)}"
                 for a, b in spans]
        return " ".join(parts) or None

    def note(self, parent, index: int, place: str | None):
        n = self.doc.notes[index]
        e = _el(parent, "note", **{_XML_ID: self.note_ids[index]}, place=place, n=n.label,
                corresp=self.corresp(n.spans))
        if len(n.paragraphs) == 1:
            self.inlines(e, n.paragraphs[0], in_note=True)
        else:
            for para in n.paragraphs:
                self.inlines(_el(e, "p"), para, in_note=True)
        return e

    # -- inlines -------------------------------------------------------------

    def inlines(self, parent, content: list[Inline], in_note: bool = False) -> None:
        """Append ``content`` to ``parent``, which then holds mixed content.

        ``parent`` always gets a text node (possibly empty): libxml2 only
        pretty-prints inside elements without text, and indentation there
        would add whitespace between adjacent inline elements.
        """
        for x in content:
            if isinstance(x, Text):
                _append_text(parent, x.text)
            elif isinstance(x, Link):
                target = uri(x.url)
                if target:
                    _el(parent, "ref", x.text or x.url, target=target)
                else:  # nothing to point at: keep the text
                    _append_text(parent, x.text)
            elif isinstance(x, Email):
                if uri(x.address):
                    _el(parent, "ref", x.address, target="mailto:" + uri(x.address))
                else:
                    _append_text(parent, x.address)
            elif isinstance(x, NoteRef):
                i = self._resolve(x)
                if i is None:
                    _el(parent, "ref", x.label, type="noteref", subtype="unresolved", n=x.label)
                elif i in self.inline_notes and not in_note:
                    self.note(parent, i, place="bottom")
                else:
                    _el(parent, "ref", x.label, type="noteref", n=x.label,
                        target="#" + self.note_ids[i])
        if parent.text is None:
            parent.text = ""

    # -- blocks --------------------------------------------------------------

    def body(self, text_el) -> None:
        body = _el(text_el, "body")
        # stack of (heading level, container element); body is the bottom
        stack: list[tuple[int | None, etree._Element]] = [(None, body)]
        for b in self.doc.blocks:
            if isinstance(b, Heading):
                while len(stack) > 1 and stack[-1][0] >= b.level:
                    stack.pop()
                div = _el(stack[-1][1], "div", type=f"level{b.level}")
                self.inlines(_el(div, "head", corresp=self.corresp(b.spans)), b.content)
                stack.append((b.level, div))
                continue
            parent = stack[-1][1]
            if isinstance(b, Paragraph):
                self.inlines(_el(parent, "p", corresp=self.corresp(b.spans)), b.content)
            elif isinstance(b, Quote):
                self.inlines(_el(parent, "quote", corresp=self.corresp(b.spans)), b.content)
            elif isinstance(b, Caption):
                fig = _el(parent, "figure", corresp=self.corresp(b.spans))
                self.inlines(_el(fig, "head"), b.content)
            elif isinstance(b, ListBlock):
                if not b.items:
                    continue
                lst = _el(parent, "list", type=LIST_TYPES[b.kind],
                          corresp=self.corresp(b.spans))
                for it in b.items:
                    item = _el(lst, "item", n=it.marker or None, corresp=self.corresp(it.spans))
                    self.inlines(item, it.content)
            else:  # pragma: no cover - the model has no other block types
                raise TypeError(f"unknown block {type(b).__name__}")
        if not any(e.tag != _T + "figure" for e in body):
            # TEI needs a paragraph-like block or a division in body;
            # a figure alone does not count.
            _el(body, "p")

    def back(self, text_el) -> None:
        doc = self.doc
        back = _el(None, "back")
        rest = [i for i in range(len(doc.notes)) if i not in self.inline_notes]
        if rest:
            div = _el(back, "div", type="notes")
            _el(div, "head", "Notes")
            for i in rest:
                self.note(div, i, place=None)
        if doc.furniture:
            rows = [((f.line, f.line), [str(f.line), f.kind, f.text, f.reason])
                    for f in doc.furniture]
            self._table(back, "furniture", "Page furniture removed from the text",
                        ["Line", "Kind", "Text", "Reason"], rows)
        if doc.decisions:
            rows = [(d.lines, [d.pass_, d.action, _lines(d.lines), d.before, d.after, d.detail])
                    for d in doc.decisions]
            self._table(back, "decisions", "Normalisation decisions",
                        ["Pass", "Action", "Lines", "Before", "After", "Detail"], rows)
        if doc.diagnostics:
            rows = [(d.lines, [d.level, d.code, _lines(d.lines), d.message])
                    for d in doc.diagnostics]
            self._table(back, "diagnostics", "Diagnostics",
                        ["Level", "Code", "Lines", "Message"], rows)
        if len(back):
            text_el.append(back)

    def _table(self, parent, kind: str, title: str, labels: list[str],
               rows: list[tuple[Span | None, list[str]]]) -> None:
        div = _el(parent, "div", type=kind)
        _el(div, "head", title)
        table = _el(div, "table", rows=str(len(rows) + 1), cols=str(len(labels)))
        head = _el(table, "row", role="label")
        for label in labels:
            _el(head, "cell", label)
        for span, cells in rows:
            row = _el(table, "row", corresp=self.corresp([span]) if span else None)
            for c in cells:
                _el(row, "cell", c)

    # -- header --------------------------------------------------------------

    def header(self, tei) -> None:
        md = self.doc.metadata
        src = md.source
        title = clean(md.title).strip()
        subtitle = clean(md.subtitle).strip()
        authors = [a for a in (clean(a).strip() for a in md.authors) if a]
        publisher = clean(md.publisher).strip()
        rights = clean(md.rights).strip()
        date = clean(md.date).strip()
        name = clean(src.name).strip()

        hdr = _el(tei, "teiHeader")
        fd = _el(hdr, "fileDesc")
        ts = _el(fd, "titleStmt")
        _el(ts, "title", title or name or "Untitled", type="main")
        if subtitle:
            _el(ts, "title", subtitle, type="sub")
        for a in authors:
            _el(ts, "author", a)

        ps = _el(fd, "publicationStmt")
        if publisher:
            _el(ps, "publisher", publisher)
            if date:
                _el(ps, "date", date, when=_iso_when(date))
            if rights:
                _el(_el(ps, "availability"), "licence", rights)
        else:
            _el(ps, "p", "Publisher unknown: the source names none. "
                         "Any date and rights statement are in the source description.")

        if not title:
            ns = _el(fd, "notesStmt")
            _el(ns, "note", "No title was recovered from the source; "
                            + ("the source file name" if name else "a placeholder")
                            + " stands in as the main title.", type="title-fallback")

        bibl = _el(_el(fd, "sourceDesc"), "bibl")
        if title:
            _el(bibl, "title", title, type="main")
        if subtitle:
            _el(bibl, "title", subtitle, type="sub")
        for a in authors:
            _el(bibl, "author", a)
        if publisher:
            _el(bibl, "publisher", publisher)
        if date:
            _el(bibl, "date", date, when=_iso_when(date))
        _el(bibl, "idno", name, type="filename")
        _el(bibl, "idno", clean(src.sha256).strip(), type="sha256")
        if src.lines:
            _el(bibl, "extent", f"{src.lines} lines")
        _el(bibl, "note", f"Source text decoded as {clean(src.encoding) or 'unknown'}.",
            type="encoding")
        if rights:
            _el(_el(bibl, "availability"), "licence", rights)

        ed = _el(hdr, "encodingDesc")
        app = _el(_el(ed, "appInfo"), "application",
                  ident=self.doc.generator if _NCNAME.match(self.doc.generator or "") else "seedconv",
                  version=_version())
        _el(app, "label", "seedconv")
        _el(app, "p", f"Converted from the seedconv document model, "
                      f"schema version {clean(self.doc.schema_version)}.")
        edl = _el(ed, "editorialDecl")
        _el(edl, "p", "Source provenance: @corresp on blocks, list items, notes and table rows "
                      "points at the source text with RFC 5147 line fragments; "
                      "#line=A,B covers source lines A+1 to B (1-based, inclusive).")
        _el(edl, "p", "Removed page furniture, normalisation decisions and diagnostics are "
                      "listed in the back matter (div types furniture, decisions, diagnostics).")

        lang = clean(md.language).strip()
        if lang:
            ok = bool(_LANG_TAG.match(lang))
            pd = _el(hdr, "profileDesc")
            _el(_el(pd, "langUsage"), "language", lang, ident=lang if ok else "und")

    def build(self):
        tei = etree.Element(_T + "TEI", nsmap={None: TEI_NS})
        self.header(tei)
        text_el = _el(tei, "text")
        lang = clean(self.doc.metadata.language).strip()
        if lang and _LANG_TAG.match(lang):
            text_el.set(_XML_LANG, lang)
        self.body(text_el)
        self.back(text_el)
        return tei


def _lines(span: Span | None) -> str:
    if not span:
        return ""
    a, b = span
    return str(a) if a == b else f"{a}-{b}"


def to_tree(doc: Document) -> etree._Element:
    """The TEI document as an lxml element (the ``TEI`` root)."""
    return _TeiBuilder(doc).build()


def render(doc: Document) -> bytes:
    """The TEI P5 XML of ``doc``: UTF-8, XML declaration, pretty-printed."""
    root = to_tree(doc)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
