"""Kind ``seo-description-missing`` (HL702): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from seocase import BODY, GOOD_DESC, codes, html, md


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", md("title: Sleep apnea"), md(f"title: Sleep apnea\ndescription: {GOOD_DESC}")),
    ("html", html("<title>Sleep apnea</title>"), html(f'<title>Sleep apnea</title><meta name="description" content="{GOOD_DESC}">')),
])
def test_hl702_description_missing(fmt, bad, good):
    assert len(codes(bad, "HL702", fmt)) == 1
    assert codes(good, "HL702", fmt) == []


@pytest.mark.parametrize("text,fmt", [
    (md(), "markdown"),  # no front matter: nowhere to declare one
    (html(None), "html"),  # no head
    ("Sleep apnea\n\n" + BODY + "\n", "text"),
])
def test_hl702_quiet_without_head(text, fmt):
    assert codes(text, "HL702", fmt) == []
