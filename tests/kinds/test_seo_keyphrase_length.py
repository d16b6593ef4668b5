"""Kind ``seo-keyphrase-length`` (HL713): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

from seocase import codes, md


def test_hl713_keyphrase_length():
    [f] = codes(md("keyphrase: best natural home remedies for obstructive sleep apnea"), "HL713")
    assert "7 content words" in f.message and f.line == 2
    assert codes(md("keyphrase: treatment of sleep apnea"), "HL713") == []  # "of" is not a content word
    assert codes("<p>x</p>", "HL713", "html", {"keyphrase": "a b c d e f"})  # the config's keyphrase
