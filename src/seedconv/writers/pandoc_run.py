"""Run pandoc on a pandoc AST and return the bytes it writes.

Every pandoc-based writer (Markdown, DOCX, EPUB) goes through :func:`run`:
the AST built by :mod:`seedconv.writers.pandoc_ast` is serialised as JSON and
fed to ``pandoc -f json`` on stdin; the output is read from stdout.  pandoc is
started with an argument list (never through a shell), so nothing in the
document can reach a command line.

Which pandoc
    :func:`pandoc_path` asks pypandoc (``pypandoc-binary`` ships pandoc) and
    falls back to ``pandoc`` on ``PATH``.

Determinism
    The same document must give byte-identical files, run after run:

    * ``SOURCE_DATE_EPOCH`` is always set for pandoc: the caller's value when
      the environment has one (it must be a non-negative integer), else
      :data:`DEFAULT_SOURCE_DATE_EPOCH` (2000-01-01T00:00:00Z; not 0, because
      ZIP timestamps cannot go before 1980).  pandoc uses it for the ZIP entry
      times of DOCX and EPUB and for the dates inside them
      (``dcterms:modified``, ``docProps/core.xml``).
    * pandoc gets ``--data-dir`` pointing at an empty directory, so templates,
      ``reference.docx`` or ``epub.css`` in the user's pandoc data directory
      (``~/.local/share/pandoc``) cannot change the output: pandoc's built-in
      defaults are always used.
    * ``--sandbox`` is *not* used: in sandbox mode pandoc ignores
      SOURCE_DATE_EPOCH and dates everything 1970-01-01, so the caller's
      SOURCE_DATE_EPOCH could not be honoured.  Nothing needs it: the AST
      holds no images or other resources pandoc would fetch, and the
      metadata keys that name files (``css``, ``cover-image``…) are never set.
    * Anything pandoc would make up at random (the EPUB identifier) is given
      in the AST's metadata instead.

Errors
    A missing pandoc, a non-zero exit, a timeout or unreadable JSON raise
    :class:`PandocError`, which carries pandoc's stderr.

Batches
    :func:`run_many` sends several conversions (a document's Markdown,
    DOCX, EPUB, HTML) to one long-lived ``pandoc lua pandoc_batch.lua``
    process per thread instead of starting pandoc once per format; the
    bytes are the same as :func:`run`'s.  (``pandoc server`` would do the
    same over HTTP, but the pandoc of pypandoc-binary 3.9 is built without
    the threaded runtime its server needs: it resets every connection.)
"""
from __future__ import annotations

import atexit
import functools
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence

#: SOURCE_DATE_EPOCH used when the caller's environment has none.
DEFAULT_SOURCE_DATE_EPOCH = "946684800"  # 2000-01-01T00:00:00Z

#: Seconds pandoc may run before it is stopped.
DEFAULT_TIMEOUT = 120.0
#: Seconds added to DEFAULT_TIMEOUT per MB of AST when no timeout is given:
#: pandoc needs several seconds per MB (EPUB the most), so a 10 MB document
#: must not be stopped by a limit meant to catch a hung process.
SECONDS_PER_MB = 60.0


def _timeout(timeout: float | None, data: bytes) -> float:
    return timeout if timeout is not None else DEFAULT_TIMEOUT + SECONDS_PER_MB * len(data) / 1e6


class PandocError(RuntimeError):
    """pandoc could not be run or failed; ``stderr`` holds what it said."""

    def __init__(self, message: str, *, stderr: str = "", returncode: int | None = None,
                 args: Sequence[str] = ()):
        self.stderr = stderr
        self.returncode = returncode
        self.cmd = list(args)
        detail = f"\n{stderr.strip()}" if stderr.strip() else ""
        super().__init__(f"{message}{detail}")


@functools.lru_cache(maxsize=1)
def pandoc_path() -> str:
    """The pandoc executable: pypandoc's bundled one, else ``pandoc`` on PATH."""
    try:
        import pypandoc

        path = pypandoc.get_pandoc_path()
        if path and os.path.exists(path):
            return path
    except (ImportError, OSError):  # pypandoc missing or no pandoc it knows of
        pass
    path = shutil.which("pandoc")
    if not path:
        raise PandocError("pandoc not found: install pypandoc-binary or put pandoc on PATH")
    return path


