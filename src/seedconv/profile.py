"""Profiles: what a user knows about a collection, in a YAML file.

A profile is ``seedconv.yaml`` in the working directory, or the file given
with ``--profile FILE`` (``convert``, ``normalize``, ``review``).  It is read
with ``yaml.safe_load`` only and checked against
``schemas/seedconv-profile.schema.json`` (JSON Schema 2020-12) before use;
an unknown key is an error that names the key.  ``seedconv init`` writes a
commented starting point (:data:`DEFAULT_PROFILE`).

Example::

    language: en
    metadata:                      # every document
      publisher: Lower Valley Institute
      rights: CC BY 4.0
    documents:                     # keyed by input file name (with or without .txt)
      paper.txt:
        title: Water Rights in the Lower Valley
        authors: [Maria Lindqvist]
        date: 2024-03
    furniture:
      patterns: ['^DRAFT\\b', '^Journal of Things \\d+$']
    headings:
      force:
        - {pattern: '^Chapter [0-9]+$', level: 2}
      never: ['^Table [0-9]+$']
    output:
      formats: [json, tei, md, html]

What each part does:

* ``language`` → :attr:`Settings.language` (a document's own ``language``
  wins; ``--language`` on the command line wins over both).
* ``metadata`` and ``documents.<name>`` → :attr:`Settings.metadata`, the
  overrides the pipeline applies to the detected metadata.  ``licence`` and
  ``license`` are other names for ``rights``; a null value is the same as an
  absent key; ``authors`` may be one string.
* ``furniture.patterns`` → :attr:`Settings.furniture_patterns` (the furniture
  pass removes matching lines and records them, with the pattern, in the
  document's furniture list).
* ``headings`` → :attr:`Settings.heading_patterns` and
  :attr:`Settings.not_heading_patterns`, applied after the passes by
  :mod:`seedconv.heading_rules`.
* ``output.formats`` → the formats ``convert`` writes when ``-t`` is not given.
"""
from __future__ import annotations

import datetime as _dt
import difflib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import SeedconvError
from .settings import Settings

PROFILE_NAME = "seedconv.yaml"
SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "seedconv-profile.schema.json"
MAX_PROFILE_BYTES = 1024 * 1024
MAX_NODES = 100_000
_META_KEYS = ("title", "subtitle", "authors", "date", "publisher", "rights")


class ProfileError(SeedconvError):
    """The profile cannot be read or is invalid (the message says where)."""


@dataclass
class Profile:
    """A loaded, validated profile."""

    path: Path | None = None
    language: str | None = None
    metadata: dict = field(default_factory=dict)
    documents: dict[str, dict] = field(default_factory=dict)
    furniture_patterns: list[str] = field(default_factory=list)
    heading_patterns: list[tuple[str, int]] = field(default_factory=list)
    not_heading_patterns: list[str] = field(default_factory=list)
    formats: list[str] | None = None

    def document(self, name: str) -> dict:
        """The ``documents`` entry for an input (by path as given, file name,
        or file name without ``.txt``); ``{}`` when there is none."""
        p = Path(name)
        for key in (name, p.name, p.name[:-4] if p.name.lower().endswith(".txt") else None):
            if key and key in self.documents:
                return self.documents[key]
        return {}

    def metadata_for(self, name: str) -> dict:
        md = dict(self.metadata)
        md.update({k: v for k, v in self.document(name).items() if k in _META_KEYS})
        return md

    def settings_for(self, name: str, language: str | None = None) -> Settings:
        """Settings for the input ``name``; ``language`` (the command line's)
        wins over the profile's."""
        doc = self.document(name)
        return Settings(language=language or doc.get("language") or self.language,
                        furniture_patterns=list(self.furniture_patterns),
                        heading_patterns=list(self.heading_patterns),
                        not_heading_patterns=list(self.not_heading_patterns),
                        metadata=self.metadata_for(name))


