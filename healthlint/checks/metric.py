"""Kind ``metric``: a whole-document readability figure compared with a bound.

Parameters: ``metric`` (flesch_kincaid_grade or flesch_reading_ease), ``max`` and/or ``min``, and
``min_words`` (formulas mean little on very short texts). Message fields: ``value``, ``bound``.
"""

from __future__ import annotations

from typing import Iterable

from ..readability import METRICS, readability
from . import register
from .base import Check, Hit, Param


@register
class Metric(Check):
    kind = "metric"
    scopes = ("document",)
    params = {
        "metric": Param(str, choices=METRICS),
        "max": Param((int, float, type(None)), None),
        "min": Param((int, float, type(None)), None),
        "min_words": Param(int, 100, min=0),
    }
    fields = ("value", "bound", "words")

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        if p["max"] is None and p["min"] is None:
            return {"max": "set max or min (or both)"}
        return {}

    def check(self, doc) -> Iterable[Hit]:
        if doc.word_count < self.p["min_words"]:
            return
        value = readability(doc).get(self.p["metric"])
        if value is None:
            return
        if self.p["max"] is not None and value > self.p["max"]:
            yield Hit(values={"value": value, "bound": self.p["max"], "words": doc.word_count})
        elif self.p["min"] is not None and value < self.p["min"]:
            yield Hit(values={"value": value, "bound": self.p["min"], "words": doc.word_count})
