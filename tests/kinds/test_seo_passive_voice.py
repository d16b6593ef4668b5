"""Kind ``seo-passive-voice`` (HL715): true positives and true negatives, in Markdown and HTML
where the format has the field, plain text where it must stay quiet (issue 18)."""

from __future__ import annotations

import pytest

from healthlint.checks.seo_passive_voice import passive
from healthlint.textsim import words

from seocase import PASSIVE_BODY, codes, html


@pytest.mark.parametrize("sentence,expected", [
    ("The test is done at night.", True),
    ("Your breathing is recorded by a machine.", True),
    ("The drug was not approved for children.", True),
    ("It is often caused by a blocked airway.", True),
    ("This medicine is used to treat high blood pressure.", True),
    ("It's given as an injection.", True),
    ("Many people are tired during the day.", False),
    ("You are supposed to rest.", False),
    ("She was very worried about the result.", False),
    ("The nurse checked the results.", False),
    ("Sleep apnea is a common condition.", False),
    ("People who are interested can join a trial.", False),
])
def test_passive_detection(sentence, expected):
    from healthlint.checks.seo_passive_voice import _split_be

    assert passive(_split_be([w for w in words(sentence)])) is expected


ACTIVE_BODY = ("A nurse runs the test at night. She puts sensors on your chest. A machine records your breathing. "
               "A doctor checks the results. You go home in the morning.")


@pytest.mark.parametrize("fmt,wrap", [
    ("markdown", lambda b: f"# Sleep studies\n\n{b}\n"),
    ("html", lambda b: html("", f"<h1>Sleep studies</h1><p>{b}</p>")),
    ("text", lambda b: f"Sleep studies\n\n{b}\n"),
])
def test_hl715_passive_share(fmt, wrap):
    [f] = codes(wrap(PASSIVE_BODY), "HL715", fmt)
    assert f.severity == "info" and f.message.startswith("80% of the sentences (4 of 5)")
    assert codes(wrap(ACTIVE_BODY), "HL715", fmt) == []


def test_hl715_short_texts_not_checked():
    assert codes("# A\n\nThe test is done at night. It is checked.\n", "HL715") == []
