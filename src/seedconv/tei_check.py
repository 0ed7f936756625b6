"""Validation of the TEI that :mod:`seedconv.writers.tei` writes.

* :func:`validate_tei` checks a document against ``schemas/seedconv-tei.rng``
  (a strict subset of TEI P5 that covers exactly what the writer emits) with
  lxml's RELAX NG validator.  It is fast (the compiled schema is cached) and
  needs nothing beyond lxml.
* :func:`jing_validate` runs the ``jing`` validator (Debian package ``jing``)
  on a file against any RELAX NG schema, e.g. the official ``tei_all.rng``.

Both return a list of messages: empty means valid.
"""
from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from lxml import etree

SCHEMA_PATH = Path(__file__).parent / "schemas" / "seedconv-tei.rng"

# Never fetch anything and never expand entities while parsing input.
_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False)


@functools.lru_cache(maxsize=None)
def _schema(path: Path = SCHEMA_PATH) -> etree.RelaxNG:
    """The compiled RELAX NG schema at ``path`` (compiled once)."""
    return etree.RelaxNG(etree.parse(str(path), etree.XMLParser(**_PARSER_OPTIONS)))


def _parse(data: bytes | str | Path) -> etree._ElementTree:
    """Parse ``data``: a :class:`~pathlib.Path` is a file, ``bytes`` are the
    XML itself, and a ``str`` is XML text if it starts with ``<`` (after
    whitespace or a byte-order mark), else a file name."""
    if isinstance(data, str):
        if data.lstrip("\ufeff \t\r\n").startswith("<"):
            # lxml refuses str with an encoding declaration: parse as UTF-8
            # and let the parser ignore what the declaration says.
            parser = etree.XMLParser(encoding="utf-8", **_PARSER_OPTIONS)
            return etree.ElementTree(etree.fromstring(data.encode("utf-8"), parser))
        data = Path(data)
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    if isinstance(data, Path):
        return etree.parse(str(data), parser)
    return etree.ElementTree(etree.fromstring(bytes(data), parser))


def validate_tei(data: bytes | str | Path) -> list[str]:
    """Messages for everything that makes ``data`` invalid against
    ``schemas/seedconv-tei.rng``, XML parse errors included (``[]`` = valid)."""
    try:
        tree = _parse(data)
    except etree.XMLSyntaxError as e:
        return [f"XML parse error: {e}"]
    except OSError as e:
        return [f"cannot read {data}: {e}"]
    schema = _schema()
    if schema.validate(tree):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log] or ["invalid (no message)"]


def jing_path() -> str | None:
    """The ``jing`` executable, or ``None`` when it is not installed."""
    return shutil.which("jing") or ("/usr/bin/jing" if Path("/usr/bin/jing").exists() else None)


def jing_validate(path: str | Path, rng_path: str | Path, timeout: float = 300) -> list[str]:
    """Validate the file ``path`` against the RELAX NG schema ``rng_path``
    with jing; the error lines it reports (``[]`` = valid).

    Raises :class:`FileNotFoundError` when jing is not installed.
    """
    jing = jing_path()
    if jing is None:
        raise FileNotFoundError("jing is not installed (Debian package 'jing')")
    proc = subprocess.run([jing, str(rng_path), str(path)], capture_output=True,
                          text=True, timeout=timeout, check=False)
    # jing reports errors on stdout; stderr also carries the Debian wrapper's
    # "[warning] ... Unable to locate <jar>" noise, which is not about the file.
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    lines += [ln for ln in proc.stderr.splitlines()
              if ln.strip() and not ln.startswith("[warning] ")]
    if proc.returncode != 0 and not lines:
        lines = [f"jing exited with status {proc.returncode}"]
    return lines
