"""Phrase statistics shared by the stuffing checks: repeated n-grams, places, function words.

Computed once per document (cached on it) from the words the parser already found, so the four
stuffing rules do not each re-tokenize the article.
"""

from __future__ import annotations

import bisect

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .document import Block, Document

# Function words (Yoast filters these out of keyphrases; a phrase may not start or end with one).
FUNCTION_WORDS = frozenset(
    """a an the of in on at to for and or nor with by from as is are was were be been being it its
    this that these those your you our we they their his her he she i me my us them can may will
    would should could must might shall not no do does did done has have had than then so if but
    about into over under after before during between up out more most less very also such which
    who whom whose what when where why how all any each some many much other near via per vs""".split()
)
# Words that mark a business name ("Lone Star Ketamine Clinic").
BUSINESS_WORDS = frozenset(
    """clinic clinics center centre centers institute wellness spa practice practices llc inc pllc
    group associates medspa hospital hospitals therapy therapies treatment treatments""".split()
)


@lru_cache(maxsize=1)
def builtin_places() -> frozenset[str]:
    from .yamlutil import shipped_data

    data = shipped_data("places")
    return frozenset(p.lower() for names in data.values() for p in names)


def place_names(extra: Iterable[str] = ()) -> frozenset[str]:
    extra = tuple(e.lower() for e in extra)
    return builtin_places() | frozenset(extra) if extra else builtin_places()


def place_pattern(names: frozenset[str]) -> re.Pattern:
    """A regex matching any place name as whole words, longest first, case-sensitive on the first
    letter of each word (places are proper nouns: "Austin", not "austin" in ordinary prose)."""
    return _place_pattern(tuple(sorted(names, key=len, reverse=True)))


@lru_cache(maxsize=8)
def _place_pattern(names: tuple[str, ...]) -> re.Pattern:
    alts = []
    for n in names:
        parts = [re.escape(w[:1].upper() + w[1:]) for w in n.split()]
        alts.append(r"\s+".join(parts))
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])") if alts else re.compile(r"(?!x)x")


@dataclass
class Occurrence:
    block: "Block"
    start: int  # index in block text
    end: int
    capitalised: bool  # written in Title Case mid-sentence
    sentence_start: bool


class Phrase:
    """A repeated n-gram: its words and count, and (built on first use, since most candidates are
    judged on their count alone) its occurrences with positions."""

    __slots__ = ("words", "count", "_doc", "_occurrences")

    def __init__(self, words: tuple[str, ...], count: int, doc: "Document | None" = None,
                 occurrences: list[Occurrence] | None = None):
        self.words = words
        self.count = count
        self._doc = doc
        self._occurrences = occurrences

    @property
    def occurrences(self) -> list[Occurrence]:
        if self._occurrences is None:
            self._occurrences = _occurrences(self._doc, self.words) if self._doc is not None else []
        return self._occurrences

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def content_words(self) -> int:
        return sum(1 for w in self.words if w not in FUNCTION_WORDS) or 1

    @property
    def mixed_case(self) -> bool:
        """Written, in most of its mid-sentence uses, with both capitalised and lower-case content
        words ("Sunrise Wellness Clinic today"): a frame around a name rather than a keyphrase."""
        mixed = total = 0
        for o in self.occurrences:
            if o.sentence_start:
                continue
            ws = [w for w in o.block.text[o.start : o.end].split() if w.lower() not in FUNCTION_WORDS and w[:1].isalpha()]
            caps = sum(1 for w in ws if w[:1].isupper())
            total += 1
            mixed += 0 < caps < len(ws)
        return total > 0 and mixed > total / 2


def yoast_density(count: int, words: int, content_words: int) -> float:
    """Keyphrase density as YoastSEO.js computes it: count / words × 100, scaled by a
    keyphrase-length factor (0.7 + n / 3 for n content words) so longer phrases weigh more."""
    if words <= 0:
        return 0.0
    return count / words * 100 * (0.7 + content_words / 3)


def allowed_count(max_density: float, words: int, content_words: int) -> int:
    """Most occurrences within ``max_density`` (Yoast's recommended count: never below 2)."""
    n = max_density * words / (100 * (0.7 + content_words / 3))
    return max(2, int(n))


_FOLDED: dict[str, str] = {}


def fold(token: str) -> str:
    """A token with a plain English plural folded to its singular, as search engines and Yoast
    count a keyphrase ("hospitals in pune" is "hospital in pune"): a final "s" after a consonant
    other than s, u or i is dropped, and "-ies" becomes "-y". Words in "-es" ("diabetes", "services",
    "Angeles") are left alone, so no place name or disease loses its last letter."""
    out = _FOLDED.get(token)
    if out is None:
        out = token
        if len(token) > 3 and token.endswith("s") and token.isalpha():
            if token.endswith("ies") and len(token) > 4:
                out = token[:-3] + "y"
            elif token[-2] not in "aeiousy":
                out = token[:-1]
        if len(_FOLDED) < 500_000:
            _FOLDED[token] = out
    return out


def fold_tokens(tokens: list[str]) -> list[str]:
    """:func:`fold` over a token list; only tokens ending in "s" can change, so only they pay the call."""
    return [fold(t) if t[-1:] == "s" else t for t in tokens]


