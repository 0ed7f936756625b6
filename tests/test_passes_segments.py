"""segments: raw blocks cut where the extractor lost the blank line (lists
whose bullets were lost, sentences ending short of the column)."""
from __future__ import annotations

import pytest

from conftest import LINES, blocks, decisions, normalise, para, para_text

ITEMS = ["do not mix the repositories of the stable release with others;",
         "do not create a preferences file unless you know what it does,",
         "because it changes every later upgrade;",
         "do not install packages at random;",
         "read the manual first."]


def _split_lines(doc, action):
    return [ln for a, ln, *_ in decisions(doc, "segments") if a == action]


def test_semicolon_items_of_a_list_without_bullets_are_cut_apart():
    text = para(0) + "Here is some advice:\n" + "\n".join(ITEMS) + "\n" + para(1)
    doc = normalise(text)
    bodies = []
    for _, t in blocks(doc):  # the lists pass makes the cut items bullet items
        bodies.extend(x for _, x in t) if isinstance(t, list) else bodies.append(t)
    assert ITEMS[0] in bodies and ITEMS[3] in bodies and ITEMS[4] in bodies
    assert ITEMS[1] + " " + ITEMS[2] in bodies   # an item of two lines stays whole
    assert para_text(1) in bodies
    # cut after the introduction, after each item, after the last one
    assert _split_lines(doc, "split-list-item") == [(3, 4), (4, 5), (6, 7), (7, 8), (8, 9)]


def test_single_semicolon_at_a_line_end_in_prose_does_not_cut():
    """One clause ending at a line end is prose, not a list."""
    text = (LINES[0] + "\nwhile the others waited for the vote of the council;\n"
            "and the ministers left the hall before the end of the long session.\n" + para(1))
    doc = normalise(text)
    assert _split_lines(doc, "split-list-item") == []


def test_semicolons_far_apart_do_not_make_a_list():
    """Items are at most three lines long: two semicolon line ends five lines
    apart are clauses of a paragraph."""
    text = ("The first clause of the long sentence ends right here at the line end;\n"
            + "\n".join(LINES[1:5]) + "\nthe second clause ends here at the end of this line;\n"
            "and the sentence finally ends on this line of the paragraph.\n")
    doc = normalise(text)
    assert _split_lines(doc, "split-list-item") == []


BULLETS = ["\uf0b7 Read and remove any files on the system",
           "\uf0b7 Set the password of any user on the system",
           "\uf0b7 Login to any accounts without a password"]


def test_short_last_bullet_item_without_punctuation_ends_before_a_capital():
    """The last item of a bullet list, much shorter than the column and
    without closing punctuation, does not run into the next paragraph."""
    text = para(0) + "\n".join(BULLETS) + "\n" + para(1)
    doc = normalise(text)
    assert blocks(doc)[-1] == ("p", para_text(1))
    assert (5, 6) in _split_lines(doc, "split-short-line")


def test_bullet_item_wrapped_before_a_capitalised_name_is_not_cut():
    """A long item line (the next word would not have fitted) continues on
    the next line even when that starts with a capital; so does a line ending
    with a comma."""
    long_item = "\uf0b7 " + LINES[0][:-1] + " and with the"
    text = para(0) + long_item + "\nDebian developers in the same year.\n" + \
        "\uf0b7 support for German, Spanish, French,\nHungarian and Italian.\n" + para(1)
    doc = normalise(text)
    # the sentence ends split; the item lines 3 and 5 stay with their continuations
    assert _split_lines(doc, "split-short-line") == [(2, 3), (4, 5), (6, 7)]


# A justified column of about 76 characters, no blank lines between
# paragraphs: the first two end short (the text does not separate its
# paragraphs by blank lines), the third one runs to the margin.
SHORT = ["Each suite of the archive has a name and a code name, which the tools",
         "both accept.",
         "Names change with every release, code names do not change at all, so the",
         "sources list may use either.",
         ]
