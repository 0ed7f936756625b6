"""Headings: short lines that stand alone and do not continue a sentence.

Repairs::

    TRADE                                 ## TRADE
    Gun control is strict, with ...   →   Gun control is strict, with ...

    RESILIENCE                            ## RESILIENCE
    LEADERSHIP AND GOVERNANCE         →   ### LEADERSHIP AND GOVERNANCE

Styles: numbered (``2.1 Methods``: level from the depth), ALL CAPS, Title
Case (every word of four letters or more capitalised), and a lone short
sentence-case line between paragraphs.  Levels come from the style: the
first style seen is level 2, a style first seen later one level deeper; a
heading directly followed by another of the same style makes a section with
a sub-section, and later headings of that style are sub-sections.  An ALL
CAPS line opening a block of prose is split off as a heading.
"""
from __future__ import annotations

import re

from .base import Context, Frag
from .footnotes import is_open
from .words import zipf, zipf_any

NAME = "headings"
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$")
_LETTERS = re.compile(r"[^\W\d_]")
_NOT_HEADING_END = re.compile(r"(?:[.,;:]|(?<=[^\W\d_])[.,;:]\d{1,2})$")  # also "sentence.3" (note call)
_QUESTION_END = re.compile(r"[?？][!»”\"')]*$")
_OPEN_QUOTE = re.compile(r"^[\"„«“‘'»]+")
_URL_MAIL = re.compile(r"https?://|www\.|@")


def _is_caps(t: str) -> bool:
    if t != t.upper():
        return False  # a lower-case letter (the quick test first)
    letters = _LETTERS.findall(t)
    return len(letters) >= 2 and all(c.isupper() for c in letters if c.isalpha() and c.lower() != c.upper())


_TITLE_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def _is_title_case(t: str) -> bool:
    words = _TITLE_WORD.findall(t)
    long = [w for w in words if len(w) >= 4]
    return bool(words) and words[0][0].isupper() and bool(long) and all(w[0].isupper() for w in long)


# a command, file or package name in lower case (``sudo``, ``apt-get``, ``dpkg.cfg``)
NAME_PATTERN = r"[a-z][a-z0-9_.+-]*[a-z0-9]"
# a heading may open with one: ``sudo configuration``
_NAME_OPENER = re.compile(rf"^{NAME_PATTERN}\s")
_LOWER_WORD = re.compile(rf"^{NAME_PATTERN}$")


def rare_name(name: str, lang: str) -> bool:
    """No dictionary of the language or of English knows ``name``: a command
    or package name, not a word."""
    return zipf_any(name, lang) < 3.0


def _opens_with_name(t: str, lang: str) -> bool:
    """``t`` is a short line opening with a lower-case name no dictionary
    knows (a command, a package: ``sudo configuration``, ``apt-get usage``),
    not with a word of the language or of English."""
    m = _NAME_OPENER.match(t)
    if not m or len(t.split()) > 5 or len(t) > 60 or _CODE_CHARS.search(t[m.end():]):
        return False
    return rare_name(m.group(0).strip(), lang)


def _has_url_or_mail(t: str) -> bool:
    """``_URL_MAIL.search(t)``, the substring tests first."""
    return "@" in t or "www." in t or ("://" in t and bool(_URL_MAIL.search(t)))


def style_of(t: str, lang: str | None = None) -> str | None:
    """The style of a heading candidate (numbered:N, caps, title, sentence),
    or None.  With ``lang``, a short line opening with a lower-case name
    (:func:`_opens_with_name`) is a sentence-case candidate too."""
    t = t.strip()
    if not t or len(t) > 120 and (len(t) > 200 or not (_is_caps(t) or t.endswith("?"))) or _has_url_or_mail(t) or \
            _NOT_HEADING_END.search(t[-4:]) or t.endswith("-") or \
            t[-1:].isdecimal() and _END_BEFORE_CALL.search(t[-6:]):  # (its matches take four characters at most)
        return None
    if _OPEN_QUOTE.match(t) and t[-1] in "\"»”’'":
        return None  # a quoted label ("«Secciones»"), not a heading
    t = _OPEN_QUOTE.sub("", t)  # '"Release"-Datei im ...': judged from the quoted word
    if t and lang and t[0].islower() and _opens_with_name(t, lang):
        return "sentence"
    if not t or not (t[0].isupper() or t[0].isdigit()):
        return None
    m = NUMBERED.match(t)
    # (measured without the runs of spaces a layout-keeping extractor pads the number with;
    # a question may run longer, as unnumbered ones do)
    if m and _LETTERS.search(m.group(2)) and m.group(2)[0].isupper() and \
            (len(t) <= 100 or len(" ".join(t.split())) <= (200 if t.endswith("?") else 100)):
        return "numbered:" + str(m.group(1).count(".") + 1)
    if t[0].isdigit():
        return None
    if _is_caps(t):
        return "caps"
    if _is_title_case(t):
        return "title"
    return "sentence"


