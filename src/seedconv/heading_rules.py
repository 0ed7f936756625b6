"""The profile's heading rules, applied to a finished document.

The passes find headings by layout; a user who knows the collection can
correct them with rules in the profile (``headings.force`` and
``headings.never``, see :mod:`seedconv.profile`), which arrive here as
:attr:`Settings.heading_patterns` and :attr:`Settings.not_heading_patterns`.

* A paragraph or caption whose text (note calls dropped, whitespace
  collapsed) matches a ``force`` pattern (``re.search``) becomes a heading of
  the rule's level; a heading that matches gets the rule's level.  The first
  matching rule wins.
* A heading whose text matches a ``never`` pattern becomes a paragraph
  (``never`` is checked before ``force``).

Each change is recorded as a decision of pass ``profile`` with the block's
source lines, so the review page and the JSON show it like any other.
Lists and quotes are left alone.
"""
from __future__ import annotations

import re

from .model import Caption, Decision, Document, Heading, Paragraph, plain_text
from .settings import Settings

PASS = "profile"
_SPACE = re.compile(r"\s+")


def _text(block) -> str:
    return _SPACE.sub(" ", plain_text(block.content)).strip()


def _lines(block) -> tuple[int, int] | None:
    spans = [s for s in block.spans if s and s[0] >= 1]
    if not spans:
        return None
    return (min(s[0] for s in spans), max(s[1] for s in spans))


def apply(doc: Document, settings: Settings) -> Document:
    """Apply the heading rules of ``settings`` to ``doc`` in place (and return it)."""
    force = [(re.compile(p), int(level)) for p, level in settings.heading_patterns]
    never = [re.compile(p) for p in settings.not_heading_patterns]
    if not force and not never:
        return doc
    for i, b in enumerate(doc.blocks):
        if not isinstance(b, (Heading, Paragraph, Caption)):
            continue
        text = _text(b)
        if not text:
            continue
        new = None
        why = ""
        if isinstance(b, Heading):
            hit = next((p for p in never if p.search(text)), None)
            if hit is not None:
                new = Paragraph(content=b.content, spans=list(b.spans))
                why = f"matches headings.never pattern {hit.pattern!r}"
                before, after = f"heading level {b.level}", "paragraph"
        if new is None:
            rule = next(((p, lv) for p, lv in force if p.search(text)), None)
            if rule is not None and not (isinstance(b, Heading) and b.level == rule[1]):
                new = Heading(level=rule[1], content=b.content, spans=list(b.spans))
                why = f"matches headings.force pattern {rule[0].pattern!r}"
                before = f"heading level {b.level}" if isinstance(b, Heading) else b.type
                after = f"heading level {rule[1]}"
        if new is None:
            continue
        doc.blocks[i] = new
        lines = _lines(b)
        if lines is not None:
            doc.decisions.append(Decision(PASS, "heading-rule", lines, text[:60],
                                          after, f"{why} (was {before})"))
    return doc
