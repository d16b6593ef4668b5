"""Kind ``seo-outbound-links`` (HL709): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from seocase import codes, html, md


REFS_MD = "# A\n\nText.\n\n## References\n\n1. Smith J. Sleep apnea in adults. Sleep Med Rev. 2021;12:34-40.\n"


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", REFS_MD, REFS_MD.replace("Sleep apnea in adults", "[Sleep apnea in adults](https://example.org/r)")),
    ("html", html("", "<h1>A</h1><p>Text, according to a 2021 study in JAMA.</p><p>More, see <a href='/about'>us</a>.</p>"),
     html("", "<h1>A</h1><p>Text, according to a <a href='https://example.org/s'>2021 study in JAMA</a>.</p>")),
])
def test_hl709_no_outbound_links(fmt, bad, good):
    assert len(codes(bad, "HL709", fmt)) == 1
    assert codes(good, "HL709", fmt) == []


def test_hl709_leaves_unsourced_pages_to_hl603_and_text_alone():
    assert codes("# A\n\nText without any source.\n", "HL709") == []
    assert codes("A\n\n" + REFS_MD[4:], "HL709", "text") == []
    assert codes("# A\n\nText without any source.\n", "HL709", config={"rules": {"HL709": {"params": {"skip_unsourced": False}}}})


def test_hl709_own_host_is_not_outbound():
    page = md("canonical: https://www.clinic.org/sleep/", REFS_MD.replace("Sleep apnea in adults", "[Sleep apnea](https://clinic.org/b)"))
    assert len(codes(page, "HL709")) == 1
