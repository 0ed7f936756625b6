"""reading_order and segments: paragraphs cut by page breaks, furniture and
notes rejoined; blocks split where the extractor lost the blank line."""
from __future__ import annotations

import pytest

from conftest import LINES, blocks, decisions, furniture, normalise, para, para_text

HEAD = "The opposition criticised the plan in parliament during a very long debate,"
TAIL = "but ministers defended the decision and promised further consultations soon."


def test_paragraph_cut_by_page_break_and_furniture_is_rejoined():
    text = ("Central Asia Review\n\n" + para(0) + "\n" + para(2) + "\n" + para(3) + "\n" + HEAD + "\n\n1\n"
            "\fCentral Asia Review\n\n" + TAIL + "\n\n" + para(4) + "\n" + para(5) + "\n2\n")
    doc = normalise(text)
    assert blocks(doc) == [("p", para_text(k)) for k in (0, 2, 3, 1, 4, 5)]
    assert doc.blocks[3].spans == [(12, 12), (17, 17)]
    assert [(a, ln) for a, ln, *_ in decisions(doc, "reading_order")] == [("rejoin-paragraph", (17, 17))]
    assert [ln for ln, *_ in furniture(doc)] == [1, 14, 15, 25]


def test_paragraph_cut_by_form_feed_alone_is_rejoined():
    doc = normalise(para(0) + "\n" + HEAD + "\n\f" + TAIL + "\n\n" + para(2))
    assert blocks(doc) == [("p", para_text(0)), ("p", para_text(1)), ("p", para_text(2))]


def test_finished_paragraph_and_lower_case_block_stay_apart():
    """A block starting in lower case after a finished sentence keeps its gap."""
    doc = normalise(para(0) + "\n\f" + "and the rest of a sentence whose beginning the extractor lost.\n\n"
                    + para(2))
    assert blocks(doc) == [("p", para_text(0)),
                           ("p", "and the rest of a sentence whose beginning the extractor lost."),
                           ("p", para_text(2))]
    assert decisions(doc, "reading_order") == []


def test_paragraph_ending_with_colon_is_not_joined():
    doc = normalise(para(0) + "\nThe minister listed the reasons for the decision as follows:\n\n"
                    + "the harvest was poor and the prices of bread rose in every town of the country.\n")
    assert len(doc.blocks) == 3


def test_short_lines_ending_sentences_split_a_text_without_blank_lines():
    """Paragraphs not separated by blank lines: a short line ending a sentence,
    followed by a capital, ends a block (the next word would have fitted)."""
    text = (para(0) + "This was new.\n" + para(1) + "Nobody agreed.\n" + para(2) + "It was late.\n")
    doc = normalise(text)
    assert blocks(doc) == [("p", para_text(0) + " This was new."), ("p", para_text(1) + " Nobody agreed."),
                           ("p", para_text(2) + " It was late.")]
    assert [(a, ln) for a, ln, *_ in decisions(doc, "segments")] == [
        ("split-short-line", (3, 4)), ("split-short-line", (6, 7))]


EARLY = "Critics said that the new plan came too late for most of the farmers."  # ~90% of the column


def test_early_sentence_end_in_blank_separated_text_does_not_split():
    """Where paragraphs are separated by blank lines, a line inside a block
    ending a sentence a little short of the column is not a paragraph end
    (ragged right margins)."""
    text = (para(0) + EARLY + "\n" + para(1) + "\n" + para(2) + "\n" + para(3))
    doc = normalise(text)
    assert blocks(doc) == [("p", para_text(0) + " " + EARLY + " " + para_text(1)), ("p", para_text(2)),
                           ("p", para_text(3))]
    assert decisions(doc, "segments") == []


def test_well_short_sentence_end_in_blank_separated_text_splits():
    """A blank line the extractor lost: a sentence ending well short of the
    column (under 80 %) before a capital letter ends the block even where
    paragraphs are otherwise separated by blank lines."""
    text = (para(0) + "This was new.\n" + para(1) + "\n" + para(2) + "\n" + para(3))
    doc = normalise(text)
    assert blocks(doc) == [("p", para_text(0) + " This was new."), ("p", para_text(1)), ("p", para_text(2)),
                           ("p", para_text(3))]
    assert [(a, ln) for a, ln, *_ in decisions(doc, "segments")] == [("split-short-line", (3, 4))]


def test_well_short_line_before_a_number_in_blank_separated_text_does_not_split():
    """Before a digit (a note, a numbered line) the short line is left to the
    notes and lists passes."""
    text = (para(0) + "This was new.\n2016 " + LINES[2] + "\n" + LINES[3] + "\n\n" + para(2) + "\n" + para(3))
    doc = normalise(text)
    assert decisions(doc, "segments") == []


