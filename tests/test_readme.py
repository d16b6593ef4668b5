"""The README stays true: its rule table lists exactly the shipped rules."""

from __future__ import annotations

import re

from conftest import ROOT
from healthlint.config import Config
from healthlint.engine import load_all_rules


def test_readme_rule_table_matches_rules():
    text = (ROOT / "README.md").read_text()
    table = text.split("<!-- rules-table:start -->")[1].split("<!-- rules-table:end -->")[0]
    rows = re.findall(r"^\| (HL\d+) \| ([a-z0-9-]+) \| (\w+) \| (\w+) \|", table, re.M)
    expected = [(r.code, r.name, r.category, r.severity) for r in load_all_rules(Config())]
    assert rows == expected


def test_readme_names_the_two_setup_commands():
    text = (ROOT / "README.md").read_text()
    assert "pip install . && healthlint check examples/" in text
    assert 'pip install ".[test]" && pytest' in text
