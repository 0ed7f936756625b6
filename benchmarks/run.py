"""Speed and scale benchmark: one table, measured in one run.

    .venv/bin/python benchmarks/run.py [--quick] [--jobs N] [--keep]
    make bench

What it measures (every figure a ratio or a rate; the floors are measured
in the same run, on the same machine, so the ratios travel):

1. Generates the corpus (:mod:`make_corpus`, into ``benchmarks/work/``):
   10 KB … 50 MB documents (``--quick``: 10 KB … 1 MB).
2. **Floor (a)**: reading and writing every corpus document's bytes with no
   processing (MB/s).
3. **Normalisation** of each size class in a fresh subprocess (one core;
   classes up to 5 MB in :data:`REPEAT` fresh subprocesses, each document's
   median time counting):
   MB/s and documents/s, the share of each stage (reader, line split,
   language detection, every pass of :data:`seedconv.pipeline.PASSES`, the
   final build, the conservation check; timed by wrapping them in that
   subprocess only, the pipeline code is not changed), and peak memory:
   the growth of the peak RSS (``getrusage``) over the process's RSS after
   warming up, divided by the input size, and the stage during which it was
   reached (the RSS seldom falls: memory freed in small objects stays with
   the process, so a stage's peak is set on top of what the earlier stages
   left).  ``time(largest)/time(next)`` is
   the scaling ratio (50 MB / 5 MB: 10× the input; linear would be 10).
   Peak memory per stage is measured with ``tracemalloc`` on a 1 MB document.
4. **Full build** of the sample corpus (``seeds/`` and ``tests/corpus/docs``)
   in the six default formats: ``seedconv convert -j 1`` and ``-j N``, as a
   user runs it (fresh process, ``--force``); a second, incremental run; the
   same formats written the old way (one pandoc process per document and
   format); where the time of a build goes (normalise, JSON, TEI, text,
   pandoc AST, pandoc); and **floor (b)**: pandoc alone converting the final
   Markdown to DOCX and to EPUB (two pandoc processes per document, one at a
   time, and N at a time for ``-j N``).

Targets (printed with the figures): normalisation ≥ 2 MB/s on one core;
full build ≤ 1.5× pandoc alone for DOCX+EPUB; time(50 MB)/time(5 MB) < 12;
peak memory < 10× the input.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "work"
CORPUS = WORK / "corpus"
SAMPLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus" / "docs").glob("*.txt"))
FORMATS6 = "json,tei,md,docx,epub,txt"
PY = sys.executable
SEEDCONV = [PY, "-m", "seedconv.cli"]
SNAPSHOT = WORK / "snapshot"
WARM = {"en": ROOT / "tests/corpus/docs/en_latex_1col_pypdf.txt"}

sys.path.insert(0, str(ROOT / "benchmarks"))


# --------------------------------------------------------------------------
# Subprocess modes (run by the parent with --_normalise / --_memory / --_build)


def _rss_mb() -> float:
    """This process's peak RSS in MB.  Linux: ``VmHWM``, the peak of this
    program's own memory (``ru_maxrss`` is carried over from the parent
    through fork and exec: a child of a large parent would report the
    parent's size)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _instrument(record):
    """Wrap the pipeline's stages so each call reports (stage, start, end).
    Only this process is affected; returns nothing."""
    import types

    from seedconv import pipeline

    def wrap(name, fn):
        def timed(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                record(name, t, time.perf_counter())
        return timed

    class Stage:  # stands in for a pass module: .run is timed
        def __init__(self, mod):
            self._mod = mod
            self.run = wrap(mod.__name__.rsplit(".", 1)[-1], mod.run)

        def __getattr__(self, attr):
            return getattr(self._mod, attr)

    pipeline.PASSES[:] = [Stage(p) for p in pipeline.PASSES]
    if hasattr(pipeline, "build"):
        pipeline.build = Stage(pipeline.build)
    for fn, name in (("decode", "reader"), ("split_lines", "split_lines"),
                     ("detect_language", "language")):
        if hasattr(pipeline, fn):
            setattr(pipeline, fn, wrap(name, getattr(pipeline, fn)))
    if hasattr(pipeline, "conservation"):
        c = pipeline.conservation
        ns = types.SimpleNamespace(**{k: getattr(c, k) for k in dir(c) if not k.startswith("__")})
        ns.check = wrap("conservation", c.check)
        pipeline.conservation = ns


def _warm_up(files: list[Path]) -> None:
    """Load code and the word lists of the languages in ``files`` (a page of
    each, and the lists themselves: a page need not look a word up)."""
    import seedconv
    from seedconv.passes import words

    for lang in sorted({_lang(f) for f in files}):
        src = WARM.get(lang) or next((p for p in SAMPLES if p.name.startswith(lang + "_")), SAMPLES[0])
        seedconv.normalise_bytes(src.read_bytes()[:4000], name="warm.txt")
        for wl in {lang, "en"}:
            words.zipf("the", wl)  # what hyphenation and drop caps consult


def _lang(f) -> str:
    """``1M_en_01.txt`` (benchmark corpus) and ``en_latex_….txt`` (tests/corpus) → ``en``."""
    import re

    name = Path(f).name
    m = re.match(r"\d+[KMG]?_([a-z]{2})_", name) or re.match(r"([a-z]{2})_", name)
    return m.group(1) if m else "en"


def sub_normalise(files: list[str]) -> dict:
    import seedconv

    _warm_up([Path(f) for f in files])
    rss0 = _rss_mb()
    stages: dict[str, float] = {}
    high = [rss0, ""]  # peak RSS so far, and the stage during which it last rose

    def record(name, t0, t1):
        stages[name] = stages.get(name, 0.0) + (t1 - t0)
        h = _rss_mb()
        if h > high[0]:
            high[:] = [h, name]

    _instrument(record)
    out = []
    for f in files:
        data = Path(f).read_bytes()
        t = time.perf_counter()
        seedconv.normalise_bytes(data, name=Path(f).name)
        out.append({"file": f, "bytes": len(data), "seconds": time.perf_counter() - t})
        del data
    from seedconv import _compiled  # what ran: compiled modules (Cython) or pure Python

    return {"docs": out, "stages": stages, "rss0": rss0, "rss1": _rss_mb(), "peak_stage": high[1],
            "compiled": _compiled.summary()}


def sub_memory(file: str) -> dict:
    """Peak traced memory (tracemalloc) of each stage for one document."""
    import tracemalloc

    import seedconv

    _warm_up([Path(file)])
    peaks: dict[str, float] = {}

    def record(name, t0, t1):
        peaks[name] = max(peaks.get(name, 0), tracemalloc.get_traced_memory()[1])
        tracemalloc.reset_peak()

    _instrument(record)
    data = Path(file).read_bytes()
    tracemalloc.start()
    seedconv.normalise_bytes(data, name=Path(file).name)
    total_peak = max([tracemalloc.get_traced_memory()[1], *peaks.values()])
    tracemalloc.stop()
    return {"bytes": len(data), "peaks": peaks, "peak": total_peak}


def sub_build(files: list[str], fmts: list[str]) -> dict:
    """Where a build's time goes: normalise, each non-pandoc writer, the
    pandoc ASTs, pandoc (one batch process)."""
    import importlib

    import seedconv
    from seedconv.writers import FORMATS, pandoc_ast, pandoc_run

    _warm_up([Path(f) for f in files])
    pandoc_run.api_version()
    t_parts: dict[str, float] = {}

    def add(k, t0):
        t_parts[k] = t_parts.get(k, 0.0) + time.perf_counter() - t0

    n_bytes = 0
    for f in files:
        data = Path(f).read_bytes()
        n_bytes += len(data)
        t = time.perf_counter()
        doc = seedconv.normalise_bytes(data, name=Path(f).name)
        add("normalise", t)
        mods = [importlib.import_module(f"seedconv.writers.{FORMATS[fmt].module}") for fmt in fmts]
        t = time.perf_counter()  # as writers.render_many does it: the AST's blocks once
        asts = pandoc_ast.build_targets(doc, {m.AST_TARGET for m in mods if hasattr(m, "AST_TARGET")})
        jobs = [m.pandoc_job(doc, asts[m.AST_TARGET]) for m in mods if hasattr(m, "AST_TARGET")]
        add("pandoc AST", t)
        for fmt, mod in zip(fmts, mods):
            if not hasattr(mod, "pandoc_job"):
                t = time.perf_counter()
                mod.render(doc)
                add(fmt, t)
        t = time.perf_counter()
        pandoc_run.run_many(jobs)
        add("pandoc", t)
    return {"parts": t_parts, "bytes": n_bytes}


def sub_cold() -> dict:
    """A process's fixed cost: importing seedconv, language detection (the
    shipped table of common words), then the word list that an English
    document's hyphens and drop caps consult."""
    t0 = time.perf_counter()
    import seedconv  # noqa: F401
    from seedconv.passes import words

    t1 = time.perf_counter()
    lang = words.detect_language(WARM["en"].read_text(encoding="utf-8"))
    t2 = time.perf_counter()
    words.zipf("the", lang)
    t3 = time.perf_counter()
    return {"import": t1 - t0, "detect": t2 - t1, "words": t3 - t2, "langs": 1, "rss": _rss_mb(),
            "table": words._common_table() is not None}


def sub_old_way(files: list[str], fmts: list[str], outdir: str) -> dict:
    """The six formats as seedconv wrote them before run_many: one pandoc
    process per document and format."""
    import seedconv
    from seedconv.api import atomic_write
    from seedconv.writers import FORMATS

    for f in files:
        doc = seedconv.normalise_file(f)
        stem = Path(f).name[:-4]
        outs = [(Path(outdir) / fmt / (stem + FORMATS[fmt].extension), FORMATS[fmt].render(doc))
                for fmt in fmts]
        for p, b in outs:
            atomic_write(p, b)
    return {}


# --------------------------------------------------------------------------
# The parent


def take_snapshot() -> str:
    """Copy src/seedconv to benchmarks/work/snapshot and make this process and
    every subprocess import it: the whole run measures one version of the
    code even while the working tree is being edited.  Returns a label."""
    shutil.rmtree(SNAPSHOT, ignore_errors=True)
    shutil.copytree(ROOT / "src" / "seedconv", SNAPSHOT / "seedconv",
                    ignore=shutil.ignore_patterns("__pycache__"))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SNAPSHOT),
                                                             os.environ.get("PYTHONPATH")]))
    sys.path.insert(0, str(SNAPSHOT))
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return f"code {head}{' + uncommitted changes' if dirty else ''}"
    except OSError:
        return "code (no git)"


