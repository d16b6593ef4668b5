"""Kind ``internal-links`` (HL710): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import json

from helpers import run_cli


def _site(tmp_path, pages: dict[str, str]) -> list[str]:
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / n) for n in pages]


LONG = " ".join(["Sleep apnea makes breathing stop and start during sleep."] * 4)


def test_hl710_internal_links_through_cli(tmp_path):
    _site(tmp_path, {
        "a.md": f"# A\n\n{LONG} See [snoring](b.md).\n",
        "b.md": f"# B\n\n{LONG}\n",
        "c.html": f"<html><head><link rel='canonical' href='https://site.org/c'></head><body><p>{LONG} "
                  "<a href='https://site.org/a'>apnea</a></p></body></html>",
        "d.html": f"<html><body><p>{LONG} <a href='https://other.org/a'>apnea</a></p></body></html>",
        "e.txt": f"E\n\n{LONG}\n",
    })
    proc = run_cli("check", "--no-cache", "--select", "HL710", "--format", "json", str(tmp_path))
    report = json.loads(proc.stdout)
    flagged = sorted(f["path"].rsplit("/", 1)[-1] for f in report["files"] if f["findings"])
    assert flagged == ["b.md", "d.html"]


def test_hl710_single_file_is_not_a_site(tmp_path):
    [path] = _site(tmp_path, {"a.md": f"# A\n\n{LONG}\n"})
    proc = run_cli("check", "--no-cache", "--select", "HL710", path)
    assert proc.returncode == 0 and b"HL710" not in proc.stdout
