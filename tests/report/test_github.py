"""The GitHub Actions report: workflow commands escaped as the Actions toolkit does, most severe first,
and a summary table appended to $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from healthlint.report.github import escape_data, escape_property

from helpers import CLAIM, run_cli


def test_github_annotations_format_and_escaping(tmp_path):
    (tmp_path / "a, b: c.md").write_text("# T\n\nThis miracle cream is guaranteed to work 100% of the time.\n")
    proc = run_cli("check", "--format", "github", "--select", "HL405", "a, b: c.md", cwd=tmp_path)
    [line] = proc.stdout.decode().splitlines()
    # The annotation covers the hype word itself: "miracle" is columns 6-12.
    assert line.startswith("::warning file=a%2C b%3A c.md,line=3,col=6,endLine=3,endColumn=13,")
    assert ",title=HL405 hype-language::Hype word" in line
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_annotations_most_severe_first_and_a_step_summary(tmp_path):
    import os

    (tmp_path / "a.md").write_text("# Cream\n\nThis miracle cream works in days.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"# Pill\n\n{CLAIM}\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    proc = run_cli("check", "--format", "github", "--select", "HL4", "a.md", "b.md", cwd=tmp_path, env=env)
    levels = [ln.split(" ", 1)[0] for ln in proc.stdout.decode().splitlines()]
    assert levels == sorted(levels, key=["::error", "::warning", "::notice"].index) and levels[0] == "::error"
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## healthlint")  # appended, as GitHub expects
    assert "| b.md |" in text and "| a.md |" in text
    assert text.index("| b.md |") < text.index("| a.md |")  # worst score first
    assert "| HL403 absolute-safety-claim | 1 |" in text
