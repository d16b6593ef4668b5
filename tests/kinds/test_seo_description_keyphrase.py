"""Kind ``seo-description-keyphrase`` (HL704): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from seocase import GOOD_DESC, codes, html, md


@pytest.mark.parametrize("fmt,make", [
    ("markdown", lambda d: md(f"keyphrase: sleep apnea\ndescription: {d}")),
    ("html", lambda d: html(f'<meta name="description" content="{d}">')),
])
def test_hl704_keyphrase_in_description(fmt, make):
    config = {"keyphrase": "sleep apnea"}
    assert len(codes(make("Why some adults snore loudly and feel tired during the day."), "HL704", fmt, config)) == 1
    assert codes(make(GOOD_DESC), "HL704", fmt, config) == []
    assert codes(md("description: Why some adults snore."), "HL704") == []  # no keyphrase declared
