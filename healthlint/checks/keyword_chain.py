"""Kind ``keyword-chain``: keyword fragments glued together without grammar ("Welcome to the new
world of Ketamine Austin Ketamine Therapy where…").

Two signs, inside one sentence and with no punctuation inside the chain: the same capitalised
content word twice within ``window`` words with a place name between ("Ketamine Austin Ketamine"); or a run of at least
``min_run`` capitalised words, not at the start of the sentence and not acronyms, that holds a
place name and at least two words the article otherwise writes in lower case ("Denver Anxiety
Therapy" in an article that speaks of anxiety and therapy) — unless it is a proper name: preceded
by "the", or given an acronym of its initials in brackets somewhere in the article ("The Barcelona
Clinic Liver Cancer (BCLC) Staging System"). Message field: ``chain``.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..phrases import FUNCTION_WORDS, place_names
from . import register
from .base import Check, Hit, Param


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z]")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*(?![\w'’-])")


def _glued(text: str, ws) -> bool:
    """Only spaces between the words (no comma, colon or bracket)."""
    return all(not text[a.end : b.start].strip() for a, b in zip(ws, ws[1:]))


@register
class KeywordChain(Check):
    kind = "keyword-chain"
    scopes = ("sentence",)
    params = {
        "window": Param(int, 3, min=1, max=10),
        "min_run": Param(int, 3, min=2, max=20),
    }
    fields = ("chain",)

    def setup(self) -> None:
        self.places = place_names(self.config.places)

    def _is_place(self, ws, i) -> int:
        """Length in words of a place name starting at word i (0 if none)."""
        for n in (3, 2, 1):
            if i + n <= len(ws) and all(w.text[:1].isupper() for w in ws[i : i + n]):
                if " ".join(w.lower for w in ws[i : i + n]) in self.places:
                    return n
        return 0

    @staticmethod
    def _proper_name(doc, s, run) -> bool:
        before = s.block.text[: run[0].start].split()
        if before and before[-1].lower() == "the":
            return True
        initials = "".join(w.text[0] for w in run if w.lower not in FUNCTION_WORDS)
        acronym = re.compile(r"\(" + re.escape(initials[:2]) + r"[A-Z]*\)")
        return any(acronym.search(b.text) for b in doc.blocks)

    def check(self, doc) -> Iterable[Hit]:
        lower_elsewhere: set[str] | None = None
        for s in doc.sentences:
            if len(_CAPITALISED.findall(s.text)) < 3:
                continue  # both signs need at least three capitalised words in the sentence
            if lower_elsewhere is None:
                lower_elsewhere = {t for b in doc.blocks for t in _LOWER_WORD.findall(b.text)}
            ws = s.words
            reported_until = -1
            for i, w in enumerate(ws):
                if i <= reported_until or w.lower in FUNCTION_WORDS or not w.text[:1].isupper():
                    continue
                # sign 1: X <place or capitalised words> X
                for j in range(i + 2, min(len(ws), i + 2 + self.p["window"])):
                    if ws[j].lower != w.lower:
                        continue
                    if not _glued(s.block.text, ws[i : j + 1]):
                        continue
                    if any(self._is_place(ws, k) for k in range(i + 1, j)):
                        end = j + 1 if j + 1 < len(ws) and ws[j + 1].text[:1].isupper() else j
                        end = min(end, len(ws) - 1)
                        yield Hit(s.block, w.start, ws[end].end, {"chain": s.block.text[w.start : ws[end].end]})
                        reported_until = end
                        break
                if i <= reported_until:
                    continue
                # sign 2: a capitalised run with a place and lower-case-elsewhere words
                if i == 0:
                    continue
                k = i
                while k < len(ws) and ws[k].text[:1].isupper() and not ws[k].text.isupper():
                    k += 1
                run = ws[i:k]
                if len(run) >= self.p["min_run"] and _glued(s.block.text, run) and not self._proper_name(doc, s, run):
                    has_place = any(self._is_place(ws, x) for x in range(i, k))
                    common = sum(1 for r in run if r.lower in lower_elsewhere and r.lower not in self.places)
                    if has_place and common >= 2:
                        yield Hit(s.block, run[0].start, run[-1].end, {"chain": s.block.text[run[0].start : run[-1].end]})
                        reported_until = k - 1
