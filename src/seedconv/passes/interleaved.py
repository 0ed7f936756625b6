"""Interleaved lines: two columns whose lines the extractor wrote one of each
in turn are read one after the other.

Repairs (pdfminer with a box for every line sorts the boxes of both columns
of a page by height, so where their lines share baselines they alternate)::

    ... and the rule of se-                 ... and the rule of se-
    Being a project of volunteers with a    lection for the versions as de-
    lection for the versions as de-     →   scribed in the manual page.
    veloped in many places, its pac-        Being a project of volunteers with a
    scribed in the manual page.             veloped in many places, its pac-
    kages have different ...                kages have different ...

The evidence is a word broken with a hyphen at a line end that the next line
does not continue and the line after it does: the document's language (or
English) knows the word made with the line after next (``se`` + ``lection``)
and not the one made with the next line (``se`` + ``Being``).  Where two such
breaks or more follow one another (each at most three text lines after the
last), the text lines from the first broken line to the last continuation
alternate between two columns: those of the first column (the first broken
line's) are read first, then those of the second, whose first line follows a
column break (``ctx.meta["breaks"]``; :mod:`reading_order` decides whether a
paragraph goes on there).  A single break proves nothing: a word the
dictionary does not know may well be continued by the next line.

Like :mod:`columns`, the passes after this one see the lines in reading
order, numbered in that order, and the source numbers are put back into the
document at the end (:func:`columns.restore_numbers`).  A page the columns
pass has read already is left alone.  One decision per run of alternating
lines records it.
"""
from __future__ import annotations

import re

from .base import Context
from .columns import read_in_order
from .dropped_hyphens import line_end_left
from .words import zipf_any

NAME = "interleaved"
_RIGHT = re.compile(r"\s*([^\W\d_]+)")
KNOWN = 2.5     # Zipf frequency of the word made with the line after next, at least
UNKNOWN = 1.0   # ... and of the word made with the next line, below this
GAP = 3         # text lines from one break to the next, at most
MIN_BREAKS = 2  # breaks that alternate, at least


def _piece(t: str) -> str:
    m = _RIGHT.match(t)
    return m.group(1) if m else ""


def _skips(left: str, nxt: str, after: str, lang: str) -> bool:
    """The word ``left-`` goes on after the next line, not on it."""
    b, c = _piece(nxt), _piece(after)
    if not c or not c[0].islower():
        return False
    # (the next line first: it most often goes on, and the line-end hyphen
    # pass asks for the same word later, from wordfreq's cache)
    if b and zipf_any((left + b).casefold(), lang) >= UNKNOWN:
        return False
    return zipf_any((left + c).casefold(), lang) >= KNOWN


def run(ctx: Context) -> None:
    if "source_line_of" in ctx.meta:
        return  # the columns pass read this document's columns already
    lines = ctx.lines
    texts = [i for i, ln in enumerate(lines) if ln.text.strip()]
    found: list[int] = []  # positions in texts of the lines broken before a skipped line
    for p in range(len(texts) - 2):
        t = lines[texts[p]].text
        if t[-1:] != "-":
            continue
        m = line_end_left(t)
        if m is None:
            continue
        a, b, c = (lines[texts[q]] for q in (p, p + 1, p + 2))
        if a.page == b.page == c.page and _skips(m.group(1), b.text, c.text, ctx.language):
            found.append(p)
    if len(found) < MIN_BREAKS:
        return
    runs: list[list[int]] = []
    for p in found:
        if runs and p - runs[-1][-1] <= GAP:
            runs[-1].append(p)
        else:
            runs.append([p])
    runs = [r for r in runs if len(r) >= MIN_BREAKS]
    if not runs:
        return
    order: list[int] = []   # indices into lines, in reading order
    tops: list[int] = []    # the indices of the second columns' first lines
    done = 0
    spans = []
    for r in runs:
        # each text line with the blank lines after it, up to the next text line
        ends = [texts[q + 1] if q + 1 < len(texts) else len(lines) for q in range(r[0], r[-1] + 3)]
        first = texts[r[0]]
        items = [range(a, e) for a, e in zip([first] + ends[:-1], ends)]
        order.extend(range(done, first))
        for k in range(0, len(items), 2):
            order.extend(items[k])
        tops.append(items[1][0])
        for k in range(1, len(items), 2):
            order.extend(items[k])
        done = ends[-1]
        spans.append((first, ends[-1] - 1, len(items)))
    order.extend(range(done, len(lines)))
    top_lines = [lines[i] for i in tops]
    span_lines = [(lines[a], lines[b], n) for a, b, n in spans]
    read_in_order(ctx, [lines[i] for i in order], top_lines)
    for (first, last, n), top in zip(span_lines, top_lines):
        ctx.decide(NAME, "deinterleave", (min(first.no, top.no), max(last.no, top.no)), "",
                   f"{n} lines in two columns",
                   f"words broken at line ends go on two lines further, not on the next line: the lines "
                   f"alternate between two columns; the first column's are read first, then the "
                   f"second's (from line {top.no} in reading order)")
