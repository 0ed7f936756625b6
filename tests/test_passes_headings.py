"""headings: numbered, ALL CAPS, Title Case and short sentence-case lines
that stand alone; levels from the style."""
from __future__ import annotations

import pytest

from conftest import blocks, decisions, furniture, normalise, notes, para, para_text
from seedconv.passes.headings import style_of


@pytest.mark.parametrize("text, style", [
    ("TRADE", "caps"),
    ("LEADERSHIP AND GOVERNANCE", "caps"),
    ("The Politics of Water", "title"),
    ("Conclusion", "title"),
    ("What the reforms changed", "sentence"),
    ("1 Introduction", "numbered:1"),
    ("2.1 Methods", "numbered:2"),
    ("2.1.3 Sampling", "numbered:3"),
    ("3. Results and Discussion", "numbered:1"),
    ("the end", None),                    # lower case start
    ("Results.", None),                   # ends like a sentence
    ("Methods:", None),
    ("a, b", None),
    ("See https://x.org", None),          # URL
    ("Write to a@b.org", None),           # e-mail
    ("2.1 methods", None),                # numbered, lower case
    ("1990 was a year", None),
    ("", None),
    ("Ab " * 41, None),                   # too long
    ("AB " * 70, None),                   # too long, even in capitals
])
def test_style_of(text, style):
    assert style_of(text) == style


def test_line_ending_with_hyphen_is_not_a_heading():
    assert style_of("The report describes the pro-") is None
    doc = normalise(para(0) + "\nThe report describes the pro-\n"
                    "Russian parties and their role in the elections of the past decade in detail.\n\n"
                    + para(2))
    assert blocks(doc)[1] == ("p", "The report describes the pro-Russian parties and their role in the "
                                   "elections of the past decade in detail.")


def test_title_case_headings():
    doc = normalise(para(0) + "\nThe Politics of Water in Central Asia\n\n" + para(1)
                    + "\nEconomic Reforms and Their Limits\n\n" + para(2))
    assert blocks(doc) == [("p", para_text(0)), ("h2", "The Politics of Water in Central Asia"),
                           ("p", para_text(1)), ("h2", "Economic Reforms and Their Limits"),
                           ("p", para_text(2))]
    assert [(a, ln, after) for a, ln, _, after in decisions(doc, "headings")] == [
        ("heading", (4, 4), "level 2"), ("heading", (9, 9), "level 2")]


def test_caps_section_and_subsections():
    doc = normalise(para(0) + "\nRESILIENCE\n\nLEADERSHIP AND GOVERNANCE\n\n" + para(1)
                    + "\nPUBLIC HEALTH\n\n" + para(2))
    assert blocks(doc) == [("p", para_text(0)), ("h2", "RESILIENCE"), ("h3", "LEADERSHIP AND GOVERNANCE"),
                           ("p", para_text(1)), ("h3", "PUBLIC HEALTH"), ("p", para_text(2))]


def test_caps_sections_then_title_case_subsections():
    doc = normalise(para(0) + "\nECONOMY\n\n" + para(1) + "\nGas Exports to China\n\n" + para(2)
                    + "\nSOCIETY\n\n" + para(3))
    assert blocks(doc) == [("p", para_text(0)), ("h2", "ECONOMY"), ("p", para_text(1)),
                           ("h3", "Gas Exports to China"), ("p", para_text(2)), ("h2", "SOCIETY"),
                           ("p", para_text(3))]


def test_numbered_heading_levels_from_depth():
    doc = normalise(para(0) + "\n1 Introduction\n\n" + para(1) + "\n2.1 Methods and Data\n\n" + para(2)
                    + "\n2.1.3 Sampling\n\n" + para(3))
    assert blocks(doc) == [("p", para_text(0)), ("h2", "1 Introduction"), ("p", para_text(1)),
                           ("h3", "2.1 Methods and Data"), ("p", para_text(2)), ("h4", "2.1.3 Sampling"),
                           ("p", para_text(3))]


def test_numbered_headings_with_dots_are_not_a_list():
    doc = normalise(para(0) + "\n1. Introduction\n\n" + para(1) + "\n2. Methods\n\n" + para(2))
    assert blocks(doc) == [("p", para_text(0)), ("h2", "1. Introduction"), ("p", para_text(1)),
                           ("h2", "2. Methods"), ("p", para_text(2))]


