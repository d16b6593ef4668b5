"""The SARIF report: valid against the official SARIF 2.1.0 schema, with each rule's documentation, and a
fingerprint per finding that survives edits elsewhere in the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT
from helpers import run_cli

SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def sarif_of(*args: str, cwd: Path | None = None) -> dict:
    proc = run_cli("check", "--format", "sarif", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_sarif_validates_against_the_official_schema():
    if not SCHEMA.is_file():
        pytest.skip("SARIF schema not present in ../shared/schemas")
    jsonschema = pytest.importorskip("jsonschema")
    data = sarif_of(str(EXAMPLES))
    schema = json.loads(SCHEMA.read_text())
    jsonschema.validate(data, schema)
    run = data["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert run["results"] and all(r["ruleId"] in rule_ids for r in run["results"])
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
    for r in run["results"]:
        assert r["level"] in ("error", "warning", "note")
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert r["partialFingerprints"]["healthlint/v1"]


def test_sarif_fingerprints_stable_when_lines_are_inserted(tmp_path):
    art = tmp_path / "a.md"
    body = "# Ketamine\n\nKetamine has been proven to be highly effective for depression.\n\nStudies show remarkable results after just one session.\n"
    art.write_text(body)
    before = {(r["ruleId"], r["partialFingerprints"]["healthlint/v1"]) for r in sarif_of("--select", "HL4", "a.md", cwd=tmp_path)["runs"][0]["results"]}
    art.write_text(body.replace("# Ketamine\n", "# Ketamine\n\nA new first paragraph about clinic hours.\n\nAnd another one.\n"))
    after_results = sarif_of("--select", "HL4", "a.md", cwd=tmp_path)["runs"][0]["results"]
    after = {(r["ruleId"], r["partialFingerprints"]["healthlint/v1"]) for r in after_results}
    assert before and before == after
    assert min(r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after_results) == 7
