"""footnotes: note blocks out of the body, calls linked in sequence, notes
continued after a page break joined, symbol notes."""
from __future__ import annotations

import pytest

from conftest import blocks, decisions, furniture, normalise, notes, para
from seedconv.passes.footnotes import find_calls, is_open, note_like


@pytest.mark.parametrize("text, expected, calls", [
    ("security issues.1 While Moscow", 1, [(16, 17, "1")]),
    ("the summit. 2 Based on", 2, [(11, 13, "2")]),         # the span covers the space
    ("Experts1 say", 1, [(7, 8, "1")]),
    ("the claim.3 Later", 1, [(10, 11, "3")]),              # up to two notes may be lost
    ("the claim.9 Later", 1, []),                           # too far from the sequence
    ("the claim.1 Later the proof.2 End", 1, [(10, 11, "1"), (28, 29, "2")]),
    ("signed in 1919, the treaty", 1, []),                  # a year
    ("in vol. 2, pp. 12-45 of it", 2, []),                  # a volume and a page range
    ("pages 2-3 of the report", 2, []),
    ("from 2016 to 2018.", 1, []),
    ("Article 2 of the law", 2, []),
    ("there were 2 parties", 2, []),
    ("COVID-19 spread", 1, []),
    ("the G20 summit", 2, []),
    ("as Table 2 shows", 2, []),
    ("it ended.* Then", 1, [(9, 10, "*")]),
])
def test_find_calls(text, expected, calls):
    assert find_calls(text, expected, {"*"}) == calls


@pytest.mark.parametrize("text, expected, calls", [
    ("configuration de sudo(8) 5 comme suit", 5, [(24, 26, "5")]),    # set apart after ")"
    ("emulador como gnome-terminal(1), 3 rxvt(1)", 3, [(32, 34, "3")]),  # not the comma
    ("the tools (see above) 4 people use", 3, []),   # after ")" only the next number counts
    ("the tools (see above) 3.5 times", 3, []),
])
def test_calls_set_apart_after_a_parenthesis(text, expected, calls):
    assert find_calls(text, expected, set()) == calls


@pytest.mark.parametrize("text, expected, calls, weak", [
    ("also called superuser 4 or privileged user", 4, [(21, 23, "4")], {21}),
    ("the annual May 9 Victory Day", 9, [], set()),            # followed by a capital: a date
    ("the annual May 9 parade, and the talks.9 Later", 9, [(39, 40, "9")], set()),  # a surer call follows
    ("also called superuser 3 or privileged user", 4, [], set()),  # not the next number
])
def test_numbers_set_apart_after_a_word_are_weak_calls(text, expected, calls, weak):
    found: set[int] = set()
    assert find_calls(text, expected, set(), False, found) == calls
    assert found == weak
    assert find_calls(text, expected, set()) == [c for c in calls if c[0] not in weak]


def test_weak_call_needs_its_note_close_by():
    near = ("The account is also called superuser 1 or privileged user by most people.\n\n"
            "1 See https://example.org/superuser\n")
    assert "superuser[^1] or" in blocks(normalise(near))[0][1]
    far = ("The account is also called superuser 1 or privileged user by most people.\n\f"
           + "".join(f"Another page {k} of plain text without any notes.\n\f" for k in range(3))
           + "\n1 See https://example.org/superuser\n")
    assert "superuser 1 or" in blocks(normalise(far))[0][1]


def test_call_after_parenthesis_and_comma_keeps_the_comma():
    text = ("On a terminal such as xterm(1), 1 you can close the window the same way.\n\n"
            "1 See https://example.org/xterm.1\n")
    assert "xterm(1),[^1] you" in blocks(normalise(text))[0][1]


def test_section_number_is_not_a_spaced_call():
    assert find_calls("(consultez Section 2.7.2, « Paquets", 2, set(), spaced_words=True) == []


def test_spaced_number_before_lower_case_is_not_a_call():
    assert find_calls("On 12 May, 2 days later", 2, set()) == []


@pytest.mark.parametrize("text, expected", [
    ("the end of the", True), ("unfinished reference, published by the", True),
    ("the end.", False), ("the end.3", False), ("“Title”, 2014.", False), ("(see above)", False),
    ("see https://example.org/a", False), ("", False),
])
def test_is_open(text, expected):
    assert is_open(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("https://example.org/x", True), ("see www.rferl.org today", True),
    ("Jan Šír, “The Russian vector”, Central Asian Survey, vol. 3, 2014.", True),
    ("Smith, “Title”, May 5, 2014", True),
    ("A plain sentence.", False), ("“Title”, 2014.", False), ("write to a.b@example.org", False),
])
def test_note_like(text, expected):
    assert note_like(text) is expected


BODY = ("Turkmenistan has long avoided taking sides on security issues.1 While Moscow\n"
        "pressed for closer ties, Ashgabat kept its distance from the alliance and\n"
        "preferred bilateral agreements signed at the summit. 2 Based on these talks,\n"
        "both sides agreed to expand trade in gas and cotton over the coming years.\n")
BODY_TEXT = ("Turkmenistan has long avoided taking sides on security issues.[^1] While Moscow "
             "pressed for closer ties, Ashgabat kept its distance from the alliance and "
             "preferred bilateral agreements signed at the summit.[^2] Based on these talks, "
             "both sides agreed to expand trade in gas and cotton over the coming years.")
