"""Articles for the tests of keyphrase-stuffing and keyphrase-occurrences: filler prose in which no
phrase repeats, and an article where one phrase makes up a given share of the words."""

from __future__ import annotations

import random


def filler_sentences(n_words: int, seed: int = 3) -> list[str]:
    """Sentences of distinct lower-case dictionary words: no phrase in them repeats."""
    from healthlint.syllables import cmu_raw

    rng = random.Random(seed)
    vocab = rng.sample(sorted(w for w in cmu_raw() if w.isalpha() and 4 <= len(w) <= 9), n_words)
    return [" ".join(vocab[i : i + 10]).capitalize() + "." for i in range(0, n_words, 10)]

def article_with(phrase: str, share: float, words: int = 1000) -> tuple[str, int]:
    """A Markdown article where ``phrase`` makes up ``share`` of the words, each use on its own line."""
    n = len(phrase.split())
    uses = round(share * words / n)
    sentences = filler_sentences(words - uses * n)
    lines = ["# Care guide", ""]
    step = max(1, len(sentences) // max(1, uses))
    used = 0
    for i, s in enumerate(sentences):
        if used < uses and i % step == 0:
            lines.append(f"Visit {phrase} today. {s}")
            used += 1
        else:
            lines.append(s)
        lines.append("")
    while used < uses:
        lines += [f"Visit {phrase} today.", ""]
        used += 1
    return "\n".join(lines), uses
