"""Kinds ``duplicate-page`` and ``doorway-page`` (corpus): whole pages that repeat each other.

Both build on the paragraph groups of ``cross-duplicate`` (the same sketches and grouping, computed
once for all three rules of a run) and count, for every pair of files, the paragraphs they share,
leaving out site boilerplate (a paragraph on ``boilerplate_files`` files or more, see HL205).

* ``duplicate-page``: two pages of which at least ``min_share`` of the smaller page's paragraphs (of
  ``min_words`` or more) are near copies of the other's: one page published under two names.
  One page-level finding on each page of the pair, naming the other.
* ``doorway-page``: a set of pages built from one template — at least ``min_share`` of the
  smaller page's paragraphs shared, most of them *not* word for word — with names swapped: the
  place or keyword pages of Google's doorway policy. One finding per page, naming the other pages
  of the set and the names that differ (capitalised words each page uses that the others do not:
  "Gurgaon", "Noida").

A document's record is its ``cross-duplicate`` blob with, after it, the capitalised words it uses
mid-sentence (for the swapped names). Message fields: ``other_path``, ``others``, ``shared``,
``paragraphs``, ``swapped``, ``pages``.
"""

from __future__ import annotations

import re
import struct
from collections import Counter
from typing import Any, Sequence

from . import register
from .base import CorpusHit, Param
from .cross_duplicate import CrossDuplicate

_SEP = "\x1f"
_MID_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}\b")
_MAX_NAMES = 60


class _Blobs:
    """The cross-duplicate part of each record, read lazily (a record store stays on disk)."""

    def __init__(self, records: Sequence[tuple[str, Any]]):
        self.records = records

    def __len__(self) -> int:
        return len(self.records)

    def __getitem__(self, i: int) -> tuple[str, bytes]:
        path, rec = self.records[i]
        return path, split_record(rec)[0]

    def __iter__(self):
        for path, rec in self.records:
            yield path, split_record(rec)[0]


def split_record(rec: Any) -> tuple[bytes, list[str]]:
    if not isinstance(rec, (bytes, bytearray)) or len(rec) < 4:
        return b"", []
    (n,) = struct.unpack_from("<I", rec, 0)
    names = bytes(rec[4 + n :]).decode("utf-8", "replace")
    return bytes(rec[4 : 4 + n]), [x for x in names.split(_SEP) if x]


class _PageLevel(CrossDuplicate):
    """What the two page-level kinds share: the record and the pair counts."""

    scopes = ("corpus",)
    corpus = True
    params = {
        **{k: v for k, v in CrossDuplicate.params.items() if k not in ("boilerplate", "page_share")},
        "min_share": Param(float, 0.8, min=0.1, max=1.0),
        "min_paragraphs": Param(int, 3, min=1, max=10_000),
    }
    fields = ("other_path", "others", "shared", "paragraphs", "swapped", "pages")

    def fingerprint(self, doc) -> bytes:
        blob = super().fingerprint(doc)
        # Capitalised words inside a sentence (after a lower-case word or a comma): names and places.
        text = doc.joined()[0]
        counts = Counter(_MID_NAME.findall(text))
        names = [n for n, _ in counts.most_common(_MAX_NAMES)]
        return struct.pack("<I", len(blob)) + blob + _SEP.join(names).encode("utf-8")

    def finish(self, records: Sequence[tuple[str, Any]]) -> dict[str, list[CorpusHit]]:
        blobs = [(p, split_record(r)[0]) for p, r in records] if isinstance(records, list) else _Blobs(records)
        paths, groups = self.grouped(blobs)
        paragraphs = self.paragraph_counts(blobs)
        close = self.page_pairs(paths, groups, paragraphs, self.p["min_share"], self.p["min_paragraphs"])
        return self._pages(paths, paragraphs, close, records)

    def _pages(self, paths, paragraphs, close, records) -> dict[str, list[CorpusHit]]:
        raise NotImplementedError


@register
class DuplicatePage(_PageLevel):
    kind = "duplicate-page"

    def _pages(self, paths, paragraphs, close, records):
        hits: dict[str, list[CorpusHit]] = {}
        for (a, b), (shared, _) in sorted(close.items()):
            for me, other in ((a, b), (b, a)):
                hits.setdefault(paths[me], []).append(CorpusHit(1, 1, 1, 1, {
                    "other_path": paths[other], "others": 1, "shared": shared, "paragraphs": paragraphs[me],
                    "swapped": "", "pages": 2, "text": f"{paths[other]}", "whole": True,
                }))
        return hits


@register
class DoorwayPage(_PageLevel):
    kind = "doorway-page"
    params = {**_PageLevel.params, "min_share": Param(float, 0.5, min=0.1, max=1.0)}

    def _pages(self, paths, paragraphs, close, records):
        # Template pages: the shared paragraphs differ (names swapped), so most are not verbatim.
        edges = [(a, b) for (a, b), (shared, verb) in close.items() if verb * 2 < shared]
        parent = list(range(len(paths)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for a, b in edges:
            parent[find(a)] = find(b)
        sets: dict[int, list[int]] = {}
        for a, b in edges:
            for x in (a, b):
                members = sets.setdefault(find(x), [])
                if x not in members:
                    members.append(x)
        hits: dict[str, list[CorpusHit]] = {}
        for members in sets.values():
            members.sort(key=lambda i: paths[i])
            names = {i: split_record(records[i][1])[1] for i in members}
            for me in members:
                others = [o for o in members if o != me]
                theirs = set().union(*(set(names[o]) for o in others))
                mine = [n for n in names[me] if n not in theirs][:3]
                swapped = f"; its own names: {', '.join(mine)}" if mine else ""
                shown = ", ".join(paths[o] for o in others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
                hits.setdefault(paths[me], []).append(CorpusHit(1, 1, 1, 1, {
                    "other_path": paths[others[0]], "others": shown, "shared": 0, "paragraphs": paragraphs[me],
                    "swapped": swapped, "pages": len(members), "text": ",".join(sorted(paths[o] for o in others)),
                    "whole": True,
                }))
        return hits
