"""Word knowledge across languages, from wordfreq.

``is_word(w, lang)`` says whether a word is attested in the language (or in
English, the lingua franca of URLs and citations); ``detect_language`` picks
the language whose vocabulary covers the most words of a text.

Language detection only asks, for each candidate language, whether a word's
Zipf frequency is at least :data:`DETECT_ZIPF`.  Loading wordfreq's twelve
word lists to answer that costs seconds and hundreds of megabytes per
process, so the answer comes from :mod:`._common_words`: for each candidate,
the words of wordfreq's list at or above that frequency, generated from
wordfreq by ``python -m seedconv.passes.words`` (run it after upgrading
wordfreq).  A word is looked up after wordfreq's own tokenisation
(``lossy_tokenize``: case folding, NFKC, ``ß`` → ``ss``…), so the answer is
wordfreq's; a word wordfreq would split into several tokens, a wordfreq
version other than the table's, or a missing table fall back to wordfreq
itself.  Everything else (hyphenation, drop caps, headings) asks wordfreq,
which then loads the lists of the detected language (and English) only.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

try:  # wordfreq is a declared dependency; degrade gracefully if it is broken
    from wordfreq import zipf_frequency as _zipf
except Exception:  # pragma: no cover
    _zipf = None

CANDIDATES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "tr", "ru", "uk")
#: a language's "common" words, which identify it (Zipf 4: ten per million words)
DETECT_ZIPF = 4.0
_WORD = re.compile(r"[^\W\d_]{2,}")
_LETTERS = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    if _zipf is None or not word:
        return 0.0
    try:
        z = _zipf(word, lang)
    except Exception:
        return 0.0
    if lang not in _READ:
        _drop_lists_as_read(lang)
    return z


_READ: set[str] = set()


def _drop_lists_as_read(lang: str) -> None:
    """wordfreq keeps each word list twice: as read (``get_frequency_list``:
    hundreds of lists holding some 300,000 strings a language) and as the
    dictionary that ``zipf_frequency`` reads.  Every full run of Python's
    cycle collector walks the lists (40 ms and more a language loaded); once
    the dictionary of ``lang`` is made they are let go (wordfreq reads them
    again if it is asked for them)."""
    _READ.add(lang)
    try:
        from wordfreq import get_frequency_list

        get_frequency_list.cache_clear()
    except Exception:  # pragma: no cover (not an lru_cache in some wordfreq)
        pass


def zipf_any(word: str, lang: str) -> float:
    """The word's Zipf frequency in the document's language or in English,
    whichever is higher (technical texts borrow English words and names)."""
    return max(zipf(word, lang), zipf(word, "en"))


def is_word(word: str, lang: str = "en", threshold: float = 1.5) -> bool:
    w = word.casefold()
    if zipf(w, lang) >= threshold:
        return True
    return lang != "en" and zipf(w, "en") >= threshold + 0.5


def _wordfreq_version() -> str | None:
    try:
        from importlib.metadata import version

        return version("wordfreq")
    except Exception:  # pragma: no cover
        return None


@lru_cache(maxsize=None)
def _common_table() -> dict[str, frozenset[str]] | None:
    """The shipped table of common words per candidate language, or None
    when it does not match the installed wordfreq (then wordfreq decides)."""
    try:
        from . import _common_words as t
        from wordfreq.tokens import lossy_tokenize  # noqa: F401  (needed by _common)
    except Exception:  # pragma: no cover
        return None
    if _zipf is None or t.WORDFREQ_VERSION != _wordfreq_version() or t.THRESHOLD != DETECT_ZIPF:
        return None
    return {lang: frozenset(t.WORDS[lang].split()) for lang in CANDIDATES if lang in t.WORDS}


@lru_cache(maxsize=None)
def _tokenised_as(lang: str) -> str:
    """The first candidate language whose wordfreq language information is
    that of ``lang``: ``lossy_tokenize`` reads nothing else of the language,
    so it gives both the same tokens (nine of the candidates share one)."""
    from wordfreq.language_info import get_language_info

    info = get_language_info(lang)
    return next((c for c in CANDIDATES if get_language_info(c) == info), lang)


@lru_cache(maxsize=200_000)
def _lossy_tokens(word: str, lang: str) -> tuple[str, ...] | None:
    """wordfreq's ``lossy_tokenize(word, lang)`` (None if it fails)."""
    from wordfreq.tokens import lossy_tokenize

    try:
        return tuple(lossy_tokenize(word, lang))
    except Exception:  # pragma: no cover
        return None


@lru_cache(maxsize=200_000)
def is_common(word: str, lang: str) -> bool:
    """``zipf(word, lang) >= DETECT_ZIPF``, without loading the word list
    when the shipped table can answer."""
    table = _common_table()
    if table is not None and lang in table:
        tokens = _lossy_tokens(word, _tokenised_as(lang))
        if tokens is not None:
            if not tokens:
                return False  # wordfreq: no token, frequency 0
            if all(_LETTERS.fullmatch(t) for t in tokens):
                if len(tokens) == 1:
                    return tokens[0] in table[lang]
                # several tokens: wordfreq's frequency is below each token's
                # (1/f = 1/f1 + 1/f2 …), and its rounding is monotonic, so one
                # uncommon token makes the word uncommon
                if not all(t in table[lang] for t in tokens):
                    return False
    return zipf(word, lang) >= DETECT_ZIPF