def test_caps_line_opening_a_block_is_split_off():
    doc = normalise(para(0) + "\nTRADE\n" + para(1) + "\n" + para(2))
    assert blocks(doc) == [("p", para_text(0)), ("h2", "TRADE"), ("p", para_text(1)), ("p", para_text(2))]


def test_short_sentence_case_line_between_paragraphs():
    doc = normalise(para(0) + "\nWhat the reforms changed\n\n" + para(1) + "\n" + para(2))
    assert blocks(doc) == [("p", para_text(0)), ("h2", "What the reforms changed"), ("p", para_text(1)),
                           ("p", para_text(2))]


@pytest.mark.parametrize("line", [
    "The ministers met again in May.",            # ends with a full stop
    "Officials, experts and journalists",          # sentence case with a comma
])
def test_short_lines_that_are_not_headings(line):
    doc = normalise(para(0) + "\n" + line + "\n\n" + para(1) + "\n" + para(2))
    assert blocks(doc)[1][0] == "p"
    assert decisions(doc, "headings") == []


def test_line_continuing_a_sentence_is_not_a_heading():
    text = (para(0) + "\nThe government announced a new policy on trade with its neighbours and the\n\n"
            "Caspian Sea Region\n\n" + para(1))
    doc = normalise(text)
    assert decisions(doc, "headings") == []
    assert [k for k, _ in blocks(doc)] == ["p", "p"]
    assert blocks(doc)[1][1].startswith("The government announced a new policy on trade with its "
                                        "neighbours and the Caspian Sea Region The opposition")


def test_heading_followed_by_lower_case_block_is_not_a_heading():
    doc = normalise(para(0) + "\nThe Politics of Water\n\n"
                    "in the region has changed since the drought and the new canals were built.\n\n"
                    + para(2))
    assert blocks(doc)[1] == ("p", "The Politics of Water in the region has changed since the drought "
                                   "and the new canals were built.")


def test_headings_can_be_switched_off():
    doc = normalise(para(0) + "\nTRADE POLICY\n\n" + para(1) + "\nSOCIETY\n\n" + para(2), headings=False)
    assert decisions(doc, "headings") == []
    assert [k for k, _ in blocks(doc)] == ["p", "p", "p"]


@pytest.mark.parametrize("text, style", [
    ('"Release"-Dateien im Archivverzeichnis', "title"),   # opening quote: judged from the word
    ("«Release» et les archives", "sentence"),
    ("See the FAQ for details.3", None),                     # full stop before a note call
    ("Version 2.3", "title"),                                # a number, not a note call
])
def test_style_of_quotes_and_calls(text, style):
    assert style_of(text) == style


def test_question_standing_alone_is_a_heading():
    q = ("Why are some files missing from the library packages, and where do the\n"
         "development packages keep them?")
    doc = normalise(para(0) + "\n" + q + "\n\n" + para(1) + "\n" + para(2))
    assert blocks(doc)[1] == ("h2", q.replace("\n", " "))
    assert decisions(doc, "headings", "question-heading")


def test_two_questions_over_120_characters_standing_alone_are_a_heading():
    q = ("Why do I get the message that the linker cannot find a library when I build\n"
         "a program? Why are some files missing from the library packages of the\n"
         "archive?")
    assert len(q) > 120
    doc = normalise(para(0) + "\n" + q + "\n\n" + para(1) + "\n" + para(2))
    assert blocks(doc)[1] == ("h2", q.replace("\n", " "))


def test_long_statement_over_120_characters_is_not_a_heading():
    q = ("The linker reports that it cannot find a library when you build a\n"
         "program, and some files are missing from the library packages of the\n"
         "archive.")
    doc = normalise(para(0) + "\n" + q + "\n\n" + para(1) + "\n" + para(2))
    assert not any(k.startswith("h") for k, _ in blocks(doc))


def test_question_after_a_block_ending_with_a_colon_is_a_heading():
    # the command the colon announced was lost
    q = "How does the system support languages other than English?"
    doc = normalise(para(0) + "\nTo list the versions of all packages, run:\n\n" + q + "\n\n" + para(1))
    assert ("h2", q) in blocks(doc)


def test_question_after_a_colon_running_on_in_lower_case_is_not_a_heading():
    doc = normalise(para(0) + "\nThe minister asked the question of the day, in these words:\n\n"
                    "Who will pay for the new roads, and when?\n\n"
                    "said the minister to the committee, and nobody in the room had an answer for him.\n")
    assert not any(k.startswith("h") for k, _ in blocks(doc))


