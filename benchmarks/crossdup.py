"""Cross-file duplicate benchmark (HL203): N synthetic articles with planted shared paragraphs.

Each article has unique filler paragraphs (random words drawn, with a seeded RNG, from the CMU word
list), and about a third of them carry one "planted" paragraph that is shared with 1-3 other
articles, with a city name swapped in each copy (the way content farms reuse text). Recall is the
share of planted copies that HL203 reports; false alarms are HL203 findings on filler.

    python benchmarks/crossdup.py 1000 10000
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

CITIES = ["Austin", "Dallas", "Houston", "Denver", "Tucson", "Omaha", "Tulsa", "Boise", "Reno", "Fresno"]


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    from healthlint.syllables import cmu_raw

    words = sorted(w for w in cmu_raw() if w.isalpha() and 3 <= len(w) <= 10)
    return rng.sample(words, size)


def paragraph(rng: random.Random, vocab: list[str], n: int) -> str:
    ws = [rng.choice(vocab) for _ in range(n)]
    ws[0] = ws[0].capitalize()
    return " ".join(ws) + "."


def generate(folder: Path, n: int, seed: int = 7) -> dict[str, list[int]]:
    """Write n articles; return {file name: [line numbers of planted copies]}."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    planted: dict[str, list[int]] = {}
    plans: dict[int, list[int]] = {}  # article -> planted pool indexes
    pool = []
    i = 0
    while i < n:
        copies = min(rng.randint(2, 4), n - i)
        if copies < 2:
            break
        text = paragraph(rng, vocab, 45) + " Our clinic in CITY can help."
        pool.append(text)
        members = rng.sample(range(n), copies)
        for m in members:
            plans.setdefault(m, []).append(len(pool) - 1)
        i += copies * 3  # about a third of the articles carry a planted paragraph
    for a in range(n):
        lines = [f"# Article {a}", ""]
        paras = [paragraph(rng, vocab, rng.randint(35, 60)) for _ in range(5)]
        marks = []
        for k in plans.get(a, []):
            pos = rng.randint(0, len(paras))
            paras.insert(pos, pool[k].replace("CITY", rng.choice(CITIES)))
            marks.append(paras[pos])
        for p in paras:
            if p in marks:
                planted.setdefault(f"a{a:06d}.md", []).append(len(lines) + 1)
            lines += [p, ""]
        (folder / f"a{a:06d}.md").write_text("\n".join(lines), encoding="utf-8")
    return planted


def run(n: int) -> dict[str, float]:
    from healthlint.config import Config
    from healthlint.engine import Linter

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        planted = generate(folder, n)
        linter = Linter(Config(), select=["HL203"])
        t = time.perf_counter()
        report = linter.lint_paths([str(folder)])
        elapsed = time.perf_counter() - t
    found = {(Path(fr.path).name, f.line) for fr in report.files for f in fr.findings}
    expected = {(name, line) for name, lines in planted.items() for line in lines}
    return {
        "articles": n,
        "seconds": elapsed,
        "planted": len(expected),
        "recall": len(found & expected) / max(1, len(expected)),
        "false_alarms": len(found - expected),
    }


def main(sizes: list[int]) -> list[dict[str, float]]:
    rows = [run(n) for n in sizes]
    print("| articles | planted copies | recall | false alarms | time |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['articles']:,} | {r['planted']:,} | {100 * r['recall']:.1f}% | {r['false_alarms']} | {r['seconds']:.1f} s |")
    if len(rows) >= 2:
        print(f"\nTime ratio {rows[-1]['articles']:,} / {rows[0]['articles']:,} articles: "
              f"{rows[-1]['seconds'] / rows[0]['seconds']:.1f}x (target: at most 12x for 10x the articles)")
    return rows


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