FIRST = ["The archive holds several suites of packages, each one described by its own",
         "release file and signed by the archive key, so that the package tools know",
         "which of them to trust when they download the lists of packages it holds."]


def _doc(second):
    return normalise("\n".join(SHORT + FIRST + second) + "\n")


def test_indented_first_line_with_room_for_the_next_word_starts_a_paragraph():
    # 'The mirrors...' (65 characters) ended although 'server,' (7) would have
    # fitted in a column of about 76: the extractor dropped its indent
    second = ["The mirrors copy the whole archive every six hours from the main",
              "server, and users choose the mirror that is closest to them in the",
              "the network, which makes the downloads faster for everybody who uses it."]
    doc = _doc(second)
    assert blocks(doc)[2:] == [("p", " ".join(FIRST)), ("p", " ".join(second))]
    assert any("indented first line" in d.detail for d in doc.decisions if d.lines == (7, 8))


def test_last_line_of_a_paragraph_well_short_of_the_column_is_no_indented_first_line():
    # 'This process...' (46 characters) is a paragraph's last line, not its
    # first: the room left after it is far more than an indent
    second = ["This process keeps the archive current and usable.",
              "Through the gradual freeze led by the release team, the archive becomes",
              "consistent and free of serious bugs, and it is then released as stable."]
    doc = _doc(["The mirrors copy the whole archive every six hours from the main server of",
                "the project, and the users choose the one mirror that is closest to them."] + second)
    assert not any("indented first line" in d.detail for d in doc.decisions)


def test_full_line_after_a_sentence_end_does_not_start_a_paragraph():
    # the same with a line that is full: 'of' would not have fitted
    second = ["The mirrors copy the whole archive every six hours from the master server",
              "of the project, and users choose the mirror that is closest to them in",
              "the network, which makes the downloads faster for everybody who uses it."]
    doc = _doc(second)
    assert blocks(doc)[2:] == [("p", " ".join(FIRST + second))]


def test_question_heading_run_into_the_text_is_cut_off():
    # no blank lines: a two-line question, each line ending short of the
    # column, between a sentence's end and a capitalised line
    question = ["Why do some programs complain that a library", "cannot be found at all?"]
    text = "\n".join(FIRST + question + FIRST) + "\n"
    doc = normalise(text)
    assert ("h2", " ".join(question)) in blocks(doc)
    assert any("a question of 2 short line(s)" in d.detail for d in doc.decisions if d.lines == (3, 4))


def test_question_running_to_the_column_edge_is_not_cut_off():
    question = ["Why do some programs complain that a library that is installed on the",
                "system cannot be found at all?"]
    text = "\n".join(FIRST + question + FIRST) + "\n"
    doc = normalise(text)
    assert not any(b[0].startswith("h") for b in blocks(doc))
    assert not any("a question of" in d.detail for d in doc.decisions)


def test_paragraph_opening_with_a_lower_case_command_name_after_a_short_line():
    text = "\n".join(SHORT + ["Mirrors copy the archive every six hours from the master server of the",
                             "project."] + ["dpkg logs the installations it plans in its own log file, but not the",
                             "results of these actions, which the package tool writes to its log."]) + "\n"
    doc = normalise(text)
    assert blocks(doc)[-1] == ("p", "dpkg logs the installations it plans in its own log file, but not "
                                    "the results of these actions, which the package tool writes to its log.")


def test_lower_case_word_after_a_short_line_ending_with_a_full_stop_continues():
    # 'etc.' then 'and': a common word, the sentence goes on
    lines = ["Names change with every release, code names do not change, e.g. testing, sid, etc.",
             "and the sources list may use either of them for every suite it names in a line."]
    doc = normalise("\n".join(SHORT + ["Mirrors copy the archive every six hours from the master server of the",
                                       "project."] + lines) + "\n")
    assert blocks(doc)[-1] == ("p", " ".join(lines))