NOTE1 = "Jan Šír, “The Russian vector in Turkmen foreign policy”, 2014."
NOTE2 = "“Turkmenistan-Russia relations upgraded to strategic partnership”, 2017."


def test_notes_leave_the_body_and_calls_are_linked():
    doc = normalise(BODY + "\n1 " + NOTE1 + "\n2 " + NOTE2 + "\n")
    assert blocks(doc) == [("p", BODY_TEXT)]
    assert notes(doc) == [("1", NOTE1), ("2", NOTE2)]
    assert [(n.id, n.spans) for n in doc.notes] == [("n1", [(6, 6)]), ("n2", [(7, 7)])]
    refs = [x for x in doc.blocks[0].content if x.type == "noteref"]
    assert [(r.label, r.note) for r in refs] == [("1", "n1"), ("2", "n2")]
    assert [(a, ln, after) for a, ln, _, after in decisions(doc, "footnotes")] == [
        ("note-start", (6, 6), "note 1"), ("note-start", (7, 7), "note 2"),
        ("link-call", (1, 4), "[^1]"), ("link-call", (1, 4), "[^2]")]
    assert doc.diagnostics == []


def test_years_volumes_and_page_ranges_are_not_calls():
    text = ("The treaty was signed in 1919, and in 1920 it was printed in vol. 2, pp. 12-45\n"
            "of the official series.1 Article 3 of the treaty, covering 2 regions, was\n"
            "later revised in the years 1925-1927 by the two parties.2 It is still valid.\n\n"
            "1 League of Nations, “Treaty Series”, vol. 2, 1920.\n"
            "2 “The revised treaty”, Official Gazette, no. 4, 1927.\n")
    doc = normalise(text)
    assert blocks(doc) == [("p", "The treaty was signed in 1919, and in 1920 it was printed in vol. 2, "
                                  "pp. 12-45 of the official series.[^1] Article 3 of the treaty, covering "
                                  "2 regions, was later revised in the years 1925-1927 by the two "
                                  "parties.[^2] It is still valid.")]
    assert [label for label, _ in notes(doc)] == ["1", "2"]


def test_number_after_comma_in_prose_is_not_a_call():
    text = ("Turkmenistan has long avoided taking sides on security issues.1 While Moscow\n"
            "pressed for closer ties, Ashgabat kept its distance from the alliance. On 12\n"
            "May, 2 days after the visit, both sides signed agreements at the summit. 2 Based\n"
            "on these talks, both sides agreed to expand trade in gas and cotton.\n\n"
            "1 " + NOTE1 + "\n2 " + NOTE2 + "\n")
    doc = normalise(text)
    assert blocks(doc) == [("p", "Turkmenistan has long avoided taking sides on security issues.[^1] "
                                  "While Moscow pressed for closer ties, Ashgabat kept its distance from the "
                                  "alliance. On 12 May, 2 days after the visit, both sides signed agreements "
                                  "at the summit.[^2] Based on these talks, both sides agreed to expand trade "
                                  "in gas and cotton.")]


def test_note_continued_after_a_page_break_is_joined():
    text = ("Turkmenistan has long avoided taking sides on security issues.1 While Moscow\n"
            "pressed for closer ties, Ashgabat kept its distance from the alliance, and\n"
            "preferred bilateral agreements with each of its large neighbours in turn.\n\n"
            "1 Jan Šír, “The Russian vector in Turkmen foreign policy”, Central Asian\n"
            "Survey, vol. 3, no. 2, pp. 45-67, published by the\n\n1\n"
            "\fBoth governments signed new agreements on gas and cotton at the summit.2\n"
            "The talks lasted three days and ended with a joint statement by both sides.\n\n"
            "Oxford University Press, 2014.\n"
            "2 “Turkmenistan-Russia relations upgraded to strategic partnership”, 2017.\n\n2\n")
    doc = normalise(text)
    assert notes(doc) == [
        ("1", "Jan Šír, “The Russian vector in Turkmen foreign policy”, Central Asian Survey, vol. 3, "
              "no. 2, pp. 45-67, published by the Oxford University Press, 2014."),
        ("2", NOTE2)]
    assert doc.notes[0].spans == [(5, 6), (12, 12)]
    assert ("note-continued", (12, 12), "", "note 1") in decisions(doc, "footnotes")
    assert blocks(doc) == [
        ("p", "Turkmenistan has long avoided taking sides on security issues.[^1] While Moscow pressed "
              "for closer ties, Ashgabat kept its distance from the alliance, and preferred bilateral "
              "agreements with each of its large neighbours in turn."),
        ("p", "Both governments signed new agreements on gas and cotton at the summit.[^2] The talks "
              "lasted three days and ended with a joint statement by both sides.")]
    assert [t for _, t, _ in furniture(doc)] == ["1", "2"]


