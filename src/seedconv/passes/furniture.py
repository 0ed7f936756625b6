"""Furniture: page furniture printed inside the prose.

Detected by what the lines *are* — repetition, position at page edges,
isolation between blank lines, numbers in sequence — never by their words.

* page numbers alone on a line::

      ... no side confirmed this and the matter was kept as
                                                          →  (removed, kind page-number)
      3

* running heads/feet: short lines that repeat across pages (digits masked),
  printed alone between blank lines or at the edge of a page (form feed); a
  short title-like line in the same furniture zone as a confirmed head,
  copyright line or page number is a running head too;
* copyright lines (``©``/``(c)``/"Copyright" + a year) standing alone;
* drop caps: a single capital alone on a line is glued back to the word it
  starts (``T`` + ``urkmenistan``) when that makes a known word, else removed;
* link-annotation residue: a line holding only a URL that the text already
  prints elsewhere, ``mailto:`` lines;
* separator rules: lines of only dots, dashes, underscores, ellipses;
* patterns the user gives in the profile (``furniture_patterns``).

Every removed line is kept in ``Document.furniture`` with its line number
and the reason, so nothing is lost silently.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from itertools import compress, groupby, islice
from operator import attrgetter

from ..chunks import joined_batches
from .base import Context, Line

NAME = "furniture"
_PAGE_OF = attrgetter("page")

_PAGE_NO = re.compile(
    r"^(?:(?:page|p\.|pg\.|seite|s\.|pagina|página|pag\.|стр\.?|страница|c\.)\s*)?"
    r"[-–—(\[]?\s*(\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:/|of|de|von|di|из)\s*\d{1,4})?$", re.I)
_ROMAN = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_COPYRIGHT = re.compile(r"(©|\(c\)|copyright|\bcopr\.)", re.I)
_YEAR = re.compile(r"\b(1[5-9]|20)\d\d\b")
_URL_ONLY = re.compile(r"^(?:https?://|ftp://|www\.)\S+$", re.I)
_DIGIT = re.compile(r"\d")
# where a URL may start: the positions ``(?=http|ftp|www)`` finds, found
# faster by consuming the match (none of the three can start inside http or
# ftp; www can start one character on, in a run of w: hence w(?=ww))
_URL_STARTS = re.compile(r"http|ftp|w(?=ww)")
# the same positions as every occurrence of these (see _url_counts)
_URL_WORDS = ("http", "ftp", "www")
_MAILTO = re.compile(r"^mailto:\S+$", re.I)
_RULE = re.compile(r"^[\s.…·•_\-–—=~*#]{3,}$")
_SENTENCE_END = re.compile(r"[.!?;:,]$")
_SPACE_RUN = re.compile(r"\s+")
_DIGIT_RUN = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")
_LETTERS3 = re.compile(r"[^\W\d_]{3}")
_END_NUMBER = re.compile(r"^\d{1,4}|\d{1,4}$")
_LINKISH = re.compile(r"https?://|www\.|@")
_LOWER_LIST = re.compile(r"[a-z]{3,}[,;]\s+[a-z]")
_ONE_CAPITAL = re.compile(r"[A-ZÀ-ÞА-Я]")
_WORD_START = re.compile(r"\w+")
# first characters a _RULE line can start with; _URL_ONLY lines start with
# h/f/w (no other character matches them case-insensitively), _MAILTO lines
# with m: exact pre-tests that spare a regular expression call per line
_RULE_FIRST = frozenset(".…·•_-–—=~*#")
_URL_FIRST = frozenset("hfwHFW")
_RULE_MAILTO_FIRST = _RULE_FIRST | frozenset("mM")


def mask(text: str) -> str:
    """A key for repetition: case-folded, digits masked, spaces collapsed.

    (``" ".join(s.split())`` is ``_SPACE_RUN.sub(" ", s).strip()``: str.split
    cuts at the characters ``\\s`` matches; faster.)"""
    return " ".join(_DIGIT_RUN.sub("#", text.casefold()).split())


class _Masks(dict):
    """``mask`` of each distinct text, computed once per run."""

    def __missing__(self, text: str) -> str:
        key = self[text] = mask(text)
        return key


def _is_rule(t: str) -> bool:
    c = t[:1]
    return (c in _RULE_FIRST or c.isspace()) and bool(_RULE.match(t))


def _is_mailto(t: str) -> bool:
    return t[:1] in "mM" and bool(_MAILTO.match(t))


def _url_only(t: str) -> bool:
    return t[:1] in _URL_FIRST and bool(_URL_ONLY.match(t))


def is_page_number(text: str) -> bool:
    """``'3'``, ``'- 12 -'``, ``'Page 4 of 9'``, ``'xii'`` are page numbers."""
    t = text.strip()
    if not t or len(t) > 24:
        return False
    m = _PAGE_NO.match(t)
    if not m:
        return False
    if not m.group(1).isdecimal():
        # roman numerals only when lower case or obviously a numeral
        return t.islower() and len(t) <= 7 and bool(_ROMAN.match(t))
    return True


def label_run(lines: list[Line], i: int) -> bool:
    """Is line i part of a column of consecutive small numbers on one page —
    note labels printed apart from their texts, not page numbers?"""
    def num(j):
        if 0 <= j < len(lines) and lines[j].page == lines[i].page and lines[j].text.isdecimal() \
                and len(lines[j].text) <= 3:
            return int(lines[j].text)
        return None
    if num(i) is None:
        return False
    a = b = i
    while num(a - 1) is not None and num(a - 1) == num(a) - 1:
        a -= 1
    while num(b + 1) is not None and num(b + 1) == num(b) + 1:
        b += 1
    size = b - a + 1
    if size >= 3:
        return True
    if size == 2:
        edge = lambda j: j < 0 or j >= len(lines) or lines[j].blank
        return edge(a - 1) and edge(b + 1)
    return False


def _isolated(lines: list[Line], i: int) -> bool:
    """A text line with a real blank line (or the file edge or a page edge) on both sides."""
    def sep(j: int, edge_page: int) -> bool:
        if j < 0 or j >= len(lines):
            return True
        ln = lines[j]
        if ln.page != edge_page:
            return True
        return (ln.blank and not ln.soft_blank) or ln.removed
    ln = lines[i]
    before = sep(i - 1, ln.page) or (lines[i - 1].blank and lines[i - 1].soft_blank and _double_sep(lines, i, -1))
    after = sep(i + 1, ln.page) or (lines[i + 1].blank and lines[i + 1].soft_blank and _double_sep(lines, i, 1))
    return before and after


def _isolated_lines(lines: list[Line], idxs: list[int]) -> set[int]:
    """``{i for i in idxs if _isolated(lines, i)}``, the same tests written
    out in one loop (no function calls per line)."""
    n = len(lines)
    out: set[int] = set()
    for i in idxs:
        page = lines[i].page
        if i > 0:
            b = lines[i - 1]
            if b.page == page and not ((b.blank and not b.soft_blank) or b.removed) and \
                    not (b.blank and b.soft_blank and (i < 2 or lines[i - 2].blank)):
                continue  # text (or a lone wrap blank) before it
        if i + 1 < n:
            a = lines[i + 1]
            if a.page == page and not ((a.blank and not a.soft_blank) or a.removed) and \
                    not (a.blank and a.soft_blank and (i + 2 >= n or lines[i + 2].blank)):
                continue  # text (or a lone wrap blank) after it
        out.add(i)
    return out


def _double_sep(lines, i, step) -> bool:
    # in double-spaced text a single blank is a wrap; two make a separation
    j = i + 2 * step
    return j < 0 or j >= len(lines) or lines[j].blank


# a line opening with a bullet is a list item, not a running head
_BULLETS = frozenset("•◦▪■●○‣∙·–—\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf071")


def _head_like(text: str) -> bool:
    t = text.strip()
    # (the tests without a regular expression first; t has no line break, so
    # _SENTENCE_END can only match its last character)
    return 0 < len(t) <= 90 and t[-1] not in ".!?;:,-" and not t[0].islower() \
        and t[0] not in _BULLETS and not t.isdecimal() and not _linkish(t)


def _linkish(t: str) -> bool:
    """``_LINKISH.search(t)``, tried only when t holds what each match holds."""
    return ("@" in t or "://" in t or "www." in t) and bool(_LINKISH.search(t))


def _copyright(t: str) -> bool:
    """``_COPYRIGHT.search(t)`` (slow: case-insensitive alternatives at every
    position), tried only when t holds ``©``, ``(c)`` or ``cop`` in any case,
    as each match does (no other character matches c, o or p ignoring case;
    the text is lower-cased only when it holds ``op`` in some case)."""
    return ("©" in t or "(c)" in t or "(C)" in t or ("op" in t or "OP" in t or "Op" in t or "oP" in t)
            and "cop" in t.lower()) and bool(_COPYRIGHT.search(t))


# footnotes' call patterns as this module knows them, and a lookahead that
# every match of them passes (a match starts at the call's digit, or at the
# space before it): put in front, the engine skips the other positions without
# trying the lookbehinds there (5x faster).  A pattern footnotes has changed
# since is used as it is.
_LEADS = {
    r"(?:(?<=[.,;:!?”’\"»)\]])|(?<=[^\W\d_]{2}))(?<!\b\d[.,])(?<!\b\d\d[.,])(\d{1,3})"
    r"(?![.,]\d)(?=[\s.,;:)]|$)": r"(?=\d)",
    r"(?<=[^\W\d_]{2})(\s)(\d{1,3})(?![.,]\d)(?=[\s,.;:)]|$)": r"(?=\s\d)",
}
_FAST: dict[str, re.Pattern] = {}


def _fast(p: re.Pattern) -> re.Pattern:
    lead = _LEADS.get(p.pattern)
    if lead is None:
        return p
    if p.pattern not in _FAST:
        _FAST[p.pattern] = re.compile(lead + p.pattern, p.flags)
    return _FAST[p.pattern]


class _Calls:
    """The numbers printed as note calls on each line (the patterns of
    :mod:`footnotes`), found once per distinct text and shared by the steps
    that ask.  The lines' texts must not change while it is used."""

    def __init__(self, lines: list[Line], after_word: bool):
        from .footnotes import _CALL_AFTER_WORD, _CALL_GLUED, _CALL_SPACED

        self.lines = lines
        self.after_word = after_word
        self._glued, self._spaced, self._after = _fast(_CALL_GLUED), _CALL_SPACED, _fast(_CALL_AFTER_WORD)
        self._gs: dict[str, frozenset[str]] = {}
        self._aw: dict[str, frozenset[str]] = {}
        self._calling: dict[bool, list[tuple[int, frozenset[str]]]] = {}

    def glued_spaced(self, i: int) -> frozenset[str]:
        """Calls glued to a word or after punctuation (the line must hold a digit)."""
        t = self.lines[i].text
        got = self._gs.get(t)
        if got is None:
            got = frozenset({m.group(1) for m in self._glued.finditer(t)} |
                            {m.group(2) for m in self._spaced.finditer(t)}) or _NONE
            self._gs[t] = got
        return got

    def after_word_calls(self, i: int) -> frozenset[str]:
        t = self.lines[i].text
        got = self._aw.get(t)
        if got is None:
            got = frozenset({m.group(2) for m in self._after.finditer(t)}) or _NONE
            self._aw[t] = got
        return got

    def calling(self, after_word: bool) -> list[tuple[int, frozenset[str]]]:
        """``(i, numbers)`` for each text line that calls numbers, in order:
        the calls glued or spaced, and with ``after_word`` those set apart
        after a word too (worked out once)."""
        got = self._calling.get(after_word)
        if got is None:
            got = self._calling[after_word] = []
            of_text: dict[str, frozenset[str]] = {}  # the numbers each text calls
            for i, ln in enumerate(self.lines):
                if ln.blank:
                    continue
                new = of_text.get(ln.text)
                if new is None:
                    new = _NONE
                    if _DIGIT.search(ln.text):  # fast test first
                        new = self.glued_spaced(i)
                        if after_word:
                            new = new | self.after_word_calls(i)
                    of_text[ln.text] = new
                if new:
                    got.append((i, new))
        return got


