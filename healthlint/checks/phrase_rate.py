"""Kind ``phrase-rate``: a phrase of ``min_phrase_words`` or more words that holds a place or a
business name, repeated more often per 1,000 words than natural text ever does ("hospital in Noida"
30 times per 1,000 words).

Phrases are counted as a search engine and Yoast see the page: in the body, the title and the
headings, with singular and plural as one (:func:`healthlint.phrases.fold`). A place or business
phrase is one that HL303 recognises: a gazetteer place, "in"/"near" before a capitalised town, or a
Title Case name with a word like Clinic or Hospital. The rate is uses per 1,000 words of body text;
``max_per_1000`` is set well above what careful writing reaches (on the 207 reputable reference
pages no such phrase passes 3 per 1,000 words; on the marketing pages of spam-dev they reach 9 to
30). One finding per phrase, on the article. Message fields: ``phrase``, ``count``, ``rate``,
``limit``.
"""

from __future__ import annotations

from typing import Iterable

from ..phrases import fold_tokens, repeated_phrases, select
from . import register
from .base import Hit, Param
from .keyphrase_stuffing import KeyphraseStuffing


@register
class PhraseRate(KeyphraseStuffing):
    kind = "phrase-rate"
    scopes = ("document",)
    params = {
        "min_phrase_words": Param(int, 3, min=2, max=8),
        "max_per_1000": Param(float, 6.0, min=0.1, max=1000.0),
        "min_count": Param(int, 4, min=2, max=1000),
        "min_words": Param(int, 100, min=0),
    }
    fields = ("phrase", "count", "rate", "limit")

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        return {}

    def check(self, doc) -> Iterable[Hit]:
        words = doc.word_count
        if words < self.p["min_words"]:
            return
        n = self.p["min_phrase_words"]
        candidates = [ph for ph in repeated_phrases(doc, 2, 6, 3) if len(ph.words) >= n and self._is_business(ph)]
        if not candidates:
            return
        headings = [fold_tokens(b.tokens) for b in doc.blocks if b.is_heading]
        if doc.meta.title and not any(b.kind == "title" for b in doc.blocks):
            from ..textsim import words as norm_words

            headings.append(fold_tokens(norm_words(doc.meta.title)))
        limit = self.p["max_per_1000"]
        for ph in select(candidates, words):
            k = len(ph.words)
            in_headings = sum(1 for toks in headings for i in range(len(toks) - k + 1) if tuple(toks[i : i + k]) == ph.words)
            count = ph.count + in_headings
            rate = 1000 * count / words
            if count >= self.p["min_count"] and rate > limit:
                yield Hit(values={"phrase": self._shown(ph), "count": count, "rate": round(rate, 1), "limit": limit})
