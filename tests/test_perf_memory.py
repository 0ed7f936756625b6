"""Memory-saving paths give the results of the simple ones: the
conservation check and the URL counts of ``furniture`` work a piece of
the text at a time, build lets the lines go as it builds, lines have no
per-object dictionary."""
import random
import re
from pathlib import Path

import pytest

import seedconv
from seedconv import conservation, pipeline
from seedconv.model import to_dict
from seedconv.passes import build, furniture
from seedconv.passes.base import Context, Line

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "seeds").glob("*.txt"))[:2] + sorted((ROOT / "tests" / "corpus" / "docs").glob("*.txt"))[:4]


def test_line_has_no_dict():
    ln = Line(no=1, text="x")
    assert not hasattr(ln, "__dict__")
    with pytest.raises(AttributeError):
        ln.something_else = 1


def _old_url_counts(flat: str, urls: set[str]) -> dict[str, int]:
    counts = dict.fromkeys(urls, 0)
    for p in (m.start() for m in re.finditer(r"(?=http|ftp|www)", flat)):
        for u in urls:
            if flat.startswith(u, p):
                counts[u] += 1
    return counts


def test_url_counts_in_pieces(monkeypatch):
    monkeypatch.setattr(furniture, "_FLAT_CHUNK", 7)
    rng = random.Random(1)
    parts = ["http://a.b", "www.x", "HTTP://A.B/c-d", " ", "-", "foo", "http", "://", "a.b", "ww", "w.x", "é"]
    urls = {"http://a.b", "www.x", "http://a.b/cd", "httpfoo"}
    for _ in range(2000):
        texts = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(0, 12))]
        flat = re.sub(r"[\s\-]", "", " ".join(texts).casefold())
        assert furniture._url_counts(iter(texts), urls) == _old_url_counts(flat, urls), texts


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_conservation_in_pieces(monkeypatch, path):
    text = path.read_text(encoding="utf-8")
    doc = seedconv.normalise(text)
    whole = conservation.lost_words(text, doc)
    monkeypatch.setattr(conservation, "_CHUNK", 50)
    assert conservation.lost_words(text, doc) == whole
    # and against the plain definition: every token counted at once
    words = re.findall(r"\w+", text)
    need = {}
    for w in words:
        need[w.casefold()] = need.get(w.casefold(), 0) + 1
    assert sum(need.values()) == sum(conservation._count(conservation._chunks(text)).values())


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_build_releasing_lines_builds_the_same(monkeypatch, path):
    text = path.read_text(encoding="utf-8")
    released = to_dict(seedconv.normalise(text))
    real_run = build.run

    def keep(ctx: Context):
        ctx.release_frags = False
        lines, frags = ctx.lines, list(ctx.frags)
        out = real_run(ctx)
        assert ctx.lines is lines and ctx.frags == frags
        return out

    monkeypatch.setattr(pipeline.build, "run", keep)
    assert to_dict(seedconv.normalise(text)) == released


@pytest.mark.parametrize("path", SAMPLES[:3], ids=lambda p: p.name)
def test_calls_before_as_first_call_lines(path):
    """called[i] (first line of each call number) answers as a running set would."""
    from seedconv.passes import footnotes, spacing
    from seedconv.settings import Settings

    ctx = Context(lines=pipeline.split_lines(path.read_text(encoding="utf-8")), settings=Settings())
    spacing.run(ctx)
    called = furniture._calls_before(ctx)
    seen: set[str] = set()
    numbers = [str(n) for n in range(0, 1000)]
    for i, ln in enumerate(ctx.lines):
        before = called[i]
        assert {n for n in numbers if n in before} == {n for n in seen if n in numbers}, i
        if not ln.blank and re.search(r"\d", ln.text):
            seen |= {m.group(1) for m in footnotes._CALL_GLUED.finditer(ln.text)}
            seen |= {m.group(2) for m in footnotes._CALL_SPACED.finditer(ln.text)}
