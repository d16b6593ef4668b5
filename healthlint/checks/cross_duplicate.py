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

Site boilerplate is told apart automatically: a paragraph that at least ``boilerplate_files`` files
*and* ``boilerplate_share`` of the run's files carry (an agency's standard definition, a template
sentence on every page) is the site's furniture, not a copied article. A rule with
``boilerplate: false`` (HL203) skips such clusters; a rule with ``boilerplate: true`` (HL205)
reports only them, once, on their first occurrence (first path, then line).
Message fields: ``other_path``, ``other_line``, ``others`` (how many other files), ``similarity``,
``files`` (how many files carry the paragraph).
"""

from __future__ import annotations

import hashlib
import struct
from array import array
from bisect import bisect_right
from math import gcd
from typing import Any, Iterable, Sequence

from ..textsim import block_shingles, block_words, jaccard, sketch, sketch_similarity, stable_shingles, words
from . import register
from .base import Check, CorpusHit, Param

SMALL_BUCKET = 8  # buckets up to this size compare their pairs' shared values
PARTITIONS = 32  # the index is sorted one partition (a range of sketch values) at a time
HEAVY_SHARE = 64  # a value holding over 1/64 of the sampled index gets a partition of its own
MAX_LEADERS = 16  # larger buckets: each member is compared with at most this many cluster leaders


_PAD = (1 << 64) - 1  # fills sketches of short paragraphs up to sketch_size
# The parameters that decide the groups (not how they are reported), and the last groups computed.
_GROUPING_PARAMS = ("min_words", "threshold", "shingle", "sketch_size", "index_values", "min_shared")
_GROUPS_MEMO: "tuple[Any, tuple[list[str], list[list[tuple]]]] | None" = None


def _entry_format(size: int) -> str:
    return f"<IIII8s{size}Q"


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
        "boilerplate_files": Param(int, 5, min=2, max=1_000_000),
        "boilerplate_share": Param(float, 0.05, min=0.0, max=1.0),
        "boilerplate": Param(bool, False),
        "page_share": Param(float, 0.8, min=0.0, max=1.0),
        "page_copy_share": Param(float, 0.0, min=0.0, max=1.0),
        "minor_severity": Param(str, "info", choices=("error", "warning", "info")),
    }
    fields = ("other_path", "other_line", "others", "similarity", "files", "page_copied")

    def setup(self) -> None:
        k = self.p["shingle"]
        self.allowed = [stable_shingles(words(t), k) for t in self.config.allowed_duplicates]

    def check(self, doc) -> Iterable[Any]:
        return ()

    def fingerprint(self, doc) -> bytes:
        """One bytes blob per document: for each paragraph, a fixed-size entry (position, an
        8-byte digest of its text for fingerprints, its sketch padded to ``sketch_size``). About
        216 bytes a paragraph: the record stays small at 100,000 articles."""
        # HL203 and HL205 share the fingerprint when their parameters agree: computed once per document.
        memo_key = (self.p["min_words"], self.p["threshold"], self.p["shingle"], self.p["sketch_size"],
                    tuple(self.config.allowed_duplicates))
        memo = doc.analyses.crossdup_fingerprints
        if memo_key in memo:
            return memo[memo_key]
        out = bytearray()
        k, size = self.p["shingle"], self.p["sketch_size"]
        fmt = _entry_format(size)
        for b in doc.body:
            ws = block_words(b)
            if len(ws) < self.p["min_words"]:
                continue
            sh = block_shingles(b, k)
            if any(jaccard(sh, a) >= self.p["threshold"] for a in self.allowed):
                continue
            s, e = b.source_span()
            line, col = doc.position(s)
            end_line, end_col = doc.position(e)
            digest = hashlib.blake2b(" ".join(ws).encode(), digest_size=8).digest()
            sk = list(sketch(sh, size))
            out += struct.pack(fmt, line, col, end_line, end_col, digest, *(sk + [_PAD] * (size - len(sk))))
        memo[memo_key] = bytes(out)
        return memo[memo_key]

    def finish(self, records: Sequence[tuple[str, Any]]) -> dict[str, list[CorpusHit]]:
        """``records`` may be a list or a :class:`~healthlint.store.RecordStore` on disk: it is read
        once in order, then only the entries of candidate pairs and matches are read again.

        HL203 and HL205 group the same paragraphs: when their grouping parameters agree and the
        records are the same in-memory list of blobs, the second rule reuses the first's groups."""
        paths, groups = self.grouped(records)
        whole = set()
        if self.p["page_share"] > 0 and not self.p["boilerplate"]:
            whole = set(self.page_pairs(paths, groups, self.paragraph_counts(records), self.p["page_share"], 3))
        return self._report(paths, groups, whole, self.paragraph_counts(records))

    def paragraph_counts(self, records: Sequence[tuple[str, Any]]) -> list[int]:
        """How many paragraphs each file's record holds (one fixed-size entry each)."""
        step = struct.calcsize(_entry_format(self.p["sketch_size"]))
        return [len(r) // step if isinstance(r, (bytes, bytearray)) else 0 for _, r in records]

    def page_pairs(self, paths: list[str], groups: list[list[tuple]], paragraphs: list[int], share: float,
                   at_least: int) -> dict[tuple[int, int], tuple[int, int]]:
        """Pairs of files (a < b) of which at least ``share`` of the smaller file's paragraphs, and
        ``at_least``, are near copies of the other's, site boilerplate left out: {(a, b): (shared
        paragraphs, of them word for word)}."""
        shared_by = self.boilerplate_files(len(paths))
        pairs: dict[tuple[int, int], list[int]] = {}
        for members in groups:
            files = sorted({m[0] for m in members})
            if len(files) >= shared_by:
                continue  # site boilerplate says nothing about two pages
            same_text = len({m[5] for m in members}) == 1
            for i, a in enumerate(files):
                for b in files[i + 1 :]:
                    c = pairs.setdefault((a, b), [0, 0])
                    c[0] += 1
                    c[1] += same_text
        out = {}
        for (a, b), (n, verbatim) in pairs.items():
            smaller = max(1, min(paragraphs[a], paragraphs[b]))
            if n >= at_least and n / smaller >= share:
                out[a, b] = (n, verbatim)
        return out

    def _report(self, paths: list[str], groups: list[list[tuple]], whole: "set[tuple[int, int]] | None" = None,
                paragraphs: "list[int] | None" = None) -> dict[str, list[CorpusHit]]:
        """Hits from the groups: each a list of (file index, line, column, end line, end column,
        digest, similarity) of near-identical paragraphs in two or more files.

        With ``page_copy_share`` set, a copy on a page of which less than that share of the
        paragraphs are copies (a page mostly its own that reuses a standard paragraph of the site)
        is reported at ``minor_severity``."""
        hits: dict[str, list[CorpusHit]] = {}
        shared_by = self.boilerplate_files(len(paths))
        copied: dict[int, int] = {}
        if not self.p["boilerplate"]:
            for members in groups:
                if len({m[0] for m in members}) < shared_by:
                    for m in members:
                        copied[m[0]] = copied.get(m[0], 0) + 1
        minor = self.p["minor_severity"] if self.p["page_copy_share"] > 0 and paragraphs else None
        for members in groups:
            n_files = len({m[0] for m in members})
            if self.p["boilerplate"]:
                if n_files >= shared_by:
                    fi, line, col, end_line, end_col, digest, _ = min(members, key=lambda m: (paths[m[0]], m[1]))
                    hits.setdefault(paths[fi], []).append(CorpusHit(line, col, end_line, end_col, {
                        "other_path": "", "other_line": 0, "others": n_files - 1, "similarity": 100,
                        "files": n_files, "text": digest.hex(),
                    }))
                continue
            if n_files >= shared_by:
                continue
            for fi, line, col, end_line, end_col, digest, sim in members:
                others = [m for m in members if m[0] != fi]
                if whole and all((min(fi, m[0]), max(fi, m[0])) in whole for m in others):
                    continue  # the two pages are one page published twice: HL206 says it once
                j = min(others, key=lambda m: (paths[m[0]], m[1]))
                share = copied.get(fi, 0) / max(1, paragraphs[fi]) if paragraphs else 1.0
                values = {
                    "other_path": paths[j[0]], "other_line": j[1],
                    "others": len({m[0] for m in others}), "similarity": round(100 * sim),
                    "files": n_files, "page_copied": round(100 * min(1.0, share)), "text": digest.hex(),
                }
                if minor and share < self.p["page_copy_share"]:
                    values["severity"] = minor
                hits.setdefault(paths[fi], []).append(CorpusHit(line, col, end_line, end_col, values))
        return hits

    def boilerplate_files(self, n_files: int) -> int:
        """A paragraph in at least this many files is site boilerplate: ``boilerplate_files``, or
        ``boilerplate_share`` of the run's files, whichever is larger."""
        return max(self.p["boilerplate_files"], -(-int(self.p["boilerplate_share"] * 1_000_000 * n_files) // 1_000_000))

    def grouped(self, records: Sequence[tuple[str, Any]]) -> tuple[list[str], list[list[tuple]]]:
        """The groups of near-identical paragraphs (see :meth:`_report`), shared with every rule of
        the same grouping parameters through the memo (in-memory records only)."""
        global _GROUPS_MEMO
        key = None
        if isinstance(records, list):
            key = (tuple(self.p[k] for k in _GROUPING_PARAMS), tuple(records))
            if _GROUPS_MEMO is not None and _GROUPS_MEMO[0] == key:
                return _GROUPS_MEMO[1]
        result = self._groups(records)
        _GROUPS_MEMO = (key, result) if key is not None else None
        return result

    def _groups(self, records: Sequence[tuple[str, Any]]) -> tuple[list[str], list[list[tuple]]]:
        size, threshold = self.p["sketch_size"], self.p["threshold"]
        n_index, min_shared = self.p["index_values"], self.p["min_shared"]
        fmt = _entry_format(size)
        step = struct.calcsize(fmt)
        head = struct.Struct("<IIII8s")  # position and digest: 24 bytes
        sketch_fmt = struct.Struct(f"<{size}Q")
        prefix_fmt = struct.Struct(f"<{min(n_index, size)}Q")
        pad_prefix = [_PAD] * max(0, n_index - size)

        # One pass over the records: paragraph i is entry para_off[i] of file para_file[i]; its
        # n_index smallest sketch values go to `prefixes`.
        paths: list[str] = []
        para_file, para_off = array("I"), array("I")
        prefixes = array("Q")
        for fi, (path, blob) in enumerate(records):
            paths.append(path)
            if not isinstance(blob, (bytes, bytearray)):
                continue
            for off in range(0, len(blob) - step + 1, step):
                para_file.append(fi)
                para_off.append(off)
                prefixes.extend(list(prefix_fmt.unpack_from(blob, off + 24)) + pad_prefix)
        n = len(para_file)
        parent = array("I", range(n))
        # The index (each value's positions in `prefixes`, sorted by value) is built and sorted
        # one partition at a time, partitions being value ranges of about equal size cut at
        # quantiles of a sample (the values are sketch minima, crowded near zero). A value that
        # alone fills a good part of the sample (a stock phrase's shingle in templated pages) gets
        # a list of its own, which needs no sorting: its positions are appended in order.
        every = max(1, len(prefixes) // 4096)
        while every > 1 and gcd(every, n_index) != 1:
            every += 1  # a stride sharing a factor with n_index would sample some slots only
        sample = sorted(h for h in prefixes[::every] if h != _PAD)
        counts_in_sample: dict[int, int] = {}
        for h in sample:
            counts_in_sample[h] = counts_in_sample.get(h, 0) + 1
        heavy_at: dict[int, array] = {h: array("I") for h, c in counts_in_sample.items() if c * HEAVY_SHARE > len(sample)}
        sample = [h for h in sample if h not in heavy_at]
        bounds = [sample[len(sample) * k // PARTITIONS] for k in range(1, PARTITIONS)] if sample else []
        parts = [array("I") for _ in range(PARTITIONS)]
        for pos, h in enumerate(prefixes):
            if h != _PAD:
                heavy = heavy_at.get(h)
                (heavy if heavy is not None else parts[bisect_right(bounds, h)]).append(pos)
        heavy_in_part: list[list[int]] = [[] for _ in range(PARTITIONS)]
        for h in sorted(heavy_at):
            heavy_in_part[bisect_right(bounds, h)].append(h)

        blob_cache: dict[int, bytes] = {}

        def blob_of(fi: int) -> bytes:
            blob = blob_cache.get(fi)
            if blob is None:
                if len(blob_cache) > 256:
                    blob_cache.clear()
                blob = blob_cache[fi] = records[fi][1]
            return blob

        def entry(i: int) -> tuple:
            return head.unpack_from(blob_of(para_file[i]), para_off[i])

        sketches: dict[int, frozenset[int]] = {}

        def sketch_of(i: int) -> frozenset[int]:
            sk = sketches.get(i)
            if sk is None:
                if len(sketches) > 4096:
                    sketches.clear()
                sk = sketches[i] = frozenset(sketch_fmt.unpack_from(blob_of(para_file[i]), para_off[i] + 24))
                sk = sketches[i] = sk - {_PAD} if _PAD in sk else sk
            return sk

        def prefix_set(i: int) -> set[int]:
            s = set(prefixes[i * n_index : (i + 1) * n_index])
            s.discard(_PAD)
            return s

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i: int, j: int) -> None:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)

        best: dict[int, float] = {}
        # Pairs already verified (a << 32 | b), so a failing pair met again is not verified again.
        # Only a memo: verifying twice gives the same answer, so it is emptied when it gets large.
        checked: set[int] = set()

        def check(a: int, b: int) -> None:
            if para_file[a] == para_file[b] or find(a) == find(b) or (a << 32 | b) in checked:
                return
            if len(checked) > 200_000:
                checked.clear()
            checked.add(a << 32 | b)
            sa, sb = sketch_of(a), sketch_of(b)
            inter = len(sa & sb)
            # The estimate counts shared values among the `size` smallest of the union, so it
            # cannot exceed inter / min(size, |union|): most candidates are rejected on that.
            if inter < threshold * min(size, len(sa) + len(sb) - inter) - 1e-9:
                return
            sim = sketch_similarity(sa, sb, size)
            if sim >= threshold:
                union(a, b)
                best[a] = max(best.get(a, 0.0), sim)
                best[b] = max(best.get(b, 0.0), sim)

        def buckets(p: int) -> Iterable[tuple[int, int, Iterable[int]]]:
            """(value, how many paragraphs hold it, those paragraphs in order) for each value of
            partition p, in value order."""
            part = parts[p]
            order = sorted(part, key=prefixes.__getitem__)
            heavy = heavy_in_part[p]
            hi = 0
            start = 0
            while start < len(order) or hi < len(heavy):
                v = prefixes[order[start]] if start < len(order) else None
                if hi < len(heavy) and (v is None or heavy[hi] < v):
                    h = heavy[hi]
                    hi += 1
                    positions = heavy_at[h]
                    yield h, len(positions), (pos // n_index for pos in positions)
                    continue
                end = start + 1
                while end < len(order) and prefixes[order[end]] == v:
                    end += 1
                members = sorted(order[k] // n_index for k in range(start, end))
                yield v, len(members), members
                start = end

        # First pass: the values shared by many paragraphs (stock phrases, mass-copied text).
        large = {v for p in range(PARTITIONS) for v, count, _ in buckets(p) if count > SMALL_BUCKET}
        # Second pass, in value order. A large bucket compares each member with a few cluster
        # leaders now; a pair in small buckets is a candidate when it shares at least min_shared
        # values outside large buckets, and is noted once, at the smallest of them.
        pairs: list[tuple[int, int]] = []
        for p in range(PARTITIONS):
            for v, count, members in buckets(p):
                if count > SMALL_BUCKET:
                    # Each member is compared, in order, with the cluster leaders sharing at least
                    # min_shared of its indexed values (v itself and others, counted through a
                    # small value -> leaders index), until one joins it; up to MAX_LEADERS leaders.
                    leaders: list[int] = []
                    holders: dict[int, list[int]] = {}
                    for b in members:
                        pb = prefix_set(b)
                        pb.discard(v)
                        counts: dict[int, int] = {}
                        for x in pb:
                            for li in holders.get(x, ()):
                                counts[li] = counts.get(li, 0) + 1
                        joined = False
                        for li in sorted(li for li, c in counts.items() if c + 1 >= min_shared):
                            a = leaders[li]
                            check(a, b)
                            if find(a) == find(b):
                                joined = True
                                break
                        if not joined and len(leaders) < MAX_LEADERS:
                            for x in pb:
                                holders.setdefault(x, []).append(len(leaders))
                            leaders.append(b)
                elif count > 1:
                    members = list(members)
                    sets = [prefix_set(m) - large for m in members]
                    for k, a in enumerate(members):
                        for b, pb in zip(members[k + 1 :], sets[k + 1 :]):
                            if para_file[a] != para_file[b]:
                                both = sets[k] & pb
                                if len(both) >= min_shared and min(both) == v:
                                    pairs.append((a, b))
            parts[p] = array("I")  # this partition is done
            for h in heavy_in_part[p]:
                heavy_at[h] = array("I")
        del large
        for a, b in sorted(pairs):
            check(a, b)

        clusters: dict[int, list[int]] = {}
        for i in sorted(best):
            clusters.setdefault(find(i), []).append(i)
        groups = []
        for members in clusters.values():
            if len({para_file[i] for i in members}) < 2:
                continue
            groups.append([(para_file[i], *entry(i)[:5], best[i]) for i in members])
        return paths, groups
