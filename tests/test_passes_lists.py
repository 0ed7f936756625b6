"""lists: bullets from private-use glyphs and '•', dash bullets, numbered
items (gaps allowed), bullets whose glyph was lost."""
from __future__ import annotations

import pytest

from conftest import blocks, decisions, normalise, para, para_text
from seedconv.passes.lists import BULLET, ORDERED

ITEMS = ["to halt any plans to demolish the houses;",
         "to promptly carry out an independent investigation;",
         "to release all detained activists."]


@pytest.mark.parametrize("glyph", ["\uf0b7", "\uf0a7", "•", "◦", "▪", "●", "·", "➢", "*"])
def test_bullet_glyphs(glyph):
    text = (para(0) + "\nWe call on the authorities:\n"
            + "".join(f"{glyph} {item}\n" for item in ITEMS) + "\n" + para(1))
    doc = normalise(text)
    assert blocks(doc) == [("p", para_text(0)), ("p", "We call on the authorities:"),
                           ("bullet", [(None, item) for item in ITEMS]), ("p", para_text(1))]
    assert [(a, ln, after) for a, ln, _, after in decisions(doc, "lists")] == [
        ("bullet-item", (5, 5), ITEMS[0][:40]), ("bullet-item", (6, 6), ITEMS[1][:40]),
        ("bullet-item", (7, 7), ITEMS[2][:40])]


def test_private_use_bullet_glyph_without_space():
    text = para(0) + "\nWe call on the authorities:\n" + "".join(f"\uf0b7{item}\n" for item in ITEMS)
    doc = normalise(text)
    assert blocks(doc)[-1] == ("bullet", [(None, item) for item in ITEMS])


def test_bullet_item_continued_on_the_next_line():
    text = (para(0) + "\nThe report makes two points:\n"
            "• the canals that bring water to the southern fields are old and leak badly,\n"
            "so much of the water never reaches the farms;\n"
            "• the farmers cannot afford new pumps.\n\n" + para(1))
    doc = normalise(text)
    assert blocks(doc)[2] == ("bullet", [
        (None, "the canals that bring water to the southern fields are old and leak badly, "
               "so much of the water never reaches the farms;"),
        (None, "the farmers cannot afford new pumps.")])


def test_dash_bullets_need_two_lines():
    text = (para(0) + "\nThe report makes two points:\n– water is scarce\n– canals are old\n\n" + para(1))
    assert blocks(normalise(text))[2] == ("bullet", [(None, "water is scarce"), (None, "canals are old")])


def test_single_dash_line_is_not_a_list():
    text = (para(0) + "\nThe minister said one thing only:\n– we will not give up.\n\n" + para(1))
    doc = normalise(text)
    assert [k for k, _ in blocks(doc)] == ["p", "p", "p"]
    assert decisions(doc, "lists") == []


def test_numbered_items_with_gaps():
    text = (para(0) + "\nThe following people were detained:\n"
            "1. Annadurdy Khadjiev, a journalist from Ashgabat.\n"
            "4. Adaem Çevik, a student at the university.\n"
            "5. Maral Orazova, a teacher from Mary.\n\n" + para(1))
    doc = normalise(text)
    assert blocks(doc) == [
        ("p", para_text(0)), ("p", "The following people were detained:"),
        ("ordered", [("1", "Annadurdy Khadjiev, a journalist from Ashgabat."),
                     ("4", "Adaem Çevik, a student at the university."),
                     ("5", "Maral Orazova, a teacher from Mary.")]),
        ("p", para_text(1))]
    assert [(a, ln, after) for a, ln, _, after in decisions(doc, "lists")] == [
        ("ordered-item", (5, 5), "1"), ("ordered-item", (6, 6), "4"), ("ordered-item", (7, 7), "5")]


