"""Settings: one documented field per normalisation pass.

A YAML profile (see README) fills these; the defaults are the documentation.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Settings:
    #: ISO 639-1 code of the document language; ``None`` detects it.
    language: str | None = None
    #: undo double-spaced extraction (a blank line after every wrapped line)
    undo_double_spacing: bool = True
    #: remove running heads/feet, page numbers, drop caps, link residue
    remove_furniture: bool = True
    #: regular expressions of lines the user knows to be furniture
    furniture_patterns: list[str] = field(default_factory=list)
    #: a line repeated at least this many times is a running-head candidate
    repeat_min: int = 2
    #: move footnotes out of the body and link them to their calls
    footnotes: bool = True
    #: rejoin paragraphs cut by page/column breaks
    rejoin_paragraphs: bool = True
    #: resolve line-end hyphens with word knowledge
    dehyphenate: bool = True
    #: rejoin URLs broken across lines and make them links
    urls: bool = True
    #: detect headings
    headings: bool = True
    #: detect bullet and numbered lists
    lists: bool = True
    #: detect captions and displaced short lines
    captions: bool = True
    #: detect title and authors on the first page
    front_matter: bool = True
    #: metadata overrides (title, subtitle, authors, date, publisher, rights)
    metadata: dict = field(default_factory=dict)
    #: check that every word of the input is in the body, the notes, the
    #: metadata or the furniture record (:mod:`seedconv.conservation`); a
    #: loss is a ``words-lost`` warning (an error with ``--strict``)
    conservation_check: bool = True
    #: a ``words-lost`` diagnostic is an error: normalisation raises
    #: :class:`~seedconv.errors.ConservationError` (``--strict``)
    strict: bool = False
    #: (regex, level): a paragraph or caption whose text matches becomes a
    #: heading of that level; a matching heading gets that level
    #: (:mod:`seedconv.heading_rules`, applied after the passes)
    heading_patterns: list[tuple[str, int]] = field(default_factory=list)
    #: regexes: a heading whose text matches becomes a paragraph
    not_heading_patterns: list[str] = field(default_factory=list)
