"""Dropped hyphens: a word's own hyphen that the extractor deleted.

Some extractors (poppler's ``pdftotext`` among them) join a word broken at a
line end and drop its hyphen even where the hyphen was the word's own, so
that a compound or a name loses it::

    ... the buildessential package ...          ... the build-essential package ...
    ... install build-essential first ...   →   ... install build-essential first ...

No rule can tell from ``buildessential`` alone that it held a hyphen.  The
document itself can: where the same word is printed with its hyphen inside
a line elsewhere (``build-essential``), the run-together form gets the
hyphen back.  Only words the dictionary of the document's language does not
know are restored (``email`` stays ``email`` beside ``e-mail``), each part
of the hyphenated form has two letters or more, a word that is itself part
of a hyphenated word is left alone, and so is a word inside an address or
path (a token holding ``/``) unless that same address prints the
hyphenated form (``.../packaging-tutorial/packagingtutorial``): two
addresses may well spell a name differently.  Every restored word is a
decision with its line.

The same look at the text serves the line-end hyphen pass the other way
round: a word broken at a line end before a lower-case piece (``super-`` |
``usuario``) that the document prints run together inside a line
(``superusuario``) is listed in ``meta["joined_forms"]``, and its line-end
hyphen is taken for the typesetter's even where the two pieces are common
words.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from .base import Context
from .words import zipf_any

NAME = "dropped_hyphens"
# a hyphenated word inside a line: letters, one or more inner hyphens, letters
# (a note's call may be glued to it: ``bullseye-updates3``)
_HYPHENATED = re.compile(r"(?<![\w-])([^\W\d_]{2,}(?:-[^\W\d_]{2,})+)(?=\d{0,3}(?![\w-]))")
# a word opening with one letter and a hyphen ('E-Mail-Dienste'): its first two parts are evidence for a
# line-end hyphen ('E-' | 'MAIL'), not for restoring dropped hyphens
_LETTER_FIRST = re.compile(r"(?<![\w-])([^\W\d_]-[^\W\d_]{2,})(?=[\d-]|(?![\w-]))")
_LETTERS = re.compile(r"[^\W\d_]{4,}")
_PUNCT = "\"'“”‘’«»„()[]{}.,;:!?"  # what may stand around a word in its token
_BATCH = 1 << 16


def _token_at(t: str, i: int) -> str:
    """The whitespace-delimited token of ``t`` holding position ``i``."""
    a = t.rfind(" ", 0, i) + 1
    b = t.find(" ", i)
    return t[a:] if b < 0 else t[a:b]


def _sub_forms(form: str) -> list[str]:
    """``a-b-c`` → ``a-b-c``, ``a-b``, ``b-c``: the hyphenated word and each
    run of two or more of its parts."""
    parts = form.split("-")
    if len(parts) <= 2:
        return [form]
    return [form] + ["-".join(parts[a:b]) for a in range(len(parts)) for b in range(a + 2, len(parts) + 1)
                     if (a, b) != (0, len(parts))]


# a word of two letters or more broken with a hyphen at a line's end (its first piece)
LINE_END_LEFT = re.compile(r"(?<![\w-])([^\W\d_]{2,})-$")


def line_end_left(t: str):
    """``LINE_END_LEFT.search(t)``, searched from after the last space of
    ``t``: a match (letters and a hyphen at the end) holds no space, so it
    starts there or later (and the space before passes the look-behind)."""
    return LINE_END_LEFT.search(t, t.rfind(" ") + 1)
_LINE_START_LOWER = re.compile(r"[^\W\d_A-ZÀ-ÞА-ЯЁ]{2,}")


def _line_end_words(lines, ends: list[int]) -> set[str]:
    """The run-together forms (case-folded) of the words broken with a
    hyphen at a line end before a lower-case piece (``super-`` |
    ``usuario``): if one of them is printed whole inside a line, the line-end
    hyphen pass takes the hyphen for the typesetter's.  ``ends``: the
    indexes of the lines ending with a hyphen (found by :func:`run`'s own
    look at every line holding one)."""
    out: set[str] = set()
    n = len(lines)
    for i in ends:
        m = line_end_left(lines[i].text)
        if m is None:
            continue
        j = i + 1
        while j < n and lines[j].blank:
            j += 1
        if j < n and (r := _LINE_START_LOWER.match(lines[j].text)):
            out.add((m.group(1) + r.group(0)).casefold())
    return out


_PLUS_ONE = (1).__add__
_STEP = 512


def _batch_end(lines, a: int) -> int:
    """The end of the batch of lines from ``a``: lines are taken until their
    lengths, one more each (the line feed), add up to ``_BATCH``, or until
    none is left — the sums made in C, ``_STEP`` lines at a time."""
    n, size, b = len(lines), 0, a
    while b < n:
        acc = list(accumulate(map(_PLUS_ONE, map(len, [ln.text for ln in lines[b:b + _STEP]]))))
        j = bisect_left(acc, _BATCH - size)  # (the first line that makes the batch full)
        if j < len(acc):
            return b + j + 1
        size += acc[-1]
        b += len(acc)
    return n


def run(ctx: Context) -> None:
    forms: dict[str, str | None] = {}   # run-together, case-folded → hyphenated form
    in_address: set[str] = set()  # the forms printed inside an address or path
    ends: list[int] = []  # the lines ending with a hyphen
    short: set[str] = set()  # 'e-mail' (case-folded): a letter and a hyphen opening a word
    lines = ctx.lines
    for i in [i for i, ln in enumerate(lines) if "-" in ln.text and not ln.blank]:
        t = lines[i].text
        if t.endswith("-"):
            ends.append(i)
            body = t[:-1]  # a line-end hyphen is no evidence
            if "-" not in body:
                continue  # (its only hyphen: no token holds one)
        else:
            body = t
        # a match lies inside one token (between spaces, which the pattern
        # neither matches nor looks at differently from the line's ends)
        for token in [x for x in body.split(" ") if "-" in x]:
            address = "/" in token
            if token[1:2] == "-" or "-" in token[:3]:
                short.update(m.group(1).casefold() for m in _LETTER_FIRST.finditer(token))
            for m in _HYPHENATED.finditer(token):
                for form in _sub_forms(m.group(1)):  # 'dpkg-statoverride-Befehl': its parts too
                    key = form.replace("-", "").casefold()
                    prev = forms.get(key, form)
                    # two different hyphenations of the same letters: no evidence
                    forms[key] = form if prev is not None and (prev == form or prev.casefold() == form.casefold()) \
                        else None
                    if address:
                        in_address.add(key)
    # what the line-end hyphen pass asks: is this word printed with its hyphen?
    ctx.meta["hyphenated_forms"] = {v.casefold() for v in forms.values() if v is not None} | short
    # ... or run together?  (the words broken at line ends, before a lower-case piece)
    joined = _line_end_words(ctx.lines, ends)
    printed_joined: set[str] = set()
    ctx.meta["joined_forms"] = printed_joined
    # the run-together forms that occur at all, looked for among the tokens of
    # the text a batch of lines at a time (memory bounded by the batch), and
    # the batches that hold them
    forms = {k: v for k, v in forms.items() if v is not None}
    if not forms and not joined:
        return
    rare: dict[str, bool] = {}  # run-together form → unknown to the dictionaries
    where: list[int] = []  # the lines holding a rare run-together form
    a = 0
    while a < len(lines):
        b = _batch_end(lines, a)
        batch = "\n".join([ln.text for ln in lines[a:b]]).casefold()
        # each distinct token once, its surrounding punctuation stripped: the
        # forms and the joined words among them (set operations, no loop)
        tokens = set(batch.split())
        words = {x.strip(_PUNCT) for x in tokens}
        hits = words & forms.keys()
        if joined:
            printed_joined.update((words & joined) - hits)
        if in_address and "/" in batch:
            # an address or a path: its words (a stripped token holding '/'
            # is neither a form nor a joined word, which are letters only)
            for x in [x for x in tokens if "/" in x]:
                hits.update(p for p in _LETTERS.findall(x) if p in in_address and p in forms)
        for w in hits - rare.keys():
            rare[w] = zipf_any(w, ctx.language) < 2.0
        hits = {w for w in hits if rare[w]}
        if hits:
            # (case-folding may change lengths; it folds each character on its
            # own, so the folded batch holds the folded lines, unless a text
            # held a line feed)
            folded = batch.split("\n")
            if len(folded) != b - a:
                folded = [ln.text.casefold() for ln in lines[a:b]]
                batch = "\n".join(folded)
            starts = list(accumulate(map(_PLUS_ONE, map(len, folded)), initial=0))
            found = set()
            for k in hits:
                at = batch.find(k)
                while at >= 0:
                    found.add(a + bisect_right(starts, at) - 1)
                    at = batch.find(k, at + len(k))
            where.extend(sorted(found))
        a = b
    forms = {k: v for k, v in forms.items() if rare.get(k)}
    if not forms:
        return
    for i in where:
        ln = ctx.lines[i]
        t = ln.text
        if ln.blank or ln.removed or len(t.casefold()) != len(t):
            continue  # (a line whose case-folding changes its length: left alone)
        out, pos, changed = [], 0, False
        for m in _LETTERS.finditer(t):
            key = m.group(0).casefold()
            form = forms.get(key)
            if form is None or t[m.start() - 1:m.start()] == "-" or t[m.end():m.end() + 1] == "-":
                continue  # part of a hyphenated word
            token = _token_at(t, m.start())
            if "/" in token and (key not in in_address or form.casefold() not in token.casefold()):
                continue  # in an address or path: only with the hyphenated form in the same one
            word = m.group(0)
            fixed, k = [], 0  # the hyphens back at their places, the case as printed here
            for part in form.split("-"):
                fixed.append(word[k:k + len(part)])
                k += len(part)
            out.append(t[pos:m.start()])
            out.append("-".join(fixed))
            pos = m.end()
            changed = True
            ctx.decide(NAME, "restore-hyphen", (ln.no, ln.no), word, "-".join(fixed),
                       f"printed as '{form}' elsewhere in the document: the extractor dropped its hyphen")
        if changed:
            out.append(t[pos:])
            ln.text = "".join(out)
