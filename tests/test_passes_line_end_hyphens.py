"""line_end_hyphens: the typesetter's hyphen or the word's own?  Every
decision is recorded with the original form and its two source lines."""
from __future__ import annotations

import pytest

from conftest import blocks, decisions, furniture, normalise, para, para_text
from seedconv.passes.line_end_hyphens import word_hyphen

EN_HEAD = "In the report the commission described at some length the"
EN_TAIL = "situation of the families living in the northern provinces."


def _en(left: str, right: str) -> str:
    return f"{EN_HEAD} {left}-\n{right} {EN_TAIL}\n"


@pytest.mark.parametrize("left, right, joined, action", [
    ("do", "mestic", "domestic", "remove-hyphen"),
    ("inter", "national", "international", "remove-hyphen"),
    ("eco", "nomic", "economic", "remove-hyphen"),
    ("co", "operation", "cooperation", "remove-hyphen"),
    ("pro", "Russian", "pro-Russian", "keep-hyphen"),
    ("anti", "Western", "anti-Western", "keep-hyphen"),
    ("eighteenth", "century", "eighteenth-century", "keep-hyphen"),
    ("ill", "treatment", "ill-treatment", "keep-hyphen"),
    ("self", "defence", "self-defence", "keep-hyphen"),
    ("switch", "able", "switchable", "remove-hyphen"),   # a suffix, though 'able' is a word
])
def test_english_hyphen_decisions(left, right, joined, action):
    doc = normalise(_en(left, right))
    assert blocks(doc) == [("p", f"{EN_HEAD} {joined} {EN_TAIL}")]
    assert decisions(doc, "line_end_hyphens") == [(action, (1, 2), f"{left}-|{right}", joined)]


@pytest.mark.parametrize("left, right", [("well", "known"), ("long", "term")])
def test_compound_of_two_common_words_keeps_hyphen(left, right):
    doc = normalise(_en(left, right))
    assert blocks(doc) == [("p", f"{EN_HEAD} {left}-{right} {EN_TAIL}")]


@pytest.mark.parametrize("text, expected", [
    ("The survey was carried out in the three regions between 2016-\n2018 and again in 2020.\n",
     "The survey was carried out in the three regions between 2016-2018 and again in 2020."),
    ("The survey covered the age groups from twenty to thirty-\n5 years in all of the regions.\n",
     "The survey covered the age groups from twenty to thirty-5 years in all of the regions."),
])
def test_numbers_keep_hyphen(text, expected):
    doc = normalise(text)
    assert blocks(doc) == [("p", expected)]
    assert [(a, ln) for a, ln, *_ in decisions(doc, "line_end_hyphens")] == [("keep-hyphen", (1, 2))]


@pytest.mark.parametrize("dash", ["–", "—"])
def test_dash_at_line_end_joins_without_space(dash):
    doc = normalise(f"The commission visited the two regions in the north{dash}\n"
                    "and found the situation there much worse than expected.\n")
    assert blocks(doc) == [("p", f"The commission visited the two regions in the north{dash}"
                                  "and found the situation there much worse than expected.")]


# Sentences long enough for language detection; the hyphenated word is the
# only one split.
LANG_CASES = [
    ("fr", "Le rapport de la commission décrit la politique du gouverne-\n"
           "ment dans les régions du nord et les difficultés de la population.\n",
     "gouverne-|ment", "gouvernement"),
    ("de", "Der Bericht der Kommission beschreibt die Politik der Regie-\n"
           "rung in den nördlichen Regionen und die Probleme der Bevölkerung.\n",
     "Regie-|rung", "Regierung"),
    ("es", "El informe de la comisión describe la política del gobier-\n"
           "no en las regiones del norte y los problemas de la población.\n",
     "gobier-|no", "gobierno"),
    ("it", "Il rapporto della commissione descrive la politica del gover-\n"
           "no nelle regioni del nord e i problemi della popolazione.\n",
     "gover-|no", "governo"),
    ("ru", "Доклад комиссии описывает работу прави-\n"
           "тельство и проблемы населения в северных регионах страны.\n",
     "прави-|тельство", "правительство"),
    ("ru", "В докладе комиссии описывается политика прави-\n"
           "тельства в северных регионах и проблемы населения страны.\n",
     "прави-|тельства", "правительства"),
    ("es", "El informe de la comisión describe la relación franco-\n"
           "española y los problemas de la población en la frontera.\n",
     "franco-|española", "franco-española"),
]


