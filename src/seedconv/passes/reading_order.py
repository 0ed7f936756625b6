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
from bisect import bisect_left, bisect_right

from .base import Context, Frag
from .urls import EMAIL_END, url_tail
from .footnotes import is_open
from .headings import ends_with_common_word, style_of
from .segments import _cut_sentence, _opens_with_name
from .words import zipf_any

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


# stands in ``ctx.frags`` for a body block joined to the paragraph before it
_JOINED = Frag(lines=[])


def run(ctx: Context) -> None:
    if not ctx.settings.rejoin_paragraphs:
        ctx.meta.pop("_widths", None)  # (what segments kept for the passes after it: memory)
        return
    from .segments import local_widths

    widths = local_widths(ctx)
    ctx.meta.pop("_widths", None)  # (the last pass to ask)
    list_cuts = ctx.meta.get("list_cuts", set())  # items cut by segments: not one paragraph
    kept_cuts = ctx.meta.pop("kept_cuts", set())  # cuts segments made on firm evidence (an indent, lost displays)
    fr = ctx.frags
    out = []
    last_para = None
    joined: set[int] = set()
    for i, f in enumerate(fr):
        if f.kind == "body" and last_para is not None and _heading_after_break(ctx, f, fr, i, out):
            last_para = None
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
        par = False  # (set by the test below when it gets that far)
        if last_para is not None and last_para.kind in ("body", "list_item") and \
                (is_open(last_para.tail_text()) or _address_cut(last_para, f) or _abbreviation_cut(last_para, f, ctx.language)) and \
                f.first not in list_cuts and f.first not in kept_cuts and \
                not _standalone_label(ctx, last_para, f, out, widths) and \
                not last_para.last_text().rstrip().endswith(":") and \
                not (par := _parallel_item(last_para, f)) and \
                not _capital_after_name(ctx, last_para, f, out) and \
                not (EMAIL_END.search(last_para.last_text().rstrip()) and f.first_text()[:1].isupper()) and \
                not (last_para.kind == "list_item" and f.first_text()[:1].isupper() and not f.jump
                     and not _bracket_open(last_para)) and \
                not (id(last_para) not in joined and _ends_short(ctx, last_para, f, out, widths)):
            if last_para.texts is not None or f.texts is not None:  # (else the lines' own texts)
                if last_para.texts is None:
                    last_para.texts = [ln.text for ln in last_para.lines]
                last_para.texts.extend(f.line_texts())
            seam = f.first if (f.jump or f.after_break) else None
            last_para.lines.extend(f.lines)
            joined.add(id(last_para))  # its last lines are another block's: no short-end test
            if seam is not None:
                last_para.__dict__.setdefault("seams", set()).add(seam)
            ctx.decide(NAME, "rejoin-paragraph", (f.first, f.last), "", f"continues the block ending at line "
                       f"{last_para.lines[len(last_para.lines) - len(f.lines) - 1].no}",
                       "previous block ends mid-sentence")
            # memory: the joined block's own list of lines goes now, not when
            # the pass ends (only its kind, body, is read again: the test
            # after a break looks at the block before)
            fr[i] = _JOINED
            continue
        if par:
            for g in (last_para, f):
                if g.kind != "list_item":
                    g.kind, g.list_kind = "list_item", "bullet"
                    ctx.decide(NAME, "parallel-item", (g.first, g.first), g.first_text()[:40], "",
                               "blocks opening with the same word and a number, the one before ending "
                               "with a comma or semicolon: items of an enumeration whose bullets were lost")
        last_para = f
        out.append(f)
    # memory: what the loop kept (the old block list, the local widths) goes
    # before the orphan tails are moved
    ctx.frags = out
    del fr, joined, widths
    _move_orphan_tails(ctx, out)


_WINDOW = 24  # blocks either side in which a cut paragraph's tail is looked for