_NONE: frozenset[str] = frozenset()


def run(ctx: Context) -> None:
    if not ctx.settings.remove_furniture:
        return
    lines = ctx.lines
    text_idx = [i for i, ln in enumerate(lines) if not ln.blank]
    # more than one page: a second run of lines on one page (the first page
    # change ends the look, made in C)
    paged = next(islice(groupby(lines, _PAGE_OF), 1, None), None) is not None

    # user patterns first
    pats = [re.compile(p) for p in ctx.settings.furniture_patterns]
    for i in (text_idx if pats else ()):
        for p in pats:
            if p.search(lines[i].text):
                ctx.remove(lines[i], "other", f"matches profile pattern {p.pattern!r}")

    # page edges (with form feeds): first/last three text lines of each page
    edge: set[int] = set()
    page_size: dict[int, int] = {}  # text lines a page
    if paged:
        by_page: dict[int, list[int]] = defaultdict(list)
        for i in text_idx:
            by_page[lines[i].page].append(i)
        for page, idxs in by_page.items():
            edge.update(idxs[:3])
            edge.update(idxs[-3:])
            page_size[page] = len(idxs)
        del by_page

    iso = _isolated_lines(lines, text_idx)
    candidates = iso | edge
    masks = _Masks()
    calls = _Calls(lines, ctx.language in _spaced_call_langs())
    counts = Counter(masks[lines[i].text] for i in candidates if len(lines[i].text) <= 120)
    # pages and places only of the texts printed often enough to be furniture
    # (most candidate lines are printed once: no entry of their own)
    often = {key for key, c in counts.items() if c >= ctx.settings.repeat_min}
    first_page: dict[str, int] = {}
    on_pages: set[str] = set()  # printed on two pages or more (not a set of pages each: memory)
    where: dict[str, list[int]] = defaultdict(list)
    for i in candidates:
        key = masks[lines[i].text]
        if key in often:
            if first_page.setdefault(key, lines[i].page) != lines[i].page:
                on_pages.add(key)
            where[key].append(i)
    close = {key for key, idxs in where.items() if len(idxs) > 1 and _close_together(lines, idxs)}

    confirmed = _IndexSet(len(lines))
    called = _calls_before(ctx, calls)
    title_line = _title_before_names(lines, text_idx)
    sections = section_numbers(ctx, text_idx)
    heads: set[str] = set()  # the texts removed as repeated furniture at a page edge
    for i in sorted(candidates):
        ln = lines[i]
        if ln.removed or i == title_line or i in sections:
            continue
        t = ln.text
        if is_page_number(t) and not label_run(lines, i) and (i in iso or not called.before(t, i)) and \
                not _note_text_follows(lines, i):
            ctx.remove(ln, "page-number", "a number alone on a line")
            confirmed.add(i)
        elif _is_mailto(t):
            ctx.remove(ln, "link-residue", "mailto: annotation residue")
            confirmed.add(i)
        elif _is_rule(t):
            ctx.remove(ln, "rule", "separator made of punctuation only")
        # (a text over 120 characters is not counted: its mask is not made)
        elif len(t) <= 120 and counts[(key := masks[t])] >= ctx.settings.repeat_min and not t.isdecimal() and \
                (not paged or (key in on_pages and i in edge)) and not _url_only(t) and \
                key not in close and not _opens_called_note(t, called, i):
            kind = "copyright" if _copyright(t) else "running-head"
            ctx.remove(ln, kind, f"repeated {counts[key]} times alone between blank lines or at page edges")
            confirmed.add(i)
            heads.add(key)
        elif _copyright(t) and _YEAR.search(t) and len(t) <= 200:
            ctx.remove(ln, "copyright", "copyright line standing alone")
            ctx.meta.setdefault("rights", rights_text(t))
            confirmed.add(i)

    if paged and heads:
        # the same head, also standing alone away from the page edges (an
        # extractor that reads a page's boxes out of order puts it mid-page)
        for i in sorted(iso):
            ln = lines[i]
            key = masks[ln.text]
            if key in heads and not ln.removed and i != title_line and key not in close:
                kind = "copyright" if _copyright(ln.text) else "running-head"
                ctx.remove(ln, kind, "alone between blank lines away from the page edges; the same text "
                           "was removed as repeated furniture at a page edge")
                confirmed.add(i)
    # (only the lines that open as a rule or a mailto: line can: see _is_rule)
    for i in [i for i in text_idx if (c := lines[i].text[:1]) in _RULE_MAILTO_FIRST or c.isspace()]:
        t = lines[i].text
        if _is_rule(t) and not lines[i].removed:
            ctx.remove(lines[i], "rule", "separator made of punctuation only")
        if _is_mailto(t):
            ctx.remove(lines[i], "link-residue", "mailto: annotation residue")
            confirmed.add(i)
    _page_counter(ctx, text_idx, confirmed, calls)
    # _YEAR needs an ASCII 1 or 2: the cheap tests first, on every line at
    # once (all are pure tests; only line i is removed in the loop)
    for i in [i for i in text_idx if ("1" in (t := lines[i].text) or "2" in t) and len(t) <= 120
              and not lines[i].removed]:
        t = lines[i].text
        if _copyright(t) and _YEAR.search(t) and not _LOWER_LIST.search(t):
            ctx.remove(lines[i], "copyright", "copyright line")
            ctx.meta.setdefault("rights", rights_text(t))
            confirmed.add(i)
    _repeated_inline(ctx, text_idx, confirmed, masks, called)
    _numbered_heads(ctx, text_idx, confirmed, calls, edge, page_size)
    numbers = _lone_numbers(lines, text_idx)  # (texts do not change meanwhile: found once)
    _numbers_next_to_furniture(ctx, text_idx, confirmed, numbers)
    if _repeated_beside(ctx, text_idx, confirmed, masks):
        _numbers_next_to_furniture(ctx, text_idx, confirmed, numbers)
    _head_after_number(ctx, confirmed)
    if paged:
        _page_top_heads(ctx, iso, confirmed)
        _sentence_through_head(ctx, iso, edge, confirmed)
    else:
        _inferred_page_top_heads(ctx, confirmed)
    _zones(ctx, iso, confirmed, called)
    _link_residue(ctx)
    _drop_caps(ctx, iso)
    _mark_breaks(ctx, confirmed)
    _rights_without_page_number(ctx, confirmed)


