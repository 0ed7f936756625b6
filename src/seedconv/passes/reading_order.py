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

import re

from .base import Context, Frag
from .urls import EMAIL_END, url_tail
from .footnotes import is_open, tail_text

NAME = "reading_order"




def _address_cut(prev: Frag, f: Frag) -> bool:
    """``(https://www.`` | ``debian.org/social_contract))``: the block ends
    inside an address (a dot, slash, hyphen or underscore last) and the next
    one opens with its rest (no space, no capital)."""
    last = prev.last_text().rstrip()
    first = f.first_text()
    return last.endswith((".", "/", "-", "_")) and url_tail(last) is not None and \
        bool(re.match(r"[a-z0-9][\w.-]*[./]\S|[#?][\w=&-]+", first))  # (or its fragment: '#nonlinux')


def _bracket_open(f: Frag) -> bool:
    """The block leaves a bracket open: what follows continues it."""
    t = " ".join(f.line_texts())
    return t.count("(") > t.count(")")


def run(ctx: Context) -> None:
    if not ctx.settings.rejoin_paragraphs:
        return
    from .segments import local_widths

    widths = local_widths(ctx)
    list_cuts = ctx.meta.get("list_cuts", set())  # items cut by segments: not one paragraph
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
                (is_open(tail_text(last_para.line_texts())) or _address_cut(last_para, f)) and \
                f.first not in list_cuts and \
                not _standalone_label(ctx, last_para, f, out, widths) and \
                not last_para.last_text().rstrip().endswith(":") and \
                not (EMAIL_END.search(last_para.last_text().rstrip()) and f.first_text()[:1].isupper()) and \
                not (last_para.kind == "list_item" and f.first_text()[:1].isupper() and not f.jump
                     and not _bracket_open(last_para)):
            if last_para.texts is not None or f.texts is not None:  # (else the lines' own texts)
                if last_para.texts is None:
                    last_para.texts = [ln.text for ln in last_para.lines]
                last_para.texts.extend(f.line_texts())
            seam = f.first if (f.jump or f.after_break) else None
            last_para.lines.extend(f.lines)
            if seam is not None:
                last_para.__dict__.setdefault("seams", set()).add(seam)
            ctx.decide(NAME, "rejoin-paragraph", (f.first, f.last), "", f"continues the block ending at line "
                       f"{last_para.lines[len(last_para.lines) - len(f.lines) - 1].no}",
                       "previous block ends mid-sentence")
            continue
        last_para = f
        out.append(f)
    ctx.frags = out


def _standalone_label(ctx: Context, prev: Frag, f: Frag, out: list[Frag], widths) -> bool:
    """``prev`` is one short line with no closing punctuation standing right
    before a block that starts with a capital, on the same page and in the
    same column: a heading or label the headings pass did not take, not the
    first half of a sentence (a sentence cut by a break fills its line)::

        Mouse operations                     Mouse operations
        With the mouse, text is selected  →  | With the mouse, text is selected
    """
    from .headings import style_of

    if not ctx.settings.headings or not out or out[-1] is not prev or f.jump or f.after_break:
        return False  # with headings switched off, such lines run into their paragraph as before
    width = widths.get(prev.lines[-1].no, 0)
    if width < 20:
        return False
    texts = [t for t in prev.line_texts() if t and t.strip()]
    if len(texts) != 1 or prev.kind != "body":
        return False
    t = texts[0].strip()
    body = [x.strip() for x in f.line_texts() if x and x.strip()]
    if not body or not (body[0][0].isupper() or body[0][0].isdigit()):
        return False
    # what follows is a paragraph: more than one line, or a line longer than the label
    if len(t) < 0.6 * width and style_of(t, ctx.language) is not None and len(t.split()) <= 10 and \
            (len(body) > 1 or len(body[0]) > len(t)):
        ctx.decide(NAME, "keep-label-apart", (prev.first, f.first), t[-30:], "",
                   f"line of {len(t)} characters (column about {width}) without closing punctuation "
                   f"stands alone before a block starting with a capital: a heading or label")
        return True
    return False
