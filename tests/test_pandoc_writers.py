"""Tests of the pandoc-based writers (Markdown, DOCX, EPUB) and the text writer.

Outputs are checked by reading them back: Markdown with pandoc itself, DOCX
and EPUB as ZIP files with lxml, EPUB also with epubcheck.
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import string
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from seedconv.model import (Document, Heading, Link, ListBlock, ListItem, Metadata, Note,
                            NoteRef, Paragraph, Source, Text, from_dict, plain_text)
from seedconv.writers import FORMATS, docx, epub, markdown, pandoc_ast, pandoc_run, text

FIXTURE = Path(__file__).parent / "fixtures" / "sample_doc.json"
PANDOC_FORMATS = ("md", "docx", "epub")
ALL_FORMATS = ("md", "docx", "epub", "txt")
MARKUP = ("Markup stays text: <script>alert(1)</script> & ]]> # * > 1. | "
          "[x](javascript:alert(1)) --- `code` $math$ \\LaTeX{}")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


@pytest.fixture(autouse=True)
def _default_epoch(monkeypatch):
    """Tests run with pandoc_run's default SOURCE_DATE_EPOCH unless they set one."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="module")
def doc() -> Document:
    return from_dict(json.loads(FIXTURE.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def rendered(doc) -> dict[str, bytes]:
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    return {f: FORMATS[f].render(doc) for f in ALL_FORMATS}


def note_texts(doc: Document) -> list[str]:
    return ["\n\n".join(plain_text(p) for p in n.paragraphs) for n in doc.notes]


def edge_doc() -> Document:
    """Notes called twice, never called, called from a note, with no text; a
    call with no note; level-1 headings (EPUB chapters); odd list markers."""
    meta = Metadata(source=Source(name="edge.txt", sha256="cd" * 32), title="Edge",
                    date="March 2017")
    return Document(metadata=meta, blocks=[
        Paragraph([Text("Intro"), NoteRef("1", "n1")]),
        Heading(1, [Text("Chapter one")]),
        Paragraph([Text("Again"), NoteRef("1", "n1"), Text(" and"), NoteRef("2", "n2"),
                   Text(" lost"), NoteRef("7", "nx"), Text(" "),
                   Link("www.example.com/w", "www.example.com/w"), Text(" "),
                   Link("javascript:alert(1)", "click me")]),
        Heading(1, [Text("Chapter two"), NoteRef("3", "n3")]),
        ListBlock("ordered", [ListItem([Text("gamma")], "(c)"), ListItem([Text("delta")], "(d)")]),
        Paragraph([]),
    ], notes=[
        Note("n1", "1", [[Text("Note one.")]]),
        Note("n2", "2", [[Text("Note two, calling "), NoteRef("1", "n1"), Text(".")]]),
        Note("n3", "3", [[Text("Note three.")]]),
        Note("n4", "*", [[Text("Never called.")]]),
        Note("n5", "5", []),
    ])


def empty_doc() -> Document:
    return Document(metadata=Metadata(source=Source(name="some/dir/empty.txt", sha256="ab" * 32)))


# --------------------------------------------------------------------------
# Reading pandoc JSON back


def stringify(inlines) -> str:
    """Text of pandoc inlines; notes left out; any node that would mean the
    text was read as markup (code, math, raw HTML, emphasis…) fails."""
    out = []
    for x in inlines:
        t, c = x["t"], x.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak"):
            out.append(" ")
        elif t == "Quoted":
            q = "“”" if c[0]["t"] == "DoubleQuote" else "‘’"
            out.append(q[0] + stringify(c[1]) + q[1])
        elif t in ("Link", "Span"):
            out.append(stringify(c[1]))
        elif t == "Superscript":
            out.append(stringify(c))
        elif t == "Note":
            pass
        else:
            raise AssertionError(f"text read back as markup: {x}")
    return "".join(out)


def walk(node, t: str):
    """All pandoc JSON nodes of type ``t`` under ``node``, in document order."""
    if isinstance(node, list):
        for x in node:
            yield from walk(x, t)
    elif isinstance(node, dict):
        if node.get("t") == t:
            yield node
        for v in node.values():
            if isinstance(v, (list, dict)):
                yield from walk(v, t)


def meta_text(v) -> str:
    return stringify(v["c"]) if v["t"] == "MetaInlines" else v["c"]


def note_block_texts(note) -> str:
    return "\n\n".join(stringify(b["c"]) for b in note["c"])


# --------------------------------------------------------------------------
# EPUB and DOCX helpers


def epubcheck_command() -> list[str] | None:
    exe = shutil.which("epubcheck")
    if not exe:
        return None
    real = os.path.realpath(exe)
    with open(real, "rb") as f:
        is_jar = real.endswith(".jar") or f.read(2) == b"PK"
    if not is_jar:
        return [exe]
    java = shutil.which("java")
    # a short-lived JVM: the client compiler and serial GC halve the run time
    return [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", real] if java else None


def run_epubcheck(books: dict[str, bytes], tmp_path: Path) -> dict[str, str]:
    """Run epubcheck on each book (in parallel: the JVM takes seconds to start)
    and return its report per book; any fatal or error fails the test."""
    cmd = epubcheck_command()
    if cmd is None:
        if os.environ.get("CI"):
            pytest.fail("epubcheck (and java) must be installed on CI")
        pytest.skip("epubcheck not installed")
    procs = {}
    for name, data in books.items():
        path = tmp_path / f"{name}.epub"
        path.write_bytes(data)
        procs[name] = subprocess.Popen([*cmd, str(path)], stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, text=True)
    reports = {name: p.communicate(timeout=600)[0] for name, p in procs.items()}
    for name, out in reports.items():
        m = re.search(r"Messages: (\d+) fatals? / (\d+) errors?", out)
        assert m, out
        assert (m.group(1), m.group(2)) == ("0", "0"), f"{name}:\n{out}"
        assert procs[name].returncode == 0, out
    return reports


@pytest.fixture(scope="module")
def epubcheck_reports(rendered, tmp_path_factory) -> dict[str, str]:
    """epubcheck on the sample, the edge-case and the empty document."""
    books = {"sample": rendered["epub"], "edge": epub.render(edge_doc()),
             "empty": epub.render(empty_doc())}
    return run_epubcheck(books, tmp_path_factory.mktemp("epubcheck"))


def epub_parts(data: bytes):
    z = zipfile.ZipFile(io.BytesIO(data))
    container = etree.fromstring(z.read("META-INF/container.xml"))
    opf_path = container.find(".//{*}rootfile").get("full-path")
    opf = etree.fromstring(z.read(opf_path))
    chapters = {name: etree.fromstring(z.read(name)) for name in z.namelist()
                if re.search(r"/ch\d+\.xhtml$", name)}
    return z, opf, chapters


def epub_notes(data: bytes) -> list[str]:
    """Note texts of an EPUB, in order; checks that every call links to its
    note and every note links back to its call, in the same file."""
    _, _, chapters = epub_parts(data)
    texts = []
    for name, root in sorted(chapters.items()):
        by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
        for aside in root.iter(f"{XHTML}aside"):
            assert aside.get(EPUB_TYPE) == "footnote"
            back = [a for a in aside.iter(f"{XHTML}a") if a.get("role") == "doc-backlink"]
            assert len(back) == 1, f"{name}: note {aside.get('id')} has no backlink"
            call = by_id.get(back[0].get("href").lstrip("#"))
            assert call is not None, f"{name}: backlink {back[0].get('href')} goes nowhere"
            assert call.get(EPUB_TYPE) == "noteref"
            assert call.get("href") == "#" + aside.get("id"), "call and note do not match"
            paras = ["".join(p.itertext()) for p in aside.iter(f"{XHTML}p")]
            paras[0] = re.sub(r"^\d+\. ", "", paras[0])  # the backlink "1. "
            texts.append("\n\n".join(paras))
        refs = [a for a in root.iter(f"{XHTML}a") if a.get(EPUB_TYPE) == "noteref"]
        assert len(refs) == len(list(root.iter(f"{XHTML}aside")))
    return texts


def docx_part(data: bytes, name: str):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def w_text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


# --------------------------------------------------------------------------
# The AST


def test_api_version_is_the_one_pandoc_writes(doc):
    out = subprocess.run([pandoc_run.pandoc_path(), "-f", "markdown", "-t", "json"],
                         input=b"", capture_output=True, check=True).stdout
    assert pandoc_ast.build(doc)["pandoc-api-version"] == json.loads(out)["pandoc-api-version"]


def test_text_becomes_str_and_space():
    assert pandoc_ast.text_inlines("a  b\tc\u00a0d") == [
        {"t": "Str", "c": "a"}, {"t": "Space"}, {"t": "Str", "c": "b"}, {"t": "Space"},
        {"t": "Str", "c": "c\u00a0d"}]


def test_ast_mapping_of_sample(doc):
    ast = pandoc_ast.build(doc)
    meta, blocks = ast["meta"], ast["blocks"]
    assert meta_text(meta["title"]) == doc.metadata.title
    assert meta_text(meta["subtitle"]) == "With a subtitle"
    assert [meta_text(a) for a in meta["author"]["c"]] == doc.metadata.authors
    assert meta["lang"] == {"t": "MetaString", "c": "en"}
    assert "identifier" not in meta  # EPUB only
    assert [(b["c"][0], stringify(b["c"][2])) for b in walk(blocks, "Header")] == [
        (2, "Background"), (3, "A sub-section"), (2, "Conclusions")]
    assert [b["t"] for b in blocks] == ["Para", "Header", "Para", "Header", "BulletList",
                                        "OrderedList", "BlockQuote", "Div", "Header", "Para"]
    caption = blocks[7]["c"]
    assert caption[0] == ["", ["caption"], []] and stringify(caption[1][0]["c"]) == "A photo caption"
    start, style, delim = blocks[5]["c"][0]
    assert (start, style["t"]) == (1, "Decimal")
    assert [note_block_texts(n) for n in walk(blocks, "Note")] == [
        note_texts(doc)[0], note_texts(doc)[2], note_texts(doc)[1]]
    sup = list(walk(blocks, "Superscript"))
    assert [stringify(s["c"]) for s in sup] == ["9"]
    targets = [lk["c"][2][0] for lk in walk(blocks, "Link")]
    # document order: note 1 (with its URL) stands at its call, before the link
    assert targets == ["http://www.example.net/x-y/", "https://example.org/a_b?x=1&y=2",
                       "mailto:someone@example.org"]
    assert not list(walk(blocks, "RawInline")) and not list(walk(blocks, "RawBlock"))


def test_ast_targets(doc):
    e = pandoc_ast.build(doc, target="epub")
    assert e["meta"]["identifier"]["c"] == pandoc_ast.epub_identifier(doc)
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", pandoc_ast.epub_identifier(doc))
    assert all(n["c"][0]["c"][0]["c"][2][0].startswith("#fnref") for n in walk(e["blocks"], "Note"))
    d = pandoc_ast.build(doc, target="docx")
    assert list(walk(d["blocks"], "Div"))[0]["c"][0] == ["", ["caption"], [["custom-style", "Caption"]]]
    empty = pandoc_ast.build(empty_doc(), target="epub")["meta"]
    assert meta_text(empty["title"]) == "empty.txt"
    assert empty["lang"]["c"] == "und"
    assert pandoc_ast.build(empty_doc())["meta"] == {}
    named = empty_doc()
    named.metadata.language = "English"  # not a language tag: dropped
    assert "lang" not in pandoc_ast.build(named)["meta"]
    assert pandoc_ast.build(named, target="epub")["meta"]["lang"]["c"] == "und"


def test_epub_identifier_follows_source_hash(doc):
    other = from_dict(json.loads(FIXTURE.read_text(encoding="utf-8")))
    assert pandoc_ast.epub_identifier(other) == pandoc_ast.epub_identifier(doc)
    other.metadata.source.sha256 = "1" * 64
    assert pandoc_ast.epub_identifier(other) != pandoc_ast.epub_identifier(doc)


@pytest.mark.parametrize("marker, expected", [
    ("1", (1, "Decimal", "DefaultDelim")), ("4", (4, "Decimal", "DefaultDelim")),
    ("4.", (4, "Decimal", "Period")), ("12)", (12, "Decimal", "OneParen")),
    ("(c)", (3, "LowerAlpha", "TwoParens")), ("B.", (2, "UpperAlpha", "Period")),
    ("iv", (4, "LowerRoman", "DefaultDelim")), ("i.", (1, "LowerRoman", "Period")),
    (None, (1, "DefaultStyle", "DefaultDelim")), ("•", (1, "DefaultStyle", "DefaultDelim")),
])
def test_ordered_list_start_and_style(marker, expected):
    start, style, delim = pandoc_ast.list_attributes(marker)
    assert (start, style["t"], delim["t"]) == expected


@pytest.mark.parametrize("printed, iso", [
    ("2017", "2017"), ("2017-03-05", "2017-03-05"), ("March 2017", "2017-03"),
    ("3 March 2017", "2017-03-03"), ("Sept. 2019", "2019-09"), ("Spring 2017", "2017"),
    ("n.d.", None)])
def test_epub_date(printed, iso):
    assert pandoc_ast.epub_date(printed) == iso


def test_edge_cases_in_ast():
    d = edge_doc()
    blocks = pandoc_ast.build(d)["blocks"]
    notes = [note_block_texts(n) for n in walk(blocks, "Note")]
    # n1 twice (full content each time), n2 (its call of n1 a superscript), n3
    # in a heading, then the uncalled n4 and the empty n5.
    assert notes == ["Note one.", "Note one.", "Note two, calling 1.", "Note three.",
                     "Never called.", ""]
    assert [stringify(s["c"]) for s in walk(blocks, "Superscript")] == ["1", "7"]
    uncalled = blocks[-1]
    assert uncalled["t"] == "Div" and uncalled["c"][0][1] == ["uncalled-notes"]
    assert [stringify(p["c"]) for p in uncalled["c"][1]] == ["*", "5"]
    # www. gets a scheme in the target only; javascript: is no link at all
    links = [(stringify(lk["c"][1]), lk["c"][2][0]) for lk in walk(blocks, "Link")]
    assert links == [("www.example.com/w", "http://www.example.com/w")]
    assert "click me" in stringify(blocks[2]["c"])
    assert not [b for b in blocks if b["t"] == "Para" and not b["c"]]  # empty paragraph dropped
    epub_meta = pandoc_ast.build(d, target="epub")["meta"]
    assert meta_text(epub_meta["date"]) == "2017-03"


# --------------------------------------------------------------------------
# Markdown


def test_markdown_round_trip(doc, rendered):
    md = rendered["md"].decode("utf-8")
    assert md.startswith("---\n") and "[^1]:" in md
    ast = pandoc_run.read(md)
    meta, blocks = ast["meta"], ast["blocks"]
    assert meta_text(meta["title"]) == doc.metadata.title
    assert meta_text(meta["subtitle"]) == doc.metadata.subtitle
    assert [meta_text(a) for a in meta["author"]["c"]] == doc.metadata.authors
    assert [(h["c"][0], stringify(h["c"][2])) for h in walk(blocks, "Header")] == [
        (h.level, plain_text(h.content)) for h in doc.blocks if isinstance(h, Heading)]
    expected_notes = note_texts(doc)
    assert [note_block_texts(n) for n in walk(blocks, "Note")] == [
        expected_notes[0], expected_notes[2], expected_notes[1]]
    assert [lk["c"][2][0] for lk in walk(blocks, "Link")] == [
        "http://www.example.net/x-y/", "https://example.org/a_b?x=1&y=2",
        "mailto:someone@example.org"]
    paras = [stringify(b["c"]) for b in blocks if b["t"] == "Para"]
    assert MARKUP in paras
    assert paras[0] == ("First paragraph with a call. Then a link https://example.org/a_b?x=1&y=2"
                        " and mail someone@example.org.")
    assert paras[-1] == "Last words and a call with no note9."
    items = [stringify(i[0]["c"]) for lst in walk(blocks, "BulletList") for i in lst["c"]]
    items += [stringify(i[0]["c"]) for lst in walk(blocks, "OrderedList") for i in lst["c"][1]]
    assert items == ["first item", "second item", "Annadurdy, Foundation (Bulgaria)",
                     "Adaem Çevik (Turkey)"]
    (quote,) = walk(blocks, "BlockQuote")
    assert stringify(quote["c"][0]["c"]) == "A pull quote in Cyrillic: Что стоит за нападениями."
    (div,) = walk(blocks, "Div")
    assert div["c"][0][1] == ["caption"] and stringify(div["c"][1][0]["c"]) == "A photo caption"
    for t in ("RawInline", "RawBlock", "Code", "CodeBlock", "Math", "Emph", "Strong",
              "HorizontalRule", "Cite"):
        assert not list(walk(blocks, t)), f"markup-like text was read as {t}"


def test_markdown_as_the_scorer_reads_it(doc, rendered, tmp_path):
    scorer = Path("/work/shared/eval/score.py")
    if not scorer.exists():
        pytest.skip("scorer not available")
    import importlib.util

    spec = importlib.util.spec_from_file_location("seedconv_score", scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    path = tmp_path / "sample.md"
    path.write_bytes(rendered["md"])
    pred = score.read_markdown(path)
    assert score.norm(pred["title"]) == score.norm(doc.metadata.title)
    assert pred["authors"] == doc.metadata.authors
    assert [b["type"] for b in pred["blocks"]] == [
        "paragraph", "heading", "paragraph", "heading", "list_item", "list_item", "list_item",
        "list_item", "quote", "caption", "heading", "paragraph"]
    assert pred["notes"] == [note_texts(doc)[i] for i in (0, 2, 1)]
    assert pred["blocks"][0]["text"].startswith("First paragraph with a call.[^0] Then")


def test_markdown_keeps_ordered_list_start():
    d = Document(metadata=Metadata(source=Source("x.txt", "0" * 64), title="T"), blocks=[
        ListBlock("ordered", [ListItem([Text("four")], "4"), ListItem([Text("seven")], "7")])])
    (lst,) = walk(pandoc_run.read(markdown.render(d).decode()), "OrderedList")
    assert lst["c"][0][0] == 4


def test_markdown_edge_notes_survive():
    ast = pandoc_run.read(markdown.render(edge_doc()).decode())
    assert len(list(walk(ast["blocks"], "Note"))) == 6
    (div,) = [d for d in walk(ast["blocks"], "Div") if "uncalled-notes" in d["c"][0][1]]
    assert [note_block_texts(n) for n in walk(div, "Note")] == ["Never called.", ""]


_SAFE_TEXT = st.text(alphabet=string.printable[:-5] + "éЖ\u00a0", min_size=1, max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SAFE_TEXT)
@example("-@0")  # (found by hypothesis: read as a citation that suppresses the author)
def test_markdown_any_ascii_text_reads_back_literally(s):
    """Whatever ASCII text a paragraph holds, pandoc reads it back unchanged
    (except the pandoc 3.9 gaps of test_markdown_known_pandoc_escaping_gaps)."""
    expected = re.sub(r"[ \t\n\r\f\v]+", " ", s).strip(" ")
    if not expected or re.search(r"&#?[A-Za-z0-9]+;", expected) or expected.startswith(":::"):
        return
    d = Document(metadata=Metadata(source=Source("x.txt", "0" * 64), title="T"),
                 blocks=[Paragraph([Text(s)])])
    blocks = pandoc_run.read(markdown.render(d).decode())["blocks"]
    assert len(blocks) == 1 and blocks[0]["t"] == "Para", blocks
    out = []
    for x in blocks[0]["c"]:  # pandoc may read "@word" after punctuation as a citation
        if x["t"] == "Cite":  # ('-@word': one that suppresses the author, its '-' not in its text)
            minus = "-" if x["c"][0][0]["citationMode"]["t"] == "SuppressAuthor" else ""
            out.append(minus + stringify(x["c"][1]))
        else:
            out.append(stringify([x]))
    assert "".join(out) == expected


@pytest.mark.xfail(strict=True, reason="pandoc 3.9's Markdown writer does not escape these; "
                   "'&entity;' is fixed upstream in pandoc 3.10 (fd8d755f8), ':::' by #11571. "
                   "When this passes, pandoc was upgraded: drop the filters in the property test.")
@pytest.mark.parametrize("s", ["AT&amp;T", "::: note"])
def test_markdown_known_pandoc_escaping_gaps(s):
    d = Document(metadata=Metadata(source=Source("x.txt", "0" * 64), title="T"),
                 blocks=[Paragraph([Text(s)])])
    blocks = pandoc_run.read(markdown.render(d).decode())["blocks"]
    assert [stringify(b["c"]) for b in blocks if b["t"] == "Para"] == [s]


# --------------------------------------------------------------------------
# DOCX


def test_docx_footnotes_metadata_and_styles(doc, rendered):
    data = rendered["docx"]
    footnotes = docx_part(data, "word/footnotes.xml")
    texts = []
    for fn in footnotes.iter(f"{W}footnote"):
        if fn.get(f"{W}type") in ("separator", "continuationSeparator"):
            continue
        texts.append("\n\n".join(w_text(p).strip() for p in fn.iter(f"{W}p")))
    expected = note_texts(doc)
    assert texts == [expected[0], expected[2], expected[1]]
    body = docx_part(data, "word/document.xml")
    assert len(list(body.iter(f"{W}footnoteReference"))) == 3
    core = docx_part(data, "docProps/core.xml")
    assert core.find(f"{DC}title").text == doc.metadata.title
    assert [a.strip() for a in core.find(f"{DC}creator").text.split(";")] == doc.metadata.authors
    styles = {}
    for p in body.iter(f"{W}p"):
        st_el = p.find(f"{W}pPr/{W}pStyle")
        styles.setdefault(st_el.get(f"{W}val") if st_el is not None else None, []).append(w_text(p))
    assert styles["Heading2"] == ["Background", "Conclusions"]
    assert styles["Heading3"] == ["A sub-section"]
    assert styles["Title"] == [doc.metadata.title]
    assert styles["Author"] == doc.metadata.authors
    assert styles["Caption"] == ["A photo caption"]
    assert MARKUP in [w_text(p) for p in body.iter(f"{W}p")]


# --------------------------------------------------------------------------
# EPUB


@pytest.mark.parametrize("book", ["sample", "edge", "empty"])
def test_epub_passes_epubcheck(epubcheck_reports, book):
    assert "No errors or warnings detected" in epubcheck_reports[book]


def test_epub_metadata_and_linked_notes(doc, rendered):
    data = rendered["epub"]
    z, opf, chapters = epub_parts(data)
    assert z.namelist()[0] == "mimetype" and z.read("mimetype") == b"application/epub+zip"
    md = opf.find(f"{OPF}metadata")
    assert md.find(f"{DC}title").text == doc.metadata.title
    assert [c.text for c in md.iter(f"{DC}creator")] == doc.metadata.authors
    assert md.find(f"{DC}language").text == "en"
    assert md.find(f"{DC}identifier").text == pandoc_ast.epub_identifier(doc)
    assert md.find(f"{DC}rights").text == doc.metadata.rights
    expected = note_texts(doc)
    assert epub_notes(data) == [expected[0], expected[2], expected[1]]
    paras = ["".join(p.itertext()) for root in chapters.values() for p in root.iter(f"{XHTML}p")]
    assert MARKUP in paras
    assert not any(el.tag == f"{XHTML}script" for root in chapters.values() for el in root.iter())


def test_epub_edge_document():
    data = epub.render(edge_doc())
    assert epub_notes(data) == ["Note one.", "Note one.", "Note two, calling 1.", "Note three.",
                                "Never called.", ""]
    _, opf, chapters = epub_parts(data)
    assert len(chapters) == 3  # before chapter one, chapter one, chapter two
    assert opf.find(f"{OPF}metadata/{DC}date").text == "2017-03"


# --------------------------------------------------------------------------
# Plain text


def test_text_layout(doc, rendered):
    txt = rendered["txt"].decode("utf-8")
    assert txt.endswith(".\n") and not txt.endswith("\n\n")
    head, rest = txt.split("\n\n", 1)
    assert head.splitlines() == [doc.metadata.title, doc.metadata.subtitle, *doc.metadata.authors]
    body, notes = rest.split("\n\nNotes\n\n")
    assert "First paragraph with a call.[1] Then a link https://example.org/a_b?x=1&y=2" in body
    assert "- second item[*]" in body and "\n4. Adaem Çevik (Turkey)" in body
    assert "Last words[2] and a call with no note[9]." in body
    assert MARKUP in body.split("\n\n")
    assert "\n\n    A pull quote in Cyrillic" in body
    assert notes.split("\n\n") == [
        "[1] A note with a URL http://www.example.net/x-y/.",
        "[2] First paragraph of note two.\n    Second paragraph <b>bold</b>.",
        "[*] A symbol note.\n"]


def test_text_edge_document():
    txt = text.render(edge_doc()).decode("utf-8")
    notes = txt.split("\nNotes\n\n")[1]
    assert notes.split("\n\n") == ["[1] Note one.", "[2] Note two, calling [1].",
                                   "[3] Note three.", "[*] Never called.", "[5]\n"]
    assert "Again[1] and[2] lost[7] www.example.com/w click me <javascript:alert(1)>" in txt
    assert "(c) gamma\n(d) delta" in txt


# --------------------------------------------------------------------------
# Determinism, empty documents, failures


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_byte_identical_renders(doc, rendered, fmt):
    assert FORMATS[fmt].render(doc) == rendered[fmt]


@pytest.mark.parametrize("fmt", ["docx", "epub"])
def test_zip_dates_come_from_source_date_epoch(doc, rendered, fmt, monkeypatch):
    z = zipfile.ZipFile(io.BytesIO(rendered[fmt]))
    assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    data = FORMATS[fmt].render(doc)
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {
        (2023, 11, 14, 22, 13, 20)}
    if fmt == "docx":
        assert b"2023-11-14T22:13:20Z" in zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml")


def test_malformed_source_date_epoch(doc, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(pandoc_run.PandocError, match="SOURCE_DATE_EPOCH"):
        docx.render(doc)


def test_empty_document_renders_everywhere():
    d = empty_doc()
    out = {f: FORMATS[f].render(d) for f in ALL_FORMATS}
    assert pandoc_run.read(out["md"].decode())["blocks"] == []
    assert out["txt"] == b""
    assert docx_part(out["docx"], "word/document.xml") is not None
    _, opf, _ = epub_parts(out["epub"])
    assert opf.find(f"{OPF}metadata/{DC}title").text == "empty.txt"
    assert opf.find(f"{OPF}metadata/{DC}language").text == "und"
    assert {f: FORMATS[f].render(d) for f in ALL_FORMATS} == out


def test_pandoc_failure_is_pandoc_error(doc, tmp_path, monkeypatch):
    with pytest.raises(pandoc_run.PandocError) as e:
        pandoc_run.run(pandoc_ast.build(doc), "nosuchformat")
    assert e.value.returncode not in (0, None) and "nosuchformat" in e.value.stderr

    fake = tmp_path / "pandoc"
    fake.write_text("#!/bin/sh\necho 'pandoc: out of cheese' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pandoc_run, "pandoc_path", lambda: str(fake))
    for fmt in PANDOC_FORMATS:
        with pytest.raises(pandoc_run.PandocError) as e:
            FORMATS[fmt].render(doc)
        assert e.value.returncode == 3 and "out of cheese" in e.value.stderr
        assert "out of cheese" in str(e.value)

    monkeypatch.setattr(pandoc_run, "pandoc_path", lambda: str(tmp_path / "missing"))
    with pytest.raises(pandoc_run.PandocError, match="cannot run pandoc"):
        markdown.render(doc)


def test_writers_use_the_registry_modules():
    assert {f: FORMATS[f].module for f in ALL_FORMATS} == {
        "md": "markdown", "docx": "docx", "epub": "epub", "txt": "text"}
    for mod in (markdown, docx, epub, text):
        assert callable(mod.render) and mod.__doc__



@pytest.mark.parametrize("s", ["A.", "Z."])
def test_markdown_lone_capital_and_stop_is_not_a_list(s):
    # pandoc 3.9 writes 'A.' unescaped and reads it back as an empty list item
    d = Document(metadata=Metadata(source=Source("x.txt", "0" * 64), title="T"),
                 blocks=[Paragraph([Text(s)]), ListBlock("bullet", [ListItem([Text(s)])])])
    blocks = pandoc_run.read(markdown.render(d).decode())["blocks"]
    assert [b["t"] for b in blocks] == ["Para", "BulletList"]
    assert stringify(blocks[0]["c"]) == s