def detect_language(text: str, sample: int = 400) -> str:
    """Most likely language of ``text`` among :data:`CANDIDATES` (``'en'`` if unsure)."""
    # each distinct spelling once, in the order of its first occurrence: its
    # tests and its case-folding are made once.  What ``Counter(_WORD.findall(text))``
    # gives, made faster: the text is cut at white space (counted in C; no
    # white space is a word character, so the words are those of the pieces)
    # and only the distinct pieces are looked at (a piece's first occurrence
    # holds the first occurrence of each of its words, so the order is kept).
    # A piece of letters only (``isalpha``: each character is a word character,
    # none a digit) is one word when it has two characters or more.
    spelt: dict[str, int] = {}
    get = spelt.get
    findall = _WORD.findall
    n_words = 0
    for piece, n in Counter(text.split()).items():
        if piece.isalpha():
            if len(piece) > 1:
                spelt[piece] = get(piece, 0) + n
                n_words += n
        else:
            for w in findall(piece):
                spelt[w] = get(w, 0) + n
                n_words += n
    if not n_words:
        return "en"
    cyr = sum([n for w, n in spelt.items() if _CYRILLIC.match(w)])  # (the words opening in Cyrillic)
    cands = ("ru", "uk") if cyr > n_words / 2 else tuple(c for c in CANDIDATES if c not in ("ru", "uk"))
    # take the most frequent words: function words identify a language best
    # (the folded counter's order is that of each folded word's first
    # occurrence, as if every word had been folded: ties rank alike)
    folded: Counter[str] = Counter()
    get = folded.get
    for w, n in spelt.items():
        f = w.casefold()
        folded[f] = get(f, 0) + n
    common = [w for w, _ in folded.most_common(sample)]
    best, best_score = "en", -1.0
    for lang in cands:
        score = sum(1 for w in common[:120] if is_common(w, lang))
        if score > best_score:
            best, best_score = lang, score
    return best


# --------------------------------------------------------------------------
# Generating the table: python -m seedconv.passes.words [OUT]


def frequency_dict(lang: str) -> dict[str, float] | None:
    """wordfreq's dictionary of ``lang`` (word → frequency), the one
    :func:`zipf` reads, loaded as :func:`zipf` loads it (made once per
    process; None if unavailable).  For many look-ups of lower-case letters,
    which wordfreq's own tokenising would leave as they are."""
    try:
        from wordfreq import get_frequency_dict

        zipf("the", lang)  # (loads the list, and lets go of the lists as read)
        return get_frequency_dict(lang, "best")
    except Exception:  # pragma: no cover
        return None


def _zipf_of_frequency(freq: float) -> float:
    """wordfreq's Zipf value of a single token with frequency ``freq`` in its
    list (``_word_frequency`` rounds to three significant digits,
    ``zipf_frequency`` to hundredths)."""
    import math

    leading_zeroes = math.floor(-math.log(freq, 10))
    freq = round(freq, leading_zeroes + 3)
    return round(math.log(freq, 10) + 9, 2)


def build_table() -> dict[str, list[str]]:
    """For each candidate, the letter-only words of wordfreq's ``best`` list
    whose Zipf frequency is at least :data:`DETECT_ZIPF` (checked against
    ``zipf_frequency`` for every word that tokenises to itself)."""
    from wordfreq import get_frequency_dict, zipf_frequency
    from wordfreq.tokens import lossy_tokenize

    out: dict[str, list[str]] = {}
    for lang in CANDIDATES:
        freqs = get_frequency_dict(lang, "best")
        keep = []
        for w, f in freqs.items():
            if not _LETTERS.fullmatch(w) or f <= 0:
                continue
            z = _zipf_of_frequency(f)
            if lossy_tokenize(w, lang) == [w] and z != zipf_frequency(w, lang):
                raise AssertionError(f"{lang} {w!r}: {z} != wordfreq's {zipf_frequency(w, lang)}")
            if z >= DETECT_ZIPF:
                keep.append(w)
        out[lang] = sorted(keep)
    return out


def write_table(path) -> None:
    table = build_table()
    lines = ['"""Generated by ``python -m seedconv.passes.words`` from wordfreq: do not edit.',
             "",
             "For each candidate language of language detection, the letter-only words",
             "whose wordfreq Zipf frequency is at least THRESHOLD (see words.py).",
             '"""',
             f"WORDFREQ_VERSION = {_wordfreq_version()!r}",
             f"THRESHOLD = {DETECT_ZIPF!r}",
             "WORDS = {"]
    for lang, ws in table.items():
        lines.append(f"    {lang!r}: (")
        chunk: list[str] = []
        for w in ws:
            chunk.append(w)
            if sum(len(c) + 1 for c in chunk) > 70:
                lines.append(f"        {' '.join(chunk) + ' '!r}")
                chunk = []
        if chunk:
            lines.append(f"        {' '.join(chunk)!r}")
        lines.append("    ),")
    lines.append("}")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":  # pragma: no cover
    import os
    import sys

    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "_common_words.py")
    write_table(target)
    print(f"wrote {target}")
