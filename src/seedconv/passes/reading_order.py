"""Reading order: paragraphs cut by page and column breaks are one again.

Repairs::

    ... the council decided that           ... the council decided that the
    1 J. Smith, “Mills of the valley”  →   old mill would be rebuilt.
    the old mill would be rebuilt.         (note 1 moved out by footnotes)

A paragraph that ends mid-sentence (no closing punctuation) continues in the
next paragraph block, whatever notes, captions or furniture stand between.
A block that starts in lower case after a finished sentence is left alone:
its beginning may have been lost (the gap is kept, not papered over).
"""
from __future__ import annotations

from .base import Context
from .footnotes import is_open, tail_text

NAME = "reading_order"


def run(ctx: Context) -> None:
    if not ctx.settings.rejoin_paragraphs:
        return
    fr = ctx.frags
    out = []
    last_para = None
    for f in fr:
        if f.kind in ("heading", "title", "authors"):
            last_para = None
            out.append(f)
            continue
        if f.kind == "list_item":
            last_para = f
            out.append(f)
            continue
        if f.kind != "body":
            out.append(f)
            continue
        if last_para is not None and last_para.kind in ("body", "list_item") and \
                is_open(tail_text(last_para.line_texts())) and \
                not last_para.line_texts()[-1].rstrip().endswith(":") and \
                not (last_para.kind == "list_item" and f.line_texts()[0][:1].isupper() and not f.jump):
            if last_para.texts is None:
                last_para.texts = [ln.text for ln in last_para.lines]
            seam = f.first if (f.jump or f.after_break) else None
            last_para.lines.extend(f.lines)
            last_para.texts.extend(f.line_texts())
            if seam is not None:
                last_para.__dict__.setdefault("seams", set()).add(seam)
            ctx.decide(NAME, "rejoin-paragraph", (f.first, f.last), "", f"continues the block ending at line "
                       f"{last_para.lines[len(last_para.lines) - len(f.lines) - 1].no}",
                       "previous block ends mid-sentence")
            continue
        last_para = f
        out.append(f)
    ctx.frags = out