def test_rejoining_can_be_switched_off():
    doc = normalise(para(0) + "\n" + HEAD + "\n\f" + TAIL + "\n\n" + para(2), rejoin_paragraphs=False)
    assert blocks(doc) == [("p", para_text(0)), ("p", HEAD), ("p", TAIL), ("p", para_text(2))]


INTRO = LINES[0] + "\nTry for example the following:\n\n"


def test_short_label_without_punctuation_is_not_joined_to_the_next_paragraph():
    """A short line without closing punctuation standing alone before a
    paragraph that starts with a capital is a label (a heading the headings
    pass did not take), not a sentence cut in two."""
    doc = normalise(INTRO + "Special keys\n\n" + para(1))
    # the headings pass takes it (a label after a colon); it is not rejoined
    assert blocks(doc)[-2:] == [("h2", "Special keys"), ("p", para_text(1))]
    assert "rejoin-paragraph" not in [a for a, *_ in decisions(doc, "reading_order")]


def test_short_open_line_before_lower_case_block_is_still_joined():
    doc = normalise(INTRO + "special keys\n\n" + para(1))
    assert blocks(doc)[-1] == ("p", "special keys " + para_text(1))
    assert [a for a, *_ in decisions(doc, "reading_order")] == ["rejoin-paragraph"]


def test_open_line_before_a_shorter_single_line_is_still_joined():
    """Two short lines (a title wrapped before a capitalised word) stay one."""
    doc = normalise(INTRO + "My wireless card does not work under\n\nLinux. What now?\n\n" + para(1))
    assert ("p", "My wireless card does not work under Linux. What now?") in blocks(doc) or \
        any("does not work under Linux. What now?" in t for _, t in blocks(doc))
    assert "keep-label-apart" not in [a for a, *_ in decisions(doc, "reading_order")]


def test_open_line_before_a_page_break_is_still_joined():
    doc = normalise(INTRO + "The council decided\n\f" + para(1))
    assert "keep-label-apart" not in [a for a, *_ in decisions(doc, "reading_order")]
    assert any(t.startswith("The council decided " + LINES[2]) for _, t in blocks(doc))


def test_contact_line_ending_with_an_e_mail_address_is_not_continued():
    text = ("For more information, please contact:\n\n"
            "Anna Smith, Foundation for the Rights of Readers, anna.smith@example.org\n\n\n"
            "John Doe, Initiative for the Rights of Writers, john.doe@example.org\n\n\n" + para(0))
    doc = normalise(text)
    texts = [b[1] for b in blocks(doc)]
    assert "Anna Smith, Foundation for the Rights of Readers, <mailto:anna.smith@example.org>" in texts
    assert "John Doe, Initiative for the Rights of Writers, <mailto:john.doe@example.org>" in texts


def test_block_ending_without_punctuation_is_still_continued():
    text = ("The list of contacts is kept by the foundation and by the\n\n\n"
            "initiative, which publish it every year on their web sites.\n\n\n" + para(0))
    doc = normalise(text)
    assert blocks(doc)[0] == ("p", "The list of contacts is kept by the foundation and by the initiative, "
                                   "which publish it every year on their web sites.")


def test_block_ending_inside_an_address_is_continued_by_the_rest_of_it():
    # pdfminer: a blank line between the two halves of the address
    text = (para(0) + "\nThe first term of the Social Contract (https://www.\n\n"
            "example.org/social_contract)) is quoted here.\n\n" + para(1))
    doc = normalise(text)
    assert ("p", "The first term of the Social Contract (<https://www.example.org/social_contract>)) "
                 "is quoted here.") in blocks(doc)


def test_block_ending_with_a_full_stop_is_not_continued_by_a_path():
    text = (para(0) + "\nThe files are described in the manual.\n\n"
            "usr/share/doc holds them on every system.\n\n" + para(1))
    doc = normalise(text)
    assert ("p", "The files are described in the manual.") in blocks(doc)


def test_block_ending_with_an_address_continued_by_its_fragment():
    text = (para(0) + "\nThe other ports are listed at https://www.example.org/ports/\n\n"
            "#nonlinux.\n\n" + para(1))
    doc = normalise(text)
    assert ("p", "The other ports are listed at <https://www.example.org/ports/#nonlinux>.") in blocks(doc)


def test_blocks_ending_short_after_a_colon_are_items_not_one_paragraph():
    # bullets lost, one blank line between the items, none ends with a full stop
    text = (para(0) + "\nFrom this account the administrator can perform the following tasks:\n\n"
            "read, write and delete any file on the whole system, whatever the\npermissions\n\n"
            "change the owner and the permissions of any file on the\nsystem\n\n"
            "log in to any account of the system without its password.\n\n" + para(1))
    doc = normalise(text)
    items = [b for b in blocks(doc) if b[0] == "bullet"]
    assert items and [t for _, t in items[0][1]] == [
        "read, write and delete any file on the whole system, whatever the permissions",
        "change the owner and the permissions of any file on the system",
        "log in to any account of the system without its password."]
    assert blocks(doc)[-1] == ("p", para_text(1))


