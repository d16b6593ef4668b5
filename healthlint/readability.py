"""Whole-document readability figures, computed once per document and shared by rules and reports.

Flesch Reading Ease and Flesch-Kincaid Grade as textstat defines them, run on the document's prose
(body blocks; the title and headings are left out, each list item counts as a sentence), with the
CMU dictionary supplied offline by :mod:`healthlint.syllables`.

textstat's own word list and language constants are used as they are. Two parts are computed here:

* the syllable total, with each distinct word's count remembered across documents (textstat looks
  every word up again and rebuilds its phone list, about two thirds of the cost). The rule is
  textstat's: the stressed phones of the word's first CMU pronunciation, else Pyphen's hyphenation
  points plus one;
* the sentence count (:func:`count_sentences`), which textstat gets by stripping punctuation from
  each sentence and splitting it to see whether it has more than two words.

``tests/test_readability.py`` checks the figures, and the sentence count, equal textstat's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .syllables import cmu_raw, textstat

if TYPE_CHECKING:
    from .document import Document

METRICS = ("flesch_reading_ease", "flesch_kincaid_grade")
LANG = "en_US"  # textstat's default language

_SYLLABLES: dict[str, int] = {}
_parts: Any = None


def _textstat_parts() -> Any:
    global _parts
    if _parts is None:
        textstat()  # imports textstat with the offline CMU data in place (its backend imports NLTK)
        from textstat.backend.selections._list_words import list_words
        from textstat.backend.utils._get_lang_cfg import get_lang_cfg
        from textstat.backend.utils._get_pyphen import get_pyphen

        _parts = (list_words, get_lang_cfg, get_pyphen(LANG))
    return _parts


_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")  # textstat's sentence pattern
_WORD_CHAR = re.compile(r"\w").search


def count_sentences(text: str) -> int:
    """textstat's ``count_sentences``: the pieces its sentence pattern finds, less those of at most
    two words, and at least 1 (0 for empty text).

    textstat counts a piece's words by deleting punctuation (every character but word characters,
    whitespace and the apostrophe of a contraction) and splitting on whitespace. Deleting never
    joins or splits tokens, and a kept apostrophe is followed by a letter of the same token, so a
    token survives exactly when it holds a word character: that is what is counted here, and only
    as far as the third word."""
    if not text:
        return 0
    pieces = _SENTENCE.findall(text)
    short = 0
    for piece in pieces:
        first = piece.split(None, 3)[:3]
        if len(first) == 3 and all(map(_WORD_CHAR, first)):
            continue  # three words already
        words = 0
        for token in piece.split():
            if _WORD_CHAR(token):
                words += 1
                if words > 2:
                    break
        if words <= 2:
            short += 1
    return max(1, len(pieces) - short)


def syllables(word: str) -> int:
    """Syllables in a lower-case word, as textstat counts them."""
    n = _SYLLABLES.get(word)
    if n is None:
        phones = cmu_raw().get(word)
        if phones is not None:
            n = sum(1 for p in phones.split() if p[-1].isdigit())
        else:
            n = len(_textstat_parts()[2].positions(word)) + 1
        if len(_SYLLABLES) > 200_000:  # bounded over a long run
            _SYLLABLES.clear()
        _SYLLABLES[word] = n
    return n


def flesch(text: str) -> dict[str, float]:
    """Flesch Reading Ease and Flesch-Kincaid Grade of ``text``, unrounded (textstat's formulas)."""
    list_words, cfg, _ = _textstat_parts()
    words = list_words(text, lowercase=True)
    if not words:
        return {"flesch_reading_ease": 0.0, "flesch_kincaid_grade": 0.0}
    get = _SYLLABLES.get
    total = 0
    for w in words:
        n = get(w)
        total += n if n is not None else syllables(w)
    per_sentence = len(words) / count_sentences(text)
    per_word = total / len(words)
    if per_sentence == 0 or per_word == 0:
        return {"flesch_reading_ease": 0.0, "flesch_kincaid_grade": 0.0}
    return {
        "flesch_reading_ease": cfg("en", "fre_base") - cfg("en", "fre_sentence_length") * per_sentence
        - cfg("en", "fre_syll_per_word") * per_word,
        "flesch_kincaid_grade": 0.39 * per_sentence + 11.8 * per_word - 15.59,
    }


def readability(doc: "Document") -> dict[str, float]:
    cached = doc.analyses.readability
    if cached is not None:
        return cached
    prose = doc.prose
    if not prose.strip() or doc.word_count == 0:
        figures: dict[str, float] = {}
    else:
        figures = {k: round(float(v), 1) for k, v in flesch(prose).items()}
    doc.analyses.readability = figures
    return figures


def section_figures(doc: "Document") -> list[dict[str, Any]]:
    """Readability per section, for articles with subheadings (else ``[]``): the text before the
    first subheading (heading None) and each subheading's section, with its 1-based line, its words
    and, when it has prose, its Flesch Reading Ease and Flesch-Kincaid grade (the whole-document
    formulas on the section's prose alone). Read through ``Document.section_readability``, which
    computes it once."""
    from .prose import prose_of

    sections = doc.sections()
    if not any(head is not None for head, _ in sections):
        return []
    out: list[dict[str, Any]] = []
    for head, blocks in sections:
        first = head if head is not None else (blocks[0] if blocks else None)
        if first is None:
            continue
        words = sum(b.word_count for b in blocks)
        entry: dict[str, Any] = {"heading": head.text if head is not None else None,
                                 "line": doc.position(first.source_span(0, 0)[0])[0], "words": words}
        prose = prose_of(blocks)
        if words and prose.strip():
            entry.update((k, round(float(v), 1)) for k, v in flesch(prose).items())
        out.append(entry)
    return out
