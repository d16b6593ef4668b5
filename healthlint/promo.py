"""Does the article promote a business? Signals shared by the claim rules and the disclosure rule.

FTC substantiation rules govern advertising. A sentence like "studies show the DASH diet lowers
blood pressure" is exposition on a government page and a sales claim on a clinic's page, so some
claim phrases count only in promotional articles, and the disclosure rule (HL604) asks promotional
articles to say so. Signals, each counted once:

* ``voice``: the business speaking of itself ("we offer", "our clinic", "our team", "our patients");
* ``call``: a call to action ("call us today", "book a consultation", "schedule your appointment");
* ``price``: a price or offer ("$299", "free consultation", "special offer", "insurance accepted");
* ``phone``: a phone number;
* ``hype``: promotional superlatives ("miracle", "guaranteed", "life-changing", "game-changer").

An article is promotional with ``voice`` or ``call`` plus one more signal; phone numbers alone (a
government information line) are not enough.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document

# Each signal: the words a match can begin with, and the pattern, matched only where one of those
# words starts (found with str.find, the word boundary checked here). Far cheaper than letting the
# regex engine try the pattern at every character of the article.
SIGNALS: dict[str, tuple[tuple[str, ...], re.Pattern]] = {
    "voice": (("we", "our"), re.compile(
        r"we\s+(?:offer|provide|specialize|specialise|treat|help|are\s+proud|proudly|accept|serve|deliver)\b|"
        r"our\s+(?:[\w-]+\s+){0,3}?(?:clinic|clinics|team|practice|office|offices|center|centre|staff|therapists|doctors|providers|"
        r"patients|clients|program|programme|services|treatments|infusions|approach|specialists|experts|location)\b",
    )),
    "call": (("call", "contact", "text", "email", "visit", "book", "schedule", "request", "reserve"), re.compile(
        r"(?:call|contact|text|email|visit)\s+(?:us|now|today|our\s+(?:clinic|office|team))\b|"
        r"(?:book|schedule|request|reserve)\s+(?:a|an|your)\s+(?:free\s+)?(?:consultation|appointment|visit|session|assessment|evaluation)\b|"
        r"(?:book|schedule|call)\s+(?:now|today|online)\b",
    )),
    "price": (("free", "special", "insurance", "financing"), re.compile(
        r"free\s+(?:consultation|assessment|evaluation|session)\b|special\s+offer\b|"
        r"insurance\s+(?:accepted|plans\s+accepted)\b|financing\s+available\b",
    )),
    "hype": (("miracle", "guaranteed", "life", "game", "revolutionary", "cure", "clinically", "scientifically", "100"), re.compile(
        r"(?:miracle|guaranteed|life[- ]changing|game[- ]changer|revolutionary|cure[- ]all|"
        r"(?:clinically|scientifically)\s+proven|100\s?%\s+(?:effective|safe))\b",
    )),
}
# Signals that do not start with a word.
_MONEY = re.compile(r"[$€£]\s?\d|\b\d{1,2}\s?%\s+off\b")  # "$299", "20% off"
# A North American phone number (an optional "+1 " or "(" before it does not change whether one is present).
_PHONE = re.compile(r"\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
_WORD_CHAR = re.compile(r"\w")
_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")


def _starts_word_match(low: str, words: tuple[str, ...], rx: re.Pattern) -> bool:
    for w in words:
        pos = low.find(w)
        while pos != -1:
            if (pos == 0 or not _WORD_CHAR.match(low, pos - 1)) and rx.match(low, pos):
                return True
            pos = low.find(w, pos + 1)
    return False


def promotion_signals(doc: "Document") -> set[str]:
    """The kinds of promotional signal present anywhere in the article (title and body)."""
    cached = doc.__dict__.get("_promotion")
    if cached is not None:
        return cached
    # The patterns are lower case: matching the lower-cased text avoids IGNORECASE, which is
    # several times slower in Python's engine.
    low = "\n".join(b.text for b in doc.blocks).lower()
    found = {name for name, (words, rx) in SIGNALS.items() if _starts_word_match(low, words, rx)}
    if ("$" in low or "€" in low or "£" in low or "%" in low) and _MONEY.search(low):
        found.add("price")
    if "0000" in low.translate(_DIGITS_TO_ZERO) and _PHONE.search(low):  # needs four digits in a row
        found.add("phone")
    doc.__dict__["_promotion"] = found
    return found


def is_promotional(doc: "Document") -> bool:
    found = promotion_signals(doc)
    return bool(found & {"voice", "call"}) and len(found) >= 2
