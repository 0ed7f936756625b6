"""Footnotes: note blocks dumped into the prose, and their call sites.

Repairs:

* a block starting with the next expected note number, after its call was
  seen in the body, is a note and leaves the body; inside a note block every
  line starting with the following number starts the next note::

      ...the summit. 2 Based on...       body: ...the summit.[^2] Based on...
      2 “Bridges and ferries on the  →   note 2: “Bridges and ferries on the
        upper river,” Valley News...              upper river,” Valley News...

* a note cut at a page end continues in a later note area, often after
  unrelated body text: the lines before the next note number in that area,
  or a citation-like block (URL, year and quotes) while the note is still
  unfinished, are joined to it;
* a citation-like fragment just before note *n+1*, while note *n* was called
  but never found, is note *n* whose beginning was lost (a diagnostic says so);
* symbol notes (``*``, ``**``, ``†``) whose texts stand at the end, with their
  following paragraphs.

Calls themselves are linked when the inline text is built
(:func:`find_calls`): digits glued after a word or punctuation
(``issues.1``, ``Experts1``) or spaced after punctuation before a capital
(``summit. 2 Based``), accepted only in sequence, so years, volumes, page
ranges and list numbers in the prose are not calls.
"""
from __future__ import annotations

import re

from .base import Context, Frag
from .words import zipf

NAME = "footnotes"

_NUM_START = re.compile(r"^(\d{1,3})(?:\.?\s+|(?=[A-ZÀ-ÞА-ЯЁ“\"„«‘(\[]))(\S.*)$")
_SYM_START = re.compile(r"^(\*{1,3}|†{1,2}|‡)\s*(\S.*)$")
_TERMINAL = re.compile(r"[.!?…)\]”\"’»]\s*$")
_TRAILING_CALL = re.compile(r"(?<=[.!?…”\"’»)\]])\s*(\d{1,3}|\*{1,3}|†|‡)$")
_URLISH = re.compile(r"(https?://|www\.|(?<![@\w.])[\w-]+\.(?:com|org|net|ru|de|fr|html?)\b(?!@))", re.I)
_ENDS_WITH_URL = re.compile(r"((https?://|www\.)\S*[\w/]|(?<!\S)[\w.-]+/[\w./#?=&%-]*\w)$", re.I)
_YEAR = re.compile(r"\b(1[6-9]|20)\d\d\b")
_QUOTES = re.compile(r"[“”„\"«»]")
_CITE = re.compile(r"\b(pp?\.\s*\d|vol\.|no\.\s*\d|issue\s+\d|ed\.|\w+ \d{1,2},\s*\d{4})", re.I)
# call candidates in running text
_CALL_GLUED = re.compile(r"(?=\d)(?:(?<=[.,;:!?”’\"»)\]])|(?<=[^\W\d_]{2}))(?<!\b\d[.,])(?<!\b\d\d[.,])(\d{1,3})(?![.,]\d)(?=[\s.,;:)]|-[^\W\d_]|$)")
_PUNCT_BEFORE = frozenset(".,;:!?”’\"»)]")
_CALL_SPACED = re.compile(r"(?<=[.,;:!?”’\"»)\]])(\s+)(\d{1,3})(?=\s+[A-ZÀ-ÞА-ЯЁ“\"‘(«]|\s*$)")
_CALL_AFTER_WORD = re.compile(r"(?=\s\d)(?<=[^\W\d_]{2})(\s)(\d{1,3})(?![.,]\d)(?=[\s,.;:)]|$)")
# a raised number set apart after a closing parenthesis (``sudo(8) 5 comme``,
# ``gnome-terminal(1), 3 rxvt``): the extractor put a space before the call
_LOWER_NEXT = re.compile(r"\s+(?=[^\W\d_])(?=\w)[^\W\d_A-ZÀ-ÞА-ЯЁ]")
_CALL_AFTER_PAREN = re.compile(r"(?<=\)),?(\s)(\d{1,3})(?![.,]?\d)(?=\s|$)")  # the comma stays text
SPACED_CALL_LANGS = {"fr"}
_SYM_CALL = re.compile(r"(?<=[^\s*])(\s?)(\*{1,3}|†{1,2}|‡)(?=\s|$)")


def _has_symbol(text: str) -> bool:
    """Could ``_SYM_CALL`` match (slow: a look-behind at every position)?"""
    return "*" in text or "†" in text or "‡" in text


def _ends_with_url(text: str) -> bool:
    """Does ``text`` end with an address?  Only its last token can hold the
    match, so only that is searched (the pattern anchored at the end would
    otherwise be tried at every position of the text)."""
    if not text or text[-1].isspace():
        return bool(_ENDS_WITH_URL.search(text[-2048:]))
    last = text[-2048:].rsplit(None, 1)[-1]
    # every match holds a slash or www. (no other character matches w, W
    # ignoring case, and lower() makes no w of any other): tested first
    return ("/" in last or "www." in last.lower()) and bool(_ENDS_WITH_URL.search(last))


def is_open(text: str) -> bool:
    """Unfinished: does not end like a sentence or a reference.

    Only the end of ``text`` matters (its last two tokens), so only its last
    characters are examined: the cost does not grow with the text."""
    t = text[-4096:].rstrip()[-1024:]
    if t[-1:].isdecimal() or t[-1:] in _CALL_ENDS:  # what a trailing call ends with
        t = _TRAILING_CALL.sub("", t)
    # t has no white space at its end (stripped, or ending where the look-behind
    # of _TRAILING_CALL stood): _TERMINAL can only match its last character
    if not t or t[-1] in _TERMINAL_CHARS:
        return False  # (ends like a sentence: complete, whatever its last token; tested first)
    # a reference ending with its address is complete
    return not _ends_with_url(t)


_CALL_ENDS = ("*", "†", "‡")
_TERMINAL_CHARS = frozenset(".!?…)]”\"’»")


# what every match of _URLISH contains: a cheap test before the slow pattern
_URL_HINT = re.compile(r"://|www\.|\.(?:com|org|net|ru|de|fr|html?)\b", re.I)


# what a match of _URL_HINT holds, lower-cased (no character outside ASCII
# matches one of its letters ignoring case: a match is ASCII, and the text
# lower-cased holds it lower-cased)
_URL_HINT_PIECES = ("www.", ".com", ".org", ".net", ".ru", ".de", ".fr", ".htm")


def _url_hint(text: str) -> bool:
    """``_URL_HINT.search(text)`` (slow: case-insensitive alternatives at
    every position), tried only when the text holds ``://`` (a match) or,
    lower-cased, one of ``_URL_HINT_PIECES``."""
    if "://" in text:
        return True
    if "." not in text:
        return False
    low = text.lower()
    return any(map(low.__contains__, _URL_HINT_PIECES)) and _URL_HINT.search(text) is not None


