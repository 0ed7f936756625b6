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
of a hyphenated word is left alone, and so is a word inside a web address
unless that same address prints the hyphenated form
(``.../packaging-tutorial/packagingtutorial``): two addresses may well spell
a name differently.  A path of the file system takes the hyphen back like
prose (``/usr/share/doc/debianpolicy/`` beside ``debian-policy``: its
directories bear the packages' names).  Every restored word is a
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
from collections import Counter
from itertools import accumulate

from .base import Context
from .words import zipf, zipf_any

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


def _manual_names(text: str) -> list[str]:
    """The names before a manual section in ``text`` (``aptget`` of
    ``aptget(8)``): each ``(`` before a digit, and the letters before it."""
    out = []
    i = text.find("(")
    while i >= 0:
        if text[i + 1:i + 2].isdecimal() and i and text[i - 1].isalpha():
            k = i - 1
            while k and text[k - 1].isalpha():
                k -= 1
            if not k or not (text[k - 1].isalnum() or text[k - 1] in "_-./"):
                out.append(text[k:i])  # (a whole name: not the end of 'dh_installdocs')
        i = text.find("(", i + 1)
    return out


def _file_path(token: str) -> bool:
    """A path of the file system (``/usr/share/doc/debianpolicy/``), not a
    web address: its directories are named after the packages, whose names
    the document prints elsewhere as they are."""
    return token.lstrip("\"'(«„“‚")[:1] in ("/", "~") and "://" not in token


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


_LINE_START_LOWER = re.compile(r"[^\W\d_A-ZÀ-ÞА-ЯЁ](?:[^\W\d_A-ZÀ-ÞА-ЯЁ]+|[^\W\d_]{3,})")  # 'usuario', 'dQueue'


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


# a capital inside a German word: after a lower-case letter, or after a
# capital and before a lower-case letter ('DebianSystem', 'APTQuellen'); led
# by the capital, which the engine finds by a table look-up, few letters
# being capitals (a scan of 7 ms a megabyte, against 75 for a pattern
# matching the whole word)
_INNER_CAPITAL = re.compile(r"[A-ZÄÖÜ](?:(?<=[a-zäöüß].)|(?<=[A-ZÄÖÜ].)(?=[a-zäöüß]))")
#: the languages that capitalise their nouns: a compound's second part opens
#: with a capital after a hyphen (``Debian-System``) and nowhere else
NOUN_CAPITALS = frozenset({"de"})
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")


def _capital_scan(batch: str, texts: list[str], a: int, firsts: dict[str, set[str]], lang: str,
                  todo: list, printed: Counter) -> None:
    """``DebianSystem`` → ``Debian-System``: a compound whose hyphen the
    extractor dropped, its second part opening with a capital (a noun in
    German, a name), where the document prints its first part, as printed
    here, opening other hyphenated words (``Debian-Archiv``, ``Debian-CD``).
    The run-together word must be unknown to the dictionaries (``JavaScript``,
    ``LibreOffice``, ``WordPress`` are known names and stay), and its second
    part a word of three letters or more holding a lower-case letter and known
    to them (``OpenSSH`` stays).  Capital letters inside a word occur in
    names; only the document's own evidence restores a hyphen there, and
    only in a language that capitalises its nouns (:data:`NOUN_CAPITALS`),
    where a capital inside a word is not the name's own, its second part
    being a word of that language (``DomainKeys`` stays in German: ``Keys``
    is English).  Not inside an address or a path, nor in a word printed so
    twice or more (the name's own spelling).

    (This looks at one batch of lines, ``texts``, the first being line ``a``,
    joined as ``batch``: it counts in ``printed`` the words with a capital
    inside, and lists in ``todo`` the line, offset, word and hyphenated word
    of each to restore; :func:`_capital_apply` restores them.)"""
    found = [m.start() for m in _INNER_CAPITAL.finditer(batch)]
    if not found:
        return
    starts = list(accumulate(map(_PLUS_ONE, map(len, texts)), initial=0))
    last = -1
    for p in found:
        if p < last:
            continue  # (a second capital inside the same word)
        x, y = _word_around(batch, p)
        last = y
        if x < 0:
            continue
        word = batch[x:y]
        printed[word] += 1
        fixed = _capital_split(word, firsts, lang)
        if fixed is not None:
            i = a + bisect_right(starts, x) - 1
            todo.append((i, x - starts[i - a], word, fixed))


def _capital_apply(ctx: Context, todo: list, printed: Counter) -> None:
    """Restore the hyphens :func:`_capital_scan` found, but in a word printed
    so twice or more (the name's own spelling) or inside an address."""
    lines = ctx.lines
    for i, at, word, fixed in reversed(todo):  # (from the end: earlier offsets on a line stay valid)
        ln = lines[i]
        if printed[word] > 1 or ln.blank or ln.removed or ln.text[at:at + len(word)] != word:
            continue  # (printed so twice; a text holding a line feed)
        token = _token_at(ln.text, at)
        if _file_path(token) or "://" in token or "www." in token:
            continue  # (an address or a path)
        ln.text = ln.text[:at] + fixed + ln.text[at + len(word):]
        ctx.decide(NAME, "restore-hyphen", (ln.no, ln.no), word, fixed,
                   f"'{fixed.split('-')[0]}' opens other hyphenated words in the document: the "
                   f"extractor dropped the hyphen before a capital")


def _word_around(text: str, p: int) -> tuple[int, int]:
    """The start and end of the word of letters around position ``p`` of
    ``text``; the start is -1 when the word is part of an address, a path, a
    hyphenated word or a token with digits (what stands right before it or
    right after it says so)."""
    x, y, n = p, p + 1, len(text)
    while x and text[x - 1].isalpha():
        x -= 1
    while y < n and text[y].isalpha():
        y += 1
    before = text[x - 1] if x else " "
    after = text[y] if y < n else " "
    if before.isalnum() or before in "_-.~\\@" or after.isalnum() or after in "_-@" or \
            (after == "." and y + 1 < n and text[y + 1].isalpha()):
        return -1, y
    return x, y


def _capital_split(word: str, firsts: dict[str, set[str]], lang: str) -> str | None:
    """``word`` with a hyphen before the capital where its first part is one
    of ``firsts`` (the first such place), or None.  The second part must be
    a word the dictionary knows, or the first part open two different
    hyphenated words or more (``Debian-Dokumentationsprojekt``: a long
    compound no dictionary holds)."""
    for k in range(2, len(word) - 2):
        if word[k] in _UPPER and word[:k] in firsts and (word[k - 1] not in _UPPER or word[k + 1] not in _UPPER):
            right = word[k:]
            folded = right.casefold()
            z = zipf(folded, lang)
            if right == right.upper() or (z < 1.5 and len(firsts[word[:k]]) < 2) or \
                    z < zipf(folded, "en") - 0.5 or zipf_any(word.casefold(), lang) >= 2.0:
                return None
            return word[:k] + "-" + right
    return None


def run(ctx: Context) -> None:
    forms: dict[str, str | None] = {}   # run-together, case-folded → hyphenated form
    in_address: set[str] = set()  # the forms printed inside an address or path
    ends: list[int] = []  # the lines ending with a hyphen
    short: set[str] = set()  # 'e-mail' (case-folded): a letter and a hyphen opening a word
    # 'Debian' of 'Debian-System': what opens a hyphenated word, as printed,
    # and the words it opens
    firsts: dict[str, set[str]] = {}
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
                for part in m.group(1).split("-")[:-1]:
                    firsts.setdefault(part, set()).add(m.group(1))
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
    capitals = bool(firsts) and ctx.language in NOUN_CAPITALS  # (see _capital_scan)
    todo: list[tuple[int, int, str, str]] = []
    printed: Counter = Counter()
    if not forms and not joined and not capitals:
        return
    rare: dict[str, bool] = {}  # run-together form → unknown to the dictionaries
    where: list[int] = []  # the lines holding a rare run-together form
    a = 0
    while a < len(lines):
        b = _batch_end(lines, a)
        texts = [ln.text for ln in lines[a:b]]
        batch = "\n".join(texts)
        if capitals:
            _capital_scan(batch, texts, a, firsts, ctx.language, todo, printed)
        batch = batch.casefold()
        # each distinct token once, its surrounding punctuation stripped: the
        # forms and the joined words among them (set operations, no loop)
        tokens = set(batch.split())
        words = {x.strip(_PUNCT) for x in tokens}
        if "(" in batch:  # a manual page's name before its section ('aptget(8)')
            words.update(_manual_names(batch))
        hits = words & forms.keys()
        if joined:
            printed_joined.update((words & joined) - hits)
        if "/" in batch:
            # an address or a path: its words (a stripped token holding '/'
            # is neither a form nor a joined word, which are letters only)
            for x in [x for x in tokens if "/" in x]:
                for p in _LETTERS.findall(x):
                    if p in forms and (p in in_address or _file_path(x)):
                        hits.add(p)
                    elif p in joined:
                        printed_joined.add(p)
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
    if todo:
        _capital_apply(ctx, todo, printed)
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
            if form is None or t[m.start() - 1:m.start()] in ("-", "_") or t[m.end():m.end() + 1] in ("-", "_"):
                continue  # part of a hyphenated word, or of a name joined by '_' ('dh_installdocs')
            token = _token_at(t, m.start())
            if "/" in token and not _file_path(token) and \
                    (key not in in_address or form.casefold() not in token.casefold()):
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