def test_line_ending_with_an_abbreviation_does_not_end_a_paragraph_before_a_short_line():
    # 'see.' is no sentence end: the short line after it ends the paragraph, it does not start one
    lines = ["Names change with every release, code names do not change; for the list, see.",
             "The release notes of the project, for each of the versions.",
             "The mirrors copy the whole archive every six hours from their master server."]
    doc = normalise("\n".join(SHORT + lines) + "\n")
    assert (" ".join(lines[:2])) in [b[1] for b in blocks(doc)]


def test_short_line_with_a_comma_ending_with_a_function_word_is_not_cut_off():
    # pdftotext: a line of a two-column page cut short; 'die' goes on with a capitalised noun
    lines = ["Bitte nutzen Sie das Programm, um die",
             "Verwendung von vim über einen interaktiven Kurs zu erlernen, wie es hier steht."]
    doc = normalise("\n".join(SHORT + ["Das Programm startet von selbst im normalen Modus, wie es soll."] + lines) + "\n")
    assert ("p", " ".join(lines)) in blocks(doc)


def test_short_label_line_without_a_comma_is_still_cut_off():
    lines = ["Using the editor", "Verwendung von vim über einen interaktiven Kurs zu erlernen, wie es hier steht."]
    doc = normalise("\n".join(SHORT + ["Das Programm startet von selbst im normalen Modus, wie es soll."] + lines) + "\n")
    assert ("p", lines[1]) in blocks(doc)


def test_contact_lines_ending_with_e_mail_addresses_are_blocks_of_their_own():
    lines = ["Anna Smith, Readers Foundation, anna.smith@example.org",
             "John Doe, Initiative for the Rights of Writers, john.doe@example.org"]
    doc = normalise("\n".join(SHORT + lines) + "\n")
    assert len([b for b in blocks(doc) if "example.org" in b[1]]) == 2


def test_short_line_ending_with_a_function_word_is_not_cut_off():
    lines = ["Fehler beim Zwischenspeichern der", "Paketdaten führen zu verblüffenden Meldungen bei APT, wie hier gezeigt."]
    doc = normalise("\n".join(SHORT + ["Das Programm startet von selbst im normalen Modus, wie es soll."] + lines) + "\n")
    assert ("p", " ".join(lines)) in blocks(doc)


COLON_PARA = ["The archive keeps every release of the packages it ships, and you can",
              "list the releases that your machine knows about with the command below:"]
NEXT_PARA = ["Each release has a code name, and the files of each one are signed by",
             "the archive key, so that nobody can change them on the way to users."]


def test_line_ending_with_a_colon_before_a_capital_ends_the_paragraph():
    # the command the colon announced was a display the extractor lost
    doc = normalise("\n".join(["Releases", ""] + COLON_PARA + NEXT_PARA) + "\n")
    assert blocks(doc)[1:] == [("p", " ".join(COLON_PARA)), ("p", " ".join(NEXT_PARA))]
    assert any("colon" in d.detail for d in doc.decisions if d.pass_ == "segments")


def test_line_ending_with_a_colon_before_lower_case_continues():
    low = ["each release has a code name, and the files of each one are signed by",
           "the archive key, so that nobody can change them on the way to users."]
    doc = normalise("\n".join(["Releases", ""] + COLON_PARA + low) + "\n")
    assert blocks(doc)[1:] == [("p", " ".join(COLON_PARA + low))]


def test_heading_broken_with_a_hyphen_after_a_full_last_line_starts_a_block():
    # the paragraph's last line is full (the heading's first word would not
    # have fitted); the heading's second line has 4 words
    second = ["Suggestions of extra pack-", "ages for the beginners", ] + \
        ["Although even a minimal installation of the system provides the basic tools,",
         "it is a good idea to install a few more command line packages to begin with."]
    doc = _doc(second)
    assert ("h2", "Suggestions of extra packages for the beginners") in blocks(doc) or \
        ("h3", "Suggestions of extra packages for the beginners") in blocks(doc)
    assert any(a == "split-before-heading" for a, *_ in decisions(doc, "segments"))


