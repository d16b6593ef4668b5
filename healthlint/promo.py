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

SIGNALS = {
    "voice": re.compile(
        r"\b(?:we\s+(?:offer|provide|specialize|specialise|treat|help|are\s+proud|proudly|accept|serve|deliver)|"
        r"our\s+(?:[\w-]+\s+){0,3}?(?:clinic|clinics|team|practice|office|offices|center|centre|staff|therapists|doctors|providers|"
        r"patients|clients|program|programme|services|treatments|infusions|approach|specialists|experts|location))\b",
    ),
    "call": re.compile(
        r"\b(?:call|contact|text|email|visit)\s+(?:us|now|today|our\s+(?:clinic|office|team))\b|"
        r"\b(?:book|schedule|request|reserve)\s+(?:a|an|your)\s+(?:free\s+)?(?:consultation|appointment|visit|session|assessment|evaluation)\b|"
        r"\b(?:book|schedule|call)\s+(?:now|today|online)\b",
    ),
    "price": re.compile(
        r"[$€£]\s?\d|\bfree\s+(?:consultation|assessment|evaluation|session)\b|\bspecial\s+offer\b|\b\d{1,2}\s?%\s+off\b|"
        r"\binsurance\s+(?:accepted|plans\s+accepted)\b|\bfinancing\s+available\b",
    ),
    "phone": re.compile(r"(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"),
    "hype": re.compile(
        r"\b(?:miracle|guaranteed|life[- ]changing|game[- ]changer|revolutionary|cure[- ]all|"
        r"(?:clinically|scientifically)\s+proven|100\s?%\s+(?:effective|safe))\b",
    ),
}


# Literal words one of which must appear (lower-cased) before a signal's regex is worth running.
GATES = {
    "voice": ("we ", "our "),
    "call": ("call", "contact", "text", "email", "visit", "book", "schedule", "request", "reserve"),
    "price": ("$", "€", "£", "free", "special", "%", "insurance", "financing"),
    "phone": None,  # digits: checked below
    "hype": ("miracle", "guarantee", "changing", "changer", "revolution", "cure", "proven", "100"),
}
_THREE_DIGITS = re.compile(r"\d{3}")


def promotion_signals(doc: "Document") -> set[str]:
    """The kinds of promotional signal present anywhere in the article (title and body)."""
    cached = doc.__dict__.get("_promotion")
    if cached is not None:
        return cached
    text = "\n".join(b.text for b in doc.blocks)
    low = text.lower()
    found = set()
    for name, rx in SIGNALS.items():
        gate = GATES[name]
        if gate is None:
            if not _THREE_DIGITS.search(text):
                continue
        elif not any(g in low for g in gate):
            continue
        # The patterns are lower case: matching the lower-cased text avoids IGNORECASE, which is
        # several times slower in Python's engine.
        if rx.search(low if len(low) == len(text) else text.lower()):
            found.add(name)
    doc.__dict__["_promotion"] = found
    return found


def is_promotional(doc: "Document") -> bool:
    found = promotion_signals(doc)
    return bool(found & {"voice", "call"}) and len(found) >= 2
