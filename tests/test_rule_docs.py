"""Rule documentation (issue 17): the `fix` field, the generated pages in docs/rules, the links the
reports carry to them, and `healthlint explain`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest
from conftest import ROOT
from helpers import run_cli, run_json

from healthlint.config import Config
from healthlint.engine import load_all_rules
from healthlint.rules import load_rule_file
from healthlint.yamlutil import ConfigError

SHIPPED = load_all_rules(Config())


def test_every_shipped_rule_says_how_to_fix_it():
    missing = [r.code for r in SHIPPED if not r.fix.strip()]
    assert not missing, f"rules without a 'fix': {missing}"
    assert len(SHIPPED) >= 60


def test_fix_is_optional_text(tmp_path):
    base = open(next(r for r in SHIPPED if r.code == "HL103").file, encoding="utf-8").read()
    rule = tmp_path / "HL103.yaml"
    rule.write_text(re.sub(r"(?m)^fix: .*$", "fix: [a, list]", base), encoding="utf-8")
    with pytest.raises(ConfigError, match="fix") as e:
        load_rule_file(rule)
    assert "must be a string" in str(e.value)
    rule.write_text(re.sub(r"(?m)^fix: .*\n", "", base), encoding="utf-8")
    assert load_rule_file(rule)[0].fix == ""


# --- the generated pages ------------------------------------------------------------------------------

def gen_docs(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "tools" / "gen_rule_docs.py"), *args],
                          capture_output=True, text=True)


def test_committed_rule_pages_are_up_to_date(tmp_path):
    proc = gen_docs("--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "docs" / "rules").glob("*.md")}
    generated = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.md")}
    stale = sorted(n for n in committed.keys() | generated.keys() if committed.get(n) != generated.get(n))
    assert not stale, f"docs/rules is out of date ({', '.join(stale)}): run python tools/gen_rule_docs.py"
    assert gen_docs("--check").returncode == 0


def test_every_shipped_rule_has_a_page_with_its_fix():
    for r in SHIPPED:
        page = ROOT / "docs" / "rules" / f"{r.code}.md"
        assert page.is_file(), f"no page for {r.code}: run python tools/gen_rule_docs.py"
        text = page.read_text(encoding="utf-8")
        assert text.startswith(f"# {r.code} {r.name}\n") and r.fix in text
    index = (ROOT / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    assert all(f"[{r.code}]({r.code}.md)" in index for r in SHIPPED)


def test_pages_summarise_pattern_lists_instead_of_copying_them():
    hl401 = next(r for r in SHIPPED if r.code == "HL401")
    text = (ROOT / "docs" / "rules" / "HL401.md").read_text(encoding="utf-8")
    assert hl401.params["cues"][0] not in text
    assert f"{len(hl401.params['cues'])} patterns; see the rule file `rules/claim/HL401-unsourced-efficacy-claim.yaml`" in text
    assert "healthlint-disable-next-line HL401 -- reason" in text and "rules: {HL401: {params:" in text


def test_check_mode_lists_stale_and_orphan_pages(tmp_path):
    assert gen_docs("--out", str(tmp_path)).returncode == 0
    assert gen_docs("--check", "--out", str(tmp_path)).returncode == 0
    (tmp_path / "HL103.md").write_text("edited by hand\n", encoding="utf-8")
    (tmp_path / "HL999.md").write_text("a rule that no longer exists\n", encoding="utf-8")
    proc = gen_docs("--check", "--out", str(tmp_path))
    assert proc.returncode == 1
    assert "HL103.md" in proc.stdout and "HL999.md" in proc.stdout and "HL105.md" not in proc.stdout
    assert gen_docs("--out", str(tmp_path)).returncode == 0  # regenerating repairs both
    assert not (tmp_path / "HL999.md").exists() and gen_docs("--check", "--out", str(tmp_path)).returncode == 0


# --- links from the reports ---------------------------------------------------------------------------

CLAIM = "# Ketamine\n\nKetamine infusion therapy has been proven to be highly effective for depression.\n\nWe say zzhouse here.\n"
HOUSE_RULE = """code: XX901
name: house-style
category: residue
severity: warning
check: existence
scope: paragraph
params:
  patterns: [zzhouse]
