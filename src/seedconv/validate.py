"""Validation of seedconv outputs: JSON against schemas/seedconv.schema.json,
TEI against schemas/seedconv-tei.rng.  Used by the CLI's ``validate``
command and by the tests."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parent / "schemas"


@lru_cache(maxsize=1)
def _json_validator():
    import jsonschema

    schema = json.loads((SCHEMAS / "seedconv.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_json_data(data) -> list[str]:
    errs = sorted(_json_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in errs[:20]]


def validate_path(path: Path) -> list[str]:
    try:
        raw = path.read_bytes()
    except OSError as e:
        return [f"cannot read: {e.strerror}"]
    if path.suffix == ".json" or raw.lstrip()[:1] == b"{":
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            return [f"not JSON: {e}"]
        return validate_json_data(data)
    from .tei_check import validate_tei

    return validate_tei(raw)
