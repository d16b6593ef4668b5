"""Kinds ``keyphrase-stuffing`` and ``keyphrase-occurrences``: a multi-word phrase repeated far
more than natural prose does, found without being told the keyphrase.

Candidates are body n-grams of ``min_n``–``max_n`` words (within a sentence, starting and ending
with a content word) seen at least ``min_count`` times. Density is Yoast's: count / words × 100 ×
(0.7 + n / 3), n being the phrase's content words. Each phrase is judged against the first limit
that applies:

1. one holding a place name (built-in gazetteer plus the config's ``places``, or by its shape: "in",
   "near" or "around" before a capitalised word in most of its uses, "hospital in Gurgaon"), or a
   business's name (Title Case with a word like Clinic, Wellness, Therapy): ``max_density``
   (Yoast's red line, 3%; on the 207 reputable reference articles such phrases reach 2.1%);
2. one whose content words all appear in the title, or the first heading when there is no title
   (:attr:`Document.subject`) — the article's medical topic, "type 2 diabetes" in a diabetes
   article, however it is capitalised: ``topic_max_density`` (9%; reputable articles reach 6.6%);
3. one written in Title Case mid-sentence in at least half of its uses ("Ketamine Treatment"), a
   name: ``max_density``;
4. any other: ``plain_max_density`` (6%; reputable articles reach 4.9%).

``keyphrase-stuffing`` gives one document-level finding per stuffed phrase. On scope ``paragraph``
it reports a place or business phrase (a place name, or Title Case with a word like Clinic,
Center, Wellness) used more than ``max_per_paragraph`` times in one paragraph ("a clinic name four
times in one paragraph"), or more than ``stuffed_max_per_paragraph`` times when the phrase has three
or more words and the page uses it more than ``stuffed_per_1000`` times per 1,000 words (0: off).
Message fields: ``phrase``, ``count``, ``words``, ``density``, ``limit``, ``allowed``.

``keyphrase-occurrences`` reports every occurrence of a stuffed phrase beyond the allowed count
(Yoast's recommended maximum count, at least 2) at its own place, up to ``max_reported`` per phrase
(the summary gives the total), and only in a paragraph holding at least ``min_per_paragraph`` uses
of the phrase. Message fields: those of ``keyphrase-stuffing`` and ``nth``.

These were one kind, ``keyphrase-stuffing``, with a ``report`` parameter (``summary`` or
``occurrences``); rule files that say so still load (:data:`healthlint.checks.RETIRED`).
"""

from __future__ import annotations

import re
from typing import Iterable

from ..dates import MONTH, WEEKDAY
from ..phrases import BUSINESS_WORDS, FUNCTION_WORDS, Phrase, allowed_count, place_names, repeated_phrases, select, yoast_density
from ..textsim import words as norm_words
from . import register
from .base import Check, Hit, Param


_PLACE_PREPOSITIONS = frozenset({"in", "near", "around"})
_PLACE_SHAPE = re.compile(r"\b(?:in|near|around)\s+[A-Z][a-z]{2,}")
# "… in Gurgaon" after a lower-case word or a comma: a place anchoring a service phrase. One or two
# capitalised words; months and weekdays ("in March") are times, not places.
_PLACE_ANCHOR = re.compile(r"(?<=[a-z,] )(?:in|near|around)\s+([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)")
_LABEL_AFTER = re.compile(r"\s?:")
_NOT_A_PLACE = re.compile(rf"(?i)^(?:{MONTH}|{WEEKDAY})$")


# What finds a stuffed phrase, shared by both kinds.
_DENSITY = {
    "min_n": Param(int, 2, min=1, max=8),
    "max_n": Param(int, 6, min=1, max=8),
    "min_count": Param(int, 3, min=2, max=1000),
    "max_density": Param(float, 3.0, min=0.1, max=100.0),
    "plain_max_density": Param(float, 6.0, min=0.1, max=100.0),
    "topic_max_density": Param(float, 9.0, min=0.1, max=100.0),
    "min_words": Param(int, 100, min=0),
}


