"""The shortcuts taken for speed decide as the plain tests do: pre-tests in
front of regular expressions, footnote-call patterns with a lookahead in
front, URL/e-mail splitting that skips texts without '://', 'www.' or '@'."""
import re
from pathlib import Path

import pytest

from seedconv.model import Email, Link, Text
from seedconv.passes import footnotes, furniture, urls

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus" / "docs").glob("*.txt"))
TRICKY = ["", "-", "...", " ...", "___", "mailto:x@y.org", "MAILTO:a@b", "maılto:a@b", "http://x.org",
          "HTTP://X.ORG", "Www.example.org", "ftp://a", "ſtp://a", "www.", "© 2001 Foo", "(c) 1999",
          "Copyright 2020", "copr. 1987", "COPYRİGHT 2000", "12 Title", "Title 12", "x²", "١٢ title",
          "word1, word2 3 Next", "see note 12. And", "Experts1 said", "fin de phrase 3 et", "2.7.2 Section"]


def _lines():
    out = list(TRICKY)
    for p in DOCS:
        out += p.read_text(encoding="utf-8", errors="replace").splitlines()
    return [t.strip() for t in out]


LINES = _lines()


def test_line_pretests_are_exact():
    for t in LINES:
        assert furniture._is_rule(t) == bool(furniture._RULE.match(t)), t
        assert furniture._is_mailto(t) == bool(furniture._MAILTO.match(t)), t
        assert furniture._url_only(t) == bool(furniture._URL_ONLY.match(t)), t
        assert (t[:1].isdecimal() or t[-1:].isdecimal() or not furniture._HEAD_NUM.match(t)), t
        assert ("1" in t or "2" in t or not furniture._YEAR.search(t)), t


@pytest.mark.parametrize("name", ["_CALL_GLUED", "_CALL_AFTER_WORD", "_CALL_SPACED"])
def test_fast_call_patterns_find_the_same(name):
    p = getattr(footnotes, name)
    fast = furniture._fast(p)
    for t in LINES:
        assert [(m.span(), m.groups()) for m in fast.finditer(t)] == \
               [(m.span(), m.groups()) for m in p.finditer(t)], t


def _plain_inlines(text):
    """urls.inlines without the pre-tests."""
    spans = []
    for m in urls.URL.finditer(text):
        url, _ = urls.strip_trailing(m.group(0))
        if len(url) > len("https://"):
            spans.append((m.start(), m.start() + len(url), "url", url))
    for m in urls.EMAIL.finditer(text):
        if not any(a <= m.start() < b for a, b, _, _ in spans):
            spans.append((m.start(), m.end(), "email", m.group(0)))
    out, pos = [], 0
    for a, b, kind, val in sorted(spans):
        if a < pos:
            continue
        if a > pos:
            out.append(Text(text[pos:a]))
        out.append(Link(val if re.match(r"[a-z]+://", val, re.I) else "http://" + val, val)
                   if kind == "url" else Email(val))
        pos = b
    if pos < len(text):
        out.append(Text(text[pos:]))
    return out


def test_inlines_pretests_are_exact():
    for t in LINES + [" ".join(LINES[i:i + 5]) for i in range(0, len(LINES), 5)] + \
            ["mail me at a.b@example.org or www.example.org/x.", "HTTPS://EXAMPLE.ORG/A (see)", "x@y"]:
        assert urls.inlines(t) == _plain_inlines(t), t