def test_question_continuing_an_open_sentence_is_not_a_heading():
    doc = normalise(para(0) + "\nThe committee then asked the ministers and the\n\n"
                    "Why were the reports late, and who signed them?\n\n" + para(1))
    assert decisions(doc, "headings", "question-heading") == []
    assert not any(t.startswith("Why were") for k, t in blocks(doc) if k.startswith("h"))


def test_heading_wrapped_onto_a_second_line_is_joined():
    doc = normalise(para(0) + "\nReceiving the metadata for a\nPackage\n\n" + para(1))
    assert ("h2", "Receiving the metadata for a Package") in blocks(doc)


def test_heading_followed_by_a_heading_is_not_joined():
    doc = normalise(para(0) + "\nBasic Unix Commands and Tools\n\nThe Pager\n\n" + para(1))
    hs = [b for b in blocks(doc) if b[0].startswith("h")]
    assert [t for _, t in hs] == ["Basic Unix Commands and Tools", "The Pager"]


def test_label_after_a_colon_block_is_a_heading():
    doc = normalise(para(0) + "\nTry the following keys:\n\nSpecial Key Strokes\n\n" + para(1))
    assert ("h2", "Special Key Strokes") in blocks(doc)
    assert decisions(doc, "headings", "heading-after-colon")


def test_code_line_after_a_colon_block_is_not_a_heading():
    doc = normalise(para(0) + "\nEdit this file:\n\nSources in /etc/apt/sources.list\n\n" + para(1))
    assert decisions(doc, "headings", "heading-after-colon") == []
    assert not any(k.startswith("h") for k, _ in blocks(doc))


def test_question_announced_after_a_colon_is_not_a_heading():
    doc = normalise(para(0) + "\nThe history is described in the FAQ: 6.2.1 Which other names have been\n"
                    "used in the past?\n\n" + para(1))
    assert decisions(doc, "headings") == []


QUESTION = "How can the default settings of the applications of a program for the X Window System be configured?"


def test_numbered_question_padded_by_the_extractor_is_a_heading():
    # pdftotext -layout pads the number: only the text's own length counts
    assert style_of("4         " + QUESTION) == "numbered:1"
    assert style_of("4 " + QUESTION.replace("?", ".")) is None      # a sentence of over 100 characters
    assert style_of("4         " + QUESTION.replace("?", ",") + " and again" * 10 + "?") is None  # over 200


@pytest.mark.parametrize("text", ["«Secciones»", '"Priorities"'])
def test_quoted_label_is_not_a_heading(text):
    assert style_of(text) is None


def test_two_short_headings_on_adjacent_lines_are_not_joined():
    doc = normalise(para(0) + "\nGraphical system administration tools\nVirtual consoles\n\n" + para(1))
    assert decisions(doc, "headings", "join-wrapped") == []


def _opener_ctx(prev_text):
    from seedconv.passes.base import Context, Frag, Line
    from seedconv.settings import Settings

    texts = [prev_text, "The Package Command",
             "The package command is the low level tool that installs the files of a",
             "package and it should be used with care by the system administrator."]
    lines = [Line(no=k + 1, text=t) for k, t in enumerate(texts)]
    ctx = Context(lines=lines, settings=Settings())
    ctx.frags = [Frag(lines=lines[:1]), Frag(lines=lines[1:])]
    return ctx


def test_short_label_opening_a_block_is_split_off():
    from seedconv.passes.headings import _split_short_openers

    ctx = _opener_ctx("The previous paragraph ends here.")
    _split_short_openers(ctx)
    assert [f.line_texts()[0] for f in ctx.frags][1:3] == [
        "The Package Command", "The package command is the low level tool that installs the files of a"]
    assert any(d.action == "split-label" for d in ctx.decisions)


def test_short_first_line_after_an_open_block_is_not_split():
    from seedconv.passes.headings import _split_short_openers

    ctx = _opener_ctx("The committee then asked the ministers and the")
    _split_short_openers(ctx)
    assert len(ctx.frags) == 2


