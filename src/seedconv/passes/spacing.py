"""Spacing: whitespace damage from extraction.

Repairs:

* trailing spaces, lines holding a lone space, non-breaking and other odd
  spaces (``"word\\u00a0word  "`` → ``"word word"``);
* zero-width characters and soft hyphens inside words;
* double-spaced extraction, where a blank line follows every wrapped line::

      the deteriorating situation for          the deteriorating situation for
                                         →     the river valleys in spring
      the river valleys in spring

  A single blank line is then only a line wrap; a run of two or more blank
  (or lone-space) lines is a paragraph break.  The decision is recorded.

A line the extractor wrote with leading whitespace keeps ``indent=True``: in
text where most lines start flush left, it marks a jump (a new column, a
text box, the body resuming after notes).
"""
from __future__ import annotations

import re

from .base import Context, SoftBlank

_SPACE_CHARS = r"\u00a0\u2000-\u200a\u202f\u205f\u3000\t"
_INVISIBLE_CHARS = r"\u00ad\u200b\u200c\u200e\u200f\u2060\ufeff"
_SPACES = re.compile(f"[{_SPACE_CHARS}]")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# either of them: one sweep over a batch that has neither (most)
_SPACES_OR_INVISIBLE = re.compile(f"[{_SPACE_CHARS}{_INVISIBLE_CHARS}]")
# ... its characters one by one (the likeliest first): ``c in text`` for each
# is faster than the pattern's sweep (str.find in C, and a character wider
# than any of the text's is not looked for at all)
_ONE_BY_ONE = ("\t", "\u00a0", "\u00ad", *map(chr, range(0x2000, 0x200b)), "\u202f", "\u205f", "\u3000",
               "\u200b", "\u200c", "\u200e", "\u200f", "\u2060", "\ufeff")
NAME = "spacing"


def clean_line(text: str) -> str:
    """``'  a\\u00a0b\\u00ad c  '`` → ``'  a b c'`` (leading space kept)."""
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return text.rstrip()


def run(ctx: Context) -> None:
    lines = ctx.lines
    spaces: list[int] = []  # the lines holding white space only
    for start in range(0, len(lines), _BATCH):
        batch = lines[start:start + _BATCH]
        for k, (ln, text) in enumerate(zip(batch, _cleaned([ln.text for ln in batch]))):
            stripped = text.strip()
            blank = ln.blank = not stripped
            if blank and text:
                spaces.append(start + k)
            # (a line with text starts as its right-stripped form does)
            ln.indent = not blank and text[0] == " "
            ln.text = stripped
    if spaces:
        _spaced_words(ctx, spaces)
    if ctx.settings.undo_double_spacing:
        _undo_double_spacing(ctx)


def _spaced_words(ctx: Context, spaces: list[int]) -> None:
    """One justified line written a word a line, each word apart from the
    next by a line holding white space only (PyMuPDF, the wide spaces of a
    word processor's justified line)::

        (currently                 →     (currently "bookworm") in the
        ␣
        "bookworm")
        ␣
        in

    Two such spaces or more, each between two lines of one word: the words
    are one line again; the lines they leave are soft blanks (no paragraph
    break), and the decision is recorded."""
    lines = ctx.lines
    n = len(lines)

    def word(i: int) -> bool:
        return 0 <= i < n and not lines[i].blank and " " not in lines[i].text and len(lines[i].text) <= 40

    seps = [i for i in spaces if word(i - 1) and word(i + 1)]
    k = 0
    while k < len(seps):
        run = [seps[k]]
        while k + 1 < len(seps) and seps[k + 1] == run[-1] + 2:
            k += 1
            run.append(seps[k])
        k += 1
        if len(run) < 2:
            continue
        first, last = run[0] - 1, run[-1] + 1
        words = [lines[i].text for i in range(first, last + 1, 2)]
        joined = " ".join(words)
        lines[first].text = joined
        for i in range(first + 1, last + 1):
            ln = lines[i]
            lines[i] = SoftBlank(ln.no, "", ln.page, False, True, ln.removed)
        ctx.decide(NAME, "join-spaced-words", (lines[first].no, lines[last].no), " | ".join(words), joined,
                   f"{len(words)} words a line, each apart from the next by a line of white space: "
                   f"one justified line")


# lines cleaned this many at a time (memory stays bounded)
_BATCH = 4096


def _cleaned(texts: list[str]) -> list[str]:
    """``clean_line`` of each text but its ``rstrip``: the substitutions are
    made on the texts joined by line feeds (which they neither match nor
    make), or not at all when no text needs them."""
    joined = "\n".join(texts)
    if not any(c in joined for c in _ONE_BY_ONE):  # (_SPACES_OR_INVISIBLE.search)
        return texts
    out = _SPACES.sub(" ", _INVISIBLE.sub("", joined)).split("\n")
    if len(out) != len(texts):  # a text held a line feed: one at a time
        return [_SPACES.sub(" ", _INVISIBLE.sub("", t)) for t in texts]
    return out


def _undo_double_spacing(ctx: Context) -> None:
    lines = ctx.lines
    blank = [ln.blank for ln in lines]
    nonblank = [i for i, b in enumerate(blank) if not b]
    if len(nonblank) < 6:
        return
    n = len(lines)
    followed = len([i for i in nonblank if i + 2 < n and blank[i + 1] and not blank[i + 2]])
    ratio = followed / len(nonblank)
    pairs = len([i for i in nonblank if i + 1 < n and not blank[i + 1]]) / len(nonblank)
    if ratio < 0.6 or pairs > 0.12:
        return  # blank lines separate blocks, not every wrapped line
    lens = sorted(len(lines[i].text) for i in nonblank)
    width = lens[int(len(lens) * 0.95)]
    wraps = sorted(len(lines[i].text) for i in nonblank
                   if i + 2 < len(lines) and lines[i + 1].blank and not lines[i + 2].blank)
    if wraps and wraps[len(wraps) // 2] < 0.7 * width:
        return  # most "wrapped" lines are short: they are one-line paragraphs
    ctx.double_spaced = True
    # A lone blank line between two text lines is a wrap, not a break.
    for i in range(1, len(lines) - 1):
        if lines[i].blank and not lines[i - 1].blank and not lines[i + 1].blank:
            ln = lines[i]
            lines[i] = SoftBlank(ln.no, ln.text, ln.page, ln.indent, ln.blank, ln.removed)
    ctx.decide(NAME, "undo-double-spacing", (1, max(1, len(lines))),
               detail=f"{followed} of {len(nonblank)} text lines are followed by one blank line "
                      f"({ratio:.0%}); single blank lines treated as line wraps")
