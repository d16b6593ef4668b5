"""Kind ``seo-keyphrase-anchor`` (HL714): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from seocase import codes, html


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", "# A\n\nRead more about [sleep apneas](https://ex.org/a).\n", "# A\n\nRead how [a sleep study works](https://ex.org/a).\n"),
    ("html", html("", "<p>Read more about <a href='https://ex.org/a'>Sleep Apnea</a>.</p>"),
     html("", "<p>Read about <a href='https://ex.org/a'>treating sleep apnea at home</a>.</p>")),
])
def test_hl714_keyphrase_as_anchor(fmt, bad, good):
    config = {"keyphrase": "sleep apnea"}
    [f] = codes(bad, "HL714", fmt, config)
    assert "apnea" in f.message.lower()
    assert codes(good, "HL714", fmt, config) == []
