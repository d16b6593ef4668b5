"""Runs of more than SPILL_OVER files keep results and cross-file records on disk
(healthlint.store). The reports must be exactly those of the in-memory path."""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from healthlint import baseline
from healthlint.config import Config
from healthlint.engine import Linter
from healthlint.report import render
from healthlint.store import RecordStore, ResultStore

from conftest import EXAMPLES

SHARED = ("Our caring team offers same-day appointments, accepts most insurance plans, and will help you "
          "understand every option before you decide on treatment.")


@pytest.fixture
def folder(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from corpus import write_corpus

    shutil.copytree(EXAMPLES, tmp_path / "examples")
    write_corpus(tmp_path / "synthetic", 40, 400)
    for i, city in enumerate(["Austin", "Dallas", "Waco", "Plano"]):
        (tmp_path / f"city-{i}.md").write_text(
            f"# {city}\n\nThe {city} office is near the river and opens at eight.\n\n{SHARED.replace('caring', city)}\n\n"
            "<!-- healthlint-disable-next-line HL203 -->\n" + SHARED + "\n\n"
            "<!-- healthlint-disable-next-line HL401 -->\nNothing to silence here at all.\n")
    return tmp_path


def lint(folder: Path, spill_over: int, **kw):
    cfg = Config()
    cfg.extend_select = ["HL004"]
    linter = Linter(cfg, spill_over=spill_over, **kw)
    return linter, linter.lint_paths([str(folder)])


def test_spilled_run_reports_exactly_what_the_in_memory_run_does(folder):
    mem_linter, mem = lint(folder, 10**9)
    disk_linter, disk = lint(folder, 0)
    assert isinstance(mem.files, list) and isinstance(disk.files, ResultStore)  # (a ResultList is a list)
    assert len(disk.files) == len(mem.files) > 40
    assert any(f.rule == "HL203" for f in mem.iter_findings()) and any(f.rule == "HL004" for f in mem.iter_findings())
    rules = [a.rule for a in mem_linter.ruleset.active]
    for fmt in ("json", "sarif", "text", "github"):
        assert render(disk, fmt, rules=rules) == render(mem, fmt, rules=rules), fmt
    assert disk.severity_counts() == mem.severity_counts()
    assert disk.rule_codes() == mem.rule_codes()
    assert baseline.dumps(disk) == baseline.dumps(mem)


def test_baseline_applies_to_a_spilled_run(folder):
    _, mem = lint(folder, 10**9)
    known = Counter(baseline._key(fr.path, f.rule, f.fingerprint) for fr in mem.files for f in fr.findings if f.rule == "HL203")
    _, disk = lint(folder, 0)
    assert baseline.apply(disk, known) == baseline.apply(mem, known) == sum(known.values()) > 0
    assert render(disk, "json") == render(mem, "json")
    assert "HL203" not in disk.rule_codes()


def test_record_store_round_trip():
    store = RecordStore()
    store.append(("b.md", b"\x00\x01binary"))
    store.append(("a.md", {"k": [1, 2]}))
    store.sort_by_path()
    assert list(store) == [("a.md", {"k": [1, 2]}), ("b.md", b"\x00\x01binary")]
    assert store[1] == ("b.md", b"\x00\x01binary") and len(store) == 2
    store.close()
