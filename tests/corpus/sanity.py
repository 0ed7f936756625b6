#!/usr/bin/env python3
"""Sanity checks for the corpus: write two predictions per document and score
them with /work/shared/eval/score.py.

  oracle    each gold turned into Markdown by pandoc (expected score ~1.0)
  baseline  the raw extraction, paragraphs split on blank lines

Usage: .venv/bin/python tests/corpus/sanity.py OUTDIR   (needs pypandoc)
then:  python /work/shared/eval/score.py --gold-dir tests/corpus/gold --pred-dir OUTDIR/oracle
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pypandoc

HERE = Path(__file__).resolve().parent
CALL = re.compile(r"\[\^(\w+)\]")


def inlines(text: str, notes: dict | None = None) -> list:
    out = []
    pos = 0
    pieces = []
    for m in CALL.finditer(text) if notes is not None else []:
        pieces.append(("t", text[pos:m.start()]))
        pieces.append(("n", m.group(1)))
        pos = m.end()
    pieces.append(("t", text[pos:]))
    for kind, val in pieces:
        if kind == "n":
            paras = notes[val].split("\n\n")
            out.append({"t": "Note", "c": [{"t": "Para", "c": inlines(p)} for p in paras]})
            continue
        words = val.split(" ")
        for i, w in enumerate(words):
            if i:
                out.append({"t": "Space"})
            if w:
                out.append({"t": "Str", "c": w})
    return out


def to_markdown(meta: dict, blocks: list) -> str:
    ast = {"pandoc-api-version": [1, 23, 1], "meta": meta, "blocks": blocks}
    try:
        return pypandoc.convert_text(json.dumps(ast), "markdown", format="json", extra_args=["-s"])
    except RuntimeError:
        ast["pandoc-api-version"] = [1, 22, 2, 1]
        return pypandoc.convert_text(json.dumps(ast), "markdown", format="json", extra_args=["-s"])


def oracle(gold: dict) -> str:
    notes = {n["id"]: n["text"] for n in gold["notes"]}
    meta = {}
    if gold.get("title"):
        meta["title"] = {"t": "MetaInlines", "c": inlines(gold["title"])}
    if gold.get("authors"):
        meta["author"] = {"t": "MetaList", "c": [{"t": "MetaInlines", "c": inlines(a)} for a in gold["authors"]]}
    blocks, cur, cur_kind = [], [], None

    def flush():
        nonlocal cur, cur_kind
        if cur:
            if cur_kind == "bullet":
                blocks.append({"t": "BulletList", "c": cur})
            else:
                start = int(cur_start) if cur_start.isdigit() else 1
                blocks.append({"t": "OrderedList", "c": [[start, {"t": "Decimal"}, {"t": "Period"}], cur]})
        cur, cur_kind = [], None

    cur_start = "1"
    for b in gold["blocks"]:
        if b["type"] == "list_item":
            if cur_kind != b["list"]:
                flush()
                cur_kind = b["list"]
                cur_start = b.get("marker", "1")
            cur.append([{"t": "Plain", "c": inlines(b["text"], notes)}])
            continue
        flush()
        if b["type"] == "heading":
            blocks.append({"t": "Header", "c": [b["level"], ["", [], []], inlines(b["text"], notes)]})
        elif b["type"] == "quote":
            blocks.append({"t": "BlockQuote", "c": [{"t": "Para", "c": inlines(b["text"], notes)}]})
        elif b["type"] == "caption":
            blocks.append({"t": "Div", "c": [["", ["caption"], []], [{"t": "Para", "c": inlines(b["text"], notes)}]]})
        else:
            blocks.append({"t": "Para", "c": inlines(b["text"], notes)})
    flush()
    return to_markdown(meta, blocks)


def baseline(text: str) -> str:
    paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n|\f", text)]
    return to_markdown({}, [{"t": "Para", "c": inlines(p)} for p in paras if p])


def main(argv):
    out = Path(argv[0] if argv else HERE / "work" / "sanity")
    for sub in ("oracle", "baseline"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    for g in sorted((HERE / "gold").glob("*.gold.json")):
        name = g.name[: -len(".gold.json")]
        gold = json.loads(g.read_text())
        (out / "oracle" / f"{name}.md").write_text(oracle(gold))
        (out / "baseline" / f"{name}.md").write_text(baseline((HERE / "docs" / f"{name}.txt").read_text()))
    print(out)


if __name__ == "__main__":
    main(sys.argv[1:])
