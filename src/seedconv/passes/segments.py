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

import re
from array import array
from bisect import bisect_left

from .base import Context, Frag
from .headings import NAME_PATTERN, opens_with_reference, rare_name
from .urls import EMAIL_END

NAME = "segments"


def run(ctx: Context) -> None:
    lines = ctx.lines
    n_text = indented = 0
    for ln in lines:
        if not ln.blank and not ln.removed:
            n_text += 1
            indented += ln.indent
    jumps_matter = n_text > 0 and indented / n_text < 0.2
    # a fifth to a half of the lines indented: the paragraphs' first lines
    # (pdftotext -layout keeps LaTeX's paragraph indent), too many to cut at
    # each (headings' second lines are indented too): _split_short_lines asks
    ctx.meta["_para_indents"] = n_text > 0 and not jumps_matter and indented / n_text < 0.5
    breaks = ctx.meta.pop("breaks", set())  # (asked by no later pass: let go)
    frags: list[Frag] = []
    cur: list = []
    cur_meta = (False, False)  # the block's jump and after_break, from its first line
    gap = False       # a separator was seen since the last text line
    broke = False     # furniture or a page break was seen
    prev_page = None

    def flush():
        nonlocal cur
        if cur:
            frags.append(Frag(lines=cur, jump=cur_meta[0], after_break=cur_meta[1]))
            cur = []

    sections = ctx.meta.get("section_numbers", set())
    held = False      # the last line is a section number: its heading follows
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
        if ln.no in sections:
            flush()  # a section number starts a block, with its heading
        elif (gap or page_change or jump or ln.no in breaks) and not held:
            flush()
        held = ln.no in sections
        if not cur:
            cur = [ln]
            cur_meta = (jump, broke or page_change or ln.no in breaks)
        else:
            cur.append(ln)
        gap = broke = False
        prev_page = ln.page
    flush()
    ctx.frags = _split_short_lines(ctx, frags)


_TRAIL_CALL = re.compile(r"(?<=[.!?:;…”\"»)])\s?\d{1,3}$")


def _strip_call(t: str) -> str:
    """``'the touche Entrée. 1'`` → ``'the touche Entrée.'``; URLs left alone."""
    if not t.rstrip("\n")[-1:].isdecimal():
        return t  # no digit at the end: no call (most lines; tested first)
    last = t.rsplit(None, 1)
    return t if last and "/" in last[-1] else _TRAIL_CALL.sub("", t)
_END = re.compile(r"[.!?:;…”\"»)]$")
_END_LAST = frozenset(".!?:;…”\"»)\n")  # what a text _END matches ends with
_LETTER_START = re.compile(r"^[«“„\"‘(]?[A-ZÀ-ÞА-ЯЁ]")
_STARTS_NEW = re.compile(r"^[\W\d]*[A-ZÀ-ÞА-ЯЁ0-9\uf0b7•*†‡]|^[\u2022\uf0a7\uf0b7*†‡]")


def _kept(ctx: Context) -> tuple | None:
    """``(line_width, local_widths or None)`` as segments worked them out,
    while no line was removed since (no line's text, number or page changes
    once the blocks are cut): the later passes ask for them again."""
    got = ctx.meta.get("_widths")
    return got[1:] if got is not None and got[0] == ctx.removals else None


def line_width(ctx: Context) -> int:
    """The typical full line length (90th percentile of text lines)."""
    kept = _kept(ctx)
    if kept is not None:
        return kept[0]
    lens = sorted([len(ln.text) for ln in ctx.lines if not ln.blank and not ln.removed])
    if not lens:
        return 0
    return lens[min(len(lens) - 1, int(len(lens) * 0.95))]


def _ints(values) -> array:
    """The numbers ``values()`` gives, 4 bytes each (``array("l")`` takes 8
    on 64-bit Linux), or 8 if one does not fit in 4 (a line of 2 GB)."""
    try:
        return array("i", values())
    except OverflowError:
        return array("q", values())


