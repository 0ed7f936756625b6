"""URLs and e-mail addresses.

Repairs URLs broken across lines, with and without an inserted hyphen::

    https://www.rivernews.exam-     →  https://www.rivernews.example.org/2015/03/...
    ple.org/2015/03/...
    https://www.example.org/a/how-much-
    is-the-water-worth-...          →  .../how-much-is-the-water-worth-...

Inside a host name a line-end hyphen is the typesetter's (host names rarely
hold hyphens at a line end); inside a path *slug* (words joined by hyphens)
it is kept unless the joined form is a known word or the piece after the
break is a short unknown syllable.  The joining itself happens in
:mod:`line_end_hyphens`, which asks :func:`url_hyphen` here.

:func:`inlines` splits joined text into Text / Link / Email inlines; only
http(s), ftp and mailto targets ever become links.
"""
from __future__ import annotations

import re

from ..model import Email, Inline, Link, Text
from .words import is_word, zipf_any

URL_TAIL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"“”‘’]*$", re.I)
URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"“”]+", re.I)
# the same, tried only where an h, f or w stands (a look-ahead the engine
# tests faster than the case-insensitive alternatives at every position)
_URL_AT = re.compile(r"(?=[hfw])" + URL.pattern, re.I)
# a text ending with an e-mail address (a contact line): it ends like a sentence
EMAIL_END = re.compile(r"@[\w-]+(?:\.[\w-]+)+$")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w@])")
_TRAIL = ".,;:!?)]}»’'\"”"


_TOKEN_REVERSED = re.compile(r"[^\s<>\"“”‘’]*")
# every URL match holds '://' or 'www.' (any case), every e-mail match an '@':
# texts without them skip those searches
_WWW = re.compile(r"www\.", re.I)
_SCHEME = re.compile(r"[a-z]+://", re.I)
_URL_START = re.compile(r"https?://|ftp://|www\.", re.I)


def url_tail(text: str) -> str | None:
    """The URL that ``text`` ends inside (what ``URL_TAIL`` matches), or None.

    Linear in the length of the last token: the token is found by matching
    the reversed text from its start (a ``$``-anchored search would retry
    every position and be quadratic on long runs without spaces)."""
    end = text[text.rfind(" ") + 1:]  # the token lies within what follows the last space
    if "://" not in end and "." not in end:
        return None  # cheap test first: no URL can start in this token
    m = _TOKEN_REVERSED.match(end[::-1])
    token = text[len(text) - m.end():]
    u = _URL_START.search(token)
    return token[u.start():] if u else None


def in_url(accumulated: str) -> bool:
    """Does the text so far end inside a URL?"""
    return url_tail(accumulated) is not None


def url_hyphen(url_so_far: str, left: str, right: str, lang: str) -> tuple[bool, str]:
    """Decide a line-end hyphen inside a URL: (keep?, reason)."""
    if not right or not right[0].isalpha():
        return True, "next piece does not start with a letter"
    head = re.sub(r"^[a-z]+://", "", url_so_far, flags=re.I)
    if "/" not in head:
        return False, "break inside the host name"
    seg = head.rsplit("/", 1)[-1]
    slug = "-" in seg
    joined = left + right
    if len(left) == 1:
        return True, "one-letter piece before the break"
    if is_word(joined, lang, 2.5):
        return False, f"'{joined}' is a word"
    camel = re.search(r"[A-Z][a-z]+$", left)
    if camel and len(left) > len(camel.group(0)) and right[:1].islower() and not is_word(right, lang, 2.5) \
            and is_word(camel.group(0) + right, lang, 2.5):
        # 'TransitionTra-' | 'cker': the last word of a CamelCase name broken
        return False, f"'{camel.group(0) + right}' is a word"
    zl, zr = zipf_any(left.casefold(), lang), zipf_any(right.casefold(), lang)
    if min(zl, zr) >= 2.5 and max(zl, zr) >= 4.5:
        return True, "both pieces are common words: a hyphen of the address"
    if min(zl, zr) >= 3.0 and min(len(left), len(right)) >= 4:
        return True, "both pieces are words and their join is not: a hyphen of the address"
    if not slug:
        return False, "break inside a path segment without hyphens"
    if len(joined) >= 7 and any(is_word(joined[:-k], lang, 2.5) for k in (1, 2)):
        return False, f"'{joined}' is an inflected word"
    if is_word(left, lang):
        return False, f"'{right}' is not a word: the rest of '{left}…'"
    if len(right) <= 4:
        return False, f"'{right}' is a short unknown syllable"
    return True, "hyphenated slug"


def strip_trailing(url: str) -> tuple[str, str]:
    """Split trailing punctuation that is not part of the address."""
    tail = ""
    while url and url[-1] in _TRAIL:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        if url.endswith("#!"):
            break  # a hash-bang fragment ('.../border/#!') is part of the address
        tail = url[-1] + tail
        url = url[:-1]
    return url, tail


def inlines(text: str) -> list[Inline]:
    """Split text into Text, Link and Email inlines."""
    out: list[Inline] = []
    pos = 0
    spans = []
    # (every _WWW match holds a w before a full stop, in either case: that
    # substring test spares most texts the case-insensitive search)
    if "://" in text or (("w." in text or "W." in text) and _WWW.search(text)):
        for m in _URL_AT.finditer(text):
            url, tail = strip_trailing(m.group(0))
            if len(url) > len("https://"):
                spans.append((m.start(), m.start() + len(url), "url", url))
    emails = "@" in text
    if not spans and not emails:
        return [Text(text)] if text else []
    urls = len(spans)
    k = 0  # URL spans and e-mail matches both come in text order: one sweep
    for m in (EMAIL.finditer(text) if emails else ()):
        while k < urls and spans[k][1] <= m.start():
            k += 1
        if not (k < urls and spans[k][0] <= m.start()):
            spans.append((m.start(), m.end(), "email", m.group(0)))
    spans.sort()
    for a, b, kind, val in spans:
        if a < pos:
            continue
        if a > pos:
            out.append(Text(text[pos:a]))
        if kind == "url":
            target = val if _SCHEME.match(val) else "http://" + val
            out.append(Link(target, val))
        else:
            out.append(Email(val))
        pos = b
    if pos < len(text):
        out.append(Text(text[pos:]))
    return out