def test_line_ending_with_a_function_word_after_a_colon_is_not_a_heading():
    intro = "The government announced a new policy on trade today. Try for example the following:\n\n"
    body = ("The opposition criticised the plan in parliament during a very long debate, but\n"
            "ministers defended the decision and promised further consultations soon.\n")
    doc = normalise(intro + "My wireless card does not work under\n\n" + body)
    assert not any(k.startswith("h") for k, _ in blocks(doc))


def test_heading_before_a_paragraph_opening_with_a_command_name():
    text = (para(0) + "\n\nThe dpkg command\n\n"
            "dpkg(1) is the main tool of the packaging system, and most people never call it\n"
            "directly but through the front ends that are built on top of it.\n")
    doc = normalise(text)
    assert ("h2", "The dpkg command") in blocks(doc)


DPKG = ("dpkg(1) is the main tool of the packaging system, and most people never call it\n"
        "directly but through the front ends that are built on top of it.\n")


def test_heading_before_a_command_name_paragraph_without_blank_lines():
    # no blank line anywhere (pypdf): the short line is cut off, then a heading
    text = para(0) + "\nThe dpkg command\n" + DPKG
    assert ("h2", "The dpkg command") in blocks(normalise(text))


def test_heading_before_a_command_name_paragraph_after_a_colon():
    # the table the colon announced was lost
    text = para(0) + "\n\nThe package files are named after a fixed pattern:\n\nThe dpkg command\n\n" + DPKG
    assert ("h2", "The dpkg command") in blocks(normalise(text))


def test_line_cut_before_a_command_name_without_blank_lines_continues():
    # (a full line: the sentence runs on into the next one)
    text = para(0) + "\nMost people who maintain a system of their own never call the tool named\n" + DPKG
    assert not any(k.startswith("h") for k, _ in blocks(normalise(text)))


def test_line_before_a_lower_case_paragraph_still_continues_into_it():
    text = (para(0) + "\n\nThe dpkg command\n\n"
            "is the main tool of the packaging system, and most people never call it\n"
            "directly but through the front ends that are built on top of it.\n")
    doc = normalise(text)
    assert not any(k.startswith("h") for k, _ in blocks(doc))


# A narrow column of about 55 characters, paragraphs separated by blank lines.
COLUMN = ["A multi-user system is a great feature of the system",
          "and it is very addictive once you are used to it.",
          "",
          "Here are a few ways to get the command prompt of the",
          "superuser with the password of the administrator, one",
          "after the other, from the simplest to the safest one.",
          ""]


def test_sentence_case_heading_wrapped_in_a_narrow_column():
    text = "\n".join(COLUMN[:3] + ["The command prompt of the", "system administrator", ""] + COLUMN[3:])
    doc = normalise(text)
    assert ("h2", "The command prompt of the system administrator") in blocks(doc)
    assert [a for a, *_ in decisions(doc, "headings")] == ["wrapped-heading", "heading"]


def test_two_full_lines_without_a_full_stop_are_not_a_heading():
    # the first line runs to the column's edge: prose, not a heading
    text = "\n".join(COLUMN[:3] + ["The command prompt of the administrator is shown when",
                                  "the system starts", ""] + COLUMN[3:])
    doc = normalise(text)
    assert not any(b[0].startswith("h") for b in blocks(doc))


def test_short_lines_continuing_an_open_sentence_are_not_a_heading():
    text = "\n".join(["A multi-user system is a great feature of the system,",
                      "which is what makes it so very useful, for example", "",
                      "The command prompt of the", "system administrator", ""] + COLUMN[3:])
    doc = normalise(text)
    assert not any(b[0].startswith("h") for b in blocks(doc))


def test_heading_opening_with_a_lower_case_command_name():
    text = para(0) + "\nsudo configuration\n\n" + para(1)
    doc = normalise(text)
    assert blocks(doc) == [("p", para_text(0)), ("h2", "sudo configuration"), ("p", para_text(1))]


def test_heading_opening_with_a_lower_case_command_name_without_blank_lines():
    lines = ["The mirrors copy the whole archive every six hours from its master server.",
             "sudo configuration",
             "For a desktop system it is common to let the first user gain the rights of",
             "the administrator with the password of that user and nothing else at all."]
    doc = normalise("\n".join(lines) + "\n")
    assert ("h2", "sudo configuration") in blocks(doc)


@pytest.mark.parametrize("line", ["the following steps", "several configuration files"])
def test_lower_case_line_of_common_words_is_not_a_heading(line):
    doc = normalise(para(0) + "\n" + line + "\n\n" + para(1))
    assert not any(b[0].startswith("h") for b in blocks(doc))


