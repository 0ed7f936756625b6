"""Columns: two columns the extractor printed side by side are read one after
the other.

Repairs (``pdftotext -layout`` and other extractors that keep the page's
geometry)::

    The shell prompt           The root account         The shell prompt
    Upon starting the system,  The root account is      Upon starting the system,
    you are presented with     also called superuser →  you are presented with
                               or privileged user.      The root account
                                                        The root account is ...

A page has two columns when many of its rows have text starting at the same
position in the middle of the page after a run of spaces (the gutter), and
few rows run across that position.  The page is then read as: the rows
above the two-column part (title, authors, running head), the left column,
the right column, the rows below it (page foot).  The right column's first
line follows a column break (``ctx.meta["breaks"]``): whether the paragraph
goes on there is for :mod:`reading_order` to decide.  Each row is cut in the
gutter's run of spaces; a right-column line keeps its indent relative to the
column (a paragraph's first line).  A row with nothing in one column is a
blank line in that column where the two columns share their rows (between
rows with text in both), and adds nothing where their rows alternate
(different baselines, a heading in a larger font).  Rows that run across the gutter inside the two-column part
(a long line of the left column) stay in the left column.

The passes after this one see the lines in reading order, numbered in that
order; :func:`restore_numbers` puts the source line numbers back into the
document (a span of a right-column paragraph then covers the source rows it
was printed on).  One decision per page records the gutter.
"""
from __future__ import annotations

import re
from array import array
from collections import Counter
from itertools import groupby
from operator import attrgetter

from .base import Context, Line

NAME = "columns"
_PAGE_OF = attrgetter("page")
_GAP = re.compile(r" {2,}")
MIN_ROWS = 6          # rows with text at the gutter, at least
SHARE = 0.25          # ... and this share of the page's text rows
CROSS_SHARE = 0.2     # rows running across the gutter, at most this share
RUN = 3               # two-column rows among the 2*RUN rows that open the two-column part


def run(ctx: Context) -> None:
    lines = ctx.lines
    if not lines or not any("   " in ln.text for ln in lines[:2000]):
        return  # no wide runs of spaces: no geometry kept
    # the runs of lines on one page (grouped in C)
    pages: list[list[Line]] = [list(g) for _, g in groupby(lines, _PAGE_OF)]
    out: list[Line] = []
    unfolded = []   # (first line, last line, gutter, first row, last row) of each two-column part
    tops = []       # the first line of each right column: a column break
    for page in pages:
        g = _gutter([ln.text for ln in page])
        new = _unfold(page, g) if g else None
        if new is None:
            out.extend(page)
        else:
            lines_, a, b, top = new
            part = lines_[a:len(lines_) - (len(page) - 1 - b)]
            unfolded.append((part[0], part[-1], g, page[a].no, page[b].no))
            if top is not None:
                tops.append(top)
            out.extend(lines_)
    if not unfolded:
        return
    read_in_order(ctx, out, tops)
    for first, last, g, a, b in unfolded:   # (numbered in reading order, as every decision)
        ctx.decide(NAME, "unfold-columns", (first.no, last.no), "", f"column 2 from character {g}",
                   f"two columns side by side (source rows {a}-{b}): the left column is read "
                   f"first, then the right one")


def read_in_order(ctx: Context, out: list[Line], tops: list[Line]) -> None:
    """Make ``out`` (the document's lines put in reading order) the lines
    the passes after this one see, numbered in that order; keep the source
    number of each (``ctx.meta["source_line_of"]``, for
    :func:`restore_numbers`) and mark the lines of ``tops`` (the first line
    of each second column) as following a column break."""
    source = array("i", (ln.no for ln in out))  # 4 bytes a line, not an int object each
    for k, ln in enumerate(out, 1):
        ln.no = k
    ctx.lines = out
    ctx.meta["source_line_of"] = source
    ctx.meta.setdefault("breaks", set()).update(ln.no for ln in tops)


def _starts(t: str):
    """Positions where text starts after a run of two or more spaces (or
    after leading spaces)."""
    for m in _GAP.finditer(t):
        if m.end() < len(t):
            yield m.end()


def _gutter(texts: list[str]) -> int | None:
    """The position where the right column starts on a page, or None."""
    rows = [t for t in texts if t.strip()]
    if len(rows) < MIN_ROWS:
        return None
    need = max(MIN_ROWS, SHARE * len(rows))
    width = max(map(len, rows))
    lo, hi = 0.3 * width, 0.7 * width
    # (a cheap count first: a run of spaces ending between lo and hi holds
    # two spaces from lo - 2 on)
    a, b = max(0, int(lo) - 2), int(hi) + 1
    if len([t for t in rows if "  " in t[a:b]]) < need:
        return None
    count = Counter(p for t in rows for p in set(_starts(t)) if lo <= p <= hi)
    if not count:
        return None
    g, n = count.most_common(1)[0]
    if n < need:
        return None
    crossing = sum(1 for t in rows if _cut(t, g) is None)
    return g if crossing <= CROSS_SHARE * len(rows) else None


def _cut(t: str, g: int):
    """``(left, right)`` of a row at gutter ``g``: right is '' when the row
    ends before the gutter, and None (no cut) when the row runs across it.
    The right part keeps its indent relative to the column."""
    if len(t) <= g - 2 or not t[g - 2:].strip():
        return t.rstrip(), ""
    for m in _GAP.finditer(t, max(0, g - 12)):
        if m.start() > g + 1:
            break
        if g - 3 <= m.end() <= g + 10 and m.end() < len(t):
            right = " " * max(0, m.end() - g) + t[m.end():]
            return t[:m.start()].rstrip(), right.rstrip()
    if t[:g - 2].strip() == "" and t[g - 3:g - 2] == " ":  # leading spaces up to the column
        return "", t[g - 2:].rstrip()
    return None


