"""Kind ``seo-text-length`` (HL711): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from seocase import BODY, codes, html, md


@pytest.mark.parametrize("fmt,short", [
    ("markdown", "# A\n\n" + BODY + "\n"),
    ("html", html("", "<h1>A</h1><p>" + BODY + "</p>")),
    ("text", "A\n\n" + BODY + "\n"),
])
def test_hl711_short_text(fmt, short):
    [f] = codes(short, "HL711", fmt)
    assert "fewer than 300" in f.message
    long = short.replace(BODY, " ".join([BODY] * 20))
    assert codes(long, "HL711", fmt) == []


def test_hl711_exempt_page_type_and_min_words():
    assert codes(md("type: faq"), "HL711") == []
    assert codes(md("type: article"), "HL711")
    assert codes(md(), "HL711", config={"rules": {"HL711": {"params": {"min_words": 10}}}}) == []
