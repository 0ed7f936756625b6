"""urls: URLs broken across lines (with and without an inserted hyphen)
rejoined, and URLs / e-mail addresses turned into Link / Email inlines."""
from __future__ import annotations

import pytest

from conftest import blocks, decisions, normalise, para
from seedconv.model import Email, Link, Text
from seedconv.passes.urls import in_url, inlines, strip_trailing, url_hyphen


@pytest.mark.parametrize("line1, line2, url, decision", [
    # hyphen inside the host name: the typesetter's
    ("The data are published online at https://www.hroni-", "katm.com/2015/03/report.html and were read in May.",
     "https://www.hronikatm.com/2015/03/report.html", ("remove-hyphen-url", "hroni-|katm", "hronikatm")),
    # hyphen between two words of a slug: the URL's own
    ("See the article at https://www.rferl.org/a/how-much-", "is-the-russian-military-worth/29.html for more.",
     "https://www.rferl.org/a/how-much-is-the-russian-military-worth/29.html",
     ("keep-hyphen-url", "much-|is", "much-is")),
    # a word split inside a slug
    ("See the article at https://www.example.org/news/econo-", "mic-growth-slows.html for the details.",
     "https://www.example.org/news/economic-growth-slows.html",
     ("remove-hyphen-url", "econo-|mic", "economic")),
    # no hyphen: cut after a slash
    ("See the article at https://www.example.org/reports/annual/", "2019/summary.pdf for more details.",
     "https://www.example.org/reports/annual/2019/summary.pdf", None),
    # no hyphen: cut inside the path
    ("The full text is on the site https://www.example.org/docs", "/2019/report_final.pdf as a file.",
     "https://www.example.org/docs/2019/report_final.pdf", None),
    # no hyphen: cut after a slash, in brackets, the last segment capitalised
    ("consoles of the kind VT100 (https://en.wikipedia.org/wiki/", "VT100) are available on the machine.",
     "https://en.wikipedia.org/wiki/VT100", None),
    # no hyphen: cut after a slash inside a quotation, the last segment capitalised
    ('The release file is "http://deb.example.org/dists/main/', 'Release" for the stable suite of it.',
     "http://deb.example.org/dists/main/Release", None),
    # no hyphen: cut inside a word of the path, in brackets, the rest closing them
    ("The transitions are tracked (https://wiki.example.org/Team/Transit", "ionTracker). The packages wait.",
     "https://wiki.example.org/Team/TransitionTracker", None),
    # no hyphen: cut after a slash, the file name capitalised
    ("Consult http://ftp-master.example.org/", "REJECT-FAQ.html about the usual reasons for a rejection.",
     "http://ftp-master.example.org/REJECT-FAQ.html", None),
    # no hyphen: cut right after the scheme
    ("a desktop system such as GNOME (https:", "//en.wikipedia.org/wiki/GNOME) or KDE is installed.",
     "https://en.wikipedia.org/wiki/GNOME", None),
])
def test_url_rejoined_and_linked(line1, line2, url, decision):
    doc = normalise(line1 + "\n" + line2 + "\n")
    [(kind, text)] = blocks(doc)
    assert f"<{url}>" in text
    links = [x for x in doc.blocks[0].content if isinstance(x, Link)]
    assert [(x.url, x.text) for x in links] == [(url, url)]
    url_decisions = [(a, b, c) for a, _, b, c in decisions(doc, "line_end_hyphens")]
    if decision is None:
        assert url_decisions == []
        assert [(a, ln) for a, ln, *_ in decisions(doc, "urls")] == [("join-url", (1, 2))]
    else:
        assert url_decisions == [decision]


@pytest.mark.parametrize("line2", ["The archive keeps it for a year.", "Debian is a system of many parts."])
def test_address_ending_with_a_slash_before_a_capitalised_sentence(line2):
    doc = normalise("The list is at http://ftp-master.example.org/\n" + line2 + "\n")
    links = [x.url for x in doc.blocks[0].content if isinstance(x, Link)]
    assert links == ["http://ftp-master.example.org/"]


def test_url_link_text_and_surrounding_text():
    doc = normalise("Write to info@example.org or visit www.example.org, then go on reading.\n")
    assert doc.blocks[0].content == [
        Text("Write to "), Email("info@example.org"), Text(" or visit "),
        Link("http://www.example.org", "www.example.org"), Text(", then go on reading.")]


def test_sentence_after_url_is_not_glued_to_it():
    doc = normalise("The report is available at https://www.example.org/report.pdf.\n"
                    "Printed copies are available from the publisher on request.\n")
    assert blocks(doc) == [("p", "The report is available at <https://www.example.org/report.pdf>. "
                                  "Printed copies are available from the publisher on request.")]


@pytest.mark.parametrize("text, expected", [
    ("see https://x.org/a. Done", [Text("see "), Link("https://x.org/a", "https://x.org/a"), Text(". Done")]),
    ("(https://example.org/wiki/Foo_(bar))",
     [Text("("), Link("https://example.org/wiki/Foo_(bar)", "https://example.org/wiki/Foo_(bar)"), Text(")")]),
    ("ftp://files.example.org/pub", [Link("ftp://files.example.org/pub", "ftp://files.example.org/pub")]),
    ("mail a.b+c@mail.example.co.uk!", [Text("mail "), Email("a.b+c@mail.example.co.uk"), Text("!")]),
    ("no link in example.org here", [Text("no link in example.org here")]),
    ("https:// alone", [Text("https:// alone")]),
    ("«https://x.org/q?a=1&b=2»", [Text("«"), Link("https://x.org/q?a=1&b=2", "https://x.org/q?a=1&b=2"),
                                   Text("»")]),
])
def test_inlines(text, expected):
    assert inlines(text) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://x.org/a).", ("https://x.org/a", ").")),
    ("https://x.org/F_(b)", ("https://x.org/F_(b)", "")),
    ("https://x.org/a”,", ("https://x.org/a", "”,")),
    ("https://x.org/a/", ("https://x.org/a/", "")),
    ("https://x.org/a/#!;", ("https://x.org/a/#!", ";")),   # a hash-bang fragment
    ("https://x.org/a!", ("https://x.org/a", "!")),
])
def test_strip_trailing(url, expected):
    assert strip_trailing(url) == expected