# --------------------------------------------------------------------------
# Loading


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _plain(value, budget: list[int]):
    """YAML data as JSON data: dates become ISO strings, mapping keys strings,
    and a key whose value is null (``metadata:`` with nothing under it) is
    the same as an absent key.  Counts nodes (shared YAML aliases count each
    time) to refuse alias bombs."""
    budget[0] -= 1
    if budget[0] < 0:
        raise ProfileError("too large or too deeply aliased")
    if isinstance(value, dict):
        return {("null" if k is None else str(k).lower() if isinstance(k, bool) else str(k)):
                _plain(v, budget) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v, budget) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


def _where(path) -> str:
    return "/".join(str(p) for p in path)


def _error_message(err) -> str:
    """One line for a jsonschema error; unknown keys are named."""
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = list(err.schema.get("properties", {}))
        unknown = [k for k in err.instance if k not in allowed]
        if unknown:
            key = unknown[0]
            where = f" in {_where(err.absolute_path)}" if err.absolute_path else ""
            hint = difflib.get_close_matches(key, allowed, n=1)
            hint_s = f"; did you mean {hint[0]!r}?" if hint else f"; allowed: {', '.join(allowed)}"
            return f"unknown key {key!r}{where}{hint_s}"
    if err.validator == "oneOf" and err.absolute_path and err.absolute_path[-1] == "authors":
        return f"{_where(err.absolute_path)}: must be a name or a list of names"
    where = _where(err.absolute_path) or "(top level)"
    return f"{where}: {err.message}"


def parse_profile(data, source: str = PROFILE_NAME) -> Profile:
    """A :class:`Profile` from already-parsed YAML/JSON data."""
    try:
        data = _plain({} if data is None else data, [MAX_NODES])
    except ProfileError as e:
        raise ProfileError(f"{source}: {e}") from None
    except RecursionError:
        raise ProfileError(f"{source}: nested too deeply") from None
    if not isinstance(data, dict):
        raise ProfileError(f"{source}: must be a mapping of keys (language, metadata, "
                           f"documents, furniture, headings, output), not a {type(data).__name__}")
    errors = sorted(_validator().iter_errors(data),
                    key=lambda e: (e.validator != "additionalProperties", list(map(str, e.absolute_path))))
    if errors:
        raise ProfileError(f"{source}: {_error_message(errors[0])}")

    prof = Profile(path=None, language=data.get("language"))
    prof.metadata = _metadata(data.get("metadata") or {}, source, "metadata")
    for name, entry in (data.get("documents") or {}).items():
        md = _metadata(entry, source, f"documents/{name}")
        if entry.get("language"):
            md["language"] = entry["language"]
        prof.documents[name] = md
    prof.furniture_patterns = _regexes((data.get("furniture") or {}).get("patterns") or [],
                                       source, "furniture/patterns")
    heads = data.get("headings") or {}
    force = heads.get("force") or []
    pats = _regexes([r["pattern"] for r in force], source, "headings/force", suffix="pattern")
    prof.heading_patterns = [(p, int(r["level"])) for p, r in zip(pats, force)]
    prof.not_heading_patterns = _regexes(heads.get("never") or [], source, "headings/never")
    fmts = (data.get("output") or {}).get("formats")
    if fmts is not None:
        from .writers import FORMATS

        bad = [f for f in fmts if f not in FORMATS]
        if bad:
            raise ProfileError(f"{source}: output/formats: unknown format {bad[0]!r}; "
                               f"choose from {', '.join(FORMATS)}")
        prof.formats = list(dict.fromkeys(fmts))
    return prof


def _metadata(entry: dict, source: str, where: str) -> dict:
    md = {}
    rights = [k for k in ("rights", "licence", "license") if entry.get(k) is not None]
    if len(rights) > 1:
        raise ProfileError(f"{source}: {where}: give only one of {', '.join(rights)}")
    for key, value in entry.items():
        if value is None or key == "language":
            continue
        key = "rights" if key in ("licence", "license") else key
        if key == "authors":
            value = [value] if isinstance(value, str) else list(value)
        md[key] = value
    return md


def _regexes(pats: list[str], source: str, where: str, suffix: str = "") -> list[str]:
    for i, p in enumerate(pats):
        try:
            re.compile(p)
        except re.error as e:
            loc = f"{where}/{i}" + (f"/{suffix}" if suffix else "")
            raise ProfileError(f"{source}: {loc}: not a regular expression ({e}): {p!r}") from None
    return list(pats)


