"""Build: turn classified blocks into the document model.

Joins each block's lines (:mod:`line_end_hyphens`), links note calls in
reading order (:func:`footnotes.find_calls`), makes URLs and e-mails inline
links (:mod:`urls`), groups list items into lists, and records diagnostics
for calls without notes and notes without calls.
"""
from __future__ import annotations

import re
from array import array

from ..model import (Block, Caption, Heading, Inline, Link, ListBlock, ListItem, Note, NoteRef,
                     Paragraph, Quote, Span, Text)
from .base import Context, Frag, Line
from .footnotes import SPACED_CALL_LANGS, find_calls
from .line_end_hyphens import join_lines, survey_url_hyphens
from .urls import inlines

NAME = "build"


def spans_of(lines: list[Line | None]) -> list[Span]:
    nos = sorted([ln.no for ln in lines if ln is not None])
    if not nos:
        return []
    out: list[Span] = []
    a = b = nos[0]
    for n in nos:  # (in order: a number joins the open span or starts the next)
        if n <= b + 1:
            if n > b:
                b = n
        else:
            out.append((a, b))
            a = b = n
    out.append((a, b))
    return out


def _join(ctx: Context, f: Frag) -> str:
    seams = getattr(f, "seams", None)
    seams = set(seams) if seams else set()
    if all(f.lines):  # no seam marker (None; a Line is always true): the lines as they are
        lines, texts = f.lines, f.line_texts()
    else:
        lines, texts = [], []
        pending_seam = False
        for ln, t in zip(f.lines, f.line_texts()):
            if ln is None:
                pending_seam = True
                continue
            if pending_seam:
                seams.add(ln.no)
                pending_seam = False
            lines.append(ln)
            texts.append(t)
    # an indented line inside a block starts where the text jumped (a new
    # column or text box) — unless every line after the first is indented:
    # a hanging indent (a note or an item whose lines align after its label)
    hanging = len(lines) > 2 or (len(lines) == 2 and f.kind in ("note", "list_item"))
    rest = lines[1:]
    if not (hanging and all(ln.indent for ln in rest)):
        seams.update([ln.no for ln in rest if ln.indent])
    # str.split() splits at what \s matches: re.sub(r"\s+", " ", t).strip()
    return " ".join(join_lines(ctx, lines, texts, seams).split())


def _note_paragraphs(ctx: Context, f: Frag) -> list[str]:
    paras: list[Frag] = [Frag(lines=[], texts=[], kind="note")]
    for ln, t in zip(f.lines, f.line_texts()):
        if ln is None and t == "":
            paras.append(Frag(lines=[], texts=[], kind="note"))
            continue
        paras[-1].lines.append(ln)
        paras[-1].texts.append(t)
    out = []
    for p in paras:
        while p.lines and p.lines[0] is None:
            p.lines.pop(0)
            p.texts.pop(0)
        if p.lines:
            out.append(_join(ctx, p))
    return out


class _Pages:
    """The page of each line, by line number (-1 where ``ctx.lines`` is not
    numbered in order): all build needs of the lines outside the blocks, so
    the line list itself can be let go."""

    __slots__ = ("of", "last")

    def __init__(self, lines: list[Line]):
        # 4 bytes a line (build starts when memory is at its highest)
        self.of = array("i", (ln.page if ln.no == k else -1 for k, ln in enumerate(lines, 1)))
        self.last = lines[-1].page if lines else 0


def _page(pages: _Pages, no: int) -> int:
    return pages.of[no - 1] if 0 < no <= len(pages.of) else -1


def _note_near(pages: _Pages, note: Note | None, lines: Span) -> bool:
    """Is ``note`` printed just after the block at ``lines``: on the same or
    the next page, or (no pages known) within a page's worth of lines?"""
    if note is None or not note.spans:
        return False
    first = note.spans[0][0]
    if first < lines[0]:
        return False
    a, b, n = _page(pages, lines[0]), _page(pages, lines[1]), _page(pages, first)
    if pages.of and pages.last > 0 and min(a, b, n) >= 0:
        return a <= n <= b + 1
    return first - lines[1] <= 120


_LOOK_AHEAD = 40  # blocks after a weak call in which a surer call of its number is looked for