def test_paragraph_cut_by_a_note_area_and_page_break_is_rejoined():
    text = ("Turkmenistan has long avoided taking sides on security issues.1 While Moscow\n"
            "pressed for closer ties, Ashgabat kept its distance from the alliance and\n"
            "preferred bilateral agreements with each of its large neighbours, a policy\n\n"
            "1 " + NOTE1 + "\n\n1\n"
            "\fthat the government calls permanent neutrality and that the United Nations\n"
            "recognised in 1995.\n")
    doc = normalise(text)
    assert blocks(doc) == [("p", "Turkmenistan has long avoided taking sides on security issues.[^1] While "
                                  "Moscow pressed for closer ties, Ashgabat kept its distance from the alliance "
                                  "and preferred bilateral agreements with each of its large neighbours, a "
                                  "policy that the government calls permanent neutrality and that the United "
                                  "Nations recognised in 1995.")]
    assert doc.blocks[0].spans == [(1, 3), (8, 9)]
    assert notes(doc) == [("1", NOTE1)]


def test_symbol_notes():
    text = ("The author thanks the editors for their help with the manuscript.* The\n"
            "views expressed here are the author's own and not those of the institute.†\n"
            "The study was carried out in three regions of the country in 2019.\n\n"
            "* The author is a researcher at the institute.\n\n"
            "† This article reflects the situation as of May 2020.\n")
    doc = normalise(text)
    assert blocks(doc) == [("p", "The author thanks the editors for their help with the manuscript.[^*] "
                                  "The views expressed here are the author's own and not those of the "
                                  "institute.[^†] The study was carried out in three regions of the country "
                                  "in 2019.")]
    assert notes(doc) == [("*", "The author is a researcher at the institute."),
                          ("†", "This article reflects the situation as of May 2020.")]


@pytest.mark.xfail(strict=True, reason="symbol notes on consecutive lines (no blank line between) "
                   "stay one note: the '†' line is not split off from note '*'")
def test_consecutive_symbol_notes_are_split():
    text = ("The author thanks the editors for their help with the manuscript.* The\n"
            "views expressed here are the author's own and not those of the institute.†\n"
            "The study was carried out in three regions of the country in 2019.\n\n"
            "* The author is a researcher at the institute.\n"
            "† This article reflects the situation as of May 2020.\n")
    doc = normalise(text)
    assert notes(doc) == [("*", "The author is a researcher at the institute."),
                          ("†", "This article reflects the situation as of May 2020.")]


def test_note_without_call_is_diagnosed():
    text = (para(0) + "\n" + "Experts agree that the policy has failed, as the report shows.1\n\n"
            "1 " + NOTE1 + "\n2 " + NOTE2 + "\n")
    doc = normalise(text)
    assert [label for label, _ in notes(doc)] == ["1", "2"]
    assert [(d.level, d.code, d.message) for d in doc.diagnostics] == [
        ("warning", "note-without-call", "note 2 has no call in the text")]


def test_numbered_list_is_not_taken_for_notes():
    text = (para(0) + "\nThe report names three priorities for the next years:\n"
            "1. Repair the canals in the south.\n2. Build new schools in the villages.\n"
            "3. Open the border crossings to trade.\n\n" + para(1))
    doc = normalise(text)
    assert doc.notes == []
    assert blocks(doc)[2] == ("ordered", [("1", "Repair the canals in the south."),
                                          ("2", "Build new schools in the villages."),
                                          ("3", "Open the border crossings to trade.")])


def test_footnotes_can_be_switched_off():
    doc = normalise(BODY + "\n1 " + NOTE1 + "\n", footnotes=False)
    assert doc.notes == []
    assert len(doc.blocks) == 2


SCRAMBLED = ("The archive keeps every release of the packages.1 Users of the old\n"
             "release read the notes2 before they upgrade the whole system at once.\n"
             "The mirror network3 spreads the load over many servers in many countries.\n"
             "See https://example.org/releases\n"
             "See https://example.org/notes\n"
             "3\n"
             "See https://example.org/mirrors\n"
             "1\n"
             "2\n"
             "\fThe second page starts with a new paragraph about something else.\n")


def test_labels_printed_out_of_order_after_their_texts_are_matched_in_order():
    doc = normalise(SCRAMBLED)
    assert notes(doc) == [("1", "See <https://example.org/releases>"),
                          ("2", "See <https://example.org/notes>"),
                          ("3", "See <https://example.org/mirrors>")]
    assert blocks(doc)[0][1].endswith("in many countries.")
    assert [d for d in decisions(doc, "footnotes") if d[0] == "unscramble-labels"] == [
        ("unscramble-labels", (4, 9), "3 1 2", "1 2 3")]


def test_labels_in_order_before_their_texts_are_left_to_the_usual_rules():
    text = SCRAMBLED.replace("See https://example.org/releases\nSee https://example.org/notes\n3\n"
                             "See https://example.org/mirrors\n1\n2\n",
                             "1\nSee https://example.org/releases\n2\nSee https://example.org/notes\n"
                             "3\nSee https://example.org/mirrors\n")
    doc = normalise(text)
    assert [lab for lab, _ in notes(doc)] == ["1", "2", "3"]
    assert not any(a == "unscramble-labels" for a, *_ in decisions(doc, "footnotes"))


