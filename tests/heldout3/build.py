#!/usr/bin/env python3
"""Build the THIRD held-out evaluation set (tests/heldout3): the pipeline of
tests/heldout/build.py (itself the corpus pipeline of tests/corpus/, imported,
not copied) run on source chapters used neither by tests/corpus, nor by
tests/heldout, nor by tests/heldout2: other chapters of the Debian
Developer's Reference, Debian Reference and the New Maintainers' Guide.

Usage (from the repository root, with the corpus venv of tests/corpus/README.md):
    python tests/heldout3/build.py              # typeset + extract from sources/*.json
    python tests/heldout3/build.py --sources    # first re-read the Debian packages
    python tests/heldout3/build.py fr_          # only sources matching fr_

NOT blind: this set is for measuring, but its failures may be read.
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
    ("en_devresources", "developers-reference", "developers", "en", "resources", None, 1500, 77),
    ("fr_devtools", "developers-reference-fr", "developers", "fr", "tools", None, 1500, 355),
    ("de_debrefmail", "debian-reference-de", "debref", "de", "ch06", ["_the_mail_system"], 1500, 164),
    ("es_maintdreq", "maint-guide-es", "maint", "es", "dreq", None, 1500, 31),
    ("it_devpkgs", "developers-reference-it", "developers", "it", "pkgs", None, 1500, 95),
    ("ru_maintdother", "maint-guide-ru", "maint", "ru", "dother", None, 1500, 248),
]

# Running heads with yet other text patterns: volume/number/year in several
# orders, initials before or after surnames, a middle dot or an em dash.
HEADS = {
    "en_devresources": {"journal": "Free Software Documentation Review, Vol. 11, No. 2 (2025)",
                        "running_head": "A. Barth, R. Hertzog and L. Nussbaum · Resources for Debian Members"},
    "de_debrefmail": {"journal": "Zeitschrift für freie Dokumentation · Jg. 8 · Nr. 1",
                      "running_head": "Aoki, O.: Das Mail-System"},
    "it_devpkgs": {"journal": "Rivista di documentazione libera, vol. 6 (2025), fasc. 3",
                   "running_head": "Barth, Di Carlo e Hertzog — Gestione dei pacchetti"},
    "ru_maintdother": {"journal": "Вестник свободной документации. 2025. Т. 4, вып. 2",
                       "running_head": "Й. Родин, О. Аоки. Другие файлы в каталоге debian"},
}

# (source, engine, columns, upper-case headings, extractors, renderer options)
MATRIX = [
    ("es_maintdreq", "latex", 2, False, ["pypdf"], {"heads": "centred"}),
    ("en_devresources", "latex", 1, False, ["pymupdf"], {"size": "12pt", "numbered": True}),
    ("it_devpkgs", "lo", 1, False, ["pypdf"], {"size": "12pt"}),
    ("fr_devtools", "latex", 2, False, ["pdfminer"], {}),
    ("it_devpkgs", "latex", 2, False, ["pdftotextlayout"], {"numbered": True}),
    ("de_debrefmail", "latex", 1, False, ["pdfminerlines"], {}),
    ("ru_maintdother", "lo", 2, False, ["pdftotext"], {}),
    ("de_debrefmail", "lo", 2, True, ["pymupdf"], {}),
    ("en_devresources", "lo", 1, False, ["pdftotextlayout"], {}),
    ("ru_maintdother", "latex", 1, False, ["pypdf"], {"size": "12pt", "heads": "centred"}),
]


if __name__ == "__main__":
    sys.exit(heldout.main(sys.argv[1:], specs=SPECS, heads=HEADS, matrix=MATRIX, here=HERE))
