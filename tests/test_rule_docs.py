"""Rule documentation (issue 17): the `fix` field, the generated pages in docs/rules, the links the
reports carry to them, and `healthlint explain`."""

from __future__ import annotations

import re

import pytest

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
