"""Kind ``input-decoding`` (HL002): the parser's note that a file was decoded as a legacy encoding,
reported once, on line 1. (Run-level tests of the encodings themselves: test_robustness.py.)"""

from __future__ import annotations

from kindtools import lint_one, user_rule


def test_a_legacy_encoding_is_one_note():
    [f] = lint_one("# Café\n\nThe café is open.\n".encode("cp1252"), ["HL002"])
    assert (f.rule, f.line, f.column, f.severity) == ("HL002", 1, 1, "info")
    assert "decoded as Windows-1252" in f.message


def test_utf8_is_not_reported():
    assert lint_one("# Café\n\nThe café is open.\n".encode(), ["HL002"]) == []


def test_the_kind_reads_only_its_own_notes(tmp_path):
    # Front matter that cannot be read is a note too, but not this kind's.
    user_rule(tmp_path, "XL002", "input-decoding", "{reason}")
    text = "---\ntitle: [unclosed\n---\n# T\n\nText.\n"
    assert [f.rule for f in lint_one(text, ["XL002", "HL003"], rule_paths=[tmp_path])] == ["HL003"]
