"""dropped_hyphens: a word's own hyphen the extractor deleted comes back
where the document prints the same word with its hyphen elsewhere."""
from __future__ import annotations

import pytest

from conftest import blocks, decisions, normalise


def _doc(first: str, second: str):
    return normalise(first + "\n\n" + second + "\n")


def test_hyphen_restored_from_the_same_word_printed_with_it():
    doc = _doc("Install the build-essential package before anything else on the machine.",
               "The buildessential package pulls in the compiler and the other tools.")
    assert blocks(doc)[1] == ("p", "The build-essential package pulls in the compiler and the other tools.")
    assert decisions(doc, "dropped_hyphens") == [("restore-hyphen", (3, 3), "buildessential", "build-essential")]


def test_case_as_printed_is_kept():
    doc = _doc("Keep your Debian-System up to date with the package tools of the project.",
               "HOW TO KEEP MY DEBIANSYSTEM UP TO DATE")
    assert "DEBIAN-SYSTEM" in blocks(doc)[1][1]


def test_known_word_is_not_changed():
    doc = _doc("You may re-use the packages of the archive when you build your own system.",
               "The reuse of free software is what the project is about in the first place.")
    assert decisions(doc, "dropped_hyphens") == []


def test_address_and_hyphenated_compound_are_not_changed():
    doc = _doc("The Mailing-Lists page and the Spiegel-Server list are on the web site of it.",
               "See https://www.example.org/MailingLists/subscribe and the Debian-Spiegelserver page.")
    assert decisions(doc, "dropped_hyphens") == []


def test_two_hyphenations_of_the_same_letters_are_no_evidence():
    doc = _doc("The build-essential package and the builde-ssential typo appear in the text.",
               "The buildessential package pulls in the compiler and the other tools.")
    assert decisions(doc, "dropped_hyphens") == []


def test_line_end_hyphen_is_no_evidence():
    doc = _doc("Install the package called build-\nessential before anything else on the machine.",
               "The buildessential package pulls in the compiler and the other tools.")
    assert decisions(doc, "dropped_hyphens") == []


def test_address_repeating_a_hyphenated_slug_gets_its_hyphen_back():
    doc = _doc("The tutorial is online.",
               "See http://www.example.org/doc/packaging-tutorial/packagingtutorial for the slides.")
    assert decisions(doc, "dropped_hyphens") == [
        ("restore-hyphen", (3, 3), "packagingtutorial", "packaging-tutorial")]


def test_address_is_not_changed_by_a_hyphenated_form_printed_elsewhere():
    doc = _doc("The list is in the file /usr/share/doc/project/mailing-lists.txt on the system.",
               "Subscribe at https://www.example.org/MailingLists/subscribe to get the news.")
    assert decisions(doc, "dropped_hyphens") == []


def test_line_end_hyphen_kept_where_the_document_prints_the_word_with_it():
    # German: a hyphen before a lower-case piece is the typesetter's, unless
    # the document prints the word with it inside a line ('apt-file update')
    doc = normalise("Die Kopien können mittels apt-file update aktualisiert werden, wie hier gezeigt.\n\n"
                    "Lesen Sie dazu die Handbuchseite von apt-\nfile und die Beispiele darin, bevor Sie es tun.\n")
    assert "von apt-file und" in blocks(doc)[1][1]


def test_line_end_hyphen_at_another_place_than_the_printed_one_is_removed():
    doc = normalise("Das Secure-APT-System prüft die Signaturen der Archive, wie hier gezeigt wird.\n\n"
                    "Die Infrastruktur namens Secu-\nreApt prüft die Signaturen, bevor etwas installiert wird.\n")
    assert "namens SecureApt prüft" in blocks(doc)[1][1]


def test_sub_forms_of_a_hyphenated_word():
    from seedconv.passes.dropped_hyphens import _sub_forms

    assert _sub_forms("dpkg-statoverride-Befehl") == ["dpkg-statoverride-Befehl", "dpkg-statoverride",
                                                      "statoverride-Befehl"]
    assert _sub_forms("apt-file") == ["apt-file"]


def test_hyphenated_form_with_a_note_call_glued_is_evidence():
    doc = _doc("Install the build-essential3 package before anything else on the machine.",
               "The buildessential package pulls in the compiler and the other tools.")
    assert decisions(doc, "dropped_hyphens") == [("restore-hyphen", (3, 3), "buildessential", "build-essential")]


