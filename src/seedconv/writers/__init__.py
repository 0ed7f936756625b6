"""Writers: one module per output format, each a pure function
``render(doc: Document) -> bytes``.  A writer knows nothing of how the
document was recovered; files are written atomically by :func:`seedconv.write`.

Every pandoc format is produced from one pandoc AST that
:mod:`seedconv.writers.pandoc_ast` builds from the model, so escaping and
layout are pandoc's job; TEI is built as an lxml tree.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import Document


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    description: str
    module: str  # module under seedconv.writers with a render() function

    def render(self, doc: Document) -> bytes:
        import importlib

        mod = importlib.import_module(f"{__name__}.{self.module}")
        return mod.render(doc)


FORMATS: dict[str, Format] = {f.name: f for f in [
    Format("json", ".json", "seedconv document JSON (schemas/seedconv.schema.json)", "json_writer"),
    Format("tei", ".xml", "TEI P5 XML (schemas/seedconv-tei.rng)", "tei"),
    Format("md", ".md", "pandoc Markdown with YAML metadata and footnotes", "markdown"),
    Format("docx", ".docx", "Word document with real footnotes", "docx"),
    Format("epub", ".epub", "EPUB 3 with linked footnotes", "epub"),
    Format("txt", ".txt", "plain text, notes at the end", "text"),
    Format("html", ".html", "standalone HTML5 page (pandoc) with linked footnotes", "html"),
    Format("jsonl", ".jsonl", "JSON Lines: one paragraph/list item/quote/caption per line", "jsonl"),
]}

#: what ``convert`` writes when neither -t nor the profile names formats
DEFAULT_FORMATS = ("json", "tei", "md", "docx", "epub", "txt")

Renderer = Callable[[Document], bytes]


def render_many(doc: Document, fmts) -> dict[str, bytes]:
    """The bytes of ``doc`` in each of ``fmts`` (same bytes as
    :meth:`Format.render`).  Writers with a ``pandoc_job(doc)`` function
    (Markdown, DOCX, EPUB, HTML) share one build of the AST's blocks
    (:func:`~seedconv.writers.pandoc_ast.build_targets`) and are converted
    together by :func:`~seedconv.writers.pandoc_run.run_many`: one
    long-lived pandoc process per worker instead of one pandoc start per
    document and format."""
    import importlib

    from . import pandoc_ast, pandoc_run

    out: dict[str, bytes] = {}
    jobs: dict[str, tuple] = {}
    mods = {f: importlib.import_module(f"{__name__}.{FORMATS[f].module}") for f in fmts}
    # the blocks of the pandoc AST are built once for all pandoc formats
    asts = pandoc_ast.build_targets(doc, {m.AST_TARGET for m in mods.values()
                                          if hasattr(m, "AST_TARGET")})
    for f, mod in mods.items():
        job = getattr(mod, "pandoc_job", None)
        if job is None:
            out[f] = mod.render(doc)
        elif hasattr(mod, "AST_TARGET"):
            jobs[f] = job(doc, asts[mod.AST_TARGET])
        else:
            jobs[f] = job(doc)
    if jobs:
        out.update(zip(jobs, pandoc_run.run_many(list(jobs.values()))))
    return {f: out[f] for f in fmts}
