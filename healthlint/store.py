"""A large run's results and cross-file records, kept on disk so memory does not grow with the
number of files (issue 7: 100,000 articles in at most 500 MB).

:class:`ResultStore` holds each file's :class:`~healthlint.findings.FileResult` in a temporary file
(the cache's JSON encoding, :func:`healthlint.cache.encode`); memory keeps only each file's path
and place in that file, plus the run's finding counts. Iterating decodes one result at a time, so
reports stream (:mod:`healthlint.report`). :class:`RecordStore` does the same for one cross-file
rule's per-file records, read back when :meth:`~healthlint.checks.Check.finish` asks for them.
Both temporary files are unlinked at once, so nothing is left behind, even after a crash.

The engine uses them for runs of more than :data:`healthlint.engine.SPILL_OVER` files; smaller runs
keep lists with the same methods (:class:`ResultList`, :class:`RecordList`) (``tests/test_store.py`` checks both give the same reports).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from typing import Any, Callable, Iterator

from .findings import FileResult


class _Spill:
    """Byte strings appended to an anonymous temporary file, read back by number."""

    def __init__(self) -> None:
        self._fh = tempfile.TemporaryFile()
        self._index: list[tuple[str, int, int]] = []  # (path, offset, length)
        self._end = 0

    def _add(self, path: str, data: bytes) -> None:
        self._fh.seek(self._end)
        self._fh.write(data)
        self._index.append((path, self._end, len(data)))
        self._end += len(data)

    def _read(self, i: int) -> tuple[str, bytes]:
        path, off, n = self._index[i]
        self._fh.seek(off)
        return path, self._fh.read(n)

    def sort_by_path(self) -> None:
        """Order by path (stable), as reports and cross-file checks expect."""
        self._index.sort(key=lambda e: e[0])

    def paths(self) -> list[str]:
        return [e[0] for e in self._index]

    def __len__(self) -> int:
        return len(self._index)

    def close(self) -> None:
        self._fh.close()


class ResultStore(_Spill, Sequence):
    """FileResults on disk, in path order once :meth:`sort` has run."""

    def __init__(self) -> None:
        super().__init__()
        self._counts = {"error": 0, "warning": 0, "info": 0}
        self._rules: set[str] = set()

    def append(self, result: FileResult) -> None:
        from .cache import encode

        for f in result.findings:
            self._counts[f.severity] += 1
            self._rules.add(f.rule)
        self._add(result.path, encode(result, records=False).encode("utf-8"))

    def __getitem__(self, i: int) -> FileResult:  # type: ignore[override]
        from .cache import decode

        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]  # type: ignore[return-value]
        path, data = self._read(i)
        return decode(path, data.decode("utf-8"))

    def __iter__(self) -> Iterator[FileResult]:
        for i in range(len(self)):
            yield self[i]

    def rewrite(self, change: Callable[[FileResult], Any]) -> None:
        """Apply ``change`` to every result (in order) and store the changed results."""
        new = ResultStore()
        for result in self:
            change(result)
            new.append(result)
        self.close()
        self.__dict__.update(new.__dict__)

    def severity_counts(self) -> dict[str, int]:
        return dict(self._counts)

    def rule_codes(self) -> set[str]:
        return set(self._rules)


class RecordStore(_Spill, Sequence):
    """(path, record) pairs of one cross-file rule; bytes records stay bytes, others go as JSON."""

    def append(self, item: tuple[str, Any]) -> None:
        path, rec = item
        data = b"B" + bytes(rec) if isinstance(rec, (bytes, bytearray)) else b"J" + json.dumps(rec).encode("utf-8")
        self._add(path, data)

    def __getitem__(self, i: int) -> tuple[str, Any]:  # type: ignore[override]
        path, data = self._read(i)
        return path, (data[1:] if data[:1] == b"B" else json.loads(data[1:]))

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        for i in range(len(self)):
            yield self[i]


class ResultList(list):
    """The in-memory twin of :class:`ResultStore`, for small runs: a plain list of results."""

    def sort_by_path(self) -> None:
        self.sort(key=lambda fr: fr.path)

    def paths(self) -> list[str]:
        return [fr.path for fr in self]

    def close(self) -> None:
        pass


class RecordList(list):
    """The in-memory twin of :class:`RecordStore`: a plain list of (path, record) pairs."""

    def sort_by_path(self) -> None:
        self.sort(key=lambda pr: pr[0])

    def close(self) -> None:
        pass


def rewrite_each(results: Any, change: Callable[[FileResult], Any]) -> None:
    """Apply ``change`` to every result and keep the changed results: a :class:`ResultStore`
    stores them anew; a list (:class:`ResultList` or plain) is changed in place."""
    if isinstance(results, ResultStore):
        results.rewrite(change)
    else:
        for result in results:
            change(result)