def note_like(text: str) -> bool:
    """Looks like a citation: a URL, or a year with quotation marks (a year
    holds an ASCII 1 or 2: tested before the pattern)."""
    return bool(_url_hint(text) and _URLISH.search(text)) or \
        (("1" in text or "2" in text) and bool(_YEAR.search(text)) and bool(_QUOTES.search(text))
         and bool(_CITE.search(text)))


_DIGIT = re.compile(r"\d")


def _call_candidates(text: str, after_word: bool) -> tuple:
    """The call candidates of ``text`` that do not depend on the expected
    number, as :func:`find_calls` reads them: ``(after_word, after_paren,
    sure)``, the first as (start, end, label, lower case next) — the patterns
    are slow, so a caller may keep these per text (``cache`` of find_calls).

    What ``finditer`` of each pattern over ``text`` gives, found faster: the
    patterns are only tried where a match can start, found from the runs of
    digits (every match holds one, whole: no digit may follow its number).
    A glued call starts at the run; a number set apart after a word or a
    parenthesis starts at the white space before it (after a comma too), one
    set apart after punctuation at the start of the white space before it.
    Matches of one pattern cannot overlap (each ends with its run), so they
    are those ``finditer`` finds, in the same order.  Each place is tested
    first for a character the pattern's look-behind needs."""
    aw: list = []
    paren: list = []
    sure: list = []
    spaced: list = []
    has_paren = ")" in text
    runs = False
    for d in _DIGITS.finditer(text):  # (no digit: no candidate)
        runs = True
        s = d.start()
        if not s:
            continue
        c = text[s - 1]
        if c.isspace():  # (str.isspace is what \s matches)
            if s < 2:
                continue
            b = text[s - 2]
            if after_word and b.isalnum():
                m = _CALL_AFTER_WORD.match(text, s - 1)
                if m:
                    aw.append((m.start(1), m.end(2), m.group(2), bool(_LOWER_NEXT.match(text, m.end(2)))))
            if has_paren:
                m = _CALL_AFTER_PAREN.match(text, s - 2) if b == "," else \
                    _CALL_AFTER_PAREN.match(text, s - 1) if b == ")" else None
                if m:
                    paren.append((m.start(1), m.end(2), m.group(2)))
            w = s - 1
            while w and text[w - 1].isspace():
                w -= 1
            if w and text[w - 1] in _PUNCT_BEFORE:
                m = _CALL_SPACED.match(text, w)
                if m:
                    spaced.append((m.start(1), m.end(2), m.group(2)))
        elif c in _PUNCT_BEFORE or c.isalnum():
            m = _CALL_GLUED.match(text, s)
            if m:
                sure.append((m.start(1), m.end(1), m.group(1)))
    if not runs:
        return _NO_CANDIDATES
    sure.extend(spaced)
    if not (aw or paren or sure):
        return _NO_CANDIDATES
    return (aw if after_word else ()), (paren if has_paren else ()), sure


# (\d+ written so that it opens with a character class: the engine then
# skips to the next digit in C instead of trying a match at every position)
_DIGITS = re.compile(r"\d\d*")
_NO_CANDIDATES: tuple = ((), (), ())
#: entries a per-text cache holds before it starts again (memory stays
#: bounded whatever the size of the document)
CACHE_MAX = 1 << 14


def find_calls(text: str, expected: int, symbols: set[str], spaced_words: bool = False,
               weak_out: set[int] | None = None,
               cache: dict | None = None) -> list[tuple[int, int, str]]:
    """Call sites in ``text`` as (start, end, label), taking numbers in
    sequence from ``expected``; ``start..end`` covers the space before a
    spaced call too, so the call can be glued to the preceding word.

    ``spaced_words``: the typography of the language puts a space between a
    word and its call (French: ``superutilisateur 2 ou``); such candidates
    count only for exactly the expected number.

    ``weak_out``: when given, numbers set apart after a word are tried in
    any language, for exactly the expected number, and the starts of the
    weak calls taken (set apart after a word or a parenthesis) are added to
    it, so that the caller can ask for more evidence (the note nearby).

    ``cache``: a dict the caller keeps (for one document) in which the
    candidates of each text are kept, for texts asked about again."""
    after_word = spaced_words or weak_out is not None
    if cache is None:
        found = _call_candidates(text, after_word)
    else:
        key = (text, after_word)
        found = cache.get(key)
        if found is None:
            if len(cache) >= CACHE_MAX:
                cache.clear()
            found = cache[key] = _call_candidates(text, after_word)
    if found is _NO_CANDIDATES and not symbols:
        return []
    aw, paren, sure = found
    cands = []
    weak = set()  # taken only for exactly the next number in sequence
    for a, b, lab, lower_next in aw:
        if int(lab) == expected:
            if not spaced_words:
                if not lower_next:
                    continue  # ``May 9 Victory``, ``May 9, 2023``: a date or a name
                weak.add(a)
            cands.append((a, b, lab))
    for a, b, lab in paren:
        cands.append((a, b, lab))
        weak.add(a)
    cands.extend(sure)
    cands.sort()
    out = []
    exp = expected
    for a, b, lab in cands:
        n = int(lab)
        if a in weak and (n != exp or any(c[2] == lab and c[0] > a and c[0] not in weak for c in cands)):
            continue  # weak: only the next number, and only when no surer call of it follows
        if a and text[a - 1].isalpha() and any(c[2] == lab and c[0] > a and text[c[0] - 1] in _PUNCT_BEFORE
                                              for c in cands):
            continue  # 'libpaper1 ... system.1': the number glued to a name is part of it
        if exp <= n <= exp + 2:
            if out and a < out[-1][1]:
                continue
            out.append((a, b, lab))
            exp = n + 1
            if weak_out is not None and a in weak:
                weak_out.add(a)
    if symbols and _has_symbol(text):
        for m in _SYM_CALL.finditer(text):
            if m.group(2) in symbols:
                out.append((m.start(1), m.end(2), m.group(2)))
        out.sort()
    return out


def _text(f: Frag) -> str:
    return " ".join([t for t in f.line_texts() if t])


def tail_text(texts: list[str | None]) -> str:
    """The last two non-empty texts joined: all :func:`is_open` looks at, got
    without joining a whole (possibly huge, growing) block each time."""
    out: list[str] = []
    for t in reversed(texts):
        if t and t.strip():
            out.append(t)
            if len(out) == 2:
                break
    return " ".join(reversed(out))


def _per_text(test):
    """``test`` with its answers kept per text (at most CACHE_MAX of them)."""
    answers: dict[str, bool] = {}

    def cached(t: str) -> bool:
        got = answers.get(t)
        if got is None:
            if len(answers) >= CACHE_MAX:
                answers.clear()
            got = answers[t] = test(t)
        return got
    return cached


