"""Building many documents: in parallel, on a Dask cluster, and incrementally.

``seedconv convert`` hands its inputs to :func:`convert`:

* **Incremental.**  ``OUTDIR/.seedconv-cache.json`` records, for every
  output file (``md/NAME.md``…), the key it was built from and the SHA-256
  of its bytes.  The key is a SHA-256 over the input's bytes (content, not
  mtime), its file name, the settings (profile, ``--language``), the
  format, seedconv's version *and* the contents of its code (so an edited
  pass rebuilds even without a version bump), and for the pandoc formats
  the pandoc version and SOURCE_DATE_EPOCH.  An output is up to date when
  its entry has the same key and the file on disk still has the recorded
  size and hash; an input whose requested outputs are all up to date is not
  converted at all ("up to date, skipped"), one with some stale outputs is
  converted and only those are written.  ``--force`` rebuilds everything.
  The manifest is merged under a lock (``flock`` on OUTDIR), so concurrent
  runs into one OUTDIR (``make -j``) keep each other's entries.
* **Parallel.**  ``-j N`` converts N documents at a time in worker processes
  (``concurrent.futures.ProcessPoolExecutor``, one task per input, largest
  first); ``-j 1``, or a single input to convert, runs in this process.
  Every worker writes its own outputs (atomically, as ``-j 1`` does) and
  sends back only the summary line; lines and errors are printed in input
  order, so the output of a run does not depend on N.
* **Cluster.**  ``--scheduler ADDRESS`` sends the same tasks to a Dask
  ``distributed`` scheduler.  The client reads every input and sends its
  bytes; the worker converts and returns the output bytes, which the client
  writes: workers need seedconv (same version: a worker whose code differs
  is reported as an error for that input) but no shared file system.  At
  most a few tasks per worker thread are in flight, so neither side holds
  the whole corpus in memory.

Outputs are the same bytes whichever way they were built: the conversion is
one function, :func:`build`, run in this process, a worker process or a
Dask worker.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .api import atomic_write, normalise_bytes, read_input
from .errors import SeedconvError
from .settings import Settings
from .writers import FORMATS, render_many

MANIFEST = ".seedconv-cache.json"
MANIFEST_VERSION = 1


# --------------------------------------------------------------------------
# What an output depends on


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 over seedconv's version and the package files that decide its
    outputs (``*.py``, ``*.lua``, the schemas)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(f"seedconv {__version__}\0".encode())
    files = [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
             and p.suffix in (".py", ".lua", ".rng", ".json")]
    for p in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        h.update(p.relative_to(root).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def _uses_pandoc(fmt: str) -> bool:
    import importlib

    mod = importlib.import_module(f"seedconv.writers.{FORMATS[fmt].module}")
    return hasattr(mod, "pandoc_job") or "pandoc_run" in vars(mod)


@functools.lru_cache(maxsize=4)
def _pandoc_identity(path: str) -> str:
    from .writers import pandoc_run

    try:
        out = pandoc_run._exec(["--version"], b"", 30.0)
    except pandoc_run.PandocError:
        return "unavailable"
    return out.decode("utf-8", "replace").split("\n", 1)[0].strip()


def settings_digest(settings: Settings) -> str:
    data = json.dumps(dataclasses.asdict(settings), sort_keys=True, ensure_ascii=False,
                      default=repr)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def output_keys(input_sha: str, name: str, settings: Settings, fmts: Iterable[str]) -> dict[str, str]:
    """The cache key of each format's output for one input (see the module docstring)."""
    base = {"input": input_sha, "name": name, "settings": settings_digest(settings),
            "code": code_fingerprint()}
    keys = {}
    for f in fmts:
        parts = dict(base, format=f)
        if _uses_pandoc(f):
            from .writers import pandoc_run

            try:
                parts["pandoc"] = _pandoc_identity(pandoc_run.pandoc_path())
                parts["sde"] = pandoc_run.source_date_epoch()
            except pandoc_run.PandocError as e:  # the build will report it
                parts["pandoc"] = f"error: {e}"
        keys[f] = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
    return keys


