"""The rule set of a run: every rule file loaded, and the rules the config and the command line
switch on, each with its severity and its check kind built (:func:`build_ruleset`). Codes named in
the config or on the command line are checked here: one that names no rule stops the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .checks import get_kind
from .checks.base import Check, RunSettings
from .config import Config
from .findings import Finding, fingerprint_base, lower_severity
from .rules import (Rule, builtin_rules_dir, check_unique, load_rule_folder, nearest_codes, retired_overrides, unknown_code,
                    validate_params)
from .yamlutil import ConfigError


def matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(p) for p in patterns)


def check_codes(patterns: Iterable[str], known: set[str], fail: Any) -> None:
    """Every code or prefix in ``patterns`` names at least one rule; else ``fail(message)`` (which
    raises). One typo in --select or --ignore must not quietly switch the gate off."""
    for p in patterns:
        problem = unknown_code(p, known)
        if problem:
            raise fail(problem)


@dataclass
class ActiveRule:
    """A rule switched on for this run: its severity after the config, and its check kind built
    with its parameters."""

    rule: Rule
    severity: str
    check: Check

    def finding(self, line: int, column: int, end_line: int, end_column: int, values: dict[str, Any],
                anchor: str, lower_to: str | None = None, whole: bool = False, suggestion: str | None = None,
                replacement: str | None = None) -> Finding:
        """The one place a :class:`~healthlint.findings.Finding` is built from a rule: its code,
        name and category, the message (the rule's template filled with ``values``), the severity
        (lowered to ``lower_to`` when a hit asks for less, never raised) and the fingerprint of
        ``anchor``, the text the finding points at."""
        rule = self.rule
        return Finding(
            rule=rule.code, name=rule.name, category=rule.category,
            severity=lower_severity(self.severity, lower_to), line=line, column=column,
            end_line=end_line, end_column=end_column, message=rule.format_message(values),
            fingerprint=fingerprint_base(rule.code, anchor), whole=whole,
            suggestion=suggestion, replacement=replacement, component=rule.score_component,
        )


@dataclass
class RuleSet:
    all_rules: list[Rule]
    active: list[ActiveRule]

    def by_code(self, code: str) -> Rule | None:
        for r in self.all_rules:
            if r.code == code:
                return r
        return None


def _is_builtin(rule: Rule) -> bool:
    try:
        return Path(rule.file).resolve().is_relative_to(builtin_rules_dir().resolve())
    except (OSError, ValueError):
        return False


def load_all_rules(config: Config) -> list[Rule]:
    rules = load_rule_folder(builtin_rules_dir())
    for folder in config.rule_paths:
        rules.extend(load_rule_folder(folder))
    check_unique(rules)
    return sorted(rules, key=lambda r: r.code)


def build_ruleset(config: Config, select: list[str] | None = None, ignore: list[str] | None = None,
                  rules: list[Rule] | None = None) -> RuleSet:
    """Active rules after config and command-line selection. ``select`` replaces the config's
    selection; ``ignore`` adds to it."""
    all_rules = rules if rules is not None else load_all_rules(config)
    known = {r.code for r in all_rules}
    for code, ov in config.rules.items():
        if code not in known:
            near = nearest_codes(code, known)
            raise config.error(f"no rule has code {code}" + (f"; did you mean {', '.join(near)}?" if near else ""), "rules", code)
    for key, patterns in (("select", config.select or []), ("extend-select", config.extend_select), ("ignore", config.ignore)):
        check_codes(patterns, known, lambda msg, _k=key: config.error(msg, _k))
    for glob_, patterns in config.per_file_ignores.items():
        check_codes(patterns, known, lambda msg, _g=glob_: config.error(msg, "per-file-ignores", _g))
    for option, patterns in (("--select", select or []), ("--ignore", ignore or [])):
        check_codes(patterns, known, lambda msg, _o=option: ConfigError("command line", msg, _o))
    ign = list(config.ignore) + list(ignore or [])
    settings = run_settings(config)
    active: list[ActiveRule] = []
    for r in all_rules:
        ov = config.rules.get(r.code)
        if select is not None:  # the command line's --select is the final word
            on = matches(r.code, select)
        else:
            on = matches(r.code, config.select) if config.select is not None else r.enabled_for(config.audience)
            on = on or matches(r.code, config.extend_select)
            if ov is not None and ov.enabled is not None:
                on = ov.enabled
        if matches(r.code, ign):
            on = False
        if not on:
            continue
        kind = get_kind(r.check)
        assert kind is not None
        params = r.params_for(config.audience)
        if ov is not None and ov.params:
            err = lambda msg, *k, _c=r.code: config.error(msg, "rules", _c, "params", *k)  # noqa: E731
            over = retired_overrides(kind, r.scope, ov.params, err)
            params = validate_params(kind, r.params_for(config.audience, over), err)
        severity = ov.severity if ov is not None and ov.severity else r.severity
        # Shipped rules with their shipped parameters use the fast regex path; a user's rule files
        # and parameter overrides run under a time budget (see lexicon.Lexicon).
        trusted = _is_builtin(r) and not (ov is not None and ov.params)
        active.append(ActiveRule(r, severity, kind(r, params, r.scope, settings, trusted)))
    return RuleSet(all_rules, active)


def run_settings(config: Config) -> RunSettings:
    """What checks may read of the config (they never see the whole of it)."""
    return RunSettings(allowed_duplicates=config.allowed_duplicates, keyphrase=config.keyphrase, places=config.places)
