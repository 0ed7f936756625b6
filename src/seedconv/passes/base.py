"""Shared state of the normalisation passes.

The passes work on :class:`Line` objects (one per input line, numbered from 1)
and then on :class:`Frag` objects (raw blocks of lines).  Each pass records what
it did in the :class:`Context`: removed furniture, decisions and diagnostics,
always with source line numbers.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import ClassVar

from ..model import Decision, Diagnostic, Furniture, Span
from ..settings import Settings


@dataclass(slots=True)  # one per input line: no per-object __dict__
class Line:
    no: int            # 1-based source line number
    text: str          # text with trailing whitespace removed
    page: int = 0      # page index (form feeds or inferred breaks)
    indent: bool = False   # the extractor wrote leading whitespace
    blank: bool = False    # nothing printable on the line
    removed: bool = False  # taken out as furniture
    #: a blank line that only undoes double spacing: the lines of class
    #: :class:`SoftBlank` (a class attribute, not a slot: six slots make an
    #: object of 80 bytes, seven one of 96)
    soft_blank: ClassVar[bool] = False


class SoftBlank(Line):
    """A blank line that only undoes double spacing (made by :mod:`spacing`)."""

    __slots__ = ()
    soft_blank = True


class _Extensible:
    """A ``__dict__`` slot: made only for the object that is given an
    attribute beyond its fields (``reading_order`` adds ``seams``)."""

    __slots__ = ("__dict__",)


@dataclass(slots=True)  # tens of thousands at a time: no __dict__ made per object
class Frag(_Extensible):
    """A raw block: consecutive lines that belong together, before joining."""

    lines: list[Line]
    kind: str = "body"   # body | note | heading | list_item | caption | quote | title...
    label: str | None = None   # note label or list marker
    level: int = 0
    list_kind: str | None = None
    jump: bool = False    # starts at a discontinuity (new column / text box)
    after_break: bool = False  # preceded by a page break or furniture
    texts: list[str] | None = None  # per-line text override (markers stripped)

    @property
    def first(self) -> int:
        return self.lines[0].no

    @property
    def last(self) -> int:
        return self.lines[-1].no

    def line_texts(self) -> list[str]:
        return self.texts if self.texts is not None else [ln.text for ln in self.lines]

    def first_text(self) -> str:
        """``line_texts()[0]`` without making the list."""
        return self.texts[0] if self.texts is not None else self.lines[0].text

    def last_text(self) -> str:
        """``line_texts()[-1]`` without making the list."""
        return self.texts[-1] if self.texts is not None else self.lines[-1].text

    def tail_text(self) -> str:
        """``footnotes.tail_text(line_texts())`` (its last two non-empty texts,
        joined) without making the list: read from the end."""
        texts, lines = self.texts, self.lines
        k = len(texts) if texts is not None else len(lines)
        last = None
        while k:
            k -= 1
            t = texts[k] if texts is not None else lines[k].text
            if t and t.strip():
                if last is not None:
                    return t + " " + last
                last = t
        return "" if last is None else last


@dataclass
class Context:
    lines: list[Line]
    settings: Settings
    language: str = "en"
    frags: list[Frag] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    double_spaced: bool = False
    #: set by the pipeline: build may let go of ``lines`` and of each block of
    #: ``frags`` once it is in the model (its lines are then freed), to keep
    #: the peak memory low; both are of no use after build
    release_frags: bool = False
    #: one copy of each distinct detail text of a decision (thousands of
    #: decisions share a handful of details)
    _texts: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    #: what :meth:`remove` took out until :meth:`take_furniture` makes the
    #: records: no object per removed line while the passes run, when memory
    #: is at its highest; a line's number (4 bytes), its text, and the index
    #: of its (kind, reason) in ``_whys`` (4 bytes)
    _gone_nos: array = field(default_factory=lambda: array("i"), repr=False, compare=False)
    _gone_texts: list = field(default_factory=list, repr=False, compare=False)
    _gone_whys: array = field(default_factory=lambda: array("i"), repr=False, compare=False)
    _whys: dict = field(default_factory=dict, repr=False, compare=False)
    #: the same for :meth:`decide` until :attr:`decisions` is read: the index
    #: of each (pass, action) in ``_acts`` and the first and last line (4
    #: bytes each; a list if one is no such number), three texts in a list
    _pending: list = field(default_factory=list, repr=False, compare=False)
    _pending_acts: array = field(default_factory=lambda: array("i"), repr=False, compare=False)
    _pending_spans: array = field(default_factory=lambda: array("i"), repr=False, compare=False)
    _acts: dict = field(default_factory=dict, repr=False, compare=False)
    _decided: list[Decision] = field(default_factory=list, repr=False, compare=False)
    #: how many lines :meth:`remove` took out so far (what is worked out from
    #: the lines left may be kept while it stays the same)
    removals: int = field(default=0, repr=False, compare=False)

    @property
    def decisions(self) -> list[Decision]:
        """Every decision so far, in the order they were taken."""
        if self._pending:
            acts = list(self._acts)  # (pass, action) by index
            it = iter(self._pending)
            sp = iter(self._pending_spans)
            self._decided.extend(Decision(*acts[k], (a, b), bef, aft, det)
                                 for k, a, b, bef, aft, det in zip(self._pending_acts, sp, sp, it, it, it))
            self._pending, self._pending_acts, self._pending_spans = [], array("i"), array("i")
        return self._decided

    def decide(self, pass_: str, action: str, lines: Span, before: str = "", after: str = "",
               detail: str = "") -> None:
        detail = self._texts.setdefault(detail, detail)
        acts = self._acts
        self._pending_acts.append(acts.setdefault((pass_, action), len(acts)))
        spans = self._pending_spans
        for x in (lines[0], lines[1]):
            try:
                spans.append(x)
            except (TypeError, OverflowError):  # (no number of 4 bytes: a list from now on)
                spans = self._pending_spans = list(spans)
                spans.append(x)
        self._pending += (before, after, detail)

    def diagnose(self, level: str, code: str, message: str, lines: Span | None = None) -> None:
        self.diagnostics.append(Diagnostic(level, code, message, lines))

    def remove(self, line: Line, kind: str, reason: str) -> None:
        if line.removed:
            return
        line.removed = True
        self.removals += 1
        text = line.text.strip()
        if text:
            try:
                self._gone_nos.append(line.no)
            except OverflowError:  # (a number beyond 4 bytes: 8 from now on)
                self._gone_nos = array("q", self._gone_nos)
                self._gone_nos.append(line.no)
            self._gone_texts.append(text)
            whys = self._whys
            self._gone_whys.append(whys.setdefault((kind, reason), len(whys)))

    def take_furniture(self) -> list[Furniture]:
        """:attr:`furniture` with a record of every line :meth:`remove` took
        out since the last call, in the order they were removed."""
        why = list(self._whys)  # (kind, reason) by index
        self.furniture.extend(Furniture(no, text, *why[w])
                              for no, text, w in zip(self._gone_nos, self._gone_texts, self._gone_whys))
        self._gone_nos, self._gone_texts, self._gone_whys = array("i"), [], array("i")
        return self.furniture
