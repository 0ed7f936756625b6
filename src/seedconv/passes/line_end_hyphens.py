"""Line-end hyphens: the typesetter's or the word's own?

Joins the lines of a block into one text.  At a line-end hyphen it decides
with word knowledge for the document's language (wordfreq)::

    do- | mestic           → domestic          (joined form is a word)
    pro- | Russian         → pro-Russian       (capital after the break)
    eighteenth- | century  → eighteenth-century (both pieces are words, the
                                                  joined form is not)
    2016- | 2018           → 2016-2018         (numbers)

Dashes at a line end (``–``, ``—``) join without a space.  Inside URLs the
decision is :func:`urls.url_hyphen`'s.  A file path cut after a slash
(``/usr/ | share/doc/…``) joins without a space when the next line goes on
with more of a path (another slash or a dot), not with a word of prose.  Every decision is recorded with its
source lines and the original form, so it can be audited and reversed.
"""
from __future__ import annotations

import re

from .base import Context, Line
from .urls import in_url, url_hyphen, url_tail
from .words import is_word, zipf, zipf_any

NAME = "line_end_hyphens"
_RIGHT = re.compile(r"^([^\W\d_]+)")
# an absolute or home path ending with a slash, and what may continue it: a
# name with another slash or a dot in it (not a word of prose: '/etc/' | 'is')
_PATH_END = re.compile(r"(?:^|[\s(\"'«“„])~?/(?:[\w.+-]+/)+$")
_PATH_REST = re.compile(r"[\w.+-]+(?:/[\w.+-]*|\.[\w]+)(?:[\w./+-]*)[)\"'»”.,;:]*(?:\s|$)")
_SLASH_END = re.compile(r"(?:^|\s|\()[^\W\d_]{1,12}/$")  # a word and a slash, not a path
_SPACED_LEFT = re.compile(r"(?<![\w-])([^\W\d_]{2,}) -$")
_HYPHENS = ("-", "\u2010", "\u2011")
# a path or file name broken after a dot, with a hyphen: '"/etc/apt/sources.-'
_DOT_HYPHEN_END = re.compile(r"(?:^|[\s\"'«“(])[\w~/+-]*/[\w.+-]*\w\.-$")
_SCHEME_END = re.compile(r"(?<![\w.+-])(?:https?|ftp):$", re.I)  # '(https:' | '//example.org/...'
#: a quoted or bracketed first part of a suspended compound ('"Packages"- und')
_CLOSING = "\"'”’»)]"
#: languages that write compounds as one word ("Befehlsargument"): a kept
#: hyphen there is followed by a capital ("Debian-System")
COMPOUNDING = {"de", "nl", "sv", "da", "no", "nb", "fi"}
#: conjunctions after which a line-end hyphen is a suspended compound
#: ("Nord- und Süddeutschland", "pre- and post-war")
SUSPENDED_BEFORE = {"und", "oder", "bzw", "sowie", "and", "or", "et", "ou", "y", "o", "e", "u",
                    "и", "или", "a", "i"}

#: second pieces that are word endings (suffixes), though words of their own
#: too: ``switch-`` | ``able`` is ``switchable`` when the language knows it
SUFFIX_PIECES = {"en": {"able", "ible", "ably", "ibly", "ment", "ments", "ness"}}


_INNER_CAPITAL = re.compile(r"[^\W\d_A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁ]")


def word_hyphen(left: str, right: str, lang: str) -> tuple[bool, str]:
    """Decide a hyphen between two word pieces: (keep?, reason)."""
    caps = left.isupper() and right.isupper()
    if right[:1].isupper() and not caps:
        if left[:1].isupper() and _INNER_CAPITAL.search(right) and \
                zipf_any((left + right).casefold(), lang) >= 1.5:
            # 'Duck-' | 'DuckGo': a CamelCase name broken at a capital
            return False, f"'{left + right}' is a known name written in CamelCase"
        return True, "capital after the break"
    joined = left + right
    zj = zipf_any(joined.casefold(), lang)
    zl, zr = zipf(left.casefold(), lang), zipf(right.casefold(), lang)
    if zj < 3.0 and zl >= 4.0 and zr >= 4.0 and len(left) >= 3 and len(right) >= 3 and \
            not (right.casefold() in SUFFIX_PIECES.get(lang, ()) and zj >= 1.5):
        return True, "two common words, the run-together form is rare"
    if is_word(joined, lang):
        return False, f"'{joined}' is a word"
    if lang in COMPOUNDING:
        return False, "compounds are written as one word in this language (a hyphen before " \
                      "a lower-case piece is the typesetter's)"
    if len(left) >= 2 and is_word(left, lang, 2.5) and is_word(right, lang, 2.5) and len(right) >= 3:
        return True, "both pieces are words, the joined form is not"
    return False, "typesetter's break (joined form unknown, pieces not both words)"


