"""The JSON report: the contract's keys and their order, the JSON Schema shipped in the package
(healthlint/data/report.schema.json) it matches, and docs/json-report.md describing every field the
schema names."""

from __future__ import annotations

import copy
import json
import re
from importlib import resources

import pytest

from conftest import EXAMPLES, ROOT
from helpers import run_cli, run_json

jsonschema = pytest.importorskip("jsonschema")

DOC = ROOT / "docs" / "json-report.md"


@pytest.fixture(scope="module")
def validator():
    # Loaded the way a user would: from the installed package, not from the checkout's path.
    schema = json.loads(resources.files("healthlint").joinpath("data/report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def report() -> dict:
    proc = run_cli("check", "--format", "json", "--no-cache", str(EXAMPLES))
    assert proc.returncode == 1, proc.stderr  # the examples have findings
    return json.loads(proc.stdout)


def test_json_matches_contract():
    code, data = run_json(str(EXAMPLES))
    assert code == 1
    assert list(data) == ["version", "tool", "summary", "files"]
    assert data["version"] == 1 and data["tool"]["name"] == "healthlint"
    assert list(data["summary"]) == ["files", "findings", "by_severity"]
    assert data["summary"]["files"] == len(data["files"]) >= 4
    assert data["summary"]["findings"] == sum(len(f["findings"]) for f in data["files"])
    assert sum(data["summary"]["by_severity"].values()) == data["summary"]["findings"]
    paths = [f["path"] for f in data["files"]]
    assert paths == sorted(paths)
    for f in data["files"]:
        # "sections" (readability per section) is added for articles with subheadings
        assert [k for k in f if k != "sections"] == ["path", "words", "score", "scores", "readability", "findings"]
        assert set(f["scores"]) == {"content", "evidence", "readability", "trust"}
        assert 0 <= f["score"] <= 100 and isinstance(f["words"], int)
        assert set(f["readability"]) == {"flesch_reading_ease", "flesch_kincaid_grade"}
        keys = [(x["line"], x["column"], x["rule"]) for x in f["findings"]]
        assert keys == sorted(keys)
        for x in f["findings"]:
            assert list(x)[:9] == ["rule", "name", "category", "severity", "line", "column", "end_line",
                                   "end_column", "message"]
            assert set(list(x)[9:]) <= {"suggestion", "url", "fix"}  # added: what to write, the rule's page, how to fix it
            assert x["line"] >= 1 and x["column"] >= 1
            assert (x["end_line"], x["end_column"]) >= (x["line"], x["column"])


def test_cli_json_report_validates_against_the_schema(validator, report):
    validator.validate(report)
    # The run is not trivial: it has findings, an article without any, and all score components.
    assert report["summary"]["findings"] > 0
    assert any(not f["findings"] for f in report["files"])


def test_empty_and_unreadable_files_validate(validator, tmp_path):
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02 not text")
    proc = run_cli("check", "--format", "json", "--no-cache", str(tmp_path))
    data = json.loads(proc.stdout)
    validator.validate(data)
    assert {f["readability"] == {} for f in data["files"]} == {True}
    assert any(x["category"] == "input" for f in data["files"] for x in f["findings"])


def _first_finding(doc: dict) -> dict:
    return next(x for f in doc["files"] for x in f["findings"])


@pytest.mark.parametrize("path", [
    ("version",),
    ("summary", "by_severity", "info"),
    ("files", -1, "scores"),
    ("files", -1, "path"),
    ("files", -1, "findings", 0, "line"),
    ("files", -1, "findings", 0, "message"),
])
def test_a_document_missing_a_required_field_fails(validator, report, path):
    doc = copy.deepcopy(report)
    validator.validate(doc)
    target = doc
    for p in path[:-1]:
        target = target[p]
    del target[path[-1]]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(doc)


def test_optional_url_and_fix_are_strings(validator, report):
    doc = copy.deepcopy(report)
    finding = _first_finding(doc)
    finding.update(url="https://example.org/rules/HL101", fix="Split the longest sentences.")
    finding["future_field"] = {"any": "shape"}  # new fields may be added anywhere
    validator.validate(doc)
    finding["url"] = 7
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(doc)


@pytest.mark.parametrize("path, value", [
    (("files", 0, "score"), 101),
    (("files", 0, "scores", "trust"), -1),
    (("files", 0, "words"), "many"),
    (("version",), 2),
])
def test_wrong_values_fail(validator, report, path, value):
    doc = copy.deepcopy(report)
    target = doc
    for p in path[:-1]:
        target = target[p]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(doc)


def test_docs_describe_every_schema_field_and_link_the_schema(validator):
    text = DOC.read_text()
    names: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(validator.schema)
    documented = set(re.findall(r"`([a-z_]+)`", text)) | {p.split(".")[-1] for p in re.findall(r"`([a-z_.]+)`", text)}
    assert names and not names - documented
    links = re.findall(r"\]\((\.\./healthlint/data/report\.schema\.json)\)", text)
    assert links and (DOC.parent / links[0]).resolve() == (ROOT / "healthlint" / "data" / "report.schema.json")
