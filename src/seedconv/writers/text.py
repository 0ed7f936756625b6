"""Plain-text writer: the document as UTF-8 text, notes at the end.

Written directly from the model, not with ``pandoc -t plain``, because
pandoc's plain output loses what this edition is for: it renumbers notes
(``[2]`` for a note printed ``*``) and ordered lists (``2.`` for an item
printed ``4``), writes a call without a note as a Unicode superscript
(``⁹``), has no "Notes" line, and drops the subtitle.  Plain text is not
markup, so there is nothing to escape and no string of Markdown, HTML or XML
is assembled here.

Layout (blocks separated by one blank line; each block is one line):

* Title, subtitle and each author on a line of their own, at the top.
* Headings and paragraphs as they are; captions as paragraphs.
* Quotes indented by four spaces.
* List items one per line with their marker: ``- `` for bullets (or the
  printed bullet when the model kept one), the printed marker for ordered
  items (``4.``; a bare number gets a period).  A list is one block.
* A note call is ``[label]`` with the label as printed, right after the text
  it follows (``gas issues.[1] While``), also where no note was found.
* Links are their text, followed by `` <url>`` when the text is not the URL;
  e-mail addresses as they are.
* After the body, a line ``Notes`` and then every note of the document, in the
  model's order (called or not, each once), as ``[label] text``; further
  paragraphs of a note follow on their own lines, indented by four spaces.

Runs of whitespace inside a block become one space.  The text ends with a
newline; a document with no title, authors, blocks or notes gives an empty
file.  Labels are printed labels, so two notes printed with the same label
(numbering restarted on each page) appear with the same ``[label]``.
"""
from __future__ import annotations

import re

from ..model import (Caption, Document, Email, Heading, Inline, Link, ListBlock, Note, NoteRef,
                     Paragraph, Quote, Text)

_SPACE = re.compile(r"[ \t\n\r\f\v]+")
INDENT = "    "


def _line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def inline_text(content: list[Inline]) -> str:
    """One line of text for an inline list (see the module docstring)."""
    out = []
    for x in content:
        if isinstance(x, Text):
            out.append(x.text)
        elif isinstance(x, NoteRef):
            out.append(f"[{x.label}]")
        elif isinstance(x, Link):
            text = x.text or x.url
            out.append(text if _line(text) == _line(x.url) else f"{text} <{x.url}>")
        elif isinstance(x, Email):
            out.append(x.address)
        else:  # pragma: no cover - the model has no other inline
            raise TypeError(f"unknown inline {x!r}")
    return _line("".join(out))


def _marker(kind: str, marker: str | None, index: int) -> str:
    marker = (marker or "").strip()
    if kind == "bullet":
        return marker or "-"
    if not marker:
        return f"{index}."
    return marker + "." if marker.isalnum() else marker


def _block(b) -> str:
    if isinstance(b, ListBlock):
        lines = [f"{_marker(b.kind, i.marker, n)} {inline_text(i.content)}".rstrip()
                 for n, i in enumerate(b.items, 1)]
        return "\n".join(lines)
    text = inline_text(b.content)
    if isinstance(b, Quote) and text:
        return INDENT + text
    if isinstance(b, (Heading, Paragraph, Caption, Quote)):
        return text
    raise TypeError(f"unknown block {b!r}")  # pragma: no cover


def _note(n: Note) -> str:
    paras = [p for p in (inline_text(p) for p in n.paragraphs) if p]
    first = f"[{n.label}] {paras[0]}" if paras else f"[{n.label}]"
    return "\n".join([first, *(INDENT + p for p in paras[1:])])


def render_text(doc: Document) -> str:
    md = doc.metadata
    head = [_line(x) for x in (md.title, md.subtitle, *md.authors) if x and _line(x)]
    chunks = ["\n".join(head)] if head else []
    chunks += [c for c in (_block(b) for b in doc.blocks) if c]
    if doc.notes:
        chunks.append("Notes")
        chunks += [_note(n) for n in doc.notes]
    return "\n\n".join(chunks) + "\n" if chunks else ""


def render(doc: Document) -> bytes:
    return render_text(doc).encode("utf-8")
