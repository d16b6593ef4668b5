"""Kind ``input-unused-suppression`` (HL004, off by default): a ``healthlint-disable`` comment that
silences nothing, reported at the comment when asked for (``--warn-unused-suppressions`` or
selecting HL004). The engine raises it for the first active rule of this kind."""

from __future__ import annotations

import json


from helpers import HYPE, codes_at, run_cli
from kindtools import lint_one, user_rule



def test_unused_suppressions_reported_only_when_asked():
    text = f"# S\n\n<!-- healthlint-disable-next-line HL401 -->\nNothing to see here.\n\n<!-- healthlint-disable-next-line HL405 -->\n{HYPE}\n"
    assert codes_at(text) == []
    assert codes_at(text, extra=["HL004"]) == [(3, "HL004")]


def test_warn_unused_suppressions_flag(tmp_path):
    (tmp_path / "a.md").write_text("# S\n\n<!-- healthlint-disable-next-line HL401 -->\nPlain text.\n")
    assert run_cli("check", "a.md", cwd=tmp_path).returncode == 0
    proc = run_cli("check", "--warn-unused-suppressions", "a.md", cwd=tmp_path)
    assert proc.returncode == 1 and b"HL004" in proc.stdout


def test_warm_cache_remembers_which_suppressions_were_used(tmp_path):
    """A cached result keeps each directive's 'used' flag: a warm run must not call a comment that
    silenced a finding unused (it did before cache schema 2)."""
    (tmp_path / "a.md").write_text(f"# S\n\n<!-- healthlint-disable-next-line HL405 -->\n{HYPE}\n"
                                   "\n<!-- healthlint-disable-next-line HL401 -->\nPlain text.\n")
    runs = [run_cli("check", "--warn-unused-suppressions", "--format", "json", "a.md", cwd=tmp_path) for _ in range(2)]
    assert (tmp_path / ".healthlint_cache").exists()
    reports = [json.loads(r.stdout) for r in runs]
    assert reports[0] == reports[1]
    assert [(f["rule"], f["line"]) for f in reports[1]["files"][0]["findings"] if f["rule"] == "HL004"] == [("HL004", 6)]


def test_found_by_kind_not_by_code(tmp_path):
    user_rule(tmp_path, "XL004", "input-unused-suppression", "Unused: {reason}")
    text = "# S\n\n<!-- healthlint-disable-next-line HL401 -->\nNothing to see here.\n"
    [f] = lint_one(text, ["HL401", "XL004"], rule_paths=[tmp_path])
    assert (f.rule, f.line, f.message) == ("XL004", 3, "Unused: 'healthlint-disable-next-line HL401' silences nothing")
