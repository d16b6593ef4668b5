"""Kind ``trust-disclosure`` (HL604): an article that promotes its own business says so."""

from __future__ import annotations

from kindtools import FLU_BODY as BODY
from kindtools import PROMO, codes

SELLING = PROMO + BODY + "\nPrices start at $99.\n"


def test_undisclosed_promotion():
    assert codes(SELLING, ["HL604"]) == {"HL604"}


def test_disclosed_promotion():
    disclosed = SELLING + "\nDisclosure: this page was written by Bright Path Clinic, which sells these infusions.\n"
    assert codes(disclosed, ["HL604"]) == set()


def test_neutral_article_needs_no_disclosure():
    assert codes("# Flu shots\n\n" + BODY, ["HL604"]) == set()
