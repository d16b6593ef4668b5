"""The ``trust-*`` kinds: article-level trust signals (JAMA benchmarks, disclosure, balance), one
kind per signal. Each gives one finding when its signal is missing, on the article's title;
articles under ``min_words`` words are not judged. Message field: ``problem``.

Metadata is read first (front matter, HTML ``<meta>``, ``rel="author"``, ``<time>``), then bylines
and date lines in the first and last ``edge_blocks`` blocks of the text.

* ``trust-author``: a named person. Only a short block (at most ``max_byline_words`` words) is read
  as a byline (``byline_patterns``, each with a ``(?P<name>…)`` group), and only text shaped like a
  name or a generic byline ("Staff writer") is quoted: "by …" inside a sentence of prose is never
  taken for an author. "By Dr. Maya Okafor" counts; "a medical professional at our clinic", "Staff
  writer" or "The Clinic Team" do not (``generic_authors``).
* ``trust-date``: a published or updated date (``date_patterns``).
* ``trust-references``: any source at all — a web link, a citation, or a reference list.
* ``trust-disclosure``: an article that promotes its own business (:mod:`healthlint.promo`) says so
  (``disclosure_patterns``: "Disclosure:", "sponsored", "this article was written by our clinic").
* ``trust-harms``: an article that promotes a treatment mentions its risks, side effects or who
  should not have it (``harm_patterns``); denials ("no side effects", "risk-free") do not count.

The word lists are rule data: the shipped rules (``rules/trust/``) carry them. These were one kind,
``trust``, with a ``signal`` parameter; rule files that say so still load
(:data:`healthlint.checks.RETIRED`).
"""

from __future__ import annotations

import re
from typing import Iterable

from ..citations import cites_anything
from ..lexicon import Lexicon, validate_patterns
from ..promo import is_promotional, promotion_signals
from . import register
from .base import Check, Hit, Param

_NAME_SHAPE = re.compile(
    r"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w'’.-]*(?:,?\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|and|&|MD|PhD|RN)){0,5}\.?"
)
MIN_WORDS = Param(int, 80, min=0)
EDGE_BLOCKS = Param(int, 4, min=1, max=100)


class TrustSignal(Check):
    """A trust signal: :meth:`missing` says what is missing, or None."""

    scopes = ("document",)
    fields = ("problem",)

    def check(self, doc) -> Iterable[Hit]:
        if doc.word_count < self.p["min_words"]:
            return
        problem = self.missing(doc)
        if problem:
            yield Hit(values={"problem": problem})

    def missing(self, doc) -> str | None:
        raise NotImplementedError

    def _edges(self, doc) -> list:
        """The first and last ``edge_blocks`` blocks, where bylines and dates stand."""
        n = self.p["edge_blocks"]
        blocks = doc.blocks
        return blocks[:n] + [b for b in blocks[-n:] if b.index >= n]


@register
class TrustAuthor(TrustSignal):
    kind = "trust-author"
    params = {
        "edge_blocks": EDGE_BLOCKS,
        "min_words": MIN_WORDS,
        "max_byline_words": Param(int, 12, min=1, max=60),
        "byline_patterns": Param(list, help="Bylines, each with a (?P<name>…) group."),
        "generic_authors": Param(list, help="Names that are a team, a role or the business, not a person."),
    }

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        problems = validate_patterns(p, ("generic_authors",))
        for pattern in p["byline_patterns"]:
            problems = problems or validate_patterns({"byline_patterns": [pattern]}, ("byline_patterns",))
            if not problems and "(?P<name>" not in str(pattern):
                problems = {"byline_patterns": f"each pattern needs a (?P<name>…) group: {pattern!r}"}
        return problems

    def setup(self) -> None:
        self.byline = [Lexicon([p], trusted=self.trusted) for p in self.p["byline_patterns"]]
        self.generic = Lexicon.optional(self.p["generic_authors"], self.trusted)

    def missing(self, doc) -> str | None:
        names = [doc.meta.author] if doc.meta.author else []
        for b in self._edges(doc):
            # Only a short, byline-shaped block is a byline: "by …" inside a sentence of prose is not.
            if len(b.text.split()) > self.p["max_byline_words"]:
                continue
            for rx in self.byline:
                m = rx.search(b.text.strip())
                if m:
                    name = re.split(r"\s*(?:[|·•—–]|\bon\b|\bupdated\b|\bpublished\b|\d)", m.group("name"))[0].strip()
                    # Quote only what is shaped like a name or a generic byline ("Staff writer").
                    generic = (self.generic is not None and self.generic.search(name)
                               and len(name.split()) <= 4 and not name.endswith((".", "!", "?")))
                    if _NAME_SHAPE.fullmatch(name) or generic:
                        names.append(name)
        if not names:
            return "no author is named"
        if any(self._named_person(n) for n in names):
            return None
        return f"the author is given as '{names[0].strip()}', not as a named person"

    def _named_person(self, name: str) -> bool:
        name = re.sub(r"\b(?:dr|prof|mr|mrs|ms|rn|md|phd|mph|np|pa|do|dds|pharmd)\b\.?", " ", name, flags=re.I)
        name = re.sub(r"[,()]", " ", name).strip()
        if self.generic is not None and self.generic.search(name):
            return False
        words = [w for w in name.split() if w[:1].isupper() and w[:1].isalpha()]
        return len(words) >= 2