def _rights_without_page_number(ctx: Context, confirmed: _IndexSet) -> None:
    """The rights statement without a page number glued to its end by one
    space (``... GPL-2.0-or-later. 140``, pypdf) when the pages next to it
    are numbered ``139`` or ``141``: the number is the page's, not the
    statement's (the furniture record keeps the line as printed)."""
    rights = ctx.meta.get("rights")
    m = _TRAILING_NUMBER.search(rights) if rights else None
    if m is None:
        return
    n = int(m.group(1))
    near = {str(n - 1), str(n + 1)}
    if any(ctx.lines[i].text.strip() in near for i in confirmed if ctx.lines[i].text.strip().isdecimal()):
        ctx.meta["rights"] = rights[:m.start()].rstrip()


_TRAILING_NUMBER = re.compile(r"(?<=[.)])\s(\d{1,4})$")


class _IndexSet:
    """A set of line indices (``add``, ``in``, iteration in increasing order)
    kept as a byte a line: a set of integers takes 16 to 64 bytes an index,
    and the lines confirmed as furniture can be a quarter of a document's."""

    __slots__ = ("_flags",)

    def __init__(self, n: int):
        self._flags = bytearray(n)

    def add(self, i: int) -> None:
        self._flags[i] = 1

    def __contains__(self, i: int) -> bool:
        return 0 <= i < len(self._flags) and self._flags[i] == 1

    def __iter__(self):
        return compress(range(len(self._flags)), self._flags)


_EDGE_NUM = re.compile(r"^\d{1,4}\s+\S|\S\s+\d{1,4}$")