@pytest.mark.parametrize("lang, text, before, after", LANG_CASES, ids=[f"{c[0]}:{c[3]}" for c in LANG_CASES])
def test_other_languages(lang, text, before, after):
    doc = normalise(text)
    assert doc.metadata.language == lang
    expected = text.replace(before.replace("|", "\n"), after).replace("\n", " ").strip()
    assert blocks(doc) == [("p", expected)]
    action = "keep-hyphen" if "-" in after else "remove-hyphen"
    assert decisions(doc, "line_end_hyphens") == [(action, (1, 2), before, after)]


def test_french_compound_keeps_hyphen():
    doc = normalise("Le rapport de la commission décrit la situation dans le sud-\n"
                    "ouest du pays et les difficultés de la population locale.\n")
    assert blocks(doc) == [("p", "Le rapport de la commission décrit la situation dans le sud-ouest du "
                                  "pays et les difficultés de la population locale.")]


def test_german_suspended_hyphen_before_conjunction():
    doc = normalise("Der Bericht der Kommission beschreibt die Lage in Nord-\n"
                    "und Süddeutschland und die Probleme der Bevölkerung dort.\n")
    assert blocks(doc) == [("p", "Der Bericht der Kommission beschreibt die Lage in Nord- und "
                                  "Süddeutschland und die Probleme der Bevölkerung dort.")]


def test_hyphen_across_a_page_break_and_page_number():
    text = (para(0) + "\nThe commission then described at some length the difficult situation of the\n"
            "families living in the northern provinces in the winter of the year when the do-\n\n1\n"
            "\fmestic situation of the families living in the northern provinces got worse.\n\n" + para(1))
    doc = normalise(text)
    assert blocks(doc) == [
        ("p", para_text(0)),
        ("p", "The commission then described at some length the difficult situation of the families "
              "living in the northern provinces in the winter of the year when the domestic situation "
              "of the families living in the northern provinces got worse."),
        ("p", para_text(1))]
    assert decisions(doc, "line_end_hyphens") == [("remove-hyphen", (5, 8), "do-|mestic", "domestic")]
    assert furniture(doc) == [(7, "1", "page-number")]


@pytest.mark.parametrize("left, right, lang, keep", [
    ("do", "mestic", "en", False),
    ("pro", "Russian", "en", True),
    ("eighteenth", "century", "en", True),
    ("ill", "treatment", "en", True),
    ("gouverne", "ment", "fr", False),
    ("Regie", "rung", "de", False),
    ("прави", "тельство", "ru", False),
    ("xq", "zzv", "en", False),   # unknown pieces: the typesetter's
    ("Duck", "DuckGo", "fr", False),  # a known CamelCase name broken at a capital
    ("Debian", "System", "de", True),  # a compound with a capital
    ("Debian", "ReleaseNotes", "en", True),  # CamelCase, but no known name
])
def test_word_hyphen(left, right, lang, keep):
    assert word_hyphen(left, right, lang)[0] is keep


def test_dehyphenation_records_every_break():
    text = ("The commission found that the do-\nmestic policy of the pro-\n"
            "Russian parties had led to the ill-\ntreatment of the prisoners.\n")
    doc = normalise(text)
    assert blocks(doc) == [("p", "The commission found that the domestic policy of the pro-Russian "
                                  "parties had led to the ill-treatment of the prisoners.")]
    assert decisions(doc, "line_end_hyphens") == [
        ("remove-hyphen", (1, 2), "do-|mestic", "domestic"),
        ("keep-hyphen", (2, 3), "pro-|Russian", "pro-Russian"),
        ("keep-hyphen", (3, 4), "ill-|treatment", "ill-treatment")]


CUT_ADDRESS = "The manual is at https://example.org/doc/plainsegm-\nent/index.html for everyone.\n"


def test_address_hyphen_kept_when_no_address_shows_an_inserted_hyphen():
    doc = normalise(CUT_ADDRESS)
    assert "https://example.org/doc/plainsegm-ent/index.html" in blocks(doc)[0][1]
    assert decisions(doc, "line_end_hyphens")[0][0] == "keep-hyphen-url"