def run(ctx: Context) -> None:
    if not ctx.settings.footnotes:
        return
    frags = _reassemble_note_pieces(ctx, _unscramble_labels(ctx, ctx.frags))
    frags = _split_trailing_labels([_glue_lone_labels(ctx, f) for f in frags])
    out: list[Frag] = []
    expected = 1          # next numeric note label
    next_call = 1         # next numeric call label
    sym_calls: set[str] = set()
    last_note: Frag | None = None
    last_body: Frag | None = None
    in_sym_area = False
    i = 0
    # per text, worked out once: call candidates (find_calls' cache), and
    # note_like / is_open, asked of the same texts again and again
    calls: dict = {}
    like = _per_text(note_like)
    opened = _per_text(is_open)

    def scan_calls(f: Frag, t: str | None = None):
        """Calls in f (whose text is t, when the caller has it)."""
        nonlocal next_call
        if t is None:
            t = _text(f)
        for _, _, lab in find_calls(t, next_call, set(), ctx.language in SPACED_CALL_LANGS, set(), calls):
            next_call = int(lab) + 1
        if _has_symbol(t):
            for m in _SYM_CALL.finditer(t):
                sym_calls.add(m.group(2))

    def start_notes(f: Frag, start: int) -> None:
        """Split f[start:] into notes at lines opening the next labels."""
        nonlocal expected, last_note
        cur: Frag | None = last_note
        for n, (ln, t) in enumerate(zip(f.lines[start:], f.line_texts()[start:])):
            m = _NUM_START.match(t)
            lab = int(m.group(1)) if m else -1
            if lab == expected or (n == 0 and expected < lab <= expected + 2):
                if lab != expected:
                    ctx.diagnose("warning", "note-missing",
                                 f"notes {expected}–{lab - 1} not found before note {lab}", (ln.no, ln.no))
                cur = Frag(lines=[ln], kind="note", label=m.group(1), texts=[m.group(2)])
                out.append(cur)
                ctx.decide(NAME, "note-start", (ln.no, ln.no), t[:60], f"note {m.group(1)}",
                           "line opens with the next expected note number")
                expected = lab + 1
            elif cur is not None and cur.kind == "note" and (
                    _note_ends_before(cur, t) or
                    last_body is not None and _body_goes_on(cur, t, ctx.language) and opened(last_body.tail_text())):
                # the note area ends inside the block: the rest is body text again
                rest = Frag(lines=f.lines[start + n:], texts=f.line_texts()[start + n:])
                frags.insert(i + 1, rest)
                ctx.decide(NAME, "note-area-ends", (ln.no, ln.no), t[:40], "",
                           f"note {cur.label} is complete and this line does not continue it")
                break
            elif cur is not None:
                cur.lines.append(ln)
                cur.texts.append(t)
            else:  # no note to continue: keep the line as text
                cur = Frag(lines=[ln], kind="body", texts=[t])
                out.append(cur)
        last_note = cur if cur is not None and cur.kind == "note" else last_note

    while i < len(frags):
        f = frags[i]
        texts = f.line_texts()
        first = texts[0]
        m = _NUM_START.match(first)
        sm = _SYM_START.match(first)
        # 0. a short line opening the next note, cut from the rest of its text
        #    (``1 Osamu`` / ``Aoki, "Title", 2024, https://...``): one block again
        n_join = _citation_follows(frags, i) if m and int(m.group(1)) == expected and \
            expected < next_call and _looks_like_heading(f) and len(texts) == 1 and \
            not note_like(first) else 0
        if n_join:
            lines_, texts_ = list(f.lines), list(texts)
            for g in frags[i + 1:i + 1 + n_join]:
                lines_.extend(g.lines)
                texts_.extend(g.line_texts())
            f = frags[i] = Frag(lines=lines_, texts=texts_, jump=f.jump, after_break=f.after_break)
            del frags[i + 1:i + 1 + n_join]
            texts = f.line_texts()
            ctx.decide(NAME, "join-note-start", (f.first, f.last), first, "",
                       "a short line opening the next note number, followed by a citation")
        # f is not changed below: its text (_text(f), from the texts at hand), asked for by several steps
        ft = " ".join([t for t in texts if t])
        # 1. a note area opens with the next expected number
        # (its call may have been lost: then it follows another note and reads as one)
        if m and int(m.group(1)) == expected and \
                (expected < next_call or (out and out[-1].kind == "note" and like(ft))
                 or _uncalled_at_foot(frags, i, last_note)) and \
                not (_looks_like_heading(f) and not (expected < next_call and _glued_label(first))) and \
                not (_list_run(frags, i) and not (expected < next_call and like(ft))):
            start_notes(f, 0)
            in_sym_area = False
            i += 1
            continue
        # 0b. a run of lone labels, each its own block, then the note texts
        #     (pdfminer writing every line as a block)
        run = None
        if expected < next_call and _BARE_LABEL.match(first):
            run = _label_blocks(frags, i, expected)
            if run is None and len(texts) > 2 and _BARE_LABEL.match(texts[1] or ""):
                # the labels and texts in one block (double spacing undone): one block per line
                pieces = [Frag(lines=[ln], texts=[t], jump=f.jump and k == 0, after_break=f.after_break and k == 0)
                          for k, (ln, t) in enumerate(zip(f.lines, texts))]
                # (looked at in a window: the labels, up to three blocks per note text)
                window = pieces + frags[i + 1:i + 1 + 4 * len(pieces) + 4]
                run = _label_blocks(window, 0, expected)
                if run:
                    frags[i:i + 1] = pieces
                    run = (run[0], [[i + j for j in g] for g in run[1]])
        if run:
            n_labels, groups = run
            for g in groups:
                lab = str(expected)
                lines_ = [ln for j in g for ln in frags[j].lines]
                texts_ = [t for j in g for t in frags[j].line_texts()]
                note = Frag(lines=lines_, kind="note", label=lab, texts=texts_)
                out.append(note)
                ctx.decide(NAME, "note-start", (note.first, note.last), texts_[0][:60], f"note {lab}",
                           f"the {n_labels} labels printed one per block before the note texts, in order")
                expected += 1
            for j in range(i, i + n_labels):
                ctx.decide(NAME, "move-label", (frags[j].first, frags[j].first), frags[j].first_text(), "",
                           "note label printed apart from its text")
            last_note = out[-1]
            i = groups[-1][-1] + 1
            continue
        # 1a. note texts whose labels the extractor dropped, at a page foot
        if not m and not sm and expected < next_call:
            pieces = _unlabelled_notes(frags, i, next_call - expected)
            if pieces:
                for a, b in pieces:
                    note = Frag(lines=f.lines[a:b], kind="note", label=str(expected), texts=texts[a:b])
                    out.append(note)
                    ctx.decide(NAME, "note-label-lost", (note.first, note.last), texts[a][:60],
                               f"note {expected}", "a citation at the page's foot after the call of a note "
                               "not yet found: that note, its label lost in extraction")
                    ctx.diagnose("info", "note-label-lost", f"note {expected}: its label was lost in "
                                 "extraction; numbered from its call", (note.first, note.last))
                    expected += 1
                last_note = out[-1]
                i += 1
                continue
        # 1b. a column of note labels, then a block with their texts (pdftotext)
        labels = _label_column(texts, expected)
        if _line_numbers(texts) and not (labels and labels[-1] <= next_call):
            # 1 … n alone, and no note called them all: a listing's line numbers
            # whose code the extractor lost
            for ln in f.lines:
                ctx.remove(ln, "other", "1 … n alone in a block, not labels of notes called before: "
                           "the line numbers of a listing whose text is missing")
            i += 1
            continue
        if labels and expected < next_call + 1:
            nxt_f = frags[i + 1] if i + 1 < len(frags) else None
            prev_f = out[-1] if out and out[-1].kind == "body" else None
            if labels[0] == expected + 1 and nxt_f is not None and len(nxt_f.lines) > len(labels):
                labels = [expected] + labels  # its label was lost, its text was not
            if labels[0] != expected or labels[-1] > next_call:
                labels = []  # (the last label may lack its call; more uncalled: line numbers)
        if labels and expected < next_call + 1:
            nxt_f = frags[i + 1] if i + 1 < len(frags) else None
            prev_f = out[-1] if out and out[-1].kind == "body" else None
            if nxt_f is not None and len(nxt_f.lines) >= len(labels) and like(_text(nxt_f)):
                nt = nxt_f.line_texts()
                cut = next((k for k in range(1, len(nt)) if (mm := _NUM_START.match(nt[k]))
                            and int(mm.group(1)) == labels[-1] + 1), None)
                if cut is not None:  # the next note, with its label, follows these texts
                    frags.insert(i + 2, Frag(lines=nxt_f.lines[cut:], texts=nt[cut:]))
                    nxt_f = Frag(lines=nxt_f.lines[:cut], texts=nt[:cut], jump=nxt_f.jump,
                                 after_break=nxt_f.after_break)
                _label_notes(ctx, out, f, nxt_f, labels)
                expected += len(labels)
                last_note = out[-1]
                i += 2
                continue
            if prev_f is not None and like(_text(prev_f)):
                # the texts came first, the labels after them (pdfminer)
                out.pop()
                head, tail = _split_note_texts(prev_f, len(labels))
                if head is not None:
                    if last_note is not None and opened(_text(last_note)):
                        _append(ctx, last_note, head, 0, len(head.lines), "text before a label column")
                    else:
                        out.append(head)
                _label_notes(ctx, out, f, tail, labels)
                expected += len(labels)
                last_note = out[-1]
                i += 1
                continue
        # 2. symbol note
        if sm and sm.group(1) in sym_calls:
            note = Frag(lines=list(f.lines), kind="note", label=sm.group(1),
                        texts=[sm.group(2)] + texts[1:])
            out.append(note)
            ctx.decide(NAME, "note-start", (f.first, f.first), first[:60], f"note {sm.group(1)}",
                       "line opens with a symbol called earlier in the text")
            last_note = note
            in_sym_area = True
            i += 1
            continue
        # 3. lines before the next note number continue the last note (or, when
        #    note `expected` was called but never opened, are that note's lost start)
        k, lab = _next_label_line(texts, expected) if expected < next_call + 1 else (None, None)
        if k is not None and k > 0 and (last_note is not None or note_like(" ".join(texts[:k]))):
            head = " ".join(texts[:k])
            if lab == expected + 1 and note_like(head) and \
                    (last_note is None or not opened(last_note.tail_text())):
                _orphan(ctx, out, f, 0, k, expected)
                expected += 1
            elif last_note is not None and (opened(last_note.tail_text())
                                            or head[:1].islower()):
                _append(ctx, last_note, f, 0, k, "continued before the next note number")
            else:
                body = Frag(lines=f.lines[:k], texts=texts[:k], jump=f.jump, after_break=f.after_break)
                scan_calls(body)
                out.append(body)
                last_body = body
            start_notes(f, k)
            i += 1
            continue
        # 4a. an address cut at a line end continues at the start of the next block
        # (the cheap test first; _text(last_note) made once)
        if last_note is not None and _ADDRESS_REST.match(first) and \
                not (out and out[-1] is not last_note and out[-1].kind == "body"
                     and out[-1].last_text().rstrip().endswith("-")) and \
                (lt := _text(last_note)).rstrip().endswith(("/", "-", "_", ".")) and \
                _ends_with_url(lt):
            # (unless body text broken with a hyphen came after the note: the block goes on with it)
            _append(ctx, last_note, f, 0, 1, "the address of the note continues", seam=False)
            if len(texts) > 1:  # the rest of the block is read on its own
                frags.insert(i + 1, Frag(lines=f.lines[1:], texts=texts[1:]))
            i += 1
            continue
        # 4. an unfinished note continues in a citation-like block
        if last_note is not None and not in_sym_area and opened(last_note.tail_text()) and \
                (like(ft) or (f.jump and first[:1].islower() and not (
                    last_body is not None and opened(last_body.tail_text())))):
            _append(ctx, last_note, f, 0, len(texts), "citation-like block while the note is unfinished")
            i += 1
            continue
        # 5. a citation fragment just before a note area: the end of the last
        #    note, or (before note expected+1) note `expected` whose start was lost
        if i + 1 < len(frags) and like(ft) and expected < next_call + 1:
            nm = _NUM_START.match(frags[i + 1].first_text())
            if nm and int(nm.group(1)) == expected and last_note is not None and \
                    (first[:1].islower() or _URLISH.match(first)) and not in_sym_area:
                _append(ctx, last_note, f, 0, len(texts), "citation fragment just before the next note")
                i += 1
                continue
            if nm and int(nm.group(1)) == expected + 1 and expected < next_call:
                _orphan(ctx, out, f, 0, len(texts), expected)
                expected += 1
                i += 1
                continue
        # 6. paragraphs after a symbol note belong to it (endnote area)
        if in_sym_area and last_note is not None and not _looks_like_heading(f):
            last_note.lines.append(None)  # paragraph separator
            last_note.texts.append("")
            last_note.lines.extend(f.lines)
            last_note.texts.extend(texts)
            ctx.decide(NAME, "note-paragraph", (f.first, f.last), "", f"note {last_note.label}",
                       "paragraph following a symbol note in the endnote area")
            i += 1
            continue
        in_sym_area = False
        # 7. a note area inside a body block (no blank line before it): split
        k = _inner_note_start(f, expected, next_call, ctx.language in SPACED_CALL_LANGS, calls)
        if k is not None:
            body = Frag(lines=f.lines[:k], texts=texts[:k], jump=f.jump, after_break=f.after_break)
            scan_calls(body)
            out.append(body)
            last_body = body
            ctx.decide(NAME, "split-note-area", (f.lines[k - 1].no, f.lines[k].no), "", "",
                       "a line inside the block opens the next expected note after its call")
            start_notes(f, k)
            i += 1
            continue
        scan_calls(f, ft)
        out.append(f)
        last_body = f
        i += 1
    ctx.frags = out


