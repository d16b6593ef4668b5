"""Kind ``restatement``: a later paragraph that defines the article's subject again, in other words
("Anxiety is a common condition that affects millions…", then "Anxiety disorders are one of the
most widespread mental health problems…").

Lexical overlap misses these, so the check looks for definition sentences instead: a subject, then
"is/are (a|an|the|one of|…)", "refers to", "is defined as", "describes", opening a paragraph. The
key is the subject in the singular without generic nouns ("anxiety disorders" and "anxiety" are
both "anxiety"; "liver cancer" and "the liver" differ). When ``topic_only`` is true (the default),
only subjects whose words all appear in the article's title count, so an article on asthma that
defines "asthma" twice is flagged while it may define "inhaler" once. Sentences about causes and
rankings ("X is a major cause of…", "X is the fourth most common…") are statements, not
definitions. The first definition is fine; each later one in another paragraph is reported,
unless it repeats an earlier sentence word for word (HL201's job). Message fields: ``subject``,
``other_line``.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..textsim import words
from . import register
from .base import Check, Hit, Param

_DEFINITION = re.compile(
    r"^(?:the\s+)?(?P<subject>[A-Za-z][\w\-’' ]{1,60}?)(?:\s*\([^)]{1,40}\))?\s+"
    r"(?:is|are|refers\s+to|is\s+defined\s+as|describes)\s+"
    r"(?:a|an|the|one\s+of\s+the|one\s+of|any|when|what)\b",
    re.IGNORECASE,
)
_NOT_SUBJECTS = {
    "it", "this", "that", "there", "these", "those", "what", "which", "who", "here", "he", "she",
    "they", "we", "you", "i", "one", "each", "all", "some", "many", "most", "treatment", "the",
}
_GENERIC = {
    "disorder", "disease", "condition", "syndrome", "illness", "problem", "issue", "infection",
    "usually", "often", "also", "generally", "commonly", "typically", "sometimes",
}
_STATEMENT = re.compile(r"\b(?:is|are)\s+(?:a|an|the|one\s+of\s+the)\s+(?:\w+\s+){0,2}(?:cause|causes|result|leading|first|second|third|fourth|fifth|sixth|seventh)\b", re.I)
_STOP = {"a", "an", "the", "of", "and", "or", "in", "for", "to", "with", "on", "your", "our", "my"}


def _singular(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@register
class Restatement(Check):
    kind = "restatement"
    scopes = ("paragraph",)
    params = {
        "topic_only": Param(bool, True),
        "max_subject_words": Param(int, 5, min=1, max=20),
    }
    fields = ("subject", "other_line")

    def check(self, doc) -> Iterable[Hit]:
        title_words = {_singular(w) for w in words(doc.title or "")}
        first: dict[tuple[str, ...], tuple] = {}
        seen_sentences: set[str] = set()
        for b in doc.body:
            if b.kind != "paragraph" or not b.sentences:
                continue
            s = b.sentences[0]
            norm = " ".join(words(s.text))
            repeated = norm in seen_sentences
            seen_sentences.add(norm)
            m = _DEFINITION.match(s.text)
            if not m or _STATEMENT.search(s.text):
                continue
            subject_words = [w for w in words(m.group("subject")) if w not in _STOP]
            if not subject_words or len(subject_words) > self.p["max_subject_words"]:
                continue
            if subject_words[0] in _NOT_SUBJECTS:
                continue
            key = tuple(w for w in map(_singular, subject_words) if w not in _GENERIC)
            if not key:
                continue
            if self.p["topic_only"] and not set(key) <= title_words:
                continue
            if key not in first:
                first[key] = (b, s)
                continue
            if repeated:
                continue
            fb, fs = first[key]
            line = doc.position(fb.offsets.source(fs.start))[0]
            yield Hit(b, s.start, s.end, {"subject": m.group("subject").strip(), "other_line": line})