class _LocalWidths:
    """Line number → local column width, computed on first asking (most
    callers ask for a few lines only)."""

    def __init__(self, texts: list, width: int):
        # compact arrays (4 bytes a line), not lists and a dict of the line numbers
        self._nos = _ints(lambda: (ln.no for ln in texts))   # increasing
        self._lens = _ints(lambda: (len(ln.text) for ln in texts))
        self._pages = _ints(lambda: (ln.page for ln in texts))
        self._width = width
        self._done: dict[int, int] = {}

    def forget(self) -> None:
        """Let go of the widths worked out so far."""
        self._done = {}

    def get(self, no: int, default: int) -> int:
        w = self._done.get(no)
        if w is None:
            i = bisect_left(self._nos, no)
            if i == len(self._nos) or self._nos[i] != no:
                return default
            w = self._done[no] = self._at(i)
        return w

    def _at(self, i: int) -> int:
        lens, pages, width = self._lens, self._pages, self._width
        p = pages[i]
        near = [lens[j] for j in range(max(0, i - 4), min(len(lens), i + 5)) if j != i and pages[j] == p]
        if len(near) < 3:
            return width
        near.sort()
        w = near[-2]
        # only a run of lines about that long makes a column (those at least
        # ``low`` long: counted by bisection, the list being sorted)
        low = 0.8 * w
        return min(width, w) if len(near) - bisect_left(near, low) >= 4 else width


def local_widths(ctx: Context, width: int | None = None) -> _LocalWidths:
    """Line number → the width of the column around that line: the second
    longest of the (up to) four text lines either side on the same page, if
    at least four of them are about that long, never more than
    :func:`line_width`.  Where two columns or a narrow box
    share the text with full-width lines, a line is measured against its
    neighbours, not against the page."""
    if width is None:
        kept = _kept(ctx)
        if kept is not None and kept[1] is not None:
            return kept[1]
        width = line_width(ctx)
    return _LocalWidths([ln for ln in ctx.lines if not ln.blank and not ln.removed], width)


_ITEM_END = re.compile(r";\s*$")
_LETTER = re.compile(r"^[«“„\"‘(]?[^\W\d_]")


def _semicolon_items(texts: list[str], longest: int = 3) -> set[int]:
    """Indices ``k`` after which a list item ends, for a list whose bullets
    were lost: items of at most ``longest`` lines, each but the last ending
    with a semicolon at the end of its line, at least two of them in a row::

        Some advice:                            Some advice:
        do not mix the repositories;      →     | do not mix the repositories;
        do not install packages at            | do not install packages at
        random;                                 random;
        read the manual first.                | read the manual first.
        The effects of ...                    | The effects of ...

    The run starts after a line ending with a colon or a full stop, and its
    last item (ending with a full stop) is cut off from a following capital."""
    n = len(texts)
    ends = [k for k in range(n - 1) if ";" in (t := texts[k]) and _ITEM_END.search(t) and _LETTER.match(texts[k + 1])]
    out: set[int] = set()
    i = 0
    while i < len(ends):
        run = [ends[i]]
        while i + 1 < len(ends) and ends[i + 1] - ends[i] <= longest:
            i += 1
            run.append(ends[i])
        i += 1
        if len(run) < 2:
            continue
        out.update(run)
        # the first item: back to a line ending a sentence or an introduction
        first = run[0]
        for j in range(first - 1, max(-1, first - longest - 1), -1):
            if re.search(r"[:.]\s*$", texts[j]):
                if texts[j + 1][:1].islower():
                    out.add(j)
                break
        # the last item: up to the line ending with a full stop, before a capital
        last = run[-1]
        for j in range(last + 1, min(n - 1, last + longest + 1)):
            if _ITEM_END.search(texts[j]):
                break
            if re.search(r"\.\s*$", texts[j]):
                if _LETTER_START.match(texts[j + 1]):
                    out.add(j)
                break
    return out