def test_block_cut_before_a_function_word_is_still_joined():
    # text set narrow beside a picture: short lines, the last one ends with 'the'
    text = (para(0) + "\nThe relations between the two countries\nhave improved since the\n\n"
            "agreement on gas, and both sides hope to expand trade in the coming years.\n\n" + para(1))
    doc = normalise(text)
    assert ("p", "The relations between the two countries have improved since the agreement on gas, "
                 "and both sides hope to expand trade in the coming years.") in blocks(doc)


def test_label_standing_alone_after_an_open_item_is_a_heading():
    text = (para(0) + "\nThe general rules for installing packages are the following:\n"
            "— packages made for all architectures are safer to install;\n"
            "— packages made for one architecture face many hurdles and are\n\n"
            "not safe to install at all\n\n"   # the item's end, cut off by a blank line
            "Setting the candidate version\n\n" + para(1) + "\n" + para(2))
    doc = normalise(text)
    assert ("h2", "Setting the candidate version") in blocks(doc)
    assert [a for a, *_ in decisions(doc, "reading_order")].count("heading-label") == 1


def test_short_line_after_a_note_before_a_capital_is_a_heading_not_a_tail():
    # the paragraph is cut by the column end; its note stands between; the
    # next column opens with a heading, not with the paragraph's tail
    text = (para(0) + "\n" + LINES[2] + "1\nand that is why it may not be\n\n"
            "1 See the manual page of the terminal emulator.\n\n"
            "Time to play\n\n" + para(4) + "\n" + para(5))
    doc = normalise(text)
    assert len(doc.notes) == 1
    assert ("h2", "Time to play") in blocks(doc)


def test_tail_of_a_cut_paragraph_after_a_note_is_still_joined():
    text = (para(0) + "\n" + LINES[2] + "1\nand that is why it may not be\n\n"
            "1 See the manual page of the terminal emulator.\n\n"
            "possible to see the command.\n\n" + para(4))
    doc = normalise(text)
    assert len(doc.notes) == 1
    assert any(t.endswith("it may not be possible to see the command.") for k, t in blocks(doc) if k == "p")


def test_block_ending_short_inside_brackets_is_still_joined():
    text = (para(0) + "\nThe system usually includes the following parts:\n\n"
            "a file system that follows the file system hierarchy standard (the\nstandard\n\n"
            "Hierarchy of the Linux file systems), published on the web.\n\n" + para(1))
    doc = normalise(text)
    assert any("(the standard Hierarchy of the Linux file systems)" in t
               for k, t in blocks(doc) if isinstance(t, str))


COLON_INTRO = ["You have probably chosen the package you want to build by now. The first",
               "thing to do is to check whether the package is in the archive already with:"]


def test_one_line_blocks_after_a_colon_are_items_whose_bullets_were_lost():
    text = "\n".join(COLON_INTRO) + "\n\nthe aptitude command\n\nthe packages web page\n\n" + \
        "If the package exists already, install it and see whether it does what you need.\n"
    doc = normalise(para(0) + "\n\n" + text)
    assert ("bullet", [(None, "the aptitude command"), (None, "the packages web page")]) in blocks(doc)


def test_full_line_after_a_colon_runs_on_into_the_next_block():
    text = "\n".join(COLON_INTRO) + "\n\n" + \
        "the aptitude command of the package manager, which every system has, or\n\n" + \
        "the packages web page of the project, which lists every package.\n"
    doc = normalise(para(0) + "\n\n" + text)
    assert not any(k == "bullet" for k, _ in blocks(doc))


def test_block_ending_with_an_abbreviation_goes_on_in_lower_case():
    doc = normalise(para(0) + "\n\nYou may also change to another virtual console, e.g.\n\n"
                    "to the console 3, from the command line of the shell.\n\n" + para(1))
    assert ("p", "You may also change to another virtual console, e.g. to the console 3, "
                 "from the command line of the shell.") in blocks(doc)


@pytest.mark.parametrize("end, start", [
    ("the log records the call of the tool, for example, z.B.", "apt-cacher reduces the load on the mirrors."),
    ("and the tool installs the packages that you asked for in it.", "to the console 3, from the shell."),
])
def test_block_ending_with_a_word_or_before_a_command_name_stays_apart(end, start):
    doc = normalise(para(0) + "\n\n" + end + "\n\n" + start + "\n\n" + para(1))
    assert not any(t.startswith(end[:20]) and start[:10] in t for _, t in blocks(doc))


