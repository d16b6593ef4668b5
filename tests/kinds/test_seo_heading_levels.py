"""Kind ``seo-heading-levels`` (HL706): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from seocase import codes, html


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", "# A\n\n## B\n\n#### C\n\nText.\n", "# A\n\n## B\n\n### C\n\nText.\n\n## D\n\nText.\n"),
    ("html", html("", "<h1>A</h1><h2>B</h2><h4>C</h4><p>Text.</p>"),
     html("", "<h1>A</h1><h2>B</h2><h3>C</h3><p>Text.</p><h2>D</h2>")),
])
def test_hl706_skipped_level(fmt, bad, good):
    [f] = codes(bad, "HL706", fmt)
    assert f.message.startswith("Heading level 4 follows level 2")
    assert codes(good, "HL706", fmt) == []