@register
class TrustDate(TrustSignal):
    kind = "trust-date"
    params = {
        "edge_blocks": EDGE_BLOCKS,
        "min_words": MIN_WORDS,
        "date_patterns": Param(list, help="Lines that give a publication or update date."),
    }

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        return validate_patterns(p, ("date_patterns",))

    def setup(self) -> None:
        self.date = Lexicon.optional(self.p["date_patterns"], self.trusted)

    def missing(self, doc) -> str | None:
        if doc.meta.date or doc.meta.modified:
            return None
        if self.date is not None and any(self.date.search(b.text) for b in self._edges(doc)):
            return None
        if any(b.attrs.get("date") for b in self._edges(doc)):
            return None  # a line the parser read as a date ("Friday, 7 June 2024")
        return "no publication or update date is given"


@register
class TrustReferences(TrustSignal):
    kind = "trust-references"
    params = {"min_words": MIN_WORDS}

    def missing(self, doc) -> str | None:
        return None if cites_anything(doc) else "no references, sources or links to evidence are given"


@register
class TrustDisclosure(TrustSignal):
    kind = "trust-disclosure"
    params = {
        "min_words": MIN_WORDS,
        "disclosure_patterns": Param(list, help="Statements that disclose a commercial interest."),
    }

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        return validate_patterns(p, ("disclosure_patterns",))

    def setup(self) -> None:
        self.disclosure = Lexicon.optional(self.p["disclosure_patterns"], self.trusted)

    def missing(self, doc) -> str | None:
        if not is_promotional(doc):
            return None
        if self.disclosure is not None and any(self.disclosure.search(b.text) for b in doc.blocks):
            return None
        signals = ", ".join(sorted(promotion_signals(doc)))
        return f"the article promotes its own business ({signals}) without a disclosure"


@register
class TrustHarms(TrustSignal):
    kind = "trust-harms"
    params = {
        "min_words": MIN_WORDS,
        "harm_patterns": Param(list, help="Mentions of risks, side effects and who should not have a treatment."),
    }

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        return validate_patterns(p, ("harm_patterns",))

    def setup(self) -> None:
        self.harm = Lexicon.optional(self.p["harm_patterns"], self.trusted)

    def missing(self, doc) -> str | None:
        if not (is_promotional(doc) or "hype" in promotion_signals(doc)):
            return None
        for b in doc.body:
            for m in self.harm.finditer(b.text) if self.harm is not None else ():
                before = b.text[max(0, m.start() - 25) : m.start()].lower()
                after = b.text[m.end() : m.end() + 6].lower()
                if re.search(r"\b(?:no|without|zero|free\s+of|minimal|any)\s+(?:\w+\s+){0,2}$", before) or after.startswith("-free"):
                    continue  # a denial ("no side effects", "risk-free") is not a discussion of harms
                return None
        return "the article promotes a treatment but never mentions its risks, side effects or who should not have it"
