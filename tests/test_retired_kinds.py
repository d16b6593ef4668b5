"""Rule files written for the retired kind forms still load and behave exactly as before.

Kinds that switched between behaviours on a string parameter (``check: trust`` with ``signal:
author``…) are now one kind per behaviour (healthlint.checks.RETIRED). Every shipped rule of such a
kind is rewritten here the way its file read before the split (the retired kind name, the switch,
no built-in word lists) under another code, and both are run on the shipped rule's examples: the
findings must be the same, message for message.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from healthlint.checks import RETIRED, get_kind, retired_origin
from healthlint.config import Config, from_mapping
from healthlint.engine import Linter, load_all_rules
from healthlint.rules import load_rule_file
from healthlint.yamlutil import ConfigError

SHIPPED = [r for r in load_all_rules(Config()) if retired_origin(r.check) is not None]


def old_form(rule) -> dict:
    """The rule file of ``rule`` as it read before the split, under code XL…."""
    data = yaml.safe_load(Path(rule.file).read_text(encoding="utf-8"))
    old, value = retired_origin(rule.check)
    kind = get_kind(rule.check)
    params = {old.switch: value, **{k: v for k, v in (data.get("params") or {}).items() if not kind.params[k].required}}
    return {**data, "code": "XL" + rule.code[2:], "name": "old-" + rule.name, "check": old.name,
            "params": params or None}


def findings(rule_code: str, example, rule_paths: list[str]) -> list[tuple]:
    cfg = from_mapping({**(example.params or {}), "rule-paths": rule_paths}, None, None, Path.cwd())
    linter = Linter(cfg, select=[rule_code, *cfg.extend_select])
    ext = {"markdown": "md", "html": "html", "text": "txt"}[example.format]
    result = linter.lint_sources([(f"example.{ext}", example.text, example.format)]).files[0]
    return [(f.line, f.column, f.end_line, f.end_column, f.severity, f.message)
            for f in result.findings if f.rule[2:] == rule_code[2:]]


def test_every_retired_value_names_a_kind_and_a_shipped_rule():
    shipped_kinds = {r.check for r in SHIPPED}
    for old in RETIRED.values():
        for value, name in old.kinds.items():
            assert get_kind(name) is not None, name
            assert name in shipped_kinds, f"no shipped rule of kind {name} ({old.name}: {value})"


@pytest.mark.parametrize("rule", SHIPPED, ids=lambda r: r.code)
def test_old_form_loads_as_the_new_kind_with_the_same_parameters(tmp_path, rule):
    path = tmp_path / "old.yaml"
    path.write_text(yaml.safe_dump(old_form(rule), allow_unicode=True, sort_keys=False), encoding="utf-8")
    [loaded] = load_rule_file(path)
    assert loaded.check == rule.check and loaded.scope == rule.scope
    assert loaded.params == rule.params and loaded.retired_kind


@pytest.mark.parametrize("rule", SHIPPED, ids=lambda r: r.code)
def test_old_form_behaves_identically(tmp_path, rule):
    (tmp_path / "old.yaml").write_text(yaml.safe_dump(old_form(rule), allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
    for example in rule.bad + rule.good:
        new = findings(rule.code, example, [str(tmp_path)])
        old = findings("XL" + rule.code[2:], example, [str(tmp_path)])
        assert old == new
    assert findings(rule.code, rule.bad[0], [str(tmp_path)])  # the examples do exercise the rule


def write_rule(tmp_path: Path, check: str, params: dict, message: str = "{reason}", scope: str | None = None) -> Path:
    shipped = yaml.safe_load(next((Path(r.file) for r in SHIPPED if r.code == "HL002")).read_text(encoding="utf-8"))
    data = {**shipped, "code": "XL900", "name": "my-rule", "check": check, "params": params, "message": message}
    if scope:
        data["scope"] = scope
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_old_form_errors_name_the_old_kind(tmp_path):
    with pytest.raises(ConfigError, match="required parameter is missing"):
        load_rule_file(write_rule(tmp_path, "input", {}))
    with pytest.raises(ConfigError, match="must be one of unreadable, decoding"):
        load_rule_file(write_rule(tmp_path, "input", {"event": "lost"}))
    with pytest.raises(ConfigError, match="unknown parameter for check kind 'input'; it takes: event"):
        load_rule_file(write_rule(tmp_path, "input", {"event": "decoding", "colour": 1}))


def test_old_form_message_may_still_use_the_switch(tmp_path):
    [rule] = load_rule_file(write_rule(tmp_path, "input", {"event": "decoding"}, "{event}: {reason}"))
    assert rule.check == "input-decoding" and rule.legacy_values == {"event": "decoding"}
    assert rule.format_message({"reason": "why"}) == "decoding: why"


def test_old_form_message_may_use_parameters_the_new_kind_dropped(tmp_path):
    path = write_rule(tmp_path, "trust", {"signal": "references", "max_byline_words": 9}, "{signal}: {problem} {max_byline_words}/{edge_blocks}")
    [rule] = load_rule_file(path)
    assert rule.check == "trust-references" and "max_byline_words" not in rule.params
    assert rule.format_message({"problem": "none"}) == "references: none 9/4"
    [lists] = load_rule_file(write_rule(tmp_path, "trust", {"signal": "date"}, "{problem} {harm_patterns[0]}"))
    assert lists.format_message({"problem": "x"}) == r"x \bside[- ]effects?\b"


def test_new_form_takes_only_its_own_parameters(tmp_path):
    with pytest.raises(ConfigError, match="unknown parameter for check kind 'input-decoding'"):
        load_rule_file(write_rule(tmp_path, "input-decoding", {"event": "decoding"}))
    with pytest.raises(ConfigError, match="check kind 'input-decoding' does not provide"):
        load_rule_file(write_rule(tmp_path, "input-decoding", {}, "{event}: {reason}"))


def test_config_may_still_name_the_switch_of_a_shipped_rule(tmp_path):
    same = from_mapping({"rules": {"HL002": {"params": {"event": "decoding"}}}}, None, None, tmp_path)
    assert any(a.rule.code == "HL002" for a in Linter(same, select=["HL002"]).ruleset.active)
    other = from_mapping({"rules": {"HL002": {"params": {"event": "nesting"}}}}, None, None, tmp_path)
    with pytest.raises(ConfigError, match="cannot change the check kind"):
        Linter(other, select=["HL002"])


def test_keyphrase_stuffing_kept_its_name_and_reads_both_forms(tmp_path):
    rule = next(r for r in SHIPPED if r.code == "HL303")  # keyphrase-stuffing on paragraphs
    data = yaml.safe_load(Path(rule.file).read_text(encoding="utf-8"))
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    [new] = load_rule_file(path)
    assert (new.check, new.retired_kind) == ("keyphrase-stuffing", "")
    # The old kind looked at report only on whole documents: on paragraphs it was this kind anyway.
    data["params"] = {**data["params"], "report": "occurrences", "max_reported": 5}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    [old] = load_rule_file(path)
    assert (old.check, old.retired_kind, old.params) == ("keyphrase-stuffing", "keyphrase-stuffing", new.params)
    data["params"] = {"report": "occurrences"}
    data["scope"] = "document"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert load_rule_file(path)[0].check == "keyphrase-occurrences"


def _schema(name: str):
    import json

    import jsonschema

    # The checkout's schemas (the ones tools/gen_schemas.py writes and the package ships).
    data = Path(__file__).resolve().parent.parent / "healthlint" / "data" / name
    return jsonschema.Draft7Validator(json.loads(data.read_text(encoding="utf-8")))


@pytest.mark.parametrize("rule", SHIPPED, ids=lambda r: r.code)
def test_old_form_files_validate_against_the_rule_schema(rule):
    data = old_form(rule)
    data["examples"] = {"bad": "x", "good": "y"}  # HL001's binary example is base64 text to an editor
    assert [e.message for e in _schema("rule.schema.json").iter_errors(data)] == []


def test_config_schema_and_loader_agree_on_retired_parameters(tmp_path):
    schema = _schema("config.schema.json")
    cases = {  # config -> whether healthlint accepts it
        "rules:\n  HL601:\n    params: {signal: author, edge_blocks: 6}\n": True,
        "rules:\n  HL715:\n    params: {check: passive-voice, max_chars: 70}\n": True,  # max_chars: seo-title-length's
        "rules:\n  HL302:\n    params: {report: occurrences, max_per_paragraph: 4}\n": True,
        "rules:\n  HL601:\n    params: {signal: date}\n": False,
        "rules:\n  HL715:\n    params: {max_chars: many}\n": False,
        "rules:\n  HL715:\n    params: {colour: red}\n": False,
    }
    for text, ok in cases.items():
        data = yaml.safe_load(text)
        try:
            Linter(from_mapping(data, None, None, tmp_path))
            loaded = True
        except ConfigError:
            loaded = False
        assert (loaded, schema.is_valid(data)) == (ok, ok), text


def test_old_values_in_the_message_are_part_of_the_cache_key(tmp_path):
    from healthlint.cache import ruleset_fingerprint

    keys = []
    for width in (9, 10):
        folder = tmp_path / str(width)
        folder.mkdir()
        write_rule(folder, "trust", {"signal": "references", "max_byline_words": width}, "{problem} ({max_byline_words})")
        cfg = from_mapping({"rule-paths": [str(folder)]}, None, None, tmp_path)
        keys.append(ruleset_fingerprint(Linter(cfg, select=["XL900"])))
    assert keys[0] != keys[1]
