"""front_matter: title, subtitle and authors from the first page."""
from __future__ import annotations

import pytest

from conftest import blocks, decisions, furniture, normalise, para, para_text
from seedconv.passes.front_matter import AUTHORS, names_of, split_authors


@pytest.mark.parametrize("line, authors", [
    ("Slavomir Horak", ["Slavomir Horak"]),
    ("Anna Smith and John Doe", ["Anna Smith", "John Doe"]),
    ("Anna Smith, John Doe & Jane Roe", ["Anna Smith", "John Doe", "Jane Roe"]),
    ("Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"]),
    ("Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
    ("Иван Петров и Анна Смирнова", ["Иван Петров", "Анна Смирнова"]),
    ("J. R. Smith", ["J. R. Smith"]),
    ("Mary O’Neill", ["Mary O’Neill"]),
])
def test_author_lines(line, authors):
    assert AUTHORS.match(line)
    assert split_authors(line) == authors


@pytest.mark.parametrize("line", ["the end of it", "Smith", "Analysis of the Economy in 2019 and 2020",
                                  "We met them.", "anna smith"])
def test_not_author_lines(line):
    assert AUTHORS.match(line) is None


def test_title_on_two_lines_and_author():
    text = ("Russian Influence in Turkmenistan: Rapprochement\nor Pragmatism?\n\nSlavomir Horak\n\n"
            + para(0) + "\n" + para(1))
    doc = normalise(text)
    assert doc.metadata.title == "Russian Influence in Turkmenistan: Rapprochement or Pragmatism?"
    assert doc.metadata.authors == ["Slavomir Horak"]
    assert blocks(doc) == [("p", para_text(0)), ("p", para_text(1))]
    assert [(a, ln, after) for a, ln, _, after in decisions(doc, "front_matter")] == [
        ("title", (1, 2), "Russian Influence in Turkmenistan: Rapprochement or Pragmatism?"),
        ("authors", (4, 4), "Slavomir Horak")]


def test_two_authors():
    doc = normalise("Water Politics in Central Asia\n\nAnna Smith and John Doe\n\n" + para(0) + "\n" + para(1))
    assert (doc.metadata.title, doc.metadata.authors) == ("Water Politics in Central Asia",
                                                          ["Anna Smith", "John Doe"])
    assert blocks(doc) == [("p", para_text(0)), ("p", para_text(1))]


def test_title_case_line_without_authors():
    doc = normalise("Water Politics in Central Asia\n\n" + para(0) + "\n" + para(1))
    assert (doc.metadata.title, doc.metadata.authors) == ("Water Politics in Central Asia", [])
    assert blocks(doc) == [("p", para_text(0)), ("p", para_text(1))]


def test_all_caps_opener_is_a_heading_not_a_title():
    doc = normalise("WATER POLITICS IN CENTRAL ASIA\n\n" + para(0) + "\n" + para(1))
    assert doc.metadata.title is None
    assert blocks(doc) == [("h2", "WATER POLITICS IN CENTRAL ASIA"), ("p", para_text(0)), ("p", para_text(1))]


def test_document_starting_with_prose_has_no_title():
    doc = normalise(para(0) + "\n" + para(1))
    assert (doc.metadata.title, doc.metadata.authors) == (None, [])
    assert decisions(doc, "front_matter") == []


def test_metadata_overrides_win():
    from seedconv.settings import Settings
    import seedconv

    doc = seedconv.normalise("Water Politics in Central Asia\n\nAnna Smith\n\n" + para(0),
                             settings=Settings(metadata={"title": "Other", "authors": ["X Y"]}))
    assert (doc.metadata.title, doc.metadata.authors) == ("Other", ["X Y"])


@pytest.mark.parametrize("head", ["Smith: Water Politics in Central Asia",
                                  "Smith and Doe: Water Politics in 12",
                                  "Smith et al.: Water Politics",
                                  "Water Politics in Central",
                                  "A. Smith u. a. – Rivers and States"])
def test_running_head_made_of_the_title_and_authors_is_removed(head):
    # printed once (a two-page document): not found by repetition
    text = ("Water Politics in Central Asia\n\nAnna Smith and John Doe\n\n" + para(0) + "\n"
            + head + "\n\n" + para(1))
    doc = normalise(text)
    assert blocks(doc) == [("p", para_text(0)), ("p", para_text(1))]
    assert [(n, t) for n, t, k in furniture(doc) if k == "running-head"] == [(8, head)]


@pytest.mark.parametrize("line", ["Smith: Water is scarce in the south",
                                  "Jones: Water Politics in Central Asia",
                                  "Smith: Politics",
                                  "Water Politics",
                                  "Smith – the rivers of the north are dry this year.",
                                  "Jones – Rivers and States"])
def test_line_with_a_name_and_colon_but_not_the_title_is_kept(line):
    text = ("Water Politics in Central Asia\n\nAnna Smith and John Doe\n\n" + para(0) + "\n"
            + line + "\n\n" + para(1))
    doc = normalise(text)
    assert not furniture(doc)


@pytest.mark.parametrize("line, names", [
    ("Susan G. Kleinmann Sven Rudolph Santiago Vila Josip Rodin",
     ["Susan G. Kleinmann", "Sven Rudolph", "Santiago Vila", "Josip Rodin"]),
    ("Susan G. Kleinmann     Sven Rudolph     Santiago Vila", ["Susan G. Kleinmann", "Sven Rudolph", "Santiago Vila"]),
    ("Javier Fernández-Sanguino Peña", ["Javier Fernández-Sanguino Peña"]),
    ("Anna Smith and John Doe", ["Anna Smith", "John Doe"]),
])
def test_names_of_a_line_of_authors(line, names):
    assert names_of(line) == names


@pytest.mark.parametrize("line", ["Debian", "Policy and Practice Today", "CONFIGURATION OF PACKAGES",
                                  "The Right Way", "Smith 2019", "Anna Smith went home."])
def test_names_of_other_lines_is_none(line):
    assert names_of(line) is None


def test_title_and_authors_without_blank_lines():
    # pypdf: no blank lines; the names on two lines, one cut at the line's end
    text = ("Water Politics in Central\nAsia Today\nAnna Smith, John Doe, Jane\nRoe\n" + para(0) + para(1))
    doc = normalise(text)
    assert doc.metadata.title == "Water Politics in Central Asia Today"
    assert doc.metadata.authors == ["Anna Smith", "John Doe", "Jane Roe"]
    assert blocks(doc)[0][1].startswith(para_text(0)[:40])


def test_subtitle_of_common_words_is_not_an_author_line():
    doc = normalise("Water Politics in Central Asia\nPolicy and Practice Today\n" + para(0) + para(1))
    assert doc.metadata.authors == []


def test_many_authors_a_block_each():
    # pdfminer: a blank line after every name, two names sharing a block
    names = ["Andrea Rossi", "Adam Di Carlo", "Christian Schwarz", "Maria Lindqvist", "Lucas Nussbaum",
             "Ian Jackson", "Anna Smith"]
    text = "Water Politics in Central Asia\n\n" + "\n\n".join(names[:2]) + "\n" + "\n\n".join(names[2:]) + \
        "\n\n" + para(0) + "\n" + para(1)
    doc = normalise(text)
    assert doc.metadata.authors == names
    assert not any(b[0].startswith("h") for b in blocks(doc))
