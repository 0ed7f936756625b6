"""words: language detection and word knowledge (wordfreq)."""
from __future__ import annotations

import pytest

from conftest import normalise
from seedconv.passes.words import detect_language, is_word


@pytest.mark.parametrize("text, lang", [
    ("The government of the country is in the capital and the people are here.", "en"),
    ("Le gouvernement de la France est dans la capitale et les gens sont là.", "fr"),
    ("Die Regierung des Landes ist in der Hauptstadt und die Leute sind hier.", "de"),
    ("El gobierno del país está en la capital y la gente está aquí.", "es"),
    ("Il governo del paese è nella capitale e la gente è qui.", "it"),
    ("Правительство страны находится в столице, и люди здесь.", "ru"),
    ("", "en"),
    ("12345 678", "en"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("word, lang, expected", [
    ("domestic", "en", True), ("Domestic", "en", True), ("xqzvw", "en", False),
    ("gouvernement", "fr", True), ("Regierung", "de", True), ("правительство", "ru", True),
    ("internet", "de", True),      # English fallback in another language
])
def test_is_word(word, lang, expected):
    assert is_word(word, lang) is expected


def test_language_setting_overrides_detection():
    doc = normalise("The government of the country is in the capital.\n", language="de")
    assert doc.metadata.language == "de"
