"""Kind ``sentence-starts``: several consecutive sentences that open with the same word.

Runs inside one paragraph or list, and across consecutive paragraphs of a section. Parameters:
``min_run`` (how many in a row), ``ignore`` (words that may repeat, e.g. list labels).
Message fields: ``word``, ``count``. The finding spans the run.
"""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit, Param


@register
class SentenceStarts(Check):
    kind = "sentence-starts"
    scopes = ("sentence",)
    params = {
        "min_run": Param(int, 3, min=2, max=50),
        "ignore": Param(list, []),
    }
    fields = ("word", "count")

    def setup(self) -> None:
        self.ignored = {str(w).lower() for w in self.p["ignore"]}

    def check(self, doc) -> Iterable[Hit]:
        run: list = []
        prev_section = None
        for s in doc.sentences:
            first = s.tokens[0] if s.tokens else None
            if s.block.section != prev_section or s.block.kind == "list_item":
                # list items legitimately share openings ("Eat…", "Drink…"); sections restart runs
                yield from self._close(run)
                run = []
                prev_section = s.block.section
                if s.block.kind == "list_item":
                    continue
            if run and first and first == run[-1][0]:
                run.append((first, s))
            else:
                yield from self._close(run)
                run = [(first, s)] if first and first not in self.ignored else []
        yield from self._close(run)

    def _close(self, run: list) -> Iterable[Hit]:
        if len(run) < self.p["min_run"]:
            return
        first_s, last_s = run[0][1], run[-1][1]
        values = {"word": first_s.words[0].text, "count": len(run)}
        if first_s.block is last_s.block:
            yield Hit(first_s.block, first_s.start, last_s.end, values)
        else:
            yield Hit(first_s.block, first_s.start, first_s.end, values)
