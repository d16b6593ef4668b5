"""Text similarity for the duplicate checks: normalised words, word shingles, bottom-k sketches.

A paragraph's word 3-shingles hash the same in every process and run (each word gets one CRC-32,
remembered per word, and a shingle combines its words' values: :func:`stable_shingles`), so the
within-article and cross-file duplicate checks share one set per paragraph (:func:`block_shingles`).
Two paragraphs' resemblance is the Jaccard index of their shingle sets. For cross-file search each
paragraph keeps only its ``k`` smallest shingle hashes (a bottom-k MinHash sketch, Broder 1997): two
paragraphs whose Jaccard index is J share their minimum with probability J, so indexing sketch
values finds near-duplicates without comparing files pairwise, and the sketches estimate J
without the texts.
"""

from __future__ import annotations

import re
import zlib
from typing import Iterable

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    """Lower-cased words, punctuation and markup dropped, apostrophes unified."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def block_words(block) -> list[str]:
    """The lower-cased words of a block, from the tokens the document already holds (computed
    once per block for the duplicate checks; not to be changed by callers)."""
    cached = block.analyses.words
    if cached is None:
        tokens = block.tokens
        cached = [t.replace("’", "'") for t in tokens] if "’" in block.text else list(tokens)
        block.analyses.words = cached
    return cached


def normalized(text: str) -> str:
    return " ".join(words(text))


HASH_MASK = (1 << 64) - 1


class _WordHashes(dict):
    """word -> CRC-32 of its UTF-8 bytes, computed on first use (a run sees the same words again
    and again); cleared when it grows past a bound."""

    LIMIT = 200_000

    def __missing__(self, word: str) -> int:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[word] = zlib.crc32(word.encode())
        return value


_WORD_HASHES = _WordHashes()


HASH_PRIME = 0x100000001B3


def window_hashes(ws: list[str], k: int) -> list[int]:
    """The hash of each run of k words, in order (position i: words i..i+k-1), as 64-bit integers
    that are the same in every process and run: one CRC-32 per word, combined positionally
    (cheaper than hashing each joined string)."""
    hs = list(map(_WORD_HASHES.__getitem__, ws))
    p = HASH_PRIME
    if k == 3:
        return [((a * p + b) * p + c) & HASH_MASK for a, b, c in zip(hs, hs[1:], hs[2:])]
    out = []
    for i in range(len(hs) - k + 1):
        h = 0
        for x in hs[i : i + k]:
            h = (h * p + x) & HASH_MASK
        out.append(h)
    return out


def stable_shingles(ws: list[str], k: int = 3) -> set[int]:
    """Word k-shingles (:func:`window_hashes`) as a set; a text shorter than k is one shingle."""
    if not ws:
        return set()
    return set(window_hashes(ws, min(k, len(ws))))


def block_shingles(block, k: int = 3) -> set[int]:
    """:func:`stable_shingles` of a block's words (:func:`block_words`), computed once per block and
    shared by the duplicate checks within the article and across files."""
    shingles = block.analyses.shingles
    cached = shingles.get(k)
    if cached is None:
        cached = shingles[k] = stable_shingles(block_words(block), k)
    return cached


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def sketch(sh: Iterable[int], k: int) -> tuple[int, ...]:
    """The k smallest shingle hashes, sorted."""
    values = sh if isinstance(sh, (set, frozenset)) else set(sh)
    if len(values) <= 64 * k:  # a paragraph: sorting all of them in C beats a heap in Python
        return tuple(sorted(values)[:k])
    import heapq

    return tuple(heapq.nsmallest(k, values))


def sketch_similarity(a: tuple[int, ...], b: tuple[int, ...], k: int) -> float:
    """Bottom-k estimate of the Jaccard index: of the k smallest hashes of A ∪ B, the share in both."""
    if not a or not b:
        return 0.0
    union_k = sorted(set(a) | set(b))[:k]
    sa, sb = set(a), set(b)
    both = sum(1 for h in union_k if h in sa and h in sb)
    return both / len(union_k)