message: "House style: '{match}'"
summary: A house rule.
rationale: Ours, for our readers.
sources: [{title: Our style guide}]
examples:
  bad: "zzhouse"
  good: "bbbb"
"""


def project(tmp_path: Path) -> Path:
    (tmp_path / "myrules").mkdir()
    (tmp_path / "myrules" / "house.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    (tmp_path / ".healthlint.yaml").write_text("rule-paths: [myrules]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(CLAIM, encoding="utf-8")
    return tmp_path


def page_of(uri: str) -> Path:
    assert uri.startswith("file:"), uri
    return Path(url2pathname(urlparse(uri).path))


def test_sarif_rules_link_their_page_and_say_how_to_fix(tmp_path):
    proc = run_cli("check", "--no-cache", "--format", "sarif", "a.md", cwd=project(tmp_path))
    assert proc.returncode == 1, proc.stderr
    rules = {r["id"]: r for r in json.loads(proc.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    hl401 = rules["HL401"]
    page = page_of(hl401["helpUri"])
    assert page.is_file() and page.name == "HL401.md"
    assert page.read_text(encoding="utf-8").startswith("# HL401 unsourced-efficacy-claim")
    fix = next(r.fix for r in SHIPPED if r.code == "HL401")
    assert hl401["help"]["text"] == fix
    assert "How to fix" in hl401["help"]["markdown"] and fix in hl401["help"]["markdown"]
    # a rule of the user's own, with no page and no fix: no link, and its rationale as help
    assert "helpUri" not in rules["XX901"] and rules["XX901"]["help"]["text"] == "Ours, for our readers."


def test_json_findings_carry_url_and_fix_beside_the_contract_keys(tmp_path):
    code, data = run_json("--no-cache", "a.md", cwd=project(tmp_path))
    assert code == 1
    found = {f["rule"]: f for f in data["files"][0]["findings"]}
    hl401 = found["HL401"]
    assert list(hl401)[:9] == ["rule", "name", "category", "severity", "line", "column", "end_line",
                               "end_column", "message"]  # the contract's keys first, unchanged
    assert page_of(hl401["url"]).is_file() and page_of(hl401["url"]).name == "HL401.md"
    assert hl401["fix"] == next(r.fix for r in SHIPPED if r.code == "HL401")
    assert "url" not in found["XX901"] and "fix" not in found["XX901"]


def test_json_links_survive_the_cache(tmp_path):
    project(tmp_path)
    first = run_cli("check", "--format", "json", "--cache-dir", "c", "a.md", cwd=tmp_path).stdout
    second = run_cli("check", "--format", "json", "--cache-dir", "c", "a.md", cwd=tmp_path).stdout
    assert b'"fix": ' in first and first == second


# --- healthlint explain ---------------------------------------------------------------------------------

def test_explain_is_for_people_and_keeps_patterns_for_verbose():
    hl401 = next(r for r in SHIPPED if r.code == "HL401")
    cue = hl401.params["cues"][-1]
    proc = run_cli("explain", "HL401")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    for part in ("HL401 unsourced-efficacy-claim", hl401.summary, "What it finds:", "Why:", "How to fix:",
                 "Sources:", "Bad example", "Good example", "negation_window=6", "run with --verbose"):
        assert part in out, part
    assert " ".join(out.split("How to fix:")[1].split("Sources:")[0].split()) == hl401.fix
    assert cue not in out and "\\b" not in out  # no raw pattern without --verbose
    assert out.index("How to fix:") < out.index("Thresholds:")  # the human text first
    doc = [ln for ln in out.splitlines() if ln.startswith("Documentation: ")]
    assert len(doc) == 1 and page_of(doc[0].split(" ", 1)[1]).is_file()
    for flag in ("--verbose", "-v"):
        verbose = run_cli("explain", "HL401", flag).stdout.decode()
        assert f"    - {cue}\n" in verbose and "How to fix:" in verbose and "run with --verbose" not in verbose
