"""Kind ``seo-image-keyphrase`` (HL708): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from seocase import codes, html


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", "# A\n\nText.\n\n![A man asleep](bed.png)\n", "# A\n\nText.\n\n![A man with sleep apnea asleep](bed.png)\n"),
    ("html", html("", '<p>Text.</p><img src="bed.png" alt="A man asleep">'),
     html("", '<p>Text.</p><img src="bed.png" alt="A man with sleep apnea asleep">')),
])
def test_hl708_keyphrase_in_alt(fmt, bad, good):
    config = {"keyphrase": "sleep apnea"}
    assert len(codes(bad, "HL708", fmt, config)) == 1
    assert codes(good, "HL708", fmt, config) == []
    assert codes(bad, "HL708", fmt) == []  # no keyphrase declared