_SENTENCE_END = re.compile(r"[.!?]$")
# 'see.', 'cf.', 'e.g.', 'z.B.', 'см.': a short lower-case word or letters with
# inner full stops before the line's final full stop (an abbreviation)
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[^\W\d_A-ZÀ-ÞА-ЯЁ]{1,3}|(?:[^\W\d_]{1,2}\.){1,3}[^\W\d_]{1,2})\.$")


_NAME_START = re.compile(rf"{NAME_PATTERN}(?=[\s(]|$)")


def _opens_with_name(t: str, lang: str) -> bool:
    """``aptitude logs ...``, ``dpkg(1) is ...``: a line opening with a
    lower-case name no dictionary of the language (or of English) knows,
    which may start a sentence although it is not capitalised."""
    m = _NAME_START.match(t)
    return m is not None and rare_name(m.group(0), lang)


def _bracket_left_open(lines) -> bool:
    """The lines (of the block so far) open more round brackets than they close."""
    opened = 0
    for ln in lines:
        opened += ln.text.count("(") - ln.text.count(")")
    return opened > 0


def _word_len(word: str) -> int:
    """The length of ``word`` as the first word of a line, for telling
    whether a heading-like line before it ended early: a word opening with a
    run of more than 30 letters is words the extractor glued together (pypdf:
    ``Metadaten-DateienfürdiejeweiligeDistribution...``), of which only the
    first would have had to fit."""
    if len(word) > 30 and (m := _LETTER_RUN.match(word)) and m.end() > 30:
        return 30
    return len(word)


_LETTER_RUN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


#: the characters a paragraph's first line loses to its indent where the
#: extractor wrote one (``-layout``): that line ends that much earlier
_INDENT = 3


def _room_left(line: str, after: str, width: int) -> bool:
    """A line of a justified column that ended early: the first word of the
    next line would have fitted after it, though not by much more than an
    indent (18 % of the column, 6 characters at least: a paragraph's last
    line leaves more room), and it is not a short line (a heading)::

        ...the end of one paragraph runs to the right margin.
           The next paragraph begins with an indent       <- 'which' fitted
        which the extractor dropped."""
    words = after.split()
    return bool(words) and 0.6 * width < len(line) and len(line) + 1 + len(words[0]) < width and \
        len(line) + 1 + len(words[0]) >= width - max(6, 0.18 * width)


_QUESTION = re.compile(r"[?？][»”\"')]*$")


def _question_block(texts: list[str], width: int) -> int:
    """The number of lines (1 to 3) of a question opening ``texts`` that
    stands alone: every line ends before the column's edge (the next word
    would have fitted: a heading in a larger font, or a question set on its
    own line), the last one with a question mark, and a capitalised line
    follows; 0 if there is none::

        ... the list is on every mirror.
        What is missing from the system?       <- a question heading
        The answer depends on ...
    """
    for m in range(min(3, len(texts) - 1)):
        a, b = texts[m].strip(), texts[m + 1].strip()
        word = b.split()[0] if b.split() else ""
        if not a or a.endswith("-") or len(a) + 1 + len(word) >= 0.97 * width:
            return 0
        if _QUESTION.search(a):
            return m + 1 if _LETTER_START.match(b) else 0
        if _END.search(_strip_call(a)):
            return 0
    return 0


def _cut_sentence(t: str, lang: str) -> bool:
    """A short line that is the start of a sentence cut by the extractor,
    not a heading: it ends with a function word (``Fehler beim Speichern
    der``), or holds a comma and ends with a common word (``…, um die``)."""
    from .words import zipf

    last = t.rstrip().rsplit(None, 1)[-1].casefold()
    # a very common word ('der', 'the', 'of') ends no heading; with a comma before, a common one
    return last.isalpha() and len(t.split()) > 1 and zipf(last, lang) >= (5.5 if "," in t else 6.0)