def _boxes(head_end: str, tail: str) -> str:
    # pdfminer boxes of two pages, the left column's last boxes written after the right column's
    return "\n\n".join([
        "The system starts with the greeting message and presents a command prompt.",
        "You can change to another console from the command line as well.",
        "\f" + tail,
        "Extra packages for the newcomer",
        "A minimal installation provides the basic functions, but it is a good idea to\n"
        "install a few more packages for beginners, as the next lines show in detail.",
        "How to recover a sane console",
        "When the screen goes wild after you printed a binary file, type reset at the\n"
        "prompt. " + head_end,
        "\fTime to play",
        "Now you are ready to play with the system without any risk to it at all, and\n"
        "you can try all the commands that the next pages show one after the other."]) + "\n"


def test_tail_of_a_cut_paragraph_written_before_its_head_is_joined_to_it():
    doc = normalise(_boxes("You may not", "see the command while you type it, and that is normal."))
    bs = blocks(doc)
    joined = ("p", "When the screen goes wild after you printed a binary file, type reset at the prompt. "
                   "You may not see the command while you type it, and that is normal.")
    assert joined in bs
    # the head, with its heading, goes up to the tail's place
    assert bs.index(("h2", "How to recover a sane console")) < bs.index(("h2", "Extra packages for the newcomer"))
    assert any(a == "move-continuation" for a, *_ in decisions(doc, "reading_order"))


def test_head_ending_a_sentence_takes_no_tail():
    doc = normalise(_boxes("It is safe.", "see the command while you type it, and that is normal."))
    assert not any(a == "move-continuation" for a, *_ in decisions(doc, "reading_order"))


def test_blocks_opening_with_the_same_word_and_a_number_after_a_comma_are_items():
    items = ["Section 1.2, “The file system” (basic concepts of the system and its tools),",
             "Section 1.3, “The file manager” (a way to survive at first),",
             "Section 1.4, “The basics” (the usual way of working)."]
    doc = normalise(para(0) + "\n\nWe will learn to use the system as follows:\n\n" + "\n\n".join(items) + "\n\n" + para(1))
    assert ("bullet", [(None, t) for t in items]) in blocks(doc)


def test_block_after_a_comma_opening_with_the_same_word_without_a_number_goes_on():
    doc = normalise(para(0) + "\n\nThe tools that the project ships for this purpose,\n\n"
                    "The Installer and its helpers, are described in the manual.\n\n" + para(1))
    assert any(t.startswith("The tools that the project ships for this purpose, The Installer")
               for _, t in blocks(doc))


RESOURCES = ["The wnpp-alert command of the devscripts",
             "Pending and future new packages",
             "The bug tracking system: bugs of the wnpp package",
             "Packages that need some love"]


def test_blocks_without_punctuation_before_a_capitalised_common_word_are_items():
    doc = normalise(para(0) + "\n\nThere are several resources to know the state of the packages:\n\n"
                    + "\n\n".join(RESOURCES) + "\n\n" + para(1))
    assert ("bullet", [(None, t) for t in RESOURCES]) in blocks(doc)
    assert [a for a, *_ in decisions(doc, "reading_order") if a == "keep-apart-capital"] == \
        ["keep-apart-capital"] * 3


def test_sentence_after_items_whose_bullets_were_lost_is_a_paragraph():
    doc = normalise(para(0) + "\n\nThere are several resources to know the state of the packages:\n\n"
                    + "\n\n".join(RESOURCES[:2]) + "\n\nPackages are listed there by the kind of help they need.\n")
    assert blocks(doc)[-2:] == [("bullet", [(None, t) for t in RESOURCES[:2]]),
                                ("p", "Packages are listed there by the kind of help they need.")]


@pytest.mark.parametrize("lang_text, end, start", [
    # a cut sentence ending with a common word
    ("en", "The wnpp-alert command of the devscripts package shows you at any time the state of the",
     "Packages that need a new maintainer, and of those up for adoption."),
    # a rare name after the cut: not a common word
    ("en", "The wnpp-alert command shows you at any time the packages described in the manual of devscripts",
     "Wnppalert lists them by the kind of help they need."),
    # German capitalises its nouns: the sentence may go on with one
    ("de", "Der Befehl wnpp-alert aus dem Paket devscripts zeigt im Terminal jederzeit den aktuellen",
     "Zustand der Pakete an, die noch einen Betreuer suchen."),
])
def test_capital_after_an_open_block_that_goes_on(lang_text, end, start):
    intro = {"en": para(0), "de": "Es gibt mehrere Wege, den Zustand der Pakete in Debian zu sehen, und\n"
             "die meisten davon sind einfach zu benutzen, wenn man sie einmal kennt.\n"}[lang_text]
    doc = normalise(intro + "\n\n" + end + "\n\n" + start + "\n\n" + intro)
    assert not [a for a, *_ in decisions(doc, "reading_order") if a == "keep-apart-capital"]
