"""Every rule's own bad and good examples, run through the whole engine with only that rule on."""

from __future__ import annotations

import pytest

from healthlint.config import Config, from_mapping
from healthlint.engine import Linter, load_all_rules

RULES = load_all_rules(Config())


def _linter(rule, example) -> Linter:
    cfg = from_mapping(example.params or None, None, None, Config().root)
    return Linter(cfg, select=[rule.code])


def _lint(rule, example):
    linter = _linter(rule, example)
    ext = {"markdown": "md", "html": "html", "text": "txt"}[example.format]
    if isinstance(example.text, bytes):
        return linter.lint_bytes(example.text, f"example.{ext}", example.format)
    return linter.lint_text(example.text, f"example.{ext}", example.format)


def test_rules_found():
    assert len(RULES) >= 10
    assert len({r.code for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_bad_examples_trigger(rule):
    for ex in rule.bad:
        result = _lint(rule, ex)
        codes = [f.rule for f in result.findings]
        assert rule.code in codes, f"{rule.code} did not fire on its bad example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_good_examples_pass(rule):
    for ex in rule.good:
        result = _lint(rule, ex)
        hits = [f for f in result.findings if f.rule == rule.code]
        assert not hits, f"{rule.code} fired on its good example: {hits}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    assert rule.summary and rule.rationale and rule.sources
    assert all(s.get("title") for s in rule.sources)