def output_path(outdir: Path, stem: str, fmt: str) -> Path:
    return outdir / fmt / (stem + FORMATS[fmt].extension)


def _rel(stem: str, fmt: str) -> str:
    return f"{fmt}/{stem}{FORMATS[fmt].extension}"


# --------------------------------------------------------------------------
# The manifest


class Manifest:
    """``OUTDIR/.seedconv-cache.json``: output → key and hash it was built with."""

    def __init__(self, outdir: Path):
        self.outdir = Path(outdir)
        self.path = self.outdir / MANIFEST
        self.entries = self._load()
        self.updates: dict[str, dict] = {}

    def _load(self) -> dict[str, dict]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
            return {}
        outputs = data.get("outputs")
        return outputs if isinstance(outputs, dict) else {}

    def fresh(self, stem: str, fmt: str, key: str) -> bool:
        """Whether the output exists and is what ``key`` would build."""
        entry = self.entries.get(_rel(stem, fmt))
        if not isinstance(entry, dict) or entry.get("key") != key:
            return False
        p = output_path(self.outdir, stem, fmt)
        try:
            if p.stat().st_size != entry.get("size"):
                return False
            return hashlib.sha256(p.read_bytes()).hexdigest() == entry.get("sha256")
        except OSError:
            return False

    def record(self, stem: str, fmt: str, key: str, sha256: str, size: int) -> None:
        self.updates[_rel(stem, fmt)] = {"key": key, "sha256": sha256, "size": size}

    def save(self) -> None:
        """Merge this run's entries into the file (under a lock) and write it
        atomically.  Nothing is written when nothing was built."""
        if not self.updates:
            return
        self.outdir.mkdir(parents=True, exist_ok=True)
        lock = None
        try:  # lock OUTDIR itself: no lock file is left behind
            import fcntl

            lock = os.open(self.outdir, os.O_RDONLY)
            fcntl.flock(lock, fcntl.LOCK_EX)
        except (ImportError, OSError):
            pass
        try:
            entries = self._load()
            entries.update(self.updates)
            data = json.dumps({"version": MANIFEST_VERSION, "generator": f"seedconv {__version__}",
                               "outputs": dict(sorted(entries.items()))},
                              indent=1, ensure_ascii=False)
            atomic_write(self.path, data.encode("utf-8") + b"\n")
            self.entries = entries
            self.updates = {}
        finally:
            if lock is not None:
                os.close(lock)


# --------------------------------------------------------------------------
# One conversion


@dataclass
class Task:
    index: int                      # position among the inputs
    input: str                      # the path as given
    stem: str                       # output name
    settings: Settings
    fmts: tuple[str, ...]           # the formats to build
    outdir: str | None              # write there, or None: return the bytes
    verbose: bool = False


@dataclass
class Result:
    index: int
    ok: bool
    message: str                    # summary line(s), or the error line
    outputs: dict[str, tuple[str, int]] = field(default_factory=dict)  # fmt → (sha256, size)
    data: dict[str, bytes] | None = None  # the outputs, when returned
    code: str = ""                  # code_fingerprint() of whoever built it


def build(task: Task, data: bytes | None = None) -> Result:
    """Convert one input (``data``: its bytes, else read from ``task.input``)
    into ``task.fmts``; write the outputs under ``task.outdir`` or return
    them.  Errors become a failed :class:`Result` with the error line."""
    from .cli_extra import summary

    inp = task.input
    try:
        if data is None:
            data = read_input(inp)
        doc = normalise_bytes(data, name=Path(inp).name, settings=task.settings)
        del data
        rendered = render_many(doc, task.fmts)  # everything first: no half-written set
        outputs = {f: (hashlib.sha256(b).hexdigest(), len(b)) for f, b in rendered.items()}
        if task.outdir is not None:
            for f, b in rendered.items():
                atomic_write(output_path(Path(task.outdir), task.stem, f), b)
            rendered = None
        message = summary(inp, doc, task.verbose)
    except SeedconvError as e:
        return Result(task.index, False, f"seedconv: {e}", code=code_fingerprint())
    except Exception as e:  # a bug, but the batch goes on
        return Result(task.index, False, f"seedconv: {inp}: internal error: {type(e).__name__}: {e}",
                      code=code_fingerprint())
    return Result(task.index, True, message, outputs, rendered, code_fingerprint())


