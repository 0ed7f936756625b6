"""HTML writer: a standalone HTML5 page written by pandoc.

Built from the same pandoc AST as Markdown, DOCX and EPUB
(:func:`seedconv.writers.pandoc_ast.build`), so our text only ever goes into
``Str`` nodes and pandoc escapes it: ``<script>`` in the input stays text.
The page is pandoc's ``html5`` standalone template (inline CSS, no scripts,
no external resources); notes are pandoc's linked footnotes at the end.
``pagetitle`` (the ``<title>``) falls back to the source file name when the
document has no title, so pandoc has nothing to warn about.
"""
from __future__ import annotations

from ..model import Document
from . import pandoc_ast, pandoc_run


AST_TARGET = "html"


def pandoc_job(doc: Document, ast: dict | None = None) -> tuple[dict, str, list[str]]:
    """``(ast, format, args)`` for :func:`pandoc_run.run` or ``run_many``;
    ``ast``: ``pandoc_ast.build(doc, target=AST_TARGET)`` if already built
    (only its ``meta`` is changed)."""
    ast = ast or pandoc_ast.build(doc, target=AST_TARGET)
    if "title" not in ast["meta"]:
        ast["meta"]["pagetitle"] = {"t": "MetaString", "c": pandoc_ast.fallback_title(doc)}
    return ast, "html5", ["--standalone", "--wrap=none"]


def render(doc: Document) -> bytes:
    return pandoc_run.run(*pandoc_job(doc))
