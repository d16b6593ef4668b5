"""Kind ``input-invalid-suppression`` (HL007): a ``healthlint-`` comment that is not a valid
directive, reported at the comment and never silenced by suppression comments. The engine raises it
for the first active rule of this kind. (What a new user writes wrong, through the CLI:
test_new_user.py.)"""

from __future__ import annotations

from kindtools import lint_one, user_rule

CLAIM = "This miracle cream is guaranteed to work and has no side effects."


def test_a_misspelt_verb_is_reported_at_the_comment():
    findings = lint_one(f"# Cream\n\n<!-- healthlint-disabel HL403 -->\n{CLAIM}\n", ["HL403", "HL007"])
    assert [(f.rule, f.line) for f in findings] == [("HL007", 3), ("HL403", 4)]


def test_not_silenced_by_a_disable_file_comment():
    text = f"<!-- healthlint-disable-file HL007 -->\n# Cream\n\n<!-- healthlint-disable-next-line HL999 -->\n{CLAIM}\n"
    assert [(f.rule, f.line) for f in lint_one(text, ["HL007"])] == [("HL007", 4)]


def test_found_by_kind_not_by_code(tmp_path):
    user_rule(tmp_path, "XL007", "input-invalid-suppression", "Bad comment: {reason}")
    [f] = lint_one("# Cream\n\n<!-- healthlint-disabel HL403 -->\nText.\n", ["XL007"], rule_paths=[tmp_path])
    assert f.rule == "XL007" and f.line == 3 and f.message.startswith("Bad comment: ")