def _item_line(lines, k: int) -> bool:
    """Line ``k`` belongs to a list item: it or one of the two lines before
    starts with a bullet or an item number, with no sentence ending between."""
    from .lists import BULLET, ORDERED

    for j in range(k, max(-1, k - 3), -1):
        t = lines[j].text.strip()
        if BULLET.match(t) or ORDERED.match(t):
            return True
        if j < k and t[-1:] in _END_LAST and _END.search(t):
            return False
    return False


def _hard_runs(lines) -> int:
    """Pairs of consecutive blank lines, neither a soft blank."""
    return sum(1 for a, b in zip(lines, lines[1:]) if a.blank and b.blank and not a.soft_blank
               and not b.soft_blank)


def _texts_n(lines) -> int:
    """Text (not blank) lines."""
    return sum(1 for ln in lines if not ln.blank)


def _piece(f: Frag, a: int, b: int) -> Frag:
    """Lines ``a`` to ``b`` of block ``f`` cut off as a block of their own;
    the first piece keeps the page or column break that ``f`` follows."""
    return Frag(lines=f.lines[a:b], jump=f.jump if a == 0 else False, after_break=f.after_break if a == 0 else False)


_LINK_END = re.compile(r"(?:@[\w-]+(?:\.[\w-]+)+|://\S+)[.,;:)]?$")


def _link_cut(t: str, nxt: str, width: int) -> bool:
    """``t`` ends with an address (a link) and ``t`` and ``nxt`` together
    fill the column, within a tenth: one line of the page that the
    extractor cut after the link's text (PyMuPDF writes a link's span
    apart), not a paragraph's end before a new paragraph's full first line."""
    n = len(t) + 1 + len(nxt)
    return 0.9 * width <= n <= width and ("@" in t or "://" in t) and bool(_LINK_END.search(t))


def _connector(lines, k: int, width: int) -> bool:
    """Is line ``k + 1`` a few words joining two displays the extractor lost
    (``Run:`` / ``followed by`` / ``Answer the questions …``): at most three
    words in lower case, no closing punctuation, well short of the column
    (``width``), between a line ending with ':' (line ``k``) and a line
    opening with a capital?"""
    if k < 0 or k + 2 >= len(lines) or not lines[k].text.endswith(":"):
        return False
    c = lines[k + 1].text
    return c[:1].islower() and len(c.split()) <= 3 and len(c) < 0.4 * width and \
        not _END.search(c) and not c.endswith((",", "-")) and bool(_LETTER_START.match(lines[k + 2].text))


