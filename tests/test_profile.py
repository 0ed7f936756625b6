"""Profiles (seedconv.yaml): metadata overrides, furniture patterns, heading
rules, language, output formats; validation against
schemas/seedconv-profile.schema.json with errors that name the key;
``seedconv init``; the CLI's ``--profile``/``--no-profile`` and the
``seedconv.yaml`` of the working directory."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from conftest import SEEDS
from seedconv.api import normalise_file, render
from seedconv.batch import MANIFEST  # the incremental-build manifest in OUTDIR
from seedconv.cli import main
from seedconv.model import Heading, Paragraph, plain_text, to_dict
from seedconv.profile import (DEFAULT_PROFILE, SCHEMA_PATH, Profile, ProfileError, find_profile,
                              load_profile, parse_profile)
from seedconv.validate import validate_json_data
from seedconv.writers import DEFAULT_FORMATS

SEED = min(SEEDS, key=lambda p: p.stat().st_size)
NOTED = SEEDS[0]  # the seed with title, headings and notes


def run(*args, **kw):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kw)


def write(tmp_path: Path, data, name: str = "profile.yaml") -> Path:
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True),
                 encoding="utf-8")
    return p


def body_line(seed: Path) -> tuple[int, str]:
    """A line of the seed's first paragraph that no pass removes."""
    doc = normalise_file(seed)
    lines = seed.read_text(encoding="utf-8").splitlines()
    removed = {f.line for f in doc.furniture}
    para = next(b for b in doc.blocks if isinstance(b, Paragraph))
    for a, b in para.spans:
        for no in range(a, b + 1):
            if no not in removed and len(lines[no - 1].strip()) > 20:
                return no, lines[no - 1].strip()
    raise AssertionError("no body line")  # pragma: no cover


def all_text(doc) -> str:
    out = [plain_text(getattr(b, "content", [])) for b in doc.blocks]
    for b in doc.blocks:
        for item in getattr(b, "items", []):
            out.append(plain_text(item.content))
    return " ".join(" ".join(out).split())


# --------------------------------------------------------------------------
# What a profile changes


def test_profile_overrides_title_and_furniture_pattern_removes_a_line(tmp_path):
    no, text = body_line(NOTED)
    pattern = "^" + re.escape(text)
    prof = load_profile(write(tmp_path, {
        "documents": {NOTED.name: {"title": "A Title From The Profile"}},
        "furniture": {"patterns": [pattern]},
    }))
    before = normalise_file(NOTED)
    doc = normalise_file(NOTED, prof.settings_for(str(NOTED)))
    assert before.metadata.title != "A Title From The Profile"
    assert doc.metadata.title == "A Title From The Profile"
    hits = [f for f in doc.furniture if f.line == no]
    assert len(hits) == 1 and hits[0].kind == "other" and repr(pattern) in hits[0].reason
    assert hits[0].text == text
    assert not any(f.line == no for f in before.furniture)
    assert " ".join(text.split()) in all_text(before)
    assert " ".join(text.split()) not in all_text(doc)
    assert validate_json_data(json.loads(render(doc, "json"))) == []


def test_profile_in_the_working_directory_is_used_by_convert(tmp_path, monkeypatch):
    no, text = body_line(SEED)
    (tmp_path / "seedconv.yaml").write_text(yaml.safe_dump({
        "documents": {SEED.stem: {"title": "Working Directory Title", "authors": "Ann Author",
                                  "licence": "CC BY 4.0"}},
        "furniture": {"patterns": ["^" + re.escape(text)]},
        "output": {"formats": ["json", "jsonl"]},
    }), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run("convert", SEED, "-o", "out")
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name != MANIFEST) == ["json", "jsonl"]
    data = json.loads((tmp_path / "out" / "json" / f"{SEED.stem}.json").read_bytes())
    assert data["metadata"]["title"] == "Working Directory Title"
    assert data["metadata"]["authors"] == ["Ann Author"]
    assert data["metadata"]["rights"] == "CC BY 4.0"
    assert any(f["line"] == no and f["kind"] == "other" for f in data["furniture"])
    # -t wins over output.formats; --no-profile ignores the file
    r = run("convert", SEED, "-o", "out2", "-t", "json", "--no-profile")
    assert r.exit_code == 0, r.stderr
    data = json.loads((tmp_path / "out2" / "json" / f"{SEED.stem}.json").read_bytes())
    assert data["metadata"]["title"] != "Working Directory Title"
    assert not any(f["line"] == no for f in data["furniture"])
    # normalize reads it too
    r = run("normalize", SEED)
    assert json.loads(r.stdout)["metadata"]["title"] == "Working Directory Title"