_BARE_LABEL = re.compile(r"^\s*(\d{1,3})\s*$")


def _label_blocks(frags: list[Frag], i: int, expected: int) -> tuple[int, list[list[int]]] | None:
    """Blocks ``i``, ``i+1``... that are lone labels ``expected``,
    ``expected+1``... (two or more), followed by as many note texts, each
    one to three blocks opening with a capital after a complete citation::

        1                                            [label]
        2                                            [label]
        Jane Roe, “The Manual”, 2024, https://ex-    [note 1]
        ample.org/manual.html                        [note 1, continued]
        See https://example.org/tools                [note 2]

    Returns (number of labels, groups of block indices), or None."""
    k = i
    while k < len(frags) and len(frags[k].lines) == 1 and \
            (m := _BARE_LABEL.match(frags[k].first_text() or "")) and int(m.group(1)) == expected + k - i:
        k += 1
    n = k - i
    if n < 2:
        return None
    groups: list[list[int]] = []
    j = k
    while j < len(frags) and frags[j].kind == "body":
        t = _text(frags[j])
        if groups and not (t[:1].isupper() and note_like(" ".join(_text(frags[x]) for x in groups[-1]))):
            if len(groups[-1]) >= 3:
                return None
            groups[-1].append(j)
        elif len(groups) == n:
            break
        else:
            groups.append([j])
        j += 1
    if len(groups) != n or not all(note_like(" ".join(_text(frags[x]) for x in g)) for g in groups):
        return None
    return n, groups