def test_rest_of_a_broken_word_is_not_a_heading():
    text = ("• Consider installing the tool that checks the bug tracking system for infor-\n\n"
            "mation before the upgrade\n\n• Learn the package system well enough to work around it\n\n" + para(1))
    doc = normalise(text)
    assert not any(b[0].startswith("h") for b in blocks(doc))


def test_section_numbers_on_lines_of_their_own_stay_with_their_headings():
    # pdftotext writes LaTeX's section number apart, sometimes with the page
    # number between number and heading
    text = ("1\n\nWater and land\n\n" + para(0) + "\n2\n\n57\n\nThe northern provinces\n\n" + para(1)
            + "\n2.1\nSmall farms\n" + para(2))
    doc = normalise(text)
    assert [b for b in blocks(doc) if b[0].startswith("h")] == [
        ("h2", "1 Water and land"), ("h2", "2 The northern provinces"), ("h3", "2.1 Small farms")]
    assert [(n, t) for n, t, _ in furniture(doc)] == [(10, "57")]


def test_page_numbers_before_a_running_head_are_not_section_numbers():
    text = ("1\n\nReview of Water Studies\n\n" + para(0) + "\n2\n\nReview of Water Studies\n\n" + para(1))
    doc = normalise(text)
    assert not any(b[0].startswith("h") for b in blocks(doc))
    assert [t for _, t, _ in furniture(doc)] == ["1", "Review of Water Studies", "2", "Review of Water Studies"]


def test_question_in_capitals_wrapped_over_several_narrow_lines_is_a_heading():
    text = (para(0) + "\nHOW CAN I LOG WHICH\nPACKAGES I ADDED TO MY\nSYSTEM? I WOULD LIKE TO\n"
            "KNOW WHEN EACH PACKAGE\nWAS UPGRADED OR REMOVED!\n\n" + para(1))
    doc = normalise(text)
    assert ("h2", "HOW CAN I LOG WHICH PACKAGES I ADDED TO MY SYSTEM? I WOULD LIKE TO KNOW WHEN EACH "
                  "PACKAGE WAS UPGRADED OR REMOVED!") in blocks(doc)


def test_question_in_capitals_over_seven_narrow_lines_is_a_heading():
    lines = ["HOW DOES THIS SYSTEM", "DIFFER FROM THE", "OTHERS? WHY SHOULD I", "CHOOSE IT AND",
             "NOT ANOTHER ONE", "OF THE SYSTEMS", "IN USE TODAY?"]
    doc = normalise(para(0) + "\n" + "\n".join(lines) + "\n\n" + para(1))
    assert ("h2", " ".join(lines)) in blocks(doc)


def test_nine_lines_in_capitals_are_not_a_heading():
    lines = ["THE MINISTRY OF", "TRADE SAID ON", "MONDAY THAT THE", "NEW RULES WOULD", "TAKE EFFECT IN",
             "THE SPRING AND", "THAT ALL FIRMS", "WOULD HAVE TO", "COMPLY WITH THEM."]
    doc = normalise(para(0) + "\n" + "\n".join(lines) + "\n\n" + para(1))
    assert not any(k.startswith("h") for k, _ in blocks(doc))


def test_question_in_capitals_before_a_lower_case_block_is_a_heading():
    # two columns interleaved: the next block is the end of another paragraph
    text = (para(0) + "\nMUST I GO INTO SINGLE USER MODE\nTO UPGRADE A PACKAGE?\n\n"
            "added to the configuration file of the package tool and kept there for later.\n\n" + para(1))
    doc = normalise(text)
    assert ("h2", "MUST I GO INTO SINGLE USER MODE TO UPGRADE A PACKAGE?") in blocks(doc)


def test_nine_repeated_lines_in_capitals_are_not_a_heading():
    text = para(0) + "\n" + "\n".join(["A LINE OF CAPITALS"] * 3 + ["ANOTHER LINE HERE"] * 6) + "\n\n" + para(1)
    doc = normalise(text)
    assert not any(b[0].startswith("h") for b in blocks(doc))


def test_three_short_lines_in_a_row_are_list_items_not_headings():
    text = (para(0) + "\nSimple packages\n\nPackages of medium size\n\nVery complex packages\n\n" + para(1))
    doc = normalise(text)
    assert [b for b in blocks(doc) if b[0] not in ("p",)] == [
        ("bullet", [(None, "Simple packages"), (None, "Packages of medium size"), (None, "Very complex packages")])]


