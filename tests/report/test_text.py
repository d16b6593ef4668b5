"""The text report: findings grouped under a header per file, its concise form (one line per finding),
quiet and min-severity, and the source line with the span underlined."""

from __future__ import annotations

from pathlib import Path

from helpers import CLAIM, run_cli

PAGES = {
    "a.md": f"# Cream\n\n{CLAIM}\n",
    "b.md": "# Sleep\n\nMost adults need seven or more hours of sleep a night to feel rested.\n",
}


def _pages(tmp_path: Path) -> None:
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")


def test_text_report_groups_findings_under_a_header_per_file(tmp_path):
    import re

    _pages(tmp_path)
    filler = " ".join(f"Sleep and rest help the skin heal on day {n} of the week." for n in range(20))
    (tmp_path / "a.md").write_text(f"# Cream\n\n{CLAIM}\n\n{filler}\n", encoding="utf-8")
    out = run_cli("check", "--select", "HL4,HL6", ".", cwd=tmp_path).stdout.decode().splitlines()
    finding = re.compile(r"^\./a\.md(:\d+:\d+)?: HL\d{3} \[(error|warning|info)\] ")
    header = next(i for i, ln in enumerate(out) if ln.startswith("./a.md — score "))
    rows = out[header + 1 : out.index("", header)]
    assert rows and all(finding.match(r) for r in rows)
    # Article-level findings (no author) come first, without a line and column; then by place.
    assert rows[0].startswith("./a.md: HL6")
    assert any(r.startswith("./a.md:3:") for r in rows)
    assert not finding.match(out[header])  # the header never takes a finding's form
    assert out[-1].startswith("Found ")


def test_concise_quiet_and_min_severity(tmp_path):
    _pages(tmp_path)
    concise = run_cli("check", "--format", "concise", "--select", "HL4", ".", cwd=tmp_path).stdout.decode().splitlines()
    assert all(ln.startswith("./a.md:3:") for ln in concise[:-1]) and concise[-1].startswith("Found ")
    quiet = run_cli("check", "-q", "--select", "HL4", ".", cwd=tmp_path).stdout.decode().splitlines()
    assert quiet == concise[:-1]
    proc = run_cli("check", "--format", "concise", "--select", "HL4", "--min-severity", "error", ".", cwd=tmp_path)
    shown = proc.stdout.decode().splitlines()
    assert shown[:-1] and all("[error]" in ln for ln in shown[:-1])
    assert proc.returncode == 1  # the warnings still fail the run (--fail-on is separate)
    proc = run_cli("check", "--select", "HL405", "--min-severity", "error", ".", cwd=tmp_path)
    assert proc.returncode == 1 and "No findings" in proc.stdout.decode()


def test_show_source_underlines_the_span(tmp_path):
    _pages(tmp_path)
    out = run_cli("check", "--select", "HL405", "--show-source", "a.md", cwd=tmp_path).stdout.decode().splitlines()
    i = next(i for i, ln in enumerate(out) if ln.startswith("a.md:3:6: HL405"))
    assert out[i + 1].endswith("| " + CLAIM)
    bar, marks = out[i + 2].split("|", 1)
    assert marks[1:].index("^") == CLAIM.index("miracle") and marks.count("^") == len("miracle")
    assert out[i + 3].strip().startswith("= help: ")  # what to do, from the rule's fix
    assert "| " + CLAIM not in run_cli("check", "--select", "HL405", "a.md", cwd=tmp_path).stdout.decode()