def test_hyphenated_form_running_into_letters_or_more_digits_is_no_evidence():
    for first in ("Install the build-essential3x package before anything else on it.",
                  "Install the build-essential2024 package before anything else on it."):
        doc = _doc(first, "The buildessential package pulls in the compiler and the other tools.")
        assert decisions(doc, "dropped_hyphens") == []


def test_restored_word_is_not_reported_lost():
    # the conservation check counts 'buildessential' as found: a recorded
    # decision put the hyphen back
    doc = _doc("Install the build-essential package before anything else on the machine.",
               "The buildessential package pulls in the compiler and the other tools.")
    assert [d.code for d in doc.diagnostics] == []


def test_word_really_lost_is_still_reported():
    from seedconv import conservation
    doc = _doc("Install the build-essential package before anything else on the machine.",
               "The buildessential package pulls in the compiler and the other tools.")
    assert conservation.lost_words(
        "The buildessential package, the buildessential tools, a vanished word.", doc)[2] == \
        ["buildessential", "vanished", "word"]  # (one restoration recorded, two occurrences)


_DE = ("Die Pakete werden mit dem Debian-Archiv und den Werkzeugen des Projekts auf dem neuesten Stand "
       "gehalten, und die Benutzer können sie jederzeit selbst aktualisieren, wenn sie das wollen.")


def test_hyphen_restored_before_a_capital_in_german_where_the_first_part_opens_hyphenated_words():
    doc = _doc(_DE, "Das DebianSystem ist nach der Aktualisierung sofort wieder einsatzbereit und muss "
                    "nicht neu gestartet werden.")
    assert blocks(doc)[1][1].startswith("Das Debian-System ist nach")
    assert decisions(doc, "dropped_hyphens") == [("restore-hyphen", (3, 3), "DebianSystem", "Debian-System")]


@pytest.mark.parametrize("first, second", [
    # no word opens with 'Debian-'
    (_DE.replace("Debian-Archiv", "Archiv"), "Das DebianSystem ist nach der Aktualisierung sofort bereit."),
    # the second part is an English word: a name ('Domain-Namen' printed)
    (_DE.replace("Debian-Archiv", "Domain-Namen"), "Die DomainKeys werden nach der Aktualisierung geprüft."),
    # printed so twice: the name's own spelling
    (_DE, "Das DebianSystem und noch einmal das DebianSystem sind nach der Aktualisierung bereit."),
    # in a path
    (_DE, "Die Datei /srv/DebianSystem/liesmich ist nach der Aktualisierung sofort wieder da."),
    # a language that does not capitalise its nouns
    ("The packages are kept up to date with the Debian-Archive and the tools of the project, and users "
     "can update them at any time.", "The DebianSystem is ready again right after the update, no restart."),
])
def test_capital_inside_a_word_is_left_alone_without_the_evidence(first, second):
    doc = _doc(first, second)
    assert [d for d in decisions(doc, "dropped_hyphens") if "System" in d[2] or "Keys" in d[2]] == []


def test_hyphen_restored_in_a_manual_page_name_before_its_section():
    doc = _doc("Another tool is apt-get, the command-line tool for handling the packages.",
               "See also the manual page aptget(8) or the section on the package tools.")
    assert "apt-get(8)" in blocks(doc)[1][1]
    assert decisions(doc, "dropped_hyphens") == [("restore-hyphen", (3, 3), "aptget", "apt-get")]


@pytest.mark.parametrize("first, restored", [
    (_DE.replace("den Werkzeugen", "den Debian-Werkzeugen"), True),  # 'Debian-' opens two words
    (_DE, False),  # one word only: the unknown compound stays
])
def test_unknown_second_part_needs_a_first_part_opening_two_hyphenated_words(first, restored):
    doc = _doc(first, "Das DebianDokumentationsprojekt schreibt die Handbücher des Projekts seit vielen Jahren.")
    assert ("Debian-Dokumentationsprojekt" in blocks(doc)[1][1]) is restored


def test_file_path_takes_the_hyphen_the_document_prints_elsewhere():
    doc = _doc("The policy manual is in the debian-policy package of the archive.",
               "Its files are in /usr/share/doc/debianpolicy/fhs/ on the system.")
    assert "/usr/share/doc/debian-policy/fhs/" in blocks(doc)[1][1]


def test_name_joined_by_an_underscore_keeps_its_letters():
    doc = _doc("The install-docs tool registers the manuals of every package on the system.",
               "Run dh_installdocs(1) first, then installdocs(8) registers the new manuals.")
    assert "Run dh_installdocs(1) first, then install-docs(8) registers" in blocks(doc)[1][1]