def _surer_call_follows(frags: list, k: int, lab: str, pages: _Pages, note: Note | None) -> bool:
    """Is there, in the blocks after block ``k`` (and before its note is
    too far), a call of ``lab`` glued after punctuation (``dpkg(1)3 la``)?
    Then the number set apart earlier (``La línea 3 describe``) is text."""
    glued = re.compile(r"(?<=[.,;:!?”’\"»)\]])(?<!\d[.,])" + lab + r"(?![\d.,]\d)(?=[\s.,;:)]|$)")
    for j in range(k + 1, min(len(frags), k + 1 + _LOOK_AHEAD)):
        g = frags[j]
        if g is None or g.kind in ("note", "title", "authors"):
            continue
        texts = g.line_texts()
        if any(lab in t for t in texts) and glued.search(" ".join(texts)):
            first, last = g.lines[0].no, g.lines[-1].no
            return _note_near(pages, note, (first, last))
    return False


def _note_urls(note: Note) -> set[str]:
    """The addresses a note links to."""
    return {x.url for p in note.paragraphs for x in p if isinstance(x, Link)}


def _calls_after_addresses(text: str, calls: list, expected: int, slashed: dict[str, list[str]]) -> list:
    """``.../maint-guide/2``: a call glued to an address that ends with a
    slash is read as part of it; it is a call when note 2 (the next one
    expected, or one of the two after) gives that very address.
    ``slashed``: such addresses by note label."""
    extra = []
    for n in range(expected, expected + 3):
        for url in slashed.get(str(n), ()):
            at = text.find(url + str(n))
            end = at + len(url) + len(str(n))
            if at >= 0 and (end == len(text) or not (text[end].isalnum() or text[end] in "/_-")) and \
                    not any(a <= end - 1 < b for a, b, _ in calls):
                extra.append((end - len(str(n)), end, str(n)))
    return sorted(calls + extra) if extra else calls


def _number_stems(urls: set[str]) -> list[str]:
    """The last parts of a note's addresses that end with a digit
    (``.../wiki/VT100``, ``.../516394``, ``.../DebSrc3.0``)."""
    out = []
    for url in urls:
        last = url.rstrip("/").rsplit("/", 1)[-1]
        if len(last) >= 2 and last[-1].isdecimal() and "://" not in last:
            out.append(last)
    return out


#: what may stand between such a name and its call: nothing, the end of a
#: sentence or a clause (``DebSrc3.0.6``), a space (``VT100 4``)
_STEM_CALL_SEPARATORS = ("", ".", ",", ";", ":", " ")


def _calls_after_numbers(text: str, calls: list, expected: int, stems: dict[str, list[str]]) -> list:
    """``VT1004``, ``#5163944``, ``DebSrc3.0.6``: a call glued to a name or
    number that ends with a digit reads as part of it; it is a call when note
    4 (the next one expected, or one of the two after) gives an address
    ending with that very name (``.../wiki/VT100``).  ``stems``: such names
    by note label (:func:`_number_stems`)."""
    extra = []
    for n in range(expected, expected + 3):
        for stem in stems.get(str(n), ()):
            if stem not in text:
                continue  # (most blocks: one look)
            for sep in _STEM_CALL_SEPARATORS:
                glued = stem + sep + str(n)
                at = text.find(glued)
                while at >= 0:
                    end = at + len(glued)
                    if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "/_-.")) and \
                            (end == len(text) or not (text[end].isalnum() or text[end] in "/_-.")) and \
                            not any(a < end and at < b for a, b, _ in calls):
                        extra.append((end - len(str(n)) - (sep == " "), end, str(n)))
                        break
                    at = text.find(glued, at + 1)
    return sorted(calls + extra) if extra else calls