def test_address_hyphen_removed_when_the_document_hyphenates_addresses():
    doc = normalise(CUT_ADDRESS + "\nThe news is at https://www.exam-\nple.org/news today.\n")
    assert "https://example.org/doc/plainsegment/index.html" in blocks(doc)[0][1]
    assert [d[0] for d in decisions(doc, "line_end_hyphens")] == ["remove-hyphen-url"] * 2


@pytest.mark.parametrize("elsewhere", ["The queue also lives in /srv/example.org/PlainSegment today.\n",
                                       "The PlainSegment queue is the one to use for it.\n"])
def test_address_hyphen_removed_where_the_document_prints_the_joined_name(elsewhere):
    # the typesetter broke 'PlainSegment' inside the address ('plainSegm-' |
    # 'ent'); the document prints the name whole elsewhere, inside a path or not
    doc = normalise("The queue is at ftp://ftp.example.org/pub/PlainSegm-\nent/ for everyone.\n\n" + elsewhere)
    assert "ftp://ftp.example.org/pub/PlainSegment/" in blocks(doc)[0][1]
    assert decisions(doc, "line_end_hyphens")[0][0] == "remove-hyphen-url"


@pytest.mark.parametrize("text, url", [
    # the quote opened before the address closes after the name on the next
    # line, glued to another address (pypdf's lost spaces)
    ('The files are listed, e.g. "http://example.org/debian/dists/main/binary-amd64/\nRelease"or'
     '"http://example.org/debian/dists/sid/Release", as shown.\n',
     '"<http://example.org/debian/dists/main/binary-amd64/Release>"'),
    # no quote: the capitalised word opens the next sentence
    ("The files are listed at http://example.org/debian/dists/main/binary-amd64/\nRelease files are "
     "signed, as shown.\n", "<http://example.org/debian/dists/main/binary-amd64/> Release files"),
])
def test_address_ending_with_a_slash_takes_the_name_its_quote_closes_after(text, url):
    assert url in blocks(normalise(text))[0][1]


def test_suspended_hyphen_after_a_quoted_word():
    # '"Packages"-' | 'und "Sources"-Metadaten': the first part is quoted
    doc = normalise('Der Suchbefehl kann lokale Kopien der "Packages"-\n'
                    'und "Sources"-Metadaten durchsuchen und anzeigen lassen.\n')
    assert blocks(doc) == [("p", 'Der Suchbefehl kann lokale Kopien der "Packages"- und "Sources"-Metadaten '
                                 'durchsuchen und anzeigen lassen.')]


def test_quoted_word_hyphen_before_a_noun_is_kept_without_space():
    doc = normalise('Der Suchbefehl kann lokale Kopien der "Packages"-\n'
                    'Metadaten durchsuchen und anzeigen lassen, wie gezeigt.\n')
    assert blocks(doc) == [("p", 'Der Suchbefehl kann lokale Kopien der "Packages"-Metadaten '
                                 'durchsuchen und anzeigen lassen, wie gezeigt.')]


def test_hyphen_set_apart_at_a_justified_line_end_is_the_typesetters():
    doc = normalise("Les messages envoyés sur les listes de diffusion sont égale -\n"
                    "ment archivés sur le site web du projet pour tout le monde.\n")
    assert blocks(doc) == [("p", "Les messages envoyés sur les listes de diffusion sont également archivés "
                                  "sur le site web du projet pour tout le monde.")]
    assert [a for a, *_ in decisions(doc, "line_end_hyphens")] == ["remove-spaced-hyphen"]


def test_command_option_set_apart_at_a_line_end_is_kept():
    doc = normalise("If you force the installation of a package with sudo dpkg -\n"
                    "i on a system where not all dependencies are installed, it breaks.\n")
    assert blocks(doc)[0][1].startswith("If you force the installation of a package with sudo dpkg -i on")


def test_word_ending_with_a_slash_continues_on_the_next_line():
    doc = normalise("Most users run one of the distributions of GNU/\nLinux, as the manual says at length.\n")
    assert blocks(doc) == [("p", "Most users run one of the distributions of GNU/Linux, as the manual says at length.")]


def test_path_ending_with_a_slash_is_not_joined_to_the_next_word():
    doc = normalise("The files are kept in /usr/share/doc/\nand in the home directory of the user.\n")
    assert blocks(doc) == [("p", "The files are kept in /usr/share/doc/ and in the home directory of the user.")]


