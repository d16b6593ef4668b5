"""The command line as CONTRACT.md describes it, run in a real subprocess."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

from conftest import EXAMPLES, FIXTURES, ROOT
from helpers import run_cli, run_json

LINE_RE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>HL\d{3}) \[(?P<sev>error|warning|info)\] .+$")


def test_examples_exit_1_with_positions():
    proc = run_cli("check", "--format", "concise", str(EXAMPLES))
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.decode().splitlines()
    findings = [ln for ln in lines[:-1]]
    assert findings and all(LINE_RE.match(ln) for ln in findings), findings
    assert lines[-1].startswith("Found ")


def test_clean_example_exits_0():
    proc = run_cli("check", str(EXAMPLES / "clean" / "sleep-apnea.md"))
    assert proc.returncode == 0, proc.stdout.decode()
    assert proc.stdout.decode().strip().endswith("No findings in 1 file.")


def test_console_script_installed():
    script = Path(sys.executable).parent / ("healthlint.exe" if os.name == "nt" else "healthlint")
    exe = str(script) if script.exists() else shutil.which("healthlint")
    assert exe, "the healthlint console script is not installed"
    import subprocess

    proc = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and "healthlint" in proc.stdout


def test_paths_stay_relative(tmp_path):
    art = tmp_path / "a.md"
    art.write_text("# Title\n\nShort text.\n")
    code, data = run_json("a.md", cwd=tmp_path)
    assert data["files"][0]["path"] == "a.md"


def test_college_level_text_gets_readability_finding_and_sixth_grade_does_not():
    code, data = run_json(str(FIXTURES / "college-level.txt"), str(FIXTURES / "sixth-grade.txt"))
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    college, simple = by_name["college-level.txt"], by_name["sixth-grade.txt"]
    assert 600 <= college["words"] <= 800 and 600 <= simple["words"] <= 800
    assert any(x["category"] == "readability" and x["rule"] == "HL101" for x in college["findings"])
    assert college["readability"]["flesch_kincaid_grade"] > 12
    assert not [x for x in simple["findings"] if x["category"] == "readability"], simple["findings"]
    assert simple["readability"]["flesch_kincaid_grade"] <= 6
    assert college["score"] < simple["score"]


def test_html_finding_points_at_html_line(tmp_path):
    long_sentence = "Word " + " ".join(["word"] * 19) + " and " + " ".join(["more"] * 20) + "."
    html = (
        "<!DOCTYPE html>\n<html>\n<head><title>T</title>\n<script>var x = 1;</script>\n</head>\n<body>\n"
        "<nav>Home | About</nav>\n<h1>Heading</h1>\n<p>Short one.</p>\n"
        f"<div class='x'>\n  <p>Intro text. {long_sentence}</p>\n</div>\n</body>\n</html>\n"
    )
    (tmp_path / "page.html").write_text(html)
    code, data = run_json("--select", "HL103", "page.html", cwd=tmp_path)
    [finding] = data["files"][0]["findings"]
    lines = html.split("\n")
    assert finding["line"] == 11
    line = lines[finding["line"] - 1]
    assert line[finding["column"] - 1 :].startswith("Word word")
    assert finding["end_line"] == 11
    assert line[: finding["end_column"] - 1].endswith("more.")


def test_rules_lists_every_rule():
    proc = run_cli("rules")
    assert proc.returncode == 0
    listed = {ln.split()[0] for ln in proc.stdout.decode().splitlines() if ln.strip()}
    files = {p.name.split("-")[0] for p in (ROOT / "rules").rglob("*.yaml")}
    assert files <= listed and len(listed) >= 10


def test_explain_shows_docs_sources_examples():
    proc = run_cli("explain", "HL101")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    for part in ("HL101 reading-grade-too-high", "Sources:", "NIH", "Bad example", "Good example", "max=8"):
        assert part in out, part
    assert run_cli("explain", "HL999").returncode == 2


def test_bad_config_exits_2_naming_file_key_line(tmp_path):
    (tmp_path / ".healthlint.yaml").write_text("audience: patient\nrules:\n  HL103:\n    params:\n      max_words: -4\n")
    (tmp_path / "a.md").write_text("# T\n\nText.\n")
    proc = run_cli("check", "a.md", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert ".healthlint.yaml:5" in err and "max_words" in err and "at least 1" in err


def test_unknown_config_key_exits_2(tmp_path):
    (tmp_path / ".healthlint.yaml").write_text("audience: patient\nfail_level: error\n")
    (tmp_path / "a.md").write_text("# T\n\nText.\n")
    proc = run_cli("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert ".healthlint.yaml:2" in proc.stderr.decode() and "fail_level" in proc.stderr.decode()


def test_binary_file_is_an_input_finding_and_others_are_linted(tmp_path):
    (tmp_path / "broken.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "fine.md").write_text("# Fine\n\nThis article is short and plain.\n")
    code, data = run_json(".", cwd=tmp_path)
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    [inp] = by_name["broken.md"]["findings"]
    assert inp["category"] == "input" and inp["rule"] == "HL001" and "binary" in inp["message"]
    assert [x for x in by_name["fine.md"]["findings"] if x["category"] != "seo"] == []  # (a short page: HL711 info)
    assert code == 1


def test_fail_on_and_exit_zero(tmp_path):
    (tmp_path / "a.md").write_text("# T\n\nKetamine is used. Ketamine is studied. Ketamine is given.\n")
    assert run_cli("check", "--select", "HL107", "a.md", cwd=tmp_path).returncode == 0  # info < warning
    assert run_cli("check", "--select", "HL107", "--fail-on", "info", "a.md", cwd=tmp_path).returncode == 1
    assert run_cli("check", "--select", "HL107", "--fail-on", "info", "--exit-zero", "a.md", cwd=tmp_path).returncode == 0


def test_select_and_ignore_prefixes(tmp_path):
    code, data = run_json("--select", "HL1", "--ignore", "HL101,HL102", str(FIXTURES / "college-level.txt"))
    rules = {x["rule"] for x in data["files"][0]["findings"]}
    assert rules and all(r.startswith("HL1") for r in rules)
    assert not rules & {"HL101", "HL102"}


def test_output_file_and_stdin(tmp_path):
    out = tmp_path / "report.json"
    proc = run_cli("check", "--format", "json", "--output", str(out), "-", stdin=(FIXTURES / "college-level.txt").read_bytes())
    assert proc.returncode == 1 and proc.stdout == b""
    data = json.loads(out.read_text())
    assert data["files"][0]["path"] == "-" and data["files"][0]["findings"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".healthlint-")]


def test_missing_path_exits_2(tmp_path):
    proc = run_cli("check", "nope.md", cwd=tmp_path)
    assert proc.returncode == 2 and "nope.md" in proc.stderr.decode()


def test_bad_option_exits_2():
    assert run_cli("check", "--format", "xml", ".").returncode == 2


def test_text_output_has_no_color_when_piped():
    proc = run_cli("check", str(FIXTURES / "college-level.txt"))
    assert b"\x1b[" not in proc.stdout
