"""Benchmark corpus: many documents with realistic damage, from 10 KB to 50 MB.

    .venv/bin/python benchmarks/make_corpus.py [--out benchmarks/work/corpus]
        [--sizes 10K,100K,1M,5M,50M] [--count 10K=8,100K=4,1M=2] [--seed 0]

Documents are made by recombining and perturbing the real extractions in
``tests/corpus/docs/*.txt`` and ``seeds/*.txt`` (never mixing languages
within one document):

* **concatenation** of several extractions, as in a collected volume;
* **page duplication**: runs of pages repeated further on, their page
  numbers renumbered so the numbering stays continuous (a long book in
  which running heads, feet and note areas recur thousands of times);
* **shuffled paragraphs** inside a page (the body between its first and last
  block, so heads and feet stay where a page has them), as extractors that
  lose the reading order write them.

Pages are the extractor's form-feed pages, or runs of about 50 lines where
it wrote none; pages are joined with form feeds.  Output is deterministic
for a given ``--seed``; files are named ``<size>_<lang>_<n>.txt`` and
``index.json`` lists them with their sizes and sources.  The default output
directory is git-ignored.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "tests" / "corpus" / "docs", ROOT / "seeds"]
DEFAULT_OUT = ROOT / "benchmarks" / "work" / "corpus"
DEFAULT_SIZES = "10K,100K,1M,5M,50M"
DEFAULT_COUNTS = {"10K": 8, "100K": 4, "1M": 2}

_PAGE_NO = re.compile(r"^(\s*(?:[-–—]\s*)?)(\d{1,5})((?:\s*[-–—])?\s*)$")
_UNITS = {"K": 1000, "M": 1000 ** 2, "G": 1000 ** 3}


def parse_size(label: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG]?)B?", label.strip().upper())
    if not m:
        raise argparse.ArgumentTypeError(f"bad size {label!r} (e.g. 10K, 5M)")
    return int(float(m.group(1)) * _UNITS.get(m.group(2), 1))


def language_of(path: Path) -> str:
    """Corpus files start with their language (``de_latex_…``); seeds are English."""
    m = re.match(r"([a-z]{2})_", path.name)
    return m.group(1) if m else "en"


def pages_of(text: str) -> list[str]:
    """The extractor's pages (form feeds), else runs of about 50 lines cut at
    a blank line where there is one."""
    text = text.replace("\r\n", "\n")
    if "\f" in text:
        return [p for p in text.split("\f") if p.strip()]
    lines = text.split("\n")
    pages, start = [], 0
    while start < len(lines):
        end = min(start + 50, len(lines))
        for j in range(end, min(end + 15, len(lines))):
            if not lines[j].strip():
                end = j + 1
                break
        pages.append("\n".join(lines[start:end]))
        start = end
    return [p for p in pages if p.strip()]


def renumber(page: str, number: int) -> str:
    """Give the page's printed page number (a lone number among its first or
    last three non-blank lines) the value ``number``."""
    lines = page.split("\n")
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    for i in filled[:3] + filled[-3:]:
        m = _PAGE_NO.match(lines[i])
        if m:
            lines[i] = f"{m.group(1)}{number}{m.group(3)}"
            break
    return "\n".join(lines)


def shuffle_paragraphs(page: str, rng: random.Random) -> str:
    """Shuffle the blocks between the first and the last (blank-line separated)."""
    blocks = re.split(r"\n\s*\n", page)
    if len(blocks) < 4:
        return page
    middle = blocks[1:-1]
    rng.shuffle(middle)
    return "\n\n".join([blocks[0], *middle, blocks[-1]])


def make_document(sources: list[list[str]], target: int, rng: random.Random) -> tuple[str, list[int]]:
    """About ``target`` bytes (UTF-8) of pages from ``sources`` (each a list of
    pages), damaged as the module docstring says; returns the text and the
    indices of the sources used."""
    pages: list[str] = []
    used: list[int] = []
    size = 0

    def add(new: list[str]) -> None:
        nonlocal size
        for p in new:
            pages.append(p)
            size += len(p.encode("utf-8")) + 1

    first = rng.randrange(len(sources))
    used.append(first)
    add(sources[first])
    while size < target:
        r = rng.random()
        if r < 0.45 or len(pages) < 4:          # concatenate another extraction
            k = rng.randrange(len(sources))
            used.append(k)
            add(sources[k])
        elif r < 0.8:                            # duplicate a run of pages
            a = rng.randrange(len(pages))
            b = min(len(pages), a + rng.randint(2, 40))
            add(pages[a:b])
        else:                                    # an extraction with shuffled paragraphs
            k = rng.randrange(len(sources))
            used.append(k)
            add([shuffle_paragraphs(p, rng) for p in sources[k]])
    # cut back to the page where the target is reached, renumber continuously
    out, total = [], 0
    for p in pages:
        out.append(p)
        total += len(p.encode("utf-8")) + 1
        if total >= target:
            break
    start = rng.randint(1, 30)
    out = [renumber(p, start + i) for i, p in enumerate(out)]
    return "\f".join(out) + "\n", sorted(set(used))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--sizes", default=DEFAULT_SIZES,
                    help=f"comma-separated sizes (default {DEFAULT_SIZES})")
    ap.add_argument("--count", default=",".join(f"{k}={v}" for k, v in DEFAULT_COUNTS.items()),
                    help="documents per size, e.g. 10K=8,100K=4 (others: 1)")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    counts = {}
    for item in filter(None, a.count.split(",")):
        k, _, v = item.partition("=")
        counts[parse_size(k)] = int(v)
    files = sorted(p for d in SOURCES for p in d.glob("*.txt"))
    if not files:
        print("make_corpus.py: no source documents found", file=sys.stderr)
        return 2
    by_lang: dict[str, list[tuple[Path, list[str]]]] = {}
    for f in files:
        by_lang.setdefault(language_of(f), []).append(
            (f, pages_of(f.read_text(encoding="utf-8", errors="replace"))))
    langs = sorted(by_lang)
    a.out.mkdir(parents=True, exist_ok=True)
    for old in a.out.glob("*.txt"):
        old.unlink()
    index = []
    for label in filter(None, a.sizes.split(",")):
        target = parse_size(label)
        for n in range(counts.get(target, 1)):
            # the large single documents are English, so sizes compare like with like
            lang = langs[n % len(langs)] if counts.get(target, 1) > 1 else "en"
            rng = random.Random(f"{a.seed}:{target}:{n}")
            srcs = by_lang[lang]
            text, used = make_document([p for _, p in srcs], target, rng)
            name = f"{label.upper()}_{lang}_{n:02d}.txt"
            data = text.encode("utf-8")
            (a.out / name).write_bytes(data)
            index.append({"file": name, "bytes": len(data), "target": target, "language": lang,
                          "sources": [srcs[i][0].relative_to(ROOT).as_posix() for i in used]})
    (a.out / "index.json").write_text(json.dumps({"seed": a.seed, "documents": index}, indent=1) + "\n",
                                      encoding="utf-8")
    total = sum(d["bytes"] for d in index)
    print(f"make_corpus.py: {len(index)} documents, {total / 1e6:.1f} MB in {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
