"""The optional compiled build (Cython 3, pure-Python mode), and its guard.

``tools/compile.py`` (run by ``make``) compiles the modules :func:`hot_modules`
names, the ``.py`` files as they are, into a ``.so`` beside each ``.py``, and
writes next to it ``<the .so's name>.src-sha256``: the SHA-256 of the ``.py``
it was compiled from.

Python's import would load such a ``.so`` in preference to the ``.py`` even
after the ``.py`` is edited.  :func:`install` (called by ``seedconv/__init__``
before any submodule is imported) puts a finder in front of ``sys.meta_path``
that decides for every ``seedconv.*`` module beside which a ``.so`` lies: the
``.so`` is loaded only when its record equals the SHA-256 of the ``.py`` now;
otherwise (no record, another hash) the ``.py`` is loaded, silently (an edited
module runs as edited; ``make`` compiles it again).  ``SEEDCONV_PURE=1`` in
the environment loads every ``.py``.

This module is imported before the finder exists and is never compiled.
``seedconv.compiled_modules()`` lists the modules that run compiled;
``tools/compile.py --status`` prints the state of each.
"""
from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import sys

PACKAGE = "seedconv"
# the .so for this interpreter (the suffix names the Python version and platform)
EXT_SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]
RECORD = ".src-sha256"
# not compiled: the package files, and a 10 000-line data table
_EXCLUDE = {"__init__", "_common_words"}
_TOP = ("pipeline", "conservation", "model")


def pure() -> bool:
    """True when ``SEEDCONV_PURE`` asks for pure Python (any value but empty or ``0``)."""
    return os.environ.get("SEEDCONV_PURE", "") not in ("", "0")


def hot_modules(root: str | None = None) -> list[str]:
    """The modules the compiled build compiles, as dotted names under the
    package (``passes.furniture``): every ``passes/*.py`` but the excluded,
    and ``pipeline``, ``conservation``, ``model``.  ``root``: the package
    directory (default: this one)."""
    root = root or os.path.dirname(os.path.abspath(__file__))
    passes = sorted(f[:-3] for f in os.listdir(os.path.join(root, "passes"))
                    if f.endswith(".py") and f[:-3] not in _EXCLUDE)
    return sorted([*_TOP, *(f"passes.{m}" for m in passes)])


def sha256_file(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def state(py: str, honour_pure: bool = True) -> str:
    """What the guard does with the module whose source is ``py``:
    ``compiled`` (its .so is loaded), ``stale`` (a .so whose record is
    missing or differs from the source: the .py is loaded), ``not built``,
    ``pure`` (SEEDCONV_PURE, unless ``honour_pure`` is false)."""
    so = py[:-3] + EXT_SUFFIX
    if not os.path.exists(so):
        return "not built"
    if honour_pure and pure():
        return "pure"
    try:
        with open(so + RECORD, encoding="ascii") as f:
            recorded = f.read().strip()
        return "compiled" if recorded == sha256_file(py) else "stale"
    except OSError:
        return "stale"


class GuardFinder:
    """``sys.meta_path`` finder for ``seedconv.*``: see the module docstring.
    Modules without a ``.so`` beside their ``.py`` are left to the ordinary
    finders."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if not fullname.startswith(PACKAGE + ".") or not path:
            return None
        name = fullname.rpartition(".")[2]
        for d in path:
            py, so = os.path.join(d, name + ".py"), os.path.join(d, name + EXT_SUFFIX)
            if not os.path.exists(so) or not os.path.isfile(py):
                return None  # no .so (or no source to check it against): the ordinary import
            if state(py) == "compiled":
                return importlib.util.spec_from_file_location(
                    fullname, so, loader=importlib.machinery.ExtensionFileLoader(fullname, so))
            return importlib.util.spec_from_file_location(
                fullname, py, loader=importlib.machinery.SourceFileLoader(fullname, py))
        return None

    @classmethod
    def invalidate_caches(cls):
        pass


def install() -> None:
    """Put :class:`GuardFinder` first on ``sys.meta_path`` (once)."""
    if not any(getattr(f, "__name__", None) == "GuardFinder" and getattr(f, "__module__", None) == __name__
               for f in sys.meta_path):
        sys.meta_path.insert(0, GuardFinder)


def _loaded_compiled(module) -> bool:
    return isinstance(getattr(getattr(module, "__spec__", None), "loader", None),
                      importlib.machinery.ExtensionFileLoader)


def compiled_modules() -> list[str]:
    """The ``seedconv`` modules imported so far that run compiled (their
    extension module was loaded), as dotted names (``seedconv.passes.furniture``)."""
    return sorted(name for name, m in list(sys.modules.items())
                  if name.startswith(PACKAGE + ".") and _loaded_compiled(m))


def status() -> dict[str, str]:
    """Every module :func:`hot_modules` names → ``compiled`` or ``python``
    when it is imported (what runs), else its :func:`state` (what would)."""
    root = os.path.dirname(os.path.abspath(__file__))
    out = {}
    for m in hot_modules(root):
        mod = sys.modules.get(f"{PACKAGE}.{m}")
        if mod is not None:
            out[m] = "compiled" if _loaded_compiled(mod) else "python"
        else:
            out[m] = state(os.path.join(root, *m.split(".")) + ".py")
    return out


def available() -> list[str]:
    """The modules :func:`hot_modules` names whose up-to-date ``.so`` exists
    (what would run compiled without ``SEEDCONV_PURE``), whether imported or not."""
    root = os.path.dirname(os.path.abspath(__file__))
    return [m for m in hot_modules(root)
            if state(os.path.join(root, *m.split(".")) + ".py", honour_pure=False) == "compiled"]


def summary() -> str:
    """One line: ``compiled: 20/20 modules (Cython)``, or ``pure Python`` and why."""
    st = status()
    n = sum(v == "compiled" for v in st.values())
    if n:
        rest = [m for m, v in st.items() if v != "compiled"]
        return f"compiled: {n}/{len(st)} modules (Cython)" + (f"; as .py: {', '.join(rest)}" if rest else "")
    if pure():
        return "pure Python (SEEDCONV_PURE=1)"
    if any(v == "stale" for v in st.values()):
        return "pure Python (compiled modules out of date: make)"
    return "pure Python (not compiled)"
