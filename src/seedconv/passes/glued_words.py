"""Glued words: the spaces between words that the extractor lost.

Repairs (pypdf reading some fonts drops the spaces of whole stretches)::

    DetailsfindenSieinderHandbuchseite    →  Details finden Sie in der Handbuchseite
    Поумолчанию будутвключенывсефайлы     →  По умолчанию будут включены все файлы

A run of ten letters or more that is no word of the document's language
is cut into the fewest, most frequent words of that language (wordfreq's
Zipf frequencies; a dynamic programme over the run).  The cut is kept only
when every piece is a word of the language and the pieces look like a
sentence rather than a compound: in German, whose compounds are written as
one word, two pieces at least must be function words (``in``, ``der``,
``Sie``); elsewhere one at least.  Pieces of three letters or fewer must be
very common words.  The damage is a stretch of text, so a line's runs are
cut only when one of twenty letters or more is (a single short run is more
likely a name or a rare word).  Runs cut into
capitalised pieces only (CamelCase: ``MaConAggiornamenti``, a name) and
runs inside addresses and paths are left alone.

Only lines whose mean word length is unusual are looked at (a cheap test:
the characters per space), so the pass costs little on clean text.  Each
cut is a decision (``split-glued-words``) with the run as printed; the
conservation check accepts the run's words in its pieces.
"""
from __future__ import annotations

import math
import re

from .base import Context
from .words import frequency_dict, zipf

NAME = "glued_words"
#: a run of letters this long or longer may be words run together
MIN_RUN = 10
#: one run cut on a line must be this long (then the shorter ones are cut too)
LONE_RUN = 20
#: a line is looked at when it has more characters per space than this
CHARS_PER_WORD = 14
_LONGEST = 24  # the longest piece tried
_RUN = re.compile(r"(?<![\w/.@\\-])[^\W\d_]{%d,}(?![\w/@\\-]|\.\w)" % MIN_RUN)
_FUNCTION_ZIPF = 5.5   # 'in', 'der', 'и', 'di', 'the': words of every sentence
_DE_FUNCTION_ZIPF = 6.0
_SHORT_ZIPF = 5.0      # a piece of three letters or fewer must be this common


def run(ctx: Context) -> None:
    lang = ctx.language or "en"
    known: dict[str, float] = {}
    cut_as: dict[str, list[str] | None] = {}  # run -> its pieces (None: left alone), once per text

    freq: list = []  # the word list, fetched at the first look-up (a clean text needs none)

    def z(w: str) -> float:
        v = known.get(w)
        if v is None:
            if not freq:
                freq.append(frequency_dict(lang))
            if freq[0] is not None:  # (the word list itself: no tokenising per look-up)
                f = freq[0].get(w)
                v = math.log10(f) + 9 if f else 0.0
            else:
                v = zipf(w, lang)
            known[w] = v
        return v

    def pieces_of(run_: str) -> list[str] | None:
        if run_ in cut_as:
            return cut_as[run_]
        p = None
        if z(run_.lower()) <= 0:
            p = segment(run_, lang, z)
            # (every piece capitalised: CamelCase, a name such as a wiki page's)
            if p and (all(x[:1].isupper() for x in p) or not _sentence_like([x.lower() for x in p], lang, z)):
                p = None
        if len(cut_as) < 50_000:
            cut_as[run_] = p
        return p

    per_word = CHARS_PER_WORD
    for ln in [ln for ln in ctx.lines if len(t := ln.text) > per_word * (t.count(" ") + 1)]:
        t = ln.text
        if ln.removed or max(map(len, t.split())) < LONE_RUN:  # (made in C)
            continue
        # the damage is a stretch of text: a long run cut on the line (a
        # single short run is more likely a name or a rare word), and the
        # shorter ones beside it
        cuts = [(m.start(), m.end(), p) for m in _RUN.finditer(t) if (p := pieces_of(m.group(0)))]
        if not any(b - a >= LONE_RUN for a, b, _ in cuts):
            continue
        for a, b, pieces in reversed(cuts):
            ctx.decide(NAME, "split-glued-words", (ln.no, ln.no), t[a:b], " ".join(pieces),
                       "letters without spaces: common words of the language run together")
            t = t[:a] + " ".join(pieces) + t[b:]
        ln.text = t


def segment(run_: str, lang: str, z=None) -> list[str] | None:
    """``run_`` cut into words of ``lang`` (its own letters, case kept), the
    cut of least cost (rarer words and more pieces cost more); None when no
    cut into known words exists."""
    if z is None:
        def z(w):
            return zipf(w, lang)
    s = run_.lower()
    if len(s) != len(run_):
        return None  # (a letter whose lower case is longer: no slicing back)
    n = len(s)
    inf = float("inf")
    best = [0.0] + [inf] * n
    back = [0] * (n + 1)
    for i in range(1, n + 1):
        for j in range(max(0, i - _LONGEST), i):
            if best[j] == inf:
                continue
            piece = s[j:i]
            f = z(piece)
            # a known word; of three letters or fewer only a very common one
            # (no one-letter word at the end: prepositions and conjunctions
            # do not end a stretch of text)
            if f <= 1.5 or (len(piece) <= 3 and f < _SHORT_ZIPF) or \
                    (len(piece) == 1 and (f < _FUNCTION_ZIPF or i == n)):
                continue
            c = best[j] + (9.0 - f) + 1.5
            if c < best[i]:
                best[i], back[i] = c, j
    if best[n] == inf:
        return None
    cuts = []
    i = n
    while i:
        cuts.append((back[i], i))
        i = back[i]
    pieces = [run_[a:b] for a, b in reversed(cuts)]
    return pieces if len(pieces) >= 2 else None


def _sentence_like(pieces: list[str], lang: str, z) -> bool:
    """Do the pieces read as words of a sentence rather than the parts of a
    compound (``system`` + ``aktualisierungen``)?"""
    if lang == "de":
        return sum(z(p) >= _DE_FUNCTION_ZIPF for p in pieces) >= 2
    return any(z(p) >= _FUNCTION_ZIPF for p in pieces)
