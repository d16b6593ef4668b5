"""Kind ``seo-passive-voice``: more than ``max_share`` of the sentences are in the passive (at
least ``min_sentences`` sentences), as Yoast's readability analysis counts them. Message fields:
``count`` (passive sentences), ``share`` (their percentage), ``value`` (sentences)."""

from __future__ import annotations

import re
from typing import Iterable

from . import register
from .base import Check, Hit, Param

_BE = {"am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't",
       "'s", "'re", "’s", "’re"}
# Words that may stand between the form of "be" and the participle ("is often caused", "was not seen").
_BETWEEN = {"not", "also", "often", "usually", "sometimes", "always", "never", "rarely", "still",
            "generally", "commonly", "typically", "frequently", "then", "now", "already", "mostly", "only",
            "largely", "mainly", "widely", "easily", "best", "further", "being", "just", "all"}
IRREGULAR_PARTICIPLES = set("""
arisen awoken borne born beaten become begun bent bet bitten bled blown broken bred brought built
burnt bought caught chosen come cut dealt done drawn dreamt drunk driven eaten fallen fed felt
fought found fled flown forbidden forgotten forgiven frozen given gone ground grown hung had heard
hidden hit held hurt kept knelt known laid led leant learnt left lent let lain lit lost made meant
met paid put quit read ridden rung risen run said seen sought sold sent set shaken shed shot shown
shrunk shut sung sunk sat slept slid spoken spent spun spread stood stolen stuck stung struck
proven sworn swept swollen swum taken taught torn told thought thrown understood undergone undertaken
upset woken worn woven won withdrawn written overcome overtaken overseen mistaken forecast
""".split())
# -ed words that are not participles, or are mostly adjectives after "be" (a state, not an action).
NOT_PASSIVE = set("""
need needed bed red shed seed feed speed indeed hundred bleed breed creed greed weed steed deed
tired worried interested concerned excited pleased surprised bored confused scared frightened
married supposed used ashamed amazed annoyed delighted disappointed embarrassed exhausted
frustrated relaxed satisfied stressed depressed determined experienced qualified talented
dedicated committed aged naked wicked sacred beloved crooked rugged ragged skilled advanced
limited detailed balanced complicated sophisticated educated unexpected unrelated unknown
overweight alleged devoted prepared involved located based related attached opposed
""".split())
_DEGREE = {"very", "so", "too", "quite", "rather", "more", "most", "less", "least", "extremely", "really", "fairly"}


def is_participle(word: str) -> bool:
    w = word.lower()
    if w in NOT_PASSIVE:
        return False
    if w in IRREGULAR_PARTICIPLES:
        return True
    return len(w) >= 5 and w.endswith("ed")


def passive(tokens: list[str]) -> bool:
    """Whether a sentence (lower-case words) has a passive: a form of "be", up to two adverbs,
    then a past participle; "is very worried" (a degree word) and the adjectives of
    :data:`NOT_PASSIVE` are states, not passives. "by" after the participle confirms one."""
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t not in _BE:
            continue
        j = i + 1
        skipped = 0
        while j < n and skipped < 2 and (tokens[j] in _BETWEEN or (tokens[j].endswith("ly") and len(tokens[j]) > 4)):
            j += 1
            skipped += 1
        if j >= n or tokens[j] in _DEGREE:
            continue
        if tokens[j] in ("used", "supposed") and j + 1 < n and tokens[j + 1] == "to":
            # "is used to treat" is a passive; "be supposed to" is not.
            if tokens[j] == "used":
                return True
            continue
        if is_participle(tokens[j]):
            return True
        if tokens[j] in NOT_PASSIVE and j + 1 < n and tokens[j + 1] == "by":
            return True  # "is caused by", "was prepared by": an agent makes it a passive
    return False


def _split_be(tokens: list[str]) -> list[str]:
    """Contracted "it's" / "they're" become two tokens so the "be" form is seen."""
    if not any("'" in t or "’" in t for t in tokens):
        return tokens
    out = []
    for t in tokens:
        m = re.match(r"^(\w+)(['’](?:s|re))$", t)
        if m and m.group(1) in ("it", "that", "there", "what", "they", "we", "you", "he", "she", "who"):
            out.extend((m.group(1), m.group(2)))
        else:
            out.append(t)
    return out


@register
class SeoPassiveVoice(Check):
    kind = "seo-passive-voice"
    params = {"max_share": Param(float, 0.10, min=0.0, max=1.0), "min_sentences": Param(int, 5, min=1)}
    fields = ("count", "share", "value")

    def check(self, doc) -> Iterable[Hit]:
        sentences = [s for s in doc.sentences if s.block.kind in ("paragraph", "list_item", "blockquote") and len(s.tokens) >= 3]
        if len(sentences) < self.p["min_sentences"]:
            return
        # Most sentences hold no form of "be" (and no contraction): a set test skips them.
        count = sum(1 for s in sentences
                    if (not _BE.isdisjoint(s.tokens) or any("'" in t or "’" in t for t in s.tokens))
                    and passive(_split_be(s.tokens)))
        share = count / len(sentences)
        if share > self.p["max_share"]:
            yield Hit(values={"count": count, "share": round(100 * share), "value": len(sentences)})
