"""Whole-document readability figures, computed once per document and shared by rules and reports.

Flesch Reading Ease and Flesch-Kincaid Grade come from textstat, run on the document's prose
(body blocks; the title and headings are left out, each list item counts as a sentence), with the
CMU dictionary supplied offline by :mod:`healthlint.syllables`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .syllables import textstat

if TYPE_CHECKING:
    from .document import Document

METRICS = ("flesch_reading_ease", "flesch_kincaid_grade")


def readability(doc: "Document") -> dict[str, float]:
    cached = doc.__dict__.get("_readability")
    if cached is not None:
        return cached
    prose = doc.prose
    if not prose.strip() or doc.word_count == 0:
        figures: dict[str, float] = {}
    else:
        ts = textstat()
        figures = {
            "flesch_reading_ease": round(float(ts.flesch_reading_ease(prose)), 1),
            "flesch_kincaid_grade": round(float(ts.flesch_kincaid_grade(prose)), 1),
        }
    doc.__dict__["_readability"] = figures
    return figures
