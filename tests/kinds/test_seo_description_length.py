"""Kind ``seo-description-length`` (HL703): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from seocase import GOOD_DESC, codes, html, md


@pytest.mark.parametrize("fmt,make", [
    ("markdown", lambda d: md(f"description: {d}")),
    ("html", lambda d: html(f'<meta name="description" content="{d}">')),
])
def test_hl703_description_length(fmt, make):
    [short] = codes(make("All about sleep apnea."), "HL703", fmt)
    assert "22 characters, shorter than 120" in short.message
    [long] = codes(make(GOOD_DESC + " It also covers snoring in children."), "HL703", fmt)
    assert "longer than 156" in long.message
    assert codes(make(GOOD_DESC), "HL703", fmt) == []


def test_hl703_points_at_the_description():
    [f] = codes(md("title: T\ndescription: Short."), "HL703")
    assert f.line == 3