def test_sentence_broken_with_a_hyphen_that_ends_a_paragraph_stays():
    second = ["The mirrors copy the whole archive every six hours from the mas-",
              "ter server again.",
              "Users choose the mirror that is closest to them in the network, which makes",
              "the downloads faster for everybody who uses it, and that is the whole point."]
    doc = _doc(second)
    assert ("p", " ".join(FIRST) + " The mirrors copy the whole archive every six hours from the "
            "master server again.") in blocks(doc)


def test_heading_wrapped_early_after_a_full_last_line_starts_a_block():
    # 'for' ends the heading's first line although 'the' had room
    second = ["Additional package suggestions for", "the beginners"] + \
        ["Although even a minimal installation of the system provides the basic tools,",
         "it is a good idea to install a few more command line packages to begin with."]
    doc = _doc(second)
    assert any(k.startswith("h") and t == "Additional package suggestions for the beginners"
               for k, t in blocks(doc))


def test_two_short_lines_ending_a_sentence_are_not_a_heading():
    second = ["The mirrors copy the whole archive every", "six hours, at least."] + \
        ["Users choose the mirror that is closest to them in the network, which makes",
         "the downloads faster for everybody who uses it, and that is the whole point."]
    doc = _doc(second)
    assert not any(k.startswith("h") for k, _ in blocks(doc))
    assert not any(a == "split-before-heading" for a, *_ in decisions(doc, "segments"))


def test_heading_before_a_line_of_glued_words_is_cut_off():
    # pypdf glued the words of the first line after the heading: only the
    # first of them would have had to fit after 'Archive metadata'
    second = ["Archive metadata",
              "Metadatafilesforeachdistributionarestoredundereachmirrorsite on every mirror,",
              "and the tools read them when they update the lists of packages every day."]
    doc = _doc(second)
    assert any(k.startswith("h") and t == "Archive metadata" for k, t in blocks(doc))


def test_short_line_before_a_long_address_is_not_cut_off():
    second = ["The whole archive, with all of its suites, is found at the address",
              "https://archive.example.org/debian/dists/codename/main/binary-amd64/ on",
              "every mirror, and the tools read it when they update the lists of packages."]
    doc = _doc(second)
    last = blocks(doc)[-1]
    assert last[0] == "p" and "is found at the address" in last[1] and last[1].endswith("lists of packages.")


def test_line_ending_with_a_colon_inside_an_open_bracket_goes_on():
    lines = ["The system starts with the greeting message stored in the motd file (message of",
             "the day, or in the words of the manual page of the system, in the original:",
             "Message Of The Day) and presents a command prompt to the user who logged in."]
    doc = normalise("Logging in\n\n" + "\n".join(lines) + "\n")
    assert blocks(doc)[-1] == ("p", " ".join(lines))


def _indented_paragraphs(first: str) -> str:
    import textwrap
    rows = []
    for k in range(3):
        ls = textwrap.wrap(para_text(k) + " " + para_text(k + 3), 57)
        rows += ["   " + ls[0]] + ls[1:]
    rows += ["   " + first, "CVE and the others in the changelog entry, which helps the",
             "security team to track the problems over many years."]
    for k in range(6, 8):
        ls = textwrap.wrap(para_text(k) + " " + para_text(k + 3), 57)
        rows += ["   " + ls[0]] + ls[1:]
    return "\n".join(rows) + "\n"


def test_indented_first_line_ending_by_its_indent_early_is_not_a_heading():
    """-layout: a paragraph's first line, indented three characters, ends
    that much before the column's edge although the next word would have
    fitted without the indent: not a heading line."""
    doc = normalise(_indented_paragraphs("When closing security bugs include all the numbers"))
    assert [k for k, _ in blocks(doc)] == ["p"] * 6