# '- ' between word characters; the look-behind (a word character before the
# hyphen) written after the hyphen, so that the pattern opens with a literal
# the engine skips to in C instead of testing the look-behind at every position
_WRAP_HYPHEN = re.compile(r"-(?<=\w-) (?=\w)")


def run(ctx: Context) -> None:
    if not ctx.settings.headings:
        return
    _split_caps_openers(ctx)
    _split_short_openers(ctx)
    fr = ctx.frags
    sections = ctx.meta.get("section_numbers", set())  # section numbers on a line of their own
    found: list[tuple[int, str]] = []
    for i, f in enumerate(fr):
        if f.kind != "body" or len(f.lines) - (f.first in sections) > 3 and not (len(f.lines) <= 8 and _caps_block(f)):
            continue  # (a heading in capitals may wrap over up to eight narrow lines; a section number
            # on a line of its own is not counted)
        t = " ".join(f.line_texts())
        if "- " in t:  # a heading wrapped with a hyphen
            t = _WRAP_HYPHEN.sub("", t)
        wrapped = len(f.lines) == 2 and f.first_text().endswith("-")
        st = style_of(t, ctx.language)
        named = _names_next(t, _next_body(fr, i))
        if st is None and named:
            st = "sentence"  # 'aptitude' / 'aptitude is the package manager ...'
        if st is None:
            continue
        prev = _prev_body(fr, i)
        nxt = _next_body(fr, i)
        if t[:1].islower() and prev is not None and prev.last_text().rstrip().endswith("-"):
            continue  # the rest of a word broken at the end of the block before
        prev_is_heading = bool(found) and found[-1][0] == i - 1
        if prev is not None and prev.kind == "list_item" and st != "caps" and not st.startswith("numbered") \
                and not (f.jump or f.after_break) and _item_cut(" ".join(prev.line_texts()), ctx.language):
            continue  # the rest of a list item cut inside a bracket or after a function word
        if prev is not None and prev.kind == "body" and not prev_is_heading and st != "caps" and \
                not st.startswith("numbered") and \
                is_open(" ".join(prev.line_texts())) and not (f.jump or f.after_break):
            if not (_label_after_colon(t, f, prev, nxt, wrapped, ctx.language)
                    or named and " ".join(prev.line_texts()).rstrip().endswith(":")
                    or _is_question_heading(t, f, prev, nxt)
                    or st == "sentence" and len(f.lines) > 1 and _wrapped_early(ctx, f, t, prev, nxt)):
                continue  # continues a sentence
            ctx.decide(NAME, "heading-after-colon", (f.first, f.last), t[:60], "",
                       "short label line after a block ending with a colon, before a paragraph")
        if nxt is None and st == "sentence":
            continue
        if nxt is not None and nxt.kind == "note" and not st.startswith("numbered") and \
                (after := _after_notes(fr, i)) is not None and after.kind == "body" and \
                after.first_text()[:1].islower() and not _names_next(t, after):
            continue  # the last line of a page before its notes, whose sentence goes on after them
        if nxt is not None and nxt.kind == "body" and nxt.first_text()[:1].islower() and not named and \
                not (st.startswith("numbered") and f.first in sections) and \
                not _name_heading_next(fr, i, nxt, ctx.language) and \
                not (st == "caps" and len(t.split()) >= 3 and t[-1] in "?!") and \
                not (opens_with_reference(nxt.first_text()) and st in ("title", "sentence")
                     and len(f.lines) == 1 and not _CODE_CHARS.search(t)
                     and (prev is None or not is_open(pt := " ".join(prev.line_texts()))
                          or pt.rstrip().endswith(":")  # (what the colon announced is lost)
                          or f.jump or f.after_break or (i > 0 and fr[i - 1].kind == "note"))):
            continue  # the next block continues this line (not a command name opening a sentence)
        comma_label = st == "sentence" and len(f.lines) == 1 and t.count(",") == 1 and len(t.split()) <= 6 \
            and nxt is not None and nxt.kind == "body" and nxt.first_text()[:1].isupper() \
            and (len(nxt.lines) >= 2 or len(nxt.first_text().split()) >= 6 and nxt.first_text().rstrip()[-1:] in ".:!?") \
            and not prev_is_heading and not t.endswith(")") \
            and not any(w.casefold() in _CONJUNCTIONS for w in t.split()) \
            and (prev is None or prev.kind != "body" or not is_open(" ".join(prev.line_texts())))
        if st == "sentence" and ((len(f.lines) > 1 and not wrapped) or "," in t and not comma_label
                                 or len(t.split()) > 10 or len(t) > 80):
            if _is_question_heading(t, f, prev, nxt):
                ctx.decide(NAME, "question-heading", (f.first, f.last), t[:60], "",
                           "a question standing alone between complete blocks")
            elif _wrapped_early(ctx, f, t, prev, nxt):
                ctx.decide(NAME, "wrapped-heading", (f.first, f.last), t[:60], "",
                           "a block of short lines, each ending well before the column's edge, "
                           "between a complete block and a paragraph")
            else:
                continue
        if st == "title" and len(t.split()) > 14 or st == "caps" and len(t.split()) > 24:
            continue
        found.append((i, st))
    found = _join_wrapped(ctx, found)
    found = _lists_not_headings(ctx, found)
    _levels(ctx, ctx.frags, found)


