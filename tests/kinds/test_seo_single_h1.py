"""Kind ``seo-single-h1`` (HL705): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from seocase import codes, html, md


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", "# A\n\nText here.\n\n# B\n\nMore text.\n", "# A\n\nText here.\n\n## B\n\nMore text.\n"),
    ("html", html("", "<h1>A</h1><p>Text here.</p><h1>B</h1><p>More.</p>"),
     html("", "<h1>A</h1><p>Text here.</p><h2>B</h2><p>More.</p>")),
])
def test_hl705_two_h1(fmt, bad, good):
    [f] = codes(bad, "HL705", fmt)
    assert "2 level-1 headings" in f.message
    assert codes(good, "HL705", fmt) == []


def test_hl705_no_h1():
    assert "no level-1 heading" in codes(html("", "<h2>A</h2><p>Text here.</p>"), "HL705", "html")[0].message
    assert codes(md("title: Sleep apnea", "## Signs\n\nText here.\n"), "HL705") == []  # the template shows the title
    assert codes("Sleep apnea\n\nText here.\n\nSigns\n\nMore text.\n", "HL705", "text") == []
