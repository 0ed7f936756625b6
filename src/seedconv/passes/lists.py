"""Lists: bullets from private-use glyphs, numbered items, lost bullets.

Repairs::

    \\uf0b7 to halt any plans ...     →  bullet item "to halt any plans ..."
    • first / – second              →  bullet items
    1. Annadurdy Khadjiev, ...       →  ordered items, markers as printed
     4. Adaem Çevik, ...                (1, 4: items 2 and 3 were lost)
    We call on the authorities:
     to halt any plans ...          →  bullet items: indented blocks that start
     to promptly carry out ...          in lower case after a line ending in ':'

A numbered item needs a neighbour in sequence (a run of two or more), so a
numbered heading or a year at a line start is not a list.
"""
from __future__ import annotations

import re

from .base import Context, Frag
from .segments import _cut_sentence

NAME = "lists"
BULLET = re.compile(r"^([\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf071\u2022\u25e6\u25aa\u25a0\u25cf\u25cb\u2043\u2219\u00b7\u2013\u2014\u27a2\u2192]|[-*+](?=\s))\s*(\S.*)$")
ORDERED = re.compile(r"^(\d{1,3}|[a-z])[.)]\s+(\S.*)$")


def run(ctx: Context) -> None:
    if not ctx.settings.lists:
        return
    out: list[Frag] = []
    pending = False  # a bullet glyph stood alone at the end of the previous block
    frags = ctx.frags
    dash_near = _dash_neighbours(frags)
    for n, f in enumerate(frags):
        if f.kind != "body":
            out.append(f)
            continue
        # memory: a block cut into items goes once cut, not when the pass
        # ends (nothing reads a block of the old list again)
        frags[n] = None
        f = _glue_lone_glyphs(ctx, f)
        if f is None:
            pending = True
            continue
        items = _split_items(ctx, f, dash_near.get(n, ()), out)
        if pending and items and items[0].kind == "body":
            items[0].kind, items[0].list_kind = "list_item", "bullet"
        pending = bool(items) and _ends_with_glyph(items[-1])
        if pending:
            items[-1].lines.pop()
            items[-1].texts.pop()
            if not items[-1].lines:
                items.pop()
        out.extend(items)
    _ordered_runs(ctx, out)
    _lost_bullets(ctx, out)
    _cut_items(ctx, out)
    ctx.frags = out


_GLYPH_ONLY = re.compile(r"^[\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf071\u2022\u25e6\u25aa\u25a0\u25cf\u25cb\u2219\u00b7\u27a2]$")
# the first characters a BULLET line can have (a cheap test before the pattern)
_BULLET_FIRST = frozenset("\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf071\u2022\u25e6\u25aa\u25a0\u25cf\u25cb"
                          "\u2043\u2219\u00b7\u2013\u2014\u27a2\u2192-*+")


def _glyph_only(t: str) -> bool:
    """Is ``t`` a bullet glyph alone (spaces aside)?  Every glyph is outside
    ASCII, and ``str.isascii`` costs nothing: tested first."""
    return not t.isascii() and bool(_GLYPH_ONLY.match(t.strip()))


def _bullet(t: str) -> re.Match | None:
    """``BULLET.match(t)``, tried only when t opens as a bullet line can."""
    return BULLET.match(t) if t[:1] in _BULLET_FIRST else None


def _glue_lone_glyphs(ctx: Context, f: Frag) -> Frag | None:
    """A bullet glyph alone on its line starts the item on the next line:
    glue them (``\uf0b7`` + ``The manual ...`` → ``\uf0b7 The manual ...``).
    Returns None when the block is only a glyph."""
    texts = f.line_texts()
    plain = bool(texts) and all(map(str.isascii, texts))  # no glyph: each is outside ASCII
    if not plain and all(_glyph_only(t) for t in texts):
        ctx.decide(NAME, "lone-bullet-glyph", (f.first, f.last), texts[0], "", "bullet glyph alone on a line")
        return None
    if plain or not any(_glyph_only(t) for t in texts):
        return f  # nothing to glue: the block as it is (no copy)
    texts = list(texts)  # (changed below: a copy)
    lines = list(f.lines)
    k = 0
    while k < len(texts) - 1:
        if _glyph_only(texts[k]):
            texts[k + 1] = texts[k].strip() + " " + texts[k + 1]
            ctx.decide(NAME, "lone-bullet-glyph", (lines[k].no, lines[k + 1].no), texts[k], "",
                       "bullet glyph alone on a line, glued to the next line")
            del texts[k], lines[k]
            continue
        k += 1
    return Frag(lines=lines, kind=f.kind, texts=texts, jump=f.jump, after_break=f.after_break,
                label=f.label, list_kind=f.list_kind)