def test_two_headings_in_a_row_stay_headings():
    text = (para(0) + "\nBuilding the package\n\nGetting the source\n\n" + para(1))
    doc = normalise(text)
    assert [b for b in blocks(doc) if b[0] != "p"] == [("h2", "Building the package"), ("h3", "Getting the source")]


def test_wrapped_heading_after_a_block_ending_with_a_colon():
    # what the colon announced (a command) was lost in extraction
    text = "\n".join(["Then configure all the packages that are not fully installed with", "this command:", "",
                      "Errors while caching the", "package data", ""] + COLUMN[3:])
    doc = normalise(text)
    assert ("h2", "Errors while caching the package data") in blocks(doc)


def test_short_heading_with_one_comma_before_a_paragraph():
    text = para(0) + "\nPrograms, needed for development\n\n" + para(1)
    doc = normalise(text)
    assert ("h2", "Programs, needed for development") in blocks(doc)


def test_short_answer_with_a_comma_after_a_heading_is_not_a_heading():
    text = para(0) + "\nWhat should I do?\n\nBuy one, that works :)\n\n" + para(1)
    doc = normalise(text)
    assert ("p", "Buy one, that works :)") in blocks(doc)


def test_question_heading_wrapped_over_three_lines_stays_one_heading():
    text = (para(0) + "\nHow does the system differ from other distributions\nLinux? Why should I choose this one\n"
            "and not another distribution?\n\n" + para(1))
    doc = normalise(text)
    assert ("h2", "How does the system differ from other distributions Linux? Why should I choose this one "
                  "and not another distribution?") in blocks(doc)


def test_word_continuing_a_list_item_cut_inside_a_bracket_is_not_a_heading():
    text = (para(0) + "\n\u2022 The project will remain free (first term of the\n\nSocial\n\n"
            "Contract of the project, which every member signs)\n\n" + para(1))
    doc = normalise(text)
    assert not any(b[0].startswith("h") for b in blocks(doc))
    assert ("bullet", [(None, "The project will remain free (first term of the Social Contract of the project, "
                              "which every member signs)")]) in blocks(doc)


def test_heading_after_a_list_item_without_a_full_stop_stays_a_heading():
    text = (para(0) + "\n\u2022 Simple packages\n\u2022 Packages of medium size\n\nBuilding the package\n\n" + para(1))
    doc = normalise(text)
    assert ("h2", "Building the package") in blocks(doc)


def test_command_name_heading_that_the_next_paragraph_opens_with():
    text = ("Several tools are available for it:\n\naptitude\n\n"
            "aptitude is the package manager recommended for the system, described in the manual.\n\n" + para(1))
    doc = normalise(text)
    assert ("h2", "aptitude") in blocks(doc)


def test_command_name_heading_without_blank_lines():
    lines = ["The mirrors copy the whole archive every six hours from its master server.",
             "aptitude",
             "aptitude is the package manager recommended for the system, described in",
             "the manual of the project, with all its options and many examples of use."]
    doc = normalise("\n".join(lines) + "\n")
    assert ("h2", "aptitude") in blocks(doc)


def test_lower_case_word_before_a_paragraph_opening_with_another_word_is_not_a_heading():
    text = ("Several tools are available for it:\n\naptitude\n\n"
            "the package manager recommended for the system is described in the manual.\n\n" + para(1))
    doc = normalise(text)
    assert not any(b[0].startswith("h") for b in blocks(doc))


def test_heading_followed_by_a_heading_opening_with_a_command_name():
    doc = normalise(para(0) + "\n\nHow to shut down the system\n\nsudo configuration\n\n" + para(1) + "\n" + para(2))
    hs = [t for k, t in blocks(doc) if k.startswith("h")]
    assert hs == ["How to shut down the system", "sudo configuration"]


def test_line_running_on_into_a_command_sentence_is_not_a_heading():
    doc = normalise(para(0) + "\n\nHow to shut down the system\n\nsudo poweroff does it at once.\n\n"
                    + para(1) + "\n" + para(2))
    assert not any(t.startswith("How to") for k, t in blocks(doc) if k.startswith("h"))


