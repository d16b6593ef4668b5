"""Kind ``input-rule-timeout`` (HL005): a user's rule that runs out of time on a file is stopped and
named; every other rule still runs. The engine raises it for the first active rule of this kind.
(Through the CLI, and the result cache: test_robustness.py.)"""

from __future__ import annotations

from kindtools import lint_one, user_rule

SLOW = {"patterns": ["(?:[a-z]|[a-z ])+\\d"]}  # exponential backtracking when no digit follows
TEXT = "# T\n\n" + "most adults need seven or more hours of sleep each night and feel better " * 3 + "\n"


def test_a_slow_user_rule_is_stopped_and_named(tmp_path):
    user_rule(tmp_path, "XX901", "existence", "House style: '{match}'", SLOW, category="residue", scope="paragraph")
    [f] = lint_one(TEXT, ["XX901", "HL005"], rule_paths=[tmp_path], rule_timeout=0.2)
    assert f.rule == "HL005" and "rule XX901 (my-xx901) took over 0.2 s" in f.message


def test_found_by_kind_not_by_code(tmp_path):
    user_rule(tmp_path, "XX901", "existence", "House style: '{match}'", SLOW, category="residue", scope="paragraph")
    user_rule(tmp_path, "XL005", "input-rule-timeout", "Too slow: {reason}")
    [f] = lint_one(TEXT, ["XX901", "XL005"], rule_paths=[tmp_path], rule_timeout=0.2)
    assert f.rule == "XL005" and f.message.startswith("Too slow: rule XX901")
