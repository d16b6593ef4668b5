"""The rule engine: build the active rule set from config, lint documents, collect results.

Follow one article through it: :func:`iter_files` finds it, :meth:`Linter.lint_file` reads its
bytes, :func:`healthlint.parsers.parse_bytes` turns them into a Document, each active rule's check
yields hits, :meth:`Linter._finding` maps a hit to line and column, suppression and per-file
ignores filter the findings, and a :class:`~healthlint.findings.FileResult` (with score and
readability) goes to a report in :mod:`healthlint.report`.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .checks.base import Check, Hit, RunSettings
from .config import Config
from .lexicon import set_deadline
from .discovery import glob_match, iter_files, relative_posix
from .document import Document
from .findings import SEVERITY_RANK, FileResult, Finding, fingerprint_base, lower_severity, number_fingerprints, score
from . import suppress
from .ownreport import is_own_report
from .parsers import InputError, parse_bytes, parse_text
from .rules import Rule, builtin_rules_dir, check_unique, load_rule_folder, nearest_codes, unknown_code, validate_params
from .yamlutil import ConfigError


def matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(p) for p in patterns)


def check_codes(patterns: Iterable[str], known: set[str], fail: Any) -> None:
    """Every code or prefix in ``patterns`` names at least one rule; else ``fail(message)`` (which
    raises). One typo in --select or --ignore must not quietly switch the gate off."""
    for p in patterns:
        problem = unknown_code(p, known)
        if problem:
            raise fail(problem)


@dataclass
class ActiveRule:
    rule: Rule
    severity: str
    check: Check


@dataclass
class RuleSet:
    all_rules: list[Rule]
    active: list[ActiveRule]

    def by_code(self, code: str) -> Rule | None:
        for r in self.all_rules:
            if r.code == code:
                return r
        return None


def _is_builtin(rule: Rule) -> bool:
    try:
        return Path(rule.file).resolve().is_relative_to(builtin_rules_dir().resolve())
    except (OSError, ValueError):
        return False


def load_all_rules(config: Config) -> list[Rule]:
    rules = load_rule_folder(builtin_rules_dir())
    for folder in config.rule_paths:
        rules.extend(load_rule_folder(folder))
    check_unique(rules)
    return sorted(rules, key=lambda r: r.code)


def build_ruleset(config: Config, select: list[str] | None = None, ignore: list[str] | None = None,
                  rules: list[Rule] | None = None) -> RuleSet:
    """Active rules after config and command-line selection. ``select`` replaces the config's
    selection; ``ignore`` adds to it."""
    all_rules = rules if rules is not None else load_all_rules(config)
    known = {r.code for r in all_rules}
    for code, ov in config.rules.items():
        if code not in known:
            near = nearest_codes(code, known)
            raise config.error(f"no rule has code {code}" + (f"; did you mean {', '.join(near)}?" if near else ""), "rules", code)
    for key, patterns in (("select", config.select or []), ("extend-select", config.extend_select), ("ignore", config.ignore)):
        check_codes(patterns, known, lambda msg, _k=key: config.error(msg, _k))
    for glob_, patterns in config.per_file_ignores.items():
        check_codes(patterns, known, lambda msg, _g=glob_: config.error(msg, "per-file-ignores", _g))
    for option, patterns in (("--select", select or []), ("--ignore", ignore or [])):
        check_codes(patterns, known, lambda msg, _o=option: ConfigError("command line", msg, _o))
    ign = list(config.ignore) + list(ignore or [])
    settings = RunSettings(allowed_duplicates=config.allowed_duplicates, keyphrase=config.keyphrase, places=config.places)
    active: list[ActiveRule] = []
    for r in all_rules:
        ov = config.rules.get(r.code)
        if select is not None:  # the command line's --select is the final word
            on = matches(r.code, select)
        else:
            on = matches(r.code, config.select) if config.select is not None else r.enabled_for(config.audience)
            on = on or matches(r.code, config.extend_select)
            if ov is not None and ov.enabled is not None:
                on = ov.enabled
        if matches(r.code, ign):
            on = False
        if not on:
            continue
        from .checks import get_kind

        kind = get_kind(r.check)
        assert kind is not None
        params = r.params_for(config.audience)
        if ov is not None and ov.params:
            params = validate_params(
                kind, r.params_for(config.audience, ov.params),
                lambda msg, *k, _c=r.code: config.error(msg, "rules", _c, "params", *k),
            )
        severity = ov.severity if ov is not None and ov.severity else r.severity
        # Shipped rules with their shipped parameters use the fast regex path; a user's rule files
        # and parameter overrides run under a time budget (see lexicon.Lexicon).
        trusted = _is_builtin(r) and not (ov is not None and ov.params)
        active.append(ActiveRule(r, severity, kind(r, params, r.scope, settings, trusted)))
    return RuleSet(all_rules, active)


@dataclass
class Report:
    files: list[FileResult] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return list(self.iter_findings())

    def iter_findings(self) -> Iterator[Finding]:
        for fr in self.files:
            yield from fr.findings

    def severity_counts(self) -> dict[str, int]:
        """Findings per severity, error first (kept by a store of results, else counted)."""
        counts = getattr(self.files, "severity_counts", None)
        if counts is not None:
            return counts()
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.iter_findings():
            out[f.severity] += 1
        return out

    def rule_codes(self) -> set[str]:
        codes = getattr(self.files, "rule_codes", None)
        return codes() if codes is not None else {f.rule for f in self.iter_findings()}

    def count_at_or_above(self, level: str) -> int:
        rank = SEVERITY_RANK[level]
        return sum(n for sev, n in self.severity_counts().items() if SEVERITY_RANK[sev] >= rank)


class Linter:
    def __init__(self, config: Config | None = None, select: list[str] | None = None,
                 ignore: list[str] | None = None, keep_source: bool = False, spill_over: int | None = None):
        self.config = config or Config()
        self.ruleset = build_ruleset(self.config, select, ignore)
        self._input_rules = [a for a in self.ruleset.active if a.rule.check == "input"]
        self._unused_rule = next((a for a in self._input_rules if a.check.p.get("event") == "unused-suppression"), None)
        self._timeout_rule = next((a for a in self._input_rules if a.check.p.get("event") == "rule-timeout"), None)
        self._invalid_rule = next((a for a in self._input_rules if a.check.p.get("event") == "invalid-suppression"), None)
        self._known_codes = frozenset(r.code for r in self.ruleset.all_rules)
        self.keep_source = keep_source
        # Runs of more files than this keep results and cross-file records on disk (healthlint.store).
        self.spill_over = SPILL_OVER if spill_over is None else spill_over

    # --- one document -----------------------------------------------------------------------
    def lint_document(self, doc: Document) -> FileResult:
        """Document-level findings, plus the records corpus checks need (see :meth:`finish`)."""
        from .readability import readability

        findings: list[Finding] = []
        records: dict[str, Any] = {}
        budget = self.config.rule_timeout
        for active in self.ruleset.active:
            set_deadline(time.monotonic() + budget)
            try:
                if active.check.corpus:
                    records[active.rule.code] = active.check.fingerprint(doc)
                    continue
                for hit in active.check.check(doc):
                    findings.append(self._finding(active, doc, hit))
            except TimeoutError:
                if self._timeout_rule is not None:
                    reason = f"rule {active.rule.code} ({active.rule.name}) took over {budget:g} s on this file and was stopped; one of its patterns may backtrack"
                    findings.append(self._finding(self._timeout_rule, doc, Hit(values={"reason": reason}, source_span=(0, 0)), anchor_text=active.rule.code))
            finally:
                set_deadline(float("inf"))
        sup = suppress.parse(doc.source, self._known_codes)
        findings = sup.filter(self._filter(doc.path, findings)) if sup.directives else self._filter(doc.path, findings)
        if sup.invalid and self._invalid_rule is not None:  # never silenced by the comments it is about
            findings += self._filter(doc.path, [
                self._finding(self._invalid_rule, doc, Hit(values={"reason": bad.reason}, source_span=(bad.start, bad.end)))
                for bad in sup.invalid])
        findings.sort(key=Finding.sort_key)
        return FileResult(
            path=doc.path, words=doc.word_count, score=score(findings, doc.word_count),
            readability=readability(doc), findings=findings, records=records, sections=doc.section_readability,
            suppressions=sup if sup.directives else None, source=doc.source if self.keep_source else None,
        )

    def lint_bytes(self, data: bytes, path: str, fmt: str | None = None) -> FileResult:
        try:
            doc = parse_bytes(data, path, fmt)
            return self.lint_document(doc)
        except InputError as e:
            return self.input_failure(path, str(e))
        except Exception as e:  # noqa: BLE001 (not KeyboardInterrupt or SystemExit: those end the run)
            # A bug or a pathological file must not stop the run or lose the other files' results.
            return self.input_failure(path, f"healthlint could not lint this file ({type(e).__name__}: {e}); "
                                            "please report it with the file")

    def lint_text(self, text: str, path: str = "-", fmt: str | None = None) -> FileResult:
        result = self.lint_document(parse_text(text, path, fmt))
        self.finish([result])
        return result

    def lint_file(self, path: str, stdin_filename: str | None = None) -> FileResult:
        """Lint one file; ``-`` reads standard input, reported as ``stdin_filename`` if given
        (whose extension also picks the format)."""
        if path == "-":
            name = stdin_filename or "-"
            limit = int(self.config.max_file_size * 1024 * 1024)
            try:
                data = sys.stdin.buffer.read(limit + 1)  # max-file-size holds for standard input too
            except OSError as e:
                return self.input_failure(name, f"cannot read standard input: {e.strerror or e}")
            if len(data) > limit:
                return self.input_failure(name, f"standard input is over the {self.config.max_file_size:g} MB limit "
                                                "(config: max-file-size); it was not read further")
            return self.lint_bytes(data, name)
        name = display_path(path)
        data, error = _read(path, self.config.max_file_size)
        if error is not None:
            return self.input_failure(name, error)
        return self.lint_bytes(data, name)

    def input_failure(self, path: str, reason: str) -> FileResult:
        findings = []
        for active in self._input_rules:
            if active.check.p.get("event") == "unreadable":
                hit = Hit(values={"reason": reason})
                findings.append(self._finding(active, None, hit, anchor_text=reason))
        findings = self._filter(path, findings)
        return FileResult(path=path, words=0, score=score(findings), findings=findings)

    # --- many files -----------------------------------------------------------------------
    def finish(self, results: Any, cache: Any = None, file_keys: list[str] | None = None,
               records: dict[str, Any] | None = None) -> None:
        """Run the corpus (cross-file) checks and complete every result: their findings added
        (after per-file ignores and the file's suppression comments), unused suppressions
        reported, findings sorted, score updated, fingerprints numbered.

        ``results`` is a list (changed in place) or a :class:`~healthlint.store.ResultStore`
        (rewritten); ``records`` maps each corpus rule to its (path, record) pairs in path order,
        taken from the results when not given. With a cache and every file's cache key, a
        cross-file rule's output for exactly this set of files and contents is stored, and reused
        while nothing changes (any changed, added or removed file changes the key, so duplicates
        are still found across every file)."""
        if records is None:
            records = {a.rule.code: [(r.path, r.records[a.rule.code]) for r in results if a.rule.code in r.records]
                       for a in self.ruleset.active if a.check.corpus}
        found = self._corpus_hits(records, cache, file_keys)
        from .store import rewrite_each

        rewrite_each(results, lambda r: self._complete(r, found.get(r.path, ())))

    def _corpus_hits(self, records: dict[str, Any], cache: Any, file_keys: list[str] | None) -> dict[str, list]:
        """path -> [(active rule, its hits in that file)], corpus rules in rule order."""
        from .checks.base import CorpusHit

        out: dict[str, list] = {}
        for active in self.ruleset.active:
            if not active.check.corpus:
                continue
            code = active.rule.code
            stored = corpus_key = None
            if cache is not None and file_keys is not None:
                corpus_key = cache.corpus_key(file_keys, code)
                stored = cache.get_corpus(corpus_key)
            if stored is not None:
                found = {path: [CorpusHit(*h) for h in hits] for path, hits in stored.items()}
            else:
                found = active.check.finish(records.get(code, []))
                if corpus_key is not None:
                    cache.put_corpus(corpus_key, {path: [[h.line, h.column, h.end_line, h.end_column, h.values]
                                                         for h in hits] for path, hits in found.items()})
            for path, hits in found.items():
                out.setdefault(path, []).append((active, hits))
        return out

    def _complete(self, fr: FileResult, corpus: Iterable[tuple[ActiveRule, list]]) -> None:
        changed = False
        for active, hits in corpus:
            code = active.rule.code
            new_findings = []
            for h in hits:
                values = dict(active.check.p)
                values.update(h.values)
                new_findings.append(Finding(
                    rule=code, name=active.rule.name, category=active.rule.category,
                    severity=lower_severity(active.severity, h.values.get("severity")), line=h.line, column=h.column, end_line=h.end_line,
                    end_column=h.end_column, message=active.rule.format_message(values),
                    fingerprint=fingerprint_base(code, str(h.values.get("text", h.line))),
                    whole=bool(h.values.get("whole")),
                ))
            # Only the new findings: the document's own were filtered in lint_document.
            new_findings = self._filter(fr.path, new_findings)
            if fr.suppressions is not None:
                new_findings = fr.suppressions.filter(new_findings)
            fr.findings.extend(new_findings)
            changed = True
        if fr.suppressions is not None and self._unused_rule is not None:
            unused = self._unused_rule
            for d in fr.suppressions.unused():
                fr.findings.append(Finding(
                    rule=unused.rule.code, name=unused.rule.name, category=unused.rule.category,
                    severity=unused.severity, line=d.line, column=d.column, end_line=d.end_line, end_column=d.column,
                    message=unused.rule.format_message({"reason": f"'{d.text}' silences nothing"}),
                    fingerprint=fingerprint_base(unused.rule.code, d.text),
                ))
            changed = True
        if changed:
            fr.findings.sort(key=Finding.sort_key)
            fr.score = score(fr.findings, fr.words)
        fr.findings = number_fingerprints(fr.findings)
        fr.records = {}
        fr.suppressions = None

    def lint_paths(self, paths: list[str], stdin_filename: str | None = None, **kwargs: Any) -> Report:
        return self.lint_files(iter_files(paths, self.config), stdin_filename=stdin_filename, **kwargs)

    def lint_files(self, files: Iterable[str], stdin_filename: str | None = None, on_file: Any = None,
                   jobs: int = 1, cache: Any = None, context: Iterable[str] = ()) -> Report:
        """Lint the given files (no folder walking) as one run.

        Each file is read, hashed, looked up in the cache and, on a miss, linted — in ``jobs``
        worker processes when there are enough files, each with its own read-only cache
        connection; the main process only writes new cache entries. Results are sorted by path
        before the cross-file checks run, so the report is the same for any job count and any
        input order. ``on_file`` is called once per file.

        ``context`` files (the rest of the site, :mod:`healthlint.repo`) are linted the same way,
        through the cache, only for the cross-file rules: their records join the run, their results
        and findings stay out of the report.
        """
        from .store import RecordList, RecordStore, ResultList, ResultStore

        files = list(files)
        spill = len(files) > self.spill_over and not self.keep_source
        results: Any = ResultStore() if spill else ResultList()
        corpus_codes = [a.rule.code for a in self.ruleset.active if a.check.corpus]
        records: dict[str, Any] = {code: RecordStore() if spill else RecordList() for code in corpus_codes}
        keys: dict[str, str | None] = {}  # result path -> cache key (None: not cacheable)
        pool = None
        global _WORKER_CACHE

        named = {display_path(p) for p in files}
        context = [p for p in context if display_path(p) not in named]
        context_paths = {display_path(p) for p in context}

        def take(result: FileResult | None, key: str | None) -> None:
            if result is None:
                _tick(on_file)
                return
            for code, rec in result.records.items():
                if code in records:
                    records[code].append((result.path, rec))
            result.records = {}
            keys[result.path] = key
            if result.path in context_paths:
                return
            results.append(result)
            _tick(on_file)

        try:
            paths = [p for p in files if p != "-"] + context
            for p in files:
                if p == "-":
                    take(self.lint_file(p, stdin_filename), None)
            if jobs > 1 and len(paths) >= MIN_PARALLEL:
                pool = _make_pool(self, jobs, cache)
                done = pool.map(_process_in_worker, paths, chunksize=16)
            else:
                _WORKER_CACHE = cache
                done = (self.process_path(p, cache) for p in paths)
            for result, key, encoded in done:
                if encoded is not None and cache is not None:
                    cache.put_encoded(key, encoded)
                take(result, key)
            results.sort_by_path()
            for rec in records.values():
                rec.sort_by_path()
            ordered = sorted(set(results.paths()) | (context_paths & set(keys)))
            cacheable = cache is not None and all(keys.get(p) for p in ordered)
            self.finish(results, cache if cacheable else None, [keys[p] for p in ordered] if cacheable else None,
                        records=records)
        except BaseException:
            if pool is not None:  # interrupted (Ctrl-C, SIGTERM): stop the workers now, not after the queue
                import threading

                # The pool's manager thread may trip over futures cancelled under it; the run is
                # ending with its own message, so its complaint is not printed.
                threading.excepthook = lambda args: None
                procs = list((getattr(pool, "_processes", None) or {}).values())
                pool.shutdown(wait=False, cancel_futures=True)
                for proc in procs:
                    proc.terminate()
                pool = None
            raise
        finally:
            if pool is not None:
                pool.shutdown()
            if cache is not None:
                cache.close()
            _WORKER_CACHE = None
            for rec in records.values():
                rec.close()
        return Report(files=results)

    def process_path(self, path: str, cache: Any = None) -> tuple[FileResult | None, str | None, str | None]:
        """Read one file and lint it, or take its result from the cache. Returns the result (None
        for one of healthlint's own reports, which is skipped), the cache key and, for a fresh
        result, its encoded form for the cache (else None)."""
        name = display_path(path)
        data, error = _read(path, self.config.max_file_size)
        if error is not None:
            return self.input_failure(name, error), None, None
        if is_own_report(data):
            return None, None, None  # healthlint's own report, written into the folder: not an article
        if cache is None:
            return self.lint_bytes(data, name), None, None
        key = cache.key(path, data)
        hit = cache.get(key, name)
        if hit is not None:
            return hit, key, None
        result = self.lint_bytes(data, name)
        if self._timeout_rule is not None and any(f.rule == self._timeout_rule.rule.code for f in result.findings):
            return result, None, None  # a timeout depends on the machine's load: never cached
        return result, key, cache.encode(result)

    def lint_sources(self, items: list[tuple[str, str | bytes, str | None]]) -> Report:
        """Lint several in-memory articles as one run: (path, text or bytes, format or None)."""
        report = Report()
        for path, content, fmt in items:
            if isinstance(content, bytes):
                report.files.append(self.lint_bytes(content, path, fmt))
            else:
                report.files.append(self.lint_document(parse_text(content, path, fmt)))
        report.files.sort(key=lambda fr: fr.path)
        self.finish(report.files)
        return report

    # --- helpers --------------------------------------------------------------------------
    def _finding(self, active: ActiveRule, doc: Document | None, hit: Hit, anchor_text: str = "") -> Finding:
        rule = active.rule
        if doc is None:
            line, col, end_line, end_col = 1, 1, 1, 1
            text = anchor_text
        else:
            if hit.block is not None:
                s, e = hit.block.source_span(hit.start, hit.end)
            elif hit.source_span is not None:
                s, e = hit.source_span
            elif doc.blocks:  # whole-document finding: on the title or first block
                s, e = doc.blocks[0].source_span()
            else:
                s, e = 0, 0
            line, col = doc.position(s)
            end_line, end_col = doc.position(max(e, s))
            # What the finding points at: its span, or for whole-document findings the rule alone.
            text = doc.source[s:e] if (hit.block is not None or hit.source_span is not None) else "document"
        values = dict(active.check.p)
        values.update(hit.values)
        return Finding(
            rule=rule.code, name=rule.name, category=rule.category,
            severity=lower_severity(active.severity, hit.severity), line=line, column=col,
            end_line=end_line, end_column=end_col, message=rule.format_message(values),
            fingerprint=fingerprint_base(rule.code, text),
            whole=doc is None or (hit.block is None and hit.source_span is None),
            suggestion=hit.suggestion, replacement=hit.replacement,
        )

    def _filter(self, path: str, findings: list[Finding]) -> list[Finding]:
        if not self.config.per_file_ignores or not findings:
            return findings
        ignored: list[str] = []
        rel = relative_posix(path, self.config.root)
        for pattern, codes in self.config.per_file_ignores.items():
            if glob_match(rel, pattern):
                ignored.extend(codes)
        if not ignored:
            return findings
        return [f for f in findings if not matches(f.rule, ignored)]


SPILL_OVER = 1000
MIN_PARALLEL = 48  # fewer files than this are linted in-process (no worker start-up cost)
_WORKER_LINTER: "Linter | None" = None
_WORKER_CACHE: Any = None


def _tick(on_file: Any) -> None:
    if on_file is not None:
        on_file()


def _read(path: str, max_mb: float = 10.0) -> tuple[bytes, None] | tuple[None, str]:
    """A file's bytes, or why they cannot be had (missing, unreadable, a folder, too large)."""
    try:
        if os.path.isdir(path):
            os.listdir(path)  # raises the real reason (permission denied) if there is one
            return None, "cannot read folder"
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            # A named pipe would block the run forever; a device or socket is no article.
            return None, "not a regular file (a named pipe, device or socket): only regular files are read"
        size = st.st_size
        if size > max_mb * 1024 * 1024:
            return None, f"file is {size / 1024 / 1024:.1f} MB, over the {max_mb:g} MB limit (config: max-file-size)"
        limit = int(max_mb * 1024 * 1024)
        with open(path, "rb") as fh:
            # The size from stat plus one byte (asking for the whole limit would allocate it each
            # time); a file that grew meanwhile, or a pipe (size 0), is read on up to the limit.
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(limit + 1 - len(data))
        if len(data) > max_mb * 1024 * 1024:
            return None, f"file is over the {max_mb:g} MB limit (config: max-file-size)"
        return data, None
    except OSError as e:
        what = "folder" if os.path.isdir(path) else "file"
        return None, f"cannot read {what}: {e.strerror or e}"


def display_path(path: str) -> str:
    """A path as reports show it: bytes that are not UTF-8 as \\xNN, control characters escaped,
    so a file named with a newline cannot break a one-line-per-finding report."""
    if any(0xDC80 <= ord(c) <= 0xDCFF for c in path):
        path = os.fsencode(path).decode("utf-8", "backslashreplace")
    if any(ord(c) < 32 or ord(c) == 127 for c in path):
        path = path.encode("unicode_escape").decode("ascii") if path.isascii() else "".join(
            c if ord(c) >= 32 and ord(c) != 127 else repr(c)[1:-1] for c in path)
    return path


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


def _init_worker(linter: "Linter | None", cache_spec: tuple | None) -> None:
    global _WORKER_LINTER, _WORKER_CACHE
    import signal

    _die_with_parent()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a worker stops at once; the main process reports
    if linter is not None:  # spawn: the linter arrives pickled
        _WORKER_LINTER = linter
    if cache_spec is not None:
        from .cache import Cache

        _WORKER_CACHE = Cache(*cache_spec, read_only=True)  # its own connection, opened on first use


def _process_in_worker(path: str) -> tuple[FileResult, str | None, str | None]:
    assert _WORKER_LINTER is not None
    return _WORKER_LINTER.process_path(path, _WORKER_CACHE)


def _make_pool(linter: "Linter", jobs: int, cache: Any) -> Any:
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


_LINTERS: dict[str, "Linter"] = {}


def lint_text(text: str, fmt: str = "markdown", config: Config | None = None, path: str = "-") -> FileResult:
    """Lint one article held in memory. A pure function of (text, format, config): the same
    arguments give the same result in any process, so it can be shipped to worker processes or a
    cluster (Dask, Spark). The rule set built for a config is reused within a process."""
    import pickle

    key = hashlib.sha256(pickle.dumps(config)).hexdigest() if config is not None else ""
    linter = _LINTERS.get(key)
    if linter is None:
        linter = _LINTERS[key] = Linter(config)
    return linter.lint_text(text, path, fmt)


def lint_paths(paths: list[str], config: Config | None = None, jobs: int = 1, cache_dir: str | None = None,
               **kwargs: Any) -> Report:
    """Lint files and folders, as ``healthlint check`` does (``jobs`` worker processes;
    ``cache_dir`` to keep results between runs)."""
    linter = Linter(config, **kwargs)
    cache = None
    if cache_dir is not None:
        from .cache import Cache, ruleset_fingerprint

        cache = Cache(Path(cache_dir), ruleset_fingerprint(linter))
    return linter.lint_paths(paths, jobs=jobs, cache=cache)


__all__ = ["Linter", "Report", "lint_text", "lint_paths", "build_ruleset", "ConfigError"]
