#!/usr/bin/env python3
"""Build the SECOND held-out evaluation set (tests/heldout2): the pipeline of
tests/heldout/build.py (itself the corpus pipeline of tests/corpus/, imported,
not copied) run on source texts used neither by tests/corpus nor by
tests/heldout: the Debian Developer's Reference and the Securing Debian Manual
(harden-doc).

Usage (from the repository root, with the corpus venv of tests/corpus/README.md):
    python tests/heldout2/build.py              # typeset + extract from sources/*.json
    python tests/heldout2/build.py --sources    # first re-read the Debian packages
    python tests/heldout2/build.py fr_          # only sources matching fr_

BLIND: this set is for measuring only. Nobody has looked at its failures; do
not read its documents or compare outputs with its gold to design rules.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("heldout_build", HERE.parent / "heldout" / "build.py")
heldout = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(heldout)

# Same tuple as tests/corpus/sources.SPECS: name, package, kind, lang, chapter
# file, section ids (None = whole chapter), word budget, first page number.
SPECS = [
    ("en_devnewmaint", "developers-reference", "developers", "en", "new-maintainer", None, 1500, 23),
    ("fr_devduties", "developers-reference-fr", "developers", "fr", "developer-duties", None, 1500, 41),
    ("it_devl10n", "developers-reference-it", "developers", "it", "l10n", None, 1500, 301),
    ("ru_devbeyond", "developers-reference-ru", "developers", "ru", "beyond-pkging", None, 1500, 187),
    ("de_hardenbefore", "harden-doc", "harden", "de", "ch10", None, 1500, 117),
    ("es_hardenfaq", "harden-doc", "harden", "es", "ch12", None, 1500, 233),
]

# Running heads with yet other text patterns (volume/issue/year, several
# author surnames, an em dash).
HEADS = {
    "en_devnewmaint": {"journal": "Free Software Documentation Review · Volume 9 · Issue 4",
                       "running_head": "Barth, Di Carlo, Hertzog et al. — Applying to Become a Member"},
    "es_hardenfaq": {"journal": "Revista de Documentación Libre, núm. 18 (2024)",
                     "running_head": "Fernández-Sanguino Peña y Reelsen: Preguntas frecuentes"},
    "ru_devbeyond": {"journal": "Вестник свободной документации, т. 3, № 1 (2024)",
                     "running_head": "Помимо создания пакетов"},
}

# (source, engine, columns, upper-case headings, extractors, renderer options)
MATRIX = [
    ("en_devnewmaint", "latex", 2, False, ["pdftotextlayout"], {"numbered": True, "heads": "centred"}),
    ("en_devnewmaint", "lo", 1, False, ["pypdf"], {"size": "12pt"}),
    ("fr_devduties", "latex", 1, False, ["pdfminerlines"], {"size": "12pt"}),
    ("fr_devduties", "lo", 2, True, ["pymupdf"], {}),
    ("de_hardenbefore", "latex", 1, False, ["pdfminer"], {"numbered": True}),
    ("de_hardenbefore", "lo", 2, False, ["pdftotext"], {}),
    ("es_hardenfaq", "latex", 2, False, ["pypdf"], {"heads": "centred"}),
    ("it_devl10n", "latex", 1, False, ["pymupdf"], {"size": "12pt", "numbered": True, "heads": "centred"}),
    ("ru_devbeyond", "latex", 2, False, ["pdfminer"], {}),
    ("ru_devbeyond", "lo", 1, False, ["pdftotextlayout"], {}),
]


if __name__ == "__main__":
    sys.exit(heldout.main(sys.argv[1:], specs=SPECS, heads=HEADS, matrix=MATRIX, here=HERE))
