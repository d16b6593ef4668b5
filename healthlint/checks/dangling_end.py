"""Kind ``dangling-end``: a paragraph or list item whose last sentence stops on a word that cannot end
an English sentence — an article, a conjunction, a preposition waiting for its object ("…preventing
diseases through.", "…before choosing a chiropractor in... Read More"). Text cut where a scraper,
a teaser or a template stopped, even when a full stop was added after it.

The cut must be marked — a full stop, an ellipsis or a link label ("Read more") right after the
word: a lead-in with no punctuation at all is HL212's (with its exemptions for the lead-in of a
list). Right before an ellipsis any function word counts ("…these basics can... Read More"). A
capitalised word mid-sentence is a name ("hepatitis A"), not a cut. The last sentence must have at
least ``min_words`` words. ``words`` lists the words that
cannot end a sentence (matched case-insensitively, whole word). Message field: ``ending`` (the
last words).
"""

from __future__ import annotations

import re
from typing import Iterable

from ..phrases import FUNCTION_WORDS
from . import register
from .base import Check, Hit, Param

# Words English does not end a sentence on. Prepositions that may close a sentence ("what it is
# used for.", "where it came from.") and verbs ("they are.") are not here.
DEFAULT_WORDS = [
    "the", "a", "an", "and", "or", "but", "nor", "because", "although", "whereas", "unless", "whose",
    "of", "through", "than", "via", "such", "your", "their", "its", "our", "my", "very",
]
# What may follow the cut: an ellipsis, a link label, closing punctuation.
_TAIL = re.compile(r"(?:\s*(?:\.\.\.|…))?\s*(?:(?:read|learn|see)\s+more|continue\s+reading)?\s*(?:\.\.\.|…|[.!?])*[\"'”’)\]]*\s*$", re.I)
# An ellipsis straight after the last word: there, any function word marks a cut ("…basics can...").
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)")
_LAST_WORD = re.compile(r"([A-Za-z]+)$")


@register
class DanglingEnd(Check):
    kind = "dangling-end"
    scopes = ("paragraph",)
    params = {
        "words": Param(list, DEFAULT_WORDS),
        "min_words": Param(int, 6, min=1, max=1000),
    }
    fields = ("ending",)

    def setup(self) -> None:
        self.words = frozenset(w.lower() for w in self.p["words"])

    def check(self, doc) -> Iterable[Hit]:
        for b in doc.body:
            if b.kind not in ("paragraph", "list_item", "blockquote") or not b.sentences:
                continue
            # The tail is short: search only the block's last characters (the pattern is anchored at
            # the end, and a search from the start would try every position of a long paragraph).
            core = b.text[: _TAIL.search(b.text, max(0, len(b.text) - 48)).start()]
            if len(core.rstrip()) == len(b.text.rstrip()):
                continue  # nothing marks an end: not this rule's
            m = _LAST_WORD.search(core)
            if m is None:
                continue
            word = m.group(1)
            if word[:1].isupper() and m.start() > 0 and core[: m.start()].rstrip()[-1:] not in ".!?":
                continue  # a capitalised word mid-sentence is a name ("hepatitis A")
            after_ellipsis = _ELLIPSIS.match(b.text, len(core)) is not None
            if word.lower() not in self.words and not (after_ellipsis and word.lower() in FUNCTION_WORDS):
                continue
            last = next((x for x in reversed(b.sentences) if x.start < len(core)), None)
            if last is None:
                continue
            ws = [w for w in last.words if w.end <= len(core)]
            if len(ws) < self.p["min_words"]:
                continue
            tail = ws[-6:]
            yield Hit(b, last.start, last.end, {"ending": b.text[tail[0].start : tail[-1].end]})
