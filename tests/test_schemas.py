"""The JSON Schemas of the config file and of rule files (issue 19): generated from the code that
validates them and up to date, valid draft-07, passing every shipped rule file and the example
configs, and agreeing with healthlint's own checks on good and bad files."""

from __future__ import annotations

import base64
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES, ROOT

from healthlint.config import SETTINGS, load_file
from healthlint.rules import FIELDS, load_rule_file, rule_files
from healthlint.yamlutil import ConfigError

DATA = ROOT / "healthlint" / "data"
DOCS = ROOT / "docs" / "schemas"


def validator(name: str) -> jsonschema.Draft7Validator:
    schema = json.loads((DATA / name).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


CONFIG = validator("config.schema.json")
RULE = validator("rule.schema.json")


def test_committed_schemas_are_generated_and_current():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_schemas.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name in ("config.schema.json", "rule.schema.json"):
        assert (DOCS / name).read_bytes() == (DATA / name).read_bytes()


def test_check_mode_notices_a_stale_schema(tmp_path):
    spec = importlib.util.spec_from_file_location("gen_schemas", ROOT / "tools" / "gen_schemas.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    for folder in (tmp_path / "data", tmp_path / "docs"):
        folder.mkdir()
        for name in ("config.schema.json", "rule.schema.json"):
            (folder / name).write_bytes((DATA / name).read_bytes())
    tool.FOLDERS = (tmp_path / "data", tmp_path / "docs")
    assert tool.main(["--check"]) == 0
    (tmp_path / "docs" / "rule.schema.json").write_text("{}\n")
    assert tool.main(["--check"]) == 1
    assert tool.main([]) == 0 and tool.main(["--check"]) == 0


def test_schemas_describe_every_declared_key_and_field():
    config = json.loads((DATA / "config.schema.json").read_text())
    assert [k for k in config["properties"] if "_" not in k] == [s.key for s in SETTINGS]
    assert all(config["properties"][s.key]["description"] == s.description for s in SETTINGS)
    rule = json.loads((DATA / "rule.schema.json").read_text())["definitions"]["rule"]
    assert list(rule["properties"]) == list(FIELDS)
    assert rule["required"] == [k for k, f in FIELDS.items() if f.required]


def as_editors_see_it(data: object) -> object:
    """YAML data as a YAML language server checks it: a !!binary scalar (HL001's example) is
    the base64 text written in the file, not bytes."""
    if isinstance(data, bytes):
        return base64.b64encode(data).decode("ascii")
    if isinstance(data, dict):
        return {k: as_editors_see_it(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_editors_see_it(v) for v in data]
    return data


@pytest.mark.parametrize("path", rule_files(ROOT / "rules"), ids=lambda p: p.name)
def test_every_shipped_rule_file_is_valid(path: Path):
    data = as_editors_see_it(yaml.safe_load(path.read_text(encoding="utf-8")))
    errors = [e.message for e in RULE.iter_errors(data)]
    assert errors == []


def readme_config() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    configs = [b for b in blocks if re.search(r"^audience:", b, re.MULTILINE)]
    assert len(configs) == 1
    return configs[0]


def example_configs() -> list[tuple[str, object]]:
    out = [("examples/.healthlint.yaml", yaml.safe_load((EXAMPLES / ".healthlint.yaml").read_text()))]
    out.append(("README configuration", yaml.safe_load(readme_config())))
    # the README's HL108 line: rules: {HL108: {params: {extra_terms: …, exclude_terms: …}}}
    inline = re.search(r"`(rules: \{HL108: .*?\}\}\})`", (ROOT / "README.md").read_text())
    out.append(("README HL108 override", yaml.safe_load(inline.group(1))))
    pyproject = ("[tool.healthlint]\naudience = 'professional'\nignore = ['HL107']\n\n"
                 "[tool.healthlint.rules.HL103]\nseverity = 'error'\nparams = { max_words = 50 }\n")
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    out.append(("pyproject.toml", tomllib.loads(pyproject)["tool"]["healthlint"]))
    return out


@pytest.mark.parametrize("name,data", example_configs(), ids=lambda x: x if isinstance(x, str) else "")
def test_example_configs_are_valid(name, data):
    assert [e.message for e in CONFIG.iter_errors(data)] == []


# Configs that healthlint accepts, and configs it refuses: the schema agrees on each.
GOOD_CONFIGS = [
    "", "audience: professional\n", "select: 'HL1, HL4'\n", "select: HL1\n", "ignore: [HL107, hl2]\n",
    "rules:\n  HL103: off\n  HL107: info\n  HL105: {enabled: true}\n", "rules:\n  HL103:\n    params: {max_words: 30}\n",
    "rules:\n  XY1234: error\n", "exclude: 'drafts/**'\n", "per-file-ignores:\n  'a/*.md': HL1\n",
    "allowed-duplicates: A disclaimer.\n", "keyphrase: ' sleep apnea '\n", "places: [' Round Rock ', Évry]\n",
    "rule-timeout: 600\n", "max-file-size: 0.5\n", "respect-gitignore: false\n", "docs-url: https://example.org/rules\n",
    "fail_on: error\n",
]
BAD_CONFIGS = [
    "audience: kids\n", "audience: [patient]\n", "fail-on: severe\n", "fail-on: 3\n", "select: 5\n",
    "select: [HL1, 'x y']\n", "extend-select: [toolongprefix]\n", "rules:\n  HL103:\n    severity: loud\n",
    "rules:\n  HL103:\n    colour: red\n", "rules:\n  HL103: loud\n", "rules:\n  HL103: 5\n", "rules:\n  hl103: off\n",
    "rules: [HL103]\n", "rules:\n  HL103:\n    enabled: yes please\n", "rules:\n  HL103:\n    params: [1]\n",
    "exclude: 5\n", "exclude: [a, 3]\n", "rule-paths: 5\n", "per-file-ignores: [a]\n",
    "per-file-ignores:\n  'a/*.md': [HL1, '!!']\n", "allowed-duplicates: ['  ']\n", "allowed-duplicates: [1]\n",
    "keyphrase: ''\n", "keyphrase: one two three four five six seven eight nine ten eleven\n", "keyphrase: 5\n",
    "places: ['5th Avenue']\n", "places: ['']\n", "rule-timeout: 0\n", "rule-timeout: true\n", "rule-timeout: 601\n",
    "rule-timeout: '2'\n", "max-file-size: 0\n", "max-file-size: 4097\n", "respect-gitignore: 'no'\n",
    "docs-url: ftp://example.org\n", "docs-url: 5\n", "docs-url: 'https://a b'\n", "unknown-key: 1\n", "[1, 2]\n",
]


@pytest.mark.parametrize("text", GOOD_CONFIGS + BAD_CONFIGS)
def test_schema_and_loader_agree_on_configs(tmp_path, text):
    p = tmp_path / ".healthlint.yaml"
    p.write_text(text, encoding="utf-8")
    try:
        load_file(p)
        loader_ok = True
    except ConfigError:
        loader_ok = False
    schema_ok = CONFIG.is_valid(yaml.safe_load(text))
    assert loader_ok == (text in GOOD_CONFIGS)
    assert schema_ok == loader_ok


def test_schema_checks_rule_params_in_the_config():
    assert CONFIG.is_valid({"rules": {"HL103": {"params": {"max_words": 30}}}})
    assert not CONFIG.is_valid({"rules": {"HL103": {"params": {"max_wordz": 30}}}})  # a parameter of no kind
    assert not CONFIG.is_valid({"rules": {"HL103": {"params": {"max_words": "many"}}}})
    config = json.loads((DATA / "config.schema.json").read_text())
    assert "very-long-sentence" in config["properties"]["rules"]["properties"]["HL103"]["description"]


BASE_RULE = (ROOT / "rules" / "readability" / "HL103-very-long-sentence.yaml").read_text(encoding="utf-8")


def edited(pattern: str, replacement: str) -> str:
    out = re.sub(pattern, replacement, BASE_RULE, count=1, flags=re.MULTILINE | re.DOTALL)
    assert out != BASE_RULE
    return out


BAD_RULES = {
    "code": edited(r"^code: .*?$", "code: hl1"),
    "code type": edited(r"^code: .*?$", "code: 5"),
    "name": edited(r"^name: .*?$", "name: Long_Sentence"),
    "category": edited(r"^category: .*?$", "category: misc"),
    "severity": edited(r"^severity: .*?$", "severity: loud"),
    "check": edited(r"^check: .*?$", "check: nothing"),
    "empty message": edited(r"^message: .*?$", "message: ''"),
    "missing code": edited(r"^code: .*?$\n", ""),
    "unknown field": BASE_RULE + "colour: red\n",
    "description type": edited(r"^description: \|.*?(?=^rationale)", "description: [a]\n"),
    "enabled": BASE_RULE + "enabled: maybe\n",
    "scope of another kind": edited(r"^scope: .*?$", "scope: heading"),
    "unknown audience": edited(r"^audiences:\n  professional:\n    max_words: 45\n", "audiences:\n  kids: {}\n"),
    "audience param": edited(r"^audiences:\n  professional:\n    max_words: 45\n", "audiences:\n  patient: {max_wordz: 3}\n"),
    "param range": edited(r"max_words: \d+", "max_words: 0"),
    "unknown param": edited(r"max_words: \d+", "max_wordz: 30"),
    "sources": edited(r"^sources:.*?(?=^\w)", "sources: [5]\n"),
    "source title": edited(r"^sources:.*?(?=^\w)", "sources: [{url: 'https://example.org'}]\n"),
    "examples format": edited(r"^examples:.*\Z", "examples: {bad: x, good: y, format: pdf}\n"),
    "examples key": edited(r"^examples:.*\Z", "examples: {bad: x, good: y, colour: 5}\n"),
    "no good example": edited(r"^examples:.*\Z", "examples: {bad: x}\n"),
}
GOOD_RULES = {
    "shipped": BASE_RULE,
    "list of rules": "- " + BASE_RULE.replace("\n", "\n  ").rstrip() + "\n",
    "spaced code": edited(r"^code: .*?$", "code: ' HL103 '"),
    "empty fix": edited(r"^fix: .*?$", "fix:"),
    "audience off": edited(r"^audiences:\n  professional:\n    max_words: 45\n", "audiences:\n  patient: {enabled: false, max_words: 40}\n"),
    "titles only": edited(r"^sources:.*?(?=^\w)", "sources: [A guideline]\n"),
}


@pytest.mark.parametrize("name", list(BAD_RULES) + list(GOOD_RULES))
def test_schema_and_loader_agree_on_rule_files(tmp_path, name):
    text = BAD_RULES.get(name) or GOOD_RULES[name]
    p = tmp_path / "rule.yaml"
    p.write_text(text, encoding="utf-8")
    try:
        load_rule_file(p)
        loader_ok = True
    except ConfigError:
        loader_ok = False
    assert loader_ok == (name in GOOD_RULES)
    assert RULE.is_valid(yaml.safe_load(text)) == loader_ok
