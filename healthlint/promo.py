"""Does the article promote a business or a service? Signals shared by the claim rules and the
disclosure rule.

FTC substantiation rules govern advertising. A sentence like "studies show the DASH diet lowers
blood pressure" is exposition on a government page and a sales claim on a clinic's page, so some
claim phrases count only in promotional articles, and the disclosure rule (HL604) asks promotional
articles to say so.

Real marketing pages rarely speak as "we": they promote in the third person, through a provider
praised with a place, a service list, prices, a call to book, and the language of sales copy. So
the test looks for the *kinds* of signal a reader recognises as advertising, each counted once:

* ``voice``: the business speaking of itself ("we offer", "our clinic", "our dentists");
* ``call``: a call to action ("call us today", "book an appointment", "get in touch");
* ``price``: a price or offer ("$299", "₹25,000", "Rs. 500", "free consultation", "affordable",
  "prices start from");
* ``phone``: a phone number;
* ``hype``: promotional superlatives ("miracle", "guaranteed", "life-changing", "game-changer");
* ``praise``: a provider praised as a rank or reputation ("the best dentist", "top hospitals",
  "renowned surgeons", "leading clinic");
* ``polish``: the stock phrases of service copy ("state-of-the-art", "top-notch", "highly
  experienced", "personalised care", "peace of mind");
* ``aspiration``: a benefit sold to the reader's looks or self-image ("transform your smile",
  "boost your confidence", "a radiant smile");
* ``local``: a service offered in a named place ("dentist in Springfield", "chiropractic care in
  the Akron area", "clinics near me") — local-search targeting;
* ``local-title``: a title that ties the page to a town ("Spinal Care in the Brookvale Area",
  "Chiropractic Philosophy in Brookvale"): the capitalised word after "in", "near" or "around" is a
  name, never written in lower case in the body (so "Heart Disease in Women" is not a place) —
  the page is built to rank for a local search;
* ``pitch``: a heading that sells ("Benefits of …", "Advantages of …", "Why choose …");
* ``register``: the vocabulary of sales copy, at least ``REGISTER_MIN`` different words of it
  ("seamless", "transformative", "radiant", "confidence", "top-notch", "renowned", "flawless"…):
  careful health writing uses one or two of them, sales copy a dozen. With ``REGISTER_STRONG``
  different words (``register-strong``; no page of the reputable corpus has more than three) the
  page reads as sales copy through and through, and that alone makes it promotional.

The words and patterns of each kind are data, in ``healthlint/data/promo_signals.yaml``; this
module holds how they are matched and counted.

An article is promotional with two different signals, not counting a phone number (a government
information line) unless the business's voice, a call to action or a local service goes with it. One signal alone
is common in careful writing ("the best treatment depends on…", one heading "Benefits of exercise");
two kinds of advertising language together are not. Measured in ``docs/quality.md``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .dates import TIME_NAMES
from .yamlutil import shipped_data

if TYPE_CHECKING:
    from .document import Document

# The vocabulary (healthlint/data/promo_signals.yaml): read once, when a rule first needs it.
_DATA = shipped_data("promo_signals")
_PROVIDER = "(?:" + "|".join(_DATA["provider"]) + ")"

# Each signal: the words a match can begin with, and the pattern, matched only where one of those
# words starts (found with str.find, the word boundary checked here). Far cheaper than letting the
# regex engine try the pattern at every character of the article. Patterns are lower case.
SIGNALS: dict[str, tuple[tuple[str, ...], re.Pattern]] = {
    name: (tuple(s["starts"]), re.compile(s["pattern"].replace("{provider}", _PROVIDER)))
    for name, s in _DATA["signals"].items()
}
# Signals that do not start with a word.
_MONEY = re.compile(r"[$€£₹]\s?\d|\b\d{1,2}\s?%\s+off\b")  # "$299", "20% off"
_RUPEES = re.compile(r"(?:rs|inr)\.?\s?\d")  # "Rs. 500", "INR 2,000" (word start checked by the caller)
# A North American phone number (an optional "+1 " or "(" before it does not change whether one is present).
_PHONE = re.compile(r"\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
# A service offered in a place: matched on the original text, since the place is a capitalised name
# ("dentist in Springfield", "care in the Akron area") or "near me".
_LOCAL = re.compile(_DATA["local"]["pattern"])
_LOCAL_WORDS = tuple(_DATA["local"]["starts"])
# The vocabulary of sales copy (word stems); counted as different stems per article.
_REGISTER = re.compile(_DATA["register"])
_STEM_END = re.compile(r"(?:s|ly|ed|ing|es|ment|ation)$")
_PUNCT = "\"'“”‘’()[]{}.,;:!?*…/"
_STEM_OF: dict[str, str | None] = {}  # word -> its sales-copy stem, or None (remembered per process)


def _sales_stems(low: str) -> int:
    """How many different sales-copy stems the lower-cased text holds: each distinct word is tested
    once (and remembered), instead of scanning the text with the whole alternation."""
    found = set()
    for token in set(low.split()):
        w = token.strip(_PUNCT)
        stem = _STEM_OF.get(w, "")
        if stem == "":
            stem = _STEM_END.sub("", w)[:7] if _REGISTER.fullmatch(w) else None
            if len(_STEM_OF) < 200_000:
                _STEM_OF[w] = stem
        if stem is not None:
            found.add(stem)
    return len(found)


REGISTER_MIN = int(_DATA["register_min"])
REGISTER_STRONG = int(_DATA["register_strong"])  # sales copy through and through: promotional on its own
# A heading that sells the treatment rather than explains it.
_PITCH = re.compile(_DATA["pitch"], re.I)
# "… in Brookvale", "… near the Brookvale Area" in a title; months and weekdays are times.
_TITLE_PLACE = re.compile(r"\b(?:in|near|around)\s+(?:the\s+)?([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)")
_WORD_CHAR = re.compile(r"\w")
_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")


def _starts_word_match(low: str, words: tuple[str, ...], rx: re.Pattern, target: str | None = None) -> bool:
    """Whether ``rx`` matches where one of ``words`` starts a word of ``low`` (matched against
    ``target``, the original text of the same length, when the pattern is case-sensitive)."""
    target = low if target is None else target
    for w in words:
        pos = low.find(w)
        while pos != -1:
            if (pos == 0 or not _WORD_CHAR.match(low, pos - 1)) and rx.match(target, pos):
                return True
            pos = low.find(w, pos + 1)
    return False


def _local_title(title: str, text: str) -> bool:
    """Whether the title places its subject in a town: a capitalised name after "in", "near" or
    "around" that ``text`` (the article, in its own case) never writes in lower case."""
    for m in _TITLE_PLACE.finditer(title):
        first = m.group(1).split()[0]
        if first in TIME_NAMES:
            continue
        if re.search(r"(?<![\w-])" + re.escape(first.lower()) + r"(?![\w-])", text) is None:
            return True
    return False


def promotion_signals(doc: "Document") -> set[str]:
    """The kinds of promotional signal present anywhere in the article (title and body)."""
    cached = doc.analyses.promotion
    if cached is not None:
        return cached
    text = "\n".join(b.text for b in doc.blocks)
    # The patterns are lower case: matching the lower-cased text avoids IGNORECASE, which is
    # several times slower in Python's engine.
    low = text.lower()
    found = {name for name, (words, rx) in SIGNALS.items() if _starts_word_match(low, words, rx)}
    if (any(c in low for c in "$€£₹%") and _MONEY.search(low)) or any(
            m.start() == 0 or not low[m.start() - 1].isalpha() for m in _RUPEES.finditer(low)):
        found.add("price")
    if "0000" in low.translate(_DIGITS_TO_ZERO) and _PHONE.search(low):  # needs four digits in a row
        found.add("phone")
    if (_starts_word_match(low, _LOCAL_WORDS, _LOCAL, text) if len(low) == len(text) else _LOCAL.search(text)):
        found.add("local")
    stems = _sales_stems(low)
    if stems >= REGISTER_MIN:
        found.add("register")
    if stems >= REGISTER_STRONG:
        found.add("register-strong")
    if _local_title(doc.subject or "", text):
        found.add("local-title")
    if any(getattr(b, "kind", "") in ("heading", "title") and _PITCH.match(b.text.strip()) for b in doc.blocks):
        found.add("pitch")
    doc.analyses.promotion = found
    return found


def speaks_as_business(low: str) -> bool:
    """Whether a piece of lower-cased text speaks as the business ("our", "we": every ``voice``
    match starts with one of them) or calls the reader to it (the ``call`` signal)."""
    return _has_word(low, ("our", "we")) or _starts_word_match(low, *SIGNALS["call"])


def _has_word(low: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` stands as a whole word in ``low`` (str.find, then the boundaries by
    hand: faster than a ``\b``-anchored regex over the whole article)."""
    for w in words:
        pos = low.find(w)
        while pos != -1:
            end = pos + len(w)
            if (pos == 0 or not _WORD_CHAR.match(low, pos - 1)) and not _WORD_CHAR.match(low, end):
                return True
            pos = low.find(w, pos + 1)
    return False


def business_sentences(doc: "Document") -> list[int]:
    """Indexes (in ``doc.sentences``) of the sentences that speak as the business or call the reader
    to it (:func:`speaks_as_business`); computed once per document for all claim rules."""
    cached = doc.analyses.business_sentences
    if cached is None:
        low = doc.joined()[1]
        # The page's signals are already known (the claim rules ask is_promotional first).
        if low is not None and not _has_word(low, ("our", "we")) and "call" not in promotion_signals(doc):
            cached = []  # one scan of the article: most pages never speak as a business
        else:
            cached = [i for i, s in enumerate(doc.sentences)
                      if speaks_as_business(s.lower if s.lower is not None else s.text.lower())]
        doc.analyses.business_sentences = cached
    return cached


def is_promotional(doc: "Document") -> bool:
    """Two different kinds of advertising signal; a phone number counts only beside the business's
    voice or a call to action."""
    found = promotion_signals(doc)
    if "register-strong" in found:
        return True
    if "phone" in found and not found & {"voice", "call", "local"}:
        found = found - {"phone"}
    return len(found) >= 2
