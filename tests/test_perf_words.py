"""Language detection from the shipped table of common words
(``passes/_common_words.py``, generated from wordfreq) decides as wordfreq
itself does, without loading twelve word lists."""
from pathlib import Path

import pytest

from seedconv.passes import _common_words, words

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "tests" / "corpus" / "docs").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))

needs_table = pytest.mark.skipif(words._common_table() is None,
                                 reason="installed wordfreq is not the table's version")


def test_table_matches_installed_wordfreq():
    assert _common_words.THRESHOLD == words.DETECT_ZIPF
    assert set(_common_words.WORDS) == set(words.CANDIDATES)
    if _common_words.WORDFREQ_VERSION != words._wordfreq_version():
        pytest.skip("regenerate: python -m seedconv.passes.words")


@needs_table
def test_is_common_is_wordfreq_decision():
    sample: set[str] = set()
    for p in DOCS:
        sample |= {w.casefold() for w in words._WORD.findall(p.read_text(encoding="utf-8", errors="replace"))}
    # wordfreq normalises these before looking them up (ß → ss, NFKC, several tokens)
    sample |= {"straße", "ﬁnance", "ǆ", "ⅻ", "x²", "i̇stanbul", "筥w", "aujourd", "été", "ﬂ", "the"}
    for lang in words.CANDIDATES:
        for w in sorted(sample):
            assert words.is_common(w, lang) == (words.zipf(w, lang) >= words.DETECT_ZIPF), (w, lang)


@needs_table
def test_detection_without_loading_word_lists(monkeypatch):
    loaded = []
    monkeypatch.setattr(words, "zipf", lambda w, lang: loaded.append((w, lang)) or 0.0)
    words.is_common.cache_clear()
    try:
        assert words.detect_language("the cat and the dog are in the house with all of them") == "en"
        assert words.detect_language("le chat et le chien sont dans la maison avec nous") == "fr"
        assert words.detect_language("der Hund und die Katze sind in dem Haus mit uns") == "de"
    finally:
        words.is_common.cache_clear()
    assert loaded == []


@needs_table
def test_same_language_as_wordfreq_on_the_samples(monkeypatch):
    with_table = [words.detect_language(p.read_text(encoding="utf-8", errors="replace")[:200_000])
                  for p in DOCS]
    words.is_common.cache_clear()
    monkeypatch.setattr(words, "_common_table", lambda: None)
    try:
        without = [words.detect_language(p.read_text(encoding="utf-8", errors="replace")[:200_000])
                   for p in DOCS]
    finally:
        words.is_common.cache_clear()
    assert with_table == without