def test_numbered_items_as_separate_blocks():
    text = (para(0) + "\n1) Repair the canals in the south.\n\n2) Build new schools in the villages.\n\n"
            "3) Open the border crossings to trade.\n\n" + para(1))
    doc = normalise(text)
    assert blocks(doc)[1] == ("ordered", [("1", "Repair the canals in the south."),
                                          ("2", "Build new schools in the villages."),
                                          ("3", "Open the border crossings to trade.")])


def test_lone_numbered_paragraph_is_neither_list_nor_note():
    text = (para(0) + "\n" + para(1) + "\n1. The first point is that the canals are old and leak badly.\n\n"
            + para(2))
    doc = normalise(text)
    assert doc.notes == []
    assert blocks(doc) == [("p", para_text(0)), ("p", para_text(1)),
                           ("p", "1. The first point is that the canals are old and leak badly."),
                           ("p", para_text(2))]


def test_lost_bullet_glyphs_after_a_colon():
    text = (para(0) + "\n" + para(1) + "\n" + para(2) + "\nWe call on the authorities:\n"
            + "".join(f" {item}\n" for item in ITEMS[:2]) + "\n" + para(3))
    doc = normalise(text)
    assert blocks(doc) == [("p", para_text(0)), ("p", para_text(1)), ("p", para_text(2)),
                           ("p", "We call on the authorities:"),
                           ("bullet", [(None, ITEMS[0]), (None, ITEMS[1])]), ("p", para_text(3))]
    assert [(a, ln) for a, ln, *_ in decisions(doc, "lists")] == [
        ("bullet-item-lost-glyph", (11, 11)), ("bullet-item-lost-glyph", (12, 12))]


def test_lists_can_be_switched_off():
    text = para(0) + "\nWe call on the authorities:\n" + "".join(f"• {item}\n" for item in ITEMS)
    doc = normalise(text, lists=False)
    assert decisions(doc, "lists") == []
    assert all(k == "p" for k, _ in blocks(doc))


@pytest.mark.parametrize("line, groups", [
    ("\uf0b7 item", ("\uf0b7", "item")), ("• item", ("•", "item")), ("- item", ("-", "item")),
    ("-item", None), ("* item", ("*", "item")), ("x item", None),
])
def test_bullet_regex(line, groups):
    m = BULLET.match(line)
    assert (m.groups() if m else None) == groups


@pytest.mark.parametrize("line, groups", [
    ("1. Foo", ("1", "Foo")), ("12) Bar", ("12", "Bar")), ("a) baz", ("a", "baz")),
    ("2019 was a year", None), ("1.5 million", None), ("1234. Foo", None),
])
def test_ordered_regex(line, groups):
    m = ORDERED.match(line)
    assert (m.groups() if m else None) == groups


def test_items_cut_at_semicolons_become_bullet_items():
    text = ("Here are some pieces of advice for the new administrators of the systems:\n"
            "do not include the testing or unstable suites in the list of sources;\n"
            "do not mix the standard archive with other archives such as the ones of others;\n"
            "do not create the preferences file before you know what it does;\n"
            "do not install random packages with the low level tools of the system.\n\n"
            "The next paragraph starts here and it goes on for a while with more words.\n")
    doc = normalise(text)
    bl = blocks(doc)
    items = [b for b in bl if b[0] == "bullet"]
    assert items and [t for _, t in items[0][1]] == [
        "do not include the testing or unstable suites in the list of sources;",
        "do not mix the standard archive with other archives such as the ones of others;",
        "do not create the preferences file before you know what it does;",
        "do not install random packages with the low level tools of the system."]
    assert decisions(doc, "lists", "bullet-item-cut")


def test_capitalised_block_after_cut_items_stays_a_paragraph():
    text = ("Here are some pieces of advice for the new administrators of the systems:\n"
            "do not include the testing or unstable suites in the list of sources;\n"
            "do not mix the standard archive with other archives such as the ones of others;\n"
            "The archive is described in the next section of this short document.\n\n"
            "The next paragraph starts here and it goes on for a while with more words.\n")
    doc = normalise(text)
    assert ("p", "The archive is described in the next section of this short document.") in blocks(doc)


