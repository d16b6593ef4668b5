"""The registry of check kinds (healthlint.checks) and the kind contract (healthlint.checks.base)."""

from __future__ import annotations

import pytest

from healthlint.checks import get_kind, kind_names, register
from healthlint.checks.base import SCOPES, Check
from healthlint.config import Config
from healthlint.engine import load_all_rules


def test_every_kind_is_a_check_registered_under_its_own_name():
    names = kind_names()
    assert len(names) >= 20
    for name in names:
        kind = get_kind(name)
        assert kind is not None and issubclass(kind, Check) and kind.kind == name
        assert kind.scopes and set(kind.scopes) <= set(SCOPES)


def test_every_shipped_rule_names_a_registered_kind():
    assert {r.check for r in load_all_rules(Config())} <= set(kind_names())


def test_an_unknown_kind_is_none():
    assert get_kind("no-such-kind") is None


def test_two_kinds_cannot_share_a_name():
    existing = get_kind("metric")

    class Impostor(Check):
        kind = "metric"

    with pytest.raises(ValueError, match="two check kinds are named 'metric'"):
        register(Impostor)
    assert get_kind("metric") is existing