# Only the end of the text joined so far is ever looked at; keeping that end
# (and the text as a list of pieces) makes joining linear in the block length.
_TAIL = 2048
_MAX_PIECE = 100


def _left_piece(text: str) -> str:
    """The letters (no digits) just before the final ``-`` of ``text``,
    scanned backwards and at most ``_MAX_PIECE`` long."""
    if not text.endswith("-"):
        return ""
    j = len(text) - 1
    stop = max(0, j - _MAX_PIECE)
    while j > stop and text[j - 1].isalnum() and not text[j - 1].isdecimal():
        j -= 1
    return text[j:-1]


# url_hyphen's reasons that prove a hyphen was inserted by the typesetter
_SURE_INSERTED = ("break inside the host name", "is a word")
# its reasons for removing that are only a guess
_GUESSED = ("break inside a path segment without hyphens", "is not a word: the rest of",
            "is a short unknown syllable", "is an inflected word")


def survey_url_hyphens(ctx: Context) -> None:
    """Does this document's typesetter hyphenate addresses?  LaTeX's url
    package and word processors break an address after its own hyphens and
    never add one; other typesetters do.  The document's own sure cases
    decide (a break inside a host name, a join that is a word); with none,
    a line-end hyphen inside an address is kept where removing it would only
    be a guess.  The answer is kept in ``ctx.meta['url_hyphens_inserted']``."""
    sure = 0
    for f in ctx.frags:
        texts = f.line_texts()
        if len(texts) < 2:
            continue  # (no line end inside the block)
        try:
            joined = " ".join(texts)
        except TypeError:  # (a text that is None: looked at line by line)
            joined = "://"
        if "://" not in joined and "w." not in joined and "W." not in joined:
            continue  # no address in the block (every one holds "//" or "www." in some case)
        for a, b in zip(texts, texts[1:]):
            a = (a or "").rstrip()
            if not a.endswith(_HYPHENS) or not b:
                continue
            url = url_tail(a[:-1])
            if not url:
                continue
            rm = _RIGHT.match(b.strip())
            _, why = url_hyphen(url, _left_piece(a), rm.group(1) if rm else b.strip(), ctx.language)
            if why.startswith(_SURE_INSERTED) or why.endswith(_SURE_INSERTED):
                sure += 1
    ctx.meta["url_hyphens_inserted"] = sure > 0


#: the last characters of the text so far that any rule of join_lines but
#: the address test looks at (dashes, hyphens, a colon, a slash)
_SPECIAL_END = frozenset(("–", "—", "-", "\u2010", "\u2011", ":", "/"))


