"""spacing: odd spaces, invisible characters, double-spaced extraction;
and the line/page numbering of the input (pipeline.split_lines)."""
from __future__ import annotations

import pytest

from conftest import LINES, blocks, decisions, normalise, para, para_text
from seedconv.passes.spacing import clean_line
from seedconv.pipeline import split_lines


@pytest.mark.parametrize("raw, expected", [
    ("  a\u00a0b\u00ad c  ", "  a b c"),              # leading space kept, NBSP, soft hyphen
    ("inter\u00adnational", "international"),          # soft hyphen inside a word
    ("zero\u200bwidth\u2060joined\ufeff", "zerowidthjoined"),
    ("thin\u2009space\u202fnarrow", "thin space narrow"),
    ("tab\there\t\t", "tab here"),
    ("ideographic\u3000space", "ideographic space"),
    (" \u00a0 ", ""),                                  # a lone (odd) space is blank
    ("plain text", "plain text"),
])
def test_clean_line(raw, expected):
    assert clean_line(raw) == expected


def test_split_lines_numbers_lines_and_pages():
    lines = split_lines("a\r\nb\rc\n\fd\ne\f\nf\n")
    assert [(ln.no, ln.text, ln.page) for ln in lines] == [
        (1, "a", 0), (2, "b", 0), (3, "c", 0), (4, "d", 1), (5, "e", 2), (6, "f", 2)]


def test_form_feed_starts_a_page_but_not_a_line():
    lines = split_lines("one\ntwo\n\fthree\n\f\nfour")
    assert [(ln.no, ln.text, ln.page) for ln in lines] == [
        (1, "one", 0), (2, "two", 0), (3, "three", 1), (4, "", 2), (5, "four", 2)]


def test_invisible_characters_removed_in_document():
    doc = normalise("The inter\u00adnational com\u200bmunity and the\u00a0government met today.\n")
    assert blocks(doc) == [("p", "The international community and the government met today.")]


# Three-line paragraphs whose lines each end a sentence: only the spacing pass
# can tell that a single blank line inside them is a wrap.
DOUBLE = [
    ["The ministry published its annual report on Monday morning in the capital.",
     "Officials said that the figures showed steady growth in most of the regions.",
     "Critics doubted the numbers. Several economists asked for the raw data."],
    ["The harvest was poor for the second year because the rains came too late.",
     "Prices of bread rose in the markets of every large town in the country.",
     "The government promised to import grain from its northern neighbours."],
    ["A new bridge over the river was opened by the president in the spring.",
     "It shortened the road between the two largest cities by about an hour.",
     "Lorry drivers welcomed it. Local traders hoped for more customers."],
]


def _double_spaced(n: int = 3) -> str:
    """Each line followed by one blank line; paragraphs separated by three."""
    return "\n\n\n\n".join("\n\n".join(p) for p in DOUBLE[:n]) + "\n"


def test_double_spacing_undone_and_paragraph_breaks_kept():
    doc = normalise(_double_spaced())
    assert blocks(doc) == [("p", " ".join(p)) for p in DOUBLE]
    assert [b.spans for b in doc.blocks] == [[(1, 1), (3, 3), (5, 5)], [(9, 9), (11, 11), (13, 13)],
                                             [(17, 17), (19, 19), (21, 21)]]
    assert [(a, ln) for a, ln, *_ in decisions(doc, "spacing")] == [("undo-double-spacing", (1, 21))]


def test_double_spacing_with_two_blank_lines_between_paragraphs():
    text = "\n\n\n".join("\n\n".join(p) for p in DOUBLE) + "\n"
    doc = normalise(text)
    assert blocks(doc) == [("p", " ".join(p)) for p in DOUBLE]


def test_single_spaced_text_keeps_blank_lines_as_breaks():
    text = "\n".join(line for p in DOUBLE for line in p + [""])
    doc = normalise(text)
    assert blocks(doc) == [("p", " ".join(p)) for p in DOUBLE]
    assert decisions(doc, "spacing") == []


def test_double_spacing_can_be_switched_off():
    doc = normalise(_double_spaced(), undo_double_spacing=False)
    assert len(doc.blocks) == 9
    assert decisions(doc, "spacing") == []


def test_one_line_paragraphs_are_not_double_spacing():
    paras = ["The meeting opened at nine.",
             "The minister spoke first and read a long statement on the economy.",
             "Questions followed.",
             "Several journalists asked about the price of bread in the capital.",
             "The minister did not answer.", "The meeting closed at noon.",
             "A second meeting is planned for May.", "No date has been set."]
    doc = normalise("\n\n".join(paras) + "\n")
    assert blocks(doc) == [("p", p) for p in paras]


def test_the_characters_looked_for_one_by_one_are_the_pattern_s():
    from seedconv.passes.spacing import _ONE_BY_ONE, _SPACES_OR_INVISIBLE

    assert sorted(_ONE_BY_ONE) == [chr(c) for c in range(0x110000)
                                   if 0xd800 > c or c > 0xdfff if _SPACES_OR_INVISIBLE.match(chr(c))]


def test_words_a_line_apart_by_white_space_lines_are_one_justified_line():
    # PyMuPDF: a justified line's words, each on a line, apart by lone spaces
    text = ("Set the codename corresponding to the testing suite\n(currently\n \n\"bookworm\")\n \nin\n \nthe\n"
            "\"/etc/apt/sources.list\" file of the system.\n")
    doc = normalise(text)
    assert blocks(doc) == [("p", "Set the codename corresponding to the testing suite (currently \"bookworm\") in "
                                 "the \"/etc/apt/sources.list\" file of the system.")]
    assert decisions(doc, "spacing") == [("join-spaced-words", (2, 8), '(currently | "bookworm") | in | the',
                                          '(currently "bookworm") in the')]


@pytest.mark.parametrize("text", [
    "The first paragraph ends here.\n \nThe second paragraph starts here.\n",  # sentences, not words
    "First\n \nSecond\n\nThird block of text here.\n",  # one lone space only
])
def test_white_space_lines_between_lines_of_text_stay_breaks(text):
    assert len(blocks(normalise(text))) > 1
