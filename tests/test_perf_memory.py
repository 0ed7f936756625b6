"""Memory-saving paths give the results of the simple ones: the
conservation check and the URL counts of ``furniture`` work a piece of
the text at a time, build lets the lines go as it builds, lines have no
per-object dictionary."""
import hashlib
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


def test_frag_has_no_dict_until_given_an_attribute():
    from seedconv.passes.base import Frag

    f = Frag(lines=[])
    assert not f.__dict__
    f.__dict__.setdefault("seams", set()).add(3)  # as reading_order does
    assert getattr(f, "seams", None) == {3}
    assert not Frag(lines=[]).__dict__


def test_reader_says_when_text_is_the_bytes_as_utf8():
    from seedconv.reader import decode

    assert decode("a é\n".encode()).verbatim
    assert not decode(b"\xef\xbb\xbfa\n").verbatim  # byte-order mark
    assert not decode("caf\u00e9 na\u00efve".encode("cp1252")).verbatim
    assert not decode("\u00c3\u00a9t\u00c3\u00a9 ok\n".encode()).verbatim  # mojibake repaired


@pytest.mark.parametrize("extra", ["", "\x0b\x1c vertical tab \x00 nul\x85 nel\n", "\r\nlost\x07word\r"])
@pytest.mark.parametrize("path", SAMPLES[:3], ids=lambda p: p.name)
def test_bytes_let_go_of_the_text_and_check_the_same(path, extra):
    """normalise_bytes drops the decoded text while the lines exist and
    decodes the bytes again for the conservation check: same document as
    normalising the text (kept throughout)."""
    data = path.read_bytes() + extra.encode()
    got = to_dict(seedconv.normalise_bytes(data, name="x.txt"))
    want = to_dict(seedconv.normalise(data.decode("utf-8"), name="x.txt",
                                      _sha=hashlib.sha256(data).hexdigest()))
    assert got == want


def test_bytes_report_lost_words_as_the_text_does(monkeypatch):
    """The conservation check after the text was let go sees the same input."""
    data = "One paragraph of words here.\n\nAnother paragraph follows it.\n".encode()
    real = pipeline.build.run

    def lose(ctx):
        blocks, notes = real(ctx)
        return blocks[:1], notes

    monkeypatch.setattr(pipeline.build, "run", lose)
    doc = seedconv.normalise_bytes(data)
    lost = conservation.lost(doc)
    assert lost and "Another" in lost[0].message
    assert to_dict(doc) == to_dict(seedconv.normalise(data.decode(), name="input.txt",
                                                       _sha=hashlib.sha256(data).hexdigest()))


def test_removed_lines_become_furniture_records_in_order():
    from seedconv.model import Furniture
    from seedconv.settings import Settings

    lines = [Line(no=k, text=t) for k, t in enumerate(["  Head  ", "body", "", "12", "Head"], 1)]
    ctx = Context(lines=lines, settings=Settings())
    ctx.remove(lines[3], "page-number", "alone")
    ctx.remove(lines[0], "running-head", "repeated")
    ctx.remove(lines[0], "other", "again")  # removed once only
    ctx.remove(lines[2], "blank", "nothing")  # no text: no record
    assert all(ln.removed for ln in (lines[0], lines[2], lines[3]))
    assert ctx.take_furniture() == [Furniture(4, "12", "page-number", "alone"),
                                    Furniture(1, "Head", "running-head", "repeated")]
    ctx.remove(lines[4], "running-head", "repeated")
    assert ctx.take_furniture()[2:] == [Furniture(5, "Head", "running-head", "repeated")]
    assert len(ctx.furniture) == 3


def test_decisions_read_in_order_whenever_read():
    from seedconv.model import Decision
    from seedconv.settings import Settings

    ctx = Context(lines=[], settings=Settings())
    ctx.decide("a", "x", (1, 2), "b", "c", "d")
    ctx.decide("a", "y", [3, 3])
    assert ctx.decisions == [Decision("a", "x", (1, 2), "b", "c", "d"), Decision("a", "y", (3, 3))]
    assert ctx.decisions is ctx.decisions
    ctx.decide("b", "z", (4, 5))
    assert [d.action for d in ctx.decisions] == ["x", "y", "z"]
    assert isinstance(ctx.decisions[1].lines, tuple)
