"""JSON Lines writer: one JSON object per unit of running text, for search
indexes, corpus tools and language-model pipelines.

A unit is a paragraph, a list item, a quote or a caption, in document
order; headings are not units but give every unit its ``section_path``.
Each line is one object (UTF-8, keys in this order)::

    {"doc": "paper.txt",                 # the source file name
     "section_path": ["Background"],     # texts of the enclosing headings, outermost first
     "type": "paragraph",                # paragraph | list-item | quote | caption | note
     "text": "… gas issues.[1] While …", # note calls as [label], links as text <url>
     "notes": [{"label": "1", "text": "…"}],   # the notes this unit calls, in call order
     "source_lines": [[18, 21], [23, 34]]}     # the unit's spans in the input

Text is written as in the ``txt`` format (:func:`seedconv.writers.text.inline_text`):
whitespace collapsed, a call ``[label]`` even where no note was found (it
then has no entry in ``notes``).  A note's paragraphs are joined with a
newline.  Notes that no unit calls are not lost: they follow the body as
units of type ``note`` (``section_path`` empty, ``notes`` empty).  Units
without text are skipped.  An empty document gives an empty file.
"""
from __future__ import annotations

import json

from ..model import (Caption, Document, Heading, Inline, ListBlock, Note, NoteRef, Paragraph,
                     Quote, plain_text)
from .text import inline_text

_TYPES = {Paragraph: "paragraph", Quote: "quote", Caption: "caption"}


def _note_text(n: Note) -> str:
    return "\n".join(t for t in (inline_text(p) for p in n.paragraphs) if t)


def _spans(spans) -> list[list[int]]:
    return [[int(a), int(b)] for a, b in spans]


def units(doc: Document) -> list[dict]:
    """The units of ``doc`` as dicts (what :func:`render` writes, one per line)."""
    by_id = doc.note_by_id()
    called: set[str] = set()
    path: list[tuple[int, str]] = []
    out: list[dict] = []
    name = doc.metadata.source.name

    def unit(kind: str, content: list[Inline], spans) -> None:
        text = inline_text(content)
        if not text:
            return
        notes, seen = [], set()
        for x in content:
            if isinstance(x, NoteRef) and x.note in by_id and x.note not in seen:
                seen.add(x.note)
                called.add(x.note)
                notes.append({"label": x.label, "text": _note_text(by_id[x.note])})
        out.append({"doc": name, "section_path": [t for _, t in path], "type": kind,
                    "text": text, "notes": notes, "source_lines": _spans(spans)})

    for b in doc.blocks:
        if isinstance(b, Heading):
            while path and path[-1][0] >= b.level:
                path.pop()
            title = " ".join(plain_text(b.content).split())
            if title:
                path.append((b.level, title))
        elif isinstance(b, ListBlock):
            for item in b.items:
                unit("list-item", item.content, item.spans or b.spans)
        else:
            unit(_TYPES[type(b)], b.content, b.spans)
    for n in doc.notes:
        if n.id not in called:
            text = _note_text(n)
            if text:
                out.append({"doc": name, "section_path": [], "type": "note",
                            "text": f"[{n.label}] {text}", "notes": [],
                            "source_lines": _spans(n.spans)})
    return out


def render(doc: Document) -> bytes:
    return "".join(json.dumps(u, ensure_ascii=False) + "\n" for u in units(doc)).encode("utf-8")
