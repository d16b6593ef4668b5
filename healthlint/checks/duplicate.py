"""Kind ``duplicate``: a block that repeats an earlier block of the same article.

Scope ``paragraph``: paragraphs, list items and quotes of at least ``min_words`` words that repeat
an earlier block. Candidates share at least one word shingle with it (an index, not all pairs); a
candidate counts when its word sequence matches the earlier block's with a similarity ratio
(difflib: 2 × matching words / total words) of ``threshold`` or more, so one changed word in a
short paragraph still counts; a later paragraph of two or more sentences (20+ words) whose words
stand, ``containment`` or more of them, in order inside an earlier one also counts. Near-copies
whose edits change a number, a Roman numeral or a qualifier (not, no, without, or, only) are
parallel content ("stage II" / "stage III"), and list lead-ins ending in ":" count only when exact. Exact repeats after normalisation (case, punctuation)
always count. Blocks are compared with blocks of their own kind (a "Key points" list item that a
later paragraph expands is a summary, not a copy), and list items, which are often parallel
("…lining the intrahepatic bile duct", "…lining the perihilar bile duct"), need ``list_threshold``
(1.0 by default: verbatim after normalisation). Scope ``title``: the title printed again
as the first heading or the first line of the body. Text listed in the config's ``allowed-duplicates``
(a standard disclaimer) is exempt. The finding sits on the later copy.
Message fields: ``other_line`` (line of the first copy), ``similarity`` (percent), ``excerpt``.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import Iterable

from ..textsim import block_shingles, block_words, jaccard, normalized, stable_shingles, words
from . import register
from .base import Check, Hit, Param


# A near-copy whose edits touch one of these is parallel content ("stage II" / "stage III",
# "with or without chemotherapy" / "with chemotherapy"), not a repeat.
_DISTINGUISHING = re.compile(r"^(?:\d.*|.*\d|[ivx]{1,4}[a-d]?|not|no|never|without|or|nor|except|only|unless)$")


def excerpt(text: str, n: int = 8) -> str:
    ws = text.split()
    return " ".join(ws[:n]) + ("…" if len(ws) > n else "")


@register
class Duplicate(Check):
    kind = "duplicate"
    scopes = ("paragraph", "title")
    params = {
        "min_words": Param(int, 8, min=1, max=10000),
        "threshold": Param(float, 0.9, min=0.1, max=1.0),
        "shingle": Param(int, 3, min=1, max=10),
        "containment": Param(float, 0.9, min=0.5, max=1.0),
        "list_threshold": Param(float, 1.0, min=0.1, max=1.0),
        "answers_severity": Param(str, "info", choices=("error", "warning", "info")),
    }
    fields = ("other_line", "similarity", "excerpt")

    def setup(self) -> None:
        k = self.p["shingle"]
        self.allowed = [stable_shingles(words(t), k) for t in self.config.allowed_duplicates]

    def _is_allowed(self, sh: set[int]) -> bool:
        return any(jaccard(sh, a) >= self.p["threshold"] for a in self.allowed)

    def check(self, doc) -> Iterable[Hit]:
        if self.scope == "title":
            yield from self._title(doc)
            return
        k = self.p["shingle"]
        seen: list[tuple[object, str, list[str], int]] = []
        # shingle -> the first earlier block holding it, and shingle -> the later ones, one pair
        # per block kind. A block's shingles meet the index in one set intersection (in C); its
        # overlap with each earlier block is then counted over the shared shingles only.
        first: dict[str, dict[int, int]] = {"list": {}, "text": {}}
        more: dict[str, dict[int, list[int]]] = {"list": {}, "text": {}}
        for b in doc.body:
            ws = block_words(b)
            if len(ws) < self.p["min_words"]:
                continue
            norm = " ".join(ws)
            sh = block_shingles(b, k)
            if self.allowed and self._is_allowed(sh):
                continue
            kind = "list" if b.kind == "list_item" else "text"
            threshold = self.p["list_threshold"] if kind == "list" else self.p["threshold"]
            lead_in = b.text.rstrip().endswith(":")  # "Treatment of stage II … may include:": exact only
            kind_first, kind_more = first[kind], more[kind]
            common = kind_first.keys() & sh
            shared: dict[int, int] = {}
            if common:
                shared = Counter(map(kind_first.__getitem__, common))
                for h in kind_more.keys() & common:
                    shared.update(kind_more[h])
            contain = kind == "text" and len(ws) >= 20 and len(b.sentences) >= 2
            for i in sorted(shared):
                first_block, first_norm, first_ws, first_size = seen[i]
                if norm == first_norm:
                    sim = 1.0
                elif lead_in or not self._plausible(shared[i], len(sh), first_size, contain):
                    continue
                else:
                    sim = self._similarity(ws, first_ws, contain)
                if sim >= threshold:
                    line = doc.position(first_block.offsets.source(0))[0]
                    # Answers to two different questions of a FAQ page are read one at a time.
                    q_later, q_first = doc.questions.get(b.index), doc.questions.get(first_block.index)
                    answers = q_later is not None and q_first is not None and q_later != q_first
                    yield Hit(b, 0, len(b.text), {
                        "other_line": line, "similarity": round(100 * sim), "excerpt": excerpt(b.text),
                    }, severity=self.p["answers_severity"] if answers else None)
                    break
            else:
                n = len(seen)
                if common:
                    for h in common:
                        kind_more.setdefault(h, []).append(n)
                    kind_first.update(dict.fromkeys(sh - common, n))
                else:
                    kind_first.update(dict.fromkeys(sh, n))
                seen.append((b, norm, ws, len(sh)))

    @staticmethod
    def _plausible(inter: int, a: int, b: int, contain: bool) -> bool:
        """Cheap test before difflib, from the number of shared shingles and both set sizes: two
        word sequences with a similarity ratio of 0.5 or more share a good part of their
        3-shingles (one changed word alters at most three)."""
        if contain and inter >= 0.5 * a:
            return True
        return inter >= 0.3 * min(a, b) and inter / (a + b - inter) >= 0.2

    def _similarity(self, later: list[str], first: list[str], contain: bool) -> float:
        """difflib ratio, or the share of the later block found in the first (containment)."""
        sm = SequenceMatcher(None, later, first, autojunk=False)
        blocks = sm.get_matching_blocks()
        i = j = 0
        for m in blocks:  # the edits are the gaps between matching blocks
            if any(_DISTINGUISHING.match(w) for w in later[i : m.a] + first[j : m.b]):
                return 0.0
            i, j = m.a + m.size, m.b + m.size
        matched = sum(m.size for m in blocks)
        if contain and len(later) < len(first) and matched / len(later) >= self.p["containment"]:
            return matched / len(later)
        return 2.0 * matched / (len(later) + len(first))

    def _title(self, doc) -> Iterable[Hit]:
        """The title again as the first heading after it, or as the first line of the body."""
        title = next((b for b in doc.blocks if b.kind == "title"), None)
        if title is None:
            return
        t = normalized(title.text)
        if not t:
            return
        first_heading = next((b for b in doc.blocks[title.index + 1 :] if b.kind == "heading"), None)
        first_body = next((b for b in doc.blocks[title.index + 1 :] if not b.is_heading), None)
        line = doc.position(title.offsets.source(0))[0]
        for b in sorted({x.index: x for x in (first_heading, first_body) if x is not None}.values(), key=lambda x: x.index):
            if normalized(b.text) == t:
                yield Hit(b, 0, len(b.text), {"other_line": line, "similarity": 100, "excerpt": excerpt(b.text)})