def test_complete_note_is_not_continued_by_a_later_capitalised_block():
    text = ("The archive keeps every release.1 It is large.\n\n"
            "1 See https://example.org/releases\n\n"
            "\fThe policy2 explains the risks of the extra areas, which are these:\n\n"
            "• Loss of freedom for the software in them\n"
            "2 See https://example.org/policy\n")
    doc = normalise(text)
    assert notes(doc)[0] == ("1", "See <https://example.org/releases>")
    assert ("bullet", [(None, "Loss of freedom for the software in them")]) in blocks(doc)


def test_glued_call_may_skip_a_call_that_was_lost():
    text = ("The first tool1 is small. The second tool is large. The third tool3 is new.\n\n"
            "1 See https://example.org/one\n2 See https://example.org/two\n"
            "3 See https://example.org/three\n")
    doc = normalise(text)
    refs = [x.label for x in doc.blocks[0].content if x.type == "noteref"]
    assert refs == ["1", "3"]
    assert any(d.code == "call-skipped" for d in doc.diagnostics)


def test_short_line_with_the_next_label_joins_its_citation():
    text = ("The archive keeps every release of the packages for years.1\n"
            "• The old ones stay in a separate place:\n"
            "1 Maria\n"
            "Rossi,\n"
            "“The archive”, Journal of Archives, 2024, https://example.org/archive\n")
    doc = normalise(text)
    assert notes(doc) == [("1", "Maria Rossi, “The archive”, Journal of Archives, 2024, "
                                "<https://example.org/archive>")]


def test_note_ending_with_an_address_ends_before_a_short_heading():
    text = ("The command is described in its manual.1 It has many options.\n"
            "1. See https://example.org/manual\n"
            "Tool configuration\n"
            "For a typical desktop with a single user, the usual set-up is simple.\n")
    doc = normalise(text)
    assert notes(doc) == [("1", "See <https://example.org/manual>")]
    assert any(t.startswith("Tool configuration") for _, t in blocks(doc))


def test_note_pieces_set_apart_are_reassembled():
    text = ("The desktop has a graphical interface1 and a terminal2 for the shell,\n"
            "and a menu3 that starts the programs of the user.\n\n"
            "https://example.org/wiki/Graphical_user_\n\n"
            "2 A. Author, “The desktop”, Desktop Review, 2024.\n\n"
            "https://example.org/man/gnome-\n\n"
            "1See\n\n"
            "interface\n\n"
            "3See\n\n"
            "terminal.1\n")
    doc = normalise(text)
    assert notes(doc) == [("1", "See <https://example.org/wiki/Graphical_user_interface>"),
                          ("2", "A. Author, “The desktop”, Desktop Review, 2024."),
                          ("3", "See <https://example.org/man/gnome-terminal.1>")]
    assert [d[0] for d in decisions(doc, "footnotes", "reassemble")] == ["reassemble-notes"]


def test_note_pieces_are_left_alone_when_the_counts_disagree():
    text = ("The desktop has a graphical interface1 and a terminal2 for the shell.\n\n"
            "https://example.org/wiki/one\n\n"
            "https://example.org/wiki/two\n\n"
            "1See\n\n"
            "2See\n\n"
            "3See\n")
    doc = normalise(text)
    assert decisions(doc, "footnotes", "reassemble") == []


@pytest.mark.parametrize("text", [
    "See https://example.org/a", "See https://example.org/a.", "see example.org/a/b", "the end.",
    "https://example.org/", "x https://example.org/a ", "", "(https://example.org/a", "a/b c",
    "word path/to/file", "www.example.org"])
def test_ends_with_url_searches_only_the_last_token_with_the_same_answer(text):
    from seedconv.passes.footnotes import _ENDS_WITH_URL, _ends_with_url
    assert _ends_with_url(text) is bool(_ENDS_WITH_URL.search(text))


def test_call_glued_before_a_hyphenated_word():
    assert find_calls("Der less(1)5-Befehl ist", 5, set()) == [(11, 12, "5")]
    assert find_calls("pages 3-4 and 5-6", 3, set()) == []


def test_label_column_of_one_does_not_swallow_the_next_labelled_note():
    """Corpus document (PyMuPDF): label ``5`` alone, then its text, then
    ``6`` and its text: two notes, each with its call."""
    from pathlib import Path
    import seedconv
    doc = seedconv.normalise_file(Path(__file__).parent / "corpus/docs/de_lo_1col_pymupdf.txt")
    assert [n.label for n in doc.notes] == ["1", "2", "3", "4", "5", "6"]
    assert doc.notes[-1].paragraphs[0][-1].url == "https://de.wikipedia.org/wiki/Emacs"


def test_block_of_labels_only_stays_one_label_column():
    """pdfminer: ``1`` / ``2`` in one block, then their texts: both labels
    are the notes' (the first was once cut off and left in the body)."""
    text = ("The tool grep-dctrl(1)1 searches the lists and apt-file(1)2 finds files.\n\n"
            "1\n2\n\n"
            "See https://example.org/grep-dctrl.1\n"
            "See https://example.org/apt-file.1\n\n"
            "The dpkg tool is the lowest layer of the package manager.\n")
    doc = normalise(text)
    assert [n.label for n in doc.notes] == ["1", "2"]
    assert [b[1] for b in blocks(doc)][-1] == "The dpkg tool is the lowest layer of the package manager."


