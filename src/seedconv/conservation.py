"""Nothing lost: every word of the input must be somewhere in the document.

Run at the end of :func:`seedconv.pipeline.normalise` (``Settings.conservation_check``,
on by default).  A *word* is a ``\\w+`` token of the input longer than one
character.  It must be found, as often as the input has it, in

* the body (blocks, list markers, note calls),
* the notes (their labels and paragraphs),
* the metadata (title, subtitle, authors, date, publisher, rights, and the
  author line the ``front_matter`` pass split into names), or
* the record of removed furniture.

Comparison is on a flattened form: tokens are case-folded, and whatever the
normaliser may remove *between* word pieces (line-end hyphens, soft hyphens,
zero-width characters, line breaks inside URLs) is allowed for: a token that
is missing as a word of its own counts as found when it is a piece of an
output word that the input does not have as often (``do-`` + ``mestic`` →
``domestic``; a drop cap ``T`` + ``urkmenistan``; ``hroni-`` + ``katm.com``),
and a word that a recorded decision split by putting back a hyphen the
extractor dropped (``buildessential`` → ``build-essential``) counts as found.

Linear time: one :class:`~collections.Counter` of tokens (the input's counts
less the output's) gives the words missing from the output and the output
words the normaliser made by joining pieces; only the missing words are then
looked for inside those joined words, one sweep over them.  The texts are
tokenised in chunks of about :data:`_CHUNK` characters (cut between words),
so the memory needed beyond the document is that counter, not a list of
every token.

A failure is a ``Diagnostic(level="warning", code="words-lost")`` naming up
to ten of the lost words; ``seedconv convert --strict`` and ``normalize
--strict`` refuse to write a document that has one.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from .chunks import joined_batches
from .model import Diagnostic, Document, Email, Link, NoteRef, Text

CODE = "words-lost"
_WORD = re.compile(r"\w+")
# With at most this many missing words, each is counted inside the joined
# words with str.count (C speed); with more, one sweep over the joined words
# looks up every piece of a missing word's length.
_FEW = 8
# A word split in two by the normaliser is looked for with cuts this close to
# either end (note labels and calls have at most three digits).
_CUT = 5


def _content(content) -> str:
    out = []
    for x in content:
        if isinstance(x, Text):
            out.append(x.text)
        elif isinstance(x, NoteRef):
            out.append(x.label)  # printed glued to its word: 'Experts1'
        elif isinstance(x, Link):
            out.append(x.text or x.url)
        elif isinstance(x, Email):
            out.append(x.address)
    return "".join(out)


def output_strings(doc: Document) -> Iterator[str]:
    """Every string of ``doc`` where a word of the input may legitimately be."""
    for b in doc.blocks:
        if getattr(b, "type", None) == "list":
            for item in b.items:
                if item.marker:
                    yield item.marker
                yield _content(item.content)
        else:
            yield _content(b.content)
    for n in doc.notes:
        yield n.label
        for p in n.paragraphs:
            yield _content(p)
    md = doc.metadata
    for v in (md.title, md.subtitle, md.date, md.publisher, md.rights, *md.authors):
        if v:
            yield v
    for d in doc.decisions:
        if d.pass_ == "front_matter":  # the title and author lines as printed
            yield d.after
    for f in doc.furniture:
        yield f.text


_CHUNK = 1 << 16
#: decisions that split an input word: a hyphen the extractor dropped, put
#: back ('buildessential' → 'build-essential'), words run together cut apart
_SPLITS = ("restore-hyphen", "split-glued-words")
_NON_WORD = re.compile(r"\W")


def _chunks(text: str) -> Iterator[str]:
    """``text`` in pieces of about ``_CHUNK`` characters, cut after a non-word
    character, so the tokens of the pieces are the tokens of ``text``."""
    i, n = 0, len(text)
    while i < n:
        m = _NON_WORD.search(text, i + _CHUNK) if i + _CHUNK < n else None
        j = m.end() if m else n
        yield text[i:j]
        i = j


def _count(strings, counts: Counter | None = None, sign: int = 1) -> Counter:
    """Counter of the case-folded tokens of ``strings``, tokenised a batch of
    about ``_CHUNK`` characters at a time (joined by a line feed, which no
    token holds).  With ``counts`` given, the tokens are added to it (``sign``
    1) or taken off it (``sign`` -1) instead: one counter for the input less
    the output holds what two would (memory).

    Fast: the text is cut at white space (``str.split``; no white space is a
    word character, so the tokens are those of the pieces), the pieces are
    counted as printed, and only the distinct pieces are tokenised and
    case-folded (far fewer than all).  The folded tokens come in the order
    of their first occurrence, as if every token had been folded in turn."""
    pieces: Counter[str] = Counter()
    for batch in joined_batches(strings, _CHUNK, "\n"):
        pieces.update(batch.split())
    if counts is None:
        counts = Counter()
    get = counts.get
    findall = _WORD.findall
    for piece, c in pieces.items():
        c *= sign
        if piece.isalnum():  # one token (\w is alphanumeric or _)
            f = piece.casefold()
            counts[f] = get(f, 0) + c
        else:
            for t in findall(piece):
                f = t.casefold()
                counts[f] = get(f, 0) + c
    return counts


def lost_words(text, doc: Document) -> tuple[int, int, list[str]]:
    """How many words of ``text`` are nowhere in ``doc`` (occurrences and
    distinct words), and the first ten of them as spelled in the input.
    ``text`` is the input, or a function giving it anew as pieces cut at
    line ends (so that a large input is never held whole)."""
    pieces = (lambda: _chunks(text)) if isinstance(text, str) else text
    diff = _count(pieces())                   # the input's tokens ...
    _count(output_strings(doc), diff, -1)     # ... less the output's
    missing = {t: c for t, c in diff.items() if c > 0 and len(t) > 1}
    if missing:
        # output words the input has fewer of: made by joining, or pieces of a split
        surplus = {r: -c for r, c in diff.items() if c < 0}
        _find_in_joined(missing, surplus)
        _find_split(missing, surplus)
        for d in doc.decisions:  # a hyphen the extractor dropped, put back: 'buildessential'
            if missing and d.action in _SPLITS and (f := d.before.casefold()) in missing:
                _take(missing, f, 1)
    if not missing:
        return 0, 0, []
    first: list[str] = []
    seen: set[str] = set()
    wanted = min(10, len(missing))  # (once every missing word is seen, the rest need not be read)
    for piece in pieces():
        # each distinct spelling once, in the order of its first occurrence
        for t in dict.fromkeys(_WORD.findall(piece)):
            f = t.casefold()
            if f in missing and f not in seen:
                seen.add(f)
                first.append(t)
                if len(first) == wanted:
                    break
        if len(first) == wanted:
            break
    return sum(missing.values()), len(missing), first


def _find_in_joined(missing: dict[str, int], surplus: dict[str, int]) -> None:
    """Take off ``missing`` the pieces found inside output words made by
    joining (``do-`` + ``mestic`` → ``domestic``).  In place."""
    for r, times in surplus.items():
        if not missing:
            return
        if len(missing) <= _FEW:
            for t in list(missing):
                k = r.count(t)
                if k:
                    _take(missing, t, k * times)
            continue
        lengths = sorted({len(t) for t in missing if len(t) <= len(r)})
        n = len(r)
        for i in range(n):
            for L in lengths:
                if i + L > n:
                    break
                piece = r[i:i + L]
                if piece in missing:
                    _take(missing, piece, times)


def _find_split(missing: dict[str, int], surplus: dict[str, int]) -> None:
    """Take off ``missing`` the words the output has in two pieces: a note
    label glued to its text (``1Osamu`` → note 1, ``Osamu``) or a call to
    its word.  Only cuts near either end are tried, so this stays linear."""
    for t in list(missing):
        cuts = sorted(set(range(1, min(_CUT, len(t)))) | set(range(max(1, len(t) - _CUT + 1), len(t))))
        while t in missing:
            for k in cuts:
                a, b = t[:k], t[k:]
                if surplus.get(a, 0) > 0 and surplus.get(b, 0) > 0:
                    surplus[a] -= 1
                    surplus[b] -= 1
                    _take(missing, t, 1)
                    break
            else:
                break


def _take(missing: dict[str, int], t: str, k: int) -> None:
    left = missing[t] - k
    if left > 0:
        missing[t] = left
    else:
        del missing[t]


def check(text, doc: Document) -> Diagnostic | None:
    """The ``words-lost`` diagnostic for ``doc`` normalised from ``text`` (a
    string, or a function giving its pieces: see :func:`lost_words`), or None."""
    n, distinct, first = lost_words(text, doc)
    if not n:
        return None
    more = ", …" if distinct > len(first) else ""
    return Diagnostic("warning", CODE,
                      f"{n} word(s) of the input are not in the body, the notes, the metadata or "
                      f"the furniture record: {', '.join(first)}{more}", None)


def lost(doc: Document) -> list[Diagnostic]:
    """The ``words-lost`` diagnostics of a normalised document."""
    return [d for d in doc.diagnostics if d.code == CODE]