_LABEL_OPENS = re.compile(r"\d{1,3}\s?[^\W\d_]")


def _unlabelled_notes(frags: list[Frag], i: int, open_calls: int) -> list[tuple[int, int]]:
    """Line ranges of the notes in block ``i`` when it is a run of citations
    without labels last on its page (pdftotext may drop a two-column page's
    labels) and exactly ``open_calls`` notes were called but not yet found;
    each citation (one or two lines, with an address or a dated quotation)
    opens with a capital after a complete citation::

        ...depuis la liste « Tasks ».1 ... apt_preferences(5). 2 C'est
        Osamu Aoki, « Référence Debian », 2024, https://www.debian.org/doc/m   [note 1]
        ch02.fr.html
        Voir https://manpages.debian.org/bookworm/apt_preferences.5            [note 2]
    """
    f = frags[i]
    if f.kind != "body" or not (i + 1 >= len(frags) or frags[i + 1].after_break):
        return []
    texts = [t or "" for t in f.line_texts()]
    if not texts[0][:1].isupper() or any(_LABEL_OPENS.match(t) for t in texts[1:]):
        return []  # (a later line opens with its label, glued or not: the labels are there)
    starts = [0]
    for k in range(1, len(texts)):
        # a capital line after a complete citation (with its address) opens the next
        if texts[k][:1].isupper() and note_like(" ".join(texts[starts[-1]:k])):
            starts.append(k)
    if len(starts) != open_calls:
        return []
    bounds = starts + [len(texts)]
    pieces = list(zip(bounds, bounds[1:]))
    if not all(b - a <= 2 and note_like(" ".join(texts[a:b])) for a, b in pieces):
        return []
    return pieces


def _uncalled_at_foot(frags: list[Frag], i: int, last_note: Frag | None) -> bool:
    """A short citation opening the next note number, last on its page (or
    in the document), in a document that has notes already: a note whose
    call was lost (glued to a number: ``#5163944``), not body text."""
    f = frags[i]
    at_foot = i + 1 >= len(frags) or frags[i + 1].after_break
    return last_note is not None and at_foot and len(f.lines) <= 3 and note_like(_text(f))


def _page_of(f: Frag) -> int:
    for ln in f.lines:
        if ln is not None:
            return ln.page
    return -1


def _unscramble_labels(ctx: Context, frags: list[Frag]) -> list[Frag]:
    """Note labels printed apart from their texts and out of order at a page
    foot (pdftotext puts raised digits on lines of their own)::

        ...key points are followings.        ...key points are followings.
        See https://example.org/a            3 See https://example.org/a
        See https://example.org/b       →    4 See https://example.org/b
        5                                    5 See https://example.org/c
        See https://example.org/c
        3
        4

    The labels of the note area of one page, sorted, are given to its note
    texts in reading order; a note starts at a line opening with a capital
    after a complete line.  Fires only when the labels are out of order or
    follow their texts, and form a run of consecutive numbers."""
    out: list[Frag] = []
    i = 0
    while i < len(frags):
        j = i
        page = _page_of(frags[i])
        while j + 1 < len(frags) and _page_of(frags[j + 1]) == page:
            j += 1
        out.extend(_unscramble_page(ctx, frags[i:j + 1]))
        i = j + 1
    return out


def _two_bare_labels(group: list[Frag]) -> bool:
    """Do two lines of ``group`` hold only a label (``_BARE_LABEL``)?  Such a
    line ends with a digit or a space: tested before the pattern."""
    n = 0
    for f in group:
        for t in f.line_texts():
            if t and (t[-1].isdecimal() or t[-1].isspace()) and _BARE_LABEL.match(t):
                n += 1
                if n == 2:
                    return True
    return False


