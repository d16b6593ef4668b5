"""Kind ``input-front-matter`` (HL003): front matter that cannot be read or built is reported and
the body is still linted. (Through the CLI, with numbers and dates that cannot be built:
test_robustness.py.)"""

from __future__ import annotations

from kindtools import lint_one


def test_front_matter_that_is_not_yaml():
    findings = lint_one("---\ntitle: [unclosed\nauthor: {x\n---\n# T\n\nThis miracle pill is guaranteed to work.\n",
                        ["HL003", "HL405"])
    assert [(f.rule, f.line) for f in findings] == [("HL003", 1), ("HL405", 7)]


def test_valid_front_matter_is_quiet():
    assert lint_one("---\ntitle: Sleep\n---\n# Sleep\n\nText.\n", ["HL003"]) == []
