"""Kind ``input-unreadable`` (HL001): a file that cannot be read or decoded gets one finding. The
engine raises it for every active rule of this kind, found by kind, not by code. The run-level
guarantees (binary files, permissions, vanishing files, size limits) are in test_robustness.py."""

from __future__ import annotations

from kindtools import linter, user_rule


def test_every_rule_of_the_kind_is_raised_for_an_unreadable_file(tmp_path):
    user_rule(tmp_path / "mine", "XL001", "input-unreadable", "Not linted: {reason}")
    result = linter(["HL001", "XL001"], [tmp_path / "mine"]).input_failure("a.md", "cannot read file: gone")
    assert [(f.rule, f.message) for f in result.findings] == [
        ("HL001", "File could not be linted: cannot read file: gone"), ("XL001", "Not linted: cannot read file: gone")]
    assert result.score == 0


def test_binary_data_is_one_finding_on_line_one():
    lint = linter(["HL001"])
    [f] = lint.lint_bytes(bytes(range(256)) * 4, "a.md").findings
    assert (f.rule, f.line, f.column) == ("HL001", 1, 1) and "binary" in f.message


def test_its_check_finds_nothing_in_a_readable_document():
    assert linter(["HL001"]).lint_text("# T\n\nText.\n", "a.md").findings == []
