"""Kind ``claim``: a health claim in a sentence, reported when nothing backs it.

Each rule gives the claim phrases as ``cues`` (regular expressions: the lexicon users extend), and
may give ``promotional_cues``: phrases of ordinary scientific exposition ("has been shown to",
"studies show", "safe and effective") that are claims only in an article that promotes a business
(:mod:`healthlint.promo`: the business's own voice or a call to action, plus prices, a phone number
or hype). FTC substantiation rules govern advertising; on a neutral public-health page the same
words are exposition.
A sentence matching a cue is a claim unless it is not asserted: a ``negations`` pattern within the
``negation_window`` words before the cue ("ketamine is not a cure"), a ``conditions`` pattern in the
clause before it ("when trials show…", "to find out if it is safe and effective"), a
``post_negations`` pattern in the words after it ("a cure that
works for everyone has not been found"), or a sentence that opens with "No"/"None"/"There is no". A question asserts nothing and is skipped.
Promotional cues count on a page that :func:`healthlint.promo.is_promotional` calls promotional,
and in any sentence that speaks as the business or calls the reader to it ("our laser is more
effective than surgery", :func:`healthlint.promo.speaks_as_business`), wherever it stands.
When ``require_unsourced`` is true, a sentence whose paragraph carries a citation is fine
(:mod:`healthlint.citations`: a web link, "(Smith et al., 2021)", a DOI or PMID, a journal and
year, or [1]-style markers with a reference list). A ``hedges`` match ("may help", "early research
suggests") lowers the severity to ``hedged_severity`` — unless ``hedge_exempt`` is true (hype and
absolute safety promises stay as they are). ``requires`` (optional) is a second lexicon the sentence
must also match (a speed promise only counts next to a promised benefit). One finding per sentence,
quoting the phrase that triggered it. Message fields: ``match``, and ``hedged`` — empty, or
" (the sentence also says 'may')" when a hedge lowered the severity, so the message says why.

``families`` names word lists (each a list of regular expressions) that the cue patterns use as
``{name}``: a claim is matched by its structure — what is promised (``{agent}``: a treatment,
procedure, product, "it", "this therapy"), the benefit (``{benefit}``: relieves, restores,
eliminates…) and what it acts on — rather than by one spelling. The families are rule data, so a
user extends a claim family in config without touching the patterns. ``interrupts`` lists words
that end a claim's subject when they stand between a match's first and last words ("the treatment
*is* eliminated", "which *can* help"): such a match is not a claim. (A list rather than a lookahead in
the pattern, so the whole-article prefilter still applies.)
"""

from __future__ import annotations

import re
from typing import Iterable

from ..citations import sentence_sourced
from ..lexicon import Lexicon, validate_patterns
from ..promo import business_sentences, is_promotional
from ..yamlutil import shipped_data
from . import register
from .base import Check, Hit, Param, touched


# The claim kind's default word lists, shipped as data (negations, conditions, post-negations,
# hedges), which each rule may replace.
_DEFAULTS = shipped_data("claim_lexicon")
DEFAULT_NEGATIONS: list[str] = _DEFAULTS["negations"]
# Conditions and purposes assert nothing, anywhere in the clause before the cue.
DEFAULT_CONDITIONS: list[str] = _DEFAULTS["conditions"]
DEFAULT_POST_NEGATIONS: list[str] = _DEFAULTS["post_negations"]
DEFAULT_HEDGES: list[str] = _DEFAULTS["hedges"]
SENTENCE_NEGATION = re.compile(r"^(?:no|none|there\s+(?:is|are)\s+no|nothing)\b", re.I)


FAMILY_NAME = re.compile(r"[A-Za-z]\w*")
_PLACEHOLDER = re.compile(r"\{([A-Za-z]\w*)\}")


def expand_families(patterns: list[str], families: dict[str, list[str]]) -> list[str]:
    """Replace ``{name}`` in each pattern by an alternation of the family's entries. Braces that do
    not name a family (regex counts such as ``{0,3}``) stay as they are."""
    if not families:
        return list(patterns)
    groups = {name: "(?:" + "|".join(words) + ")" for name, words in families.items()}
    return [_PLACEHOLDER.sub(lambda m: groups.get(m.group(1), m.group(0)), x) for x in patterns]