def source_date_epoch() -> str:
    """The SOURCE_DATE_EPOCH pandoc runs with (see the module docstring)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return DEFAULT_SOURCE_DATE_EPOCH
    if not value.isdigit():
        raise PandocError(f"SOURCE_DATE_EPOCH must be a non-negative integer, not {value!r}")
    return value


_empty_data_dir: str | None = None


def _data_dir() -> str:
    """An empty directory for ``--data-dir``, made once per process."""
    global _empty_data_dir
    if _empty_data_dir is None or not os.path.isdir(_empty_data_dir):
        _empty_data_dir = tempfile.mkdtemp(prefix="seedconv-pandoc-data-")
        atexit.register(shutil.rmtree, _empty_data_dir, True)
    return _empty_data_dir


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = source_date_epoch()
    return env


def _exec(args: list[str], stdin: bytes, timeout: float) -> bytes:
    cmd = [pandoc_path(), *args]
    try:
        proc = subprocess.run(cmd, input=stdin, capture_output=True, env=_env(),
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired as e:
        raise PandocError(f"pandoc did not finish within {timeout:g} s", args=cmd,
                          stderr=(e.stderr or b"").decode("utf-8", "replace")) from e
    except OSError as e:
        raise PandocError(f"cannot run pandoc ({cmd[0]}): {e}", args=cmd) from e
    if proc.returncode != 0:
        raise PandocError(f"pandoc failed with exit code {proc.returncode}",
                          stderr=proc.stderr.decode("utf-8", "replace"),
                          returncode=proc.returncode, args=cmd)
    return proc.stdout


@functools.lru_cache(maxsize=1)
def api_version() -> tuple[int, ...]:
    """The pandoc-types API version of the pandoc in use (asked once, cached).

    pandoc refuses JSON whose ``pandoc-api-version`` has another major
    version, so the AST is stamped with what this pandoc itself writes.
    """
    out = _exec(["-f", "markdown", "-t", "json"], b"", DEFAULT_TIMEOUT)
    try:
        return tuple(json.loads(out)["pandoc-api-version"])
    except (ValueError, KeyError, TypeError) as e:
        raise PandocError(f"cannot read pandoc's API version from {out[:200]!r}") from e


def run(ast: dict, to: str, extra_args: Sequence[str] = (), *,
        timeout: float | None = None) -> bytes:
    """Convert ``ast`` (pandoc JSON) to format ``to`` and return pandoc's output.

    ``extra_args`` are further pandoc options (``--standalone``,
    ``--wrap=none``…).  Raises :class:`PandocError` on any failure.
    """
    data = json.dumps(ast, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    args = ["--from=json", f"--to={to}", f"--data-dir={_data_dir()}",
            *extra_args, "--output=-"]
    return _exec(args, data, _timeout(timeout, data))


def read(text: str | bytes, fmt: str = "markdown", *, timeout: float = DEFAULT_TIMEOUT) -> dict:
    """Read ``text`` in format ``fmt`` with pandoc and return its JSON AST.

    Used to check that what we write reads back as what we meant.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    out = _exec([f"--from={fmt}", "--to=json", f"--data-dir={_data_dir()}"],
                data, timeout)
    try:
        return json.loads(out)
    except ValueError as e:
        raise PandocError("pandoc wrote JSON that cannot be read") from e


# --------------------------------------------------------------------------
# Many conversions in one pandoc process (see pandoc_batch.lua)

#: The Lua program ``pandoc lua`` runs for :func:`run_many`.
BATCH_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pandoc_batch.lua")

#: Arguments :func:`run_many` can hand to the batch process; a job with any
#: other argument is converted by :func:`run`.
_BATCH_ARGS = {"--standalone": "standalone", "--wrap=none": "wrap=none",
               "--wrap=auto": "wrap=auto", "--wrap=preserve": "wrap=preserve"}