def test_short_indented_line_after_a_sentence_is_still_a_heading():
    doc = normalise(_indented_paragraphs("Closing security bugs"))
    assert ("h2", "Closing security bugs") in blocks(doc)


def _layout_paragraphs(indent_more: bool = False) -> str:
    # pdftotext -layout: each paragraph's first line keeps its indent; the
    # second paragraph ends on a full line with no stop (a display after it
    # was lost)
    i = "    "
    return (i + LINES[0] + "\n" + LINES[1] + "\n" + LINES[2] + "\n" + LINES[3] + "\n"
            + i + LINES[4] + "\n" + (i if indent_more else "") + LINES[5] + "\n"
            + (i if indent_more else "") + LINES[6] + "\n" + LINES[7][:-1] + "\n"
            + i + LINES[8] + "\n" + LINES[9] + "\n"
            + i + LINES[10] + "\n" + LINES[11] + "\n")


def test_indented_capitalised_line_opens_a_paragraph_where_paragraphs_open_so():
    doc = normalise(_layout_paragraphs())
    assert [t[:20] for k, t in blocks(doc)] == [LINES[0][:20], LINES[4][:20], LINES[8][:20], LINES[10][:20]]
    assert decisions(doc, "segments")[1][1] == (8, 9)


def test_indents_on_most_lines_do_not_open_paragraphs():
    doc = normalise(_layout_paragraphs(indent_more=True))
    assert any(LINES[7][:-1] + " " + LINES[8] in t for k, t in blocks(doc))


_LINK_LINES = ["Since the channel is an open one, you should not speak there of issues that",
               "are discussed in the list at private@lists.example.org.",
               "There's another channel for this purpose, which is only open to the members",
               "of the project and which you can join with the password from the server."]


def test_line_cut_after_a_link_whose_rest_fills_the_column_goes_on():
    # PyMuPDF writes a link's span apart: the rest of the line comes next;
    # paragraphs are not set apart by blank lines (they end short); the
    # column is 75 characters: 55 + 1 + 15 fill it
    before = "".join(LINES[2 * k] + "\n" + LINES[2 * k + 1].split(" the ")[0] + ".\n" for k in range(3))
    text = before + "\n".join([_LINK_LINES[0], _LINK_LINES[1], "There's another",
                                "channel for this purpose, which is only open to the members of the project,",
                                "and which you can join with the password from the server."]) + "\n"
    doc = normalise(text)
    assert len(blocks(doc)) == 4
    assert blocks(doc)[-1][1].startswith(_LINK_LINES[0])


@pytest.mark.parametrize("t, nxt, cut", [
    (_LINK_LINES[1], "There's another channel for this", True),      # together: 88 of 90
    (_LINK_LINES[1], _LINK_LINES[2], False),                         # together: 131, more than the column
    (_LINK_LINES[1], "There's another.", False),                     # together: 72, well short of it
    ("are discussed in the list of the project, which is private.", "There's another channel", False),  # no link
])
def test_link_cut(t, nxt, cut):
    from seedconv.passes.segments import _link_cut

    assert _link_cut(t, nxt, 90) is cut


@pytest.mark.parametrize("middle, alone", [("followed by", True),
                                           ("followed by the answers to its questions", False)])
def test_few_lower_case_words_between_a_colon_and_a_capital_stand_alone(middle, alone):
    # pypdf: 'Run:' [code] 'followed by' [code] 'Answer …': the code was lost;
    # paragraphs are not set apart by blank lines (they end short)
    before = "".join(LINES[2 * k] + "\n" + LINES[2 * k + 1].split(" the ")[0] + ".\n" for k in range(3))
    text = before + "To bring the whole system up to date, run the following command:\n" + middle + \
        "\nAnswer any questions it asks, and the system will be brought up to date.\n"
    texts = [t for _, t in blocks(normalise(text))]
    assert (middle in texts) is alone
