"""seedconv: turn messy PDF-extracted text into clean, structured documents.

The library API::

    import seedconv
    doc = seedconv.normalise_file("paper.txt")          # -> Document
    doc = seedconv.normalise(text, name="paper.txt")     # from a str
    data = seedconv.render(doc, "tei")                   # -> bytes
    seedconv.write(doc, "docx", "out/paper.docx")        # atomic write
    problems = seedconv.validate_file("out/paper.json")  # [] when valid
"""
from __future__ import annotations

__version__ = "0.1.0"

# before any submodule: a compiled module (.so) is loaded only when it was
# compiled from the .py as it is now (see seedconv._compiled)
from . import _compiled  # noqa: E402

_compiled.install()
compiled_modules = _compiled.compiled_modules

from .api import normalise, normalise_bytes, normalise_file, render, validate_file, write  # noqa: E402
from .model import Document  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = ["normalise", "normalise_bytes", "normalise_file", "render", "write", "validate_file",
           "Document", "Settings", "__version__", "compiled_modules"]
