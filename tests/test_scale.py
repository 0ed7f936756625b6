"""Speed and scale: parallel builds (-j), incremental builds (the manifest,
--force), the Dask cluster path, the batched pandoc process, the shared
pandoc AST, and the benchmark corpus generator.

Every way of building must give the same bytes as ``-j 1``.
"""
from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEEDS
from seedconv.api import normalise_file, render, render_all
from seedconv.batch import MANIFEST
from seedconv.cli import main
from seedconv.model import from_dict
from seedconv.writers import FORMATS, pandoc_ast, pandoc_run, render_many

CORPUS = sorted((ROOT / "tests" / "corpus" / "docs").glob("*.txt"))
# the three seeds and three languages of the corpus: small, varied
INPUTS = SEEDS + [p for p in CORPUS if p.name.startswith(("de_lo_1col", "ru_lo_2col", "fr_lo_1col"))]
SIX = "json,tei,md,docx,epub,txt"
FIXTURE = Path(__file__).parent / "fixtures" / "sample_doc.json"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def err_lines(result) -> list[str]:
    return [ln for ln in result.stderr.splitlines() if ln.strip()]


def tree(d: Path, manifest: bool = False) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*"))
            if p.is_file() and (manifest or p.name != MANIFEST)}


def stamps(d: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(d)): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in d.rglob("*") if p.is_file()}


@pytest.fixture(autouse=True)
def _default_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    """The six formats of INPUTS built with -j 1 (in this process)."""
    out = tmp_path_factory.mktemp("j1")
    r = run("convert", *INPUTS, "-o", out, "-t", SIX, "-j", "1", "--no-profile")
    assert r.exit_code == 0, r.stderr
    assert len(tree(out)) == 6 * len(INPUTS)
    return out


# --------------------------------------------------------------------------
# -j N


def test_j2_equals_j1_byte_for_byte(reference, tmp_path):
    r = run("convert", *INPUTS, "-o", tmp_path, "-t", SIX, "-j", "2", "--no-profile")
    assert r.exit_code == 0, r.stderr
    assert tree(tmp_path, manifest=True) == tree(reference, manifest=True)
    # one summary per input, in input order whatever order the workers finished in
    heads = [ln for ln in err_lines(r) if not ln.startswith(" ")]
    assert [h.split(": ", 1)[0] for h in heads] == [str(p) for p in INPUTS]


def test_j2_messages_and_exit_codes_match_j1(tmp_path):
    missing = tmp_path / "missing.txt"
    inputs = [SEEDS[1], missing, SEEDS[2]]
    r1 = run("convert", *inputs, "-o", tmp_path / "a", "-t", "json,txt", "-j", "1", "--no-profile")
    r2 = run("convert", *inputs, "-o", tmp_path / "b", "-t", "json,txt", "-j", "2", "--no-profile")
    assert r1.exit_code == r2.exit_code == 1
    assert r1.stderr == r2.stderr
    assert f"seedconv: {missing}: no such file" in err_lines(r2)
    assert err_lines(r2)[-1] == f"seedconv: 1 of 3 input(s) failed: {missing}"
    assert tree(tmp_path / "a") == tree(tmp_path / "b") and len(tree(tmp_path / "b")) == 4
    # every input failed: 2
    r = run("convert", missing, tmp_path / "nope.txt", "-o", tmp_path / "c", "-j", "2")
    assert r.exit_code == 2


def test_jobs_must_be_positive(tmp_path):
    r = run("convert", SEEDS[0], "-o", tmp_path, "-j", "0")
    assert r.exit_code == 2 and not any(tmp_path.iterdir())


def test_progress_bar_only_on_a_terminal(tmp_path):
    """stderr a TTY: a progress bar; --quiet or not a TTY (every other
    test): none."""
    def convert(*extra) -> str:
        master, slave = pty.openpty()
        try:
            p = subprocess.run([sys.executable, "-m", "seedconv.cli", "convert", *map(str, SEEDS[1:]),
                                "-o", str(tmp_path / "o"), "-t", "json", "-j", "1", "--force",
                                "--no-profile", *extra],
                               stdout=subprocess.DEVNULL, stderr=slave, timeout=300)
            os.close(slave)
            slave = None
            data = b""
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                data += chunk
        finally:
            os.close(master)
            if slave is not None:
                os.close(slave)
        assert p.returncode == 0, data
        return data.decode("utf-8", "replace")

    shown = convert()
    assert "converting" in shown and f"{SEEDS[1]}: " in shown
    assert convert("--quiet") == ""
    r = run("convert", *SEEDS[1:], "-o", tmp_path / "o", "-t", "json", "--force", "--no-profile")
    assert "converting" not in r.stderr


