"""Worker processes: files read, looked up in the cache and linted in parallel.

:func:`processed` runs :meth:`healthlint.engine.Linter.process_path` on each path, in ``jobs``
worker processes when there are enough paths, else in this process, and gives the results in the
order of the paths (so the report does not depend on the number of workers). Each worker holds the
linter (inherited with fork, pickled with spawn) and its own read-only connection to the cache in
module globals, which is what a process pool's initializer can set; only the main process writes
the cache.

No worker outlives the run: an exception (Ctrl-C, SIGTERM) stops them at once, and on Linux the
kernel ends each worker when the main process dies (even by ``kill -9``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import Linter
    from .findings import FileResult

MIN_PARALLEL = 48  # fewer files than this are linted in-process (no worker start-up cost)
CHUNK = 16  # paths handed to a worker at a time
_WORKER_LINTER: Linter | None = None
_WORKER_CACHE: Any = None


@contextmanager
def processed(linter: Linter, paths: list[str], jobs: int, cache: Any) -> Iterator[Iterator[tuple]]:
    """Within the block, an iterator of ``linter.process_path(path, cache)`` for each path, in
    order: (result, cache key, encoded result or None). Leaving the block normally waits for the
    workers to exit; leaving it by an exception stops them at once."""
    if jobs <= 1 or len(paths) < MIN_PARALLEL:
        yield (linter.process_path(p, cache) for p in paths)
        return
    pool = _make_pool(linter, jobs, cache)
    try:
        yield pool.map(_process_in_worker, paths, chunksize=CHUNK)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _stop(pool: Any) -> None:
    """Interrupted (Ctrl-C, SIGTERM): stop the workers now, not after the queue."""
    import threading

    # The pool's manager thread may trip over futures cancelled under it; the run is ending with
    # its own message, so its complaint is not printed.
    threading.excepthook = lambda args: None
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        proc.terminate()


def _die_with_parent() -> None:
    """Ask the kernel to end this worker when its parent dies (Linux: PR_SET_PDEATHSIG), so a main
    process killed by a CI timeout or kill -9 leaves no worker behind; elsewhere, nothing."""
    import signal

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(2)


def _init_worker(linter: Linter | None, cache_spec: tuple | None) -> None:
    global _WORKER_LINTER, _WORKER_CACHE
    import signal

    _die_with_parent()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a worker stops at once; the main process reports
    if linter is not None:  # spawn: the linter arrives pickled
        _WORKER_LINTER = linter
    if cache_spec is not None:
        from .cache import Cache

        _WORKER_CACHE = Cache(*cache_spec, read_only=True)  # its own connection, opened on first use


def _process_in_worker(path: str) -> tuple[FileResult | None, str | None, str | None]:
    assert _WORKER_LINTER is not None
    return _WORKER_LINTER.process_path(path, _WORKER_CACHE)


def _make_pool(linter: Linter, jobs: int, cache: Any) -> Any:
    """Worker processes. With fork (Linux) they inherit the loaded rules and modules."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_LINTER
    spec = (cache.folder, cache.fingerprint) if cache is not None else None
    if cache is not None:
        cache.flush()  # nothing pending, and no open connection is shared with the workers
        cache.disconnect()
    if "fork" in multiprocessing.get_all_start_methods():
        _WORKER_LINTER = linter
        ctx = multiprocessing.get_context("fork")
        return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(None, spec))
    return ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(linter, spec))
