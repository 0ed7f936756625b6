"""The optional compiled build (tools/compile.py) and its import guard
(seedconv/_compiled.py): a .so runs only while it was compiled from the .py
as it is, SEEDCONV_PURE=1 runs every .py, and compiled and pure Python write
the same bytes.  Every check runs in a subprocess (the test process has
imported seedconv one way already); the ones that need compiled modules are
skipped when there are none (no compiler, or ``tools/compile.py --clean``)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import seedconv
from seedconv import _compiled

ROOT = Path(__file__).resolve().parents[1]
PKG = Path(seedconv.__file__).resolve().parent
AVAILABLE = _compiled.available()
needs_compiled = pytest.mark.skipif(not AVAILABLE, reason="no compiled modules (tools/compile.py not run)")

PROBE = """
import json, sys
import seedconv, seedconv.pipeline
from seedconv import _compiled
mods = {m: sys.modules["seedconv." + m].__file__ for m in _compiled.hot_modules()}
print(json.dumps({"compiled": seedconv.compiled_modules(), "files": mods, "file": seedconv.__file__,
                  "extra": getattr(sys.modules["seedconv.passes.urls"], "EDITED", None)}))
"""


def _env(pure: bool, pythonpath: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "SEEDCONV_PURE"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if pure:
        env["SEEDCONV_PURE"] = "1"
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    return env


def probe(pure: bool = False, pythonpath: str | None = None, cwd: Path | None = None) -> dict:
    r = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120,
                       env=_env(pure, pythonpath), cwd=cwd or ROOT)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_hot_modules_are_the_passes_and_the_core():
    mods = _compiled.hot_modules()
    assert {"pipeline", "conservation", "model", "passes.furniture", "passes.words", "passes.base"} <= set(mods)
    assert "passes._common_words" not in mods and "passes.__init__" not in mods
    assert all((PKG / (m.replace(".", "/") + ".py")).is_file() for m in mods)


def test_pure_env_runs_no_compiled_module():
    p = probe(pure=True)
    assert p["compiled"] == []
    assert all(f.endswith(".py") for f in p["files"].values())


@needs_compiled
def test_compiled_modules_run_when_up_to_date():
    p = probe()
    assert sorted(p["compiled"]) == sorted(f"seedconv.{m}" for m in AVAILABLE)
    assert all(p["files"][m].endswith(_compiled.EXT_SUFFIX) for m in AVAILABLE)


@pytest.fixture
def copy(tmp_path):
    """A copy of the package (its .so and records too) in tmp_path/lib."""
    lib = tmp_path / "lib"
    shutil.copytree(PKG, lib / "seedconv", ignore=shutil.ignore_patterns("__pycache__"))
    return lib


@needs_compiled
def test_guard_loads_py_of_an_edited_module(copy):
    if "passes.urls" not in AVAILABLE:
        pytest.skip("passes.urls is not compiled from its current source (make compile)")
    before = probe(pythonpath=str(copy), cwd=copy.parent)
    assert Path(before["file"]).resolve().is_relative_to(copy.resolve())  # the copy is imported
    assert "seedconv.passes.urls" in before["compiled"] and before["extra"] is None
    src = copy / "seedconv" / "passes" / "urls.py"
    src.write_text(src.read_text(encoding="utf-8") + "\nEDITED = 'yes'\n", encoding="utf-8")
    after = probe(pythonpath=str(copy), cwd=copy.parent)
    assert after["extra"] == "yes"  # the edited source runs, not the old .so
    assert after["files"]["passes.urls"].endswith("urls.py")
    assert "seedconv.passes.urls" not in after["compiled"]
    assert sorted(after["compiled"]) == sorted(f"seedconv.{m}" for m in AVAILABLE if m != "passes.urls")


@needs_compiled
def test_guard_loads_py_without_a_record(copy):
    record = copy / "seedconv" / ("model" + _compiled.EXT_SUFFIX + _compiled.RECORD)
    assert record.exists()
    record.unlink()
    p = probe(pythonpath=str(copy), cwd=copy.parent)
    assert p["files"]["model"].endswith("model.py") and "seedconv.model" not in p["compiled"]
    record.write_text("0" * 64 + "\n", encoding="ascii")  # a record of another source
    p = probe(pythonpath=str(copy), cwd=copy.parent)
    assert p["files"]["model"].endswith("model.py") and "seedconv.model" not in p["compiled"]


SAMPLES = (sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus" / "docs").glob("*.txt"))[:8]
           + sorted((ROOT / "tests" / "hostile" / "inputs").glob("*")))

RENDER = """
import hashlib, sys
import seedconv
for f in sys.argv[1:]:
    try:
        out = seedconv.render(seedconv.normalise_file(f), "json")
    except Exception as e:
        out = repr(e).encode()
    print(hashlib.sha256(out).hexdigest(), f)
print(len(seedconv.compiled_modules()))
"""


@needs_compiled
def test_json_identical_compiled_and_pure():
    files = [str(f) for f in SAMPLES if f.is_file()]
    assert files
    out = {}
    for pure in (False, True):
        r = subprocess.run([sys.executable, "-c", RENDER, *files], capture_output=True, text=True, timeout=600,
                           env=_env(pure), cwd=ROOT)
        assert r.returncode == 0, r.stderr
        *lines, n = r.stdout.splitlines()
        out[pure] = lines
        assert (int(n) == 0) == pure, n  # compiled modules ran in the first run only
    assert out[False] == out[True]
