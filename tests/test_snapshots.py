"""Every report format on examples/ matches its snapshot (tests/snapshots/examples.<format>), byte for
byte apart from the rule pages' address: a change to a rule, a message, a span or a format shows up
here as a diff. After an intended change: python tools/update_snapshots.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "update_snapshots.py"
FORMATS = ("text", "concise", "json", "sarif", "github", "html")


def test_every_format_has_a_snapshot():
    assert {p.name for p in (ROOT / "tests" / "snapshots").glob("examples.*")} == {f"examples.{f}" for f in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_snapshot_holds_findings(fmt):
    # A snapshot of an empty or failed run would make the comparison below meaningless.
    text = (ROOT / "tests" / "snapshots" / f"examples.{fmt}").read_text(encoding="utf-8")
    assert "HL401" in text and "ketamine-austin.html" in text


def test_reports_match_their_snapshots():
    proc = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
