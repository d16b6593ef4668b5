"""Issue 17: what a new user trips over. Each test goes through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_cli, run_json

CLAIM = "This miracle cream is guaranteed to work and has no side effects."


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