def test_line_numbers_of_a_lost_listing_are_not_note_labels():
    """pdftotext: a listing's code lost, its line numbers ``1`` … ``4`` left
    in a block of their own before only one call: not the labels of notes
    never called; removed (and recorded), and the real note at the foot
    keeps its number."""
    text = ("The lists1 are read first. Use a source like the following:\n\n"
            "1\n2\n3\n4\n\n"
            "The mirror can be replaced by a closer one near you.\n\n"
            "1 See https://example.org/sources.list.5\n")
    doc = normalise(text)
    assert [n.label for n in doc.notes] == ["1"]
    assert [t for _, t, _ in furniture(doc)] == ["1", "2", "3", "4"]
    assert "The mirror can be replaced by a closer one near you." in [b[1] for b in blocks(doc)]


def test_label_column_after_its_calls_is_kept():
    """The same column after calls 1 … 3: labels of those notes."""
    text = ("The lists1 are read2 first. Use a source3 like the following.\n\n"
            "1\n2\n3\n\n"
            "See https://example.org/a\nSee https://example.org/b\nSee https://example.org/c\n")
    doc = normalise(text)
    assert [n.label for n in doc.notes] == ["1", "2", "3"]
    assert not furniture(doc)


def test_note_whose_call_was_lost_is_a_note_after_another_note():
    text = ("The desktop has a graphical interface1 and six consoles of type VT100 that\n"
            "can be used at any time by every user of the system.\n"
            "\n1See https://example.org/gui\n\n"
            "2See https://example.org/vt100\n")
    doc = normalise(text)
    assert notes(doc) == [("1", "See <https://example.org/gui>"), ("2", "See <https://example.org/vt100>")]


def test_address_of_a_note_continued_in_the_next_block_is_one_address():
    text = ("The reference manual1 explains it all, and the policy2 too.\n\n"
            "1 A. Author, “Reference”, Documentation Project, 2024, https://example.org/doc/manual/\n\n"
            "ch02.en.html\n\n"
            "2 See https://example.org/policy\n")
    doc = normalise(text)
    assert notes(doc)[0] == ("1", "A. Author, “Reference”, Documentation Project, 2024, "
                                  "<https://example.org/doc/manual/ch02.en.html>")


def _uncalled_last(last_line: str) -> str:
    return (para(0).rstrip("\n") + " as the manual says.1\n"
            "1 See https://www.example.org/manual/tools.html\n\f"
            + para(1) + para(2).rstrip("\n") + " and more.\n" + last_line + "\n")


def test_citation_last_in_the_document_with_the_next_number_is_a_note_without_call():
    doc = normalise(_uncalled_last("2 See https://bugs.example.org/516394"))
    assert notes(doc) == [("1", "See <https://www.example.org/manual/tools.html>"),
                          ("2", "See <https://bugs.example.org/516394>")]
    assert any(d.code == "note-without-call" for d in doc.diagnostics)


def test_numbered_line_last_in_the_document_that_is_no_citation_stays_text():
    doc = normalise(_uncalled_last("2 Repeat the steps above for every machine."))
    assert len(notes(doc)) == 1


def _labels_lost(foot: str) -> str:
    # the calls survive, the labels of the note texts at the page foot do not
    return (para(0).rstrip("\n") + " as the manual says.1\n" + para(1).rstrip("\n")
            + " and the preferences file. 2 The next sentence.\n\n" + foot
            + "\n\n© 2024 Jane Roe. GPL-2.0-or-later.\n\n7\n\f" + para(2))


def test_note_texts_whose_labels_were_lost_take_the_numbers_of_their_calls():
    doc = normalise(_labels_lost("Jane Roe, “The Manual”, Documentation Project, 2024, https://www.example.org/doc/m\n"
                                 "manual.html\nSee https://www.example.org/man/preferences.5"))
    assert [n for n, _ in notes(doc)] == ["1", "2"]
    assert notes(doc)[1] == ("2", "See <https://www.example.org/man/preferences.5>")
    assert [a for a, *_ in decisions(doc, "footnotes") if a == "note-label-lost"] == ["note-label-lost"] * 2


def test_more_citations_than_open_calls_are_not_numbered():
    doc = normalise(_labels_lost("See https://www.example.org/one\nSee https://www.example.org/two\n"
                                 "See https://www.example.org/three"))
    assert notes(doc) == []


def _short_note(label_line: str) -> str:
    return ("The policy for this language is described in the manual of the project.1\n\n"
            + label_line + "\nperl-policy/\n\f" + para(1))


def test_short_note_with_its_label_glued_is_a_note_although_it_looks_like_a_heading():
    doc = normalise(_short_note("1See"))
    assert notes(doc) == [("1", "See perl-policy/")]


def test_numbered_heading_with_a_space_is_not_taken_for_a_called_note():
    doc = normalise(_short_note("1 Perl policy"))
    assert notes(doc) == []


def _label_run(after: str) -> str:
    return ("The rewrite of this tutorial is available as the new guide.1 Please use it\n"
            "instead of this one, as the manual says.2\n\n1\n2\n" + after + "\n\f" + para(1))


