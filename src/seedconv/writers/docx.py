"""DOCX writer: a Word document from the pandoc AST (``pandoc -t docx``).

* Title, subtitle and authors are the first paragraphs (Title, Subtitle,
  Author styles) and go into ``docProps/core.xml`` (``dc:title``,
  ``dc:creator``; several authors are joined by pandoc with ``; ``).
* Headings use Word's heading styles (``Heading2``, ``Heading3``…), so they
  make the navigation pane and a table of contents work.
* Notes are real Word footnotes (``word/footnotes.xml``), numbered by Word.
* Quotes use the Block Text style, captions the Caption style.
* Bytes are deterministic: pandoc takes the ZIP entry times and the
  ``dcterms:created``/``modified`` dates from SOURCE_DATE_EPOCH, which
  :mod:`seedconv.writers.pandoc_run` always sets, and uses only its built-in
  reference document.
"""
from __future__ import annotations

from ..model import Document
from . import pandoc_ast, pandoc_run

PANDOC_FORMAT = "docx"
PANDOC_ARGS: tuple[str, ...] = ()


AST_TARGET = "docx"


def pandoc_job(doc: Document, ast: dict | None = None) -> tuple[dict, str, tuple[str, ...]]:
    """``(ast, format, args)`` for :func:`pandoc_run.run` or ``run_many``;
    ``ast``: ``pandoc_ast.build(doc, target=AST_TARGET)`` if already built."""
    return (ast or pandoc_ast.build(doc, target=AST_TARGET)), PANDOC_FORMAT, PANDOC_ARGS


def render(doc: Document) -> bytes:
    return pandoc_run.run(*pandoc_job(doc))
