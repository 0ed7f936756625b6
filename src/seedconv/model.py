"""The seedconv document model.

One small set of typed dataclasses describes a recovered document.  Passes
build it, writers read it, and ``schemas/seedconv.schema.json`` mirrors it
(a test checks that every document the library produces validates).

Source provenance
-----------------
Line numbers are 1-based and refer to the input text after decoding and
line-end normalisation (``\\r\\n`` and ``\\r`` count as one line end, a form
feed starts a new page but not a new line).  A *span* is an inclusive pair
``[first, last]``; a block joined across a page break has several spans.

Inline content
--------------
Paragraph-like blocks hold a list of inlines: :class:`Text`, :class:`NoteRef`
(a footnote call, pointing at a :class:`Note` by id), :class:`Link` (a URL the
normaliser recognised) and :class:`Email`.

Decisions
---------
Every heuristic choice a pass makes is a :class:`Decision` with the pass name,
what it did, the source lines and the text before and after, so an editor can
audit and reverse it.  What the normaliser removed as page furniture is kept in
:attr:`Document.furniture` with its line number, so nothing the input said is
lost silently.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal, Union

SCHEMA_VERSION = "1.0"

Span = tuple[int, int]


# --------------------------------------------------------------------------
# Inlines


@dataclass(slots=True)
class Text:
    text: str
    type: Literal["text"] = "text"


@dataclass(slots=True)
class NoteRef:
    """A footnote call: ``label`` as printed (``1``, ``*``), ``note`` the id
    of the :class:`Note` it points at (``None`` when no note was found)."""

    label: str
    note: str | None = None
    type: Literal["noteref"] = "noteref"


@dataclass(slots=True)
class Link:
    url: str
    text: str
    type: Literal["link"] = "link"


@dataclass(slots=True)
class Email:
    address: str
    type: Literal["email"] = "email"


Inline = Union[Text, NoteRef, Link, Email]


# --------------------------------------------------------------------------
# Blocks


@dataclass(slots=True)
class Heading:
    level: int
    content: list[Inline]
    spans: list[Span] = field(default_factory=list)
    type: Literal["heading"] = "heading"


@dataclass(slots=True)
class Paragraph:
    content: list[Inline]
    spans: list[Span] = field(default_factory=list)
    type: Literal["paragraph"] = "paragraph"


@dataclass(slots=True)
class Quote:
    content: list[Inline]
    spans: list[Span] = field(default_factory=list)
    type: Literal["quote"] = "quote"


@dataclass(slots=True)
class Caption:
    content: list[Inline]
    spans: list[Span] = field(default_factory=list)
    type: Literal["caption"] = "caption"


@dataclass(slots=True)
class ListItem:
    content: list[Inline]
    marker: str | None = None
    spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class ListBlock:
    kind: Literal["bullet", "ordered"]
    items: list[ListItem]
    spans: list[Span] = field(default_factory=list)
    type: Literal["list"] = "list"


Block = Union[Heading, Paragraph, Quote, Caption, ListBlock]


@dataclass(slots=True)
class Note:
    """A footnote or endnote.  ``id`` is unique in the document (``n1``…);
    ``label`` is the mark as printed.  A note of several paragraphs has one
    inline list per paragraph."""

    id: str
    label: str
    paragraphs: list[list[Inline]]
    spans: list[Span] = field(default_factory=list)


# --------------------------------------------------------------------------
# Metadata and the record of what normalisation did


@dataclass
class Source:
    name: str
    sha256: str
    encoding: str = "utf-8"
    lines: int = 0


@dataclass
class Metadata:
    source: Source
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    publisher: str | None = None
    rights: str | None = None
    language: str | None = None


@dataclass(slots=True)
class Furniture:
    """A line removed from the text as page furniture."""

    line: int
    text: str
    kind: Literal["running-head", "page-number", "copyright", "drop-cap",
                  "link-residue", "rule", "blank", "other"]
    reason: str = ""


@dataclass(slots=True)
class Decision:
    """One heuristic choice, with its source lines, so it can be audited."""

    pass_: str
    action: str
    lines: Span
    before: str = ""
    after: str = ""
    detail: str = ""


@dataclass(slots=True)
class Diagnostic:
    level: Literal["info", "warning", "error"]
    code: str
    message: str
    lines: Span | None = None


@dataclass
class Document:
    metadata: Metadata
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION
    generator: str = "seedconv"

    def note_by_id(self) -> dict[str, Note]:
        return {n.id: n for n in self.notes}


# --------------------------------------------------------------------------
# (De)serialisation: plain dicts that mirror the JSON Schema.

_INLINE_TYPES = {"text": Text, "noteref": NoteRef, "link": Link, "email": Email}
_BLOCK_TYPES = {"heading": Heading, "paragraph": Paragraph, "quote": Quote,
                "caption": Caption, "list": ListBlock}
_RENAME = {"pass_": "pass"}


def to_dict(obj: Any) -> Any:
    """Turn a model object (or a list of them) into JSON-ready data."""
    if isinstance(obj, list | tuple):
        return [to_dict(x) for x in obj]
    if hasattr(obj, "__dataclass_fields__"):
        out = {}
        for f in fields(obj):
            out[_RENAME.get(f.name, f.name)] = to_dict(getattr(obj, f.name))
        return out
    return obj


def _spans(v) -> list[Span]:
    return [tuple(s) for s in v or []]


def inline_from_dict(d: dict) -> Inline:
    cls = _INLINE_TYPES[d["type"]]
    return cls(**{k: v for k, v in d.items() if k != "type"})


def _content(v) -> list[Inline]:
    return [inline_from_dict(x) for x in v]


def block_from_dict(d: dict) -> Block:
    t = d["type"]
    if t == "list":
        items = [ListItem(content=_content(i["content"]), marker=i.get("marker"),
                          spans=_spans(i.get("spans"))) for i in d["items"]]
        return ListBlock(kind=d["kind"], items=items, spans=_spans(d.get("spans")))
    cls = _BLOCK_TYPES[t]
    kw = {"content": _content(d["content"]), "spans": _spans(d.get("spans"))}
    if t == "heading":
        kw["level"] = d["level"]
    return cls(**kw)


def from_dict(d: dict) -> Document:
    """Rebuild a :class:`Document` from :func:`to_dict` output (or a JSON file)."""
    md = dict(d["metadata"])
    md["source"] = Source(**md["source"])
    meta = Metadata(**md)
    notes = [Note(id=n["id"], label=n["label"],
                  paragraphs=[_content(p) for p in n["paragraphs"]],
                  spans=_spans(n.get("spans"))) for n in d.get("notes", [])]
    furniture = [Furniture(**f) for f in d.get("furniture", [])]
    decisions = []
    for x in d.get("decisions", []):
        x = dict(x)
        x["pass_"] = x.pop("pass")
        x["lines"] = tuple(x["lines"])
        decisions.append(Decision(**x))
    diags = []
    for x in d.get("diagnostics", []):
        x = dict(x)
        if x.get("lines") is not None:
            x["lines"] = tuple(x["lines"])
        diags.append(Diagnostic(**x))
    return Document(metadata=meta, blocks=[block_from_dict(b) for b in d.get("blocks", [])],
                    notes=notes, furniture=furniture, decisions=decisions,
                    diagnostics=diags, schema_version=d.get("schema_version", SCHEMA_VERSION),
                    generator=d.get("generator", "seedconv"))


def plain_text(content: list[Inline]) -> str:
    """The text of an inline list, note calls dropped, links as their text."""
    out = []
    for x in content:
        if isinstance(x, Text):
            out.append(x.text)
        elif isinstance(x, Link):
            out.append(x.text)
        elif isinstance(x, Email):
            out.append(x.address)
    return "".join(out)