def repeated_phrases(doc: "Document", min_n: int = 2, max_n: int = 6, min_count: int = 3) -> list[Phrase]:
    """Body n-grams (within sentences) that start and end with a content word and occur at least
    ``min_count`` times, singular and plural counted as one (:func:`fold`). Counted once per
    document for all rules (tuples in a Counter); positions are looked up only for the phrases a
    rule asks about (:attr:`Phrase.occurrences`)."""
    key = (min_n, max_n, min_count)
    cached = doc.analyses.phrases.get(key)
    if cached is None:
        counts = _count_ngrams([fold_tokens(s.tokens) for s in doc.sentences], min_n, max_n, min_count)
        cached = doc.analyses.phrases[key] = [Phrase(g, c, doc) for g, c in counts.items()]
    return cached


def _occurrences(doc: "Document", gram: tuple[str, ...]) -> list[Occurrence]:
    """Where ``gram`` occurs in the body sentences, in reading order. The positions of every n-gram
    of a length are indexed once per document (one pass), so asking for many phrases costs their
    occurrences, not a rescan of every use of their first word (a page of a dozen words repeated
    over thousands of paragraphs made that quadratic)."""
    n = len(gram)
    indexes = doc.analyses.ngram_positions
    index = indexes.get(n)
    if index is None:  # n-gram -> (sentence, position) of each of its uses
        index = defaultdict(list)
        for s in doc.sentences:
            toks = fold_tokens(s.tokens)
            for i in range(len(toks) - n + 1):
                index[tuple(toks[i : i + n])].append((s, i))
        indexes[n] = index
    out = []
    for s, i in index.get(gram, ()):
        ws = s.words
        if i + n > len(ws):
            continue
        content = [w for w in ws[i : i + n] if w.lower not in FUNCTION_WORDS]
        caps = i > 0 and sum(1 for w in content if w.text[:1].isupper() and not w.text.isupper()) >= 2
        out.append(Occurrence(s.block, ws[i].start, ws[i + n - 1].end, caps, i == 0))
    return out


def _count_ngrams(sentences: list[list[str]], min_n: int, max_n: int, min_count: int = 2) -> Counter:
    """Counts of the n-grams (min_n..max_n words inside one sentence, starting and ending with a
    content word) seen at least ``min_count`` times. Apriori pruning: an n-gram can repeat that
    often only if its first n-1 words do, so only positions whose prefix did are extended — most
    text is never looked at past two words. The sentences are laid end to end with a None
    between them, so a position is one integer and no n-gram crosses a sentence end."""
    flat: list[str | None] = []
    for lows in sentences:
        flat.extend(lows)
        flat.append(None)
    fw = FUNCTION_WORDS
    alive = [i for i, w in enumerate(flat) if w is not None and w not in fw and not w.isdigit()]
    out: Counter = Counter()
    for n in range(2, max_n + 1):
        if n == 2:  # every content word starts one: pair them all in C, then pick
            pairs = list(zip(flat, flat[1:]))
            grams = [pairs[i] for i in alive]
        else:  # the few positions whose prefix repeated
            grams = [tuple(flat[i : i + n]) for i in alive]
        level = Counter(grams)
        alive = [i for i, g in zip(alive, grams) if g[-1] is not None and level[g] >= min_count]
        if n >= min_n:
            for g, c in level.items():
                if c >= min_count and g[-1] is not None and g[-1] not in fw:
                    out[g] = c
        if not alive:
            break
    return out


class _Spans:
    """A union of [start, end) intervals, kept as sorted disjoint runs: overlap tests and inserts in
    O(log n) (a paragraph of thousands of repeated words made the plain list quadratic)."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1  # the last run starting before `end`
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        lo = bisect.bisect_left(self.ends, start)  # first run that ends at or after `start`
        hi = bisect.bisect_right(self.starts, end)  # runs from lo to hi touch [start, end]
        if lo < hi:
            start = min(start, self.starts[lo])
            end = max(end, self.ends[hi - 1])
        self.starts[lo:hi] = [start]
        self.ends[lo:hi] = [end]


def select(phrases: list[Phrase], words: int) -> list[Phrase]:
    """The phrases worth judging, densest first: a phrase whose occurrences mostly overlap those of
    a denser phrase already kept is dropped, whether it sits inside it ("ketamine treatment" inside
    "ketamine treatment in austin") or around it ("ketamine treatment in austin has"). Phrases
    written in one case come before mixed ones, so a name wins over a frame around it."""
    kept: list[Phrase] = []
    spans: dict[int, _Spans] = defaultdict(_Spans)  # id(block) -> the union of kept spans
    ranked = sorted(phrases, key=lambda p: (p.mixed_case, -yoast_density(p.count, words, p.content_words), -len(p.words), p.words))
    for p in ranked:
        overlapping = sum(1 for o in p.occurrences if spans[id(o.block)].overlaps(o.start, o.end))
        if overlapping >= 0.5 * p.count:
            continue
        kept.append(p)
        for o in p.occurrences:
            spans[id(o.block)].add(o.start, o.end)
    return kept