_NAME = re.compile(r"[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){1,3}")
_WIDE_GAP = re.compile(r" {3,}")


def _names_row(t: str, least: int) -> bool:
    """A row of ``least`` names or more set apart by wide gaps, each a few
    capitalised words (``Ann Roe      Jon Doe      Eva Poe``): the authors
    of a paper spread over the page's width."""
    parts = _WIDE_GAP.split(t.strip())
    return len(parts) >= least and all(p[:1].isupper() and len(p) <= 30 and _NAME.fullmatch(p)
                                   and all(w[:1].isupper() for w in p.split() if len(w) > 3)
                                   for p in parts)


def _unfold(page: list[Line], g: int):
    """The page's lines in reading order, the indices of the first and last
    rows of its two-column part and the right column's first line; None if
    it has none."""
    cuts = [(_cut(ln.text, g) if ln.text.strip() else ("", "")) for ln in page]
    names = False
    for k in [i for i, ln in enumerate(page) if ln.text.strip()][:4]:
        t = page[k].text
        # (a row of names right after one, centred: the rest of the authors)
        names = _names_row(t, 3) or (names and len(t) - len(t.lstrip()) >= 8 and _names_row(t, 1))
        if names:
            cuts[k] = None  # authors spread over the page's width: one row, not two columns
    two = [c is not None and c[1] != "" for c in cuts]   # text in the right column
    text = [bool(ln.text.strip()) for ln in page]
    # the two-column part opens with a two-column row followed by at least
    # RUN of them among the next 2*RUN text rows, none running across the
    # gutter (a centred title, authors spread over the page's width); it ends
    # with the last two-column row, and the left column's rows after it up
    # to a blank row
    seq = [i for i in range(len(page)) if text[i]]
    start = None
    for a in range(len(seq)):
        near = seq[a:a + 2 * RUN]
        if two[seq[a]] and sum(two[i] for i in near) >= RUN and all(cuts[i] is not None for i in near):
            start = seq[a]
            break
    if start is None:
        return None
    end = max(i for i in range(len(page)) if two[i])
    while end + 1 < len(page) and text[end + 1] and cuts[end + 1] is not None and cuts[end + 1][1] == "":
        end += 1
    # Do the columns share their rows (the same baselines)?  Then rows with
    # text in one column only, between two rows with text in both, are a gap
    # in the other (a paragraph break) — or, two rows with different empty
    # sides, a gap in each; where the baselines differ (a page of
    # such rows, or a heading in a larger font), the rows of the two columns
    # alternate and a row with one side empty means nothing.
    both = one = 0
    for i in range(start, end + 1):
        c = cuts[i]
        if text[i] and c is not None:
            if c[0].strip() and c[1].strip():
                both += 1
            else:
                one += 1
    aligned = both >= one
    kind = {}   # row -> 'both', or the empty side ('left' / 'right')
    for i in range(start, end + 1):
        if text[i] and cuts[i] is not None:
            lt, rt = cuts[i][0].strip(), cuts[i][1].strip()
            kind[i] = "both" if lt and rt else ("right" if lt else "left")
    rows = sorted(kind)
    gap_rows = set()  # one-sided rows between two rows with text in both columns
    a = 0
    while a < len(rows):
        b = a
        while b + 1 < len(rows) and kind[rows[b + 1]] != "both" != kind[rows[a]]:
            b += 1
        run_ = rows[a:b + 1]
        # a gap in one column (any length), or one in each next to each other
        if kind[rows[a]] != "both" and a > 0 and b + 1 < len(rows) and \
                kind[rows[a - 1]] == "both" == kind[rows[b + 1]] and \
                (len({kind[i] for i in run_}) == 1 or len(run_) <= 2):
            gap_rows.update(run_)
        a = b + 1
    left: list[Line] = []
    right: list[Line] = []
    for i in range(start, end + 1):
        gaps = aligned and i in gap_rows
        ln, c = page[i], cuts[i]
        if not text[i]:
            left.append(Line(no=ln.no, text="", page=ln.page))
            right.append(Line(no=ln.no, text="", page=ln.page))
        elif c is None:
            left.append(ln)  # runs across the gutter: a long left-column line
        else:
            for side, part in ((left, c[0]), (right, c[1])):
                if part.strip():
                    side.append(Line(no=ln.no, text=part, page=ln.page))
                elif gaps:
                    side.append(Line(no=ln.no, text="", page=ln.page))
    top = next((ln for ln in right if ln.text.strip()), None)
    return page[:start] + left + right + page[end + 1:], start, end, top


def restore_numbers(doc, source) -> None:
    """Put source line numbers back into ``doc`` (spans, notes, furniture,
    decisions, diagnostics) after the columns were read in order: reading
    line ``k`` was source line ``source[k - 1]``."""
    n = len(source)

    def one(k: int) -> int:
        return source[k - 1] if 0 < k <= n else k

    def span(s):
        a, b = s
        if a == b and 0 < a <= n:  # (one line, most spans: no slice)
            a = source[a - 1]
            return (a, a)
        if 0 < a <= b <= n:
            part = source[a - 1:b]
            return (min(part), max(part))
        return (one(a), one(b))

    def blocks(bs):
        for b in bs:
            if getattr(b, "spans", None):
                b.spans = [span(s) for s in b.spans]
            if getattr(b, "items", None):
                blocks(b.items)

    blocks(doc.blocks)
    blocks(doc.notes)
    for f in doc.furniture:
        f.line = one(f.line)
    for d in doc.decisions:
        d.lines = span(d.lines)
    for d in doc.diagnostics:
        if d.lines:
            d.lines = span(d.lines)