def load_profile(path: str | Path) -> Profile:
    """Read, validate and return the profile at ``path``."""
    import yaml

    p = Path(path)
    try:
        raw = p.read_bytes() if p.stat().st_size <= MAX_PROFILE_BYTES else None
    except FileNotFoundError:
        raise ProfileError(f"{p}: no such profile") from None
    except IsADirectoryError:
        raise ProfileError(f"{p} is a directory, not a profile") from None
    except OSError as e:
        raise ProfileError(f"{p}: cannot read ({e.strerror})") from None
    if raw is None:
        raise ProfileError(f"{p}: larger than {MAX_PROFILE_BYTES // 1024} KB; not a profile")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProfileError(f"{p}: not UTF-8 text") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ProfileError(f"{p}: not valid YAML{where}: {problem}") from None
    except RecursionError:
        raise ProfileError(f"{p}: nested too deeply") from None
    prof = parse_profile(data, str(p))
    prof.path = p
    return prof


def find_profile(explicit: str | Path | None = None, *, use_default: bool = True,
                 cwd: str | Path | None = None) -> Profile | None:
    """The profile to use: ``explicit`` if given, else ``seedconv.yaml`` in
    ``cwd`` (the working directory) if it exists and ``use_default``."""
    if explicit is not None:
        return load_profile(explicit)
    if not use_default:
        return None
    p = Path(cwd or ".") / PROFILE_NAME
    return load_profile(p) if p.is_file() else None


# --------------------------------------------------------------------------
# seedconv init

DEFAULT_PROFILE = """\
# seedconv profile: what you know about this collection of PDF extractions.
# seedconv reads ./seedconv.yaml by itself (convert, normalize, review), or
# the file given with --profile FILE.  Every key is optional; a key seedconv
# does not know is an error.  Schema: schemas/seedconv-profile.schema.json.
version: 1

# Language of the documents (ISO 639-1 code such as en, de, fr); leave it
# null to detect it per document.  --language on the command line wins.
language: null

# Metadata for every document (a document's own entry below wins).
metadata: {}
#  publisher: Example University Press
#  rights: CC BY 4.0              # or licence: / license:

# Metadata per document, keyed by the input file name (with or without .txt).
# Keys: title, subtitle, authors (a name or a list), date, publisher,
# rights (or licence), language.  A value replaces what seedconv detected.
documents: {}
#  paper.txt:
#    title: The Real Title
#    subtitle: A Subtitle
#    authors: [Ann Author, Bob Writer]
#    date: "2024-03"
#    language: de

# Page furniture seedconv cannot recognise by itself: regular expressions
# (Python syntax, searched in each line).  Matching lines are removed from the
# text and kept in the document's furniture list.  Quote them with '...'.
furniture:
  patterns: []
#    - '^DRAFT - do not cite$'
#    - '^Journal of Examples, vol\\. \\d+'

# Heading rules, applied after seedconv's own heading detection.
headings:
  # A paragraph or caption whose text matches (searched, so anchor the
  # pattern with ^ and $) becomes a heading of that level; a heading that
  # matches gets that level.
  force: []
  #  - {pattern: '^Chapter [0-9]+\\b.{0,80}$', level: 2}
  #  - {pattern: '^Appendix [A-Z]$', level: 2}
  # A heading whose text matches becomes an ordinary paragraph.
  never: []
  #  - '^Table [0-9]+$'

# Output options.
output:
  # Formats 'seedconv convert' writes when -t is not given (seedconv formats).
  formats: [json, tei, md, docx, epub, txt]
"""


def write_default_profile(path: str | Path, force: bool = False) -> Path:
    """Write :data:`DEFAULT_PROFILE` to ``path`` (refuses to overwrite an
    existing file unless ``force``)."""
    from .api import atomic_write

    p = Path(path)
    if p.is_dir():
        raise ProfileError(f"{p} is a directory")
    if p.exists() and not force:
        raise ProfileError(f"{p} exists; use --force to overwrite it")
    atomic_write(p, DEFAULT_PROFILE.encode("utf-8"))
    return p
