"""The command line: help, version, convert (all formats / chosen ones,
errors with exit 2 and one line), normalize from stdin, validate, formats,
byte-identical rebuilds.  Mostly in-process (click's CliRunner); a few runs
of the installed ``seedconv`` script check the real process boundary."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from seedconv.batch import MANIFEST  # the incremental-build manifest in OUTDIR
from seedconv.cli import main
from seedconv.validate import validate_json_data

ROOT = Path(__file__).resolve().parents[1]
EXE = Path(sys.executable).parent / "seedconv"
ALL = {"json": ".json", "tei": ".xml", "md": ".md", "docx": ".docx", "epub": ".epub", "txt": ".txt"}
SMALL = min(SEEDS, key=lambda p: p.stat().st_size)   # the fastest seed to convert


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def err_lines(result) -> list[str]:
    return [ln for ln in result.stderr.splitlines() if ln.strip()]


@pytest.mark.parametrize("cmd", [[], ["convert"], ["normalize"], ["validate"], ["formats"]])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(cmd, flag):
    r = run(*cmd, flag)
    assert r.exit_code == 0
    assert r.stdout.startswith("Usage: ")
    if not cmd:
        for sub in ("convert", "normalize", "validate", "formats"):
            assert sub in r.stdout


def test_version():
    import seedconv

    r = run("--version")
    assert r.exit_code == 0
    assert r.stdout.strip() == f"seedconv, version {seedconv.__version__}"


def test_formats_lists_the_six_formats():
    from seedconv.writers import FORMATS

    r = run("formats")
    assert r.exit_code == 0
    rows = [(row[0], row[1]) for row in (ln.split() for ln in r.stdout.splitlines() if ln.strip())]
    assert rows[:6] == list(ALL.items())
    # one line per registered writer (later additions after the six)
    assert rows == [(f.name, f.extension) for f in FORMATS.values()]


def test_convert_writes_all_six_formats_by_default(tmp_path):
    r = run("convert", SMALL, "-o", tmp_path)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")
                   if p.is_file() and p.name != MANIFEST)
    assert files == sorted(f"{fmt}/{SMALL.stem}{ext}" for fmt, ext in ALL.items())
    assert all((tmp_path / f).stat().st_size > 0 for f in files)
    # one summary line on stderr
    assert len(err_lines(r)) == 1 and err_lines(r)[0].startswith(f"{SMALL}: ")
    assert validate_json_data(json.loads((tmp_path / "json" / f"{SMALL.stem}.json").read_bytes())) == []


def test_convert_only_requested_formats(tmp_path):
    r = run("convert", *SEEDS, "-o", tmp_path, "-t", "json,md", "--quiet")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")
                   if p.is_file() and p.name != MANIFEST)
    assert files == sorted([f"json/{p.stem}.json" for p in SEEDS] + [f"md/{p.stem}.md" for p in SEEDS])


def test_convert_twice_is_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        assert run("convert", SMALL, "-o", out, "-q").exit_code == 0
    fa = {p.relative_to(a): p.read_bytes() for p in a.rglob("*") if p.is_file() and p.name != MANIFEST}
    fb = {p.relative_to(b): p.read_bytes() for p in b.rglob("*") if p.is_file() and p.name != MANIFEST}
    assert len(fa) == 6
    assert fa == fb


@pytest.mark.parametrize("formats", ["json,foo", "pdf", ",", "JSON"])
def test_unknown_format_exit_2_one_line(tmp_path, formats):
    r = run("convert", SMALL, "-o", tmp_path, "-t", formats)
    assert r.exit_code == 2
    assert len(err_lines(r)) == 1
    assert err_lines(r)[0].startswith("seedconv: unknown format")
    assert not any(tmp_path.iterdir())


def test_missing_input_exit_2_one_line(tmp_path):
    r = run("convert", tmp_path / "nothere.txt", "-o", tmp_path / "out")
    assert r.exit_code == 2
    assert err_lines(r) == [f"seedconv: {tmp_path / 'nothere.txt'}: no such file"]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.*"))


def test_one_missing_input_in_a_batch_exit_1_others_built(tmp_path):
    r = run("convert", SMALL, tmp_path / "nothere.txt", "-o", tmp_path / "out", "-t", "json", "-q")
    assert r.exit_code == 1
    assert (tmp_path / "out" / "json" / f"{SMALL.stem}.json").is_file()
    assert any("no such file" in ln for ln in err_lines(r))


def test_missing_outdir_option_is_usage_error():
    r = run("convert", SMALL)
    assert r.exit_code == 2


def test_normalize_missing_file_exit_2(tmp_path):
    r = run("normalize", tmp_path / "nothere.txt")
    assert r.exit_code == 2
    assert len(err_lines(r)) == 1


def test_normalize_stdin_prints_json():
    text = ("Turkmenistan has long avoided taking sides on security issues.1 While Moscow\n"
            "pressed for closer ties, Ashgabat kept its distance from the alliance.\n\n"
            "1 Jan Šír, “The Russian vector in Turkmen foreign policy”, 2014.\n")
    r = run("normalize", "-", input=text.encode("utf-8"))
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout_bytes)
    assert validate_json_data(data) == []
    assert data["metadata"]["source"]["name"] == "stdin.txt"
    assert [n["label"] for n in data["notes"]] == ["1"]
    assert data["blocks"][0]["type"] == "paragraph"


def test_normalize_file_equals_convert_json(tmp_path):
    r = run("normalize", SMALL)
    assert r.exit_code == 0
    assert run("convert", SMALL, "-o", tmp_path, "-t", "json", "-q").exit_code == 0
    assert r.stdout_bytes == (tmp_path / "json" / f"{SMALL.stem}.json").read_bytes()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("built")
    r = run("convert", SMALL, "-o", out, "-t", "json,tei", "-q")
    assert r.exit_code == 0
    return out / "json" / f"{SMALL.stem}.json", out / "tei" / f"{SMALL.stem}.xml"


def test_validate_good_files(built):
    r = run("validate", *built)
    assert r.exit_code == 0
    assert r.stdout.splitlines() == [f"{p}: valid" for p in built]


def test_validate_invalid_json(tmp_path, built):
    data = json.loads(built[0].read_bytes())
    data["blocks"].append({"type": "table", "content": [], "spans": []})
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    r = run("validate", built[0], bad)
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [f"{built[0]}: valid"]
    assert err_lines(r) and all(ln.startswith(f"{bad}: invalid: ") for ln in err_lines(r))
    assert "blocks" in r.stderr


def test_validate_broken_json_syntax(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"schema_version": ', encoding="utf-8")
    r = run("validate", bad)
    assert r.exit_code == 1
    assert err_lines(r)[0].startswith(f"{bad}: invalid: not JSON")


def test_validate_invalid_tei(tmp_path, built):
    tei = built[1].read_text(encoding="utf-8")
    bad = tmp_path / "bad.xml"
    bad.write_text(tei.replace("<body>", "<body><nonsense/>", 1), encoding="utf-8")
    assert bad.read_text(encoding="utf-8") != tei
    r = run("validate", bad)
    assert r.exit_code == 1
    assert err_lines(r) and all(ln.startswith(f"{bad}: invalid: ") for ln in err_lines(r))
    assert "nonsense" in r.stderr


def test_validate_missing_file(tmp_path):
    r = run("validate", tmp_path / "nothere.json")
    assert r.exit_code == 1
    assert err_lines(r) == [f"{tmp_path / 'nothere.json'}: no such file"]


# --------------------------------------------------------------------------
# the installed script, as a real process

def _proc(*args, input=None):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([str(EXE), *map(str, args)], input=input, capture_output=True, env=env, timeout=120)


@pytest.mark.skipif(not EXE.exists(), reason="seedconv script not installed next to the interpreter")
def test_script_version_and_errors(tmp_path):
    p = _proc("--version")
    assert p.returncode == 0 and p.stdout.decode().startswith("seedconv, version ")
    p = _proc("convert", tmp_path / "nothere.txt", "-o", tmp_path)
    assert p.returncode == 2
    assert p.stderr.decode().splitlines() == [f"seedconv: {tmp_path / 'nothere.txt'}: no such file"]
    assert b"Traceback" not in p.stderr
    p = _proc("convert", SMALL, "-o", tmp_path, "-t", "xml")
    assert p.returncode == 2 and len(p.stderr.decode().splitlines()) == 1


@pytest.mark.skipif(not EXE.exists(), reason="seedconv script not installed next to the interpreter")
def test_script_normalize_stdin():
    text = "PEOPLE\n\nThe report was published in May.\nIt describes the situation in the regions.\n"
    p = _proc("normalize", "--language", "en", "-", input=text.encode("utf-8"))
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert validate_json_data(data) == []
    assert data["metadata"]["source"]["name"] == "stdin.txt"
    assert [b["type"] for b in data["blocks"]] == ["heading", "paragraph"]
