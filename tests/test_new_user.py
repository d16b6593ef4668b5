"""Issue 17: what a new user trips over. Each test goes through the real CLI. Items 5 (the text report:
grouped, concise, quiet, min-severity, source) and 6 (GitHub annotations and step summary) are tested
in report/test_text.py and report/test_github.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import CLAIM, run_cli, run_json


def findings(data: dict) -> list[tuple[int, str]]:
    return sorted((x["line"], x["rule"]) for f in data["files"] for x in f["findings"])


# --- 1. suppression comments silence exactly what they name ---------------------------------------

def test_disable_line_silences_its_own_line_only(tmp_path):
    (tmp_path / "a.md").write_text(
        f"# Cream\n\n{CLAIM} <!-- healthlint-disable-line HL403 -->\n\n{CLAIM}\n", encoding="utf-8")
    _, data = run_json("--select", "HL403,HL405,HL007", "a.md", cwd=tmp_path)
    # Line 3 keeps its hype finding, loses only HL403; line 5 keeps both.
    assert findings(data) == [(3, "HL405"), (5, "HL403"), (5, "HL405")]


def test_a_note_is_never_read_as_codes_and_a_reason_goes_after_two_dashes(tmp_path):
    (tmp_path / "a.md").write_text(
        "# Cream\n\n"
        "<!-- healthlint-disable-next-line HL403 (approved by the health team) -->\n"
        f"{CLAIM}\n\n"
        "<!-- healthlint-disable-next-line HL403 -- approved by the health team -->\n"
        f"{CLAIM}\n", encoding="utf-8")
    _, data = run_json("--select", "HL403,HL405,HL007", "a.md", cwd=tmp_path)
    got = findings(data)
    # The first comment is invalid: it silences nothing (not even HL403) and says why.
    assert (3, "HL007") in got and (4, "HL403") in got and (4, "HL405") in got
    # The second silences HL403 only; the reason is not a code, so HL405 stays.
    assert (7, "HL405") in got and (7, "HL403") not in got
    msg = next(x["message"] for f in data["files"] for x in f["findings"] if x["rule"] == "HL007")
    assert "'(approved' is not a rule code" in msg and "--" in msg


@pytest.mark.parametrize("comment, expected", [
    ("<!-- healthlint-disabel HL403 -->", "did you mean 'healthlint-disable'"),
    ("<!-- healthlint-disable-next-line HL999 -->", "no rule code starts with 'HL999'"),
    ("<!-- healthlint-disable-next-line LINE -->", "no rule code starts with 'LINE'"),
])
def test_a_misspelt_directive_is_reported_not_ignored(tmp_path, comment, expected):
    (tmp_path / "a.md").write_text(f"# Cream\n\n{comment}\n{CLAIM}\n", encoding="utf-8")
    _, data = run_json("--select", "HL403,HL007", "a.md", cwd=tmp_path)
    assert [(x["rule"], x["line"]) for f in data["files"] for x in f["findings"]] == [("HL007", 3), ("HL403", 4)]
    assert expected in data["files"][0]["findings"][0]["message"]


def test_valid_directives_raise_nothing(tmp_path):
    (tmp_path / "a.md").write_text(
        "# Cream\n\n<!-- healthlint-disable HL4, HL5 -->\n" + CLAIM + "\n<!-- healthlint-enable HL4, HL5 -->\n",
        encoding="utf-8")
    code, data = run_json("--select", "HL403,HL007", "a.md", cwd=tmp_path)
    assert code == 0 and findings(data) == []


# --- 2. unknown codes stop the run -----------------------------------------------------------------

@pytest.mark.parametrize("args, needle", [
    (["--select", "HL999"], "'HL999'; did you mean"),
    (["--select", "XYZ"], "'XYZ'"),
    (["--ignore", "HL9"], "'HL9'"),
    (["--select", "HL4,HL4O1"], "'HL4O1'"),
])
def test_unknown_codes_on_the_command_line_exit_2_with_suggestions(tmp_path, args, needle):
    (tmp_path / "a.md").write_text(f"# Cream\n\n{CLAIM}\n", encoding="utf-8")
    proc = run_cli("check", *args, "a.md", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout
    assert needle in proc.stderr.decode()


def test_unknown_codes_in_config_exit_2_naming_file_line_and_key(tmp_path):
    (tmp_path / "a.md").write_text(f"# Cream\n\n{CLAIM}\n", encoding="utf-8")
    (tmp_path / ".healthlint.yaml").write_text("audience: patient\nselect: [HL401, HL999]\n", encoding="utf-8")
    proc = run_cli("check", "a.md", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert ".healthlint.yaml:2" in err and "'select'" in err and "HL999" in err and "HL409" in err


# --- 3. .gitignore, .ignore and the default excludes -----------------------------------------------

def _git(cwd: Path, *args: str) -> None:
    import subprocess

    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_gitignore_ignore_and_default_excludes_are_respected_in_a_real_repository(tmp_path):
    _git(tmp_path, "init", "-q")
    article = f"# Cream\n\n{CLAIM}\n"
    for rel in ("site/a.md", "site/legacy/old.md", "site/legacy/deep/kept.md", "site/drafts/d.md",
                "site/node_modules/pkg/README.md", "site/venv/lib/x.md", "site/keep.md"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(article, encoding="utf-8")
    # gitwildmatch: "legacy/*.md" does not cross folders; "!" re-includes; .ignore is read too.
    (tmp_path / ".gitignore").write_text("site/legacy/*.md\n*.md\n!site/**/\n!site/a.md\n!site/legacy/deep/kept.md\n", encoding="utf-8")
    (tmp_path / "site" / ".ignore").write_text("drafts/\n", encoding="utf-8")
    _, data = run_json("--select", "HL403", "site", cwd=tmp_path)
    linted = sorted(f["path"] for f in data["files"])
    assert linted == ["site/a.md", "site/legacy/deep/kept.md"]
    # Turned off, the ignore files no longer apply; the default excludes still do.
    _, data = run_json("--select", "HL403", "--no-respect-gitignore", "site", cwd=tmp_path)
    linted = sorted(f["path"] for f in data["files"])
    assert linted == ["site/a.md", "site/drafts/d.md", "site/keep.md", "site/legacy/deep/kept.md", "site/legacy/old.md"]
    # A file or an ignored folder named on the command line is linted.
    _, data = run_json("--select", "HL403", "site/keep.md", "site/drafts", cwd=tmp_path)
    assert sorted(f["path"] for f in data["files"]) == ["site/drafts/d.md", "site/keep.md"]


# --- 4. which config is used, and the effective settings ------------------------------------------

def test_two_config_files_in_one_folder_say_which_is_used(tmp_path):
    (tmp_path / "a.md").write_text(f"# Cream\n\n{CLAIM}\n", encoding="utf-8")
    (tmp_path / ".healthlint.yaml").write_text("select: [HL403]\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.healthlint]\nselect = ['HL405']\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", "a.md", cwd=tmp_path)
    assert "pyproject.toml in the same folder is ignored" in proc.stderr.decode()
    assert {x["rule"] for f in json.loads(proc.stdout)["files"] for x in f["findings"]} == {"HL403"}


def test_config_command_prints_effective_settings_and_their_origin(tmp_path):
    (tmp_path / ".healthlint.yaml").write_text("audience: professional\n\nfail-on: error\n", encoding="utf-8")
    out = run_cli("config", cwd=tmp_path).stdout.decode()
    assert "audience: \"professional\"  # " in out and ".healthlint.yaml:1" in out
    assert "fail-on: \"error\"  # " in out and ".healthlint.yaml:3" in out
    assert "respect-gitignore: true  # default" in out
    data = json.loads(run_cli("config", "--format", "json", cwd=tmp_path).stdout)
    assert data["settings"]["audience"] == {"value": "professional", "from": str(tmp_path / ".healthlint.yaml") + ":1"}
    assert "HL401" in data["active_rules"]


# --- 7. a team's published rule pages --------------------------------------------------------------

def test_docs_url_points_every_report_at_the_published_pages(tmp_path):
    (tmp_path / "a.md").write_text(f"# Cream\n\n{CLAIM}\n", encoding="utf-8")
    (tmp_path / ".healthlint.yaml").write_text("docs-url: https://health.example.org/lint/rules/\n", encoding="utf-8")
    _, data = run_json("--select", "HL403", "a.md", cwd=tmp_path)
    [f] = data["files"][0]["findings"]
    assert f["url"] == "https://health.example.org/lint/rules/HL403.md"
    sarif = json.loads(run_cli("check", "--format", "sarif", "--select", "HL403", "a.md", cwd=tmp_path).stdout)
    [rule] = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert rule["helpUri"] == "https://health.example.org/lint/rules/HL403.md"
    run_cli("check", "--format", "html", "--output", "r.html", "--select", "HL403", "a.md", cwd=tmp_path)
    assert 'href="https://health.example.org/lint/rules/HL403.md"' in (tmp_path / "r.html").read_text(encoding="utf-8")
    (tmp_path / ".healthlint.yaml").write_text("docs-url: javascript:alert(1)\n", encoding="utf-8")
    proc = run_cli("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and "'docs-url'" in proc.stderr.decode()
