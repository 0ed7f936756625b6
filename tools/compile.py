#!/usr/bin/env python3
"""Compile seedconv's hot modules with Cython 3 (pure-Python mode: the .py
files as they are), in place: a ``.so`` beside each ``.py``, and beside the
``.so`` a ``.src-sha256`` record of the source it was compiled from (the
import guard in ``seedconv/_compiled.py`` loads the ``.so`` only while that
record matches the ``.py``).

    tools/compile.py            # compile the modules whose source changed (incremental)
    tools/compile.py --force    # compile every one again
    tools/compile.py --status   # what each module runs as
    tools/compile.py --clean    # remove the compiled files

Optional: seedconv is complete without it (``make`` runs it and goes on in
pure Python when it fails).  Needs Cython >= 3, setuptools and a C compiler
with the Python headers.  The C files and objects are made in a temporary
directory and removed.  Exit status 1 when a module could not be compiled
(the ones that could are kept).
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import shutil
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
PKG = os.path.join(SRC, "seedconv")


def _guard():
    """seedconv/_compiled.py, loaded alone (not the package)."""
    spec = importlib.util.spec_from_file_location("_seedconv_compiled", os.path.join(PKG, "_compiled.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


G = _guard()


def paths(mod: str) -> tuple[str, str, str]:
    """(.py, .so, record) of ``passes.furniture``."""
    base = os.path.join(PKG, *mod.split("."))
    return base + ".py", base + G.EXT_SUFFIX, base + G.EXT_SUFFIX + G.RECORD


def _sha(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def _remove(*files: str) -> None:
    for f in files:
        try:
            os.remove(f)
        except FileNotFoundError:
            pass


def up_to_date(mod: str) -> bool:
    py, so, rec = paths(mod)
    try:
        with open(rec, encoding="ascii") as f:
            return os.path.exists(so) and f.read().strip() == _sha(py)
    except OSError:
        return False


def compile_modules(mods: list[str], jobs: int, opt: str = "-O1") -> list[str]:
    """Compile ``mods``; returns those that failed."""
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    before = {m: _sha(paths(m)[0]) for m in mods}
    for m in mods:  # no record while a module is being built: its old .so is not used
        _remove(paths(m)[2], paths(m)[1])
    tmp = tempfile.mkdtemp(prefix="seedconv-cython-")
    try:
        exts = [Extension(f"seedconv.{m}", [os.path.relpath(paths(m)[0], ROOT)], extra_compile_args=["-g0", opt])
                for m in mods]
        # annotation_typing off: an annotation is not a type check or a C type (as in Python)
        directives = {"language_level": 3, "binding": True, "annotation_typing": False}
        opts = dict(build_dir=os.path.join(tmp, "c"), nthreads=jobs if len(exts) > 1 else 0, quiet=True,
                    compiler_directives=directives)
        try:
            exts = cythonize(exts, **opts)
        except Exception:  # one module Cython rejects: the others on their own
            ok = []
            for e in exts:
                try:
                    ok += cythonize([e], **{**opts, "nthreads": 0})
                except Exception as err:
                    print(f"compile: {e.name}: Cython failed ({err})", file=sys.stderr)
            exts = ok
        if exts:
            dist = Distribution({"name": "seedconv", "ext_modules": exts, "package_dir": {"": "src"}})
            cmd = build_ext(dist)
            cmd.inplace = True
            cmd.build_temp = os.path.join(tmp, "obj")
            cmd.build_lib = os.path.join(tmp, "lib")
            cmd.parallel = jobs
            cmd.ensure_finalized()
            try:
                cmd.run()
            except Exception as err:
                print(f"compile: C compilation failed ({err})", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    failed = []
    for m in mods:
        py, so, rec = paths(m)
        if os.path.exists(so) and _sha(py) == before[m]:
            with open(rec + ".tmp", "w", encoding="ascii") as f:
                f.write(before[m] + "\n")
            os.replace(rec + ".tmp", rec)
        else:  # not built, or the source changed meanwhile: the .py runs
            _remove(so)
            failed.append(m)
    return failed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--force", action="store_true", help="compile every module again")
    ap.add_argument("--status", action="store_true", help="print what each module runs as")
    ap.add_argument("--clean", action="store_true", help="remove the compiled files")
    ap.add_argument("-j", "--jobs", type=int, default=min(2, os.cpu_count() or 1))
    # -O1: half the C compilation time of Python's own -O3 for nearly the same gain (callgrind,
    # 1 MB document, normalisation alone: -11.4 % instructions against -12.2 % with -O3)
    ap.add_argument("--opt", default="-O1", help="gcc optimisation flag (default -O1)")
    a = ap.parse_args(argv)
    os.chdir(ROOT)
    mods = G.hot_modules(PKG)
    if a.status:
        for m, v in G.status().items():
            print(f"{v:10} seedconv.{m}")
        print(G.summary())
        return 0
    if a.clean:
        for m in mods:
            py, so, rec = paths(m)
            _remove(so, rec, rec + ".tmp", py[:-3] + ".c")
        return 0
    todo = [m for m in mods if a.force or not up_to_date(m)]
    if not todo:
        print(f"compile: {len(mods)} modules up to date")
        return 0
    try:
        import Cython
        import setuptools  # noqa: F401
    except ImportError as err:
        print(f"compile: {err.name} is not installed", file=sys.stderr)
        return 1
    t = time.perf_counter()
    print(f"compile: Cython {Cython.__version__}, {len(todo)} module(s), {a.jobs} job(s), {a.opt}…", flush=True)
    failed = compile_modules(todo, a.jobs, a.opt)
    print(f"compile: {len(todo) - len(failed)}/{len(todo)} compiled in {time.perf_counter() - t:.0f} s"
          + (f"; pure Python: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