def _close_together(lines: list[Line], idxs: list[int]) -> bool:
    """Two of these lines within a few lines of each other: a running head or
    foot is printed once per page edge, so these are something else (note
    openings like ``1See`` / ``3See`` that differ only by their digits)."""
    nos = sorted(lines[i].no for i in idxs)
    return any(b - a < _MIN_REPEAT_GAP for a, b in zip(nos, nos[1:]))


_MIN_REPEAT_GAP = 5


def _spaced_call_langs() -> set[str]:
    from .footnotes import SPACED_CALL_LANGS

    return SPACED_CALL_LANGS


def _repeated_inline(ctx: Context, text_idx: list[int], confirmed: _IndexSet,
                     masks: dict[str, str] | None = None, called=None) -> None:
    """Running heads that the extractor did not set apart with blank lines:
    short title-like lines (or lines carrying a page number at one end) that
    repeat, digits masked, three times — or twice with different numbers."""
    lines = ctx.lines
    masks = _Masks() if masks is None else masks
    # title-like (or copyright) lines only, repeated: the tests that fail most often first
    groups = _groups(lines, text_idx, masks, lambda t: 3 <= len(t) <= 100 and not _url_only(t),
                     lambda t: _head_like(t) or _copyright(t))
    for key, idxs in groups.items():
        texts = [lines[i].text for i in idxs]
        if not _LETTER.search(key) or _close_together(lines, idxs):
            continue
        if called is not None and all(_opens_called_note(lines[i].text, called, i) for i in idxs):
            continue  # ``3See`` … ``5See``: each opens a note called before it
        nums = [int(m.group(0)) for t in texts
                if (t[:1].isdecimal() or t[-1:].isdecimal()) and (m := _END_NUMBER.search(t))]
        numbered = len(nums) == len(texts) and len(set(nums)) == len(nums) and \
            all(0 < b - a <= 2 for a, b in zip(nums, nums[1:]))  # page numbers go up by 1 or 2
        if numbered or len(idxs) >= 3:
            for i in idxs:
                kind = "copyright" if _copyright(lines[i].text) else "running-head"
                ctx.remove(lines[i], kind, f"repeated {len(idxs)} times (digits ignored)")
                confirmed.add(i)


def _groups(lines: list[Line], text_idx: list[int], masks: dict[str, str], keep,
            every=None) -> dict[str, list[int]]:
    """The lines of ``text_idx`` not removed whose text passes ``keep``,
    grouped by their mask, the groups of two lines or more only, and (with
    ``every``) only those all of whose texts pass ``every``: the groups in
    the order of their first line, the lines of each in order.

    The tests and the mask are worked out once per distinct text (counted at
    C speed), and only the lines of the groups kept are then gathered: in a
    document most masks have a line of their own."""
    alive = [i for i in text_idx if not lines[i].removed]
    texts = [lines[i].text for i in alive]
    key_of: dict[str, str] = {}   # text -> mask, for the texts kept
    size: dict[str, int] = {}     # mask -> lines
    for t, n in Counter(texts).items():
        if keep(t):
            key = key_of[t] = masks[t]
            size[key] = size.get(key, 0) + n
    wanted = {t for t, key in key_of.items() if size[key] >= 2}
    if every is not None:  # groups with a text that fails ``every`` are left out
        bad = {key_of[t] for t in wanted if not every(t)}
        wanted = {t for t in wanted if key_of[t] not in bad}
    groups: dict[str, list[int]] = {}
    for i, t in [(i, t) for i, t in zip(alive, texts) if t in wanted]:
        group = groups.get(key_of[t])
        if group is None:
            groups[key_of[t]] = [i]
        else:
            group.append(i)
    return groups


class _Before:
    """The numbers printed as note calls on the lines before line ``i``."""

    __slots__ = ("first", "i")

    def __init__(self, first: dict[str, int], i: int):
        self.first, self.i = first, i

    def __contains__(self, number: str) -> bool:
        return self.first.get(number, self.i) < self.i


class _CallsBefore:
    """``called[i]``: the numbers called on the lines before line ``i``.  Kept
    as the first line calling each number (a set per line, even shared per
    stretch, grows with the number of calls times their count)."""

    __slots__ = ("first",)

    def __init__(self, first: dict[str, int]):
        self.first = first

    def __getitem__(self, i: int) -> _Before:
        return _Before(self.first, i)

    def before(self, number: str, i: int) -> bool:
        """``number in self[i]``, without making the view."""
        return self.first.get(number, i) < i


def _calls_before(ctx: Context, calls: _Calls | None = None) -> _CallsBefore:
    """For each line, the numbers printed as note calls on the lines before it."""
    if calls is None:
        calls = _Calls(ctx.lines, ctx.language in _spaced_call_langs())
    lines = ctx.lines
    first: dict[str, int] = {}
    for i, numbers in calls.calling(calls.after_word):
        ln = lines[i]
        if not ln.blank and not ln.removed:
            for number in numbers:
                first.setdefault(number, i)
    return _CallsBefore(first)


