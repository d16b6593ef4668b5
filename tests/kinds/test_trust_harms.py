"""Kind ``trust-harms`` (HL605): an article that promotes a treatment mentions its harms."""

from __future__ import annotations

from kindtools import FLU_BODY as BODY
from kindtools import PROMO, codes

SELLING = PROMO + BODY.replace("Most people have a sore arm for a day or two; some have a mild fever. ", "") + "\nPrices start at $99.\n"


def test_missing_harms():
    assert codes(SELLING, ["HL605"]) == {"HL605"}


def test_harms_discussed():
    with_harms = SELLING + "\nSide effects can include nausea; the infusion is not suitable for people with psychosis.\n"
    assert codes(with_harms, ["HL605"]) == set()


def test_denials_are_not_a_discussion_of_harms():
    text = SELLING + "\nOur infusions have no side effects and are risk-free.\n"
    assert codes(text, ["HL605"]) == {"HL605"}


def test_neutral_article_is_not_judged():
    assert codes("# Flu shots\n\n" + BODY.replace("Most people have a sore arm for a day or two; some have a mild fever. ", ""),
                 ["HL605"]) == set()