def test_collection_metadata_and_document_entry(tmp_path):
    prof = load_profile(write(tmp_path, """
metadata:
  publisher: Collection Press
  rights: All rights reserved
documents:
  paper.txt:
    rights: CC0
    date: 2024-03-01
    authors: [Ann, Bob]
  other:
    subtitle: null
"""))
    md = prof.metadata_for("some/dir/paper.txt")
    assert md == {"publisher": "Collection Press", "rights": "CC0", "date": "2024-03-01",
                  "authors": ["Ann", "Bob"]}
    assert prof.metadata_for("other.txt") == {"publisher": "Collection Press",
                                              "rights": "All rights reserved"}
    assert prof.metadata_for("unknown.txt")["publisher"] == "Collection Press"


def test_language_profile_document_and_command_line(tmp_path):
    prof = load_profile(write(tmp_path, {"language": "de", "documents": {"a.txt": {"language": "fr"}}}))
    assert prof.settings_for("b.txt").language == "de"
    assert prof.settings_for("a.txt").language == "fr"
    assert prof.settings_for("a.txt", language="it").language == "it"
    doc = normalise_file(SEED, prof.settings_for(str(SEED)))
    assert doc.metadata.language == "de"


def test_heading_rules_force_and_never(tmp_path):
    before = normalise_file(NOTED)
    heads = [b for b in before.blocks if isinstance(b, Heading)]
    paras = [b for b in before.blocks if isinstance(b, Paragraph)]
    demoted = plain_text(heads[0].content).strip()
    relevel = plain_text(heads[1].content).strip()
    promoted = " ".join(plain_text(paras[0].content).split())[:30]
    prof = load_profile(write(tmp_path, {"headings": {
        "force": [{"pattern": "^" + re.escape(promoted), "level": 2},
                  {"pattern": "^" + re.escape(relevel) + "$", "level": 4}],
        "never": ["^" + re.escape(demoted) + "$"],
    }}))
    doc = normalise_file(NOTED, prof.settings_for(str(NOTED)))
    assert len(doc.blocks) == len(before.blocks)
    by_text = {" ".join(plain_text(b.content).split()): b for b in doc.blocks if hasattr(b, "content")}
    assert isinstance(by_text[demoted], Paragraph)
    assert isinstance(by_text[relevel], Heading) and by_text[relevel].level == 4
    new = next(b for t, b in by_text.items() if t.startswith(promoted))
    assert isinstance(new, Heading) and new.level == 2
    rules = [d for d in doc.decisions if d.pass_ == "profile"]
    assert len(rules) == 3 and all(d.action == "heading-rule" and d.lines[0] >= 1 for d in rules)
    assert validate_json_data(to_dict(doc)) == []


# --------------------------------------------------------------------------
# Validation


@pytest.mark.parametrize("data, key", [
    ({"colour": "red"}, "colour"),
    ({"documents": {"a.txt": {"titel": "x"}}}, "titel"),
    ({"metadata": {"isbn": "123"}}, "isbn"),
    ({"furniture": {"pattern": ["x"]}}, "pattern"),
    ({"headings": {"force": [{"pattern": "x", "level": 2, "size": 3}]}}, "size"),
    ({"output": {"format": ["json"]}}, "format"),
])
def test_unknown_key_is_an_error_naming_it(tmp_path, data, key):
    p = write(tmp_path, data)
    with pytest.raises(ProfileError, match=f"unknown key '{key}'"):
        load_profile(p)