def test_one_letter_option_after_a_hyphen_set_apart_is_kept():
    doc = normalise('Unpack the package file (the same as "ar -\nx") and then run the scripts of the package.\n')
    assert blocks(doc)[0][1].startswith('Unpack the package file (the same as "ar -x")')


def test_hyphen_removed_where_the_document_prints_the_word_run_together():
    # 'long-' | 'term' alone keeps its hyphen (two common words); printed
    # 'longterm' inside a line elsewhere, it is the typesetter's
    text = _en("long", "term") + "\nThe longterm plan of the ministry was published in the spring of that year.\n"
    doc = normalise(text)
    assert blocks(doc)[0] == ("p", f"{EN_HEAD} longterm {EN_TAIL}")
    assert decisions(doc, "line_end_hyphens")[0][0] == "remove-hyphen"


def test_word_run_together_only_at_another_line_end_is_no_evidence():
    text = _en("long", "term") + "\nThe long-\nterm plan of the ministry was published in the spring of that year.\n"
    doc = normalise(text)
    assert blocks(doc)[0] == ("p", f"{EN_HEAD} long-term {EN_TAIL}")


URL_LINES = ("Add a line such as http://deb.example.org/debian/bullseye-\n"
             "backports/main to the list of the sources of the machine.\n")


def test_hyphen_in_an_address_kept_where_the_document_prints_the_word_with_it():
    text = URL_LINES + "\nThe packages of bullseye-backports are newer than those of the release.\n"
    doc = normalise(text)
    assert "http://deb.example.org/debian/bullseye-backports/main" in _urls(doc)
    (d,) = [d for d in doc.decisions if d.pass_ == "line_end_hyphens"]
    assert d.action == "keep-hyphen-url" and "printed as 'bullseye-backports'" in d.detail


def test_hyphen_in_an_address_without_such_evidence_is_decided_from_the_address():
    text = URL_LINES + "\nThe packages of the backports are newer than those of the release.\n"
    doc = normalise(text)
    (d,) = [d for d in doc.decisions if d.pass_ == "line_end_hyphens"]
    assert "printed as" not in d.detail


def _urls(doc):
    from seedconv.model import Link
    out = []

    def walk(xs):
        for x in xs:
            if isinstance(x, Link):
                out.append(x.url)
            for attr in ("content", "items", "blocks"):
                walk(getattr(x, attr, None) or [])
    walk(doc.blocks)
    return out


def test_hyphen_after_the_dot_of_a_path_is_the_typesetters():
    doc = normalise('Change the file "/etc/apt/sources.-\nlist" to a single entry for the unstable suite.\n')
    assert '"/etc/apt/sources.list"' in blocks(doc)[0][1]


def test_hyphen_after_a_full_stop_of_prose_stays():
    doc = normalise("The tools were described in the last chapter of the manual.-\n"
                    "list of the tools follows in the appendix of the same manual.\n")
    assert "manual.-list" in blocks(doc)[0][1] or "manual.- list" in blocks(doc)[0][1]


@pytest.mark.parametrize("left, rest, joined", [
    ("xdev-", "srv-team@lists.example.org.", "xdev-srv-team@lists.example.org"),  # hyphens of its own
    ("main-", "tainer@example.org.", "maintainer@example.org"),   # none of its own: the typesetter's
])
def test_hyphen_before_the_rest_of_an_e_mail_address(left, rest, joined):
    doc = normalise(para(0) + "\nThe first upload is announced on the list that is read by everybody: " + left + "\n"
                    + rest + "\n\n" + para(1))
    assert any(joined in t for _, t in blocks(doc) if isinstance(t, str))


@pytest.mark.parametrize("printed, joined", [
    ("Each E-Mail is a text file.", "E-MAIL"),    # a letter and a hyphen open the printed word
    ("Each email is a text file.", "EMAIL"),      # printed without: the typesetter's hyphen
])
def test_one_letter_before_a_line_end_hyphen_printed_elsewhere(printed, joined):
    doc = normalise(para(0) + "\n" + printed + " It is sent by the mail system of the host.\n\n"
                    "LIMITS OF MODERN E-\nMAIL SERVICES\n\n" + para(1))
    assert ("h2", f"LIMITS OF MODERN {joined} SERVICES") in blocks(doc)
