"""The HTML review page (``seedconv review``).

Without a browser: the page of every seed parses, ids are unique, every
``#`` link has its target, every decision, furniture line, diagnostic,
block and note is on the page and linked both ways with its source lines,
the input lines are all there, and hostile input stays text.

In a real browser: each seed's page is opened in headless Chromium
(Debian's ``chromium``); the DOM Chromium renders (after the page's script
ran under its Content-Security-Policy) is checked the same way, and a
screenshot is taken.  Skipped when Chromium is missing, failed when the
environment variable ``CI`` is set.

``python tests/test_review.py`` rewrites ``docs/review.png`` (the README's
screenshot) from the first seed.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lhtml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import SEEDS  # noqa: E402

from seedconv.api import normalise_file  # noqa: E402
from seedconv.cli import main  # noqa: E402
from seedconv.review import render_review, review_bytes, review_file, source_lines  # noqa: E402

HOSTILE = (
    "A Title With <script>alert('x')</script> Inside\n\n"
    "Body text with \"><img src=x onerror=alert(1)> and <b>bold</b> and &amp; and\n"
    "a control character \x01 here and a javascript:alert(1) link.\n"
    "</div></main><script>document.title='pwned'</script>\n\n"
    "Second paragraph mentions https://example.org/<script> and more words here.\x0c\n"
    "Page two starts after a form feed with plain text that goes on.\n"
)


def chromium() -> str | None:
    for c in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if c and os.path.exists(c):
            return c
    return None


def need_chromium() -> str:
    exe = chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing (apt-get install -y chromium); required when CI is set")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return exe


def run_chromium(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    exe = need_chromium()
    with tempfile.TemporaryDirectory(prefix="seedconv-chromium-") as profile:
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               "--disable-default-apps", "--disable-extensions", "--mute-audio",
               f"--user-data-dir={profile}", *args]
        env = dict(os.environ, HOME=profile)
        return subprocess.run(cmd, capture_output=True, timeout=timeout, env=env, check=False)


def dump_dom(page: Path) -> str:
    r = run_chromium("--dump-dom", page.resolve().as_uri())
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")[-2000:]
    return r.stdout.decode("utf-8")


def screenshot(page: Path, png: Path, size: str = "1400,1000") -> None:
    png.parent.mkdir(parents=True, exist_ok=True)
    r = run_chromium("--hide-scrollbars", f"--window-size={size}", f"--screenshot={png.resolve()}",
                     page.resolve().as_uri())
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")[-2000:]


# --------------------------------------------------------------------------
# Fixtures: one page per seed, plus a hostile input


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("review")
    result = {}
    for seed in SEEDS:
        doc = normalise_file(seed)
        page = out / f"{seed.stem}.html"
        page.write_bytes(render_review(doc, source_lines(seed.read_bytes(), seed.name)))
        result[seed.stem] = (doc, page)
    hostile = out / "hostile.txt"
    hostile.write_bytes(HOSTILE.encode("utf-8"))
    page = out / "hostile.html"
    page.write_bytes(review_file(hostile))
    result["hostile"] = (normalise_file(hostile), page)
    return result


def ids(tree) -> dict:
    found = {}
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        i = el.get("id")
        if i is not None:
            assert i not in found, f"duplicate id {i!r}"
            found[i] = el
    return found


def text(el) -> str:
    return " ".join(el.text_content().split())


def links(el) -> set[str]:
    return {a.get("href") for a in el.iter("a") if a.get("href")}


def check_page(doc, source: str) -> None:
    """Every model item is on the page, linked to and from its source lines."""
    tree = lhtml.document_fromstring(source)
    by_id = ids(tree)
    # every in-page link has a target
    for a in tree.iter("a"):
        href = a.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in by_id, f"dangling link {href}"
        else:
            assert href.startswith(("http://", "https://", "ftp://", "mailto:")), href
    # offline: nothing to fetch
    assert not tree.xpath("//*[@src] | //link | //iframe | //object | //embed | //base")
    assert len(tree.xpath("//script")) == 1
    assert not tree.xpath("//@*[starts-with(name(), 'on')]")

    # all input lines, numbered
    n = doc.metadata.source.lines
    assert all(f"L{i}" in by_id for i in range(1, n + 1)) and f"L{n + 1}" not in by_id

    def line_links_to(line: int, target: str) -> bool:
        return f"#{target}" in links(by_id[f"L{line}"])

    for i, d in enumerate(doc.diagnostics, 1):
        el = by_id[f"g{i}"]
        assert " ".join(d.message.split()) in text(el)
        assert d.code in text(el)
        if d.lines and 1 <= d.lines[0] <= n:
            assert f"#L{d.lines[0]}" in links(el)
            assert line_links_to(d.lines[0], f"g{i}")
    for i, d in enumerate(doc.decisions, 1):
        el = by_id[f"d{i}"]
        assert d.pass_ in text(el) and d.action in text(el)
        a = min(d.lines)
        assert f"#L{a}" in links(el), f"d{i} has no link to its line {a}"
        assert line_links_to(a, f"d{i}"), f"line {a} has no link to d{i}"
        for line in range(a, max(d.lines) + 1):
            assert "dec" in by_id[f"L{line}"].get("class").split()
    for i, f in enumerate(doc.furniture, 1):
        el = by_id[f"f{i}"]
        assert " ".join(f.text.split()) in text(el)
        assert f"#L{f.line}" in links(el)
        assert line_links_to(f.line, f"f{i}")
        assert "furn" in by_id[f"L{f.line}"].get("class").split()
    for i, b in enumerate(doc.blocks, 1):
        el = by_id[f"b{i}"]
        for a, _ in b.spans:
            assert f"#L{a}" in links(el), f"b{i} has no link to line {a}"
            assert line_links_to(a, f"b{i}"), f"line {a} has no link to b{i}"
    for i, note in enumerate(doc.notes, 1):
        el = by_id[f"note{i}"]
        for a, _ in note.spans:
            assert f"#L{a}" in links(el) and line_links_to(a, f"note{i}")
    # the diagnostics come first, above the panes
    body = tree.find("body")
    assert body[0].tag == "header" and body[0].get_element_by_id("diagnostics") is not None


# --------------------------------------------------------------------------
# Without a browser


@pytest.mark.parametrize("stem", [s.stem for s in SEEDS] + ["hostile"])
def test_page_links_every_item_both_ways(pages, stem):
    doc, page = pages[stem]
    source = page.read_text(encoding="utf-8")
    assert source.startswith("<!DOCTYPE html>")
    check_page(doc, source)


def test_page_shows_input_lines_as_read(pages):
    seed = SEEDS[0]
    doc, page = pages[seed.stem]
    tree = lhtml.document_fromstring(page.read_bytes())
    lines = source_lines(seed.read_bytes(), seed.name)
    assert len(lines) == doc.metadata.source.lines
    for ln in lines[:200]:
        el = tree.get_element_by_id(f"L{ln.no}")
        assert el.find_class("tx")[0].text_content() == ln.text


def test_hostile_input_stays_text(pages):
    doc, page = pages["hostile"]
    source = page.read_text(encoding="utf-8")
    tree = lhtml.document_fromstring(source)
    assert len(tree.xpath("//script")) == 1
    assert not tree.xpath("//img | //*[@id='source']//b")
    assert "<script>alert" not in source and "&lt;script&gt;alert" in source
    line1 = tree.get_element_by_id("L1").find_class("tx")[0].text_content()
    assert line1 == "A Title With <script>alert('x')</script> Inside"
    # the control character is shown as its control picture, the page break marked
    assert "\u2401" in tree.get_element_by_id("L4").text_content()
    assert tree.xpath("//*[contains(concat(' ', @class, ' '), ' pg ')]")
    # the content-security-policy allows no network access and only our script
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp


def test_review_cli(tmp_path):
    seed = min(SEEDS, key=lambda p: p.stat().st_size)
    out = tmp_path / "page.html"
    r = CliRunner().invoke(main, ["review", str(seed), "-o", str(out), "--no-profile"])
    assert r.exit_code == 0, r.stderr
    assert out.read_bytes() == review_bytes(seed.read_bytes(), seed.name)
    r = CliRunner().invoke(main, ["review", str(seed), "-o", "-", "--no-profile"])
    assert r.exit_code == 0 and r.stdout.startswith("<!DOCTYPE html>")
    r = CliRunner().invoke(main, ["review", "-", "-o", "-", "--no-profile"], input=seed.read_bytes())
    assert r.exit_code == 0 and "Review of" in r.stdout and "stdin.txt" in r.stdout
    r = CliRunner().invoke(main, ["review", str(tmp_path / "nothere.txt"), "-o", str(out)])
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines() == [f"seedconv: {tmp_path / 'nothere.txt'}: no such file"]
    pdf = tmp_path / "x.txt"
    pdf.write_bytes(b"%PDF-1.7\n...")
    r = CliRunner().invoke(main, ["review", str(pdf), "-o", str(tmp_path / "y.html")])
    assert r.exit_code == 2 and "PDF" in r.stderr and not (tmp_path / "y.html").exists()


def test_review_is_deterministic():
    seed = SEEDS[0]
    assert review_bytes(seed.read_bytes(), seed.name) == review_bytes(seed.read_bytes(), seed.name)


# --------------------------------------------------------------------------
# In headless Chromium


@pytest.mark.parametrize("stem", [s.stem for s in SEEDS] + ["hostile"])
def test_chromium_renders_every_item_with_working_links(pages, stem):
    doc, page = pages[stem]
    dom = dump_dom(page)
    # the page's one script ran under its Content-Security-Policy
    root = lhtml.document_fromstring(dom)
    assert "js" in (root.get("class") or "").split()
    check_page(doc, dom)
    if stem == "hostile":
        assert "pwned" not in root.findtext(".//title")


def test_chromium_screenshot(pages, tmp_path):
    doc, page = pages[SEEDS[0].stem]
    png = tmp_path / "review.png"
    screenshot(page, png)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


if __name__ == "__main__":  # python tests/test_review.py: refresh docs/review.png
    seed = SEEDS[0]
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "review.html"
        page.write_bytes(review_file(seed))
        screenshot(page, ROOT / "docs" / "review.png", size="1280,800")
    try:  # with Pillow at hand, 128 colours make the file a third of the size
        from PIL import Image

        im = Image.open(ROOT / "docs" / "review.png").convert("RGB")
        im.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE) \
            .save(ROOT / "docs" / "review.png", optimize=True)
    except ImportError:
        pass
    print(ROOT / "docs" / "review.png")