def _page_counter(ctx: Context, text_idx: list[int], confirmed: _IndexSet,
                  calls: _Calls | None = None) -> None:
    """Lone numbers that count pages: going up by 1 or 2 through the text,
    far apart (a column of note labels is consecutive lines instead); three
    of them, or two when the second ends the document.  Section numbers
    (:func:`section_numbers`) are not counted."""
    lines = ctx.lines
    called = _calls_before(ctx, calls)
    sections = ctx.meta.get("section_numbers", set())
    nums = [i for i in text_idx if not lines[i].removed and lines[i].text.isdecimal()
            and len(lines[i].text) <= 4 and (_isolated(lines, i) or not called.before(lines[i].text, i))
            and lines[i].no not in sections]
    chain: list[int] = []
    best: list[int] = []
    for i in nums:
        if chain and 0 < int(lines[i].text) - int(lines[chain[-1]].text) <= 2:
            chain.append(i)
        else:
            chain = [i]
        if len(chain) > len(best):
            best = list(chain)
    # two pages only: the second number is the document's last line
    if len(best) < 3 and not (len(best) == 2 and text_idx and best[-1] == text_idx[-1]):
        return
    gaps = sorted(b - a for a, b in zip(best, best[1:]))
    if gaps[len(gaps) // 2] < 8:
        return
    for i in best:
        ctx.remove(lines[i], "page-number", "a number alone on a line, counting pages")
        confirmed.add(i)


_HEAD_NUM = re.compile(r"^(\d{1,4})\s+(\S.{0,90})$|^(\S.{0,90}?)\s+(\d{1,4})$")


_SECTION_NO = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?$")


def section_numbers(ctx: Context, text_idx: list[int]) -> set[int]:
    """Indices of section numbers the extractor wrote on a line of their own
    (``1`` / ``Social dynamics``, ``2.1`` / ``Mailing lists``): lone numbers
    each directly followed by a heading-like line, counting up (1, 2, 2.1,
    3 ...), at least two of them, their headings all different (a page
    number followed by a running head repeats its head; a page number may
    stand between number and heading).  They are not page
    numbers; their line numbers go to ``ctx.meta["section_numbers"]`` so that
    the segments pass keeps each with its heading."""
    from .headings import style_of

    lines = ctx.lines
    found: list[tuple[int, list[int], str, int]] = []
    for pos, i in enumerate(text_idx[:-1]):
        t = lines[i].text.strip()
        if len(t) > 12 or not t[:1].isdecimal() or not _SECTION_NO.match(t):
            continue
        j = text_idx[pos + 1]
        if is_page_number(lines[j].text) and pos + 2 < len(text_idx):
            j = text_idx[pos + 2]  # the page number printed between them
        head = lines[j].text.strip()
        if j - i <= 4 and len(head.split()) <= 14 and style_of(head, ctx.language) is not None \
                and not head[:1].isdecimal():
            found.append((i, [int(x) for x in t.rstrip(".").split(".")], head, j))
    heads = Counter(h for h, _ in {(h, j) for _, _, h, j in found})  # by heading line
    chain: list[int] = []
    last: list[int] | None = None
    for i, nums, head, _ in found:
        if heads[head] > 1:
            continue  # a running head after page numbers
        if last is None and nums[0] <= 2 or last is not None and nums > last and nums[0] - last[0] <= 1:
            chain.append(i)
            last = nums
    if len(chain) < 2:
        return set()
    ctx.meta["section_numbers"] = {lines[i].no for i in chain}
    return set(chain)


def _title_before_names(lines, text_idx: list[int]) -> int | None:
    """The index of the document's first line when it is a title followed by
    a line of names (its authors): the title is also printed as the running
    head of later pages, but this first copy is the title and stays."""
    from .front_matter import AUTHORS

    if len(text_idx) < 2:
        return None
    first, nxt = lines[text_idx[0]].text.strip(), lines[text_idx[1]].text.strip()
    if len(first) > 150 or len(nxt) > 120 or any(c.isdigit() for c in nxt) or not AUTHORS.match(nxt):
        return None
    return text_idx[0]


def _numbered_heads(ctx: Context, text_idx: list[int], confirmed: _IndexSet,
                    calls: _Calls | None = None, edge: set[int] = frozenset(),
                    page_size: dict[int, int] | None = None) -> None:
    """Heads and feet printed on the same line as the page number
    (``42 Free Software Review``, ``Aoki: Console basics 43``): short
    title-like lines whose numbers count the pages through the text."""
    if calls is None:
        calls = _Calls(ctx.lines, False)
    lines = ctx.lines
    cands = []
    called: set[str] = set()  # numbers printed as note calls so far
    foot: tuple[int, int] | None = None  # (line index, page number) of the last page foot
    calling = calls.calling(False)
    pos = 0  # calling[:pos]: the lines before line i
    # _HEAD_NUM needs a digit at one end (\d is str.isdecimal): only those lines
    for i in [i for i in text_idx if (t := lines[i].text)[:1].isdecimal() or t[-1:].isdecimal()]:
        while pos < len(calling) and calling[pos][0] < i:
            called.update(calling[pos][1])
            pos += 1
        t = lines[i].text
        m = _HEAD_NUM.match(t.lstrip())  # (a head -layout set to the right: leading spaces)
        if not m:
            continue
        num, rest = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        # the line right after a page foot (copyright line and number n) that
        # opens with n + 1 is the next page's head, although a note of that
        # number was called
        turn = foot is not None and int(num) == foot[1] + 1 and i - foot[0] <= 3
        if m.group(1) and num in called and not turn:
            continue  # a note opening with its label
        if (_head_like(rest) or _copyright(rest)) and len(rest) <= 70 and not rest.endswith("-"):
            cands.append((i, int(num), rest))
            if _copyright(rest):
                foot = (i, int(num))
    best = _page_chain(cands)
    if len(best) < 2 or not _furniture_chain(lines, best, cands, edge, page_size or {}):
        return
    # a page turn: the foot of page n (its copyright line) and, right after
    # it, the head of page n + 1 sit close together by nature
    turns = [(a, b) for a, b in zip(best, best[1:]) if b[0] - a[0] <= 3 and b[1] == a[1] + 1
             and _copyright(lines[a[0]].text)]
    gaps = sorted(b[0] - a[0] for a, b in zip(best, best[1:]) if (a, b) not in turns)
    if gaps and gaps[len(gaps) // 2] < 20:
        return  # numbered lines close together: notes or a list, not page furniture
    for i, _ in best:
        kind = "copyright" if _copyright(lines[i].text) else "running-head"
        ctx.remove(lines[i], kind, "title-like line carrying the page number, counting pages")
        confirmed.add(i)


def _page_chain(cands: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The longest run of candidates whose numbers go up by one or two, in
    line order; a candidate whose number does not fit (``5 (see below)``
    between the heads of pages 96 and 97) is passed over, not an end.
    Linear: a chain is known by the number it ends with."""
    ends: dict[int, tuple] = {}  # number -> (length, i, n, previous node)
    top = None
    for i, n, _ in cands:
        prev = ends.get(n - 1) or ends.get(n - 2)
        node = (prev[0] + 1 if prev else 1, i, n, prev)
        if n not in ends or ends[n][0] <= node[0]:
            ends[n] = node
        if top is None or node[0] > top[0]:
            top = node
    best = []
    while top is not None:
        best.append((top[1], top[2]))
        top = top[3]
    return best[::-1]


def _furniture_chain(lines: list[Line], best: list[tuple[int, int]], cands: list[tuple[int, int, str]],
                     edge: set[int], page_size: dict[int, int]) -> bool:
    """Are the numbered lines of ``best`` page furniture rather than
    numbered section headings (``1 Introduction`` … ``5 Discussion``, which
    count up through the text too)?  Yes when one of them is a copyright
    line (a page foot), when two of them read the same (a head printed on
    several pages), or, with form feeds, when every one stands at an edge
    of its page (``edge``: among its first or last three text lines) and
    the page has eight text lines or more."""
    rest = {i: r for i, _, r in cands}
    texts = [rest[i] for i, _ in best]
    if any(_copyright(t) for t in texts) or len(set(texts)) < len(texts):
        return True
    pages = {lines[i].page for i, _ in best}
    if len(pages) < len(best):
        return False  # two on one page: not one head a page
    return all(i in edge and page_size.get(lines[i].page, 0) >= 8 for i, _ in best)


def _repeated_beside(ctx: Context, text_idx: list[int], confirmed: _IndexSet,
                     masks: dict[str, str] | None = None) -> bool:
    """A short title-like line printed at least twice, once right beside
    confirmed furniture (a page number, a copyright line), is a running head."""
    lines = ctx.lines
    masks = _Masks() if masks is None else masks
    groups = _groups(lines, text_idx, masks, lambda t: _head_like(t) and 3 <= len(t) <= 100)
    changed = False
    for key, idxs in groups.items():
        if not _LETTERS3.search(key):  # (the groups have two lines or more)
            continue
        if any((i - 1) in confirmed or (i + 1) in confirmed for i in idxs):
            for i in idxs:
                ctx.remove(lines[i], "running-head", f"repeated {len(idxs)} times, beside page furniture")
                confirmed.add(i)
            changed = True
    return changed


def _lone_numbers(lines: list[Line], text_idx: list[int]) -> list[int]:
    """The text lines that are a number of up to four digits."""
    return [i for i in text_idx if len(lines[i].text) <= 4 and lines[i].text.isdecimal()]


def _numbers_next_to_furniture(ctx: Context, text_idx: list[int], confirmed: _IndexSet,
                               numbers: list[int] | None = None) -> None:
    """Lone numbers next to removed furniture or to the next page's number
    (``numbers``: :func:`_lone_numbers`, when the caller has them)."""
    lines = ctx.lines
    # the lone numbers (texts do not change here; removal is tested in the loop)
    if numbers is None:
        numbers = _lone_numbers(lines, text_idx)
    changed = True
    while changed:
        changed = False
        for i in numbers:
            ln = lines[i]
            if ln.removed or label_run(lines, i):
                continue
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if any(j in confirmed for j in near):
                ctx.remove(ln, "page-number", "a number alone on a line beside page furniture")
                confirmed.add(i)
                changed = True


# a volume and its year, as a journal's running head gives them: '7 (2024)'
_SEPARATED = re.compile(r"\S\s[·|•]\s\S")  # 'Review · Vol. 9', 'Review | 2024'
_VOLUME_YEAR = re.compile(r"(?<![\d.])\d{1,4}\s*\((?:1[89]|20)\d\d\)")


def _head_after_number(ctx: Context, confirmed: _IndexSet) -> None:
    """A short title-like line right after a page number is the next page's
    running head when the text after it continues a sentence (lower case),
    or when the number is the second of a page turn (the foot's number n,
    then the head's n + 1, one right after the other: the header printed the
    number and this line together) and a heading-like line follows it.  A
    short line there giving a volume and a year (``Journal of X 7 (2024),
    Heft 2``) is a journal's running head even when printed once, and so is
    one at a page turn whose parts a dot or a bar sets apart, with a number
    (``Journal of X · Vol. 8 · No. 1``).  A short line whose parts a dot or
    a bar sets apart right before a page number is a running head too
    (``J. Roe and M. Major · The Title`` / ``79``)."""
    lines = ctx.lines
    numbers = sorted(i for i in confirmed if lines[i].text.strip().isdecimal())
    turns = {b for a, b in zip(numbers, numbers[1:])
             if b - a <= 2 and int(lines[b].text) == int(lines[a].text) + 1}
    for i in numbers:
        h = next((k for k in range(i - 1, max(i - 4, -1), -1) if not lines[k].blank and not lines[k].removed), None)
        if h is not None and len(lines[h].text) <= 100 and _SEPARATED.search(lines[h].text) and \
                not lines[h].text.rstrip().endswith((".", ":", ";", ",")):
            ctx.remove(lines[h], "running-head", f"short line right before the page number on line "
                                                 f"{lines[i].no}, its parts set apart by a dot or a bar "
                                                 f"(authors · title): a running head")
            confirmed.add(h)
        j = next((k for k in range(i + 1, min(i + 4, len(lines)))
                  if not lines[k].blank and not lines[k].removed), None)
        if j is not None and len(lines[j].text) <= 100 and _VOLUME_YEAR.search(lines[j].text) and \
                not lines[j].text.rstrip().endswith("."):
            ctx.remove(lines[j], "running-head", f"short line after the page number on line {lines[i].no} "
                                                 f"giving a volume and year: a journal's running head")
            confirmed.add(j)
            continue
        if j is not None and i in turns and len(lines[j].text) <= 100 and _SEPARATED.search(lines[j].text) \
                and _DIGIT.search(lines[j].text) and not lines[j].text.rstrip().endswith("."):
            ctx.remove(lines[j], "running-head", f"short line after the head's page number on line "
                                                 f"{lines[i].no} at a page turn, its parts set apart by "
                                                 f"a dot or a bar, with a number: a journal's running head")
            confirmed.add(j)
            continue
        if j is None or not _head_like(lines[j].text) or len(lines[j].text) > 70:
            continue
        k = next((k for k in range(j + 1, min(j + 4, len(lines)))
                  if not lines[k].blank and not lines[k].removed), None)
        if k is not None and lines[k].text[:1].islower():
            ctx.remove(lines[j], "running-head", f"short line after the page number on line {lines[i].no}, "
                                                 f"before text that continues a sentence")
            confirmed.add(j)
        elif i in turns and k is not None and _head_like(lines[k].text) and len(lines[k].text) <= 70 \
                and not lines[j].text.strip().isdecimal():
            ctx.remove(lines[j], "running-head", f"short line after the head's page number on line "
                                                 f"{lines[i].no} at a page turn, before a heading")
            confirmed.add(j)


def _page_top_heads(ctx: Context, iso: set[int], confirmed: _IndexSet) -> None:
    """With form feeds: when every page after the first opens with a short,
    title-like line standing alone (page numbers aside), those lines are
    running heads even if each is printed only once (odd/even heads)."""
    lines = ctx.lines
    first_of: dict[int, int] = {}
    i = 0
    for page, run in groupby(lines, _PAGE_OF):  # (the runs of lines on one page)
        run = list(run)
        if page not in first_of:
            for k, ln in enumerate(run):
                if not (ln.blank or (ln.removed and ln.text.isdecimal())):
                    first_of[page] = i + k
                    break
        i += len(run)
    pages = sorted(first_of)[1:]
    if len(pages) < 1:
        return
    tops = [first_of[p] for p in pages]
    if all(i in iso and not lines[i].removed and _head_like(lines[i].text) for i in tops) or \
            all(lines[i].removed and i in confirmed for i in tops):
        for i in tops:
            ctx.remove(lines[i], "running-head", "short line standing alone at the top of every page")
            confirmed.add(i)


_SENTENCE_GOES_ON = re.compile(r"[^\W\d_]{2,}")  # a word of letters


def _sentence_through_head(ctx: Context, iso: set[int], edge: set[int], confirmed: _IndexSet) -> None:
    """With form feeds: a short title-like line standing alone as the first
    or last text of a page, where a sentence runs on across it (the text
    before it ends with neither a sentence's end nor a hyphen, the text after
    it goes on with a common lower-case word), is a running head or foot,
    even printed once (the even pages' head of a short paper, ``A. Roe,
    B. Major. The Title``, which no other page repeats)."""
    from .words import zipf_any

    lines = ctx.lines
    n = len(lines)
    for i in sorted(iso & edge):
        ln = lines[i]
        if ln.removed or not _head_like(ln.text) or len(ln.text.strip()) > 90:
            continue
        k = next((k for k in range(i - 1, -1, -1) if not lines[k].blank and not lines[k].removed), None)
        j = next((j for j in range(i + 1, n) if not lines[j].blank and not lines[j].removed), None)
        if k is None or j is None or (lines[k].page == ln.page) == (lines[j].page == ln.page):
            continue  # (not a page's first or last text: the page turns on one side of it)
        before, after = lines[k].text.rstrip(), lines[j].text.strip()
        if not before or before[-1] in ".!?:;…-–—\"”»)" or not after[:1].islower():
            continue
        m = _SENTENCE_GOES_ON.match(after)
        if m is None or zipf_any(m.group(), ctx.language) < 3.0:
            continue  # (a command or a name may open a line after a heading)
        ctx.remove(ln, "running-head", f"short line standing alone at a page turn (lines {lines[k].no} and "
                                       f"{lines[j].no}): the sentence it interrupts goes on after it")
        confirmed.add(i)


def _inferred_page_top_heads(ctx: Context, confirmed: _IndexSet) -> None:
    """Without form feeds: the pages end where page numbers and copyright
    lines were removed.  When there are two such ends or more and the text
    line right after every one of them is a short title-like line (or was
    removed as a running head already), those lines are running heads even
    if each is printed only once (odd/even heads, centred heads with the
    page number in the foot)."""
    lines = ctx.lines
    ends = sorted(i for i in confirmed if lines[i].removed and (lines[i].text.strip().isdecimal()
                                                               or _copyright(lines[i].text)))
    ends_set = set(ends)
    tops: list[int] = []
    for i in ends:
        j = i + 1
        while j < len(lines) and (lines[j].blank or j in ends_set):
            j += 1  # (past the rest of the page's foot and the next page's number)
        if j < len(lines) and j - i <= 4 and (not tops or tops[-1] != j):
            tops.append(j)
    if len(tops) < 2 or not all(lines[j].removed or (_head_like(lines[j].text) and len(lines[j].text) <= 70)
                                for j in tops):
        return
    for j in tops:
        if not lines[j].removed:
            ctx.remove(lines[j], "running-head", "short title-like line right after every page's foot")
            confirmed.add(j)


def _style(t: str) -> str | None:
    from .headings import style_of

    return style_of(t)


def _note_text_follows(lines: list[Line], i: int) -> bool:
    """Is the next text line on the page of line ``i`` a note's text (a
    citation or an address)?  Then the number on line ``i`` is its label."""
    from .footnotes import note_like

    if not any(not lines[j].blank for j in range(max(0, i - 30), i) if lines[j].page == lines[i].page):
        return False  # the first text of its page: a page number at the top
    for j in range(i + 1, min(len(lines), i + 4)):
        if lines[j].page != lines[i].page:
            return False
        if not lines[j].blank:
            return not lines[j].removed and note_like(lines[j].text)
    return False


_LABEL_HEAD = re.compile(r"^(\d{1,3})(?=[^\W\d_])")


def _opens_called_note(text: str, called, i: int) -> bool:
    """``6See …``: line i, of text ``text``, opens with the number of a note
    called before it (``called``: a :class:`_CallsBefore`)."""
    m = _LABEL_HEAD.match(text)
    return bool(m) and called.before(m.group(1), i)


def _zones(ctx: Context, iso: set[int], confirmed: _IndexSet,
           called: _CallsBefore | None = None) -> None:
    """Short title-like lines in the same zone as confirmed furniture, before
    it (not a line opening with the number of a note called before it)."""
    lines = ctx.lines
    order = sorted(iso)
    # group isolated lines into zones: only blank/removed lines between them
    zones: list[list[int]] = []
    for i in order:
        if zones and all(lines[j].blank or lines[j].removed for j in range(zones[-1][-1] + 1, i)):
            zones[-1].append(i)
        else:
            zones.append([i])
    for z in zones:
        conf = [i for i in z if i in confirmed]
        if not conf:
            continue
        last = max(conf)
        nxt = next((lines[j] for j in range(z[-1] + 1, len(lines))
                    if not lines[j].blank and not lines[j].removed), None)
        continues = nxt is not None and nxt.text[:1].islower()
        before = next((lines[j] for j in range(z[0] - 1, -1, -1)
                       if not lines[j].blank and not lines[j].removed), None)
        near = z[max(0, z.index(last) - 3):]  # a page's furniture is a few lines, not the page
        for i in near:
            if lines[i].removed or not _head_like(lines[i].text):
                continue
            if called is not None and _opens_called_note(lines[i].text, called, i):
                continue  # ``6See``: a note opening, its address set apart
            if i == z[0] and continues and len(lines[i].text) > 40 and \
                    (before is None or _SENTENCE_END.search(before.text)) and \
                    _style(lines[i].text) not in ("title", "caps"):
                continue  # a paragraph that starts on the last line of the page
            if i < last:
                ctx.remove(lines[i], "running-head",
                           f"short line in the furniture zone of line {lines[last].no}")
            elif continues and len(lines[i].text) <= 80:
                ctx.remove(lines[i], "running-head",
                           f"short line after the page number on line {lines[last].no}, "
                           f"before text that continues a sentence")


_NOT_IN_URL_KEY = re.compile(r"[\s\-]")


def _norm_url(u: str) -> str:
    return _NOT_IN_URL_KEY.sub("", u.casefold()).rstrip(".,;")


def _link_residue(ctx: Context) -> None:
    """Blocks made only of bare URLs that the text prints elsewhere."""
    lines = ctx.lines
    n = len(lines)
    # the text lines holding only a URL; a run of them is a whole block when
    # no text line stands right before or after it
    urls = [i for i, ln in enumerate(lines) if ln.text[:1] in _URL_FIRST and not ln.blank
            and not ln.removed and _URL_ONLY.match(ln.text)]
    found: list[tuple[Line, str]] = []
    k = 0
    while k < len(urls):
        a = b = urls[k]
        k += 1
        while k < len(urls) and urls[k] == b + 1:
            b = urls[k]
            k += 1
        if (a == 0 or lines[a - 1].blank or lines[a - 1].removed) and \
                (b + 1 == n or lines[b + 1].blank or lines[b + 1].removed):
            found.extend((ln, _norm_url(ln.text)) for ln in lines[a:b + 1])
    if not found:
        return
    counts = _url_counts(_kept_texts(lines), {u for _, u in found})
    for ln, u in found:
        if counts[u] >= 2:
            ctx.remove(ln, "link-residue", "bare URL repeated from the text (link annotation)")


_FLAT_CHUNK = 1 << 14
_LINES_JOINED = 512


def _kept_texts(lines: list[Line]):
    """The texts of the lines not removed, joined ``_LINES_JOINED`` lines
    at a time (one list and one join for each, not a Python step per line
    in :func:`_url_counts`: the flat text, and so what it counts, is the
    same however its pieces are cut)."""
    for a in range(0, len(lines), _LINES_JOINED):
        yield "".join([ln.text for ln in lines[a:a + _LINES_JOINED] if not ln.removed])


def _url_counts(texts, urls: set[str]) -> dict[str, int]:
    """How often each of ``urls`` occurs in the flattened text: ``texts``
    joined, case-folded, whitespace and hyphens taken out (a URL broken
    across lines is found whole).  Every URL starts with ``http``, ``ftp`` or
    ``www``, so only the positions where those start are looked at, each for
    the URLs of every length there is (a set look-up per length: no trie of
    dictionaries, whose memory is some 200 bytes per character of every URL;
    no ``flat.count`` per URL, quadratic when a text holds thousands of bare
    URLs).  Only the lengths of the URLs that begin as the text does there
    (their first ``len(shortest URL)`` characters) are tried.  The flat text
    is made and swept about ``_FLAT_CHUNK`` characters at a time, each piece
    preceded by the last ``len(longest URL) - 1`` characters of the one
    before (an occurrence is counted in the piece where it ends), so it is
    never held whole."""
    counts = dict.fromkeys(urls, 0)
    if not urls:
        return counts
    shortest = min(len(u) for u in urls)
    lengths_of: dict[str, list[int]] = {}  # URL beginning -> lengths of the URLs, ascending
    for u in urls:
        lengths_of.setdefault(u[:shortest], []).append(len(u))
    for sizes in lengths_of.values():
        sizes.sort()
    keep = max(len(u) for u in urls) - 1
    carry = ""

    def sweep(new: str) -> None:
        nonlocal carry
        flat = carry + new
        old = len(carry)  # occurrences ending at or before this were counted
        n = len(flat)
        find = flat.find
        # the positions _URL_STARTS.finditer gives: every occurrence of each
        # of its words (no match hides another's start), found by str.find
        # (far faster than the pattern tried at every character); each
        # position is counted on its own, so their order does not matter
        for word in _URL_WORDS:
            p = find(word)
            while p >= 0:
                for size in lengths_of.get(flat[p:p + shortest], ()):
                    if p + size > n:
                        break
                    if p + size > old:
                        piece = flat[p:p + size]
                        if piece in counts:
                            counts[piece] += 1
                p = find(word, p + 1)
        carry = flat[-keep:] if keep else ""

    for batch in joined_batches(texts, _FLAT_CHUNK):
        sweep(_url_key(batch))
    return counts


def _url_key(text: str) -> str:
    """``text`` case-folded, whitespace and hyphens taken out: what
    ``_NOT_IN_URL_KEY.sub("", text.casefold())`` gives (``str.split``
    splits at exactly the characters ``\\s`` matches), twice as fast.

    Faster still where the only white space is ASCII (case-folding makes no
    white space and no hyphen of another character, and keeps white space
    as it is): those bytes are deleted from the UTF-8 form, in which no
    other character holds an ASCII byte."""
    folded = text.casefold()
    if not any(map(folded.__contains__, _WIDE_SPACES)):  # (a substring test a character: faster than a class)
        return folded.encode("utf-8", "surrogatepass").translate(None, _ASCII_DROP).decode("utf-8", "surrogatepass")
    return "".join(folded.split()).replace("-", "")


# the white space outside ASCII (what str.isspace and \s hold beyond it),
# and the ASCII white space and the hyphen, as bytes
_WIDE_SPACES = ("\x85", "\xa0", "\u1680", *map(chr, range(0x2000, 0x200b)), "\u2028", "\u2029", "\u202f",
                "\u205f", "\u3000")
_ASCII_DROP = bytes(c for c in range(128) if chr(c).isspace()) + b"-"


def _drop_caps(ctx: Context, iso: set[int]) -> None:
    from .words import is_word

    lines = ctx.lines
    for i in sorted(iso):
        ln = lines[i]
        if ln.removed or len(ln.text) != 1 or not _ONE_CAPITAL.fullmatch(ln.text):
            continue
        nxt = next((lines[j] for j in range(i + 1, min(i + 6, len(lines)))
                    if not lines[j].blank and not lines[j].removed), None)
        if nxt is not None and nxt.text[:1].islower():
            word = _WORD_START.match(nxt.text)
            cand = ln.text + (word.group(0) if word else "")
            if is_word(cand, ctx.language):
                ctx.decide(NAME, "join-drop-cap", (ln.no, nxt.no), f"{ln.text} | {nxt.text[:20]}",
                           cand, "single capital glued to the word it starts")
                nxt.text = ln.text + nxt.text
                ln.removed = True
                ln.blank = True
                continue
        ctx.remove(ln, "drop-cap", "single capital alone on a line")


_PAGE_NO_APART = re.compile(r"^\s*[0-9]{1,4}\s{3,}(?=\S)|(?<=\S)\s{3,}[0-9]{1,4}\s*$")


def rights_text(t: str) -> str:
    """A copyright line as the document's rights statement, without the page
    number an extractor keeping the page's geometry printed on the same row,
    set apart by a wide run of spaces (``© 2024 A. Author.      41``)."""
    return _PAGE_NO_APART.sub("", t).strip()


def _mark_breaks(ctx: Context, confirmed: _IndexSet) -> None:
    """Remember inferred page breaks: the first text line after removed furniture."""
    lines = ctx.lines
    breaks = set(ctx.meta.get("breaks", set()))
    # the first line of each page after the first (the runs of one page: grouped in C)
    pages = groupby(lines, _PAGE_OF)
    next(pages, None)
    breaks.update([next(run).no for _, run in pages])
    # the first text line after line i: the next of the text lines, by
    # bisection (linear however long the runs of removed lines)
    text_lines = [j for j, ln in enumerate(lines) if not (ln.blank or ln.removed)]
    for i in confirmed:
        k = bisect_right(text_lines, i)
        if k < len(text_lines):
            breaks.add(lines[text_lines[k]].no)
    ctx.meta["breaks"] = breaks
