"""Kinds ``duplicate-page`` and ``doorway-page`` (corpus): whole pages that repeat each other.

* ``duplicate-page``: builds on the paragraph groups of ``cross-duplicate`` (the same sketches and
  grouping, computed once for all the rules of a run) and counts, for every pair of files, the
  paragraphs they share, leaving out site boilerplate (a paragraph on ``boilerplate_files`` files
  or more, see HL205). Two pages of which at least ``min_share`` of the smaller page's paragraphs
  (of ``min_words`` or more) are near copies of the other's are one page published under two
  names: one page-level finding on each page of the pair, naming the other. Its record is the
  ``cross-duplicate`` blob after its length. Message fields: ``other_path``, ``others``,
  ``shared``, ``paragraphs``, ``swapped`` (empty), ``pages``.
* ``doorway-page``: a set of pages written from one template with the place swapped — the town
  pages of Google's doorway policy ("dentists in Brookvale", "dentists in Kestrelford"), spun or
  not, so paragraph copies (0.7 alike) miss them. Two kinds of evidence, both needed, for a pair:

  - *place swaps*: a page's own place is a capitalised name it puts straight after "in", "at",
    "near", "around", "across", "throughout" or "within" (optionally "the") at least
    ``min_place_swaps`` times, and never writes in lower case elsewhere (so "in Stage II" beside
    "the stage" is no place; months and weekdays are times). Its words are masked: each run of
    capitalised names becomes one slot. A *swap* is a use of page A's own place whose window of
    ``shingle`` masked words (one of the windows holding the slot) is also a window around a use of
    page B's own place, a different name: "hospitals in Gurgaon are" and "hospitals in Noida are".
    Each page must have at least ``min_place_swaps`` uses of its place swapped so, for one pair of
    names, running through at least ``min_spread`` of its words (first to last: a branch footer
    with the town swapped is one paragraph), and neither page may put the other's place after a
    preposition itself;
  - *template share*: at least ``min_template_share`` of the smaller page's masked ``shingle``-word
    windows are also the other page's: pages of one site that share stock phrases with the town
    swapped ("hospitals in Noida are equipped with") but are written apart stay below it.

  Pairs so linked form sets (union-find); each page of a set gets one page-level finding naming the
  other pages and the places swapped. Pages published twice word for word swap nothing: that is
  HL206. A page that never names one place four times (the default) after a preposition records
  nothing (one regex scan); the others record their place names, one entry per window around each
  use of their place (keyed by the masked window and the slot's place in it), and their masked
  windows as sorted 32-bit hashes. The run indexes the entries by key — work linear in the uses,
  a key shared by more than ``MAX_BUCKET`` uses comparing each with ``MAX_LEADERS`` first pages —
  and reads the windows of the candidate pairs only. Message fields: ``other_path``, ``others``,
  ``pages``, ``swapped``, ``places`` (the largest number of swapped uses), ``share`` (percent of
  the template shared).
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections import Counter
from typing import Any, Iterable, Sequence

from ..dates import TIME_NAMES
from ..document import WORD_RE
from ..textsim import HASH_MASK, HASH_PRIME, window_hashes
from . import register
from .base import Check, CorpusHit, Param
from .cross_duplicate import CrossDuplicate


class _Blobs:
    """The cross-duplicate part of each record, read lazily (a record store stays on disk)."""

    def __init__(self, records: Sequence[tuple[str, Any]]):
        self.records = records

    def __len__(self) -> int:
        return len(self.records)

    def __getitem__(self, i: int) -> tuple[str, bytes]:
        path, rec = self.records[i]
        return path, split_record(rec)

    def __iter__(self):
        for path, rec in self.records:
            yield path, split_record(rec)


def split_record(rec: Any) -> bytes:
    """The cross-duplicate blob of a ``duplicate-page`` record (anything after it is ignored)."""
    if not isinstance(rec, (bytes, bytearray)) or len(rec) < 4:
        return b""
    (n,) = struct.unpack_from("<I", rec, 0)
    return bytes(rec[4 : 4 + n])


@register
class DuplicatePage(CrossDuplicate):
    kind = "duplicate-page"
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
        return struct.pack("<I", len(blob)) + blob

    def finish(self, records: Sequence[tuple[str, Any]]) -> dict[str, list[CorpusHit]]:
        blobs = [(p, split_record(r)) for p, r in records] if isinstance(records, list) else _Blobs(records)
        paths, groups = self.grouped(blobs)
        paragraphs = self.paragraph_counts(blobs)
        close = self.page_pairs(paths, groups, paragraphs, self.p["min_share"], self.p["min_paragraphs"])
        hits: dict[str, list[CorpusHit]] = {}
        for (a, b), (shared, _) in sorted(close.items()):
            for me, other in ((a, b), (b, a)):
                hits.setdefault(paths[me], []).append(CorpusHit(1, 1, 1, 1, {
                    "other_path": paths[other], "others": 1, "shared": shared, "paragraphs": paragraphs[me],
                    "swapped": "", "pages": 2, "text": f"{paths[other]}", "whole": True,
                }))
        return hits


# --- doorway-page ---------------------------------------------------------------------------------

# A place as a doorway page names it: a capitalised name straight after "in", "at", "near", "around",
# "across", "throughout" or "within", optionally with "the" between ("dentists in Brookvale", "in the
# Brookvale area"). The gate: a page that does this fewer than min_place_swaps times for one name
# records nothing, and costs one regex scan.
_PREPOSITIONS = frozenset(("in", "at", "near", "around", "across", "throughout", "within"))
# (The first letter is matched first, then checked against the one before it: a pattern that starts
# with a set of letters is scanned for in C: about half the time of one that starts with \b.)
_PLACE_USE = re.compile(r"[IiAaNnTtWw](?<![\w'’-][IiAaNnTtWw])(?:(?<=[Ii])n|(?<=[Aa])t|(?<=[Nn])ear|(?<=[Aa])round|"
                        r"(?<=[Aa])cross|(?<=[Tt])hroughout|(?<=[Ww])ithin) (?:the )?([A-Z][a-z][\w'’-]*)")
# Capitalised words that start no name (a run of names is cut before them).
_NOT_NAMES = frozenset(("The", "Near", "Around", "Across", "Throughout", "Within", "And", "For", "With"))
_POSSESSIVE = re.compile(r"['’]s$")
# Addresses and e-mail: "delhi.gov.in" is no lower-case use of "Delhi".
_ADDRESS = re.compile(r"\S*[\w-]\.[a-z]{2,}\S*|\S+@\S+")
_SLOT = "\x00name"  # the token a name becomes; WORD_RE never yields it
_MAX_NAMES = 32  # place names kept per page (own places first), each up to _NAME_CHARS characters
_NAME_CHARS = 80
MAX_BUCKET = 64  # a masked phrase in more places than this: each compared with the first few only
MAX_LEADERS = 16
_HEAD = struct.Struct("<HHHIII")  # own names, names, name bytes, entries, shingles, words
_ENTRY = struct.Struct("<QIH")  # key, word position of the use, name


def _is_name(w: str) -> bool:
    return len(w) >= 3 and w[0].isupper() and w[1].islower() and w not in _NOT_NAMES


def masked_tokens(text: str) -> list[tuple[str, str | None]]:
    """The words of ``text`` in lower case, each run of capitalised names (words joined by single
    spaces) replaced by one slot: (token, None) for a word, (_SLOT, name) for a name, the
    possessive "'s" dropped from the name."""
    out: list[tuple[str, str | None]] = []
    run: list[str] = []
    last = -1
    for m in WORD_RE.finditer(text):
        w = m.group()
        if _is_name(w):
            if run and text[last : m.start()] == " ":
                run.append(w)
            else:
                if run:
                    out.append((_SLOT, _POSSESSIVE.sub("", " ".join(run))))
                run = [w]
        else:
            if run:
                out.append((_SLOT, _POSSESSIVE.sub("", " ".join(run))))
                run = []
            out.append((w.lower().replace("’", "'"), None))
        last = m.end()
    if run:
        out.append((_SLOT, _POSSESSIVE.sub("", " ".join(run))))
    return out


def place_record(doc, k: int, min_uses: int) -> bytes:
    """The document's doorway record: b"" unless some capitalised name follows a preposition of
    place at least ``min_uses`` times (the page's own places). Else its place names (own first),
    one entry per window of k masked words around each use of an own place, keyed by the masked
    window and the slot's place in it, and the set of its masked k-word windows (32-bit) for the
    template share."""
    text = doc.joined()[0]
    firsts = Counter(_PLACE_USE.findall(text))
    if not firsts or firsts.most_common(1)[0][1] < min_uses:
        return b""
    uses: Counter = Counter()
    blocks = []
    for b in doc.body:
        seq = masked_tokens(b.text)
        blocks.append(seq)
        for i, (tok, name) in enumerate(seq):
            if name is not None and _after_preposition(seq, i):
                uses[name] += 1
    plain = _ADDRESS.sub(" ", text)
    lowered = {w for w in WORD_RE.findall(plain) if w[0].islower()}
    # A name the page also writes in lower case ("in Stage II" beside "the stage") is no place.
    places = [n for n, _ in uses.most_common()
              if n.split()[0].lower() not in lowered and n.split()[0] not in TIME_NAMES][:_MAX_NAMES]
    own = [n for n in places if uses[n] >= min_uses]
    if not own:
        return b""
    own_id = {n: i for i, n in enumerate(own)}  # own places come first in `places`
    entries = []
    shingles: set[int] = set()
    at = 0  # words (and name slots) before the block
    for seq in blocks:
        if len(seq) >= k:
            hashes = window_hashes([t for t, _ in seq], k)
            shingles.update((h ^ (h >> 32)) & 0xFFFFFFFF for h in hashes)
            for i, (tok, name) in enumerate(seq):
                if name not in own_id or not _after_preposition(seq, i):
                    continue
                for s in range(max(0, i - k + 1), min(i, len(seq) - k) + 1):
                    entries.append(((hashes[s] * HASH_PRIME + (i - s)) & HASH_MASK, at + i, own_id[name]))
        at += len(seq)
    names = "\x1f".join(n[:_NAME_CHARS] for n in places).encode("utf-8")
    out = bytearray(_HEAD.pack(len(own), len(places), len(names), len(entries), len(shingles), at))
    out += names
    for e in entries:
        out += _ENTRY.pack(*e)
    out += struct.pack(f"<{len(shingles)}I", *sorted(shingles))
    return bytes(out)


def _after_preposition(seq: list[tuple[str, str | None]], i: int) -> bool:
    return i > 0 and (seq[i - 1][0] in _PREPOSITIONS or (i > 1 and seq[i - 1][0] == "the" and seq[i - 2][0] in _PREPOSITIONS))


def read_place_record(rec: Any, with_shingles: bool = False):
    """(own places, all place names, entries, shingles or None, words) of a :func:`place_record`,
    or None."""
    if not isinstance(rec, (bytes, bytearray)) or len(rec) < _HEAD.size:
        return None
    n_own, n_names, n_bytes, n_entries, n_shingles, n_words = _HEAD.unpack_from(rec, 0)
    at = _HEAD.size
    places = bytes(rec[at : at + n_bytes]).decode("utf-8", "replace").split("\x1f") if n_names else []
    at += n_bytes
    entries = [_ENTRY.unpack_from(rec, at + j * _ENTRY.size) for j in range(n_entries)]
    at += n_entries * _ENTRY.size
    shingles = set(struct.unpack_from(f"<{n_shingles}I", rec, at)) if with_shingles else None
    return places[:n_own], places, entries, shingles, n_words


@register
class DoorwayPage(Check):
    """Pages of one template with a place swapped (module docstring)."""

    kind = "doorway-page"
    scopes = ("corpus",)
    corpus = True
    params = {
        "shingle": Param(int, 4, min=2, max=10),
        "min_place_swaps": Param(int, 4, min=1, max=10_000),
        "min_template_share": Param(float, 0.12, min=0.0, max=1.0),
        "min_spread": Param(float, 0.5, min=0.0, max=1.0),
    }
    fields = ("other_path", "others", "pages", "swapped", "places", "share")
    # Until 0.3 the kind compared paragraph groups; configs that tuned those still load.
    retired_params = frozenset(("min_words", "threshold", "sketch_size", "index_values", "min_shared",
                                "boilerplate_files", "boilerplate_share", "page_copy_share", "minor_severity",
                                "min_share", "min_paragraphs"))

    def check(self, doc) -> Iterable[Any]:
        return ()

    def fingerprint(self, doc) -> bytes:
        return place_record(doc, self.p["shingle"], self.p["min_place_swaps"])

    def finish(self, records: Sequence[tuple[str, Any]]) -> dict[str, list[CorpusHit]]:
        need, share = self.p["min_place_swaps"], self.p["min_template_share"]
        paths: list[str] = []
        own: dict[int, list[str]] = {}
        named: dict[int, set[str]] = {}
        length: dict[int, int] = {}
        index: dict[int, list[tuple[int, int, int]]] = {}
        for fi, (path, rec) in enumerate(records):
            paths.append(path)
            parsed = read_place_record(rec)
            if parsed is None:
                continue
            own[fi], places, entries, _, length[fi] = parsed
            named[fi] = set(places)
            for key, occ, name in entries:
                index.setdefault(key, []).append((fi, occ, name))
        # Swaps: a window of masked words around a use of one page's own place, around a use of the
        # other page's own place, a different name. Per pair of pages and pair of names, the uses
        # of each page that line up so.
        swaps: dict[tuple[int, int], dict[tuple[int, int], tuple[set, set]]] = {}
        for bucket in index.values():
            if len(bucket) < 2:
                continue
            if len(bucket) <= MAX_BUCKET:
                pairs = ((bucket[i], e) for i in range(len(bucket)) for e in bucket[i + 1 :])
            else:
                leaders: list[tuple[int, int, int]] = []
                for e in bucket:
                    if len(leaders) >= MAX_LEADERS:
                        break
                    if all(e[0] != x[0] for x in leaders):
                        leaders.append(e)
                pairs = ((x, e) for x in leaders for e in bucket)
            for x, y in pairs:
                if x[0] == y[0]:
                    continue
                (a, occ_a, na), (b, occ_b, nb) = (x, y) if x[0] < y[0] else (y, x)
                if own[a][na] == own[b][nb]:
                    continue
                got = swaps.setdefault((a, b), {}).setdefault((na, nb), (set(), set()))
                got[0].add(occ_a)
                got[1].add(occ_b)
        shingles: dict[int, set[int]] = {}

        def shingles_of(fi: int) -> set[int]:
            if fi not in shingles:
                if len(shingles) > 256:
                    shingles.clear()
                shingles[fi] = read_place_record(records[fi][1], with_shingles=True)[3]
            return shingles[fi]

        edges: list[tuple[int, int, str, str, int, float, float]] = []
        for (a, b), by_names in sorted(swaps.items()):
            (na, nb), (ua, ub) = max(by_names.items(), key=lambda kv: (min(len(kv[1][0]), len(kv[1][1])), kv[0]))
            count = min(len(ua), len(ub))
            x, y = own[a][na], own[b][nb]
            # Each page's place is its own: the other page never puts it after "in", "near"….
            if count < need or x in named[b] or y in named[a]:
                continue
            # The swapped uses run through the page, not one paragraph of it (a branch footer).
            spread = min((max(ua) - min(ua)) / max(1, length[a]), (max(ub) - min(ub)) / max(1, length[b]))
            if spread < self.p["min_spread"]:
                continue
            sa, sb = shingles_of(a), shingles_of(b)
            common = len(sa & sb) / max(1, min(len(sa), len(sb)))
            if common >= share:
                edges.append((a, b, x, y, count, common, spread))
        return self._sets(paths, edges)

    def _sets(self, paths: list[str], edges) -> dict[str, list[CorpusHit]]:
        parent = list(range(len(paths)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        mine: dict[int, set[str]] = {}
        theirs: dict[int, set[str]] = {}
        best: dict[int, tuple[int, float]] = {}
        for a, b, x, y, count, common, _ in edges:
            parent[find(a)] = find(b)
            for me, name, other in ((a, x, y), (b, y, x)):
                mine.setdefault(me, set()).add(name)
                theirs.setdefault(me, set()).add(other)
                best[me] = max(best.get(me, (0, 0.0)), (count, common))
        sets: dict[int, list[int]] = {}
        for i in sorted(mine, key=lambda i: paths[i]):
            sets.setdefault(find(i), []).append(i)
        hits: dict[str, list[CorpusHit]] = {}
        for members in sets.values():
            # The finding's text (its fingerprint) names the set by a digest of its pages' paths: a
            # set of a thousand town pages would otherwise repeat every path on every page.
            digest = hashlib.blake2b("\n".join(paths[m] for m in members).encode(), digest_size=8).hexdigest()
            for me in members:
                others = [o for o in members if o != me]
                where = "the other page names" if len(others) == 1 else "the other pages name"
                count, common = best[me]
                hits.setdefault(paths[me], []).append(CorpusHit(1, 1, 1, 1, {
                    "other_path": paths[others[0]], "others": _some([paths[o] for o in others]), "pages": len(members),
                    "swapped": f"; it names {_some(sorted(mine[me]))} where {where} {_some(sorted(theirs[me] - mine[me]))}",
                    "places": count, "share": round(100 * common), "text": digest, "whole": True,
                }))
        return hits


def _some(items: list[str], shown: int = 3) -> str:
    """The first few items, and how many more."""
    return ", ".join(items[:shown]) + (f" and {len(items) - shown} more" if len(items) > shown else "")