def _ends_with_glyph(f: Frag) -> bool:
    """The block's last line is a bullet glyph alone (its texts read
    without making their list)."""
    return bool(f.texts if f.texts is not None else f.lines) and _glyph_only(f.last_text())


_DASH_LINE = re.compile(r"^([-–—])\s")


def _dash_neighbours(frags: list[Frag]) -> dict[int, set[int]]:
    """Dash lines that open an item although only one dash line is in their
    block: the line's block index -> the indices of such lines in it.

    A block opening with a dash whose previous or next item opens with the
    same dash: items separated by blank lines (one dash per block).  An item
    may be cut by a blank line itself (double-spaced extraction): blocks
    opening in lower case between two dashes are its continuation, not the
    next item, and are looked past::

        — the first item, cut by the                 [item]
                                                     [continuation]
        extractor after its first line;               ← looked past
                                                     [item: same dash]
        — the second item.

    The first item may also sit at the end of the paragraph that announces
    it (the extractor wrote no break before it) — the last dash line of a
    block, after a line ending a sentence or a clause (``:``, ``;``, ``.``),
    when the next block opens with the same dash::

        … the following operations:                  [paragraph]
        — read any file, whatever its                [item]
        permissions;
        — set the owner of any file                  [next block: same dash]
    """
    out: dict[int, set[int]] = {}
    for n, f in enumerate(frags):  # (dash blocks are few: their neighbours are looked up)
        if f.kind != "body" or not f.lines:
            continue
        texts = f.line_texts()
        if f.first_text()[:1] in "-–—":
            m = _DASH_LINE.match(f.first_text())
            if m and _same_dash_near(frags, n, m.group(1), (-1, 1)):
                out.setdefault(n, set()).add(0)
        # the lines after the first opening with a dash (or empty: '' is in
        # any string), looked for only when the joined texts show one
        try:
            s = "\n".join(texts)
            maybe = "\n-" in s or "\n–" in s or "\n—" in s or "\n\n" in s or s.endswith("\n")
        except TypeError:  # (a text that is None: looked at one by one)
            maybe = True
        inner = [k for k in range(1, len(texts)) if texts[k][:1] in "-–—"] if maybe else []
        if len(inner) == 1:
            k = inner[0]
            m = _DASH_LINE.match(texts[k])
            if m and texts[k - 1].rstrip()[-1:] in ":;." and \
                    _same_dash_near(frags, n, m.group(1), (1,)):
                out.setdefault(n, set()).add(k)
    return out


def _same_dash_near(frags: list[Frag], n: int, dash: str, steps) -> bool:
    """Whether the body block before or after block n (looking past up to
    three continuations: blocks opening in lower case, with a quote or a
    digit) opens with ``dash``."""
    for step in steps:
        j, skipped = n + step, 0
        while 0 <= j < len(frags):
            g = frags[j]
            j += step
            if g.kind != "body" or not g.lines:
                continue
            tg = g.first_text()
            if skipped < 3 and tg[:1] not in "-–—" and not tg[:1].isupper():
                skipped += 1  # a continuation (in lower case, or opening with a quote or a digit)
                continue
            mg = _DASH_LINE.match(tg)
            if mg and mg.group(1) == dash:
                return True
            # looking back: the item before may be the last line of its block
            # (a first item left at the end of the paragraph announcing it)
            if step < 0 and any((m := _DASH_LINE.match(x)) and m.group(1) == dash for x in g.line_texts()[1:]):
                return True
            break
    return False


def _split_items(ctx: Context, f: Frag, dash_near=(), before: list[Frag] | None = None) -> list[Frag]:
    """Cut a block at its bullet lines.  ``dash_near``: indices of dash lines
    that open items although the block holds only one (see
    ``_dash_neighbours``); ``before``: the blocks before this one (items
    that an earlier pass cut apart)."""
    texts = f.line_texts()
    if _BULLET_FIRST.isdisjoint([t[:1] for t in texts]) or not any(_bullet(t) for t in texts):
        return [f]
    res: list[Frag] = []
    cur = Frag(lines=[], kind="body", texts=[], jump=f.jump, after_break=f.after_break)
    for k, (ln, t) in enumerate(zip(f.lines, texts)):
        m = _bullet(t)
        if m and not (m.group(1) in "-–—" and not _dash_bullet_ok(texts) and k not in dash_near):
            if cur.lines:
                res.append(cur)
            item = m.group(2)  # (one string: the decision shares it when it is short)
            cur = Frag(lines=[ln], kind="list_item", list_kind="bullet", texts=[item])
            ctx.decide(NAME, "bullet-item", (ln.no, ln.no), t[:40], item[:40],
                       f"line starts with bullet glyph U+{ord(m.group(1)):04X}")
        elif cur.kind == "list_item" and t[:1].isupper() and \
                (why := _list_ends(cur, res, before or [], ctx.language)):
            # a capitalised line after the last item is not its continuation
            # but the text after the list
            res.append(cur)
            cur = Frag(lines=[ln], kind="body", texts=[t])
            ctx.decide(NAME, "list-end", (ln.no, ln.no), t[:40], "", why)
        else:
            cur.lines.append(ln)
            cur.texts.append(t)
    if cur.lines:
        res.append(cur)
    return res