def test_labels_printed_one_per_block_before_the_note_texts():
    # (the labels and texts in one block, as double spacing undone leaves them)
    doc = normalise(_label_run("Jane Roe, “The Guide”, Documentation Project, 2024, https://www.example.org/doc/m\n"
                               "aint-guide/start.html\nSee https://www.example.org/manual/"))
    assert [n for n, _ in notes(doc)] == ["1", "2"]
    assert notes(doc)[1] == ("2", "See <https://www.example.org/manual/>")
    assert not any(b[1] in ("1", "2") for b in blocks(doc))


def test_lone_numbers_before_paragraphs_are_not_labels():
    doc = normalise(_label_run(para(2) + "\n" + para(3)))
    assert notes(doc) == []


def test_label_blocks_pairs_labels_with_the_note_texts_that_follow():
    from seedconv.passes.base import Frag, Line
    from seedconv.passes.footnotes import _label_blocks

    texts = ["1", "2", "Jane Roe, “The Guide”, 2024, https://www.example.org/doc/m", "aint-guide/start.html",
             "See https://www.example.org/manual/", "The body goes on here with more text."]
    frags = [Frag(lines=[Line(no=k + 1, text=t)]) for k, t in enumerate(texts)]
    assert _label_blocks(frags, 0, 1) == (2, [[2, 3], [4]])
    assert _label_blocks(frags, 0, 2) is None      # not the expected number
    assert _label_blocks(frags[:1] + frags[2:], 0, 1) is None  # one label alone


def _glued_to_address(note_url: str) -> str:
    return ("The guide is online at http://www.example.org/doc/guide/2 and in the package.1\n\n"
            "1 Jane Roe, “The Guide”, 2024, https://www.example.org/guide.html\n"
            "2 See " + note_url + "\n\f" + para(1))


def test_call_glued_to_the_address_its_note_gives():
    doc = normalise(_glued_to_address("http://www.example.org/doc/guide/"))
    assert blocks(doc)[0][1].startswith("The guide is online at <http://www.example.org/doc/guide/>[^2] and")


def test_number_ending_an_address_is_kept_when_the_note_gives_another():
    doc = normalise(_glued_to_address("http://www.example.org/other/"))
    assert blocks(doc)[0][1].startswith("The guide is online at <http://www.example.org/doc/guide/2> and")


def test_is_open_is_the_plain_pattern_test():
    """is_open's cheap tests give what the patterns give on the whole end."""
    import random

    from seedconv.passes import footnotes as fn

    def plain(text):
        t = fn._TRAILING_CALL.sub("", text[-4096:].rstrip()[-1024:])
        if fn._ENDS_WITH_URL.search(t):
            return False
        return bool(t) and not fn._TERMINAL.search(t)

    assert {c for c in map(chr, range(0x3000)) if fn._TERMINAL.fullmatch(c)} == set(fn._TERMINAL_CHARS)
    parts = ["word", "Word.", " ", "\n", "\u00a0", "1", "12", "1234", "*", "**", "†", "‡", ".", "?", "”",
             "\"", ")", "]", "»", "’", "…", "http://a.b/c", "www.x.org", "WWW.X.ORG", "a/b", "x.com", "/",
             "-", "é", ",", ":", "(", "٣"]
    rng = random.Random(1)
    for _ in range(20000):
        t = "".join(rng.choice(parts) for _ in range(rng.randint(0, 8)))
        assert fn.is_open(t) == plain(t), repr(t)


def test_number_glued_to_a_name_is_not_the_call_when_the_sentence_end_carries_it():
    calls = find_calls("Install the package libpaper1 which asks for the paper size.1 It is kept.", 1, set())
    assert [(lab, a) for a, _, lab in calls] == [("1", 60)]


def test_number_glued_to_a_word_is_the_call_when_nothing_surer_follows():
    calls = find_calls("Install the package libpaper1 which asks for the paper size. It is kept.", 1, set())
    assert [lab for *_, lab in calls] == ["1"]


def test_call_inside_a_compound_leaves_no_space_before_its_hyphen():
    text = ("Der less(1)1 -Befehl ist ein erweiterter Pager für den Inhalt der Dateien im System.\n\n"
            "1 Siehe https://manpages.example.org/less.1\n\f" + para(1))
    doc = normalise(text)
    assert blocks(doc)[0][1].startswith("Der less(1)[^1]-Befehl ist")


def test_call_before_a_dash_set_apart_keeps_the_space():
    text = ("The pager shows the file.1 - It is very useful for the contents of the files.\n\n"
            "1 See https://manpages.example.org/less.1\n\f" + para(1))
    doc = normalise(text)
    assert "file.[^1] - It" in blocks(doc)[0][1]


def test_note_with_a_hanging_indent_keeps_its_address_whole():
    # pdftotext -layout: the note's second line aligns after its label
    text = (para(0) + "See the reference manual.1\n\n"
            "1    A. Author, Reference manual, 2024, https://www.example.org/doc/manuals/reference/\n"
            "     ch02.en.html\n")
    doc = normalise(text)
    [note] = doc.notes
    links = [x.url for x in note.paragraphs[0] if type(x).__name__ == "Link"]
    assert links == ["https://www.example.org/doc/manuals/reference/ch02.en.html"]


