"""Per-file result cache: a re-run on unchanged articles skips parsing and checking.

* Keyed on the file's content (SHA-256 of its bytes, never its modification time: CI checkouts
  reset mtimes), its path as given, the healthlint version and a fingerprint of the whole rule
  set and the run-wide settings (active rules with their severities, parameters and messages;
  allowed duplicates, keyphrase, places, per-file ignores). Change any of them and entries miss.
* One SQLite file in the cache folder (``.healthlint_cache/`` next to the config, or
  ``--cache-dir``). Each batch of writes is one transaction, so a crash or Ctrl-C leaves either
  the old entries or the new ones, and two runs at once are serialised by SQLite's locking.
* Values are JSON, never pickle: a cache folder that arrives with a repository cannot make
  healthlint run code. A cache file that cannot be read is removed and rebuilt.
* Results include the records of cross-file checks, so duplicate detection still sees every file
  on a warm run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from .findings import FileResult, Finding
from .version import __version__

SCHEMA_VERSION = 5  # 2: a suppression's 'used' flag is stored; 3: a finding's 'whole' flag;
# 4: a finding's suggestion and replacement, a file's per-section readability; 5: its score component
FILE_NAME = "results.sqlite"


def ruleset_fingerprint(linter: Any) -> str:
    cfg = linter.config
    parts = [
        __version__,
        SCHEMA_VERSION,
        [(a.rule.code, a.rule.name, a.rule.category, a.rule.score_component, a.severity, a.rule.message, a.rule.scope, a.rule.check,
          json.dumps(a.check.p, sort_keys=True, default=str))
         # a rule file in a retired kind's form: the old values its message uses
         + ((json.dumps(a.rule.legacy_values, sort_keys=True, default=str),) if a.rule.legacy_values else ())
         for a in linter.ruleset.active],
        sorted(cfg.allowed_duplicates), cfg.keyphrase, sorted(cfg.places),
        sorted((k, sorted(v)) for k, v in cfg.per_file_ignores.items()),
        # settings that change results: a timeout and a size limit decide what is linted at all
        cfg.rule_timeout, cfg.max_file_size,
    ]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def encode(result: FileResult, records: bool = True) -> str:
    sup = None
    if result.suppressions is not None:
        sup = [[d.kind, list(d.codes) if d.codes is not None else None, d.line, d.end_line, d.column, d.first, d.last, d.used]
               for d in result.suppressions.directives]
    return json.dumps({
        "words": result.words, "score": result.score, "readability": result.readability,
        "findings": [[f.rule, f.name, f.category, f.severity, f.line, f.column, f.end_line, f.end_column,
                      f.message, f.fingerprint, f.whole, f.suggestion, f.replacement, f.component]
                     for f in result.findings],
        "records": {code: {"hex": rec.hex()} if isinstance(rec, (bytes, bytearray)) else rec
                    for code, rec in result.records.items()} if records else {},
        "suppressions": sup,
        **({"sections": result.sections} if result.sections else {}),
        **({"source": result.source} if result.source is not None else {}),
    }, separators=(",", ":"))


def decode(path: str, text: str) -> FileResult:
    from .suppress import Directive, Suppressions

    d = json.loads(text)
    findings = [Finding(*f) for f in d["findings"]]
    records = {code: bytes.fromhex(rec["hex"]) if isinstance(rec, dict) and "hex" in rec else rec
               for code, rec in d["records"].items()}
    sup = None
    if d.get("suppressions"):
        sup = Suppressions([Directive(k, tuple(c) if c is not None else None, ln, eln, col, first, last, used)
                            for k, c, ln, eln, col, first, last, used in d["suppressions"]])
    return FileResult(path=path, words=d["words"], score=d["score"], readability=d["readability"],
                      findings=findings, records=records, suppressions=sup, source=d.get("source"),
                      sections=d.get("sections") or [])


class Cache:
    def __init__(self, folder: Path, fingerprint: str, read_only: bool = False):
        self.read_only = read_only  # worker processes only read; the main process writes
        self.folder = Path(folder)
        self.fingerprint = fingerprint
        self.path = self.folder / FILE_NAME
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, str]] = []
        self.hits = self.misses = 0

    # --- connection ---------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        try:
            if self.read_only:
                if not self.path.exists():
                    return None
                db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30, isolation_level=None)
                db.execute("SELECT count(*) FROM results LIMIT 1").fetchone()
                self._db = db
                return db
            self.folder.mkdir(parents=True, exist_ok=True)
            gitignore = self.folder / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# created by healthlint\n*\n")
            self._db = self._open()
        except (OSError, sqlite3.Error):
            self._db = None  # a read-only or broken cache folder: run without the cache
        return self._db

    def _open(self) -> sqlite3.Connection:
        for attempt in (1, 2):
            try:
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                db.execute("CREATE TABLE IF NOT EXISTS corpus (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                db.execute("SELECT count(*) FROM results LIMIT 1").fetchone()
                return db
            except sqlite3.DatabaseError:
                if attempt == 2:
                    raise
                self._remove_files()  # corrupt: start again
        raise AssertionError("unreachable")

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(str(self.path) + suffix)
            except OSError:
                pass

    # --- entries ------------------------------------------------------------------------------
    def key(self, path: str, data: bytes) -> str:
        h = hashlib.sha256()
        h.update(self.fingerprint.encode())
        h.update(b"\0" + path.encode("utf-8", "surrogateescape") + b"\0")
        h.update(data)
        return h.hexdigest()

    def get(self, key: str, path: str) -> FileResult | None:
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None:
            self.misses += 1
            return None
        try:
            result = decode(path, row[0])
        except (ValueError, KeyError, TypeError):
            self.misses += 1
            return None  # an entry we cannot read is a miss; it is overwritten below
        self.hits += 1
        return result

    def encode(self, result: FileResult) -> str:
        return encode(result)

    def put_encoded(self, key: str, value: str) -> None:
        self._pending.append((key, value))
        if len(self._pending) >= 500:
            self.flush()

    # --- cross-file results ----------------------------------------------------------------
    def corpus_key(self, file_keys: list[str], code: str) -> str:
        """Key of a cross-file rule's output for exactly this set of files and contents."""
        h = hashlib.sha256(f"{self.fingerprint}\0{code}\0".encode())
        for k in file_keys:
            h.update(k.encode())
        return h.hexdigest()

    def get_corpus(self, key: str) -> dict | None:
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM corpus WHERE key = ?", (key,)).fetchone()
            return json.loads(row[0]) if row else None
        except (sqlite3.DatabaseError, ValueError):
            return None

    def put_corpus(self, key: str, value: dict) -> None:
        if self.read_only:
            return
        self._transaction(lambda db: (
            db.execute("DELETE FROM corpus"),  # only the latest run's set is worth keeping
            db.execute("INSERT INTO corpus (key, value) VALUES (?, ?)", (key, json.dumps(value))),
        ))

    def disconnect(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        if pending and not self.read_only:
            self._transaction(lambda db: db.executemany(
                "INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", pending))

    def _transaction(self, work: Any) -> None:
        """Run ``work(db)`` in one transaction: all of it is stored, or (on any database error)
        none of it. Without a usable cache nothing happens."""
        db = self._connect()
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            work(db)
            db.execute("COMMIT")
        except sqlite3.DatabaseError:
            try:
                db.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None