def _unscramble_page(ctx: Context, group: list[Frag]) -> list[Frag]:
    if not _two_bare_labels(group):
        return group  # fewer than two bare labels on the page (the test below, made cheaply)
    flat = [(fi, li, ln, t) for fi, f in enumerate(group)
            for li, (ln, t) in enumerate(zip(f.lines, f.line_texts())) if ln is not None and t]
    bare = [k for k, x in enumerate(flat) if _BARE_LABEL.match(x[3])]
    if len(bare) < 2 or len(flat) - 1 - bare[-1] > 3:
        return group
    start = bare[-1]  # the cluster of labels: at most 3 text lines apart
    for k in reversed(bare[:-1]):
        if start - k > 4:
            break
        start = k
    region = flat[start:]
    nums = [int(x[3]) for x in region if _BARE_LABEL.match(x[3])]
    if sorted(nums) != list(range(min(nums), min(nums) + len(nums))):
        return group
    if nums == sorted(nums) and not _BARE_LABEL.match(region[-1][3]):
        return group  # labels in order before their texts: read as they are
    texts = [x for x in region if not _BARE_LABEL.match(x[3])]
    groups: list[list[tuple]] = []
    for x in texts:
        if not groups or (not x[3][:1].islower() and not is_open(groups[-1][-1][3])):
            groups.append([x])
        else:
            groups[-1].append(x)
    k = len(nums)
    if len(groups) > k:
        return group
    pos = start
    cur: list[tuple] = []
    need = k - len(groups) + (1 if groups and groups[0][0][3][:1].islower() else 0)
    if need > k - len(groups):  # the first text continues a line before the labels
        cur = groups.pop(0)
    while need > 0:  # the remaining notes' texts stand before the first label
        if pos == 0 or len(cur) > 8:
            return group
        pos -= 1
        x = flat[pos]
        if _BARE_LABEL.match(x[3]):
            return group
        cur.insert(0, x)
        if not x[3][:1].islower():
            if not note_like(" ".join(y[3] for y in cur)):
                return group
            groups.insert(0, cur)
            cur = []
            need -= 1
    if len(groups) != k:
        return group
    labels = sorted(nums)
    fi0, li0 = groups[0][0][0], groups[0][0][1]
    res = list(group[:fi0])
    head = group[fi0]
    if li0 > 0:
        res.append(Frag(lines=head.lines[:li0], texts=head.line_texts()[:li0], kind=head.kind,
                        jump=head.jump, after_break=head.after_break, label=head.label,
                        list_kind=head.list_kind))
    lines, new = [], []
    for lab, g in zip(labels, groups):
        for n, x in enumerate(g):
            lines.append(x[2])
            new.append(f"{lab} {x[3]}" if n == 0 else x[3])
    res.append(Frag(lines=lines, texts=new, after_break=head.after_break if li0 == 0 else False))
    first, last = flat[min(start, pos)][2].no, flat[-1][2].no
    for x in flat[start:]:
        if _BARE_LABEL.match(x[3]):
            ctx.decide(NAME, "move-label", (x[2].no, x[2].no), x[3], "",
                       "note label printed apart from its text at the page foot")
    ctx.decide(NAME, "unscramble-labels", (first, last), " ".join(str(n) for n in nums),
               " ".join(str(n) for n in labels),
               "labels of the page's note area out of order or after their texts: "
               "given to the note texts in reading order")
    return res


_URL_LINE = re.compile(r"^(https?://|www\.)\S+$")
_URL_TAIL = re.compile(r"^[\w.~%#?=&+/-]*[\w/]$")
_OPEN_URL = re.compile(r"(https?://|www\.)\S*[-_]$")


def _piece_kind(f: Frag) -> str | None:
    """What a block of a scattered note area is: ``head`` (label and a few
    words, its address elsewhere), ``note`` (label and text), ``url`` (an
    address alone), ``tail`` (the end of an address cut at a line end)."""
    # the first text and the number of texts, without making the list of
    # texts (asked of every block; most are none of these)
    if f.texts is not None:
        n = len(f.texts)
        t = f.texts[0].strip() if n else ""
    else:
        n = len(f.lines)
        t = f.lines[0].text.strip() if n else ""
    m = _NUM_START.match(t)
    if m:
        if not _URLISH.search(t) and len(m.group(2).split()) <= 3 and \
                all(_URL_TAIL.match(x.strip()) and x[:1].islower() for x in f.line_texts()[1:]):
            return "head"  # its address stands elsewhere (its tail may be here)
        return "note"
    if n != 1:
        return None
    if _URL_LINE.match(t):
        return "url"
    if _URL_TAIL.match(t) and not t.isdecimal() and (t[:1].islower() or t[:1].isdigit()):
        return "tail"
    return None


def _reassemble_note_pieces(ctx: Context, frags: list[Frag]) -> list[Frag]:
    """Notes whose label, text and address were set apart (pdfminer on a
    narrow column: a long address broken inside a note becomes blocks of its
    own, out of order)::

        https://example.org/wiki/Graphical_user_     1 See https://example.org/
        2 A. Author, “Title”, 2024.                     wiki/Graphical_user_interface
        https://example.org/man/gnome-          →    2 A. Author, “Title”, 2024.
        1 See                                         3 See https://example.org/man/
        interface                                       gnome-terminal.1
        3 See
        terminal.1

    In a run of such blocks, the labels without an address take the lone
    addresses in order, and the addresses cut after ``-`` or ``_`` take the
    address tails in order; the notes are then read in label order.  Fires
    only when the counts agree."""
    out: list[Frag] = []
    # each block's page and kind, worked out once (the blocks do not change
    # here; a run of pieces is looked at again from each of its blocks)
    pages = [_page_of(f) for f in frags]
    kind_of = [_piece_kind(f) for f in frags]
    i = 0
    while i < len(frags):
        kinds = []
        j = i
        page = pages[i]
        while j < len(frags) and pages[j] == page:
            k = kind_of[j]
            if k is None:
                break
            kinds.append(k)
            j += 1
        if "head" in kinds and ("url" in kinds or "tail" in kinds):
            res = _reassemble(ctx, frags[i:j], kinds)
            if res is not None:
                out.extend(res)
                i = j
                continue
        out.append(frags[i])
        i += 1
    return out


def _reassemble(ctx: Context, run: list[Frag], kinds: list[str]) -> list[Frag] | None:
    notes: list[tuple[int, list[tuple]]] = []   # per note: (label, [(line, text)])
    heads: list[tuple[int, list[tuple]]] = []   # the notes whose address stands elsewhere
    urls: list[tuple] = []
    tails: list[tuple] = []
    for f, k in zip(run, kinds):
        pairs = list(zip(f.lines, f.line_texts()))
        if k in ("head", "note"):
            note = (int(_NUM_START.match(pairs[0][1].strip()).group(1)), pairs)
            notes.append(note)
            if k == "head":
                heads.append(note)
        elif k == "url":
            urls.append(pairs[0])
        else:
            tails.append(pairs[0])
    labels = [lab for lab, _ in notes]
    if labels != sorted(labels) and sorted(labels) != list(range(min(labels), min(labels) + len(labels))):
        return None
    if len(heads) != len(urls):
        return None
    for (_, n), u in zip(sorted(heads, key=lambda x: x[0]), urls):
        n.insert(1, u)  # after the label line, before any tail of the address
    order = sorted(notes, key=lambda x: x[0])
    open_ = [n for _, n in order if _OPEN_URL.search(n[-1][1].strip())]
    if len(open_) != len(tails):
        return None
    for n, tl in zip(open_, tails):
        n.append(tl)
    first = min(ln.no for f in run for ln in f.lines if ln is not None)
    last = max(ln.no for f in run for ln in f.lines if ln is not None)
    ctx.decide(NAME, "reassemble-notes", (first, last), "", " ".join(str(lab) for lab, _ in order),
               "labels, addresses and address tails of notes set apart: matched in order")
    return [Frag(lines=[ln for ln, _ in n], texts=[t for _, t in n], after_break=run[0].after_break)
            for _, n in order]


