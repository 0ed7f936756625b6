"""The JSON Schema: valid draft 2020-12, strict, mirrors model.py, and every
seed's document validates and round-trips through the model."""
from __future__ import annotations

import copy
import dataclasses
import json
import typing

import jsonschema
import pytest

from conftest import SEEDS
from seedconv import model
from seedconv.model import from_dict, to_dict
from seedconv.validate import SCHEMAS, validate_json_data

SCHEMA = json.loads((SCHEMAS / "seedconv.schema.json").read_text(encoding="utf-8"))
IDS = [p.stem for p in SEEDS]


def test_there_are_seeds():
    assert len(SEEDS) >= 3


def test_schema_is_valid_draft_2020_12():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert jsonschema.validators.validator_for(SCHEMA) is jsonschema.Draft202012Validator


@pytest.mark.parametrize("name", IDS)
def test_seed_json_validates(seed_docs, name):
    data = to_dict(seed_docs[name])
    assert validate_json_data(data) == []
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


@pytest.mark.parametrize("name", IDS)
def test_seed_rendered_json_validates(seed_docs, name):
    import seedconv

    data = json.loads(seedconv.render(seed_docs[name], "json"))
    assert validate_json_data(data) == []
    assert data == json.loads(json.dumps(to_dict(seed_docs[name])))


@pytest.mark.parametrize("name", IDS)
def test_model_round_trip(seed_docs, name):
    d = to_dict(seed_docs[name])
    assert to_dict(from_dict(d)) == d
    # and through real JSON (tuples become lists)
    j = json.loads(json.dumps(d))
    assert json.loads(json.dumps(to_dict(from_dict(j)))) == j


def test_sample_fixture_validates_and_round_trips():
    from pathlib import Path

    data = json.loads((Path(__file__).parent / "fixtures" / "sample_doc.json").read_text(encoding="utf-8"))
    assert validate_json_data(data) == []
    assert json.loads(json.dumps(to_dict(from_dict(data)))) == data


# --------------------------------------------------------------------------
# strictness: broken documents are rejected

@pytest.fixture(scope="module")
def base(seed_docs) -> dict:
    """The JSON of the smallest seed (validating is quicker), checked valid once."""
    name = min(SEEDS, key=lambda p: p.stat().st_size).stem
    data = json.loads(json.dumps(to_dict(seed_docs[name])))
    assert validate_json_data(data) == []
    return data


def _first(data, key, pred=lambda x: True):
    return next(i for i, x in enumerate(data[key]) if pred(x))


MUTATIONS = {
    "unknown block type": lambda d: d["blocks"].append({"type": "table", "content": [], "spans": []}),
    "unknown top-level field": lambda d: d.update(extra=1),
    "missing blocks": lambda d: d.pop("blocks"),
    "missing metadata.source": lambda d: d["metadata"].pop("source"),
    "missing paragraph content": lambda d: d["blocks"][_first(d, "blocks", lambda b: b["type"] == "paragraph")].pop("content"),
    "extra field in block": lambda d: d["blocks"][0].update(style="bold"),
    "unknown inline type": lambda d: d["blocks"][_first(d, "blocks", lambda b: b["type"] == "paragraph")]["content"].append({"type": "bold", "text": "x"}),
    "heading level 7": lambda d: d["blocks"].append({"type": "heading", "level": 7, "content": [], "spans": []}),
    "heading without level": lambda d: d["blocks"].append({"type": "heading", "content": [], "spans": []}),
    "span of three": lambda d: d["blocks"][0].update(spans=[[1, 2, 3]]),
    "span line 0": lambda d: d["blocks"][0].update(spans=[[0, 1]]),
    "link to javascript": lambda d: d["blocks"].append({"type": "paragraph", "spans": [], "content": [{"type": "link", "url": "javascript:alert(1)", "text": "x"}]}),
    "unknown furniture kind": lambda d: d["furniture"].append({"line": 1, "text": "x", "kind": "banner", "reason": ""}),
    "decision without pass": lambda d: d["decisions"].append({"action": "x", "lines": [1, 1], "before": "", "after": "", "detail": ""}),
    "bad diagnostic level": lambda d: d["diagnostics"].append({"level": "fatal", "code": "x", "message": "", "lines": None}),
    "wrong schema version": lambda d: d.update(schema_version="2.0"),
    "bad sha256": lambda d: d["metadata"]["source"].update(sha256="xyz"),
    "note label empty": lambda d: d["notes"].append({"id": "n99", "label": "", "paragraphs": [], "spans": []}),
    "list kind unknown": lambda d: d["blocks"].append({"type": "list", "kind": "dashed", "items": [], "spans": []}),
    "authors not a list": lambda d: d["metadata"].update(authors="A B"),
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_invalid_documents_are_rejected(base, name):
    bad = copy.deepcopy(base)
    MUTATIONS[name](bad)
    assert validate_json_data(bad) != []


# --------------------------------------------------------------------------
# the schema mirrors the model

_DEF_OF = {
    model.Source: "source", model.Metadata: "metadata", model.ListItem: "list_item",
    model.Note: "note", model.Furniture: "furniture", model.Decision: "decision",
    model.Diagnostic: "diagnostic",
}
_RENAME = {"pass_": "pass"}


def _schema_props(cls) -> tuple[set[str], set[str]]:
    if cls is model.Document:
        s = SCHEMA
    elif cls in _DEF_OF:
        s = SCHEMA["$defs"][_DEF_OF[cls]]
    else:  # inline or block: the oneOf branch whose type matches
        t = cls.__dataclass_fields__["type"].default
        group = "inline" if cls in typing.get_args(model.Inline) else "block"
        branches = [b for b in SCHEMA["$defs"][group]["oneOf"]
                    if b["properties"]["type"].get("const") == t or t in b["properties"]["type"].get("enum", [])]
        assert len(branches) == 1, (cls, branches)
        s = branches[0]
    assert s.get("additionalProperties") is False, cls
    return set(s["properties"]), set(s.get("required", []))


MODEL_CLASSES = [c for c in vars(model).values()
                 if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == model.__name__]


def test_all_model_classes_are_covered():
    names = {c.__name__ for c in MODEL_CLASSES}
    assert names == {"Text", "NoteRef", "Link", "Email", "Heading", "Paragraph", "Quote", "Caption",
                     "ListItem", "ListBlock", "Note", "Source", "Metadata", "Furniture", "Decision",
                     "Diagnostic", "Document"}


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_schema_mirrors_model(cls):
    props, required = _schema_props(cls)
    fields = {_RENAME.get(f.name, f.name) for f in dataclasses.fields(cls)}
    assert props == fields
    # to_dict always writes every field, so the schema requires them all
    assert required == fields
