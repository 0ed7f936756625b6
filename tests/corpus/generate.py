#!/usr/bin/env python3
"""Build the evaluation corpus: typeset each source document (sources/*.json)
with LaTeX and LibreOffice, one and two columns, extract the text with several
PDF extractors, and write docs/<name>.txt plus gold/<name>.gold.json.

The gold is derived from the source structure (the known truth), never from the
extraction; every gold word is then checked against the extraction and a
document whose extractor lost or garbled words is reported and skipped.

Usage: python tests/corpus/generate.py [--sources] [NAME_FILTER ...]
  --sources   first rebuild sources/*.json from the installed Debian packages
Needs: pdflatex (texlive + language packs, lmodern, cm-super), LibreOffice,
poppler-utils; Python packages pdfminer.six, pypdf, pymupdf, lxml (see README).
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import extract  # noqa: E402
import render  # noqa: E402

SRC, DOCS, GOLD, WORK = HERE / "sources", HERE / "docs", HERE / "gold", HERE / "work"

# (source, engine, columns, upper-case headings, extractors[, options]); options
# (used by tests/heldout/build.py) go to the renderer: size ("12pt"), numbered
# (LaTeX \section numbers, printed and kept in the gold), heads ("centred").
MATRIX = [
    ("en_pkgprereq", "latex", 1, False, ["pdftotext", "pdfminer", "pypdf", "pymupdf"]),
    ("en_pkgprereq", "lo", 2, False, ["pymupdf"]),
    ("en_console", "latex", 2, False, ["pdfminer", "pdftotextlayout"]),
    ("en_console", "lo", 1, False, ["pypdf", "pdftotext"]),
    ("fr_pkgtips", "latex", 1, False, ["pdfminer"]),
    ("fr_pkgtips", "lo", 2, True, ["pdftotext", "pdftotextlayout"]),
    ("fr_console", "latex", 2, False, ["pymupdf", "pypdf"]),
    ("fr_console", "lo", 1, False, ["pdftotext"]),
    ("de_pkginternals", "latex", 1, False, ["pypdf"]),
    ("de_pkginternals", "lo", 2, False, ["pdfminer", "pdftotextlayout"]),
    ("de_workenv", "latex", 2, False, ["pdftotext", "pypdf"]),
    ("de_workenv", "lo", 1, False, ["pymupdf"]),
    ("es_pkgprereq", "latex", 1, False, ["pymupdf"]),
    ("es_pkgprereq", "lo", 2, True, ["pypdf"]),
    ("es_console", "latex", 2, False, ["pdfminer"]),
    ("es_console", "lo", 1, False, ["pdftotextlayout"]),
    ("it_pkgtips", "latex", 1, False, ["pdftotext"]),
    ("it_pkgtips", "lo", 2, False, ["pdfminerlines"]),
    ("it_workenv", "latex", 2, False, ["pypdf"]),
    ("it_workenv", "lo", 1, False, ["pdfminer"]),
    ("ru_basicdefs", "latex", 1, False, ["pdfminer"]),
    ("ru_basicdefs", "lo", 2, True, ["pymupdf"]),
    ("ru_software", "latex", 2, False, ["pdftotext", "pdftotextlayout"]),
    ("ru_software", "lo", 1, False, ["pypdf", "pdfminerlines"]),
]

# Share of gold words that must be found in the extraction.
MIN_COVERAGE = 0.995


EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
ANY_URL = re.compile(r"(?:https?|ftp)://(?:(?!\[\^\w+\])[^\s<>\"])+|www\.(?:(?!\[\^\w+\])[^\s<>\"])+")


def gold_for(doc: dict, upper: bool, furniture: list[str], pages: int, source: str,
             numbered: bool = False) -> dict:
    blocks = []
    numbers = render.section_numbers(doc["blocks"]) if numbered else [None] * len(doc["blocks"])
    for b, num in zip(doc["blocks"], numbers):
        b = dict(b)
        if num:   # printed by LaTeX before the heading: the gold keeps what is printed
            b["text"] = f"{num} {b['text']}"
        if b["type"] == "heading" and b["level"] == 2 and upper:
            # printed with text-transform: uppercase; the gold keeps what is printed
            b["text"] = re.sub(r"\[\^\w+\]|[^[]+", lambda m: m.group(0) if m.group(0).startswith("[^") else m.group(0).upper(), b["text"])
        blocks.append(b)
    # Every URL printed in body or notes, in order of first appearance; also bare
    # scheme mentions such as «ftp://» that a URL pattern picks up in the text.
    urls = []
    for t in [b["text"] for b in blocks] + [n["text"] for n in doc["notes"]]:
        found = [(m.start(), render.split_url(m.group(0))[0]) for m in ANY_URL.finditer(t)]
        for _, u in sorted(found):
            u = u.rstrip("\"'’»”")
            if u not in urls:
                urls.append(u)
    # E-mail addresses printed in body or notes, in order of first appearance.
    emails = []
    for t in [b["text"] for b in blocks] + [n["text"] for n in doc["notes"]]:
        for m in EMAIL.finditer(t):
            if m.group(0) not in emails:
                emails.append(m.group(0))
    pagenos = [str(doc["first_page"] + i) for i in range(pages)]
    return {
        "source": source,
        "title": doc["title"],
        "subtitle": None,
        "authors": doc["authors"],
        "blocks": blocks,
        "notes": doc["notes"],
        "urls": urls,
        "emails": emails,
        "furniture": furniture + pagenos,
        "gaps": [],
    }


def squash(s: str) -> str:
    s = unicodedata.normalize("NFC", s).lower()
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", s)


WORD = re.compile(r"\w(?:[\w'’\-]*\w)?")


def check(gold: dict, text: str) -> tuple[float, list[str], list[str]]:
    """Share of gold words found in the extraction (modulo hyphenation and
    whitespace), the missing words, and suspicious characters."""
    hay = squash(text)
    parts = [gold["title"], *gold["authors"], *[b["text"] for b in gold["blocks"]],
             *[n["text"] for n in gold["notes"]]]
    words = [w for p in parts for w in WORD.findall(re.sub(r"\[\^\w+\]", " ", p))]
    # A word broken at a line end whose continuation the extractor put elsewhere
    # (column interleaving, a footnote between the halves) is not lost.
    ends, starts = set(), set()
    for line in text.splitlines():
        ws = WORD.findall(line)
        if ws:
            ends.add(squash(ws[-1]))
            starts.add(squash(ws[0]))

    def split_found(w):
        w = squash(w)
        for e in ends:
            if e and len(e) < len(w) and w.startswith(e):
                rest = w[len(e):]
                if any(s.startswith(rest) for s in starts):
                    return True
        return False

    missing = [w for w in words if squash(w) not in hay and not split_found(w)]
    bad = sorted(set(re.findall(r"[\ufb00-\ufb06\ufffd]|\(cid:\d+\)", text)))
    return 1 - len(missing) / max(len(words), 1), missing, bad


def main(argv):
    if "--sources" in argv:
        import sources
        sources.main([])
        argv = [a for a in argv if a != "--sources"]
    return run(MATRIX, argv, SRC, DOCS, GOLD, WORK)


def run(matrix, argv, src_dir, docs_dir, gold_dir, work_dir):
    """Typeset, extract and check every matrix entry whose source matches argv
    (all when argv is empty), writing docs_dir/*.txt and gold_dir/*.gold.json."""
    for d in (docs_dir, gold_dir, work_dir):
        d.mkdir(exist_ok=True)
    report = []
    for src, engine, cols, upper, extractors, *rest in matrix:
        opts = rest[0] if rest else {}
        if argv and not any(a in src for a in argv):
            continue
        doc = json.loads((src_dir / f"{src}.json").read_text())
        if engine == "latex":
            pdf, furniture = render.latex(doc, cols, work_dir, **opts)
        else:
            pdf, furniture = render.libreoffice(doc, cols, work_dir, upper_headings=upper, **opts)
        pages = extract.page_count(pdf)
        for ex in extractors:
            lang = doc["lang"]
            name = f"{lang}_{engine}_{cols}col_{ex}"
            if sum(1 for m in matrix if m[0].startswith(lang) and m[1] == engine and m[2] == cols) > 1:
                name = f"{src}_{engine}_{cols}col_{ex}"
            text = extract.EXTRACTORS[ex](pdf)
            gold = gold_for(doc, upper, furniture, pages, f"{name}.txt", numbered=opts.get("numbered", False))
            cov, missing, bad = check(gold, text)
            status = "ok" if cov >= MIN_COVERAGE and not bad else "SKIPPED"
            report.append((name, pages, cov, status, missing[:8], bad))
            print(f"{name:34} pages={pages} coverage={cov:.4f} {status} missing={missing[:8]} bad={bad}")
            if status != "ok":
                continue
            if missing:
                gold["gaps"].append("words not found verbatim in the extraction (scrambled by column "
                                    "interleaving or split around a footnote), kept in the gold: "
                                    + ", ".join(sorted(set(missing))))
            (docs_dir / f"{name}.txt").write_text(text)
            (gold_dir / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