def _list_ends(cur: Frag, res: list[Frag], before: list[Frag], lang: str) -> str:
    """Why a capitalised line after item ``cur`` ends the list ('' if it
    does not): every item so far held one line (two at least before it; not
    after a comma, a dash or a cut sentence: ``… as the`` | ``Debian
    Policy``), or every item ends with a semicolon at a line's end, this one
    too (not a full stop: an item of two sentences may break its line right
    after the first).  ``res``: the blocks cut from this block before
    ``cur``; ``before``: the blocks before this block (items an earlier
    pass cut apart), which count for semicolons when ``res`` is empty."""
    if len(cur.lines) == 1 and not cur.texts[0].rstrip().endswith((",", "-", "–")):
        items = _trailing_items(res)
        if len(items) >= 2 and all(len(g.lines) == 1 for g in items) and not _cut_sentence(cur.texts[0], lang):
            return "capitalised line after a list whose items are one line each"
    if _semicolon_end(cur.texts[-1]):
        items = _trailing_items(res if res else before)
        if items and all(_semicolon_end(g.texts[-1] if g.texts else "") for g in items):
            return "capitalised line after an item ending with ';', as every item before it does"
    return ""


def _trailing_items(blocks: list[Frag]) -> list[Frag]:
    """The items in a row at the end of ``blocks``."""
    k = len(blocks)
    while k and blocks[k - 1].kind == "list_item":
        k -= 1
    return blocks[k:]


_CLOSING = "»”’\"')]"


def _semicolon_end(t: str) -> bool:
    """Does an item's line end with ``;`` (before closing quotes and brackets)?"""
    return t.rstrip().rstrip(_CLOSING)[-1:] == ";"


def _dash_bullet_ok(texts: list[str]) -> bool:
    """A dash starts items only where at least two lines start with it."""
    return sum(1 for t in texts if re.match(r"^[-–—]\s", t)) >= 2


def _ordered_runs(ctx: Context, frags: list[Frag]) -> None:
    # split inside frags at numbered lines in sequence, then mark runs
    i = 0
    while i < len(frags):
        f = frags[i]
        if f.kind not in ("body",):
            i += 1
            continue
        texts = f.line_texts()
        # (a number is a decimal digit first: tested before the pattern)
        nums = [(k, int(m.group(1))) for k, t in enumerate(texts)
                if t[:1].isdecimal() and (m := ORDERED.match(t)) and m.group(1).isdigit()]
        if len(nums) >= 2 or (nums and nums[0][0] == 0 and _neighbour_numbered(frags, i, nums[0][1])):
            pieces = []
            cuts = [k for k, _ in nums]
            if cuts[0] != 0:
                cuts = [0] + cuts
            bounds = cuts + [len(texts)]
            for a, b in zip(bounds, bounds[1:]):
                pieces.append(Frag(lines=f.lines[a:b], kind="body", texts=texts[a:b],
                                   jump=f.jump if a == 0 else f.lines[a].indent,
                                   after_break=f.after_break if a == 0 else False))
            frags[i:i + 1] = pieces
            i += len(pieces)
            continue
        i += 1
    # now mark runs of frags that start with increasing numbers
    run: list[tuple[int, int]] = []

    def close():
        if len(run) >= 2:
            for j, n in run:
                fr = frags[j]
                t = fr.line_texts()
                m = ORDERED.match(t[0])
                fr.kind, fr.list_kind, fr.label = "list_item", "ordered", m.group(1)
                fr.texts = [m.group(2)] + t[1:]
                ctx.decide(NAME, "ordered-item", (fr.first, fr.first), t[0][:40], m.group(1),
                           "numbered line in a run of increasing numbers")
        run.clear()

    for j, fr in enumerate(frags):
        if fr.kind != "body":
            close()
            continue
        # (only a number counts, and \d is str.isdecimal: tested before the pattern)
        m = ORDERED.match(t0) if (t0 := fr.first_text())[:1].isdecimal() else None
        n = int(m.group(1)) if m and m.group(1).isdigit() else None
        if n is not None and (not run or run[-1][1] < n <= run[-1][1] + 5):
            run.append((j, n))
        else:
            close()
            if n is not None:
                run.append((j, n))
    close()


def _neighbour_numbered(frags, i, n) -> bool:
    if i + 1 < len(frags):
        m = ORDERED.match(frags[i + 1].first_text())
        if m and m.group(1).isdigit() and n < int(m.group(1)) <= n + 5:
            return True
    return False