def run_sub(mode: str, *args: str) -> dict:
    r = subprocess.run([PY, __file__, mode, *args], capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        raise SystemExit(f"benchmark subprocess {mode} failed:\n{r.stderr[-3000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


#: fresh processes run per size class up to 5 MB: this VM's speed varies by
#: a third from one minute to the next, so each document's time is the median
#: of these runs (the 50 MB class, about half a minute, runs once)
REPEAT = 3


def median_run(runs: list[dict]) -> dict:
    """One result from the runs of one size class: each document's median
    time, each stage's median time, and the memory of the run whose peak RSS
    grew most (the worst)."""
    from statistics import median

    worst = max(runs, key=lambda r: r["rss1"] - r["rss0"])
    docs = [dict(d, seconds=median(r["docs"][k]["seconds"] for r in runs))
            for k, d in enumerate(runs[0]["docs"])]
    stages = {k: median(r["stages"].get(k, 0.0) for r in runs) for k in runs[0]["stages"]}
    return {**worst, "docs": docs, "stages": stages}


def timed(cmd: list[str], **kw) -> float:
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, cwd=ROOT, **kw)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])}… failed ({r.returncode}):\n"
                         f"{r.stderr.decode('utf-8', 'replace')[-3000:]}")
    return dt


def io_floor(files: list[Path], tmp: Path) -> float:
    """Seconds to read and write every file once (best of three)."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for f in files:
            (tmp / f.name).write_bytes(f.read_bytes())
        best = min(best, time.perf_counter() - t)
        for f in files:
            (tmp / f.name).unlink()
    return best


def pandoc_floor(mds: list[Path], tmp: Path, jobs: int) -> float:
    """pandoc alone: each Markdown file to DOCX and to EPUB (two processes
    per document), ``jobs`` processes at a time."""
    from seedconv.writers import pandoc_run

    pandoc = pandoc_run.pandoc_path()
    data_dir = tempfile.mkdtemp(prefix="bench-pandoc-data-", dir=tmp)
    env = dict(os.environ, SOURCE_DATE_EPOCH=pandoc_run.source_date_epoch())
    cmds = [[pandoc, f"--data-dir={data_dir}", "-f", "markdown", str(md), "-o",
             str(tmp / (md.stem + ext))] for md in mds for ext in (".docx", ".epub")]
    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as ex:
        for r in ex.map(lambda c: subprocess.run(c, capture_output=True, env=env), cmds):
            if r.returncode != 0:
                raise SystemExit(f"pandoc failed: {r.stderr.decode()[-2000:]}")
    return time.perf_counter() - t


def fmt_size(n: float) -> str:
    for unit, f in (("MB", 1e6), ("KB", 1e3)):
        if n >= f:
            return f"{n / f:.0f} {unit}" if n / f >= 10 else f"{n / f:.1f} {unit}"
    return f"{n:.0f} B"


class Table:
    def __init__(self):
        self.rows: list[tuple[str, ...]] = []

    def add(self, section: str, measure: str, result: str, ratio: str = "", target: str = ""):
        self.rows.append((section, measure, result, ratio, target))

    def print(self, title: str) -> None:
        head = ("section", "measure", "result", "ratio", "target")
        widths = [max(len(r[i]) for r in [head, *self.rows]) for i in range(5)]
        line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
        print(title)
        print(line(head))
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        for r in self.rows:
            print(line(r))


def verdict(ok: bool, target: str) -> str:
    return f"{target} {'ok' if ok else 'MISSED'}"


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0].startswith("--_"):  # subprocess modes
        mode, rest = argv[0], argv[1:]
        if mode == "--_normalise":
            res = sub_normalise(rest)
        elif mode == "--_memory":
            res = sub_memory(rest[0])
        elif mode == "--_build":
            res = sub_build(rest[1:], rest[0].split(","))
        elif mode == "--_cold":
            res = sub_cold()
        elif mode == "--_old":
            res = sub_old_way(rest[2:], rest[0].split(","), rest[1])
        else:
            raise SystemExit(f"unknown mode {mode}")
        print(json.dumps(res))
        return 0

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small corpus (10 KB … 1 MB), about a minute")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                    help="workers for the parallel build (default: all cores)")
    ap.add_argument("--keep", action="store_true", help="keep benchmarks/work/ (outputs) afterwards")
    a = ap.parse_args(argv)

    code = take_snapshot()
    import make_corpus
    import seedconv
    from seedconv import __version__
    from seedconv.writers import pandoc_run

    assert Path(seedconv.__file__).resolve().is_relative_to(SNAPSHOT.resolve()), seedconv.__file__

    t_start = time.perf_counter()
    sizes = "10K,100K,1M" if a.quick else "10K,100K,1M,5M,50M"
    counts = "10K=4,100K=2,1M=1" if a.quick else "10K=8,100K=4,1M=2"
    print(f"bench: generating corpus ({sizes})…", file=sys.stderr)
    make_corpus.main(["--out", str(CORPUS), "--sizes", sizes, "--count", counts])
    index = json.loads((CORPUS / "index.json").read_text())["documents"]
    classes: dict[int, list[Path]] = {}
    for d in index:
        classes.setdefault(d["target"], []).append(CORPUS / d["file"])
    corpus_files = [CORPUS / d["file"] for d in index]
    tmp = Path(tempfile.mkdtemp(prefix="bench-", dir=WORK))
    table = Table()
    try:
        # (a) the I/O floor
        print("bench: I/O floor…", file=sys.stderr)
        total = sum(f.stat().st_size for f in corpus_files)
        io_mbs = total / 1e6 / io_floor(corpus_files, tmp)
        table.add("floor (a)", f"read + write bytes, no processing ({fmt_size(total)})",
                  f"{io_mbs:,.0f} MB/s", "1 (reference)")

        # normalisation per size class
        norm: dict[int, dict] = {}
        for target in sorted(classes):
            files = classes[target]
            print(f"bench: normalising {len(files)} × {fmt_size(target)}…", file=sys.stderr)
            reps = REPEAT if target <= 5_000_000 else 1
            norm[target] = median_run([run_sub("--_normalise", *map(str, files)) for _ in range(reps)])
            norm[target]["reps"] = reps
        table.add("code", "normalisation ran as (the snapshot's modules; SEEDCONV_PURE=1: pure)",
                  "; ".join(sorted({r["compiled"] for r in norm.values()})), "")
        all_stages: dict[str, float] = {}
        for target, r in norm.items():
            b = sum(d["bytes"] for d in r["docs"])
            s = sum(d["seconds"] for d in r["docs"])
            mbs = b / 1e6 / s
            runs = f", median of {r['reps']} processes" if r["reps"] > 1 else ""
            table.add("normalise", f"{len(r['docs'])} × {fmt_size(target)} (one core{runs})",
                      f"{mbs:.2f} MB/s, {len(r['docs']) / s:.1f} docs/s",
                      f"I/O floor / this = {io_mbs / mbs:,.0f}",
                      verdict(mbs >= 2, "≥ 2 MB/s"))
            for k, v in r["stages"].items():
                all_stages[k] = all_stages.get(k, 0.0) + v
        tot_stage = sum(all_stages.values())
        norm_bytes = sum(d["bytes"] for r in norm.values() for d in r["docs"])
        norm_secs = sum(d["seconds"] for r in norm.values() for d in r["docs"])
        other = max(0.0, norm_secs - tot_stage)
        for k, v in sorted([*all_stages.items(), ("other", other)], key=lambda kv: -kv[1]):
            table.add("stage", k, f"{norm_bytes / 1e6 / v:.1f} MB/s" if v else "-",
                      f"{v / norm_secs:.0%} of normalise")

        # scaling and memory
        big = sorted(t for t in classes if len(classes[t]) == 1 or t == max(classes))
        if len(big) >= 2:
            hi, lo = big[-1], big[-2]
            t_hi = sum(d["seconds"] for d in norm[hi]["docs"]) / len(norm[hi]["docs"])
            t_lo = sum(d["seconds"] for d in norm[lo]["docs"]) / len(norm[lo]["docs"])
            b_hi = norm[hi]["docs"][0]["bytes"]
            b_lo = norm[lo]["docs"][0]["bytes"]
            ratio = t_hi / t_lo
            table.add("scale", f"time({fmt_size(hi)}) / time({fmt_size(lo)})", f"{ratio:.1f}",
                      f"input ratio {b_hi / b_lo:.1f}",
                      verdict(ratio < 1.2 * b_hi / b_lo, f"< {1.2 * b_hi / b_lo:.0f}"))
        for target in sorted(classes):
            r = norm[target]
            peak = max(d["bytes"] for d in r["docs"])
            grow = max(0.0, r["rss1"] - r["rss0"]) * 1024 * 1024
            where = f", peak reached in {r['peak_stage']}" if r.get("peak_stage") else ""
            table.add("memory", f"peak RSS growth / input, {fmt_size(target)}",
                      f"{grow / peak:.1f}×", f"RSS after warm-up {r['rss0']:.0f} MB{where}",
                      verdict(grow / peak < 10, "< 10×") if target >= 1_000_000 else "")
        mem_doc = classes[1_000_000][0] if 1_000_000 in classes else classes[max(classes)][0]
        print("bench: memory by stage…", file=sys.stderr)
        m = run_sub("--_memory", str(mem_doc))
        top = sorted(m["peaks"].items(), key=lambda kv: -kv[1])[:4]
        table.add("memory", f"tracemalloc peak / input, {fmt_size(m['bytes'])}",
                  f"{m['peak'] / m['bytes']:.1f}×",
                  "highest in: " + ", ".join(f"{k} {v / m['bytes']:.1f}×" for k, v in top))

        # full builds of the sample corpus
        n = len(SAMPLES)
        sb = sum(p.stat().st_size for p in SAMPLES)
        print(f"bench: building the sample corpus ({n} documents)…", file=sys.stderr)
        out1, outn, outold = tmp / "b1", tmp / "bn", tmp / "bold"
        t1 = timed([*SEEDCONV, "convert", *map(str, SAMPLES), "-o", str(out1), "-t", FORMATS6,
                    "-q", "--no-profile", "-j", "1", "--force"])
        tn = timed([*SEEDCONV, "convert", *map(str, SAMPLES), "-o", str(outn), "-t", FORMATS6,
                    "-q", "--no-profile", "-j", str(a.jobs), "--force"])
        tinc = timed([*SEEDCONV, "convert", *map(str, SAMPLES), "-o", str(outn), "-t", FORMATS6,
                      "-q", "--no-profile", "-j", str(a.jobs)])
        t0 = time.perf_counter()
        run_sub("--_old", FORMATS6, str(outold), *map(str, SAMPLES))
        told = time.perf_counter() - t0
        same = all((out1 / f).read_bytes() == (outn / f).read_bytes() == (outold / f).read_bytes()
                   for f in (p.relative_to(out1) for p in out1.rglob("*")
                             if p.is_file() and not p.name.startswith(".")))
        mds = sorted((out1 / "md").glob("*.md"))
        print("bench: pandoc alone…", file=sys.stderr)
        pf1 = pandoc_floor(mds, tmp, 1)
        pfn = pandoc_floor(mds, tmp, a.jobs)
        table.add("floor (b)", f"pandoc alone: final Markdown → DOCX + EPUB, {n} docs, 1 at a time",
                  f"{n / pf1:.1f} docs/s", "1 (reference)")
        table.add("floor (b)", f"the same, {a.jobs} at a time", f"{n / pfn:.1f} docs/s",
                  "1 (reference for -j)")
        table.add("build", f"seedconv convert -j 1, six formats, {n} docs ({fmt_size(sb)})",
                  f"{n / t1:.1f} docs/s", f"{t1 / pf1:.2f} × pandoc alone",
                  verdict(t1 / pf1 <= 1.5, "≤ 1.5×"))
        table.add("build", f"seedconv convert -j {a.jobs}", f"{n / tn:.1f} docs/s",
                  f"{tn / pfn:.2f} × pandoc alone -j {a.jobs}; {t1 / tn:.2f}× faster than -j 1",
                  verdict(tn / pfn <= 1.5, "≤ 1.5×"))
        table.add("build", "before: one pandoc process per document and format",
                  f"{n / told:.1f} docs/s", f"{told / pf1:.2f} × pandoc alone; now {told / t1:.1f}× faster")
        table.add("build", "second run, nothing changed (incremental)", f"{n / tinc:.0f} docs/s",
                  f"{tinc / t1:.3f} × the full build")
        table.add("build", "-j 1, -j N and before give the same bytes", "yes" if same else "NO",
                  "", verdict(same, "identical"))
        cold = run_sub("--_cold")
        fixed = cold["import"] + cold["detect"] + cold["words"]
        table.add("build", f"fixed cost per process: import {cold['import']:.2f} s, language "
                           f"detection {cold['detect']:.2f} s (table: {'yes' if cold['table'] else 'NO'}), "
                           f"English word list {cold['words']:.2f} s ({cold['rss']:.0f} MB RSS)",
                  f"{fixed:.2f} s, {fixed / t1:.0%} of -j 1",
                  "detection: shipped table of common words; one word list per language used")
        print("bench: where a build's time goes…", file=sys.stderr)
        parts = run_sub("--_build", FORMATS6, *map(str, SAMPLES))["parts"]
        tp = sum(parts.values())
        table.add("build stage", "in-process, warm: " + ", ".join(
            f"{k} {v / tp:.0%}" for k, v in sorted(parts.items(), key=lambda kv: -kv[1])),
            f"{n / tp:.1f} docs/s", "")
        if 1_000_000 in classes:
            big1 = classes[1_000_000][0]
            p1 = run_sub("--_build", FORMATS6, str(big1))["parts"]
            tp1 = sum(p1.values())
            table.add("build stage", f"one {fmt_size(big1.stat().st_size)} document: " + ", ".join(
                f"{k} {v / tp1:.0%}" for k, v in sorted(p1.items(), key=lambda kv: -kv[1])),
                f"{big1.stat().st_size / 1e6 / tp1:.2f} MB/s", "")
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.rmtree(SNAPSHOT, ignore_errors=True)
    pandoc_version = subprocess.run([pandoc_run.pandoc_path(), "--version"], capture_output=True,
                                    text=True).stdout.split("\n")[0]
    print()
    table.print(f"seedconv {__version__} ({code}) benchmark: {os.cpu_count()} cores, Python "
                f"{platform.python_version()}, {pandoc_version}, load average "
                f"{os.getloadavg()[0]:.1f}; corpus {len(index)} docs, {fmt_size(total)}; "
                f"{time.perf_counter() - t_start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
