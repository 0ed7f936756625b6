#!/usr/bin/env python3
"""Regenerate the golden files of tests/test_golden.py.

For every seed ``seeds/<name>.txt`` this writes ``tests/golden/<name>.md``
(``seedconv.render(doc, "md")``) and ``tests/golden/<name>.json``
(``seedconv.render(doc, "json")``).

Run it after an *intended* change of the normaliser or the writers::

    .venv/bin/python tests/update_golden.py
    git diff tests/golden/          # review every change before committing

then commit the new golden files together with the change that caused them.
Never regenerate just to make a failing test pass: a diff you cannot explain
is a regression.  ``--check`` only reports which files differ (exit 1 if any).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLDEN = HERE / "golden"
FORMATS = {"md": ".md", "json": ".json"}


def expected(seed: Path) -> dict[str, bytes]:
    """The golden bytes of one seed: {file name: content}."""
    import seedconv

    doc = seedconv.normalise_file(seed)
    return {seed.stem + ext: seedconv.render(doc, fmt) for fmt, ext in FORMATS.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="report differences, write nothing")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    GOLDEN.mkdir(exist_ok=True)
    changed = []
    for seed in seeds:
        for name, data in expected(seed).items():
            path = GOLDEN / name
            if path.exists() and path.read_bytes() == data:
                continue
            changed.append(name)
            if not args.check:
                path.write_bytes(data)
    wanted = {s.stem + ext for s in seeds for ext in FORMATS.values()}
    stale = sorted(p.name for p in GOLDEN.iterdir() if p.is_file() and p.name not in wanted)
    for name in changed:
        print(("differs: " if args.check else "written: ") + name)
    for name in stale:
        print(f"stale (no seed): {name}")
    if not changed:
        print(f"{len(wanted)} golden files up to date")
    return 1 if args.check and (changed or stale) else 0


if __name__ == "__main__":
    sys.exit(main())
