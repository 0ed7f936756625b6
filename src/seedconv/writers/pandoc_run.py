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
"""
from __future__ import annotations

import atexit
import functools
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence

#: SOURCE_DATE_EPOCH used when the caller's environment has none.
DEFAULT_SOURCE_DATE_EPOCH = "946684800"  # 2000-01-01T00:00:00Z

#: Seconds pandoc may run before it is stopped.
DEFAULT_TIMEOUT = 120.0


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
        timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """Convert ``ast`` (pandoc JSON) to format ``to`` and return pandoc's output.

    ``extra_args`` are further pandoc options (``--standalone``,
    ``--wrap=none``…).  Raises :class:`PandocError` on any failure.
    """
    data = json.dumps(ast, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    args = ["--from=json", f"--to={to}", f"--data-dir={_data_dir()}",
            *extra_args, "--output=-"]
    return _exec(args, data, timeout)


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