# --------------------------------------------------------------------------
# Incremental builds


def test_second_run_writes_nothing_and_reports_skipped(tmp_path):
    args = ["convert", *SEEDS, "-o", tmp_path, "-t", "json,md,txt", "--no-profile"]
    assert run(*args).exit_code == 0
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert set(manifest["outputs"]) == {f"{f}/{p.stem}{FORMATS[f].extension}"
                                        for p in SEEDS for f in ("json", "md", "txt")}
    before = stamps(tmp_path)
    r = run(*args)
    assert r.exit_code == 0
    assert err_lines(r) == [f"{p}: up to date, skipped" for p in SEEDS]
    assert stamps(tmp_path) == before  # not one file written, the manifest neither
    r = run(*args, "--quiet")
    assert r.exit_code == 0 and r.stderr == ""


def test_changed_input_is_rebuilt_alone(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    inputs = [Path(shutil.copy(p, src)) for p in SEEDS]
    out = tmp_path / "out"
    args = ["convert", *inputs, "-o", out, "-t", "json,txt", "--no-profile"]
    assert run(*args).exit_code == 0
    first = tree(out)
    before = stamps(out)
    changed = inputs[1]
    changed.write_bytes(changed.read_bytes() + b"\nOne more line at the very end of it.\n")
    r = run(*args)
    assert r.exit_code == 0
    lines = err_lines(r)
    assert f"{inputs[0]}: up to date, skipped" in lines and f"{inputs[2]}: up to date, skipped" in lines
    assert any(ln.startswith(f"{changed}: ") and "skipped" not in ln for ln in lines)
    after = stamps(out)
    for f in ("json", "txt"):
        rel = f"{f}/{changed.stem}{FORMATS[f].extension}"
        assert after[rel] != before[rel]
        assert tree(out)[rel] != first[rel]
        other = f"{f}/{inputs[0].stem}{FORMATS[f].extension}"
        assert after[other] == before[other]
    # the manifest keeps the entries of every input
    assert len(json.loads((out / MANIFEST).read_text())["outputs"]) == 6


def test_content_not_mtime_decides(tmp_path):
    src = Path(shutil.copy(SEEDS[1], tmp_path / "a.txt"))
    args = ["convert", src, "-o", tmp_path / "out", "-t", "json", "--no-profile"]
    assert run(*args).exit_code == 0
    os.utime(src, (1, 1))  # touched: same bytes
    assert err_lines(run(*args)) == [f"{src}: up to date, skipped"]


def test_force_rebuilds_the_same_bytes(tmp_path):
    args = ["convert", *SEEDS, "-o", tmp_path, "-t", "json,md", "--no-profile"]
    assert run(*args).exit_code == 0
    first, before = tree(tmp_path), stamps(tmp_path)
    r = run(*args, "--force")
    assert r.exit_code == 0 and "skipped" not in r.stderr
    after = stamps(tmp_path)
    assert all(after[k] != before[k] for k in before if not k.endswith(MANIFEST))
    assert tree(tmp_path) == first


def test_new_formats_settings_and_damaged_outputs_are_rebuilt(tmp_path):
    seed = SEEDS[1]
    json_out = tmp_path / "json" / f"{seed.stem}.json"
    assert run("convert", seed, "-o", tmp_path, "-t", "json", "--no-profile").exit_code == 0
    stamp = stamps(tmp_path)[f"json/{seed.stem}.json"]
    # a format not built before: only it is written
    r = run("convert", seed, "-o", tmp_path, "-t", "json,txt", "--no-profile")
    assert r.exit_code == 0 and "skipped" not in r.stderr
    assert (tmp_path / "txt" / f"{seed.stem}.txt").exists()
    assert stamps(tmp_path)[f"json/{seed.stem}.json"] == stamp
    # an output changed or removed behind seedconv's back is rebuilt
    good = json_out.read_bytes()
    json_out.write_bytes(b"{}")
    assert "skipped" not in run("convert", seed, "-o", tmp_path, "-t", "json", "--no-profile").stderr
    assert json_out.read_bytes() == good
    json_out.unlink()
    assert "skipped" not in run("convert", seed, "-o", tmp_path, "-t", "json", "--no-profile").stderr
    assert json_out.read_bytes() == good
    # other settings: rebuilt
    r = run("convert", seed, "-o", tmp_path, "-t", "json", "--language", "fr", "--no-profile")
    assert "skipped" not in r.stderr
    assert json.loads(json_out.read_bytes())["metadata"]["language"] == "fr"


# seedconv's code, pinned: runs in other processes must not see an edit of
# the working tree made meanwhile as a new version of seedconv
PINNED = ("import sys, seedconv.batch as b; b.code_fingerprint = lambda: 'pinned'; "
          "from seedconv.cli import main; sys.argv[0] = 'seedconv'; main()")


def test_concurrent_runs_into_one_outdir_keep_every_entry(tmp_path, monkeypatch):
    """What make -j does: one seedconv per input, all into one OUTDIR."""
    procs = [subprocess.Popen([sys.executable, "-c", PINNED, "convert", str(p), "-o",
                               str(tmp_path), "-t", "json,txt", "-q", "--no-profile"])
             for p in SEEDS]
    assert [p.wait(timeout=300) for p in procs] == [0] * len(SEEDS)
    assert len(json.loads((tmp_path / MANIFEST).read_text())["outputs"]) == 2 * len(SEEDS)
    monkeypatch.setattr("seedconv.batch.code_fingerprint", lambda: "pinned")
    r = run("convert", *SEEDS, "-o", tmp_path, "-t", "json,txt", "--no-profile")
    assert err_lines(r) == [f"{p}: up to date, skipped" for p in SEEDS]


def test_unreadable_manifest_means_rebuild(tmp_path):
    args = ["convert", SEEDS[1], "-o", tmp_path, "-t", "json", "--no-profile"]
    assert run(*args).exit_code == 0
    (tmp_path / MANIFEST).write_text("not json")
    r = run(*args)
    assert r.exit_code == 0 and "skipped" not in r.stderr
    assert "skipped" in run(*args).stderr


# --------------------------------------------------------------------------
# Dask


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  host="127.0.0.1", protocol="tcp://",
                                  dashboard_address=None) as c:
        yield c