def _citation_follows(frags: list[Frag], i: int) -> int:
    """How many short blocks after ``frags[i]`` complete a citation with it
    (0: none): the words of a note cut into blocks, up to one with an address
    or a year in quotes."""
    parts = [_text(frags[i])]
    for k in range(i + 1, min(len(frags), i + 6)):
        t = frags[k].first_text()
        if _NUM_START.match(t) or _BODY_START.match(t):
            return 0
        parts.append(_text(frags[k]))
        if len(frags[k].lines) > 3 and len(parts[-1]) > 300:
            return 0  # a paragraph of prose (with an address in it), not the rest of a citation
        if note_like(" ".join(parts)):
            return k - i
        if len(frags[k].lines) > 2:
            return 0
    return 0


def _split_inner_labels(f: Frag) -> list[Frag]:
    """A column of two note labels or more inside a block, between body lines
    and the note texts (``... require these to`` / ``3`` / ``4`` / ``See http...``:
    double spacing undone around a page foot) becomes a block of its own,
    and so do the texts after it: [before, labels, after], or [f]."""
    texts = f.line_texts()
    if len(texts) < 3:
        return [f]
    for k in range(1, len(texts) - 1):
        t = texts[k]
        if not (t and t.isdecimal() and len(t) <= 3):
            continue
        j = k
        while j + 1 < len(texts) and (texts[j + 1] or "").isdecimal() and len(texts[j + 1]) <= 3 and \
                int(texts[j + 1]) == int(texts[j]) + 1:
            j += 1
        if j > k and j + 1 < len(texts) and note_like(texts[j + 1] or ""):
            return [Frag(lines=f.lines[:k], texts=texts[:k], kind=f.kind, jump=f.jump,
                         after_break=f.after_break, label=f.label, list_kind=f.list_kind),
                    Frag(lines=f.lines[k:j + 1], texts=texts[k:j + 1]),
                    Frag(lines=f.lines[j + 1:], texts=texts[j + 1:])]
    return [f]


def _split_trailing_labels(frags: list[Frag]) -> list[Frag]:
    """Note labels printed as the last lines of a block (``... pressing`` /
    ``2``) before a block of citations become a block of their own; so do
    labels inside a block before their texts (:func:`_split_inner_labels`)."""
    out: list[Frag] = []
    for n, f in enumerate(frags):
        texts = f.line_texts()
        if len(texts) >= 3 and any(t and t.isdecimal() for t in texts[1:-1]):
            parts = _split_inner_labels(f)
            if len(parts) > 1:
                out.extend(parts)
                continue
        k = len(texts)
        while k > 0 and texts[k - 1].strip().isdecimal() and len(texts[k - 1].strip()) <= 3:
            k -= 1
        if k == len(texts) or k == 0:  # no label at the end, or labels only (a label column)
            out.append(f)
            continue
        nxt = frags[n + 1] if n + 1 < len(frags) else None
        texts_before = " ".join(t for t in texts[max(0, k - 3):k] if t)
        if (nxt is not None and note_like(_text(nxt))) or note_like(texts_before):
            out.append(Frag(lines=f.lines[:k], texts=texts[:k], kind=f.kind, jump=f.jump,
                            after_break=f.after_break, label=f.label, list_kind=f.list_kind))
            out.append(Frag(lines=f.lines[k:], texts=texts[k:]))
        else:
            out.append(f)
    return out


def _glue_lone_labels(ctx: Context, f: Frag) -> Frag:
    """A note label printed alone on the line before its text (``1`` /
    ``Osamu Aoki, ...``) is glued to it, so the text opens with its label."""
    texts = f.line_texts()
    if len(texts) < 2 or not any(t.strip().isdecimal() for t in texts[:-1]):
        return f
    lines, new = list(f.lines), list(texts)
    sections = ctx.meta.get("section_numbers", ())  # (a section number before its heading: no label)
    k = 0
    while k < len(new) - 1:
        t, nxt = new[k].strip(), new[k + 1]
        if t.isdecimal() and len(t) <= 3 and nxt and not nxt.strip()[:1].isdecimal() and \
                lines[k].no not in sections and \
                not nxt[:1].islower() and not (k > 0 and new[k - 1].strip().isdecimal()):
            new[k + 1] = t + " " + nxt
            ctx.decide(NAME, "glue-label", (lines[k].no, lines[k + 1].no), t, "",
                       "number alone on the line before a text: a note label")
            del new[k], lines[k]
            continue
        k += 1
    if len(new) == len(texts):
        return f
    return Frag(lines=lines, kind=f.kind, texts=new, jump=f.jump, after_break=f.after_break,
                label=f.label, list_kind=f.list_kind)


_BODY_START = re.compile(r"^[\u2022\uf0b7\u2013\u2014•–—]\s")


def _note_ends_before(note: Frag, line: str) -> bool:
    """Is a note that ends with its address complete before ``line``, which
    starts a list item or holds no address of its own?"""
    last = _last_line(note)
    if not _ends_with_url(last.rstrip(".")):
        return False
    return bool(_BODY_START.match(line)) or (not _URLISH.search(line) and not line[:1].islower()
                                              and (len(line.split()) > 3 or _looks_like_heading_line(line)))


def _body_goes_on(note: Frag, line: str, lang: str) -> bool:
    """A note ending with a whole address (its last character a letter or a
    digit, or a slash: not cut after a dot) is complete before ``line``, which
    opens in lower case with a common word: the tail of the body paragraph
    the note area cut (when that paragraph was left unfinished)::

        ... a complete list of the mailing lists         <- body, unfinished
        2. Jane Roe, "The FAQ", 2024, https://example.org/faq.html
        in the file /usr/share/doc/mailing-lists.txt.    <- the body goes on
    """
    word = line.split(None, 1)[0] if line.strip() else ""  # (the line's test first: the cheaper)
    if not (word[:1].islower() and word.isalpha() and zipf(word, lang) >= 3.5):
        return False
    last = _last_line(note).rstrip()
    if not (last[-1:].isalnum() or last[-1:] == "/"):
        return False
    if _ends_with_url(last):
        return True
    # the address broken over the note's last two lines (``…/ch-`` | ``fields.html``)
    texts = [t for t in note.line_texts() if t]
    return len(texts) >= 2 and " " not in last.strip() and texts[-2].rstrip()[-1:] in ("-", "/", ".") and \
        _ends_with_url(texts[-2].rstrip() + last.strip())


def _last_line(note: Frag) -> str:
    """The note's last non-empty text ('' if none)."""
    return next((t for t in reversed(note.line_texts()) if t), "")


def _looks_like_heading_line(t: str) -> bool:
    """A capitalised line of a few words that does not end like a sentence part."""
    t = t.strip()
    return bool(t) and t[:1].isupper() and len(t) <= 80 and not re.search(r"[.!?,;:(\-]$", t)


