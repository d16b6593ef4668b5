"""The engine: lint one document with the active rules, then complete a run's results.

Follow one article through a run (``docs/design.md`` has the whole path): :meth:`Linter.lint_files`
hands each path to :func:`healthlint.pool.processed`, which calls :meth:`Linter.process_path`:
:func:`~healthlint.discovery.read_file` reads its bytes, :func:`healthlint.parsers.parse_bytes`
turns them into a Document, and :meth:`Linter.lint_document` runs each active rule's check; each hit
becomes a finding at line and column (:meth:`Linter._finding`, through
:meth:`~healthlint.ruleset.ActiveRule.finding`, where every finding is built), and per-file ignores
and suppression comments filter them. :meth:`Linter.finish` then runs the cross-file rules over
every file's records and completes each :class:`~healthlint.findings.FileResult` for a report in
:mod:`healthlint.report`.

Four input kinds are raised here rather than by their check, and their rules are found by kind
(:mod:`healthlint.checks.input`): ``input-unreadable`` (:meth:`Linter.input_failure`),
``input-rule-timeout``, ``input-invalid-suppression`` and ``input-unused-suppression``.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Iterable

from . import suppress
from .checks.base import CorpusHit, Hit
from .checks.input import InvalidSuppression, RuleTimeout, UnreadableFile, UnusedSuppression
from .config import Config
from .discovery import display_path, glob_match, iter_files, read_file, relative_posix
from .document import Document
from .findings import FileResult, Finding, Report, number_fingerprints, score
from .lexicon import set_deadline
from .ownreport import is_own_report
from .parsers import InputError, parse_bytes, parse_text
from .pool import processed
from .ruleset import ActiveRule, build_ruleset, load_all_rules, matches

# Names other modules, tests and users import from here.
__all__ = ["Linter", "Report", "build_ruleset", "load_all_rules", "SPILL_OVER"]


class Linter:
    """Lints documents with one rule set: :meth:`lint_document` for one article in memory,
    :meth:`lint_files` and :meth:`lint_paths` for a run over files (with the cross-file step,
    :meth:`finish`, at the end)."""

    def __init__(self, config: Config | None = None, select: list[str] | None = None,
                 ignore: list[str] | None = None, keep_source: bool = False, spill_over: int | None = None):
        self.config = config or Config()
        self.ruleset = build_ruleset(self.config, select, ignore)
        active = self.ruleset.active
        self._unreadable_rules = [a for a in active if isinstance(a.check, UnreadableFile)]
        self._unused_rule = next((a for a in active if isinstance(a.check, UnusedSuppression)), None)
        self._timeout_rule = next((a for a in active if isinstance(a.check, RuleTimeout)), None)
        self._invalid_rule = next((a for a in active if isinstance(a.check, InvalidSuppression)), None)
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
        data, error = read_file(path, self.config.max_file_size)
        if error is not None:
            return self.input_failure(name, error)
        return self.lint_bytes(data, name)

    def input_failure(self, path: str, reason: str) -> FileResult:
        findings = []
        for active in self._unreadable_rules:
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
            new_findings = []
            for h in hits:
                values = dict(active.check.p)
                values.update(h.values)
                new_findings.append(active.finding(
                    h.line, h.column, h.end_line, h.end_column, values, str(h.values.get("text", h.line)),
                    lower_to=h.values.get("severity"), whole=bool(h.values.get("whole"))))
            # Only the new findings: the document's own were filtered in lint_document.
            new_findings = self._filter(fr.path, new_findings)
            if fr.suppressions is not None:
                new_findings = fr.suppressions.filter(new_findings)
            fr.findings.extend(new_findings)
            changed = True
        if fr.suppressions is not None and self._unused_rule is not None:
            unused = self._unused_rule
            for d in fr.suppressions.unused():
                fr.findings.append(unused.finding(
                    d.line, d.column, d.end_line, d.column, {"reason": f"'{d.text}' silences nothing"}, d.text))
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
            with processed(self, paths, jobs, cache) as done:
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
        finally:
            if cache is not None:
                cache.close()
            for rec in records.values():
                rec.close()
        return Report(files=results)

    def process_path(self, path: str, cache: Any = None) -> tuple[FileResult | None, str | None, str | None]:
        """Read one file and lint it, or take its result from the cache. Returns the result (None
        for one of healthlint's own reports, which is skipped), the cache key and, for a fresh
        result, its encoded form for the cache (else None)."""
        name = display_path(path)
        data, error = read_file(path, self.config.max_file_size)
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
        """A hit located: its block offsets (or source span) turned into line and column."""
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
        return active.finding(line, col, end_line, end_col, values, text, lower_to=hit.severity,
                              whole=doc is None or (hit.block is None and hit.source_span is None),
                              suggestion=hit.suggestion, replacement=hit.replacement)

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


SPILL_OVER = 1000  # runs of more files than this keep results and records on disk (healthlint.store)


def _tick(on_file: Any) -> None:
    if on_file is not None:
        on_file()