_TERM = re.compile(r"[^\W\d_][\w.+-]{0,30}:\s+\S")  # 'Depends: the package ...'


def _lost_bullets(ctx: Context, frags: list[Frag]) -> None:
    """After a block ending with ':', the indented lower-case blocks, a run
    of two blocks or more that each open with a term and a colon (``Depends:
    ...`` / ``Recommends: ...``), and a run of two short blocks or more
    opening in lower case, set apart by blank lines (:func:`_loose_item`),
    are items whose bullets the extractor lost."""
    for j in range(len(frags) - 1):
        f = frags[j]
        if f.kind != "body" or not f.last_text().rstrip().endswith(":"):
            continue
        k = j + 1
        while k < len(frags) and frags[k].kind == "body" and _TERM.match(frags[k].first_text()):
            k += 1
        if k - j > 2:
            _bullet_items(ctx, frags[j + 1:k], "bullet-item-term",
                          "blocks opening with a term and a colon, one after another after a line "
                          "ending in ':': items whose bullets were lost")
            continue
        k = j + 1
        while k < len(frags) and frags[k].kind == "body" and frags[k].jump and \
                frags[k].first_text()[:1].islower():
            k += 1
        if k > j + 1:
            _bullet_items(ctx, frags[j + 1:k], "bullet-item-lost-glyph",
                          "indented lower-case block after a line ending in ':'")
            continue
        # blocks set apart by blank lines (pdfminer: each item a box of its own)
        while k < len(frags) and _loose_item(ctx, frags, k):
            k += 1
        if k - j > 2:
            _bullet_items(ctx, frags[j + 1:k], "bullet-item-lost-glyph",
                          "short lower-case blocks, two or more set apart by blank lines one after "
                          "another, after a line ending in ':'")


def _bullet_items(ctx: Context, blocks: list[Frag], action: str, why: str) -> None:
    """``blocks`` are bullet items whose bullets were lost: each a decision."""
    for g in blocks:
        g.kind, g.list_kind = "list_item", "bullet"
        ctx.decide(NAME, action, (g.first, g.first), g.first_text()[:40], "", why)


def _loose_item(ctx: Context, frags: list[Frag], k: int) -> bool:
    """Is block ``k`` an item of a list whose bullets were lost, set apart
    from the block before by blank lines: short (three lines at most),
    opening in lower case, not ending with a comma or a function word (the
    sentence goes on in the next block), not a name that the next block
    opens with (a command's name as a heading: ``aptitude`` / ``aptitude is
    the …``)?"""
    from .headings import ends_with_common_word

    f = frags[k]
    if f.kind != "body" or f.jump or len(f.lines) > 3 or not f.first_text()[:1].islower() or \
            not _blank_between(ctx, frags[k - 1].last, f.first):
        return False
    last = f.last_text().rstrip()
    if last.endswith((",", "-")) or ends_with_common_word(last, ctx.language):
        return False
    nxt = frags[k + 1].first_text() if k + 1 < len(frags) else ""
    return not (len(f.lines) == 1 and nxt.startswith(last) and nxt[len(last):len(last) + 1] in (" ", ""))


def _blank_between(ctx: Context, a: int, b: int) -> bool:
    """Are the lines between line numbers ``a`` and ``b`` blank, one or more
    (not removed furniture, not lines moved elsewhere)?"""
    lines = ctx.lines
    return b - a > 1 and b - 1 <= len(lines) and all(lines[n - 1].blank and lines[n - 1].no == n
                                                      for n in range(a + 1, b))


def _cut_items(ctx: Context, frags: list[Frag]) -> None:
    """Blocks that segments cut apart as list items (their first lines are in
    ``ctx.meta["list_cuts"]``) lost their bullets: a block ending with ';' that
    is cut or followed by a cut is a bullet item, and so is the cut block
    after such an item when it starts in lower case (the last item)."""
    cuts = ctx.meta.get("list_cuts") or set()
    if not cuts:
        return
    prev_item = False
    for j, f in enumerate(frags):
        if f.kind != "body" or not f.lines:
            prev_item = False
            continue
        t = f.line_texts()
        semi = t[-1].rstrip().endswith(";")
        cut = f.first in cuts
        nxt_cut = j + 1 < len(frags) and bool(frags[j + 1].lines) and frags[j + 1].first in cuts
        if semi and (cut or nxt_cut):
            why = "block cut as a list item, ending with ';'"
        elif cut and prev_item and t[0][:1].islower():
            why = "lower-case block cut after a list item ending with ';' (the last item)"
        else:
            prev_item = False
            continue
        f.kind, f.list_kind = "list_item", "bullet"
        ctx.decide(NAME, "bullet-item-cut", (f.first, f.first), t[0][:40], "", why)
        prev_item = semi