def _move_orphan_tails(ctx: Context, out: list[Frag]) -> None:
    """A paragraph cut at a column's foot whose tail the extractor wrote
    elsewhere (pdfminer ordering a page's text boxes by position: the tail,
    at the top of the next column, comes out before the head)::

        ...Vea Sección 6.3.8.            [complete]
        (page break)
        posible ver la orden ...         [tail: lower case after a break, nothing to continue]
        ...
        Cuando la pantalla ... Puede que no sea      [head: ends mid-word, nothing continues it]

    The head (a body block ending with a letter, after which a heading, a
    capitalised block or the end follows) gets the nearest such tail within
    a few blocks; the move is a decision with both blocks' lines."""

    def prev_body(k):
        for j in range(k - 1, -1, -1):
            if out[j].kind != "note":
                return out[j]
        return None

    def next_body(k):
        for j in range(k + 1, len(out)):
            if out[j].kind != "note":
                return out[j]
        return None

    tails = []
    for k, g in enumerate(out):
        if g.kind == "body" and (g.after_break or g.jump) and g.first_text()[:1].islower() and \
                not _opens_with_name(g.first_text(), ctx.language):
            p = prev_body(k)
            if p is None or p.kind != "body" or not is_open(p.tail_text()):
                tails.append(k)
    if not tails:
        return
    used: set[int] = set()   # tails taken
    heads: set[int] = set()  # blocks that took a tail (neither may play the other part: no text is lost)
    moves: list[tuple[int, int]] = []
    for k, g in enumerate(out):
        if g.kind != "body" or k in used or not g.last_text().rstrip()[-1:].isalpha() or not is_open(g.tail_text()):
            continue
        n = next_body(k)
        if n is not None and not (n.kind == "heading" or n.first_text()[:1].isupper()):
            continue
        # (tails are in order: only those within the window are looked at, linear time)
        near = [t for t in tails[bisect_left(tails, k - _WINDOW):bisect_right(tails, k + _WINDOW)]
                if t not in used and t not in heads and t != k]
        if near:
            t = min(near, key=lambda x: abs(x - k))
            used.add(t)
            heads.add(k)
            moves.append((k, t))
    if not moves:
        return
    for k, t in moves:
        head, tail = out[k], out[t]
        if head.texts is not None or tail.texts is not None:
            if head.texts is None:
                head.texts = [ln.text for ln in head.lines]
            head.texts.extend(tail.line_texts())
        head.lines.extend(tail.lines)
        head.__dict__.setdefault("seams", set()).add(tail.first)
        ctx.decide(NAME, "move-continuation", (tail.first, tail.last), "", f"continues the block ending at "
                   f"line {head.lines[len(head.lines) - len(tail.lines) - 1].no}",
                   "a block cut mid-sentence before a break, and a block opening in lower case after a "
                   "break with nothing to continue: the extractor wrote the tail out of order")
    gone = {t for _, t in moves}
    # where the tail came first, the head (with a heading right before it)
    # goes up to the tail's place: the tail's position is the column's order
    up = {t: k for k, t in moves if t < k}
    lift: dict[int, list[int]] = {}
    taken: set[int] = set()
    for t, k in up.items():
        group = [k - 1, k] if k - 1 > t and out[k - 1].kind == "heading" and k - 1 not in gone \
            and k - 1 not in taken else [k]
        lift[t] = group
        taken.update(group)
    moved = {j for g in lift.values() for j in g}
    new: list[Frag] = []
    for k, g in enumerate(out):
        if k in lift:
            new.extend(out[j] for j in lift[k])
        if k in gone or k in moved:
            continue
        new.append(g)
    out[:] = new


# an abbreviation with dots inside it ends the block: 'z.B.', 'e.g.', 'p. ej.', 'd. h.'
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:(?:[^\W\d_]{1,2}\.){1,3}[^\W\d_]{1,3}\.|[^\W\d_]{1,2}\.\s[^\W\d_]{1,3}\.)$")


def _abbreviation_cut(prev: Frag, f: Frag, lang: str) -> bool:
    """``prev`` ends with an abbreviation (``..., p. ej.``) and ``f`` goes on
    in lower case, not with a command name (``apt-cacher reduziert ...``, after
    an example the extractor lost): the full stop ended the abbreviation,
    not the sentence."""
    t = f.first_text()
    return t[:1].islower() and bool(_ABBREVIATION_END.search(prev.last_text().rstrip()[-40:])) and \
        not _opens_with_name(t, lang)


#: languages that capitalise every noun: a capital there goes on a sentence
NOUN_CAPITALS = {"de", "lb"}
_LAST_WORD = re.compile(r"([^\W\d_]+)\d{0,3}[\"'”»)]*$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”»)]*$")
_FIRST_WORD = re.compile(r"[\"'“«„]?([^\W\d_]+)")


