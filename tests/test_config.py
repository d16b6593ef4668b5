"""Configuration files: discovery, every key, and errors that name file, key and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.config import discover, load, load_file
from healthlint.engine import Linter, build_ruleset
from healthlint.yamlutil import ConfigError


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)
    return p


def test_discovery_walks_up(tmp_path):
    write(tmp_path / ".healthlint.yaml", "audience: professional\n")
    art = write(tmp_path / "a" / "b" / "x.md", "# x\n")
    assert discover(art) == tmp_path / ".healthlint.yaml"
    assert load(None, [str(art)]).audience == "professional"


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname='x'\n")
    art = write(tmp_path / "x.md", "# x\n")
    assert discover(art) is None or discover(art).parent != tmp_path


def test_pyproject_table(tmp_path):
    cfg_path = write(tmp_path / "pyproject.toml", "[project]\nname='x'\n\n[tool.healthlint]\naudience = 'professional'\nignore = ['HL107']\n\n[tool.healthlint.rules.HL103]\nseverity = 'error'\nparams = { max_words = 50 }\n")
    cfg = load_file(cfg_path)
    assert cfg.audience == "professional" and cfg.ignore == ["HL107"]
    rs = build_ruleset(cfg)
    hl103 = [a for a in rs.active if a.rule.code == "HL103"][0]
    assert hl103.severity == "error" and hl103.check.p["max_words"] == 50
    assert not [a for a in rs.active if a.rule.code == "HL107"]


def test_pyproject_bad_value_names_line(tmp_path):
    cfg_path = write(tmp_path / "pyproject.toml", "[project]\nname='x'\n\n[tool.healthlint]\naudience = 'kids'\n")
    with pytest.raises(ConfigError) as e:
        load_file(cfg_path)
    assert "pyproject.toml:5" in str(e.value) and "audience" in str(e.value)


@pytest.mark.parametrize("text,line,key", [
    ("audience: kids\n", 1, "audience"),
    ("select: HL1\nfail-on: severe\n", 2, "fail-on"),
    ("rules:\n  HL103:\n    severity: loud\n", 3, "severity"),
    ("rules:\n  HL103:\n    colour: red\n", 3, "colour"),
    ("exclude: 5\n", 1, "exclude"),
    ("rule-paths: [does-not-exist]\n", 1, "rule-paths"),
    ("audience: patient\n  bad: [indent\n", 2, None),
])
def test_bad_values(tmp_path, text, line, key):
    p = write(tmp_path / ".healthlint.yaml", text)
    with pytest.raises(ConfigError) as e:
        load_file(p)
    msg = str(e.value)
    assert f".healthlint.yaml:{line}" in msg, msg
    if key:
        assert key in msg


def test_rule_param_errors_are_found_when_building_rules(tmp_path):
    p = write(tmp_path / ".healthlint.yaml", "rules:\n  HL105:\n    params:\n      max_wordz: 3\n")
    with pytest.raises(ConfigError) as e:
        build_ruleset(load_file(p))
    assert ".healthlint.yaml:4" in str(e.value) and "max_wordz" in str(e.value)
    p = write(tmp_path / ".healthlint.yaml", "rules:\n  HL999: error\n")
    with pytest.raises(ConfigError, match="no rule has code HL999"):
        build_ruleset(load_file(p))


def test_yaml_object_tags_are_refused(tmp_path):
    p = write(tmp_path / ".healthlint.yaml", "audience: !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(ConfigError):
        load_file(p)


def test_select_extend_select_and_off(tmp_path):
    p = write(tmp_path / ".healthlint.yaml", "select: [HL10]\nignore: [HL104]\nrules:\n  HL105: off\n")
    codes = {a.rule.code for a in build_ruleset(load_file(p)).active}
    assert codes == {"HL101", "HL102", "HL103", "HL106", "HL107", "HL108"}


def test_exclude_and_per_file_ignores(tmp_path):
    write(tmp_path / ".healthlint.yaml", "exclude: ['drafts/**']\nper-file-ignores:\n  'legacy/*.md': [HL107]\n")
    body = "# T\n\nKetamine is used. Ketamine is studied. Ketamine is given.\n"
    write(tmp_path / "drafts" / "d.md", body)
    write(tmp_path / "legacy" / "l.md", body)
    write(tmp_path / "new.md", body)
    cfg = load(None, [str(tmp_path)])
    report = Linter(cfg).lint_paths([str(tmp_path)])
    names = {Path(f.path).name: [x.rule for x in f.findings] for f in report.files}
    assert "d.md" not in names
    assert "HL107" not in names["l.md"] and "HL107" in names["new.md"]


def test_audience_changes_thresholds(tmp_path):
    p = write(tmp_path / ".healthlint.yaml", "audience: professional\n")
    rs = build_ruleset(load_file(p))
    hl101 = [a for a in rs.active if a.rule.code == "HL101"][0]
    assert hl101.check.p["max"] == 12
    hl101_patient = [a for a in build_ruleset(load_file(write(tmp_path / "b.yaml", "audience: patient\n"))).active if a.rule.code == "HL101"][0]
    assert hl101_patient.check.p["max"] == 8
