"""Word knowledge across languages, from wordfreq.

``is_word(w, lang)`` says whether a word is attested in the language (or in
English, the lingua franca of URLs and citations); ``detect_language`` picks
the language whose vocabulary covers the most words of a text.
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
_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    if _zipf is None or not word:
        return 0.0
    try:
        return _zipf(word, lang)
    except Exception:
        return 0.0


def is_word(word: str, lang: str = "en", threshold: float = 1.5) -> bool:
    w = word.casefold()
    if zipf(w, lang) >= threshold:
        return True
    return lang != "en" and zipf(w, "en") >= threshold + 0.5


def detect_language(text: str, sample: int = 400) -> str:
    """Most likely language of ``text`` among :data:`CANDIDATES` (``'en'`` if unsure)."""
    words = _WORD.findall(text)
    if not words:
        return "en"
    cyr = sum(1 for w in words if re.match(r"[\u0400-\u04ff]", w))
    cands = ("ru", "uk") if cyr > len(words) / 2 else tuple(c for c in CANDIDATES if c not in ("ru", "uk"))
    # take the most frequent words: function words identify a language best
    common = [w for w, _ in Counter(w.casefold() for w in words).most_common(sample)]
    best, best_score = "en", -1.0
    for lang in cands:
        score = sum(1 for w in common[:120] if zipf(w, lang) >= 4.0)
        if score > best_score:
            best, best_score = lang, score
    return best
