"""Kind ``off-topic-intro``: an introduction formula that announces a subject the page is not about
("In this blog post, we will explore … the best dental hospital" on a page titled "Best cosmetic
surgeon"): a paragraph left over from the template or page it was copied from.

A sentence that opens with one of the ``formulas`` (regular expressions; the announced subject is
the rest of the sentence) is compared with the page's title (or, without one, its first heading):
when none of the title's topic words — its content words less the ``generic`` ones ("best", "guide",
"tips") and capitalised place names — appears in the subject, the introduction is about something
else. Words are compared by their first five letters, singular and plural alike ("surgeon" and
"surgery", "hospitals" and "hospital"). Message fields: ``subject``, ``title``.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..lexicon import validate_patterns
from ..phrases import FUNCTION_WORDS, fold
from . import register
from .base import Check, Hit, Param

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _topic(text: str, generic: frozenset[str], keep_capitalised: bool) -> set[str]:
    out = set()
    for i, m in enumerate(_WORD.finditer(text)):
        w = m.group(0)
        low = w.lower()
        if low in FUNCTION_WORDS or low in generic or len(low) < 3:
            continue
        if not keep_capitalised and i > 0 and w[:1].isupper() and not w.isupper():
            continue  # a place or a name in running text is no topic word
        out.add(fold(low)[:5])
    return out


@register
class OffTopicIntro(Check):
    kind = "off-topic-intro"
    scopes = ("sentence",)
    params = {
        "formulas": Param(list),
        "generic": Param(list, []),
    }
    fields = ("subject", "title")

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        if not p["formulas"]:
            return {"formulas": "must be a non-empty list of regular expressions"}
        return validate_patterns(p, ("formulas",))

    def setup(self) -> None:
        self.formula = re.compile("|".join(f"(?:{x})" for x in self.p["formulas"]), re.I)
        # lower-case text is scanned without IGNORECASE, which is much slower in Python's engine
        self.formula_low = re.compile("|".join(f"(?:{x})" for x in self.p["formulas"]))
        self.generic = frozenset(w.lower() for w in self.p["generic"])

    def check(self, doc) -> Iterable[Hit]:
        text, low, _ = doc.joined()
        if (self.formula_low.search(low) if low is not None else self.formula.search(text)) is None:
            return  # no introduction formula anywhere: the common case, one scan
        title = doc.subject
        if not title:
            return
        places = {w.lower() for w in _WORD.findall(title)[1:] if w[:1].isupper()} & self._capitalised_in_body(doc)
        topic = _topic(title, self.generic | places, keep_capitalised=True)
        if not topic:
            return
        for s in doc.sentences:
            m = self.formula.match(s.text)
            if m is None:
                continue
            subject = s.text[m.end():].strip().rstrip(".!?")
            if len(subject.split()) < 2:
                continue
            if topic & _topic(subject, self.generic, keep_capitalised=False):
                continue
            shown = subject if len(subject) <= 80 else subject[:77] + "…"
            yield Hit(s.block, s.start, s.end, {"subject": shown, "title": title.strip()})

    @staticmethod
    def _capitalised_in_body(doc) -> set[str]:
        """Words the body writes capitalised mid-sentence and never in lower case: names and places
        ("Gurgaon"), not topic words that a heading style capitalises ("Dental Veneers")."""
        upper, lower = set(), set()
        for s in doc.sentences[:300]:
            for k, w in enumerate(s.words):
                if w.text[:1].isupper():
                    if k:
                        upper.add(w.text.lower())
                else:
                    lower.add(w.text.lower())
        return upper - lower