def test_call_in_a_heading_is_linked():
    text = ("The Perl policy1\n\n"
            "Some languages have rules of their own, and the packages written in them follow\n"
            "those rules as well as the general policy of the archive.\n\n"
            "1 See https://example.org/perl-policy/\n")
    doc = normalise(text)
    h = doc.blocks[0]
    assert type(h).__name__ == "Heading"
    assert [type(x).__name__ for x in h.content] == ["Text", "NoteRef"]
    assert h.content[1].note == doc.notes[0].id


def test_number_in_a_heading_without_a_note_stays_text():
    text = ("Windows 2000 and the archive\n\n"
            "Some systems have rules of their own, and the packages written for them follow\n"
            "those rules as well as the general policy of the archive.\n")
    doc = normalise(text)
    assert all(type(x).__name__ == "Text" for x in doc.blocks[0].content)


def test_label_column_inside_a_block_before_the_note_texts():
    # double spacing undone at a page foot: body lines, the labels, the texts
    body = ["The wiki of the project1 and the manual page2 of the helper script say",
            "more about it, and the maintainers answer the questions of newcomers",
            "on the mailing list of the project every day of the week, in",
            "1", "2",
            "See https://wiki.example.org/Help",
            "See https://manpages.example.org/dh_make.8"]
    filler = ["The project keeps its documentation in several places, and a newcomer",
              "who wants to build a first package should read the guide for new",
              "maintainers from its start to its end before asking anything at all.",
              "The guide explains the tools, the rules of the archive and the way",
              "in which a package moves from the unstable suite to the next release."] * 2
    doc = normalise("Getting help\n\n" + "\n\n".join(filler + body) + "\n")
    assert [(n.label, n.paragraphs[0][-1].url) for n in doc.notes] == \
        [("1", "https://wiki.example.org/Help"), ("2", "https://manpages.example.org/dh_make.8")]
    assert blocks(doc)[-1][1].endswith("every day of the week, in")


def test_one_number_inside_a_block_before_an_address_is_not_a_label_column():
    text = ("The release was numbered\n\n"
            "7\n\n"
            "See https://www.example.org/releases/ for the list of all the releases.\n")
    doc = normalise(text)
    assert doc.notes == []


def _cut_by_notes(note_end: str, body_end: str, tail: str) -> str:
    # pymupdf: the notes at the foot of the left column, then the right
    # column goes on with the paragraph the notes cut, in one block
    return (para(0) + "\nSee the manual,1 where you will find a complete list of the mailing lists" + body_end
            + "\n1. Jane Roe et al., \"The FAQ\", Documentation Project, 2024, https://www.example.org/\n"
            + (note_end + "\n" if note_end else "") + tail
            + "\nSubscribing to a list is done by sending a message to its address.\n")


@pytest.mark.parametrize("note_end", ["doc/manuals/faq.html", ""])  # (or the address ends with a slash)
def test_lower_case_line_after_a_complete_address_goes_on_with_the_cut_paragraph(note_end):
    doc = normalise(_cut_by_notes(note_end, "", "in the file /usr/share/doc/lists.txt."))
    assert notes(doc) == [("1", "Jane Roe et al., \"The FAQ\", Documentation Project, 2024, "
                                f"<https://www.example.org/{note_end}>")]
    assert ("p", "See the manual,[^1] where you will find a complete list of the mailing lists in the file "
                 "/usr/share/doc/lists.txt.") in blocks(doc)


@pytest.mark.parametrize("note_end, body_end, tail", [
    ("doc/manuals/", "", "faq.html in the file /usr/share/doc/lists.txt."),   # the address cut after a slash
    ("doc/manuals/faq.html", ".", "in the file /usr/share/doc/lists.txt."),   # the paragraph was finished
    ("doc/manuals/faq.html", "", "devscripts lists them in /usr/share/doc/lists.txt."),  # no common word
])
def test_note_ending_with_an_address_goes_on(note_end, body_end, tail):
    doc = normalise(_cut_by_notes(note_end, body_end, tail))
    assert not [a for a, *_ in decisions(doc, "footnotes") if a == "note-area-ends"]


@pytest.mark.parametrize("tail, goes_on", [
    ("in the file /usr/share/doc/lists.txt.", True),
    ("devscripts lists them in /usr/share/doc/lists.txt.", False),   # no common word
])
def test_lower_case_line_after_an_address_broken_over_the_notes_last_lines(tail, goes_on):
    # pypdf: the note's address breaks 'ch-' | 'controlfields.html', then the
    # paragraph the notes cut goes on
    text = (para(0) + "\nSee the manual,1 where you will find a complete list of the mailing lists\n"
            "1 See http://www.example.org/doc/policy/ch-\ncontrolfields.html\n" + tail +
            "\nSubscribing to a list is done by sending a message to its address.\n")
    doc = normalise(text)
    ends = [a for a, *_ in decisions(doc, "footnotes") if a == "note-area-ends"]
    assert bool(ends) is goes_on
    if goes_on:
        assert notes(doc) == [("1", "See <http://www.example.org/doc/policy/ch-controlfields.html>")]


