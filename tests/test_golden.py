"""Golden files over seeds/: the Markdown and JSON of every seed must equal
tests/golden/<name>.md and .json.  After an intended change run
``.venv/bin/python tests/update_golden.py`` and review ``git diff tests/golden``.

Also: the quality scorer of ../shared (when present) on each seed's Markdown,
with thresholds on the mean, and byte-identical output from one render to
the next in every format."""
from __future__ import annotations

import difflib
import importlib.util
import json
from pathlib import Path

import pytest

import seedconv
from conftest import GOLDEN, SEEDS

IDS = [p.stem for p in SEEDS]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORE_PY = SHARED / "eval" / "score.py"
GOLD_DIR = SHARED / "gold"
HINT = "run .venv/bin/python tests/update_golden.py after an intended change and review the diff"


def _diff(expected: bytes, actual: bytes, name: str) -> str:
    lines = difflib.unified_diff(expected.decode("utf-8").splitlines(), actual.decode("utf-8").splitlines(),
                                 f"golden/{name}", "actual", lineterm="", n=1)
    return "\n".join(list(lines)[:60])


FORMATS = ("md", "tei", "json", "txt", "docx", "epub")


@pytest.fixture(scope="module")
def rendered(seed_docs):
    """Every seed rendered once in every format: {(name, fmt): bytes}."""
    return {(name, fmt): seedconv.render(seed_docs[name], fmt) for name in IDS for fmt in FORMATS}


@pytest.mark.parametrize("fmt, ext", [("md", ".md"), ("json", ".json")])
@pytest.mark.parametrize("name", IDS)
def test_golden(rendered, name, fmt, ext):
    path = GOLDEN / (name + ext)
    assert path.is_file(), f"missing {path}; {HINT}"
    expected = path.read_bytes()
    actual = rendered[name, fmt]
    assert actual == expected, f"{name}{ext} differs from its golden file ({HINT}):\n" + \
        _diff(expected, actual, name + ext)


def test_no_stale_golden_files():
    names = {p.name for p in GOLDEN.iterdir() if p.is_file()}
    assert names == {n + ext for n in IDS for ext in (".md", ".json")}, HINT


def test_golden_json_is_valid():
    from seedconv.validate import validate_json_data

    for name in IDS:
        assert validate_json_data(json.loads((GOLDEN / f"{name}.json").read_bytes())) == [], name


# --------------------------------------------------------------------------
# quality against the shared gold files

THRESHOLDS = {"body_sim": 0.97, "para_f1": 0.90, "note_exact": 0.90, "call_acc": 0.90, "url_f1": 0.95,
              "heading_f1": 0.90, "word_f1": 0.99}
ZERO = ("hyph_err", "furn_leak")


def _score_module():
    spec = importlib.util.spec_from_file_location("seedconv_shared_score", SCORE_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scores(rendered, tmp_path_factory):
    if not SCORE_PY.is_file() or not GOLD_DIR.is_dir():
        pytest.skip(f"{SHARED} (eval/score.py and gold/) not present")
    score = _score_module()
    out = {}
    tmp = tmp_path_factory.mktemp("md")
    for name in IDS:
        gold_path = GOLD_DIR / f"{name}.gold.json"
        if not gold_path.is_file():
            continue
        md = tmp / f"{name}.md"
        md.write_bytes(rendered[name, "md"])
        out[name] = score.score(json.loads(gold_path.read_text(encoding="utf-8")), score.load_pred(md))
    if not out:
        pytest.skip("no gold file for any seed")
    return out


def test_scores_mean_meets_thresholds(scores):
    means = {k: sum(s[k] for s in scores.values()) / len(scores) for k in THRESHOLDS}
    low = {k: round(v, 4) for k, v in means.items() if v < THRESHOLDS[k]}
    assert low == {}, f"mean over {len(scores)} seeds below threshold: {low}; per seed: {scores}"
    bad = {name: {k: s[k] for k in ZERO if s[k] != 0} for name, s in scores.items()}
    assert {n: v for n, v in bad.items() if v} == {}


# --------------------------------------------------------------------------
# determinism

@pytest.mark.parametrize("fmt", FORMATS)
def test_render_is_deterministic(seed_docs, rendered, fmt):
    for name in IDS:
        assert seedconv.render(seed_docs[name], fmt) == rendered[name, fmt], \
            f"{name}: two renders of {fmt} differ"


def test_normalise_is_deterministic(rendered):
    """A fresh normalisation of the same file gives the same bytes."""
    for p in SEEDS[1:]:
        again = seedconv.normalise_file(p)
        for fmt in ("json", "tei", "txt"):
            assert seedconv.render(again, fmt) == rendered[p.stem, fmt], (p.stem, fmt)