@register
class KeyphraseStuffing(Check):
    kind = "keyphrase-stuffing"
    scopes = ("document", "paragraph")
    params = {
        **_DENSITY,
        "max_per_paragraph": Param(int, 3, min=1, max=100),
        "stuffed_per_1000": Param(float, 0.0, min=0.0, max=1000.0),
        "stuffed_max_per_paragraph": Param(int, 1, min=1, max=100),
    }
    fields = ("phrase", "count", "words", "density", "limit", "allowed")

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        if p["max_n"] < p["min_n"]:
            return {"max_n": "must be at least min_n"}
        return {}

    def setup(self) -> None:
        self.places = place_names(self.config.places)
        self._place_cache: dict[tuple[str, ...], bool] = {}

    @staticmethod
    def _title_case(phrase: Phrase) -> bool:
        mid = [o for o in phrase.occurrences if not o.sentence_start]
        return bool(mid) and sum(1 for o in mid if o.capitalised) >= 0.5 * len(mid)

    def _is_business(self, phrase: Phrase) -> bool:
        return self._has_place(phrase) or (not BUSINESS_WORDS.isdisjoint(phrase.words) and self._title_case(phrase))

    def _has_place(self, phrase: Phrase) -> bool:
        cached = self._place_cache.get(phrase.words)
        if cached is None:
            if len(self._place_cache) > 50_000:  # bounded across a long run
                self._place_cache.clear()
            cached = self._place_cache[phrase.words] = self._find_place(phrase.words)
        return cached or self._names_a_place(phrase)

    @staticmethod
    def _names_a_place(phrase: Phrase) -> bool:
        """A place by its shape, for towns no gazetteer holds: the phrase puts "in", "near" or
        "around" before a capitalised word in most of its uses ("hospital in Gurgaon")."""
        ws = phrase.words
        after = [ws[i + 1] for i in range(len(ws) - 1) if ws[i] in _PLACE_PREPOSITIONS]
        if not after:
            return False
        # Cheap first: the word after the preposition must be written capitalised somewhere.
        doc = phrase._doc
        if doc is not None:
            text = doc.joined()[0]
            if not any(text.find(" " + w[:1].upper() + w[1:]) != -1 for w in after):
                return False
        occ = phrase.occurrences
        shaped = sum(1 for o in occ if _PLACE_SHAPE.search(o.block.text, o.start, o.end))
        return shaped * 2 > len(occ)

    def _find_place(self, ws: tuple[str, ...]) -> bool:
        for n in (1, 2, 3):
            for i in range(len(ws) - n + 1):
                if " ".join(ws[i : i + n]) in self.places:
                    return True
        return False

    def check(self, doc) -> Iterable[Hit]:
        words = doc.word_count
        if words < self.p["min_words"]:
            return
        min_count = self.p["min_count"] if self.scope == "document" else self.p["max_per_paragraph"] + 1
        # All stuffing rules share one candidate set (counted at 3 or more), filtered here.
        candidates = repeated_phrases(doc, self.p["min_n"], self.p["max_n"], min(min_count, 3))
        if min_count > 3:
            candidates = [ph for ph in candidates if ph.count >= min_count]
        if self.scope == "paragraph":
            yield from self._paragraphs(doc, select([ph for ph in candidates if self._is_business(ph)], words))
            return
        title = set(norm_words(doc.subject or ""))
        # Judge every candidate against its own limit first, then keep the densest of overlapping
        # stuffed phrases: a frame around a keyphrase ("Visit … today") must not hide it.
        floor = min(self.p["max_density"], self.p["plain_max_density"], self.p["topic_max_density"])
        candidates = [ph for ph in candidates if yoast_density(ph.count, words, ph.content_words) > floor]
        stuffed = [(ph, self._limit(ph, title)) for ph in candidates]
        stuffed = [(ph, lim) for ph, lim in stuffed if yoast_density(ph.count, words, ph.content_words) > lim]
        limits = {id(ph): lim for ph, lim in stuffed}
        for ph in select([ph for ph, _ in stuffed], words):
            limit = limits[id(ph)]
            density = yoast_density(ph.count, words, ph.content_words)
            allowed = allowed_count(limit, words, ph.content_words)
            shown = self._shown(ph)
            values = {"phrase": shown, "count": ph.count, "words": words, "density": round(density, 1),
                      "limit": limit, "allowed": allowed}
            yield from self.report(ph, values)

    def report(self, ph: Phrase, values: dict) -> Iterable[Hit]:
        """The findings for one stuffed phrase: one, on the article."""
        yield Hit(values=values)

    def _limit(self, ph: Phrase, title: set[str]) -> float:
        if self._is_business(ph):  # a place, or a business's name ("Sunrise Wellness Clinic")
            return self.p["max_density"]
        if {w for w in ph.words if w not in FUNCTION_WORDS} <= title:
            return self.p["topic_max_density"]
        if self._title_case(ph):
            return self.p["max_density"]
        return self.p["plain_max_density"]

    def _paragraphs(self, doc, phrases: list[Phrase]) -> Iterable[Hit]:
        reported: set[int] = set()
        for ph in phrases:
            by_block: dict[int, list] = {}
            for o in ph.occurrences:
                # "Artemis Hospital Location: Sector 51": a field label, not a use of a name.
                if ":" not in o.block.text[o.start : o.end] and not _LABEL_AFTER.match(o.block.text, o.end):
                    by_block.setdefault(o.block.index, []).append(o)
            # A phrase the page already repeats past HL304's rate needs no third use in a paragraph.
            limit = self.p["max_per_paragraph"]
            rate = self.p["stuffed_per_1000"]
            if rate and len(ph.words) >= 3 and 1000 * ph.count / doc.word_count > rate:
                limit = self.p["stuffed_max_per_paragraph"]
            for occ in by_block.values():
                if len(occ) > limit:
                    b = occ[0].block
                    reported.add(b.index)
                    yield Hit(b, 0, len(b.text), {"phrase": self._shown(ph), "count": len(occ)})
        # The same place after different services ("dental treatment in Gurgaon", "dental
        # hospital in Gurgaon", "options in Gurgaon"): one keyword, varied so no phrase repeats.
        for b in doc.body:
            if b.index in reported or " in " not in b.text and " near " not in b.text and " around " not in b.text:
                continue
            counts: dict[str, int] = {}
            for m in _PLACE_ANCHOR.finditer(b.text):
                place = m.group(1)
                if not _NOT_A_PLACE.match(place.split()[0]):
                    counts[place] = counts.get(place, 0) + 1
            for place, n in sorted(counts.items(), key=lambda kv: -kv[1])[:1]:
                if n > self.p["max_per_paragraph"]:
                    yield Hit(b, 0, len(b.text), {"phrase": f"in {place}", "count": n})

    @staticmethod
    def _shown(ph: Phrase) -> str:
        """The phrase as most often written (capitals kept)."""
        forms: dict[str, int] = {}
        for o in ph.occurrences:
            t = " ".join(o.block.text[o.start : o.end].split())
            forms[t] = forms.get(t, 0) + 1
        return max(sorted(forms), key=lambda t: forms[t]) if forms else " ".join(ph.words)