def join_lines(ctx: Context, lines: list[Line], texts: list[str], seams: set[int] | None = None,
               record: bool = True) -> str:
    """Join the texts of ``lines`` into one string, resolving line ends."""
    seams = seams or set()
    parts: list[str] = []
    tail = ""  # the last _TAIL characters of "".join(parts)
    lang = ctx.language

    def add(piece: str) -> None:
        nonlocal tail
        if piece:
            parts.append(piece)
            tail = (tail + piece)[-_TAIL:] if len(piece) < _TAIL else piece[-_TAIL:]

    for k, (ln, t) in enumerate(zip(lines, texts)):
        t = t.strip()
        if k == 0 or not parts:
            add(t)
            continue
        jump = ln.no in seams
        if tail[-1:] not in _SPECIAL_END:  # (most lines: only the address test below applies)
            # (written out first: an address in the last token, which the
            # token after the last space holds, holds '://' or 'www.' in some
            # case, so 'w.' or 'W.')
            if not jump and ("://" in (end := tail[tail.rfind(" ") + 1:]) or "w." in end or "W." in end) \
                    and in_url(tail) and _url_continues(tail, t, lang):
                if record:
                    ctx.decide("urls", "join-url", (lines[k - 1].no, ln.no), tail.split()[-1] + "|" + t.split()[0],
                               "", "URL broken across lines without a hyphen")
                add(t)
                continue
            piece = " " + t  # add(" " + t), written out
            parts.append(piece)
            tail = (tail + piece)[-_TAIL:] if len(piece) < _TAIL else piece[-_TAIL:]
            continue
        prev_no = lines[k - 1].no
        if tail.endswith(("–", "—")) and not jump:
            add(t)
            continue
        if tail.endswith(" -") and t[:1].islower() and not jump:
            # 'égale -' | 'ment': a justified line set the hyphen apart (pdfminer)
            lm = _SPACED_LEFT.search(tail[-120:])
            rm = _RIGHT.match(t)
            if lm and rm and len(rm.group(1)) >= 2 and is_word(lm.group(1) + rm.group(1), lang):
                parts[-1] = parts[-1][:-2]
                tail = tail[:-2]
                if record:
                    ctx.decide(NAME, "remove-spaced-hyphen", (prev_no, ln.no), f"{lm.group(1)} -|{rm.group(1)}",
                               lm.group(1) + rm.group(1), f"'{lm.group(1) + rm.group(1)}' is a word: the "
                               "extractor set the typesetter's hyphen apart from its word")
                add(t)
                continue
        if tail.endswith(_HYPHENS) and t:
            url = url_tail(tail[:-1])
            left = _left_piece(tail)
            rm = _RIGHT.match(t)
            right = rm.group(1) if rm else ""
            if jump and (not right or t[:1].isupper()):
                add(" " + t)
                continue
            suspended = right.casefold() in SUSPENDED_BEFORE and len(t.split()) > 1 and \
                (bool(left) or (len(tail) > 1 and tail[-2] in _CLOSING))
            if suspended and not url:
                if record:
                    ctx.decide(NAME, "keep-suspended-hyphen", (prev_no, ln.no), f"{left}-|{right}",
                               f"{left}- {right}", "hyphen before a conjunction: a suspended compound")
                add(" " + t)
                continue
            if left and not url and "@" in (rest := t.split(None, 1)[0]) and "-" in rest.split("@")[0] and \
                    "@" not in tail[-80:].split()[-1]:
                # 'debian-' | 'devel-changes@lists.example.org'
                keep, why = True, "the rest of an e-mail address with hyphens of its own follows: " \
                    "a typesetter breaks such a word at its hyphens and inserts none"
                kind = "word"
            elif url:
                keep, why = url_hyphen(url, left, right or t, lang)
                kind = "url"
                if not keep and left and right and \
                        f"{left}-{right}".casefold() in ctx.meta.get("hyphenated_forms", ()):
                    keep, why = True, f"printed as '{left}-{right}' inside a line elsewhere in the " \
                        f"document (the address alone: {why})"
                if not keep and ctx.meta.get("url_hyphens_inserted") is False and \
                        any(g in why for g in _GUESSED):
                    keep, why = True, f"no address of this document shows an inserted hyphen ({why})"
                if keep and left and right and (left + right).casefold() in ctx.meta.get("joined_forms", ()):
                    keep, why = False, f"printed as '{left + right}' elsewhere in the document (the " \
                        f"address alone: {why})"
            elif not left and right and _DOT_HYPHEN_END.search(tail[-200:]):
                keep, why = False, "a hyphen after the dot of a path or file name ('sources.-' | " \
                    "'list'): a name never holds '.-', the typesetter broke it there"
                kind = "word"
            elif not left or not right:
                keep, why = True, "not between two word pieces (number or symbol)"
                kind = "word"
            elif f"{left}-{right}".casefold() in ctx.meta.get("hyphenated_forms", ()):  # (the hyphen at this place)
                keep, why = True, f"printed as '{left}-{right}' inside a line elsewhere in the document"
                kind = "word"
            else:
                keep, why = word_hyphen(left, right, lang)
                kind = "word"
                if keep and right[:1].islower() and (left + right).casefold() in ctx.meta.get("joined_forms", ()):
                    keep, why = False, f"printed as '{left + right}' inside a line elsewhere in the " \
                        f"document (the words alone: {why})"
            if not keep:
                parts[-1] = parts[-1][:-1]
                if not parts[-1]:
                    parts.pop()
                tail = tail[:-1]
            if record:
                ctx.decide(NAME, ("keep-hyphen" if keep else "remove-hyphen") + ("-url" if kind == "url" else ""),
                           (prev_no, ln.no), f"{left}-|{right}", (left + "-" + right) if keep else (left + right), why)
            add(t)
            continue
        if tail.endswith(":") and t.startswith("//") and not jump and _SCHEME_END.search(tail[-10:]):
            if record:
                ctx.decide("urls", "join-url", (prev_no, ln.no), tail.split()[-1] + "|" + t.split()[0],
                           "", "URL broken across lines after its scheme")
            add(t)
            continue
        if tail.endswith("://") and t and not t[0].isspace():
            if record:  # an address cannot end with its scheme: across any break
                ctx.decide("urls", "join-url", (prev_no, ln.no), tail.split()[-1] + "|" + t.split()[0],
                           "", "URL broken after '://'")
            add(t)
            continue
        if in_url(tail) and not jump and _url_continues(tail, t, lang):
            if record:
                ctx.decide("urls", "join-url", (prev_no, ln.no), tail.split()[-1] + "|" + t.split()[0],
                           "", "URL broken across lines without a hyphen")
            add(t)
            continue
        if tail.endswith("/") and t[:1].isalpha() and not jump and _SLASH_END.search(tail[-40:]) \
                and not in_url(tail):
            # 'GNU/' | 'Linux', 'and/' | 'or': a pair written with a slash
            if record:
                ctx.decide(NAME, "join-slash", (prev_no, ln.no), tail.split()[-1] + "|" + t.split()[0], "",
                           "a word ending with a slash continues on the next line")
            add(t)
            continue
        if tail.endswith("/") and not jump and _PATH_END.search(tail[-80:]) and _PATH_REST.match(t):
            # '/usr/' | 'share/doc/package/copyright': a file path cut at a line end
            if record:
                ctx.decide("urls", "join-path", (prev_no, ln.no), tail.split()[-1] + "|" + t.split()[0], "",
                           "a file path cut after a slash goes on with more of the path")
            add(t)
            continue
        add(" " + t)
    return "".join(parts)


