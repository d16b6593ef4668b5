"""HL108 plain-language-term (check kind ``substitution``), per-audience enabling, the suggestion
in JSON and SARIF, and readability per section."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import lint, run_cli

MD_BAD = """# Blood pressure

Untreated hypertension raises the risk of a stroke. Your doctor may suggest a diuretic.
"""

MD_GOOD = """# Blood pressure

High blood pressure raises the risk of a stroke. Your doctor may suggest a water pill.
"""


def messages(findings) -> list[str]:
    return [f.message for f in findings if f.rule == "HL108"]


def test_markdown_true_positive_at_the_term():
    fs = lint(MD_BAD, ["HL108"])
    assert messages(fs) == ["'hypertension': say 'high blood pressure'", "'diuretic': say 'water pill'"]
    f = fs[0]
    line = MD_BAD.splitlines()[f.line - 1]
    assert line[f.column - 1 : f.end_column - 1] == "hypertension"
    assert f.suggestion == "high blood pressure" and f.replacement == "high blood pressure"


def test_markdown_true_negative():
    assert lint(MD_GOOD, ["HL108"]) == []


def test_html_positive_and_negative():
    bad = ("<html><head><title>Kidneys</title></head><body><h1>Kidneys</h1>\n"
           "<p>People with <em>nephrolithiasis</em> should drink more water.</p></body></html>")
    fs = lint(bad, ["HL108"], fmt="html")
    assert messages(fs) == ["'nephrolithiasis': say 'kidney stones'"]
    line = bad.splitlines()[fs[0].line - 1]
    assert line[fs[0].column - 1 : fs[0].end_column - 1] == "nephrolithiasis"
    good = bad.replace("<em>nephrolithiasis</em>", "kidney stones")
    assert lint(good, ["HL108"], fmt="html") == []


@pytest.mark.parametrize("text", [
    "Hypertension (high blood pressure) is common in older adults.",
    "Renal, or kidney, disease can be silent for years.",
    "Many adults have hypertension. This means high blood pressure.",
    "Many adults have high blood pressure. Doctors call it hypertension.",
])
def test_explained_terms_are_not_reported(text):
    assert lint(f"# Title\n\n{text}\n", ["HL108"]) == []


def test_explained_once_covers_later_uses_but_not_earlier():
    text = ("# T\n\nHypertension is common. Nothing else here. Nor here.\n\n"
            "Hypertension, or high blood pressure, is treatable. Hypertension can be managed.\n")
    fs = lint(text, ["HL108"])
    assert [f.line for f in fs] == [3]


def test_headings_and_reference_lists_are_not_checked():
    text = ("# Hypertension\n\n## Living with hypertension\n\nYou can live well with it.\n\n"
            "## References\n\n1. Smith J. Hypertension in adults. Lancet. 2020.\n")
    assert lint(text, ["HL108"]) == []


def test_multi_word_terms_longest_first_plurals_and_possessives():
    text = ("# T\n\nHe had a myocardial infarction last year. Analgesics help. "
            "The femur's end broke. Two neonates were born early.\n")
    got = messages(lint(text, ["HL108"]))
    assert got == ["'myocardial infarction': say 'heart attack'", "'Analgesics': say 'painkillers'",
                   "'femur': say 'thigh bone'", "'neonates': say 'newborn babies'"]
    # A term split by punctuation is not the multi-word term.
    assert "myocardial infarction" not in " ".join(messages(lint("# T\n\nThe myocardial, infarction.\n", ["HL108"])))


def test_whole_words_only_and_case_insensitive():
    assert lint("# T\n\nThe hypertensionx file and prehypertension notes.\n", ["HL108"]) == []
    assert messages(lint("# T\n\nHYPERTENSION is common.\n", ["HL108"])) == ["'HYPERTENSION': say 'high blood pressure'"]


def test_max_per_term():
    text = "# T\n\n" + " ".join("Dyspnoea is hard." for _ in range(6)) + "\n"
    assert len(lint(text, ["HL108"])) == 3
    assert len(lint(text, ["HL108"], config={"rules": {"HL108": {"params": {"max_per_term": 5}}}})) == 5


def test_config_extension_and_exclusion():
    text = "# T\n\nThe widget syndrome is rare. Untreated hypertension is common.\n"
    cfg = {"rules": {"HL108": {"params": {"extra_terms": {"widget syndrome": "gadget illness"},
                                          "exclude_terms": ["hypertension"]}}}}
    assert messages(lint(text, ["HL108"], config=cfg)) == ["'widget syndrome': say 'gadget illness'"]
    cfg = {"rules": {"HL108": {"params": {"extra_terms": {"widget": {"say": "small tool", "rephrase": True}}}}}}
    fs = [f for f in lint("# T\n\nA widget is here.\n", ["HL108"], config=cfg)]
    assert fs[0].suggestion == "small tool" and fs[0].replacement is None


@pytest.mark.parametrize("params, key", [
    ("extra_terms: [a, b]", "extra_terms"),
    ("extra_terms: {hypertension: 3}", "extra_terms"),
    ("extra_terms: {hypertension: {sayy: x}}", "extra_terms"),
    ("exclude_terms: hypertension", "exclude_terms"),
    ("lists: [no_such_list]", "lists"),
])
def test_bad_params_exit_2_naming_file_line_key(tmp_path, params, key):
    (tmp_path / ".healthlint.yaml").write_text(f"rules:\n  HL108:\n    params:\n      {params}\n")
    (tmp_path / "a.md").write_text(MD_BAD)
    proc = run_cli("check", "--no-cache", "a.md", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert ".healthlint.yaml:4" in err and key in err, err


def test_professional_audience_turns_it_off(tmp_path):
    (tmp_path / "a.md").write_text(MD_BAD)
    assert "HL108" in run_cli("check", "--no-cache", "a.md", cwd=tmp_path).stdout.decode()
    (tmp_path / ".healthlint.yaml").write_text("audience: professional\n")
    assert "HL108" not in run_cli("check", "--no-cache", "a.md", cwd=tmp_path).stdout.decode()
    # Asked for by name, it runs for professionals too.
    (tmp_path / ".healthlint.yaml").write_text("audience: professional\nextend-select: [HL108]\n")
    assert "HL108" in run_cli("check", "--no-cache", "a.md", cwd=tmp_path).stdout.decode()


def test_audience_enabled_must_be_a_boolean(tmp_path):
    from healthlint.rules import load_rule_file
    from healthlint.yamlutil import ConfigError

    src = Path(__file__).resolve().parents[1] / "rules" / "readability" / "HL108-plain-language-term.yaml"
    text = src.read_text().replace("    enabled: false", "    enabled: nope")
    p = tmp_path / "HL108.yaml"
    p.write_text(text)
    with pytest.raises(ConfigError, match="true or false"):
        load_rule_file(p)


def test_json_suggestion_through_the_cli(tmp_path):
    (tmp_path / "a.md").write_text(MD_BAD)
    proc = run_cli("check", "--format", "json", "--no-cache", "--select", "HL108", "a.md", cwd=tmp_path)
    found = json.loads(proc.stdout)["files"][0]["findings"]
    assert [f["suggestion"] for f in found] == ["high blood pressure", "water pill"]
    # Other rules' findings have no such key.
    proc = run_cli("check", "--format", "json", "--no-cache", "--select", "HL101", "a.md", cwd=tmp_path)
    assert all("suggestion" not in f for fr in json.loads(proc.stdout)["files"] for f in fr["findings"])


def test_json_suggestion_survives_the_cache(tmp_path):
    (tmp_path / "a.md").write_text(MD_BAD)
    args = ("check", "--format", "json", "--select", "HL108", "--cache-dir", str(tmp_path / "c"), "a.md")
    first = run_cli(*args, cwd=tmp_path).stdout
    second = run_cli(*args, cwd=tmp_path).stdout
    assert first == second and b'"suggestion"' in second


def test_sarif_fixes_through_the_cli(tmp_path):
    text = "# T\n\nUntreated hypertension is common. An analgesic may help. Atrial fibrillation needs care.\n"
    (tmp_path / "a.md").write_text(text)
    proc = run_cli("check", "--format", "sarif", "--no-cache", "--select", "HL108", "a.md", cwd=tmp_path)
    results = json.loads(proc.stdout)["runs"][0]["results"]
    by_text = {r["message"]["text"]: r for r in results}
    fix = by_text["'hypertension': say 'high blood pressure'"]["fixes"][0]
    rep = fix["artifactChanges"][0]["replacements"][0]
    assert rep["insertedContent"]["text"] == "high blood pressure"
    region = rep["deletedRegion"]
    line = text.splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "hypertension"
    assert "fixes" not in by_text["'analgesic': say 'painkiller'"]  # "an painkiller"
    assert "fixes" not in by_text["'Atrial fibrillation': say 'a type of irregular heartbeat'"]  # rephrase


def test_sections_in_json(tmp_path):
    text = ("# Sleep\n\nMost adults need seven to nine hours of sleep a night.\n\n"
            "## Why it matters\n\nPoor sleep affects concentration, metabolism, cardiovascular regulation "
            "and psychological resilience considerably.\n\n## Tips\n\nGo to bed at the same time. Keep the room dark.\n")
    (tmp_path / "a.md").write_text(text)
    (tmp_path / "flat.md").write_text("# Sleep\n\nMost adults need seven to nine hours of sleep a night.\n")
    proc = run_cli("check", "--format", "json", "--no-cache", "a.md", "flat.md", cwd=tmp_path)
    files = {f["path"]: f for f in json.loads(proc.stdout)["files"]}
    sections = files["a.md"]["sections"]
    assert [(s["heading"], s["line"]) for s in sections] == [(None, 3), ("Why it matters", 5), ("Tips", 9)]
    assert [s["words"] for s in sections] == [11, 11, 11]
    hard, easy = sections[1]["flesch_kincaid_grade"], sections[2]["flesch_kincaid_grade"]
    assert hard > files["a.md"]["readability"]["flesch_kincaid_grade"] > easy
    assert "sections" not in files["flat.md"]
    keys = list(files["a.md"])
    assert keys.index("readability") + 1 == keys.index("sections") == keys.index("findings") - 1


def test_sections_in_html(tmp_path):
    text = "# Sleep\n\nMost adults need sleep.\n\n## Tips\n\nGo to bed at the same time. Keep the room dark.\n"
    (tmp_path / "a.md").write_text(text)
    html = run_cli("check", "--format", "html", "--no-cache", "a.md", cwd=tmp_path).stdout.decode()
    assert "reading grade by section" in html and "<td>Tips</td>" in html


def test_throughput_path_skips_sentences_without_a_first_word():
    from healthlint.config import Config
    from healthlint.engine import Linter
    from healthlint.parsers import parse_text

    linter = Linter(Config(), select=["HL108"])
    check = linter.ruleset.active[0].check
    doc = parse_text("# T\n\nThe blood was fine. The cat sat.\n", "t.md", "markdown")
    assert list(check.check(doc)) == []
    assert all("words" not in s.__dict__ for s in doc.sentences)  # no positions were built