def test_dash_items_one_per_block_are_bullet_items():
    text = (para(0) + "\nThere are several ways to set the target release of the archive:\n\n"
            "— the configuration file with the default release line set to testing\n\n"
            "— the command line option given to the package tool, for example testing\n\n" + para(1))
    doc = normalise(text)
    items = [b for b in blocks(doc) if b[0] == "bullet"]
    assert items and [t for _, t in items[0][1]] == [
        "the configuration file with the default release line set to testing",
        "the command line option given to the package tool, for example testing"]


def test_lone_dash_block_is_not_an_item():
    text = (para(0) + "\n— the configuration file with the default release line set to testing\n\n" + para(1))
    doc = normalise(text)
    assert not any(b[0] == "bullet" for b in blocks(doc))


def test_dash_items_cut_by_blank_lines_are_bullet_items():
    # double-spaced extraction: each item's second line is a block of its own
    text = (para(0) + "\nThere are several ways to set the target release of the archive:\n\n"
            "— the configuration file with the default release line set to testing, as\n\n"
            "shown in the example above\n\n"
            "— the command line option given to the package tool, for example\n\n"
            "testing or unstable\n\n" + para(1))
    doc = normalise(text)
    items = [b for b in blocks(doc) if b[0] == "bullet"]
    assert items and [t for _, t in items[0][1]] == [
        "the configuration file with the default release line set to testing, as shown in the example above",
        "the command line option given to the package tool, for example testing or unstable"]


def test_dash_blocks_apart_are_not_items():
    # two dash blocks with a capitalised paragraph between: not one list
    text = (para(0) + "\n— the configuration file with the default release line set to testing\n\n"
            + para(2) + "\n— the command line option given to the package tool, for example\n\n" + para(1))
    doc = normalise(text)
    assert not any(b[0] == "bullet" for b in blocks(doc))


def test_first_dash_item_at_the_end_of_its_paragraph():
    # no break before the first item; the next items open blocks of their own
    text = (para(0) + "\nFrom this account you can do the following operations:\n"
            "— read, write and delete any file of the system, whatever its\npermissions;\n\n"
            "— set the owner and the permissions of any file of the system;\n\n"
            "— log in to any account without its password.\n\n" + para(1))
    doc = normalise(text)
    assert blocks(doc)[1] == ("p", "From this account you can do the following operations:")
    items = [b for b in blocks(doc) if b[0] == "bullet"]
    assert items and [t for _, t in items[0][1]][0] == \
        "read, write and delete any file of the system, whatever its permissions;"


def test_dash_at_a_line_start_inside_a_sentence_stays():
    # the line before does not end a clause: a dash wrapped to the next line
    text = (para(0) + "\nThe account can do everything on the system, and this power\n"
            "— unlimited as it is — asks for care from the administrator.\n\n"
            "— set the owner and the permissions of any file of the system;\n\n" + para(1))
    doc = normalise(text)
    assert blocks(doc)[1][0] == "p" and "this power — unlimited" in blocks(doc)[1][1]


def test_first_dash_item_continued_by_a_block_opening_with_a_quote():
    text = (para(0) + "\nThere are several ways to set the target release:\n"
            "— the configuration file with the line « APT::Default-Release\n\n"
            "\"stable\"; »\n\n"
            "— the command line option, for example « apt-get install -t testing »\n\n" + para(1))
    doc = normalise(text)
    items = [b for b in blocks(doc) if b[0] == "bullet"]
    assert items and len(items[0][1]) == 2
    assert items[0][1][0][1].startswith("the configuration file with the line")


def test_capitalised_line_after_one_line_items_ends_the_list():
    text = (para(0) + "\nThe package fields compare as follows:\n"
            "— Essential: yes > no\n— Section: main > contrib > non-free\n"
            "— Tasks: packages listed in tasks such as « Desktop environment »\n"
            "Debian is a volunteer project with a distributed model of development,\n"
            "so its archive holds many packages of different aims and quality.\n\n" + para(1))
    doc = normalise(text)
    items = [b for b in blocks(doc) if b[0] == "bullet"]
    assert items and len(items[0][1]) == 3
    assert ("p", "Debian is a volunteer project with a distributed model of development, so its archive "
                 "holds many packages of different aims and quality.") in blocks(doc)