_CLOSERS = {"(": ")", "\"": "\"", "“": "”", "«": "»", "„": "“"}
_OPENED_ADDRESS = re.compile(r"([(\"“«„])(?:https?://|ftp://|www\.)[^\s()\"“”«»„]*$", re.I)
_HOST_ONLY = re.compile(r"(?:https?://|ftp://|www\.)[^/\s]+/$", re.I)
# _OPENED_ADDRESS's openers: each is also one of the characters its address
# cannot hold, so a match starts at the text's last opener
_OPENERS = "(\"“«„"


def _opened_address(out: str):
    """``_OPENED_ADDRESS.search(out)`` (slow: case-insensitive alternatives
    at every position), tried only at the last opener of ``out``."""
    k = max(map(out.rfind, _OPENERS))
    return _OPENED_ADDRESS.match(out, k) if k >= 0 else None
_PLAIN_WORD = re.compile(r"[^\W\d_]+[.,;:!?)»”]*$")


_FILE_REST = re.compile(r"[^\W_][\w-]*(?:\.[a-z0-9]{2,5}|/[\w.-]+/?)$")


_QUOTES = {'"': '"', "“": "”", "„": "“", "«": "»", "'": "'", "‘": "’"}
_NAME_CLOSED = re.compile(r"[^\W_][\w.-]*([\"”“»'’])")


def _quoted_rest(out: str, first: str) -> bool:
    """Does ``first`` (a name) end the address that closes ``out`` with the
    quote that opened before the address (``"http://example.org/dists/main/``
    | ``Release" or …``)?"""
    m = _NAME_CLOSED.match(first)
    if m is None:
        return False
    token = out[out.rfind(" ") + 1:]
    at = token.rfind("://")
    k = at - 1
    while k >= 0 and token[k].isalpha():
        k -= 1  # (back over the scheme)
    return at > 0 and k >= 0 and _QUOTES.get(token[k]) == m.group(1)


def _url_continues(out: str, nxt: str, lang: str = "en") -> bool:
    """A URL cut without a hyphen: the line ends inside the address and the
    next line starts with more of it (no capital, a slash or dot inside).
    Not: a new address or a bracket opening the next line, nor a word of the
    language after an address that is only a host (``https://example.org/``
    | ``provides ...``)."""
    first = nxt.split()[0] if nxt.split() else ""
    if first[:1].isupper() and out.endswith("/") and _quoted_rest(out, first):
        return True  # (a word processor's text may run on into another address after the quote)
    if not first or first[0] in "([{«“\"'" or "://" in first or first.lower().startswith("www."):
        return False
    if out.endswith(("/", "/\n")) and _HOST_ONLY.search(out) and _PLAIN_WORD.match(first):  # (it ends so)
        word = re.match(r"[^\W\d_]+", first).group(0).casefold()
        if zipf_any(word, lang) >= 3.0:
            return False
    # '(https://example.org/wiki/' | 'VT100)', '(https://.../Transit' |
    # 'ionTracker).': the rest of an address that closes the bracket (or the
    # quotation) the address opened in
    m = _opened_address(out)
    if m:
        closer = _CLOSERS[m.group(1)]
        word = first.rstrip(".,;:")
        if word.endswith(closer) and m.group(1) not in word[:-1] and closer not in word[:-1] and \
                (out.endswith("/") or not first[0].isupper()):
            return True
    if first[0].isupper():
        # 'http://ftp-master.example.org/' | 'REJECT-FAQ.html sui …': a file
        # name with its extension (or a path) after an address ending with a slash
        return out.endswith("/") and bool(_FILE_REST.match(first.rstrip(".,;:)")))
    if out.endswith("."):
        # 'https://en.wikipedia.' | 'org/wiki/...': a dot inside the address
        return bool(re.match(r"[a-z0-9][\w-]*[./]\S", first))
    if out[-1] in ",;:)":
        return False
    if out.endswith(("/", "_", "=", "?", "&", "#", "%")):
        return True
    return bool(re.search(r"[/=_.]\w", first)) and not re.match(r"[^\W\d_]+[.,;:]?$", first)
