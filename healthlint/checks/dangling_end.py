"""Kind ``dangling-end``: a paragraph or list item whose last sentence stops on a word that cannot end
an English sentence — an article, a conjunction, a preposition waiting for its object ("…preventing
diseases through.", "…before choosing a chiropractor in... Read More"). Text cut where a scraper,
a teaser or a template stopped, even when a full stop was added after it.

The cut may be marked — a full stop, an ellipsis or a link label ("Read more") right after the
word — or, in a paragraph, not marked at all ("…on the patient's condition and"), unless it leads
into a list that follows it or ends a clause list ("…, or"). Right before an ellipsis any function word counts ("…these
basics can... Read More"). A
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

    @staticmethod
    def _leads_into_list(doc, b) -> bool:
        """The next block is a list item, or a short unpunctuated line ("Lower back"): a list that
        plain text writes without bullets."""
        nxt = b.index + 1
        if nxt >= len(doc.blocks):
            return False
        n = doc.blocks[nxt]
        return n.kind == "list_item" or (n.kind == "paragraph" and len(n.text.split()) <= 5
                                         and n.text.rstrip()[-1:].isalnum())

    def check(self, doc) -> Iterable[Hit]:
        for b in doc.body:
            if b.kind not in ("paragraph", "list_item", "blockquote") or not b.sentences:
                continue
            # The tail is short: search only the block's last characters (the pattern is anchored at
            # the end, and a search from the start would try every position of a long paragraph).
            core = b.text[: _TAIL.search(b.text, max(0, len(b.text) - 48)).start()]
            unmarked = len(core.rstrip()) == len(b.text.rstrip())
            if unmarked and (b.kind != "paragraph" or self._leads_into_list(doc, b)):
                # A list item ending "…; or" joins the next item; a paragraph without a stop before
                # a list leads into it ("… you may need one of").
                continue
            m = _LAST_WORD.search(core)
            if m is None:
                continue
            word = m.group(1)
            before = core[: m.start()].rstrip()[-1:]  # the character before the last word
            if unmarked and before in ";,":
                continue  # "…, or" / "…; and" with no stop: a list of clauses, not a cut
            if word[:1].isupper() and m.start() > 0 and before not in ".!?":
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