def _capital_after_name(ctx: Context, prev: Frag, f: Frag, out: list[Frag]) -> bool:
    """``prev`` ends with a lower-case word that is no common word, without
    punctuation, and ``f``, after a plain blank line (no page or column break), opens with
    a capitalised common word (``... the devscripts package`` /
    ``Pending and new packages``): a new sentence or an item whose bullet was
    lost, not a sentence going on, in a language that capitalises only a
    sentence's first word and names."""
    if f.jump or f.after_break or ctx.language in NOUN_CAPITALS or len(prev.lines) > 2 or len(f.lines) > 2 \
            or not prev.first_text()[:1].isupper():
        return False
    end = prev.last_text().rstrip()[-80:]
    m, n = _LAST_WORD.search(end), _FIRST_WORD.match(f.first_text())
    if m is None or n is None or end[m.start() - 1:m.start()] in ("@", ".", "/"):
        return False  # (an address, a file name: their rules decide)
    first = n.group(1)
    if len(first) < 2 or not first[0].isupper() or first.isupper() or not first[1:].islower() or \
            not m.group(1)[:1].islower():  # (a capitalised last word: a name that may go on)
        return False
    if ends_with_common_word(m.group(1), ctx.language) or zipf_any(first.casefold(), ctx.language) < 4.0:
        return False
    ctx.decide(NAME, "keep-apart-capital", (prev.last, f.first), prev.last_text()[-30:], "",
               f"the block ends with '{m.group(1)}' (no common word) without punctuation, and the next, "
               f"after a blank line, opens with the common word '{first}' capitalised: not a sentence "
               f"going on")
    before = _before_last(out)
    if out and out[-1] is prev and (prev.__dict__.get("lost_bullet") or prev.kind == "body" and before is not None
                                     and before.kind == "body" and _ends_with_colon(before)):
        for g in (prev, f):
            if g.kind != "list_item" and (g is prev or not _SENTENCE_END.search(g.last_text().rstrip())):
                g.kind, g.list_kind = "list_item", "bullet"
                g.__dict__["lost_bullet"] = True  # (the next such block goes on the list)
                ctx.decide(NAME, "bullet-item-capital", (g.first, g.first), g.line_texts()[0][:40], "",
                           "short blocks without closing punctuation after a line ending with ':', "
                           "each opening with a capital: items whose bullets were lost")
    return True


def _parallel_item(prev: Frag, f: Frag) -> bool:
    """``prev`` ends with a comma or semicolon and ``f`` opens with the same
    capitalised word and a number as ``prev`` (``Sección 1.4, ...,`` /
    ``Sección 1.5, ...``): items of an enumeration whose bullets were lost,
    not a sentence going on."""
    end = prev.last_text().rstrip()[-1:]
    if end not in (",", ";"):
        return False
    a, b = prev.first_text().split(None, 2), f.first_text().split(None, 2)
    return len(a) >= 2 and len(b) >= 2 and a[0] == b[0] and a[0][:1].isupper() and \
        a[1][:1].isdecimal() and b[1][:1].isdecimal()


def _standalone_label(ctx: Context, prev: Frag, f: Frag, out: list[Frag], widths) -> bool:
    """``prev`` is one short line with no closing punctuation standing right
    before a block that starts with a capital, on the same page and in the
    same column: a heading or label the headings pass did not take, not the
    first half of a sentence (a sentence cut by a break fills its line).  It
    becomes a heading at the level of the heading before it, unless it holds
    a comma or more than eight words or follows a line ending with ':'::

        Mouse operations                     Mouse operations
        With the mouse, text is selected  →  | With the mouse, text is selected
    """
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
        if "," not in t and len(t.split()) <= 8 and not _ends_with_colon(_before_last(out)):
            # (not a list of names; not a line of code or an example announced by a colon)
            _make_heading(ctx, prev, out, "heading-label", t,
                          "a label standing alone before a paragraph, without a comma, is a heading, "
                          "at the level of the heading before it")
        return True
    return False