def test_dask_local_cluster_gives_the_same_bytes(reference, cluster, tmp_path):
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    r = run("convert", *INPUTS, "-o", tmp_path, "-t", SIX, "--scheduler", cluster.scheduler_address,
            "--no-profile")
    assert r.exit_code == 0, r.stderr
    assert tree(tmp_path, manifest=True) == tree(reference, manifest=True)
    heads = [ln for ln in err_lines(r) if not ln.startswith(" ")]
    assert [h.split(": ", 1)[0] for h in heads] == [str(p) for p in INPUTS]
    # incremental there too
    r = run("convert", *INPUTS, "-o", tmp_path, "-t", SIX, "--scheduler", cluster.scheduler_address,
            "--no-profile")
    assert err_lines(r) == [f"{p}: up to date, skipped" for p in INPUTS]


def test_dask_errors_are_per_file(cluster, tmp_path):
    missing = tmp_path / "missing.txt"
    r = run("convert", SEEDS[1], missing, "-o", tmp_path / "o", "-t", "json",
            "--scheduler", cluster.scheduler_address, "--no-profile")
    assert r.exit_code == 1
    assert f"seedconv: {missing}: no such file" in err_lines(r)
    assert (tmp_path / "o" / "json" / f"{SEEDS[1].stem}.json").exists()


def test_no_scheduler_is_one_line_exit_2(tmp_path):
    pytest.importorskip("distributed")
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        r = run("convert", SEEDS[1], "-o", tmp_path, "-t", "json", "--scheduler", "tcp://127.0.0.1:1",
                "--no-profile")
    assert r.exit_code == 2
    assert len(err_lines(r)) == 1 and "Dask scheduler" in r.stderr


# --------------------------------------------------------------------------
# Rendering many formats at once


@pytest.fixture(scope="module")
def docs():
    fixture = from_dict(json.loads(FIXTURE.read_text(encoding="utf-8")))
    return [fixture, *(normalise_file(p) for p in INPUTS)]


def test_render_many_equals_render(docs):
    fmts = list(FORMATS)
    for doc in docs:
        assert render_many(doc, fmts) == {f: render(doc, f) for f in fmts}
        assert render_all(doc, ["md", "json"]) == {"md": render(doc, "md"), "json": render(doc, "json")}