# --------------------------------------------------------------------------
# Running many


def _run_local(tasks: list[Task], jobs: int) -> Iterator[Result]:
    if jobs <= 1 or len(tasks) <= 1:
        for t in tasks:
            yield build(t)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    if any(_uses_pandoc(f) for t in tasks for f in t.fmts):
        from .writers import pandoc_run

        try:
            pandoc_run.api_version()  # asked once here; forked workers inherit it
        except pandoc_run.PandocError:
            pass

    _preload_words(tasks)

    def size(t: Task) -> int:
        try:
            return os.stat(t.input).st_size
        except OSError:
            return 0

    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as ex:
        futures = {ex.submit(build, t): t for t in sorted(tasks, key=size, reverse=True)}
        for fut in as_completed(futures):
            t = futures[fut]
            try:
                yield fut.result()
            except Exception as e:  # the worker died (killed, out of memory)
                yield Result(t.index, False,
                             f"seedconv: {t.input}: internal error: worker failed: {type(e).__name__}: {e}")


def _preload_words(tasks: list[Task], limit: int = 64) -> None:
    """Load the word lists the workers will need once, here, before the pool
    forks: language detection consults every candidate language's list
    (seconds to load, hundreds of MB), and forked workers share what this
    process has loaded instead of each loading it again.  Detection runs on
    the first 64 KB of up to ``limit`` inputs spread over the batch; the
    normaliser itself is not changed (a language seen only later is loaded
    by the worker that meets it)."""
    from .passes import words

    langs: set[str] = set()
    step = max(1, len(tasks) // limit)
    for t in tasks[::step]:
        if t.settings.language:
            langs.add(t.settings.language)
            continue
        try:
            with open(t.input, "rb") as fh:
                sample = fh.read(65536).decode("utf-8", "replace")
            langs.add(words.detect_language(sample))
        except Exception:  # the worker will report what is wrong with it
            continue
    for lang in langs:
        words.zipf("the", lang)


def _run_dask(tasks: list[Task], address: str) -> Iterator[Result]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise SeedconvError("--scheduler needs Dask: pip install 'seedconv[cluster]'") from None
    try:
        # connect timeout: Dask's distributed.comm.timeouts.connect (30 s;
        # DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s in the environment)
        client = Client(address, set_as_default=False)
    except Exception as e:
        raise SeedconvError(f"cannot connect to the Dask scheduler at {address}: {e}") from None
    run_id = uuid.uuid4().hex[:12]
    try:
        threads = sum(client.nthreads().values()) or 1
        window = 2 * threads + 1
        pending = iter(tasks)
        ac = as_completed(loop=client.loop)
        owner: dict[str, Task] = {}

        def submit_next() -> Result | None:
            """Submit one more task; a read error is returned as its result."""
            t = next(pending)
            try:
                data = read_input(t.input)
            except SeedconvError as e:
                return Result(t.index, False, f"seedconv: {e}")
            arg = client.scatter(data, hash=False) if len(data) > 1_000_000 else data
            fut = client.submit(build, dataclasses.replace(t, outdir=None), arg, pure=False,
                                key=f"seedconv-{run_id}-{t.index}")
            owner[fut.key] = t
            ac.add(fut)
            return None

        exhausted = False

        def fill() -> Iterator[Result]:
            nonlocal exhausted
            while not exhausted and ac.count() < window:
                try:
                    r = submit_next()
                except StopIteration:
                    exhausted = True
                    return
                if r is not None:
                    yield r

        yield from fill()
        while ac.count() or not exhausted:
            if not ac.count():
                yield from fill()
                continue
            fut = next(ac)
            t = owner.pop(fut.key)
            try:
                r = fut.result()
            except Exception as e:
                r = Result(t.index, False,
                           f"seedconv: {t.input}: internal error: Dask task failed: {type(e).__name__}: {e}")
            fut.release()
            if r.ok and r.code != code_fingerprint():
                r = Result(t.index, False, f"seedconv: {t.input}: the Dask worker runs other seedconv "
                                           f"code (install seedconv {__version__} from the same source "
                                           f"on the workers)")
            yield r
            yield from fill()
    finally:
        client.close()


def convert(inputs: list[Path], outdir: Path, fmts: list[str],
            settings_for: Callable[[Path], Settings], *, jobs: int | None = None,
            scheduler: str | None = None, force: bool = False, quiet: bool = False,
            verbose: bool = False, stem_for: Callable[[Path], str],
            echo: Callable[[str], None]) -> list[str]:
    """Convert ``inputs`` into ``fmts`` under ``outdir``; print one message
    per input in input order with ``echo``; return the inputs that failed."""
    jobs = jobs or os.cpu_count() or 1
    manifest = Manifest(outdir)
    messages: dict[int, tuple[bool, str | None]] = {}   # index → (ok, message to print)
    tasks: list[Task] = []
    keys: dict[int, dict[str, str]] = {}
    seen: set[str] = set()
    for i, inp in enumerate(inputs):
        stem = stem_for(inp)
        if stem in seen:
            messages[i] = (False, f"seedconv: {inp}: skipped, another input has the output name {stem!r}")
            continue
        seen.add(stem)
        try:
            settings = settings_for(inp)
            data = read_input(inp)
        except SeedconvError as e:
            messages[i] = (False, f"seedconv: {e}")
            continue
        except Exception as e:  # a bug, but the batch goes on
            messages[i] = (False, f"seedconv: {inp}: internal error: {type(e).__name__}: {e}")
            continue
        k = output_keys(hashlib.sha256(data).hexdigest(), inp.name, settings, fmts)
        del data
        todo = tuple(f for f in fmts if force or not manifest.fresh(stem, f, k[f]))
        if not todo:
            messages[i] = (True, None if quiet else f"{inp}: up to date, skipped")
            continue
        keys[i] = k
        tasks.append(Task(i, str(inp), stem, settings, todo, str(outdir), verbose))

    stems = {t.index: t.stem for t in tasks}
    results = _run_dask(tasks, scheduler) if scheduler else _run_local(tasks, jobs)
    show_bar = bool(tasks) and not quiet and sys.stderr.isatty()
    failed: list[str] = []
    next_index = 0

    def flush(bar) -> None:
        nonlocal next_index
        while next_index < len(inputs) and next_index in messages:
            ok, msg = messages.pop(next_index)
            if not ok:
                failed.append(str(inputs[next_index]))
            if msg is not None and (not ok or not quiet):
                if bar is not None:
                    sys.stderr.write("\r\x1b[K")
                echo(msg)
            next_index += 1

    bar_cm = _progressbar(len(tasks)) if show_bar else contextlib.nullcontext()
    bar = bar_cm.__enter__()
    try:
        flush(bar)
        for r in results:
            t_stem = stems[r.index]
            if r.ok:
                if r.data is not None:  # returned by a cluster worker: write it here
                    try:
                        for f, b in r.data.items():
                            atomic_write(output_path(outdir, t_stem, f), b)
                    except SeedconvError as e:
                        r = Result(r.index, False, f"seedconv: {e}")
                if r.ok:
                    for f, (sha, size) in r.outputs.items():
                        manifest.record(t_stem, f, keys[r.index][f], sha, size)
            messages[r.index] = (r.ok, r.message)
            if bar is not None:
                bar.update(1)
            flush(bar)
    finally:
        bar_cm.__exit__(None, None, None)
        manifest.save()
    flush(None)
    return failed


def _progressbar(n: int):
    import click

    return click.progressbar(length=n, label="converting", file=sys.stderr, show_pos=True,
                             show_eta=True)
