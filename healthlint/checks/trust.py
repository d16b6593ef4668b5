"""Kind ``trust``: article-level trust signals (JAMA benchmarks, disclosure, balance). One finding
per missing signal, on the article's title.

``signal`` picks what is checked; metadata is read first (front matter, HTML ``<meta>``,
``rel="author"``, ``<time>``), then bylines and date lines in the first and last
``edge_blocks`` blocks of the text. Only a short block (at most ``max_byline_words`` words) is read
as a byline, and only text shaped like a name or a generic byline ("Staff writer") is quoted: "by …"
inside a sentence of prose is never taken for an author.

* ``author``: a named person. "By Dr. Maya Okafor" counts; "a medical professional at our clinic",
  "Staff writer" or "The Clinic Team" do not (``generic_authors``).
* ``date``: a published or updated date.
* ``references``: any source at all — a web link, a citation, or a reference list.
* ``disclosure``: an article that promotes its own business (:mod:`healthlint.promo`) says so
  (``disclosure_patterns``: "Disclosure:", "sponsored", "this article was written by our clinic").
* ``harms``: an article that promotes a treatment mentions its risks, side effects or who should
  not have it (``harm_patterns``); denials ("no side effects", "risk-free") do not count.

Message fields: ``problem``.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..citations import cites_anything
from ..dates import MONTH
from ..dates import WEEKDAY as WEEKDAY_NAME
from ..lexicon import Lexicon, validate_patterns
from ..promo import is_promotional, promotion_signals
from . import register
from .base import Check, Hit, Param

MONTHS = MONTH
WEEKDAY = rf"(?:{WEEKDAY_NAME}\s+)?"
DATE = rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTHS}\s+\d{{4}}|{MONTHS}\s+\d{{4}})"


_NAME_SHAPE = re.compile(
    r"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w'’.-]*(?:,?\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|and|&|MD|PhD|RN)){0,5}\.?"
)


@register
class Trust(Check):
    kind = "trust"
    scopes = ("document",)
    params = {
        "signal": Param(str, choices=("author", "date", "references", "disclosure", "harms")),
        "edge_blocks": Param(int, 4, min=1, max=100),
        "min_words": Param(int, 80, min=0),
        "max_byline_words": Param(int, 12, min=1, max=60),
        "byline_patterns": Param(list, [
            r"^(?:by|written by|author|authored by|reviewed by|medically reviewed by|fact[- ]checked by)\s*:?\s+(?P<name>.+)$",
            r"\b(?:written|reviewed|posted|published|updated)?\s*by\s+(?P<name>(?:Dr\.?\s+)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})",
        ]),
        "generic_authors": Param(list, [
            r"\b(?:team|staff|editors?|editorial|admin|administrator|webmaster|writers?|contributors?|guest|marketing|content)\b",
            r"\b(?:clinic|center|centre|practice|hospital|wellness|llc|inc)\b",
            r"\b(?:a|our|the)\s+(?:medical|health|healthcare)\s+(?:professional|expert|provider|team)\b",
            r"^(?:a|an|our|the)\b",
        ]),
        "date_patterns": Param(list, [
            rf"\b(?:published|posted|updated|last\s+updated|last\s+reviewed|reviewed|modified|date)\b\s*(?:on)?\s*:?\s*{DATE}",
            rf"^\s*{WEEKDAY}{DATE}\s*$",
        ]),
        "disclosure_patterns": Param(list, [
            r"\bdisclosures?\b", r"\bdisclaimer\b", r"\bsponsored\b", r"\badvertisement\b", r"\bpaid\s+(?:content|partnership|promotion)\b",
            r"\baffiliate\b", r"\bconflicts?\s+of\s+interest\b", r"\bfinancial\s+interest\b",
            r"\bthis\s+(?:article|page|post)\s+(?:was|is)\s+(?:written|produced|provided|published)\s+by\b",
            r"\bwe\s+(?:offer|provide|sell)\s+(?:the|this|these)\s+(?:treatments?|services?|products?)\s+(?:described|discussed)\b",
        ]),
        "harm_patterns": Param(list, [
            r"\bside[- ]effects?\b", r"\brisks?\b", r"\badverse\b", r"\bcomplications?\b", r"\bcontraindicat\w*",
            r"\bnot\s+(?:be\s+)?(?:suitable|right|safe)\s+for\b", r"\bshould\s+not\s+(?:use|take|have|receive|get)\b",
            r"\bwho\s+should\s+(?:not|avoid)\b", r"\bwarnings?\b", r"\bcaution\b", r"\bharms?\b", r"\bharmful\b",
            r"\bdangers?\b", r"\ballergic\s+reactions?\b", r"\binteractions?\b",
        ]),
    }
    fields = ("problem",)

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        problems = validate_patterns(p, ("generic_authors", "date_patterns", "disclosure_patterns", "harm_patterns"))
        for pattern in p["byline_patterns"]:
            problems = problems or validate_patterns({"byline_patterns": [pattern]}, ("byline_patterns",))
            if not problems and "(?P<name>" not in str(pattern):
                problems = {"byline_patterns": f"each pattern needs a (?P<name>…) group: {pattern!r}"}
        return problems

    def setup(self) -> None:
        t = self.trusted
        self.byline = [Lexicon([p], trusted=t) for p in self.p["byline_patterns"]]
        self.generic = Lexicon.optional(self.p["generic_authors"], t)
        self.date = Lexicon.optional(self.p["date_patterns"], t)
        self.disclosure = Lexicon.optional(self.p["disclosure_patterns"], t)
        self.harm = Lexicon.optional(self.p["harm_patterns"], t)

    def _edges(self, doc) -> list:
        n = self.p["edge_blocks"]
        blocks = doc.blocks
        return blocks[:n] + [b for b in blocks[-n:] if b.index >= n]

    def check(self, doc) -> Iterable[Hit]:
        if doc.word_count < self.p["min_words"]:
            return
        problem = getattr(self, "_" + self.p["signal"])(doc)
        if problem:
            yield Hit(values={"problem": problem})

    # each returns a sentence describing what is missing, or None
    def _author(self, doc) -> str | None:
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

    def _date(self, doc) -> str | None:
        if doc.meta.date or doc.meta.modified:
            return None
        if self.date is not None and any(self.date.search(b.text) for b in self._edges(doc)):
            return None
        if any(b.attrs.get("date") for b in self._edges(doc)):
            return None  # a line the parser read as a date ("Friday, 7 June 2024")
        return "no publication or update date is given"

    def _references(self, doc) -> str | None:
        return None if cites_anything(doc) else "no references, sources or links to evidence are given"

    def _disclosure(self, doc) -> str | None:
        if not is_promotional(doc):
            return None
        if self.disclosure is not None and any(self.disclosure.search(b.text) for b in doc.blocks):
            return None
        signals = ", ".join(sorted(promotion_signals(doc)))
        return f"the article promotes its own business ({signals}) without a disclosure"

    def _harms(self, doc) -> str | None:
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
