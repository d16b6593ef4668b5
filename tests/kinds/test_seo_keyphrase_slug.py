"""Kind ``seo-keyphrase-slug`` (HL712): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from helpers import run_cli
from seocase import codes, html, md


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", md("keyphrase: sleep apnea\nslug: /health/article-12/"), md("keyphrase: sleep apnea\nslug: /health/sleep-apnea/")),
    ("html", html('<link rel="canonical" href="https://ex.org/health/article-12">'),
     html('<link rel="canonical" href="https://ex.org/health/sleep-apnea">')),
])
def test_hl712_keyphrase_in_slug(fmt, bad, good):
    config = {"keyphrase": "sleep apnea"}
    assert len(codes(bad, "HL712", fmt, config)) == 1
    assert codes(good, "HL712", fmt, config) == []


def test_hl712_file_name_counts_through_cli(tmp_path):
    (tmp_path / "sleep-apneas.md").write_text(md("keyphrase: sleep apnea"), encoding="utf-8")
    (tmp_path / "article-12.md").write_text(md("keyphrase: sleep apnea"), encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "HL712", str(tmp_path))
    out = proc.stdout.decode()
    assert "article-12.md:2:1: HL712" in out and "sleep-apneas.md:" not in out