def test_shared_ast_equals_separate_builds(docs):
    targets = [None, "markdown", "docx", "epub", "html"]
    for doc in docs:
        before = json.dumps(pandoc_ast.build(doc), sort_keys=True)
        shared = pandoc_ast.build_targets(doc, targets)
        assert shared == {t: pandoc_ast.build(doc, target=t) for t in targets}
        # deriving the DOCX and EPUB trees did not change the shared blocks
        assert json.dumps(shared[None], sort_keys=True) == before


def test_batch_pandoc_process_is_reused_and_falls_back(docs, tmp_path, monkeypatch):
    doc = docs[0]
    ast = pandoc_ast.build(doc, target="markdown")
    # arguments the batch process does not know go to run(): same bytes
    args = ("--standalone", "--wrap=none", "--toc")
    assert pandoc_run.run_many([(ast, "markdown", args)]) == [pandoc_run.run(ast, "markdown", args)]
    # one process per thread, reused
    pandoc_run.run_many([(ast, "markdown", ())])
    proc = pandoc_run._batch_local.proc.proc
    pandoc_run.run_many([(ast, "markdown", ())])
    assert pandoc_run._batch_local.proc.proc is proc and proc.poll() is None
    # threads get their own process, and the same bytes
    got = []
    t = threading.Thread(target=lambda: got.append(pandoc_run.run_many([(ast, "markdown", ())])))
    t.start()
    t.join()
    assert got == [pandoc_run.run_many([(ast, "markdown", ())])]
    # a pandoc that fails: the same PandocError as run() gives
    fake = tmp_path / "pandoc"
    fake.write_text("#!/bin/sh\necho 'pandoc: out of cheese' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pandoc_run, "pandoc_path", lambda: str(fake))
    with pytest.raises(pandoc_run.PandocError) as e:
        pandoc_run.run_many([(ast, "markdown", ())])
    assert e.value.returncode == 3 and "out of cheese" in e.value.stderr
    with pytest.raises(pandoc_run.PandocError) as e:
        render_many(doc, ["json", "docx"])
    assert e.value.returncode == 3


def test_batch_conversion_error_is_runs_error(docs):
    ast = pandoc_ast.build(docs[0])
    with pytest.raises(pandoc_run.PandocError) as e:
        pandoc_run.run_many([(ast, "nosuchformat", ())])
    assert e.value.returncode not in (0, None) and "nosuchformat" in e.value.stderr


def test_source_date_epoch_reaches_the_batch_process(docs, monkeypatch):
    import io
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = render_many(docs[0], ["docx"])["docx"]
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {
        (2023, 11, 14, 22, 13, 20)}
    assert data == render(docs[0], "docx")


# --------------------------------------------------------------------------
# The benchmark corpus generator


def _make_corpus():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import make_corpus
    finally:
        sys.path.pop(0)
    return make_corpus


def test_make_corpus_is_deterministic_and_damaged(tmp_path):
    mc = _make_corpus()
    for d in ("a", "b"):
        assert mc.main(["--out", str(tmp_path / d), "--sizes", "10K,200K", "--count", "10K=3"]) == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    index = json.loads((tmp_path / "a" / "index.json").read_text())["documents"]
    assert [d["target"] for d in index] == [10_000] * 3 + [200_000]
    for d in index:
        data = (tmp_path / "a" / d["file"]).read_bytes()
        assert len(data) == d["bytes"] and d["target"] <= len(data) < d["target"] + 40_000
        # one language per document
        assert {mc.language_of(Path(s)) for s in d["sources"]} == {d["language"]}
    big = (tmp_path / "a" / index[-1]["file"]).read_text(encoding="utf-8")
    pages = big.split("\f")
    assert len(pages) > 50
    # page numbers (a lone number among a page's first or last three lines)
    # continue through duplicated pages
    numbers = []
    for p in pages:
        filled = [x for x in p.split("\n") if x.strip()]
        m = next(filter(None, map(mc._PAGE_NO.match, filled[:3] + filled[-3:])), None)
        if m:
            numbers.append(int(m.group(2)))
    assert len(numbers) >= 5
    assert all(b > a for a, b in zip(numbers, numbers[1:]))


def test_renumber_and_shuffle():
    mc = _make_corpus()
    page = "Head\n\nA one.\n\nB two.\n\nC three.\n\nD four.\n\n12"
    assert mc.renumber(page, 40).endswith("\n40")
    import random

    shuffled = mc.shuffle_paragraphs(page, random.Random(1))
    assert shuffled.startswith("Head") and shuffled.endswith("12")
    assert sorted(shuffled.split("\n\n")) == sorted(page.split("\n\n"))