def test_heading_with_one_comma_before_a_one_line_paragraph_ending_with_a_colon():
    doc = normalise(para(0) + "\n\nDocumentation, needed for development\n\n"
                    "Besides this document, it is very important to read the following:\n\n" + para(1))
    assert ("h2", "Documentation, needed for development") in blocks(doc)


def test_line_with_one_comma_before_a_short_line_is_not_a_heading():
    doc = normalise(para(0) + "\n\nDocumentation, needed for development\n\nRead it first:\n\n" + para(1))
    assert not any(k.startswith("h") and "Documentation" in t for k, t in blocks(doc))


def test_heading_after_a_section_number_ends_before_prose_opening_in_lower_case():
    # pymupdf: no blank lines; the text after the heading opens with an address,
    # and the section number is not a note label though a call 1 was printed
    text = ("The resources that help you in your work are described here.1\n1\nMailing lists\n"
            "lists.example.org hosts the conversations between the developers and the users of\n"
            "the project, with archives that go back many years and search by keyword and date.\n"
            "1.1\nSpecial lists\n"
            "private@lists.example.org is a special list for the discussions between developers\n"
            "that must not be published, so the users are asked not to write to it at all.\n"
            "1 See https://example.org/resources\n")
    doc = normalise(text)
    assert [b for b in blocks(doc) if b[0].startswith("h")] == [("h2", "1 Mailing lists"),
                                                                ("h3", "1.1 Special lists")]
    assert notes(doc) == [("1", "See <https://example.org/resources>")]


def test_wrapped_heading_after_a_section_number_stays_whole():
    text = ("1\nWhich other documents\nexist on the\nsystem?\n" + para(0) + "\n2\nIs there a place\n"
            "to discuss it?\n" + para(1))
    doc = normalise(text)
    assert [b for b in blocks(doc) if b[0].startswith("h")] == [
        ("h2", "1 Which other documents exist on the system?"), ("h2", "2 Is there a place to discuss it?")]


@pytest.mark.parametrize("opener", ["private@lists.example.org is a special list for private",
                                    "bugs.example.org is the canonical place of the bug tracking"])
def test_heading_before_a_sentence_opening_with_an_address(opener):
    text = (para(0) + "\nSpecial lists\n" + opener + "\ndiscussions amongst the developers of the project and "
            "their guests.\n\n" + para(1))
    doc = normalise(text)
    assert ("h2", "Special lists") in blocks(doc)


def test_line_cut_before_an_address_is_no_heading():
    text = (para(0) + "\nPlease write to the list at\nlists.example.org is where the archives "
            "of all the lists are kept for years.\n\n" + para(1))
    doc = normalise(text)
    assert not any(b[0].startswith("h") for b in blocks(doc))


@pytest.mark.parametrize("opener", ["duck", "duck,"])
def test_command_name_heading_before_a_paragraph_opening_with_it_and_a_comma(opener):
    text = (para(0) + "\n\nduck\n\n" + opener + " the URL checker of the project, reads the fields of the\n"
            "control files and checks that every address in them still answers.\n\n" + para(1))
    assert ("h2", "duck") in blocks(normalise(text))


@pytest.mark.parametrize("text, style", [
    ("See the manual page dpkg(1).2", None),     # a sentence's end before a note's call
    ("See the manual.3", None),
    ("Section 2.1", "title"),                    # a section number is no call
    ("Debian 12.1", "title"),
])
def test_style_of_a_line_ending_with_a_call(text, style):
    assert style_of(text) == style


def test_sentence_ending_with_a_call_before_two_headings_is_no_list_item():
    text = (para(0) + "\nThe tool wrote a file that looks like this one:\nIf there is nothing to say, delete it.\n"
            "See the manual page dh_installdocs(1).2\n\nThe compat file\nThe conffiles file\n" + para(1)
            + "\n2 See https://example.org/dh_installdocs\n")
    doc = normalise(text)
    assert not any(k == "bullet" for k, _ in blocks(doc))


def test_last_line_of_a_page_before_its_notes_is_no_heading_when_the_sentence_goes_on():
    text = (para(0) + "The channel is open to everybody,1 so do not speak there of private matters.\n"
            "There is another channel for this\n1 See https://www.example.org/channels/\n\x0c"
            "purpose, and it is protected by a key that only the members of the project know.\n\n" + para(1))
    doc = normalise(text)
    assert not any(b[0].startswith("h") for b in blocks(doc))
