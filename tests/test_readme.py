"""The README stays true: its rule table lists exactly the shipped rules (and the generator that
writes it still works), it names the set-up commands CI runs, it keeps the sections a user needs,
and its links, like those of docs/, point at files and headings inside the repository. The check-kind
reference in rules/README.md is generated from the kinds' declarations and is current."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from conftest import ROOT
from healthlint.config import Config
from healthlint.engine import load_all_rules

README = ROOT / "README.md"
RULES_README = ROOT / "rules" / "README.md"


def update_readme_tool(tmp_path: Path):
    """tools/update_readme.py, writing to copies of both READMEs in ``tmp_path``."""
    spec = importlib.util.spec_from_file_location("update_readme", ROOT / "tools" / "update_readme.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    tool.README, tool.RULES_README = tmp_path / "README.md", tmp_path / "rules-README.md"
    tool.README.write_text(README.read_text())
    tool.RULES_README.write_text(RULES_README.read_text())
    return tool


def test_readme_rule_table_matches_rules():
    text = README.read_text()
    table = text.split("<!-- rules-table:start -->")[1].split("<!-- rules-table:end -->")[0]
    rows = re.findall(r"^\| (HL\d+) \| ([a-z0-9-]+) \| (\w+) \| (\w+) \|", table, re.M)
    expected = [(r.code, r.name, r.category, r.severity) for r in load_all_rules(Config())]
    assert rows == expected


def test_update_readme_tool_regenerates_the_same_tables(tmp_path):
    # tools/update_readme.py run on copies of the READMEs leaves them unchanged: the tables are
    # current and the generator still finds its markers.
    tool = update_readme_tool(tmp_path)
    tool.main()
    assert tool.README.read_text() == README.read_text()
    assert tool.RULES_README.read_text() == RULES_README.read_text(), "run python tools/update_readme.py"


def test_kind_table_lists_every_kind_with_its_declarations():
    from healthlint.checks import get_kind, kind_names

    text = RULES_README.read_text()
    table = text.split("<!-- kinds-table:start -->")[1].split("<!-- kinds-table:end -->")[0]
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| ([a-z, ]+) \| (.*?) \| (.*?) \|$", table, re.M)
    assert [r[0] for r in rows] == kind_names()
    for name, scopes, params, fields in rows:
        kind = get_kind(name)
        assert scopes == ", ".join(kind.scopes)
        assert re.findall(r"`(\w+)`", params) == list(kind.params)
        assert fields == (", ".join(kind.fields) or "none")
    # The prose around the tables stays.
    assert "Each kind does one thing." in text and "Claim cues may use word families" in text


def test_retired_table_lists_every_retired_form():
    from healthlint.checks import RETIRED

    text = RULES_README.read_text()
    table = text.split("<!-- retired-kinds:start -->")[1].split("<!-- retired-kinds:end -->")[0]
    rows = re.findall(r"^\| `check: ([a-z-]+)`, `params: \{(\w+): ([a-z0-9-]+)\}`.*? \| `([a-z0-9-]+)` \|$", table, re.M)
    expected = [(old.name, old.switch, value, kind) for old in sorted(RETIRED.values(), key=lambda r: r.name)
                for value, kind in old.kinds.items()]
    assert rows == expected


def test_a_stale_kind_table_is_rewritten(tmp_path):
    tool = update_readme_tool(tmp_path)
    stale = RULES_README.read_text().replace("| `length` | sentence, paragraph, section |", "| `length` | sentence |")
    tool.RULES_README.write_text(stale)
    tool.main()
    assert tool.RULES_README.read_text() == RULES_README.read_text()


def test_readme_names_the_two_setup_commands():
    text = README.read_text()
    assert "pip install . && healthlint check examples/" in text
    assert 'pip install ".[test]" && pytest' in text


def _without_code(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)


def _slugs(path: Path) -> set[str]:
    """GitHub's anchors for a Markdown file's headings."""
    heads = re.findall(r"^#{1,6} (.+?)\s*$", _without_code(path.read_text()), re.M)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in heads}


def test_readme_keeps_the_sections_a_user_needs():
    slugs = _slugs(README)
    for section in ("set-up", "usage", "reports", "score", "configuration", "suppressing-findings",
                    "in-ci-and-pre-commit", "rules", "safety"):
        assert section in slugs, section
    # Moved out of the README, not lost: each document exists and the README links it.
    text = README.read_text()
    for doc in ("docs/benchmarks.md", "docs/design.md", "docs/quality.md", "docs/json-report.md"):
        assert (ROOT / doc).is_file() and f"]({doc}" in text, doc


@pytest.mark.parametrize("doc", [README, *sorted((ROOT / "docs").glob("*.md"))], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_links_point_inside_the_repository(doc: Path):
    links = re.findall(r"\]\(([^)\s]+)\)", _without_code(doc.read_text()))
    assert links
    for link in links:
        if re.match(r"[a-z]+:", link):  # a web address, not a file
            assert link.startswith("https://"), link
            continue
        target, _, anchor = link.partition("#")
        path = (doc.parent / target).resolve() if target else doc
        assert path.is_relative_to(ROOT), f"{link} leaves the repository"
        assert path.exists(), f"{link}: no such file"
        if anchor:
            assert anchor in _slugs(path), f"{link}: no such heading"
