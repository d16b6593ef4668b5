"""The ``focus-keyphrase-*`` kinds: the keyphrase the author chose (front matter ``keyphrase:`` or
the config's ``keyphrase``), checked the way Yoast's SEO analysis does, one kind per check.
Matching ignores case and a plural "s"; without a keyphrase nothing is checked.

* ``focus-keyphrase-density``: Yoast density (count / words × 100 × (0.7 + n / 3)) outside
  ``min_density``–``max_density`` (0.5–3%). Fields: ``keyphrase``, ``count``, ``density``,
  ``problem``.
* ``focus-keyphrase-title``: not every content word of the keyphrase is in the title. Field:
  ``keyphrase``.
* ``focus-keyphrase-introduction``: not in the first paragraph. Field: ``keyphrase``.
* ``focus-keyphrase-subheadings``: in more than ``max_subheading_share`` (75%) of the subheadings —
  over-optimisation — or in none of at least two. Fields: ``keyphrase``, ``share``, ``problem``.

These were one kind, ``focus-keyphrase``, with a ``check`` parameter; rule files that say so still
load (:data:`healthlint.checks.RETIRED`).
"""

from __future__ import annotations

from typing import Iterable

from ..phrases import FUNCTION_WORDS, yoast_density
from ..textsim import words as norm_words
from . import register
from .base import Check, Hit, Param


def _stem(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


class FocusKeyphrase(Check):
    """A check of the focus keyphrase: :meth:`judge` gets its stemmed words, its content words and
    the values every message may use (``keyphrase``)."""

    scopes = ("document",)

    def check(self, doc) -> Iterable[Hit]:
        keyphrase = doc.meta.keyphrase or self.config.keyphrase
        if not keyphrase:
            return ()
        kp = [_stem(w) for w in norm_words(keyphrase)]
        content = {w for w in kp if w not in FUNCTION_WORDS} or set(kp)
        return self.judge(doc, kp, content, {"keyphrase": keyphrase})

    def judge(self, doc, kp: list[str], content: set[str], values: dict) -> Iterable[Hit]:
        raise NotImplementedError

    @staticmethod
    def declared_at(doc) -> tuple[int, int] | None:
        """Where the front matter declares the keyphrase (a finding about the whole text sits there)."""
        if "keyphrase" not in doc.meta.positions:
            return None
        pos = doc.meta.positions["keyphrase"]
        return (pos, pos + len("keyphrase"))


@register
class FocusKeyphraseDensity(FocusKeyphrase):
    kind = "focus-keyphrase-density"
    params = {
        "min_density": Param(float, 0.5, min=0.0, max=100.0),
        "max_density": Param(float, 3.0, min=0.1, max=100.0),
    }
    fields = ("keyphrase", "count", "density", "problem")

    def judge(self, doc, kp, content, values) -> Iterable[Hit]:
        anchor = self.declared_at(doc)
        count = sum(_count(kp, [_stem(w) for w in norm_words(s.text)]) for s in doc.sentences)
        density = yoast_density(count, doc.word_count, len(content))
        values.update(count=count, density=round(density, 1))
        if density > self.p["max_density"]:
            yield Hit(values={**values, "problem": f"above the {self.p['max_density']}% limit"}, source_span=anchor)
        elif density < self.p["min_density"] and doc.word_count >= 100:
            yield Hit(values={**values, "problem": f"below the {self.p['min_density']}% minimum"}, source_span=anchor)


@register
class FocusKeyphraseTitle(FocusKeyphrase):
    kind = "focus-keyphrase-title"
    fields = ("keyphrase",)

    def judge(self, doc, kp, content, values) -> Iterable[Hit]:
        if not content <= {_stem(w) for w in norm_words(doc.title or "")}:
            yield Hit(values=values, source_span=self.declared_at(doc))


@register
class FocusKeyphraseIntroduction(FocusKeyphrase):
    kind = "focus-keyphrase-introduction"
    fields = ("keyphrase",)

    def judge(self, doc, kp, content, values) -> Iterable[Hit]:
        first = next((b for b in doc.body if b.kind == "paragraph"), None)
        if first is not None and not content <= {_stem(w) for w in norm_words(first.text)}:
            yield Hit(first, 0, len(first.text), values)


@register
class FocusKeyphraseSubheadings(FocusKeyphrase):
    kind = "focus-keyphrase-subheadings"
    params = {"max_subheading_share": Param(float, 0.75, min=0.0, max=1.0)}
    fields = ("keyphrase", "share", "problem")

    def judge(self, doc, kp, content, values) -> Iterable[Hit]:
        subs = [b for b in doc.blocks if b.kind == "heading" and b.level in (2, 3)]
        if not subs:
            return
        hits = [b for b in subs if content <= {_stem(w) for w in norm_words(b.text)}]
        share = len(hits) / len(subs)
        values["share"] = round(100 * share)
        if share > self.p["max_subheading_share"] and len(subs) >= 2:
            yield Hit(hits[-1], 0, len(hits[-1].text), {**values, "problem": "in too many subheadings (over-optimised)"})
        elif not hits and len(subs) >= 2:
            yield Hit(subs[0], 0, len(subs[0].text), {**values, "problem": "in none of the subheadings"})


def _count(kp: list[str], ws: list[str]) -> int:
    """Uses of the keyphrase's words, in order and not overlapping, in a sentence's words."""
    n, count, i = len(kp), 0, 0
    while i <= len(ws) - n:
        if ws[i : i + n] == kp:
            count += 1
            i += n
        else:
            i += 1
    return count
