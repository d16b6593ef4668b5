"""Kind ``cross-duplicate`` (corpus): a paragraph that appears, verbatim or nearly, in another file
of the same run — content farms reuse paragraphs across city pages.

Each document contributes, per paragraph of at least ``min_words`` words, a bottom-k MinHash sketch
of its word shingles and the paragraph's position (:mod:`healthlint.textsim`). The run then indexes
every sketch value once: paragraphs sharing a value are candidates, checked against the bucket's
first member (and all members in small buckets), and joined into clusters with union-find. Work is
linear in the number of paragraphs; no pair of files is compared wholesale. Paragraphs listed in the
config's ``allowed-duplicates`` are exempt. Every copy is reported, naming one other file and line.
Message fields: ``other_path``, ``other_line``, ``others`` (how many other files), ``similarity``.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..textsim import block_words, jaccard, sketch, sketch_similarity, stable_shingles, words
from . import Check, CorpusHit, Param, register

SMALL_BUCKET = 16  # buckets up to this size are verified pairwise; larger ones against one member


@register
class CrossDuplicate(Check):
    kind = "cross-duplicate"
    scopes = ("corpus",)
    corpus = True
    params = {
        "min_words": Param(int, 15, min=3, max=10000),
        "threshold": Param(float, 0.7, min=0.2, max=1.0),
        "shingle": Param(int, 3, min=1, max=10),
        "sketch_size": Param(int, 24, min=4, max=256),
    }
    fields = ("other_path", "other_line", "others", "similarity")

    def setup(self) -> None:
        k = self.p["shingle"]
        self.allowed = [stable_shingles(words(t), k) for t in self.config.allowed_duplicates]

    def check(self, doc) -> Iterable[Any]:
        return ()

    def fingerprint(self, doc) -> list[tuple]:
        out = []
        k, size = self.p["shingle"], self.p["sketch_size"]
        for b in doc.body:
            ws = block_words(b)
            if len(ws) < self.p["min_words"]:
                continue
            sh = stable_shingles(ws, k)
            if any(jaccard(sh, a) >= self.p["threshold"] for a in self.allowed):
                continue
            s, e = b.source_span()
            line, col = doc.position(s)
            end_line, end_col = doc.position(e)
            out.append((line, col, end_line, end_col, sketch(sh, size), " ".join(ws[:40])))
        return out

    def finish(self, records: list[tuple[str, Any]]) -> dict[str, list[CorpusHit]]:
        size, threshold = self.p["sketch_size"], self.p["threshold"]
        paras: list[tuple[int, tuple]] = []  # (file index, record)
        paths = [p for p, _ in records]
        for fi, (_, rec) in enumerate(records):
            for r in rec or ():
                paras.append((fi, r))
        parent = list(range(len(paras)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i: int, j: int) -> None:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)

        buckets: dict[int, list[int]] = {}
        for i, (_, r) in enumerate(paras):
            for h in r[4]:
                buckets.setdefault(h, []).append(i)
        best: dict[int, float] = {}
        for members in buckets.values():
            if len(members) < 2:
                continue
            pairs: Iterable[tuple[int, int]]
            if len(members) <= SMALL_BUCKET:
                pairs = ((a, b) for n, a in enumerate(members) for b in members[n + 1 :])
            else:
                pairs = ((members[0], b) for b in members[1:])
            for a, b in pairs:
                if paras[a][0] == paras[b][0] or find(a) == find(b):
                    continue
                sim = sketch_similarity(paras[a][1][4], paras[b][1][4], size)
                if sim >= threshold:
                    union(a, b)
                    best[a] = max(best.get(a, 0.0), sim)
                    best[b] = max(best.get(b, 0.0), sim)

        clusters: dict[int, list[int]] = {}
        for i in range(len(paras)):
            if i in best:
                clusters.setdefault(find(i), []).append(i)
        hits: dict[str, list[CorpusHit]] = {}
        for members in clusters.values():
            files = sorted({paras[i][0] for i in members})
            if len(files) < 2:
                continue
            for i in members:
                fi, (line, col, end_line, end_col, _, text) = paras[i]
                others = [j for j in members if paras[j][0] != fi]
                j = min(others, key=lambda j: (paths[paras[j][0]], paras[j][1][0]))
                hits.setdefault(paths[fi], []).append(CorpusHit(line, col, end_line, end_col, {
                    "other_path": paths[paras[j][0]], "other_line": paras[j][1][0],
                    "others": len({paras[x][0] for x in others}), "similarity": round(100 * best[i]),
                    "text": text,
                }))
        return hits
