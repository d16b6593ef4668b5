"""Text similarity for the duplicate checks: normalised words, word shingles, bottom-k sketches.

Within one article (one process) a paragraph's word 3-shingles are tuples compared with Python's
own hashing (:func:`local_shingles`). Across files they must hash the same in every process and
run, so each word gets one CRC-32 and a shingle combines its words' values (:func:`stable_shingles`).
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
    """The lower-cased words of a block, from the tokens the document already holds."""
    tokens = block.tokens
    return [t.replace("’", "'") for t in tokens] if "’" in block.text else list(tokens)


def normalized(text: str) -> str:
    return " ".join(words(text))


def local_shingles(ws: list[str], k: int = 3) -> set:
    """Word k-shingles as tuples, for comparisons inside one process (Python's own hashing is much
    faster than CRC-32 of joined strings, but differs between processes)."""
    if len(ws) < k:
        return {tuple(ws)} if ws else set()
    return set(zip(*(ws[i:] for i in range(k))))


_MASK = (1 << 64) - 1


def stable_shingles(ws: list[str], k: int = 3) -> set[int]:
    """Word k-shingles as 64-bit integers that are the same in every process and run: one CRC-32
    per word, combined positionally (cheaper than hashing each joined shingle string)."""
    if not ws:
        return set()
    hs = [zlib.crc32(w.encode()) for w in ws]
    if len(hs) < k:
        k = len(hs)
    p = 0x100000001B3
    if k == 3:
        return {((a * p + b) * p + c) & _MASK for a, b, c in zip(hs, hs[1:], hs[2:])}
    out = set()
    for i in range(len(hs) - k + 1):
        h = 0
        for x in hs[i : i + k]:
            h = (h * p + x) & _MASK
        out.add(h)
    return out


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def sketch(sh: Iterable[int], k: int) -> tuple[int, ...]:
    """The k smallest shingle hashes, sorted."""
    import heapq

    return tuple(heapq.nsmallest(k, set(sh)))


def sketch_similarity(a: tuple[int, ...], b: tuple[int, ...], k: int) -> float:
    """Bottom-k estimate of the Jaccard index: of the k smallest hashes of A ∪ B, the share in both."""
    if not a or not b:
        return 0.0
    union_k = sorted(set(a) | set(b))[:k]
    sa, sb = set(a), set(b)
    both = sum(1 for h in union_k if h in sa and h in sb)
    return both / len(union_k)
