"""EPUB writer: an EPUB 3 book from the pandoc AST (``pandoc -t epub3``).

* Metadata: title (the source file name when the document has none, as EPUB
  requires one), authors as ``dc:creator``, ``dc:language`` (``und`` when
  unknown), ``dc:rights``, and a ``dc:identifier`` ``urn:uuid:…`` derived
  from the source's SHA-256, so rebuilding gives the same identifier (pandoc
  would otherwise make a random one).
* Notes are EPUB 3 footnotes: the call links to the note
  (``epub:type="noteref"``) and the note links back to its call
  (``role="doc-backlink"``).
* The whole body is one chapter (sections start at level 2; pandoc splits
  chapters at level 1), with a navigation document listing the headings.
* Deterministic bytes: ZIP entry times and ``dcterms:modified`` come from
  SOURCE_DATE_EPOCH (set by :mod:`seedconv.writers.pandoc_run`), the
  identifier from the source hash.
* The result passes epubcheck with no errors (checked by the tests).
"""
from __future__ import annotations

from ..model import Document
from . import pandoc_ast, pandoc_run

PANDOC_FORMAT = "epub3"
PANDOC_ARGS: tuple[str, ...] = ()


AST_TARGET = "epub"


def pandoc_job(doc: Document, ast: dict | None = None) -> tuple[dict, str, tuple[str, ...]]:
    """``(ast, format, args)`` for :func:`pandoc_run.run` or ``run_many``;
    ``ast``: ``pandoc_ast.build(doc, target=AST_TARGET)`` if already built."""
    return (ast or pandoc_ast.build(doc, target=AST_TARGET)), PANDOC_FORMAT, PANDOC_ARGS


def render(doc: Document) -> bytes:
    return pandoc_run.run(*pandoc_job(doc))
