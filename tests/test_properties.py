"""Property tests (hypothesis): whatever the text, normalisation does not
raise, the JSON and the TEI validate, and no word of the input is lost
(no ``words-lost`` diagnostic, see :mod:`seedconv.conservation`).

Two kinds of input: arbitrary text (control characters included, lone
surrogates excluded: they cannot come out of a decoder), and synthetic
"damaged documents" built like PDF extractions — wrapped and hyphenated
paragraphs, note calls and note areas, running heads, page numbers, form
feeds, CRLF.  The pandoc formats are not rendered here (slow); the hostile
tests cover them.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import seedconv
from seedconv import conservation
from seedconv.model import to_dict
from seedconv.tei_check import validate_tei
from seedconv.validate import validate_json_data

# SEEDCONV_PROPERTY_EXAMPLES=2000 for a longer hunt
SETTINGS = dict(max_examples=int(os.environ.get("SEEDCONV_PROPERTY_EXAMPLES", "60")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

VOCAB = ["the", "committee", "cooperation", "government", "agreement", "policy", "economy",
         "régime", "développement", "Straße", "über", "naïve", "année", "Москва", "развитие",
         "data", "a", "of", "and", "in", "international", "situation", "between", "partners",
         "negotiations", "Ελλάδα", "café", "São", "Paulo", "Kraków", "2019", "42"]


def _check(text: str) -> None:
    doc = seedconv.normalise(text, name="prop.txt")
    assert validate_json_data(to_dict(doc)) == []
    assert validate_tei(seedconv.render(doc, "tei")) == []
    lost = conservation.lost(doc)
    assert not lost, (lost[0].message, text[:500])


@settings(**SETTINGS)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text(text):
    _check(text)


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(VOCAB + ["\n", "\n\n", "\f", "-\n", "\t", "\r\n", " ", ".", "1",
                                         "*", "•", "\u00ad", "\u200b", "\x00", "—", "https://ex.org/a-",
                                         "b/c", "CHAPTER", "Page 3", "© 2020 X"]),
                max_size=300))
def test_word_soup(tokens):
    _check(" ".join(tokens))


# --------------------------------------------------------------------------
# Damaged documents


@st.composite
def sentences(draw):
    words = draw(st.lists(st.sampled_from(VOCAB), min_size=3, max_size=14))
    s = " ".join(words)
    return s[0].upper() + s[1:] + draw(st.sampled_from([".", ".", "?", "!", ";", ""]))


def _wrap(text: str, width: int, hyphenate: bool, rnd) -> list[str]:
    lines, cur = [], ""
    for w in text.split():
        if not cur:
            cur = w
        elif len(cur) + 1 + len(w) <= width:
            cur += " " + w
        elif hyphenate and len(w) >= 6 and rnd.random() < 0.5:
            k = rnd.randint(2, len(w) - 3)
            lines.append(cur + " " + w[:k] + "-")
            cur = w[k:]
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


@st.composite
def damaged_documents(draw):
    rnd = draw(st.randoms(use_true_random=False))
    width = draw(st.integers(25, 75))
    hyphenate = draw(st.booleans())
    n_paras = draw(st.integers(1, 8))
    call = 0
    paras, notes_of_para = [], []
    for _ in range(n_paras):
        sents = draw(st.lists(sentences(), min_size=1, max_size=5))
        notes = []
        for i, s in enumerate(sents):
            if s.endswith(".") and draw(st.booleans()):
                call += 1
                sents[i] = s + str(call)
                notes.append(f"{call} " + draw(sentences()))
        paras.append(" ".join(sents))
        notes_of_para.append(notes)
    head = draw(st.sampled_from(["Annual Report on Cooperation", "JOURNAL OF STUDIES", "Über die Zukunft",
                                 "Москва и развитие"]))
    page_breaks = draw(st.sampled_from(["\f", "\n\n", "\n\n\n"]))
    with_heads = draw(st.booleans())
    pages, page = [], []
    for k, p in enumerate(paras):
        page.extend(_wrap(p, width, hyphenate, rnd))
        page.append("")
        if draw(st.booleans()) or k == len(paras) - 1:
            for note in (n for ns in notes_of_para[:k + 1] for n in ns):
                page.extend(_wrap(note, width, hyphenate, rnd))
            notes_of_para[:k + 1] = [[] for _ in notes_of_para[:k + 1]]
            pages.append(page)
            page = []
    out = []
    for no, lines in enumerate(pages, start=1):
        block = ([head, ""] if with_heads else []) + lines + ["", str(no)]
        out.append("\n".join(block))
    text = page_breaks.join(out) + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


# a case hypothesis found: a note (with its paragraph separators) among the
# first five blocks made the front matter pass join None into a string
_NOTE_UP_FRONT = ("The the the?\n\nThe the the the the committee committee? The in-\nternational the committee? "
                  "The committee dé-\nveloppement.1\n\nThe the the? The the the the the the the the?\n\n"
                  "The the the.\n\n1 The the the;\n\n1\x0cThe the the.\n\nThe the the.\n\nThe the the? The the "
                  "the the the the the committee?\nThe the the the.2 The the government! The the the the co-\n"
                  "mmittee.3\n\n2 The the the policy policy développement a policy\n2019 the.\n3 The the the.\n\n2\n")


@settings(**SETTINGS)
@given(damaged_documents())
@example(_NOTE_UP_FRONT)
def test_damaged_documents(text):
    _check(text)


def test_conservation_is_linear_on_a_pathological_run():
    # a million-character run made of joined pieces, every piece missing as a word
    text = "word-\n" * 100_000 + "end"
    doc = seedconv.normalise(text)
    assert not conservation.lost(doc)
