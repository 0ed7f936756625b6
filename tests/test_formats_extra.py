"""The ``html`` (pandoc HTML5, standalone) and ``jsonl`` (one JSON object per
paragraph, list item, quote or caption) formats."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from lxml import html as lhtml

from conftest import SEEDS
from seedconv.api import normalise, normalise_file, render
from seedconv.batch import MANIFEST  # the incremental-build manifest in OUTDIR
from seedconv.cli import main
from seedconv.model import (Caption, Document, Heading, Link, ListBlock, ListItem, Metadata, Note,
                            NoteRef, Paragraph, Quote, Source, Text, plain_text)
from seedconv.writers import DEFAULT_FORMATS, FORMATS
from seedconv.writers.jsonl import units

KEYS = ["doc", "section_path", "type", "text", "notes", "source_lines"]


@pytest.fixture(scope="module")
def docs():
    return {s.stem: normalise_file(s) for s in SEEDS}


def small_doc() -> Document:
    md = Metadata(source=Source(name="small.txt", sha256="0" * 64, lines=30), title="Small",
                  language="en")
    return Document(metadata=md, blocks=[
        Paragraph([Text("Before any heading.")], spans=[(1, 1)]),
        Heading(2, [Text("Part One")], spans=[(3, 3)]),
        Paragraph([Text("See this"), NoteRef("1", "n1"), Text(" and that"), NoteRef("*", "n2"),
                   Text(" and again"), NoteRef("1", "n1"), Text(" and lost"), NoteRef("9", None),
                   Text(".")], spans=[(5, 6), (8, 8)]),
        Heading(3, [Text("Section"), NoteRef("2", "n3")], spans=[(10, 10)]),
        ListBlock("ordered", [ListItem([Text("first <b>item</b>")], "4", spans=[(12, 12)]),
                              ListItem([Text("second "), Link("https://example.org/x", "site")], "5",
                                       spans=[])], spans=[(12, 13)]),
        Quote([Text("A quoted   line\nwith a break.")], spans=[(15, 16)]),
        Heading(2, [Text("Part Two")], spans=[(18, 18)]),
        Caption([Text("Figure 1. A caption.")], spans=[(20, 20)]),
        Paragraph([Text("   ")], spans=[(21, 21)]),
    ], notes=[
        Note("n1", "1", [[Text("First note.")], [Text("Its second paragraph.")]], spans=[(25, 26)]),
        Note("n2", "*", [[Text("Starred note.")]], spans=[(27, 27)]),
        Note("n3", "2", [[Text("Called from a heading only.")]], spans=[(28, 28)]),
        Note("n4", "3", [[Text("Never called.")]], spans=[(29, 30)]),
    ])


def read_jsonl(data: bytes) -> list[dict]:
    text = data.decode("utf-8")
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


# --------------------------------------------------------------------------
# Registry and CLI


def test_registered_but_not_default():
    assert FORMATS["html"].extension == ".html" and FORMATS["jsonl"].extension == ".jsonl"
    assert "html" not in DEFAULT_FORMATS and "jsonl" not in DEFAULT_FORMATS
    r = CliRunner().invoke(main, ["formats"])
    names = [ln.split()[0] for ln in r.stdout.splitlines() if ln.strip()]
    assert names == list(FORMATS) and {"html", "jsonl"} <= set(names)


def test_cli_writes_html_and_jsonl(tmp_path):
    seed = min(SEEDS, key=lambda p: p.stat().st_size)
    r = CliRunner().invoke(main, ["convert", str(seed), "-o", str(tmp_path), "-t", "html,jsonl",
                                  "-q", "--no-profile"])
    assert r.exit_code == 0, r.stderr
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")
                  if p.is_file() and p.name != MANIFEST) == \
        [f"html/{seed.stem}.html", f"jsonl/{seed.stem}.jsonl"]


# --------------------------------------------------------------------------
# html


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_html_is_a_standalone_page_of_the_document(docs, seed):
    doc = docs[seed.stem]
    data = render(doc, "html")
    assert data == render(doc, "html")  # deterministic
    tree = lhtml.document_fromstring(data)
    assert tree.get("lang") == doc.metadata.language
    title = tree.findtext(".//title")
    assert title == (doc.metadata.title or doc.metadata.source.name)
    assert not tree.xpath("//script | //*[@src] | //link[@rel='stylesheet']")
    page = " ".join(tree.find("body").text_content().split())
    for b in doc.blocks:
        if isinstance(b, Heading):
            text = " ".join(plain_text(b.content).split())
            assert any(" ".join(h.text_content().split()) == text
                       for h in tree.xpath(f"//h{min(b.level, 6)}"))
        elif isinstance(b, Paragraph):
            assert " ".join(plain_text(b.content).split())[:40] in page
    called = {x.note for b in doc.blocks for x in getattr(b, "content", []) if isinstance(x, NoteRef)}
    called |= {x.note for b in doc.blocks for i in getattr(b, "items", []) for x in i.content
               if isinstance(x, NoteRef)}
    called &= {n.id for n in doc.notes}
    if doc.notes:
        footnotes = tree.xpath("//section[@id='footnotes']//li")
        assert len(footnotes) >= len(called)
        for a in tree.xpath("//a[starts-with(@href, '#')]"):
            assert tree.xpath(f"//*[@id='{a.get('href')[1:]}']"), a.get("href")


def test_html_escapes_markup_and_has_a_title_without_one():
    doc = normalise("<script>alert(1)</script> is text and so is <b>this</b>.\n\n"
                    "A second paragraph of ordinary prose to keep the detector happy.\n",
                    name="x<y>.txt")
    doc.metadata.title = None
    data = render(doc, "html")
    tree = lhtml.document_fromstring(data)
    assert not tree.xpath("//script | //b")
    assert "<script>alert(1)</script>" in tree.find("body").text_content()
    assert tree.findtext(".//title") == "x<y>.txt"


# --------------------------------------------------------------------------
# jsonl


def test_jsonl_units_of_a_small_document():
    doc = small_doc()
    rows = read_jsonl(render(doc, "jsonl"))
    assert all(list(r) == KEYS for r in rows)
    assert all(r["doc"] == "small.txt" for r in rows)
    assert [(r["type"], r["section_path"]) for r in rows] == [
        ("paragraph", []),
        ("paragraph", ["Part One"]),
        ("list-item", ["Part One", "Section"]),
        ("list-item", ["Part One", "Section"]),
        ("quote", ["Part One", "Section"]),
        ("caption", ["Part Two"]),
        ("note", []),   # n3 is called from a heading only, so no unit calls it
        ("note", []),
    ]
    p = rows[1]
    assert p["text"] == "See this[1] and that[*] and again[1] and lost[9]."
    assert p["notes"] == [{"label": "1", "text": "First note.\nIts second paragraph."},
                          {"label": "*", "text": "Starred note."}]
    assert p["source_lines"] == [[5, 6], [8, 8]]
    assert rows[2]["text"] == "first <b>item</b>" and rows[2]["source_lines"] == [[12, 12]]
    assert rows[3]["text"] == "second site <https://example.org/x>"
    assert rows[3]["source_lines"] == [[12, 13]]  # an item without spans gets its list's
    assert rows[4]["text"] == "A quoted line with a break."
    assert rows[6] == {"doc": "small.txt", "section_path": [], "type": "note",
                       "text": "[2] Called from a heading only.", "notes": [],
                       "source_lines": [[28, 28]]}
    assert rows[7]["text"] == "[3] Never called." and rows[7]["source_lines"] == [[29, 30]]


def test_jsonl_empty_document_is_an_empty_file():
    doc = Document(metadata=Metadata(source=Source(name="e.txt", sha256="0" * 64)))
    assert render(doc, "jsonl") == b""


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_jsonl_of_seeds(docs, seed):
    doc = docs[seed.stem]
    data = render(doc, "jsonl")
    rows = read_jsonl(data)
    assert rows == units(doc)
    n_lines = doc.metadata.source.lines
    expected = sum(len(b.items) if isinstance(b, ListBlock) else 0 if isinstance(b, Heading) else 1
                   for b in doc.blocks)
    body = [r for r in rows if r["type"] != "note"]
    assert len(body) == expected  # seeds have no empty blocks
    headings = {" ".join(plain_text(b.content).split()) for b in doc.blocks if isinstance(b, Heading)}
    for r in rows:
        assert list(r) == KEYS
        assert r["type"] in {"paragraph", "list-item", "quote", "caption", "note"}
        assert r["text"] and "\n" not in r["text"]
        assert set(r["section_path"]) <= headings
        assert all(1 <= a <= b <= n_lines for a, b in r["source_lines"])
        for note in r["notes"]:
            assert f"[{note['label']}]" in r["text"] and note["text"]
    # every note is somewhere: called from a unit or a unit of its own
    labels_called = [n["label"] for r in rows for n in r["notes"]]
    own = [r for r in rows if r["type"] == "note"]
    assert len(labels_called) + len(own) >= len(doc.notes)
    if doc.notes:
        assert any(re.search(r"\[\w+\]", r["text"]) for r in body)
