"""The documented library API (the CLI is a thin shell over it)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InputError, OutputError
from .model import Document
from .pipeline import normalise, normalise_bytes
from .settings import Settings
from .writers import FORMATS

MAX_INPUT = 200 * 1024 * 1024

__all__ = ["normalise", "normalise_bytes", "normalise_file", "read_input", "render", "render_all",
           "write", "validate_file", "atomic_write"]


def normalise_file(path: str | os.PathLike, settings: Settings | None = None) -> Document:
    """Read and normalise a text file."""
    p = Path(path)
    return normalise_bytes(read_input(p), name=p.name, settings=settings)


def read_input(path: str | os.PathLike) -> bytes:
    """The bytes of an input file; :class:`InputError` (one line) when it
    cannot be read or is over :data:`MAX_INPUT`."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{p} is a directory, not a text file")
        size = p.stat().st_size
        if size > MAX_INPUT:
            raise InputError(f"{p} is {size // (1024 * 1024)} MB; the limit is {MAX_INPUT // (1024 * 1024)} MB")
        with open(p, "rb") as fh:  # capped: a pipe or device has no size to check first
            data = fh.read(MAX_INPUT + 1)
        if len(data) > MAX_INPUT:
            raise InputError(f"{p} is over the limit of {MAX_INPUT // (1024 * 1024)} MB")
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{p} is a directory, not a text file") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from None
    return data


def render_all(doc: Document, fmts) -> dict[str, bytes]:
    """The bytes of ``doc`` in each format of ``fmts``, as :func:`render`
    gives them, but the pandoc formats are converted together by one
    long-lived pandoc process (much faster for many documents)."""
    from .writers import render_many

    bad = [f for f in fmts if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown format {bad[0]!r}; known: {', '.join(FORMATS)}")
    return render_many(doc, fmts)


def render(doc: Document, fmt: str) -> bytes:
    """The bytes of ``doc`` in format ``fmt`` (json, tei, md, docx, epub, txt)."""
    try:
        f = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}") from None
    return f.render(doc)


def atomic_write(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place."""
    p = Path(path)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix="." + p.name[:60] + ".", suffix=".part", dir=p.parent)
    except OSError as e:
        raise OutputError(f"{p.parent}: cannot write ({e.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, p)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise OutputError(f"{p}: cannot write ({e.strerror})") from None
        raise


def write(doc: Document, fmt: str, path: str | os.PathLike) -> None:
    """Render ``doc`` as ``fmt`` and write it atomically to ``path``."""
    atomic_write(path, render(doc, fmt))


def validate_file(path: str | os.PathLike) -> list[str]:
    """Problems of a JSON or TEI file written by seedconv (empty list: valid)."""
    from .validate import validate_path

    return validate_path(Path(path))
