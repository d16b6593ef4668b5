"""Kind ``cross-duplicate`` (corpus): a paragraph that appears, verbatim or nearly, in another file
of the same run — content farms reuse paragraphs across city pages.

Each document contributes, per paragraph of at least ``min_words`` words, a bottom-k MinHash sketch
of its word shingles and the paragraph's position (:mod:`healthlint.textsim`). The run then indexes
the ``index_values`` smallest values of each sketch: two paragraphs with Jaccard index J share the
smallest shingle of their union with probability J, so near-copies share most of their few
smallest values, while paragraphs that only share a stock phrase ("is right for you") share one.
A pair is verified (sketch similarity, once per pair) when it shares at least ``min_shared`` indexed
values. In small buckets pairs are counted; in a larger one (a stock phrase shared by thousands of
paragraphs, or one paragraph copied into hundreds of files) each member is compared with at most
``MAX_LEADERS`` cluster leaders, which keeps the work and memory linear. Matches are joined into
clusters with union-find. Work is linear in the number of paragraphs; no pair of files is compared
wholesale. Paragraphs listed in the
config's ``allowed-duplicates`` are exempt. Every copy is reported, naming one other file and line.
Message fields: ``other_path``, ``other_line``, ``others`` (how many other files), ``similarity``.
"""

from __future__ import annotations

import hashlib
import struct
from array import array
from typing import Any, Iterable

from ..textsim import block_words, jaccard, sketch, sketch_similarity, stable_shingles, words
from . import Check, CorpusHit, Param, register

SMALL_BUCKET = 8  # buckets up to this size count shared values per pair
MAX_LEADERS = 16  # larger buckets: each member is compared with at most this many cluster leaders


def _unpack(hexed: str) -> tuple[int, ...]:
    raw = bytes.fromhex(hexed)
    return struct.unpack(f">{len(raw) // 8}Q", raw)


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
        "index_values": Param(int, 6, min=1, max=256),
        "min_shared": Param(int, 3, min=1, max=256),
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
            digest = hashlib.blake2b(" ".join(ws).encode(), digest_size=8).hexdigest()  # for fingerprints
            packed = struct.pack(f">{len(sk)}Q", *sk) if (sk := sketch(sh, size)) else b""
            out.append((line, col, end_line, end_col, packed.hex(), digest))
        return out

    @staticmethod
    def _check(a, b, paras, size, threshold, find, union, best, checked) -> None:
        if paras[a][0] == paras[b][0] or find(a) == find(b) or (a, b) in checked:
            return
        checked.add((a, b))
        sim = sketch_similarity(_unpack(paras[a][1][4]), _unpack(paras[b][1][4]), size)
        if sim >= threshold:
            union(a, b)
            best[a] = max(best.get(a, 0.0), sim)
            best[b] = max(best.get(b, 0.0), sim)

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

        # The index: (value, paragraph) pairs for each paragraph's smallest sketch values, sorted in
        # two compact arrays; a run of equal values is a bucket. (A dict of lists costs several
        # times the memory at 100,000 articles.)
        n_index = self.p["index_values"]
        values = array("Q")
        owners = array("L")
        prefixes: list[frozenset] = []  # each paragraph's indexed values, for the shared-count filter
        for i, (_, r) in enumerate(paras):
            prefix = _unpack(r[4][: 16 * n_index])  # only the indexed prefix; full sketches on demand
            prefixes.append(frozenset(prefix))
            for h in prefix:
                values.append(h)
                owners.append(i)
        order = sorted(range(len(values)), key=values.__getitem__)
        best: dict[int, float] = {}
        checked: set[tuple[int, int]] = set()
        shared: dict[tuple[int, int], int] = {}
        start = 0
        while start < len(order):
            end = start + 1
            v = values[order[start]]
            while end < len(order) and values[order[end]] == v:
                end += 1
            if end - start > SMALL_BUCKET:
                leaders: list[int] = []
                for b in sorted(owners[k] for k in order[start:end]):
                    joined = False
                    for a in leaders:
                        if len(prefixes[a] & prefixes[b]) >= self.p["min_shared"]:
                            self._check(a, b, paras, size, threshold, find, union, best, checked)
                            if find(a) == find(b):
                                joined = True
                                break
                    if not joined and len(leaders) < MAX_LEADERS:
                        leaders.append(b)
            elif end - start > 1:
                members = sorted(owners[k] for k in order[start:end])
                for n, a in enumerate(members):
                    for b in members[n + 1 :]:
                        if paras[a][0] != paras[b][0]:
                            shared[(a, b)] = shared.get((a, b), 0) + 1
            start = end
        del order, values, owners, prefixes
        for (a, b), count in sorted(shared.items()):
            if count >= self.p["min_shared"]:
                self._check(a, b, paras, size, threshold, find, union, best, checked)

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
