#!/usr/bin/env python3
"""Build the HELD-OUT evaluation set (tests/heldout): same pipeline as the
corpus (tests/corpus/sources.py, render.py, extract.py, generate.py, imported
from there, not copied), different source texts and some layout variety.

Usage (from the repository root, with the corpus venv of tests/corpus/README.md):
    python tests/heldout/build.py              # typeset + extract from sources/*.json
    python tests/heldout/build.py --sources    # first re-read the Debian packages
    python tests/heldout/build.py fr_          # only sources matching fr_

This set is for measuring only: do not tune the normaliser on it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"
sys.path.insert(0, str(CORPUS))

import generate  # noqa: E402
import sources  # noqa: E402

SRC, DOCS, GOLD, WORK = HERE / "sources", HERE / "docs", HERE / "gold", HERE / "work"

# Same tuple as sources.SPECS: name, package, kind, lang, chapter file,
# section ids (None = whole chapter), word budget, first page number.
SPECS = [
    ("en_maintstart", "maint-guide", "maint", "en", "start", None, 1500, 57),
    ("fr_faqsupport", "debian-faq-fr", "faq", "fr", "support", None, 1500, 12),
    ("de_faquptodate", "debian-faq-de", "faq", "de", "uptodate", None, 1500, 140),
    ("es_maintfirst", "maint-guide-es", "maint", "es", "first", None, 1500, 9),
    ("it_faqcustomizing", "debian-faq-it", "faq", "it", "customizing", None, 1150, 76),
    ("ru_maintstart", "maint-guide-ru", "maint", "ru", "start", None, 1500, 201),
]

# Running heads with another text pattern than the corpus's
# ("Surname et al.: short title" / journal name): volume and issue in the
# journal head, short title without author, or an en dash.
HEADS = {
    "fr_faqsupport": {"journal": "Revue de la documentation libre, vol. 12, no 3 (2024)",
                      "running_head": "Obtenir de l'aide sur Debian"},
    "de_faquptodate": {"journal": "Zeitschrift für freie Dokumentation 7 (2024), Heft 2",
                       "running_head": "S. G. Kleinmann u. a. – Debian aktuell halten"},
    "it_faqcustomizing": {"journal": "Rivista di documentazione libera – anno 5, n. 2",
                          "running_head": "Personalizzare il sistema Debian"},
}

# (source, engine, columns, upper-case headings, extractors, renderer options)
MATRIX = [
    ("en_maintstart", "latex", 1, False, ["pdftotext"], {"size": "12pt", "numbered": True}),
    ("en_maintstart", "lo", 2, False, ["pdfminerlines"], {}),
    ("fr_faqsupport", "latex", 2, False, ["pymupdf"], {"numbered": True, "heads": "centred"}),
    ("fr_faqsupport", "lo", 1, False, ["pdfminer"], {}),
    ("de_faquptodate", "latex", 1, False, ["pypdf"], {"heads": "centred"}),
    ("de_faquptodate", "lo", 2, True, ["pdftotext"], {}),
    ("es_maintfirst", "latex", 2, False, ["pdfminer"], {}),
    ("es_maintfirst", "lo", 1, False, ["pymupdf"], {"size": "12pt"}),
    ("it_faqcustomizing", "latex", 1, False, ["pdftotextlayout"], {"size": "12pt", "numbered": True}),
    ("ru_maintstart", "lo", 1, False, ["pypdf"], {}),
]


def build_sources(names, specs=None, heads=None, src=None):
    """Read the Debian packages named in specs (default: this set's SPECS) into
    src/*.json; tests/heldout2/build.py passes its own specs, heads and src."""
    specs, heads, src = specs or SPECS, HEADS if heads is None else heads, src or SRC
    src.mkdir(exist_ok=True)
    for spec in specs:
        if names and not any(a in spec[0] for a in names):
            continue
        doc = sources.build(spec)
        doc.update(heads.get(doc["name"], {}))
        (src / f"{doc['name']}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        words = sum(len(b["text"].split()) for b in doc["blocks"])
        print(f"{doc['name']:18} {words:5} words notes={len(doc['notes'])} | {doc['title']}")


def main(argv, specs=None, heads=None, matrix=None, here=None):
    """Build this set, or (with specs, heads, matrix and a directory `here`
    holding sources/, docs/, gold/, work/) another set made the same way."""
    names = [a for a in argv if a != "--sources"]
    src, docs, gold, work = (SRC, DOCS, GOLD, WORK) if here is None else \
        (here / "sources", here / "docs", here / "gold", here / "work")
    if "--sources" in argv:
        build_sources(names, specs, heads, src)
    return generate.run(matrix or MATRIX, names, src, docs, gold, work)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