class _BatchProcess:
    """One ``pandoc lua pandoc_batch.lua`` process: requests on stdin, answers
    on stdout, one at a time.  Owned by one thread of one process."""

    def __init__(self, key: tuple[str, str]):
        self.key = key
        self.pid = os.getpid()
        env = {k: v for k, v in _env().items() if not k.startswith("LUA_")}
        self.proc = subprocess.Popen([key[0], "lua", BATCH_SCRIPT], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        self.buf = bytearray()
        self.served = 0

    def _read(self, n: int | None, deadline: float) -> bytes:
        """``n`` bytes, or one line without its newline when ``n`` is None."""
        fd = self.proc.stdout.fileno()
        while True:
            if n is None:
                i = self.buf.find(b"\n")
                if i >= 0:
                    out = bytes(self.buf[:i])
                    del self.buf[:i + 1]
                    return out
            elif len(self.buf) >= n:
                out = bytes(self.buf[:n])
                del self.buf[:n]
                return out
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    raise EOFError
                self.buf += chunk

    def convert(self, data: bytes, to: str, flags: str, timeout: float) -> tuple[bool, bytes]:
        deadline = time.monotonic() + timeout
        self.proc.stdin.write(f"{to} {len(data)} {flags}\n".encode("ascii") + data)
        self.proc.stdin.flush()
        status, _, size = self._read(None, deadline).partition(b" ")
        body = self._read(int(size), deadline)
        if status not in (b"ok", b"err"):
            raise EOFError
        self.served += 1
        return status == b"ok", body

    def close(self) -> None:
        if self.pid != os.getpid():
            return  # inherited through fork: the parent owns it
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()
            self.proc.wait()


_batch_local = threading.local()
_batch_all: list[_BatchProcess] = []
_batch_unusable: set[tuple[str, str]] = set()  # pandocs whose batch process never answered


def _close_batches() -> None:
    for b in _batch_all:
        b.close()
    _batch_all.clear()


atexit.register(_close_batches)


def _batch_process() -> _BatchProcess:
    key = (pandoc_path(), source_date_epoch())
    if key in _batch_unusable:
        raise OSError("pandoc lua is not usable")
    b = getattr(_batch_local, "proc", None)
    if b is not None and (b.pid != os.getpid() or b.key != key or b.proc.poll() is not None):
        if b.pid == os.getpid():
            b.close()
            if b in _batch_all:
                _batch_all.remove(b)
        b = None
    if b is None:
        b = _BatchProcess(key)
        _batch_local.proc = b
        _batch_all.append(b)
    return b


def _drop_batch_process(failed: bool = False) -> None:
    """Stop this thread's batch process; ``failed``: it broke, and if it never
    answered at all this pandoc cannot run batches (run() is used from then on)."""
    b = getattr(_batch_local, "proc", None)
    if b is not None:
        _batch_local.proc = None
        if failed and b.served == 0:
            _batch_unusable.add(b.key)
        if b.pid == os.getpid():
            b.proc.kill()
            b.proc.wait()
            if b in _batch_all:
                _batch_all.remove(b)


def run_many(jobs: Sequence[tuple[dict, str, Sequence[str]]], *,
             timeout: float | None = None) -> list[bytes]:
    """Convert several ASTs: ``jobs`` are ``(ast, to, extra_args)`` as for
    :func:`run`, and the result is the list of outputs, byte-identical to
    what :func:`run` gives for each job.

    The conversions go to one long-lived ``pandoc lua`` process per thread
    (``pandoc_batch.lua``), so a document written as Markdown, DOCX, EPUB
    and HTML costs one pandoc start-up per process instead of one per
    document and format.  A job whose arguments the batch process does not
    know, a conversion the batch process reports as failed, and every job
    when the batch process cannot be used (a pandoc without ``pandoc lua``,
    a crash) are run by :func:`run` instead, so errors are the same
    :class:`PandocError` as there.  A timeout raises :class:`PandocError`.
    """
    source_date_epoch()  # a malformed value fails here, as in run()
    out: list[bytes | None] = [None] * len(jobs)
    usable = True
    for i, (ast, to, extra) in enumerate(jobs):
        flags = [_BATCH_ARGS.get(a) for a in extra]
        if not usable or None in flags:
            continue
        data = json.dumps(ast, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            limit = _timeout(timeout, data)
            ok, body = _batch_process().convert(data, to, ",".join(flags) or "-", limit)
        except TimeoutError:
            _drop_batch_process()
            raise PandocError(f"pandoc did not finish within {limit:g} s") from None
        except (OSError, EOFError, ValueError):
            _drop_batch_process(failed=True)
            usable = False  # no batch process here: run() does the rest
            continue
        if ok:
            out[i] = body
    return [o if o is not None else run(ast, to, extra, timeout=timeout)
            for o, (ast, to, extra) in zip(out, jobs)]