def test_wrapped_item_keeps_its_capitalised_second_line():
    text = (para(0) + "\nThe package fields compare as follows:\n"
            "— Essential: yes > no\n— Priority: required > important > standard > optional\n"
            "— Section: main > contrib > non-free, in the order set out by the\n"
            "Debian Policy Manual, its second chapter\n\n" + para(1))
    items = [b for b in blocks(normalise(text)) if b[0] == "bullet"]
    assert items[0][1][-1][1] == ("Section: main > contrib > non-free, in the order set out by the Debian "
                                  "Policy Manual, its second chapter")


TERMS = ["Depends: the program is not installed unless the packages it depends on are installed.",
         "Recommends: for packages that are not strictly needed but are usually used with it.",
         "Suggests: for packages that work well with the program but are not needed at all."]


def test_blocks_opening_with_a_term_and_a_colon_after_a_colon_are_items():
    doc = normalise(para(0) + "\nHere is a simplified description of the relations between packages:\n\n"
                    + "\n\n".join(TERMS) + "\n\n" + para(1))
    assert ("bullet", [(None, t) for t in TERMS]) in blocks(doc)


def test_one_block_opening_with_a_term_after_a_colon_is_a_paragraph():
    doc = normalise(para(0) + "\nHere is a simplified description of the relations between packages:\n\n"
                    + TERMS[0] + "\n\n" + para(1))
    assert not any(k == "bullet" for k, _ in blocks(doc))


_SEMICOLON_ITEMS = ("Before building, do the following:\n\n"
                    "• rename the files that are used as templates;\n\n"
                    "• change the control file if it needs it (see Section 4.1, «The control\n"
                    "file»);\n\n"
                    "• change the rules file if it needs it (see Section 4.4, «The rules file»)%s\n"
                    "Any configuration file without a package prefix belongs to the first\n"
                    "binary package of the source.\n")


def test_capitalised_line_after_items_ending_with_semicolons_ends_the_list():
    """pypdf: items cut apart (one block each), each ending with ';', the
    last followed on its next line by the text after the list."""
    doc = normalise(_SEMICOLON_ITEMS % ";")
    assert blocks(doc)[-1] == ("p", "Any configuration file without a package prefix belongs to the first "
                                    "binary package of the source.")
    assert decisions(doc, "lists", "list-end")


def test_item_ending_with_a_full_stop_goes_on():
    """An item may hold two sentences: after a full stop the capitalised
    line may be its own."""
    doc = normalise(_SEMICOLON_ITEMS % ".")
    assert not decisions(doc, "lists", "list-end")


_WAYS = ("You can help the project in several different ways, as the next lines show:\n\n"
         "taking over orphaned packages that other users still depend on\nin their daily tasks\n\n"
         "joining the teams of developers.\n\n"
         "fixing the bugs of the most popular packages\n\n"
         "If the package is new and you would like to see it in the archive, read on.\n")


def test_short_lower_case_blocks_after_a_colon_are_items_whose_bullets_were_lost():
    doc = normalise(_WAYS)
    assert blocks(doc)[1] == ("bullet", [(None, "taking over orphaned packages that other users still depend on "
                                                "in their daily tasks"),
                                         (None, "joining the teams of developers."),
                                         (None, "fixing the bugs of the most popular packages")])
    assert blocks(doc)[2][0] == "p"


def test_one_lower_case_block_after_a_colon_is_no_list():
    text = ("Install the package with the command shown here:\n\n"
            "where the name is the one of the package.\n\n"
            "If the package is new and you would like to see it in the archive, read on.\n")
    assert [k for k, _ in blocks(normalise(text))] == ["p", "p", "p"]
