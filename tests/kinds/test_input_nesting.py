"""Kind ``input-nesting`` (HL006): quotes or lists nested deeper than the Markdown parser reads are
reported, not silently left out. (Through the CLI: test_robustness.py.)"""

from __future__ import annotations

from kindtools import lint_one


def test_deep_quotes_are_reported_once():
    [f] = lint_one("# T\n\n" + "> " * 25 + "Hidden text.\n", ["HL006"])
    assert f.rule == "HL006" and "nested deeper" in f.message


def test_shallow_nesting_is_quiet():
    assert lint_one("# T\n\n> > Quoted twice.\n\n- a\n  - b\n", ["HL006"]) == []
