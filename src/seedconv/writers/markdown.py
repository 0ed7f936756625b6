"""Markdown writer: pandoc Markdown from the pandoc AST.

``pandoc -t markdown --standalone --wrap=none`` on the AST of
:mod:`seedconv.writers.pandoc_ast`:

* ``--standalone`` writes a YAML metadata block (title, subtitle, author list,
  date, lang, rights), which pandoc's reader turns back into metadata.
* Notes are pandoc footnotes: ``[^1]`` at the call, the text at the end of the
  document.  pandoc numbers them 1, 2, 3…; printed labels such as ``*`` are not
  kept (they are in the JSON and TEI outputs).
* Captions are fenced divs (``::: caption``), uncalled notes a fenced div
  ``::: uncalled-notes`` (see :mod:`~seedconv.writers.pandoc_ast`).
* ``--wrap=none``: one line per paragraph.  Output does not reflow when a
  word changes, a block is one line as in the gold files, and no line can
  start with something pandoc has to escape because of where a wrap fell.
* The writer keeps pandoc's ``smart`` extension: typographic quotes and
  dashes are written as ASCII (``"``, ``---``) and literal ASCII ones are
  escaped (``\\-\\--``), so reading the file back with ``-f markdown`` gives the
  same characters.

Everything that looks like markup in the text is escaped by pandoc, because
it only ever sees it as ``Str``; a test reads the output back to check.  One
gap of pandoc 3.9 is closed in the AST (``pandoc_ast``, target
``markdown``): a paragraph that is only ``A.`` would read back as a list.
"""
from __future__ import annotations

from ..model import Document
from . import pandoc_ast, pandoc_run

PANDOC_FORMAT = "markdown"
PANDOC_ARGS = ("--standalone", "--wrap=none")


AST_TARGET = "markdown"


def pandoc_job(doc: Document, ast: dict | None = None) -> tuple[dict, str, tuple[str, ...]]:
    """``(ast, format, args)`` for :func:`pandoc_run.run` or ``run_many``;
    ``ast``: ``pandoc_ast.build(doc, target=AST_TARGET)`` if already built."""
    return (ast or pandoc_ast.build(doc, target=AST_TARGET)), PANDOC_FORMAT, PANDOC_ARGS


def render(doc: Document) -> bytes:
    return pandoc_run.run(*pandoc_job(doc))