@register
class Claim(Check):
    kind = "claim"
    scopes = ("sentence",)
    params = {
        "cues": Param(list),
        "families": Param(dict, {}),
        "promotional_cues": Param(list, []),
        "requires": Param(list, []),
        "negations": Param(list, DEFAULT_NEGATIONS),
        "negation_window": Param(int, 6, min=0, max=20),
        "conditions": Param(list, DEFAULT_CONDITIONS),
        "post_negations": Param(list, DEFAULT_POST_NEGATIONS),
        "post_negation_window": Param(int, 8, min=0, max=30),
        "hedges": Param(list, DEFAULT_HEDGES),
        "interrupts": Param(list, []),
        "hedged_severity": Param(str, "info", choices=("error", "warning", "info")),
        "hedge_exempt": Param(bool, False),
        "require_unsourced": Param(bool, True),
    }
    fields = ("match", "hedged")

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        if not p["cues"] and not p["promotional_cues"]:
            return {"cues": "must be a non-empty list of regular expressions"}
        for name, words in p["families"].items():
            if not isinstance(name, str) or not FAMILY_NAME.fullmatch(name):
                return {"families": f"family name {name!r} must be a word starting with a letter"}
            if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
                return {"families": f"family {name!r} must be a non-empty list of regular expressions"}
        expanded = dict(p)
        for key in ("cues", "promotional_cues", "requires"):
            expanded[key] = expand_families(p[key], p["families"])
        return validate_patterns(expanded, ("cues", "promotional_cues", "requires", "negations", "conditions", "post_negations", "hedges", "interrupts"))

    def setup(self) -> None:
        t = self.trusted
        fam = self.p["families"]
        cues = expand_families(self.p["cues"], fam)
        promotional = expand_families(self.p["promotional_cues"], fam)
        self.cue = Lexicon.optional(cues, t)
        self.promo_cue = Lexicon.optional(cues + promotional, t) if promotional else self.cue
        self.requires = Lexicon.optional(expand_families(self.p["requires"], fam), t)
        self.negation = Lexicon.optional(self.p["negations"], t)
        self.post_negation = Lexicon.optional(self.p["post_negations"], t)
        self.condition = Lexicon.optional(self.p["conditions"], t)
        self.hedge = Lexicon.optional(self.p["hedges"], t)
        # An interrupting word may carry the punctuation that ends it ("these problems, improve").
        self.interrupt = (re.compile(r"(?:^|\s)(?:" + "|".join(self.p["interrupts"]) + r")[,;:]?(?:\s|$)", re.I)
                          if self.p["interrupts"] else None)

    def _interrupted(self, m: "re.Match") -> bool:
        """Whether a word between the match's first and last words ends the claim's subject (a
        modal, a negation, a new clause): "treatment is eliminated", "which can help"."""
        if self.interrupt is None:
            return False
        words = m.group(0).split()
        return len(words) > 2 and bool(self.interrupt.search(" ".join(words[1:-1])))

    def _negated(self, text: str, start: int, end: int) -> bool:
        if SENTENCE_NEGATION.match(text):
            return True
        if self.negation is not None and self.p["negation_window"]:
            before = text[:start].split()[-self.p["negation_window"] :]
            if before and self.negation.search(" ".join(before)):
                return True
        if self.condition is not None:
            clause = re.split(r"[,;:()]", text[:start])[-1]
            if self.condition.search(clause):
                return True
        if self.post_negation is not None and self.p["post_negation_window"]:
            after = re.split(r"[,;:]", text[end:], maxsplit=1)[0].split()[: self.p["post_negation_window"]]
            if after and self.post_negation.search(" ".join(after)):
                return True
        return False

    def check(self, doc) -> Iterable[Hit]:
        if self.p["promotional_cues"] and is_promotional(doc):
            yield from self._scan(doc, self.promo_cue)
            return
        yield from self._scan(doc, self.cue)
        if self.p["promotional_cues"] and self.promo_cue is not None:
            # A sentence that speaks as the business ("our laser is more effective than surgery")
            # promotes it wherever it stands: the page-level cues count in it.
            sentences = doc.sentences
            own = [sentences[i] for i in business_sentences(doc)]
            if own:
                said = {id(s) for s in own if self.cue is not None and self.cue.search(s.text, s.lower)}
                # A few sentences: searched one by one, without a scan of the whole article.
                yield from self._scan(doc, self.promo_cue, [s for s in own if id(s) not in said], prefilter=False)

    def _scan(self, doc, cue, sentences=None, prefilter: bool = True) -> Iterable[Hit]:
        """Claims matched by ``cue`` in ``sentences`` (default: every body sentence)."""
        if cue is None:
            return
        # One scan of the whole body first: most sentences hold no claim phrase at all.
        spans = cue.block_spans(doc) if prefilter else None
        if spans is not None and not spans:
            return
        for s in (doc.sentences if sentences is None else sentences):
            if not touched(spans, s.block.index, s.start, s.end):
                continue
            if s.block.is_keyword_list:
                continue  # an SEO keyword field pasted with the text: residue, not an assertion
            text = s.text
            if text.rstrip().endswith("?"):
                continue  # a question asserts nothing ("Are veneers suitable for everyone?")
            low = s.lower
            m = next((m for m in cue.finditer(text, low)
                      if not self._interrupted(m) and not self._negated(text, m.start(), m.end())), None)
            if m is None:
                continue
            if self.requires is not None and not self.requires.search(text, low):
                continue
            if self.p["require_unsourced"] and sentence_sourced(doc, s):
                continue
            severity = None
            hedged = ""
            h = self.hedge.search(text, low) if not self.p["hedge_exempt"] and self.hedge is not None else None
            if h is not None:
                severity = self.p["hedged_severity"]
                # Said as a fact about the sentence, not a judgement that the claim is hedged: the
                # hedge may qualify another clause ("… is permanent and may be dyed").
                hedged = f" (the sentence also says '{text[h.start() : h.end()]}')"
            # The finding points at the claim phrase itself, not the whole sentence.
            yield Hit(s.block, s.start + m.start(), s.start + m.end(), {"match": text[m.start() : m.end()], "hedged": hedged},
                      severity=severity)