def _label_column(texts: list[str], expected: int) -> list[int]:
    """``['3', '4', '5']`` when expected is 3: labels printed apart from their texts."""
    if not all(t.strip().isdecimal() for t in texts):
        return []
    nums = [int(t) for t in texts]
    for start in (expected, expected + 1):  # the first label may be lost
        if nums == list(range(start, start + len(nums))):
            return nums
    return []


def _line_numbers(texts: list[str]) -> bool:
    """``['1', '2', '3']``: two numbers or more, one a line, counting from 1."""
    return len(texts) >= 2 and all(t.strip().isdecimal() for t in texts) and \
        [int(t) for t in texts] == list(range(1, len(texts) + 1))


def _split_note_texts(f: Frag, k: int) -> tuple[Frag | None, Frag]:
    """Split ``f`` so that its tail holds the texts of ``k`` notes: counting
    from the end, a note starts at a line opening with a capital, quote or
    symbol after a complete line."""
    texts = f.line_texts()
    starts = [j for j in range(len(texts)) if not texts[j][:1].islower()]
    cut = starts[-k] if len(starts) >= k else 0
    tail = Frag(lines=f.lines[cut:], texts=texts[cut:])
    head = Frag(lines=f.lines[:cut], texts=texts[:cut], jump=f.jump, after_break=f.after_break) if cut else None
    return head, tail


def _label_notes(ctx: Context, out: list[Frag], f: Frag, g: Frag, labels: list[int]) -> None:
    """Give the lines of block ``g`` to the notes labelled in block ``f``:
    one line each when the counts agree, else a new note starts after a
    complete line."""
    gl, gt = g.lines, g.line_texts()
    groups: list[list[int]] = []
    for k, t in enumerate(gt):
        need = len(labels) - len(groups)
        left = len(gt) - k
        if not groups or (need > 0 and (left <= need or not is_open(gt[k - 1]))):
            groups.append([k])
        else:
            groups[-1].append(k)
    for lab, idx in zip(labels, groups):
        note = Frag(lines=[gl[k] for k in idx], kind="note", label=str(lab), texts=[gt[k] for k in idx])
        out.append(note)
        ctx.decide(NAME, "note-from-label-column", (f.first, gl[idx[-1]].no), str(lab), f"note {lab}",
                   "labels printed in a column apart from their texts; matched in order")
    for lab in labels[len(groups):]:
        ctx.diagnose("warning", "note-text-missing", f"note {lab}: label printed but no text found",
                     (f.first, f.last))
    for k in range(sum(len(x) for x in groups[:len(labels)]), len(gt)):
        pass


def _inner_note_start(f: Frag, expected: int, next_call: int, spaced: bool = False,
                      cache: dict | None = None) -> int | None:
    """Index of a line (not the first) that opens note `expected`, whose call
    appears before it (earlier in the text or in this block's earlier lines).
    ``cache``: as for :func:`find_calls`."""
    texts = f.line_texts()
    # the lines (not the first) that open note `expected`: without one, no
    # call need be looked for (a label opens with a digit: tested first)
    opening = [k for k in range(1, len(texts)) if texts[k][:1].isdecimal() and
               (m := _NUM_START.match(texts[k])) and int(m.group(1)) == expected]
    if not opening:
        return None
    seen = next_call
    for k, t in enumerate(texts[:opening[-1] + 1]):
        if k in opening and expected < seen and (len(t) > 12 or note_like(" ".join(texts[k:k + 8]))):
            return k
        for _, _, lab in find_calls(t, seen, set(), spaced, set(), cache):
            seen = int(lab) + 1
    return None


def _next_label_line(texts: list[str], expected: int) -> tuple[int | None, int | None]:
    """First line opening note `expected` (or `expected + 1`, when `expected` was lost)."""
    for k, t in enumerate(texts):
        m = _NUM_START.match(t) if t[:1].isdecimal() else None  # a label opens with a digit
        if m and int(m.group(1)) in (expected, expected + 1):
            return k, int(m.group(1))
    return None, None


# the rest of an address cut at a line end: a path, or a file name
_ADDRESS_REST = re.compile(r"[a-z0-9][\w.-]*(?:/[\w./#?=&%-]*|\.(?:html?|php|aspx?|txt|pdf|xml))(\s|$)")


def _append(ctx: Context, note: Frag, f: Frag, a: int, b: int, why: str, seam: bool = True) -> None:
    if seam:
        last = note.tail_text().rstrip()
        if last.endswith(("/", "-", "_", ".")) and _ends_with_url(last) and \
                _ADDRESS_REST.match(f.line_texts()[a].strip()):
            seam = False  # the address of the note goes on: joined as one address
    if seam:
        note.lines.append(None)  # seam marker: join across a break
        note.texts.append(None)
    note.lines.extend(f.lines[a:b])
    note.texts.extend(f.line_texts()[a:b])
    ctx.decide(NAME, "note-continued", (f.lines[a].no, f.lines[b - 1].no), "", f"note {note.label}", why)


def _orphan(ctx: Context, out: list[Frag], f: Frag, a: int, b: int, label: int) -> None:
    note = Frag(lines=list(f.lines[a:b]), kind="note", label=str(label), texts=list(f.line_texts()[a:b]))
    out.append(note)
    ctx.decide(NAME, "note-start-lost", (f.lines[a].no, f.lines[b - 1].no), "", f"note {label}",
               f"citation-like fragment before note {label + 1} while note {label} was called but not found")
    ctx.diagnose("warning", "note-start-lost",
                 f"note {label}: its beginning was lost in extraction; the surviving fragment is kept",
                 (f.lines[a].no, f.lines[b - 1].no))


def _glued_label(t: str) -> bool:
    """``5Véase ...``: the label glued to its text (a superscript), which a
    numbered heading (``5 Results``) never is."""
    m = re.match(r"\d{1,3}", t)
    return m is not None and m.end() < len(t) and t[m.end()].isalpha()


def _looks_like_heading(f: Frag) -> bool:
    t = _text(f)
    return len(f.lines) <= 2 and len(t) <= 80 and not re.search(r"[.!?,;:]$", t) and \
        not _URLISH.search(t)


def _list_run(frags: list[Frag], i: int) -> bool:
    """`1. Foo` followed by `2. Bar`: an ordered list, not notes."""
    t = frags[i].line_texts()
    if not re.match(r"^\d{1,3}[.)]\s", t[0]):
        return False
    n = int(re.match(r"\d+", t[0]).group(0))
    following = list(t[1:])
    for g in frags[i + 1:i + 4]:
        following.extend(g.line_texts())
    for x in following[:6]:
        m = re.match(r"^(\d{1,3})[.)]\s", x)
        if m and n < int(m.group(1)) <= n + 4:
            return True
    return False
