"""Kind ``place-list``: place names listed or repeated to rank in many towns at once ("We proudly
serve Austin, Round Rock, Cedar Park, Georgetown, Pflugerville…").

A sentence is reported when it names at least ``min_places`` distinct places, or holds a
comma-separated list of at least ``min_places`` capitalised names of which at least ``min_known``
are places (so a practice's suburbs count without being in the gazetteer). Places come from the
built-in gazetteer (US states, large US cities, major world cities) plus the config's ``places``.
Lists of places that report facts ("cases were reported in North Carolina, Oklahoma, …") are not
stuffing, so the sentence must also carry one of the ``cues`` (serving, near, our, locations…).
Message fields: ``places`` (how many), ``names`` (the first few).
"""

from __future__ import annotations

import re
from typing import Iterable

from ..lexicon import Lexicon, validate_patterns
from ..phrases import place_names, place_pattern
from . import register
from .base import Check, Hit, Param, touched

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_LIST = re.compile(rf"{_NAME}(?:\s*,\s*{_NAME}){{2,}}(?:\s*,?\s*(?:and|or|&)\s+{_NAME})?")


@register
class PlaceList(Check):
    kind = "place-list"
    scopes = ("sentence",)
    params = {
        "min_places": Param(int, 4, min=2, max=100),
        "min_known": Param(int, 2, min=1, max=100),
        "cues": Param(list, [
            r"\bserv(?:e|es|ed|ing)\b", r"\bnear(?:by)?\b", r"\bavailable\b", r"\blocated\b",
            r"\blocations?\b", r"\bareas?\b", r"\boffices?\b", r"\bclinics?\b", r"\bresidents\b",
            r"\bpatients from\b", r"\bwe\b", r"\bour\b", r"\bus\b",
        ]),
    }
    fields = ("places", "names")

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        return validate_patterns(p, ("cues",))

    def setup(self) -> None:
        self.names = place_names(self.config.places)
        self.regex = place_pattern(self.names)
        self.cue = Lexicon(self.p["cues"], trusted=self.trusted) if self.p["cues"] else None

    def check(self, doc) -> Iterable[Hit]:
        spans = self.cue.block_spans(doc) if self.cue is not None else None
        if spans is not None and not spans:
            return
        for s in doc.sentences:
            if not touched(spans, s.block.index, s.start, s.end):
                continue
            if self.cue is not None and not self.cue.search(s.text):
                continue
            found = list(self.regex.finditer(s.text))
            distinct = sorted({" ".join(m.group().split()) for m in found}, key=lambda n: s.text.index(n.split()[0]))
            span = None
            if len(distinct) >= self.p["min_places"]:
                span = (found[0].start(), found[-1].end())
                listed = distinct
            else:
                for m in _LIST.finditer(s.text):
                    items = [i.strip() for i in re.split(r"\s*,\s*|\s+(?:and|or|&)\s+", m.group()) if i.strip()]
                    known = [i for i in items if i.lower() in self.names]
                    if len(items) >= self.p["min_places"] and len(known) >= self.p["min_known"]:
                        span, listed = (m.start(), m.end()), items
                        break
            if span is None:
                continue
            names = ", ".join(listed[:4]) + ("…" if len(listed) > 4 else "")
            yield Hit(s.block, s.start + span[0], s.start + span[1], {"places": len(listed), "names": names})
