"""Kind ``seo-title-length`` (HL701): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from healthlint.checks.seo_title_length import title_pixels

from seocase import BODY, LONG_TITLE, codes, html, md


def test_title_pixels_weights_wide_letters():
    assert title_pixels("W" * 10) > 3 * title_pixels("i" * 10)
    assert 250 < title_pixels("Sleep apnea in adults: symptoms and treatment") < 450


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", md(f'title: "{LONG_TITLE}"'), md('title: "Sleep apnea in adults"')),
    ("html", html(f"<title>{LONG_TITLE}</title>"), html("<title>Sleep apnea in adults</title>")),
])
def test_hl701_title_too_long(fmt, bad, good):
    [f] = codes(bad, "HL701", fmt)
    assert "characters" in f.message and "px" in f.message
    assert codes(good, "HL701", fmt) == []


def test_hl701_pixels_alone_can_exceed():
    wide = "WWWW MMMM WWWW MMMM WWWW MMMM WWWW MMMM"  # 39 characters, far wider than 580 px
    assert len(wide) < 60 and codes(md(f"title: {wide}"), "HL701")


def test_hl701_quiet_on_plain_text_first_line():
    assert codes(LONG_TITLE + "\n\n" + BODY + "\n", "HL701", "text") == []