def _lists_not_headings(ctx: Context, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Three or more short lines in a row, each a block of its own and in
    the same sentence or Title Case style, with nothing between them, are
    not headings (a section holds some text before its next heading) but
    the items of a list whose bullets were drawn, not printed::

        ...of three kinds:             ...of three kinds:
        Simple packages                - Simple packages
        Packages of medium size    →   - Packages of medium size
        Very complex packages          - Very complex packages
        Building complex packages...   Building complex packages...
    """
    fr = ctx.frags
    out: list[tuple[int, str]] = []
    n = 0
    while n < len(found):
        m = n
        while m + 1 < len(found) and found[m + 1][0] == found[m][0] + 1 and found[m + 1][1] == found[n][1]:
            m += 1
        run = found[n:m + 1]
        if len(run) >= 3 and run[0][1] in ("sentence", "title") and all(len(fr[i].lines) == 1 for i, _ in run):
            for i, _ in run:
                f = fr[i]
                f.kind, f.list_kind = "list_item", "bullet"
                ctx.decide(NAME, "items-not-headings", (f.first, f.last), f.first_text()[:60], "",
                           f"{len(run)} short lines in a row in the same style with no text between: "
                           f"a list whose bullets were not printed")
        else:
            out.extend(run)
        n = m + 1
    return out


def _item_cut(t: str, lang: str) -> bool:
    """A list item that stops in the middle (items often end without a full
    stop, so only sure signs count): a bracket left open, a comma, or a very
    common last word (``(First term of``, ``such as the``)."""
    t = t.rstrip()
    if not t:
        return False
    if t.count("(") > t.count(")") or t.endswith(","):
        return True
    last = re.findall(r"[^\W\d_]+$", t)
    return bool(last) and zipf(last[0].casefold(), lang) >= 6.0


def names_next(t: str, nxt_text: str) -> bool:
    """A lone lower-case word (a command or package name) that the next
    paragraph opens with: its heading (``aptitude`` / ``aptitude is ...``)."""
    t = t.strip()
    # (most lines: tested before the next text is split; an ASCII lower-case
    # first letter and no space, which every match has, before the pattern)
    if not ("a" <= t[:1] <= "z" and " " not in t and _LOWER_WORD.match(t)):
        return False
    words = nxt_text.split()
    return len(words) > 3 and words[0].rstrip(",;:") == t  # ('duck' / 'duck, the URL checker, ...')


def _names_next(t: str, nxt) -> bool:
    return nxt is not None and nxt.kind == "body" and names_next(t, nxt.first_text())



def _caps_block(f: Frag) -> bool:
    """Every line of the block is in capitals (a wrapped ALL CAPS heading)."""
    return all(_is_caps(t or "") for t in f.line_texts())


# 'Officials, experts and journalists': an enumeration, not a heading with a comma
_CONJUNCTIONS = {"and", "or", "und", "oder", "et", "ou", "y", "o", "e", "u", "и", "или", "ed"}


# a sentence's end before a note's call: 'See dpkg(1).2' (not a section number: 'Part 2.1')
_END_BEFORE_CALL = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)\]»”\"']))[.;:!?,]\d{1,3}$")
# a paragraph may open with a command name and its manual section: ``dpkg(1) is ...``
MAN_REF = re.compile(r"[a-z][\w.+-]*\(\d\w*\)\s")
# ... or with an address or a dotted name: ``bugs.example.org is ...``, ``list@lists.example.org is ...``
ADDRESS_OPENER = re.compile(r"[a-z][\w+-]*(?:@[\w-]+)?(?:\.[a-z][\w-]*)+\s+[^\W\d_A-ZÀ-ÞА-ЯЁ]")
_ANNOUNCES = re.compile(r":\s+[\dA-ZÀ-ÞА-ЯЁ]")  # "... in the FAQ: 6.2.1 Which ...?" is a sentence
_CODE_CHARS = re.compile(r"[$=/\\(){}<>|;#~_*`\[\]]|\s-\w|\w\.\w")


def opens_with_reference(t: str) -> bool:
    """``t`` opens with a command and its manual section or with an address,
    followed by lower-case text: a sentence that opens with a name.

    Both patterns open with an ASCII lower-case letter and hold no white
    space up to the ``(`` (MAN_REF) or the first ``.`` (ADDRESS_OPENER) they
    need: the first token is looked at before the (slow) patterns."""
    if not "a" <= t[:1] <= "z":
        return False
    head = t.split(None, 1)[0]
    return bool("(" in head and MAN_REF.match(t) or "." in head and ADDRESS_OPENER.match(t))


def ends_with_common_word(t: str, lang: str) -> bool:
    """``t`` ends with a common word, a function word most often (``under``,
    ``der``, ``of``): a sentence cut there, not a label or an item."""
    words = _WORDS.findall(t[-200:])
    return bool(words) and zipf(words[-1].casefold(), lang) >= 5.5


_WORDS = re.compile(r"[^\W\d_]+")


def _label_after_colon(t: str, f: Frag, prev, nxt, wrapped: bool, lang: str = "en") -> bool:
    """After a block ending with a colon (what it announced was lost: a table,
    a code block), a short one-line label with no code characters, followed
    by a capitalised paragraph (two lines or more, or ending a sentence; or
    one opening with a command and its manual section, ``dpkg(1) is``), is a
    heading, not the continuation of the colon."""
    if not " ".join(prev.line_texts()).rstrip().endswith(":"):
        return False
    if (len(f.lines) > 1 and not wrapped) or len(t.split()) > 8 or len(t) > 60 or _CODE_CHARS.search(t):
        return False
    if nxt is None or nxt.kind != "body" or nxt.jump or nxt.after_break:
        return False  # across a page or column break the line may go on there
    if ends_with_common_word(t, lang):
        return False  # (a cut sentence)
    nt = nxt.line_texts()
    return (nt[0][:1].isupper() or bool(MAN_REF.match(nt[0]))) and \
        (len(nt) >= 2 or bool(re.search(r"[.!?]$", nt[-1].rstrip())))


def _is_question_heading(t: str, f: Frag, prev, nxt) -> bool:
    """A block of at most three lines ending with a question mark, after a
    complete block (or at a discontinuity) and before a capitalised block."""
    if not _QUESTION_END.search(t) or len(t) > 220 or len(f.lines) > 3 or _ANNOUNCES.search(t):
        return False
    if prev is not None and prev.kind == "body" and is_open(pt := " ".join(prev.line_texts())) \
            and not (f.jump or f.after_break) and not (pt.rstrip().endswith(":") and len(t.split()) >= 4):
        return False  # (after a colon, what it announced was lost: a question of 4 words is no answer)
    return nxt is not None and nxt.first_text()[:1].isupper()


def _wrapped_early(ctx: Context, f: Frag, t: str, prev, nxt) -> bool:
    """A sentence-case heading the typesetter wrapped in a narrow column: a
    block of two or three lines with no end punctuation, each line but the
    last ending although the next word would have fitted well within the
    column (prose lines run to the margin), after a complete block or a
    discontinuity and before a capitalised paragraph of two lines or more::

        ...and is very addictive.
                                                  The command prompt      <- heading
        The command prompt                          of the superuser
        of the superuser
                                                  Here are a few ways to get ...
        Here are a few ways to get the
        command prompt of the superuser ..."""
    texts = [x.strip() for x in f.line_texts()]
    if len(texts) < 2 or "," in t or len(t.split()) > 12 or len(t) > 90 or _CODE_CHARS.search(t):
        return False
    if prev is not None and prev.kind == "body" and is_open(" ".join(prev.line_texts())) \
            and not (f.jump or f.after_break) and not prev.last_text().rstrip().endswith(":"):
        return False  # (after a colon, what it announced may have been lost: a code block)
    if nxt is None or nxt.kind != "body" or len(nxt.lines) < 2 or not nxt.first_text()[:1].isupper():
        return False
    width = ctx.meta.get("_line_width")
    if width is None:
        from .segments import line_width

        width = ctx.meta["_line_width"] = line_width(ctx)
    return all(len(a) + 1 + len(b.split()[0]) < 0.9 * width for a, b in zip(texts, texts[1:]) if b.split())


def _join_wrapped(ctx: Context, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Two heading candidates on adjacent source lines (no blank between) where
    the second continues the first (a short tail, or the first ends with a
    function word) are one heading wrapped by the extractor.  A blank line
    that only undoes double spacing does not separate them."""
    fr = ctx.frags
    drop: set[int] = set()
    out: list[tuple[int, str]] = []
    for n, (i, st) in enumerate(found):
        if i in drop:
            continue
        if n + 1 < len(found) and found[n + 1][0] == i + 1 and not st.startswith("numbered") \
                and not found[n + 1][1].startswith("numbered"):
            a, b = fr[i], fr[i + 1]
            ta, tb = " ".join(a.line_texts()), " ".join(b.line_texts())
            gap = ctx.lines[a.last:b.first - 1] if ctx.lines and ctx.lines[0].no == 1 else None
            adjacent = b.first == a.last + 1 or (gap is not None and b.first > a.last
                                                 and all(ln.soft_blank for ln in gap))
            if adjacent and not b.jump and not _QUESTION_END.search(ta) \
                    and caps_continues(ta, tb, ctx.language):
                a.lines = a.lines + b.lines
                if a.texts is not None or b.texts is not None:
                    a.texts = a.line_texts() + b.line_texts()
                b.lines, b.kind = [], "merged"
                drop.add(i + 1)
                ctx.decide(NAME, "join-wrapped-heading", (a.first, a.last), ta[:60], tb[:60],
                           "next line continues the heading (no blank line between)")
        out.append((i, st))
    if drop:
        ctx.frags = [f for f in fr if f.kind != "merged"]
        shift = {}
        k = 0
        for j in range(len(fr)):
            shift[j] = k
            if fr[j].kind != "merged":
                k += 1
        out = [(shift[i], st) for i, st in out]
    return out


def _prev_body(fr, i):
    for j in range(i - 1, -1, -1):
        if fr[j].kind in ("body", "heading", "list_item"):
            return fr[j]
    return None


def _name_heading_next(fr, i: int, nxt, lang: str) -> bool:
    """The next block (``nxt``, the first body block after ``fr[i]``) is
    itself a one-line heading opening with a lower-case name (``sudo
    configuration``) before a capitalised paragraph: two headings in a row,
    not a line running on into the next."""
    t = nxt.first_text()
    if len(nxt.lines) != 1 or len(t.split()) > 6 or not _NAME_OPENER.match(t) or style_of(t, lang) != "sentence":
        return False
    j = i + 1
    while fr[j] is not nxt:  # (only blocks that are not body lie between)
        j += 1
    after = _next_body(fr, j)
    return after is not None and after.kind == "body" and after.first_text()[:1].isupper() and len(after.lines) >= 2


def _after_notes(fr, i):
    """The first block after ``fr[i]`` that is no note."""
    for j in range(i + 1, len(fr)):
        if fr[j].kind != "note":
            return fr[j]
    return None


def _next_body(fr, i):
    for j in range(i + 1, len(fr)):
        if fr[j].kind in ("body", "heading", "list_item", "note"):
            return fr[j]
    return None


def caps_continues(prev: str, nxt: str, lang: str) -> bool:
    """Does capital line ``nxt`` continue the heading on ``prev``?  Yes when it
    is a short tail (one or two words after a line of three or more), or when
    ``prev`` ends with a function word (a very frequent word of the language)."""
    from .words import zipf, zipf_any

    pw, nw = prev.split(), nxt.split()
    if not pw or not nw:
        return False
    if len(nw) <= 2 and len(pw) >= 3 and zipf(nw[0].casefold(), lang) < 6.0 \
            and all(w[:1].isupper() or not w[:1].isalpha() for w in nw):
        return True  # a short tail ("Der Pager", "Consoles virtuelles" open a new heading)
    last = pw[-1].casefold().strip("’'")
    return zipf(last, lang) >= 6.0 or (lang != "en" and zipf(last, "en") >= 6.5)


def _split_caps_openers(ctx: Context) -> None:
    out: list[Frag] = []
    for f in ctx.frags:
        if f.kind != "body" or (len(f.texts) if f.texts is not None else len(f.lines)) < 2 or \
                not _is_caps(f.first_text()):
            out.append(f)  # no body block of two lines or more opening with a capital line
            continue
        texts = f.line_texts()
        k = 0
        while k < len(texts) - 1 and _is_caps(texts[k]) and style_of(texts[k]) == "caps" \
                and len(texts[k]) <= 60:
            k += 1
        if k and _is_caps(texts[k]):
            k = 0  # the whole block is capitals: leave it
        groups: list[list[int]] = []
        for j in range(k):
            if groups and caps_continues(texts[j - 1], texts[j], ctx.language):
                groups[-1].append(j)
            else:
                groups.append([j])
        for g in groups:
            out.append(Frag(lines=[f.lines[j] for j in g], kind="body", texts=[texts[j] for j in g],
                            jump=f.jump if g[0] == 0 else False,
                            after_break=f.after_break if g[0] == 0 else False))
            ctx.decide(NAME, "split-heading", (f.lines[g[0]].no, f.lines[g[-1]].no),
                       " / ".join(texts[j] for j in g), "", "capital line(s) opening a block of prose")
        if k:
            out.append(Frag(lines=f.lines[k:], kind=f.kind, texts=texts[k:], label=f.label,
                            list_kind=f.list_kind))
        else:
            out.append(f)
    ctx.frags = out


def _split_short_openers(ctx: Context) -> None:
    """A block whose first line is a short label (at most 8 words, under 45%
    of the next line, no end punctuation, no code characters) followed by a
    capitalised line, after a complete block or one ending with a colon: the
    label is a heading the extractor ran into the paragraph ("Usare vim" /
    "Il vim(1) attuale ...")."""
    out: list[Frag] = []
    prev: Frag | None = None
    for f in ctx.frags:
        if f.kind == "body" and prev is not None and prev.kind == "body" and \
                (len(f.texts) if f.texts is not None else len(f.lines)) >= 3:
            texts = f.line_texts()
            head, nxt = texts[0].strip(), texts[1].strip()
            st = style_of(head)
            # (the text of the block before is joined only when the rest holds)
            if st in ("title", "sentence") and len(head.split()) <= 8 and len(head) < 0.45 * len(nxt) \
                    and not _CODE_CHARS.search(head) and nxt[:1].isupper() \
                    and (not is_open(pt := " ".join(prev.line_texts()).rstrip()) or pt.endswith(":")):
                out.append(Frag(lines=f.lines[:1], kind="body", texts=texts[:1], jump=f.jump,
                                after_break=f.after_break))
                out.append(Frag(lines=f.lines[1:], kind=f.kind, texts=texts[1:], label=f.label,
                                list_kind=f.list_kind))
                ctx.decide(NAME, "split-label", (f.lines[0].no, f.lines[0].no), head, "",
                           "short label line opening a block of prose")
                prev = out[-1]
                continue
        out.append(f)
        if f.kind in ("body", "heading", "list_item"):
            prev = f
    ctx.frags = out


def _levels(ctx: Context, fr: list[Frag], found: list[tuple[int, str]]) -> None:
    order: list[str] = []
    sub: set[str] = set()
    idx = {i for i, _ in found}
    for n, (i, st) in enumerate(found):
        f = fr[i]
        if st.startswith("numbered:"):
            level = min(6, 1 + int(st.split(":")[1]))
            why = "numbered heading"
        else:
            if st not in order:
                order.append(st)
            base = min(5, 2 + order.index(st))
            follows_same = n > 0 and found[n - 1][1] == st and found[n - 1][0] == i - 1
            followed_same = n + 1 < len(found) and found[n + 1][1] == st and found[n + 1][0] == i + 1
            if follows_same:
                sub.add(st)
            if st in sub and not followed_same:
                level, why = base + 1, f"{st} heading inside a section of the same style"
            else:
                level, why = base, f"{st} heading"
        f.kind, f.level = "heading", level
        ctx.decide(NAME, "heading", (f.first, f.last), " ".join(f.line_texts())[:60], f"level {level}", why)
