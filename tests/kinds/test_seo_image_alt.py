"""Kind ``seo-image-alt`` (HL707): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from seocase import codes, html, md


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", "# A\n\nText.\n\n![](mask.png)\n", "# A\n\nText.\n\n![A nasal mask](mask.png)\n"),
    ("html", html("", '<h1>A</h1><p>Text.</p><img src="mask.png">'),
     html("", '<h1>A</h1><p>Text.</p><img src="mask.png" alt="A nasal mask">')),
])
def test_hl707_missing_alt(fmt, bad, good):
    [f] = codes(bad, "HL707", fmt)
    assert f.line == (5 if fmt == "markdown" else 1) and "mask.png" in f.message
    assert codes(good, "HL707", fmt) == []


def test_hl707_empty_alt_and_head_images():
    assert codes(html("", '<p>Text.</p><img src="a.png" alt="">'), "HL707", "html")
    assert codes(md("image: hero.png"), "HL707") == []  # a featured image is not in the text
