"""Issue 6: suppression comments, baselines, statistics, progress. The SARIF and GitHub annotation
tests are in report/test_sarif.py and report/test_github.py; the pre-commit and browser tests are in
test_precommit.py and report/test_html.py."""

from __future__ import annotations

import json
from pathlib import Path


from conftest import EXAMPLES, ROOT
from helpers import EFFICACY, HYPE, codes_at, run_cli


# --- suppression comments -------------------------------------------------------------------------------

CLAIM = EFFICACY


def test_disable_enable_block_for_one_code():
    text = f"# S\n\n<!-- healthlint-disable HL401 -->\n{CLAIM} {HYPE}\n<!-- healthlint-enable HL401 -->\n\n{CLAIM}\n"
    assert codes_at(text) == [(4, "HL405"), (7, "HL401")]


def test_disable_next_line_only_that_line():
    text = f"# S\n\n<!-- healthlint-disable-next-line HL401 -->\n{CLAIM}\n\n{CLAIM}\n"
    assert codes_at(text) == [(6, "HL401")]


def test_disable_without_codes_silences_everything_until_enable():
    text = f"# S\n\n<!-- healthlint-disable -->\n{CLAIM} {HYPE}\n<!-- healthlint-enable -->\n\n{HYPE}\n"
    assert codes_at(text) == [(7, "HL405")]


def test_disable_file_with_prefix():
    text = f"<!-- healthlint-disable-file HL40 -->\n# S\n\n{CLAIM} {HYPE}\n"
    assert codes_at(text) == []
    assert codes_at(text.replace("HL40", "HL405")) == [(4, "HL401")]


def test_suppression_in_html():
    text = f"<html><body><h1>S</h1>\n<!-- healthlint-disable-next-line HL405 -->\n<p>{CLAIM} {HYPE}</p>\n</body></html>\n"
    assert codes_at(text, "html") == [(3, "HL401")]


# --- baseline ---------------------------------------------------------------------------------------------

def test_baseline_reports_only_new_findings_after_edits(tmp_path):
    art = tmp_path / "article.md"
    original = (EXAMPLES / "spammy" / "ketamine-austin.html").read_text()
    art = tmp_path / "ketamine.html"
    art.write_text(original)
    assert run_cli("check", "--write-baseline", "base.json", "ketamine.html", cwd=tmp_path).returncode == 0
    base = json.loads((tmp_path / "base.json").read_text())
    assert len(base["findings"]) > 20
    assert run_cli("check", "--baseline", "base.json", "ketamine.html", cwd=tmp_path).returncode == 0
    edited = original.replace(
        "<main>", "<main>\n<p>Opening hours are nine to five.</p>\n<p>Parking is behind the building.</p>\n", 1,
    ).replace(
        "<p>Share this:</p>", "<p>Share this:</p>\n<p>Our nasal spray offers rapid relief from migraines.</p>", 1,
    )
    art.write_text(edited)
    proc = run_cli("check", "--baseline", "base.json", "--format", "json", "--select", "HL4,HL5", "ketamine.html", cwd=tmp_path)
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    # Only the new sentence is reported (by each claim rule that reads it), nothing the baseline holds.
    assert findings and all("rapid relief" in f["message"] for f in findings)
    assert "HL401" in {f["rule"] for f in findings}


def test_bad_baseline_file_exits_2(tmp_path):
    (tmp_path / "b.json").write_text("{\"version\": 7}")
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    proc = run_cli("check", "--baseline", "b.json", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and b"b.json" in proc.stderr


# --- statistics and progress --------------------------------------------------------------------------------

def test_statistics(tmp_path):
    proc = run_cli("check", "--statistics", str(EXAMPLES / "spammy"))
    lines = proc.stdout.decode().splitlines()
    counts = [int(ln.split()[0]) for ln in lines[:-1]]
    assert counts == sorted(counts, reverse=True) and sum(counts) == int(lines[-1].split()[0])
    data = json.loads(run_cli("check", "--statistics", "--format", "json", str(EXAMPLES / "spammy")).stdout)
    assert sum(d["count"] for d in data) == sum(counts)


def test_progress_only_on_request_or_terminal(tmp_path):
    for i in range(25):
        (tmp_path / f"a{i}.md").write_text(f"# A{i}\n\nShort text number {i}.\n")
    quiet = run_cli("check", ".", cwd=tmp_path)
    assert b"Linting" not in quiet.stderr  # not a terminal
    forced = run_cli("check", "--progress", "--format", "json", ".", cwd=tmp_path)
    assert b"Linting" in forced.stderr
    json.loads(forced.stdout)  # the report itself stays clean JSON


# --- examples/ci ------------------------------------------------------------------------------------------

def test_ci_examples_are_valid_yaml_and_use_healthlint():
    import yaml

    wf = yaml.safe_load((EXAMPLES / "ci" / "github-actions.yml").read_text())
    steps = [s for job in wf["jobs"].values() for s in job["steps"]]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "pip install" in runs and "healthlint check" in runs and "--format sarif" in runs
    assert any("upload-sarif" in s.get("uses", "") for s in steps)
    pc = yaml.safe_load((EXAMPLES / "ci" / "pre-commit-config.yaml").read_text())
    assert pc["repos"][0]["hooks"][0]["id"] == "healthlint"
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["id"] == "healthlint" and hooks[0]["require_serial"] is True
    assert set(hooks[0]["types_or"]) == {"markdown", "html", "plain-text"}


# --- cache and cross-file results ---------------------------------------------------------------------

SHARED_PARA = ("Our caring team offers same-day appointments, accepts most insurance plans, and will help you "
               "understand every option before you decide on any treatment at all.")


def test_warm_run_still_finds_new_cross_file_duplicates(tmp_path):
    (tmp_path / "a.md").write_text(f"# A\n\n{SHARED_PARA}\n")
    (tmp_path / "b.md").write_text("# B\n\nA different paragraph about parking, opening hours and the lift to the second floor.\n")

    def hl203() -> list:
        proc = run_cli("check", "--format", "json", "--select", "HL203", "--cache-dir", "cache", ".", cwd=tmp_path)
        return [(Path(f["path"]).name, x["line"]) for f in json.loads(proc.stdout)["files"] for x in f["findings"]]

    assert hl203() == [] and hl203() == []  # cold, then warm (stored cross-file result reused)
    (tmp_path / "b.md").write_text(f"# B\n\n{SHARED_PARA}\n")
    assert hl203() == [("a.md", 3), ("b.md", 3)]  # one file changed: recomputed, both copies found
    (tmp_path / "c.md").write_text(f"# C\n\n{SHARED_PARA}\n")
    assert hl203() == [("a.md", 3), ("b.md", 3), ("c.md", 3)]  # a file added
    (tmp_path / "a.md").unlink()
    assert hl203() == [("b.md", 3), ("c.md", 3)]  # a file removed