def test_address_rest_after_a_broken_body_word_goes_on_with_the_body():
    # pypdf: note 1 ends with an address ending with '/'; a page later a body
    # line breaks 'debian/sour-' and, after the running head, 'ce/format.' goes on
    text = ("The announcements are listed on the web site.1 They help the maintainers.\n"
            "1 See https://www.example.org/devel/wnpp/\n\x0c" + para(0) +
            "It is better to be explicit about the format by writing it into debian/sour-\n97\n\x0c"
            "ce/format. The rest of this section is about other packages only.\n\n" + para(1))
    doc = normalise(text)
    assert notes(doc) == [("1", "See <https://www.example.org/devel/wnpp/>")]
    assert any("writing it into debian/source/format. The rest of this section" in t for _, t in blocks(doc))


def _short_label_line(after: str) -> str:
    return ("The resources of the project are described in the reference.1 They are many.\n\n"
            "1     " + after + "\n\n")


def test_short_line_opening_a_note_joins_the_citation_cut_from_it():
    # pdftotext on a narrow column: '1 Jane' / 'Roe,' / '"Reference",' / ... a word a line
    doc = normalise(_short_label_line("Jane") + "Roe,\n\"The Reference\",\nDocumentation\nProject,\n2024,\n"
                    "https://www.example.org/ref.html\n\n" + para(0))
    assert notes(doc) == [("1", "Jane Roe, \"The Reference\", Documentation Project, 2024, "
                                "<https://www.example.org/ref.html>")]


def test_numbered_heading_before_a_paragraph_with_an_address_is_no_note():
    # pdftotext -layout: a section number and heading, then prose giving an address
    prose = ("If you want to make a new package for the distribution, you should check the list of\n"
             "packages that need work first. Checking the list makes sure that nobody is already\n"
             "working on it and that the effort is not duplicated. Read the pages of the list\n"
             "(https://www.example.org/devel/wnpp/) for more information on how it is kept up to date.\n")
    doc = normalise(_short_label_line("New packages") + prose + "\n" + para(0)
                    + "\n1 See https://www.example.org/reference\n")
    assert ("h2", "1 New packages") in blocks(doc)
    assert notes(doc) == [("1", "See <https://www.example.org/reference>")]


def test_body_line_before_a_glued_note_label_is_no_note_whose_label_was_lost():
    # pymupdf: a paragraph's last line at the page foot, then note 1 with its label glued
    text = (para(0) + "The channel is open to everybody,1 so do not speak there of private matters.\n"
            "There is another channel for this\n"
            "1See https://www.example.org/channels/\n\x0c"
            "purpose, and it is protected by a key that only the members of the project know.\n\n" + para(0))
    doc = normalise(text)
    assert notes(doc) == [("1", "See <https://www.example.org/channels/>")]


_LINEA = ("Para empezar, usa la herramienta debhelper1 primero y lee su manual con calma.\n\n"
          "La línea 2 describe cómo de importante es el paquete para el usuario.\n\n"
          "El programa dpkg-gencontrol(1)2 la rellenará con el valor apropiado.\n\n"
          "1 Véase https://example.org/a\n2 Véase https://example.org/b\n")


def test_number_set_apart_is_not_the_call_when_a_glued_call_of_it_follows():
    """``La línea 2 describe`` (a number set apart after a word: a weak
    call) and, a block later, ``dpkg-gencontrol(1)2 la`` (glued after a
    parenthesis): the glued one is the call."""
    import seedconv
    md = seedconv.render(normalise(_LINEA), "md").decode()
    assert "La línea 2 describe" in md
    assert "dpkg-gencontrol(1)[^2] la" in md


def test_number_set_apart_stays_the_call_without_a_glued_one():
    import seedconv
    md = seedconv.render(normalise(_LINEA.replace("(1)2", "(1)")), "md").decode()
    assert "La línea[^2] describe" in md


def test_a_decimal_number_is_not_a_surer_call():
    """``Sección 1.2,`` later is a section number, not call 2."""
    import seedconv
    md = seedconv.render(normalise(_LINEA.replace("(1)2", "(1), véase Sección 1.2,")), "md").decode()
    assert "La línea[^2] describe" in md


@pytest.mark.parametrize("body, note, linked", [
    ("The system offers six consoles of type VT1002 that you can switch between.",
     "See https://en.wikipedia.org/wiki/VT100", "VT100[^2] that"),
    ("More on the new formats of the packages is given in DebSrc3.0.2 In fact, the",
     "See http://wiki.example.org/Projects/DebSrc3.0", "DebSrc3.0.[^2] In fact"),
    ("The system offers six consoles of type VT100 2 that you can switch between.",
     "See https://en.wikipedia.org/wiki/VT100", "VT100[^2] that"),
    # the note's address ends with another name: the number stays part of the name
    ("The system offers six consoles of type VT1002 that you can switch between.",
     "See https://en.wikipedia.org/wiki/Terminal", "VT1002 that"),
])
def test_call_glued_to_a_name_ending_with_a_digit_that_its_note_address_ends_with(body, note, linked):
    text = ("The project was started many years ago by a small group.1 " + body +
            "\nIt was like that from the start of the project and it stays so today.\n\n"
            "1 The history of the project, 2020.\n2 " + note + "\n")
    assert linked in blocks(normalise(text))[0][1]