def run(ctx: Context) -> tuple[list[Block], list[Note]]:
    pages = _Pages(ctx.lines)
    survey_url_hyphens(ctx)
    if ctx.release_frags:
        ctx.lines = []  # lines in no block (removed furniture) go now, the rest with their block
    notes: list[Note] = []
    by_label: dict[str, Note] = {}
    for f in ctx.frags:
        if f.kind == "note":
            nid = f"n{len(notes) + 1}"
            paras = _note_paragraphs(ctx, f)
            note = Note(nid, f.label or "?", [inlines(p) for p in paras], spans_of(f.lines))
            notes.append(note)
            by_label.setdefault(note.label, note)
    labels_num = sorted(int(k) for k in by_label if k.isdecimal())
    max_label = labels_num[-1] if labels_num else 0
    symbols = {k for k in by_label if not k.isdecimal()}
    called: set[str] = set()
    expected = 1
    # each note's addresses (once a document): those ending with a slash, and
    # the names ending with a digit that end the others (for calls glued to them)
    urls = {label: got for label, note in by_label.items() if (got := _note_urls(note))}
    slashed = {label: got for label, us in urls.items() if (got := [u for u in us if u.endswith("/")])}
    stems = {label: got for label, us in urls.items() if (got := _number_stems(us))}

    def content(text: str, lines: Span) -> list[Inline]:
        nonlocal expected
        weak: set[int] = set()
        calls = find_calls(text, expected, symbols, ctx.language in SPACED_CALL_LANGS, weak) \
            if (max_label or symbols) else []
        if slashed and "/" in text:
            calls = _calls_after_addresses(text, calls, expected, slashed)
        if stems and (str(expected) in stems or str(expected + 1) in stems or str(expected + 2) in stems):
            calls = _calls_after_numbers(text, calls, expected, stems)
        out: list[Inline] = []
        pos = 0
        for a, b, lab in calls:
            if a in weak and (not _note_near(pages, by_label.get(lab), lines) or
                              _surer_call_follows(frags, here[0], lab, pages, by_label.get(lab))):
                continue  # a number set apart is a call only with its note close by, and
                #           when no call of that number glued after punctuation follows
            if lab.isdecimal():
                n = int(lab)
                if n > max_label:
                    continue
                if n != expected and str(expected) in by_label and not text[a].isdecimal():
                    continue  # a spaced number skipping an existing note: not a call
                if n != expected and str(expected) in by_label:
                    ctx.diagnose("warning", "call-skipped",
                                 f"call {lab} found while call {expected} was not: "
                                 f"note {expected} is not linked", lines)
                expected = n + 1
            if a > pos:
                out.extend(inlines(text[pos:a]))
            note = by_label.get(lab)
            out.append(NoteRef(lab, note.id if note else None))
            if note is None:
                ctx.diagnose("warning", "call-without-note", f"call {lab} has no note", lines)
            else:
                called.add(lab)
            ctx.decide("footnotes", "link-call", lines, text[max(0, a - 20):b], f"[^{lab}]",
                       "number glued to the address its note gives" if text[a - 1:a] == "/" else
                       "number glued to a name ending with a digit that its note's address ends with"
                       if text[a - 1:a].isdecimal() else "number after a word or punctuation, in sequence")
            pos = b
            if text[b:b + 2] == " -" and text[b + 2:b + 3].isalpha() and a and not text[a - 1].isspace():
                pos = b + 1  # 'less(1)5 -Befehl': the call sat inside a compound: 'less(1)-Befehl'
        out.extend(inlines(text[pos:]))
        return [x for x in out if not (isinstance(x, Text) and not x.text)]

    blocks: list[Block] = []
    frags = ctx.frags
    here = [0]  # the index of the block being built (for content's look ahead)
    for k, f in enumerate(frags):
        here[0] = k
        if ctx.release_frags:
            frags[k] = None  # this block's lines are freed once it is built
        if f.kind in ("note", "title", "authors"):
            continue
        text = _join(ctx, f)
        if not text:
            continue
        sp = spans_of(f.lines)
        whole = (sp[0][0], sp[-1][1])
        if f.kind == "heading":
            blocks.append(Heading(max(1, min(6, f.level or 2)), content(text, whole), sp))
        elif f.kind == "caption":
            blocks.append(Caption(content(text, whole), sp))
        elif f.kind == "quote":
            blocks.append(Quote(content(text, whole), sp))
        elif f.kind == "list_item":
            item = ListItem(content(text, whole), f.label if f.list_kind == "ordered" else None, sp)
            last = blocks[-1] if blocks else None
            if isinstance(last, ListBlock) and last.kind == f.list_kind:
                last.items.append(item)
                if last.spans and sp and min(sp)[0] >= last.spans[-1][0]:
                    # only the last span can merge with the new ones: keep the merge linear
                    last.spans.extend(spans_of_pairs([last.spans.pop()] + sp))
                else:
                    last.spans = spans_of_pairs(last.spans + sp)
            else:
                blocks.append(ListBlock(f.list_kind or "bullet", [item], list(sp)))  # own copy: extended in place
        else:
            blocks.append(Paragraph(content(text, whole), sp))
    for n in notes:
        if n.label not in called:
            ctx.diagnose("info" if not n.label.isdecimal() else "warning", "note-without-call",
                         f"note {n.label} has no call in the text", n.spans[0] if n.spans else None)
    if labels_num:
        missing = sorted(set(range(1, max_label + 1)) - set(labels_num))
        for m in missing:
            ctx.diagnose("warning", "note-missing", f"note {m} not found (numbering jumps)")
    return blocks, notes


def spans_of_pairs(spans: list[Span]) -> list[Span]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]
