"""Kind ``cutoff``: a paragraph that stops without closing punctuation although it reads as a
sentence ("… can vary depending on the patient's condition and response" then a heading).

A block is judged when its last sentence has at least ``min_words`` words. It is not cut off when
it ends with . ! ? … : ; (closing quotes and brackets allowed, footnote numbers after the stop too), ends with a closing
parenthesis, is mostly numbers (a table flattened into text), or looks like a heading, label or
caption: mostly capitalised words, a list of four or more short comma-separated phrases (keywords,
tags), a short "Label: value" line (after the label, fewer than
``min_words`` words; a longer one is a sentence behind a label and is judged), a trailing URL, e-mail, phone
number, link or name (two of the last four words capitalised), or table pipes. A paragraph right
before a list is its lead-in ("You may be more likely to get a stone if you have" + bullets), and
short unpunctuated lines after a line ending in ":" are a list without bullets. List items are
judged only with ``list_items: true`` (bulleted fragments are normal).
Message fields: ``ending`` (the last words).
"""

from __future__ import annotations

import re
from typing import Iterable

from . import register
from .base import Check, Hit, Param

_CLOSERS = "\"'”’)]*_ "
_TERMINAL = ".!?…:;"
_FOOTNOTE = re.compile(r"[.!?…][\"'”’)\]]*\s*(?:\[\d+(?:[,–-]\s*\d+)*\]|\d{1,3}(?:[,–-]\d{1,3})*|[¹²³⁴⁵⁶⁷⁸⁹⁰,]+)$")
_LABEL = re.compile(r"^[A-Z][\w ]{0,30}:\s")
_TRAILING_REF = re.compile(r"(https?://\S+|www\.\S+|\S+@\S+\.\w+|[\d()+\-\s]{7,}|\[\d+\])$")


def _phrase_list(text: str) -> bool:
    """Four or more comma-separated items of at most six words, none holding a sentence's full
    stop: a keyword or tag list (a sentence with a series has longer parts around the series)."""
    items = [x.split() for x in text.split(",")]
    return len(items) >= 4 and all(0 < len(x) <= 6 for x in items) and not re.search(r"[.!?]\s", text)


def _complete(text: str) -> bool:
    """Ends like a finished sentence (a footnote number after the full stop allowed)."""
    return not text or text[-1] in _TERMINAL or _FOOTNOTE.search(text) is not None


@register
class Cutoff(Check):
    kind = "cutoff"
    scopes = ("paragraph",)
    params = {
        "min_words": Param(int, 8, min=2, max=1000),
        "list_items": Param(bool, False),
        "max_capitalised_share": Param(float, 0.6, min=0.0, max=1.0),
    }
    fields = ("ending",)

    def check(self, doc) -> Iterable[Hit]:
        for b in doc.body:
            if b.kind == "list_item" and not self.p["list_items"]:
                continue
            if b.kind not in ("paragraph", "list_item", "blockquote"):
                continue
            text = b.text.rstrip(_CLOSERS)
            if _complete(text) or "|" in text or b.text.rstrip().endswith(")"):
                continue
            label = _LABEL.match(text)
            if label and len(text[label.end():].split()) < self.p["min_words"]:
                continue  # "Dosage: 10 mg" is a label and a value; "Dosage: take one tablet … and" is a sentence
            if _phrase_list(text[label.end():] if label else text):
                continue  # "Keywords: veneers guide, smile care, …": a list of phrases, not a sentence
            if sum(1 for t in b.tokens if any(c.isdigit() for c in t)) > 0.15 * max(1, b.word_count):
                continue  # a table flattened into text
            if self._list_like(doc, b):
                continue
            nxt = doc.blocks[b.index + 1] if b.index + 1 < len(doc.blocks) else None
            if nxt is not None and nxt.kind == "list_item":
                continue  # the lead-in of a list
            if not b.sentences:
                continue
            last = b.sentences[-1]
            ws = last.words
            if len(ws) < self.p["min_words"]:
                continue
            if _TRAILING_REF.search(text) or self._ends_in_link(b):
                continue
            caps = sum(1 for w in ws if w.text[:1].isupper())
            if caps / len(ws) > self.p["max_capitalised_share"]:
                continue
            if sum(1 for w in ws[-4:] if w.text[:1].isupper()) >= 2:
                continue
            tail = ws[-6:]
            ending = b.text[tail[0].start : tail[-1].end]
            yield Hit(b, last.start, last.end, {"ending": ending})

    @staticmethod
    def _list_like(doc, b) -> bool:
        """A line (under 60 words) right after a line ending in ':' or next to a short unpunctuated
        line: an entry of a list written without bullets (the text parser marks those it finds)."""
        if b.attrs.get("list_entry"):
            return True
        if b.word_count >= 60:
            return False

        def short_open(x) -> bool:
            if x is None or x.is_heading:
                return False
            return x.attrs.get("list_entry", False) or (x.word_count < 20 and not _complete(x.text.rstrip(_CLOSERS)))

        prev = doc.blocks[b.index - 1] if b.index > 0 else None
        nxt = doc.blocks[b.index + 1] if b.index + 1 < len(doc.blocks) else None
        if prev is not None and prev.text.rstrip(_CLOSERS).endswith(":"):
            return True
        return short_open(prev) or short_open(nxt)

    @staticmethod
    def _ends_in_link(b) -> bool:
        links = b.attrs.get("links") or ()
        end = len(b.text.rstrip(_CLOSERS + ".,"))
        return any(e >= end - 1 for _, e, _ in links)