@pytest.mark.parametrize("text, expected", [
    ("see https://www.hroni", True), ("see www.example.org/a/b", True), ("see the site", False),
    ("https://x.org/a and more", False),
])
def test_in_url(text, expected):
    assert in_url(text) is expected


@pytest.mark.parametrize("so_far, left, right, keep", [
    ("https://www.hroni", "hroni", "katm", False),                    # host name
    ("https://www.rferl.org/a/how-much", "much", "is", True),          # slug, two common words
    ("https://example.org/news/econo", "econo", "mic", False),         # joined form is a word
    ("https://example.org/a/b", "b", "2019", True),                    # not a letter next
    ("https://example.org/x/a", "a", "bcdef", True),                   # one-letter piece
    ("https://example.org/report-on", "on", "the", True),
    ("https://example.org/plainsegm", "plainsegm", "ent", False),      # segment without hyphens
    ("https://example.org/man/gnome", "gnome", "terminal", True),      # two words, their join is not
    ("https://example.org/man/arti", "arti", "cles", False),           # the join is a word
    ("https://wiki.example.org/Team/TransitionTra", "TransitionTra", "cker", False),  # CamelCase: 'Tracker'
])
def test_url_hyphen(so_far, left, right, keep):
    assert url_hyphen(so_far, left, right, "en")[0] is keep


def test_urls_in_notes_are_links_too():
    text = ("The claim was first made in the press.1 It was repeated later by the ministry,\n"
            "which published a statement on its own website in the same month.\n\n"
            "1 See https://www.example.org/news/2019/05/\nstatement.html for the full text.\n")
    doc = normalise(text)
    [note] = doc.notes
    assert [x for x in note.paragraphs[0] if isinstance(x, Link)] == [
        Link("https://www.example.org/news/2019/05/statement.html",
             "https://www.example.org/news/2019/05/statement.html")]


def test_capitalised_word_after_a_url_ending_with_a_slash_is_not_joined():
    # no bracket opened before the address: the next line is prose
    doc = normalise("The reference is at https://en.wikipedia.org/wiki/\n"
                    "Today (and tomorrow) the site is open to every reader.\n")
    assert [x.url for x in doc.blocks[0].content if isinstance(x, Link)] == ["https://en.wikipedia.org/wiki/"]


@pytest.mark.parametrize("line1, line2, url", [
    # a bracket opening the next line is not part of the address
    ("Read how to report a bug at http://www.example.org/Bugs/Reporting",
     "(https://www.example.org/Bugs/Reporting) before you write.", "http://www.example.org/Bugs/Reporting"),
    # a word of the language after an address that is only a host
    ("Le moteur de recherche http://duckduckgo.com/", "fournie une aide pour trouver la page.",
     "http://duckduckgo.com/"),
])
def test_next_line_does_not_continue_the_address(line1, line2, url):
    doc = normalise(line1 + "\n" + line2 + "\n")
    assert [x.url for x in doc.blocks[0].content if isinstance(x, Link)][0] == url


def test_address_cut_after_its_scheme_across_a_page_break():
    doc = normalise("See the team pages at https://\n\f\nwiki.example.org/Teams for the list of teams.\n")
    assert [x.url for b in doc.blocks for x in getattr(b, "content", []) if isinstance(x, Link)] == [
        "https://wiki.example.org/Teams"]


def test_words_after_an_address_in_brackets_are_not_joined_to_it():
    doc = normalise("The page (see https://www.example.org\nfor more) is up to date and complete.\n")
    assert [x.url for x in doc.blocks[0].content if isinstance(x, Link)] == ["https://www.example.org"]


def test_camel_case_word_broken_in_an_address_is_a_sure_inserted_hyphen():
    # the only address hyphen of the document: 'Tracker' proves the typesetter added it
    doc = normalise("The transitions are tracked (https://wiki.example.org/Team/TransitionTra-\n"
                    "cker). The packages wait for them in the archive.\n")
    assert [x.url for x in doc.blocks[0].content if isinstance(x, Link)] == [
        "https://wiki.example.org/Team/TransitionTracker"]


def test_file_path_cut_after_a_slash_is_joined():
    text = para(0) + "The authors are listed in the files\n/usr/\nshare/doc/package/copyright, one for each package.\n"
    doc = normalise(text)
    assert "files /usr/share/doc/package/copyright, one" in blocks(doc)[-1][1]
    assert [a for a, *_ in decisions(doc, "urls")] == ["join-path"]


@pytest.mark.parametrize("rest", ["is where the configuration lives.", "holds it and more."])
def test_path_before_a_word_of_prose_is_not_joined(rest):
    doc = normalise(para(0) + "The configuration directory is /etc/\n" + rest + "\n")
    assert "/etc/ " + rest.split()[0] in blocks(doc)[-1][1]
    assert decisions(doc, "urls", "join-path") == []