@pytest.mark.parametrize("cmd", ["convert", "normalize", "review"])
def test_unknown_key_exit_2_one_line_on_the_cli(tmp_path, cmd):
    p = write(tmp_path, {"language": "en", "documents": {"a.txt": {"titel": "x"}}})
    extra = {"convert": ["-o", tmp_path / "out"], "normalize": [],
             "review": ["-o", tmp_path / "r.html"]}[cmd]
    r = run(cmd, SEED, *extra, "--profile", p)
    assert r.exit_code == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "'titel'" in lines[0] and lines[0].startswith("seedconv: ")
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("text, expect", [
    ("furniture:\n  patterns: ['(unclosed']\n", "furniture/patterns/0: not a regular expression"),
    ("headings:\n  force: [{pattern: '[', level: 2}]\n", "headings/force/0/pattern"),
    ("headings:\n  force: [{pattern: 'x', level: 7}]\n", "headings/force/0/level"),
    ("headings:\n  force: [{pattern: 'x'}]\n", "'level' is a required property"),
    ("language: English\n", "language"),
    ("output:\n  formats: [pdf]\n", "unknown format 'pdf'"),
    ("documents:\n  a.txt:\n    authors: 3\n", "documents/a.txt/authors"),
    ("metadata:\n  rights: a\n  licence: b\n", "only one of rights, licence"),
    ("- just\n- a list\n", "must be a mapping"),
    ("a: [\n", "not valid YAML (line 2"),
    ("version: 2\n", "version"),
    ("!!python/object/apply:os.system ['true']\n", "not valid YAML"),
])
def test_invalid_profiles(tmp_path, text, expect):
    p = write(tmp_path, text)
    with pytest.raises(ProfileError) as e:
        load_profile(p)
    assert expect in str(e.value)
    assert str(e.value).startswith(str(p))


def test_missing_profile_exit_2(tmp_path):
    r = run("convert", SEED, "-o", tmp_path / "out", "--profile", tmp_path / "nope.yaml")
    assert r.exit_code == 2
    assert r.stderr.strip() == f"seedconv: {tmp_path / 'nope.yaml'}: no such profile"


def test_empty_profile_is_no_change(tmp_path):
    prof = load_profile(write(tmp_path, ""))
    assert prof.settings_for("x.txt").metadata == {} and prof.formats is None
    assert to_dict(normalise_file(SEED, prof.settings_for(str(SEED)))) | {"generator": ""} == \
        to_dict(normalise_file(SEED)) | {"generator": ""}


def test_find_profile(tmp_path):
    assert find_profile(cwd=tmp_path) is None
    (tmp_path / "seedconv.yaml").write_text("language: fr\n", encoding="utf-8")
    assert find_profile(cwd=tmp_path).language == "fr"
    assert find_profile(cwd=tmp_path, use_default=False) is None


def test_schema_is_valid_and_matches_the_loader():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["properties"]) == {"version", "language", "metadata", "documents",
                                         "furniture", "headings", "output"}
    assert Path("schemas/seedconv-profile.schema.json").name == SCHEMA_PATH.name


# --------------------------------------------------------------------------
# seedconv init


def test_init_writes_a_valid_commented_profile(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("init")
    assert r.exit_code == 0, r.stderr
    p = tmp_path / "seedconv.yaml"
    text = p.read_text(encoding="utf-8")
    assert text == DEFAULT_PROFILE
    assert sum(ln.lstrip().startswith("#") for ln in text.splitlines()) > 20
    data = yaml.safe_load(text)
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    prof = load_profile(p)
    assert isinstance(prof, Profile) and prof.formats == list(DEFAULT_FORMATS)
    # the commented examples are valid too, once uncommented
    # (example lines are "#" and two or more spaces; prose is "# Text")
    uncommented = "\n".join(re.sub(r"^(\s*)#(\s{2,}\S.*)$", r"\1\2", ln) for ln in text.splitlines())
    uncommented = uncommented.replace("metadata: {}", "metadata:").replace("documents: {}", "documents:")
    uncommented = re.sub(r"(patterns|force|never): \[\]", r"\1:", uncommented)
    full = parse_profile(yaml.safe_load(uncommented))
    assert full.documents["paper.txt"]["authors"] == ["Ann Author", "Bob Writer"]
    assert full.furniture_patterns and full.heading_patterns and full.not_heading_patterns
    # a profile as written changes nothing: converting with it is the default
    r = run("convert", SEED, "-o", "out", "-t", "json")
    assert r.exit_code == 0


def test_init_refuses_to_overwrite_without_force(tmp_path):
    p = tmp_path / "custom.yaml"
    p.write_text("language: en\n", encoding="utf-8")
    r = run("init", p)
    assert r.exit_code == 2
    assert r.stderr.strip() == f"seedconv: {p} exists; use --force to overwrite it"
    assert p.read_text(encoding="utf-8") == "language: en\n"
    r = run("init", p, "--force")
    assert r.exit_code == 0
    assert p.read_text(encoding="utf-8") == DEFAULT_PROFILE