def _ends_short(ctx: Context, prev: Frag, f: Frag, out: list[Frag], widths=None) -> bool:
    """``prev`` (two lines or more) ends with a line well short of its column,
    with room for the next block's first word, and only a blank line stands
    between them (no page or column break): the writer ended the line there —
    a list item whose bullet was lost, a label — not a sentence cut by a
    break, which fills its line (or, set narrow beside a picture, ends with
    a function word)::

        read, write and delete any file of the     [item]
        system                                      ← short, no full stop
                                                    (a blank line)
        Change the owner of any file                [item]

    After a line ending with ':' such blocks are list items (the extractor
    lost their bullets); there a block of one line well short of the column
    (``widths``: the local column widths) is one too.
    """
    if not out or out[-1] is not prev or f.jump or f.after_break or prev.kind not in ("body", "list_item") \
            or _bracket_open(prev):
        return False  # (a bracket left open: what follows continues it)
    texts = [t.strip() for t in prev.line_texts() if t and t.strip()]
    if len(texts) == 1 and widths is not None and len(f.lines) == 1 and \
            not re.search(r"[.!?:;,]$", f.first_text().rstrip()) and not ends_with_common_word(texts[0], ctx.language) and \
            (before := _before_last(out)) is not None and before.kind == "body" and _ends_with_colon(before):
        # one line after a colon, before another without closing punctuation: measured against the column
        width = widths.get(prev.first, 0)
    elif len(texts) < 2:
        return False
    else:
        width = max(len(t) for t in texts)  # the block's own width (text set narrow beside a picture)
    last = texts[-1]
    nxt = f.line_texts()[0].split()
    if width < 20 or not nxt or len(last) + 1 + len(nxt[0]) >= 0.7 * width:
        return False
    if _cut_sentence(last, ctx.language):
        return False  # '… occurred in the': cut before the next word (text narrowed beside a picture)
    ctx.decide(NAME, "keep-apart-short-end", (prev.last, f.first), last[-30:], "",
               f"the block ends with a line of {len(last)} characters (the block's longest {width}) with "
               f"room for the next word, and no break follows: not a sentence cut by a break")
    # after a line ending with ':' (notes and captions aside), or after such
    # an item, both are items of a list whose bullets were lost
    before = _before_last(out)
    if prev.kind == "list_item" or (before is not None and before.kind == "body" and _ends_with_colon(before)):
        for g in (prev, f):
            if g.kind != "list_item" and (g is prev or len(g.lines) <= 3):  # (a long block: a paragraph)
                g.kind, g.list_kind = "list_item", "bullet"
                ctx.decide(NAME, "bullet-item-short-end", (g.first, g.first), g.line_texts()[0][:40], "",
                           "blocks ending short of the column without a full stop, after a line "
                           "ending with ':': items whose bullets were lost")
    return True


def _heading_after_break(ctx: Context, f: Frag, fr: list[Frag], i: int, out: list[Frag]) -> bool:
    """``f`` follows a page or column break (or notes) and is one short heading-like line
    without closing punctuation, and the next block opens with a capital: a
    heading at the top of the column, not the tail of the paragraph cut by
    the break (a paragraph's tail ends its sentence)::

        ... Puede que no sea            [cut by the column break]
        Hora de jugar                   ← a heading, not '... no sea Hora de jugar'
        Ahora está listo para ...
    """
    if len(f.lines) != 1 or not (f.jump or f.after_break or (i > 0 and fr[i - 1].kind in ("note", "caption"))) \
            or not ctx.settings.headings:
        return False  # (the cheap tests first; notes moved out of the way count as a break)
    texts = [t.strip() for t in f.line_texts() if t and t.strip()]
    if len(texts) != 1:
        return False
    t = texts[0]
    if len(t.split()) > 8 or not is_open(t) or "," in t or style_of(t, ctx.language) is None or \
            _cut_sentence(t, ctx.language):
        return False
    # (by index: a slice fr[i + 1:] would copy the rest of the blocks each time)
    nxt = next((fr[j] for j in range(i + 1, len(fr)) if fr[j].kind not in ("note", "caption")), None)
    if nxt is None or nxt.kind != "body" or not nxt.line_texts()[0][:1].isupper():
        return False
    _make_heading(ctx, f, out, "heading-after-break", t,
                  "one short line without closing punctuation after a break, before a block opening "
                  "with a capital: a heading at the top of a column, not the tail of the cut paragraph")
    return True


def _before_last(out: list[Frag]) -> Frag | None:
    """The block before the last one of ``out``, notes and captions aside."""
    for k in range(len(out) - 2, -1, -1):  # (no copy of out: called for many blocks)
        if out[k].kind not in ("note", "caption"):
            return out[k]
    return None


def _ends_with_colon(f: Frag | None) -> bool:
    return f is not None and f.last_text().rstrip().endswith(":")


def _make_heading(ctx: Context, f: Frag, out: list[Frag], action: str, t: str, why: str) -> None:
    """``f`` becomes a heading at the level of the last heading before it (2 if none)."""
    level = next((g.level for g in reversed(out) if g.kind == "heading" and g.level), 2)
    f.kind, f.level = "heading", level
    ctx.decide(NAME, action, (f.first, f.last), t[:40], f"h{level}", why)
