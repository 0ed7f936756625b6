"""captions: figure labels, and short lines that interrupt a cut paragraph."""
from __future__ import annotations

import pytest

from conftest import blocks, decisions, normalise, para, para_text
from seedconv.passes.captions import LABEL

CUT = ("Relations between the two countries have improved, and both regimes have\n"
       "found agreements in\n")
CONT = (" some particular fields. At the same time, the government kept its policy\n"
        "of neutrality and refused to join any military alliance in the region.\n")
JOINED = ("Relations between the two countries have improved, and both regimes have found agreements "
          "in some particular fields. At the same time, the government kept its policy of neutrality "
          "and refused to join any military alliance in the region.")


def test_short_line_interrupting_a_cut_paragraph_is_a_caption():
    text = (para(0) + "\n" + para(1) + "\n" + para(2) + "\n" + CUT
            + "\nGurbanguly Berdimuhamedow receiving the Russian delegation\n\n" + CONT + "\n" + para(3))
    doc = normalise(text)
    assert blocks(doc) == [("p", para_text(0)), ("p", para_text(1)), ("p", para_text(2)), ("p", JOINED),
                           ("caption", "Gurbanguly Berdimuhamedow receiving the Russian delegation"),
                           ("p", para_text(3))]
    assert [(a, ln) for a, ln, *_ in decisions(doc, "captions")] == [("caption-interrupter", (13, 13))]
    assert doc.blocks[3].spans == [(10, 11), (15, 16)]


@pytest.mark.xfail(strict=True, reason="a caption standing alone just above the page number is removed "
                   "as a running head (furniture _zones), so its text leaves the body")
def test_caption_interrupting_across_a_page_break():
    text = (para(0) + "\n" + CUT + "\nPresident receiving the Russian delegation in Ashgabat\n\n1\n\f"
            + CONT.lstrip() + "\n" + para(3))
    doc = normalise(text)
    assert blocks(doc) == [("p", para_text(0)), ("p", JOINED),
                           ("caption", "President receiving the Russian delegation in Ashgabat"),
                           ("p", para_text(3))]


@pytest.mark.parametrize("label", [
    "Figure 3: Gas exports by destination, 2010-2020.",
    "Fig. 2 Gas exports by destination",
    "Table 1. Population of the regions",
    "Abbildung 4: Gasexporte nach Ländern",
    "Рис. 5. Экспорт газа",
])
def test_figure_label_lines_are_captions(label):
    doc = normalise(para(0) + "\n" + label + "\n\n" + para(1))
    assert blocks(doc) == [("p", para_text(0)), ("caption", label), ("p", para_text(1))]
    assert [(a, ln) for a, ln, *_ in decisions(doc, "captions")] == [("caption-label", (4, 4))]


def test_short_line_between_finished_paragraphs_is_not_a_caption():
    doc = normalise(para(0) + "\nThe president received the delegation in Ashgabat.\n\n" + para(1))
    assert [k for k, _ in blocks(doc)] == ["p", "p", "p"]
    assert decisions(doc, "captions") == []


@pytest.mark.parametrize("text, is_label", [
    ("Figure 3: Exports", True), ("Table 12. Data", True), ("Tableau 2 : Données", True),
    ("Figures show that", False), ("Table of contents", False), ("Figure it out", False),
])
def test_label_regex(text, is_label):
    assert bool(LABEL.match(text)) is is_label


def test_block_after_a_heading_cut_at_a_page_break_is_not_a_caption():
    # the short line before is a heading, not a paragraph cut at the column's edge
    text = (para(0) + "\n" + para(1) + "\nHow to stop the system\n\n"
            "Like any other modern system where file operations keep a data\n"
            "cache in memory to improve the speed of the\n\n\f"
            "machine, the system needs a proper shutdown before the power is\n"
            "turned off, to keep the files whole.\n\n" + para(2))
    doc = normalise(text)
    assert decisions(doc, "captions") == []
    assert "caption" not in [k for k, _ in blocks(doc)]


def test_short_line_before_a_list_item_whose_tail_follows_the_page_break_is_not_a_caption():
    # the lower-case block after the break goes on with the item, not with the cut paragraph
    text = (para(0) + "\nTo see the versions of all the installed packages, run the following command:\n"
            "How are the other languages supported?\n"
            "• The keyboard layouts of many countries come with the console packa-\n\f"
            "ges, which also hold the tools to change them.\n\n" + para(3))
    doc = normalise(text)
    assert decisions(doc, "captions") == []
    assert blocks(doc)[2:4] == [("h2", "How are the other languages supported?"),
                                ("bullet", [(None, "The keyboard layouts of many countries come with the console "
                                                   "packages, which also hold the tools to change them.")])]