@register
class KeyphraseOccurrences(KeyphraseStuffing):
    kind = "keyphrase-occurrences"
    scopes = ("document",)
    params = {
        **_DENSITY,
        "max_reported": Param(int, 50, min=1, max=100_000),
        "min_per_paragraph": Param(int, 1, min=1, max=100),
    }
    fields = ("phrase", "count", "words", "density", "limit", "allowed", "nth")

    def report(self, ph: Phrase, values: dict) -> Iterable[Hit]:
        """The findings for one stuffed phrase: each use past the allowed count, where it stands."""
        allowed = values["allowed"]
        occ = sorted(ph.occurrences, key=lambda o: (o.block.index, o.start))
        per_block: dict[int, int] = {}
        for o in occ:
            per_block[o.block.index] = per_block.get(o.block.index, 0) + 1
        # A documented cap: past ``max_reported`` uses of one phrase, the rest are not
        # reported one by one (the HL301 summary gives the total); a page of 300,000
        # repeated words would otherwise carry 300,000 findings.
        # An excess use is reported where uses cluster (``min_per_paragraph`` in its
        # paragraph): a lone mention in a list item is how a page names its subject.
        # A keyword list (an SEO field pasted with the text) is residue, reported by
        # the residue rules, not here a second time.
        extra = [(nth, o) for nth, o in enumerate(occ[allowed:], start=allowed + 1)
                 if per_block[o.block.index] >= self.p["min_per_paragraph"] and not o.block.is_keyword_list]
        for nth, o in extra[: self.p["max_reported"]]:
            yield Hit(o.block, o.start, o.end, {**values, "nth": nth})


__all__ = ["KeyphraseStuffing", "KeyphraseOccurrences", "FUNCTION_WORDS"]