def _split_short_lines(ctx: Context, frags: list[Frag]) -> list[Frag]:
    """A block whose paragraphs are not separated by blank lines: a line much
    shorter than the column that ends a sentence (or stands alone like a
    heading) and is followed by a line starting a new sentence ends a block."""
    from .headings import names_next, style_of
    from .lists import BULLET, ORDERED

    para_indents = ctx.meta.pop("_para_indents", False)  # (set by run)
    gwidth = line_width(ctx)
    removals = ctx.removals  # (the lines the widths were worked out from)
    if gwidth < 20:
        ctx.meta["_widths"] = (removals, gwidth, None)
        return frags
    widths = local_widths(ctx, gwidth)
    # Does the text separate paragraphs with blank lines?  Then a sentence
    # ending early inside a block is not a paragraph end.
    # (the lines that end a sentence early, counted in one loop: the cheap
    # tests first — a full line cannot, and _END can only match a last
    # character of its own or one before a final line feed)
    cands = 0
    short = 0.97 * gwidth - 2  # the next line's first word takes one character at least
    for f in frags:
        fl = f.lines
        for k in range(len(fl) - 1):
            t = fl[k].text
            if len(t) < short and t[-1:] in _END_LAST and _END.search(t):
                nxt = fl[k + 1].text
                if _STARTS_NEW.match(nxt):
                    word = nxt.split(None, 1)[0]  # (the match found a letter, a digit or a bullet)
                    if len(t) + 1 + len(word) < 0.97 * gwidth:
                        cands += 1
    lasts = len([f for f in frags if (t := f.lines[-1].text)[-1:] in _END_LAST and _END.search(t)])
    blank_separated = lasts >= cands or (ctx.double_spaced and _hard_runs(ctx.lines) * 40 >= _texts_n(ctx.lines))
    out: list[Frag] = []
    sections = ctx.meta.get("section_numbers", set())
    cuts: set[int] = set()   # first lines of blocks cut off as list items
    kept_cuts: set[int] = set()  # ... cut off on firm evidence (an indent, lost displays): kept
    for f in frags:
        start = 0
        lines = f.lines
        # (two items and a line after them take three lines at least)
        items = _semicolon_items([ln.text for ln in lines]) if len(lines) >= 3 else ()
        for k in range(len(lines) - 1):
            t, nxt = lines[k].text, lines[k + 1].text
            width = gwidth
            no = lines[k].no  # its local width is looked up only where a rule needs it
            if k in items:
                out.append(_piece(f, start, k + 1))
                cuts.add(lines[k + 1].no)  # reading_order leaves the cut alone
                ctx.decide(NAME, "split-list-item", (lines[k].no, lines[k + 1].no), t[-30:], "",
                           "items ending with a semicolon at the end of a line, one after another: "
                           "a list whose bullets the extractor lost")
                start = k + 1
                continue
            if lines[k].no in sections:
                continue  # a section number stays with its heading
            if not blank_separated and (t[-1:] == ":" and _connector(lines, k, gwidth) or
                                        k and lines[k - 1].text[-1:] == ":" and _connector(lines, k - 1, gwidth)):
                # 'Run:' / 'followed by' / 'Answer …': two displays (code) between them were lost
                out.append(_piece(f, start, k + 1))
                kept_cuts.add(lines[k + 1].no)  # reading_order leaves the cut alone
                ctx.decide(NAME, "split-short-line", (lines[k].no, lines[k + 1].no), t[-30:], "",
                           "a short lower-case line between a line ending with ':' and a capitalised "
                           "line stands alone: what came before and after it (a display, code) is not "
                           "in the text")
                start = k + 1
                continue
            if k > start and lines[k - 1].no in sections and style_of(t, ctx.language) is not None and \
                    len(t.split()) <= 14 and not t.endswith("-") and \
                    len(nxt) >= 0.6 * widths.get(lines[k + 1].no, gwidth) and not _QUESTION.search(nxt):
                # the heading after a section number ends its block before a line of prose,
                # whatever opens it (``1.3`` / ``Special lists`` / ``debian-private@lists.debian.org
                # is a special ...``); a short line goes on with the heading (wrapped)
                out.append(_piece(f, start, k + 1))
                ctx.decide(NAME, "split-after-numbered-heading", (lines[k].no, lines[k + 1].no), t[-30:], "",
                           "a heading after a section number on a line of its own ends its block")
                start = k + 1
                continue
            s = _strip_call(t) if t[-1:].isdecimal() or t[-1:] == "\n" else t  # (its own first test)
            # the line ends like a sentence (_END can only match a last character
            # of its own or one before a final line feed: tested first)
            t_end = s[-1:] in _END_LAST and bool(_END.search(s))
            after_text = lines[k + 2].text if k + 2 < len(lines) else ""
            # (a line opening with an ASCII lower-case letter starts nothing new:
            # _STARTS_NEW cannot match it, tested first)
            if ("a" <= nxt[:1] <= "z" or not _STARTS_NEW.match(nxt)) \
                    and not (t_end and (style_of(nxt, ctx.language) is not None
                                        or _opens_with_name(nxt, ctx.language)
                                        or names_next(nxt, after_text))) \
                    and not names_next(t, nxt) and not opens_with_reference(nxt):
                continue  # (a heading or a sentence may open with a lower-case command name)
            if t.endswith("-"):
                continue  # a word broken across the lines
            word = nxt.split(None, 1)
            word = word[0] if word else ""
            fits = not blank_separated and len(t) + 1 + len(word) < 1.0 * width  # the next word would have fitted
            # text separated by blank lines may still lose one (pdfminer): a
            # sentence ending well short of the column before a capital letter
            # (the local width is never above width: the test against width first)
            well_short = blank_separated and len(t) + 1 + len(word) < 0.8 * width and \
                len(t) + 1 + len(word) < 0.8 * min(width, widths.get(no, gwidth)) and \
                bool(_LETTER_START.match(nxt))
            if t == t.upper() and nxt == nxt.upper() and style_of(t) == "caps" and style_of(nxt) == "caps":
                continue  # capital lines: the headings pass groups them
            if not blank_separated and _link_cut(t, nxt, width):
                continue  # one line, cut after a link (its text and the rest fill the column)
            nxt_head = nxt_question = item_end = indented_next = colon_end = indent_opens = False
            # a contact line ending with an e-mail address, the next word would have fitted
            split = t_end and (fits or well_short) or names_next(t, nxt) or t_end and names_next(nxt, after_text) or \
                "@" in t and bool(EMAIL_END.search(t)) and len(t) + 1 + len(word) < width and \
                bool(_LETTER_START.match(nxt))
            if not split:  # the other rules, tried only when the first did not cut
                # a short line may end a heading that began with a hyphenated line
                head, first = t, k
                if k > start and lines[k - 1].text.endswith("-") and len(t.split()) <= 6:
                    head, first = lines[k - 1].text[:-1] + t, k - 1
                elif k > start and len(t.split()) <= 6 and len(lines[k - 1].text.split()) >= 2 and \
                        not _END.search(lines[k - 1].text) and \
                        not (t.isupper() and lines[k - 1].text.isupper()) and \
                        len(lines[k - 1].text) + 1 + len(t.split()[0]) < 0.85 * widths.get(lines[k - 1].no, gwidth):
                    # a heading wrapped early: its first line ended although the next word had
                    # room (lines in capitals are left to the headings pass)
                    head, first = lines[k - 1].text + " " + t, k - 1
                prev_end = first == start or bool(_END.search(_strip_call(lines[first - 1].text))) or \
                    lines[first - 1].no in sections
                # a heading-like short line comes next, itself followed by a new sentence
                after_word = after_text.split()[0] if after_text.split() else ""
                nxt_head = bool(after_text) and t_end and \
                    not _END.search(nxt) and len(nxt) + 1 + _word_len(after_word) < 0.97 * width and \
                    len(nxt) < 0.75 * width and \
                    style_of(nxt, ctx.language) is not None and bool(_STARTS_NEW.match(after_text)) and \
                    len(nxt.split()) <= 12
                # a question of one to three lines standing alone comes next (its line count)
                nxt_question = _question_block([ln.text for ln in lines[k + 1:k + 5]], width) \
                    if t_end and _LETTER_START.match(nxt) else 0
                # a list item (bullet line, at most 3 lines back) ends where the next word would have fitted
                item_end = len(t) + 1 + len(word) < 0.7 * width and \
                    len(t) + 1 + len(word) < 0.7 * min(width, widths.get(no, gwidth)) and \
                    _item_line(lines, k) and not t.rstrip().endswith((",", "-", "–")) and \
                    bool(_LETTER_START.match(nxt)) and not BULLET.match(nxt) and not ORDERED.match(nxt)
                # the next line is a paragraph's indented first line: it ends
                # although the word after it would have fitted (the indent the
                # extractor dropped took that room), after a sentence's end
                indented_next = not blank_separated and k + 2 < len(lines) and \
                    bool(_SENTENCE_END.search(_strip_call(t))) and bool(_LETTER_START.match(nxt)) and \
                    not nxt.endswith("-") and not _ABBREVIATION.search(t) and \
                    _room_left(nxt, lines[k + 2].text, widths.get(lines[k + 1].no, gwidth))
                # a line ending with a colon before a capitalised line: what the
                # colon announced (a display, code, a list) was set apart and is gone
                # text whose paragraphs open with an indent: a capitalised
                # indented line after one flush left opens a paragraph, even
                # after a full line (what ended the one before, a display or
                # code, is not in the text)
                indent_opens = para_indents and lines[k + 1].indent and not lines[k].indent and \
                    bool(_LETTER_START.match(nxt)) and not t.endswith(("-", ",")) and \
                    not (k > start and lines[k - 1].no in sections)
                colon_end = t.endswith(":") and not t.endswith("::") and \
                    bool(_LETTER_START.match(nxt)) and len(t.split()) > 2 and \
                    not _bracket_left_open(lines[start:k + 1])  # (a bracket left open goes on)
                split = bool(nxt_head or nxt_question or item_end or indented_next or colon_end or indent_opens)
                if not split and prev_end and style_of(head, ctx.language) is not None \
                        and len(t) + 1 + _word_len(word) + _INDENT * lines[k].indent < 0.97 * widths.get(no, gwidth) \
                        and len(head.split()) <= 12 \
                        and not _cut_sentence(head, ctx.language) \
                        and not (len(lines) <= 3 and _QUESTION.search(lines[-1].text)):  # a wrapped question
                    split = True
                    if start < first < k:
                        # the heading's hyphenated first line starts a block of its own too
                        out.append(_piece(f, start, first))
                        ctx.decide(NAME, "split-before-heading", (lines[first - 1].no, lines[first].no),
                                   lines[first - 1].text[-30:], "",
                                   "a heading of two lines (broken with a hyphen, or wrapped early) after "
                                   "a sentence's end, its second line ending well short of the column: "
                                   "the heading starts a block")
                        start = first
            if split:
                out.append(_piece(f, start, k + 1))
                detail = f"line of {len(t)} characters ends a block: the next word would have fitted " \
                    f"(column about {width})"
                if nxt_question and not (fits or well_short):
                    detail = f"line of {len(t)} characters ends a sentence; a question of " \
                        f"{nxt_question} short line(s) " \
                        f"follows, before a capitalised line: a heading the extractor ran into the text"
                if indented_next and not (fits or well_short):
                    detail = f"line of {len(t)} characters ends a sentence; the next line ({len(nxt)} " \
                        f"characters, column about {widths.get(lines[k + 1].no, gwidth)}) had room for the " \
                        f"word after it: an indented first line"
                if colon_end and not (fits or well_short or nxt_head or nxt_question or indented_next):
                    detail = f"line ends with a colon before a capitalised line: what it announced " \
                        f"(a display, code, a list) is not in the text"
                if item_end and not t_end:
                    detail += "; a list item ends, the next line starts a capitalised sentence"
                if indent_opens and not (t_end and (fits or well_short)) and \
                        not (nxt_head or nxt_question or item_end or indented_next or colon_end):
                    detail = "the next line is indented, as the text's paragraphs open, and capitalised: " \
                             "a paragraph opens (what ended the one before is not in the text)"
                    kept_cuts.add(lines[k + 1].no)  # reading_order leaves the cut alone
                ctx.decide(NAME, "split-short-line", (lines[k].no, lines[k + 1].no), t[-30:], "", detail)
                start = k + 1
        out.append(f if start == 0 else Frag(lines=lines[start:]))
    ctx.meta["list_cuts"] = cuts
    ctx.meta["kept_cuts"] = kept_cuts
    # kept for the passes after this one (reading_order lets them go), not
    # the widths asked for here (memory: a dictionary entry a line asked)
    widths.forget()
    ctx.meta["_widths"] = (removals, gwidth, widths)
    return out
