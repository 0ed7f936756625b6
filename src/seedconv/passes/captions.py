"""Captions: a short line that belongs to a picture, not to the prose.

Repairs::

    both towns have found agreements in        paragraph: ... found agreements in
    The new bridge seen from the east bank  →  some particular fields. ...
     some particular fields. At the same ...   caption: The new bridge seen from ...

A one- or two-line block that starts with a capital and sits between a
paragraph cut mid-sentence and its lower-case continuation interrupts the
paragraph: it becomes a caption, placed after the paragraph.  The cut
paragraph's last line runs to the column's edge: a short line of its own
without a full stop before the block (a heading) cuts nothing.  Lines that
open with a figure label (``Figure 3``, ``Fig. 2:``, ``Table 1``, ``Abb.``,
``Рис.``) are captions too.
"""
from __future__ import annotations

import re

from .base import Context
from .footnotes import is_open
from .segments import _cut_sentence, line_width

NAME = "captions"
LABEL = re.compile(r"^(fig(ure)?\.?|table|tab\.|abb(ildung)?\.?|tabelle|tableau|tabla|tabella|"
                   r"figura|рис(унок)?\.?|таблица|photo|image|chart|graph)\s*\d+[.:]?\s", re.I)


def run(ctx: Context) -> None:
    if not ctx.settings.captions:
        return
    fr = ctx.frags
    body = [i for i, f in enumerate(fr) if f.kind == "body"]
    for n, i in enumerate(body):
        f = fr[i]
        t = " ".join(f.line_texts())
        if LABEL.match(t) and len(t) <= 300:
            f.kind = "caption"
            ctx.decide(NAME, "caption-label", (f.first, f.last), t[:40], "caption", "starts with a figure label")
            continue
        if n == 0 or n + 1 >= len(body):
            continue
        prev, nxt = fr[body[n - 1]], fr[body[n + 1]]
        if len(f.lines) <= 2 and len(t) <= 160 and t[:1].isupper() and \
                is_open(" ".join(prev.line_texts())) and nxt.first_text()[:1].islower() and \
                (nxt.jump or nxt.after_break or f.after_break) and _runs_to_edge(ctx, prev) and \
                not any(g.kind == "list_item" for g in fr[body[n - 1] + 1:body[n + 1]]):
            # (a list item between: the lower-case block goes on with the item, not with prev)
            f.kind = "caption"
            ctx.decide(NAME, "caption-interrupter", (f.first, f.last), t[:40], "caption",
                       f"short line between a cut paragraph (line {prev.last}) and its continuation "
                       f"(line {nxt.first})")


def _runs_to_edge(ctx: Context, f) -> bool:
    """The block looks cut mid-sentence by a column or page break, not like a
    short line of its own (a heading): its last line ends with a function
    word (``… found agreements in``) or is at least 70 % of the column, or
    of the block's longest line (text set narrow beside a picture)."""
    texts = f.line_texts()
    if _cut_sentence(texts[-1], ctx.language):
        return True
    if len(texts) >= 2:
        return len(texts[-1]) >= 0.7 * max(len(t) for t in texts)
    width = ctx.meta.get("_caption_width")
    if width is None:
        width = ctx.meta["_caption_width"] = line_width(ctx)
    return len(texts[-1]) >= 0.7 * width
