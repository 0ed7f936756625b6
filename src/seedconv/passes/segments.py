"""Segments: cut the cleaned lines into raw blocks.

A block ends at a real blank line, at removed furniture, at a page break, and
before a *jump* line — one the extractor wrote with leading whitespace, in
text where most lines start flush left (a new column or text box, the body
resuming after a note area)::

    and-limits-of-cooperation.                 [note 6 ...and-limits-of-cooperation.]
     repatriation from Russia and Turkey   →   [jump: repatriation from Russia ...]

Whether two blocks are really one paragraph is decided later
(:mod:`reading_order`); here nothing is joined.
"""
from __future__ import annotations

from .base import Context, Frag

NAME = "segments"


def run(ctx: Context) -> None:
    lines = ctx.lines
    texts = [ln for ln in lines if not ln.blank and not ln.removed]
    indented = sum(1 for ln in texts if ln.indent)
    jumps_matter = bool(texts) and indented / len(texts) < 0.2
    breaks = ctx.meta.get("breaks", set())
    frags: list[Frag] = []
    cur: list = []
    gap = False       # a separator was seen since the last text line
    broke = False     # furniture or a page break was seen
    prev_page = None

    def flush():
        nonlocal cur
        if cur:
            frags.append(Frag(lines=cur))
            cur = []

    for ln in lines:
        if ln.removed:
            broke = True
            gap = True
            continue
        if ln.blank:
            if not ln.soft_blank:
                gap = True
            continue
        page_change = prev_page is not None and ln.page != prev_page
        jump = jumps_matter and ln.indent
        if gap or page_change or jump or ln.no in breaks:
            flush()
        if not cur:
            cur = [ln]
            f_jump, f_break = jump, broke or page_change or ln.no in breaks
            frags_meta = (f_jump, f_break)
        else:
            cur.append(ln)
        if len(cur) == 1:
            ctx.meta.setdefault("_fragmeta", {})[ln.no] = frags_meta
        gap = broke = False
        prev_page = ln.page
    flush()
    meta = ctx.meta.pop("_fragmeta", {})
    for f in frags:
        f.jump, f.after_break = meta.get(f.first, (False, False))
    ctx.frags = frags
