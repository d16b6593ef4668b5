"""Every rule's own bad and good examples, run through the whole engine with only that rule on."""

from __future__ import annotations

import pytest

from healthlint.config import Config, from_mapping
from healthlint.engine import Linter, load_all_rules

RULES = load_all_rules(Config())


def _linter(rule, example) -> Linter:
    cfg = from_mapping(example.params or None, None, None, Config().root)
    # The rule itself, plus any rules the example's config adds to run beside it.
    return Linter(cfg, select=[rule.code, *cfg.extend_select])


def _lint_all(rule, examples):
    """Each example as its own run; for cross-file (corpus) rules, all examples as one run."""
    from healthlint.checks import get_kind

    linter = _linter(rule, examples[0])
    ext = {"markdown": "md", "html": "html", "text": "txt"}[examples[0].format]
    items = [(f"example-{i}.{ext}", ex.text, ex.format) for i, ex in enumerate(examples)]
    if get_kind(rule.check).corpus:
        return [f for fr in linter.lint_sources(items).files for f in fr.findings]
    return [[f for f in linter.lint_sources([item]).files[0].findings] for item in items]


def test_rules_found():
    assert len(RULES) >= 10
    assert len({r.code for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_bad_examples_trigger(rule):
    from healthlint.checks import get_kind

    results = _lint_all(rule, rule.bad)
    if get_kind(rule.check).corpus:
        assert any(f.rule == rule.code for f in results), f"{rule.code} did not fire on its bad examples"
        return
    for i, findings in enumerate(results):
        assert rule.code in [f.rule for f in findings], f"{rule.code} did not fire on bad example {i}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_good_examples_pass(rule):
    from healthlint.checks import get_kind

    results = _lint_all(rule, rule.good)
    if get_kind(rule.check).corpus:
        results = [results]
    for i, findings in enumerate(results):
        hits = [f for f in findings if f.rule == rule.code]
        assert not hits, f"{rule.code} fired on good example {i}: {hits}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    assert rule.summary and rule.rationale and rule.sources
    assert all(s.get("title") for s in rule.sources)
