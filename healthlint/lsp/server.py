"""``healthlint server``: a Language Server Protocol server over standard input and output, on pygls.

The event loop only speaks LSP. Linting runs on one worker thread (a single-thread executor), so
findings of an edit are computed while the editor keeps talking to the server, and the linter, the
cache and the workspace index are only ever touched from that thread. The index of a site is built
a few articles per job, so a buffer's lint waits for at most a few articles, never for the whole
index.

* ``didOpen`` and ``didSave`` lint at once; ``didChange`` lints after the edits pause for the
  debounce delay (0.3 s by default); ``didClose`` clears the buffer's diagnostics. On a site of
  more than :data:`~healthlint.lsp.core.LIVE_SITE` articles, the cross-file step runs on open,
  save and index changes only, and lints in between carry its findings over.
* A saved article, and files the client reports as changed on disk (``didChangeWatchedFiles``,
  registered when the client supports it), update the workspace index; the other open buffers of
  the site are linted again, since a copy may have appeared or gone.
* Hover and code actions answer from the last lint of the buffer; code actions are offered only
  while that lint is of the buffer's current version (the edits would not fit otherwise).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from ..version import __version__
from .core import (
    SEVERITY,
    Item,
    Linted,
    Workspace,
    actions_for,
    format_of,
    hover_markdown,
)

log = logging.getLogger("healthlint.lsp")

DEBOUNCE = 0.3  # seconds without edits before a changed buffer is linted
INDEX_BATCH = 4  # articles indexed per job on the worker thread
WATCHED = "**/*.{md,markdown,html,htm,txt}"


class HealthlintServer(LanguageServer):
    def __init__(self, debounce: float = DEBOUNCE, use_cache: bool = True) -> None:
        super().__init__("healthlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.debounce = debounce
        self.use_cache = use_cache
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="healthlint-lint")
        self._core: Workspace | None = None
        self.open: set[str] = set()
        self.pending: dict[str, asyncio.Task] = {}
        self.pending_full: dict[str, bool] = {}
        self.linted: dict[str, tuple[int | None, Linted]] = {}  # uri -> (version linted, lint)
        self.indexing: set[int] = set()

    @property
    def core(self) -> Workspace:
        if self._core is None:
            roots = [to_fs_path(f.uri) for f in self.workspace.folders.values()]
            if not roots and self.workspace.root_path:
                roots = [self.workspace.root_path]
            self._core = Workspace([r for r in roots if r], use_cache=self.use_cache)
        return self._core

    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        return str(getattr(enc, "value", enc) or "utf-16")

    async def run_job(self, fn: Callable, *args: Any) -> Any:
        """Run ``fn`` on the worker thread, where everything healthlint does happens."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)

    # --- linting -------------------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float, full: bool = False) -> None:
        """Lint the buffer after ``delay`` seconds, replacing a lint already waiting for it;
        ``full``: run the cross-file step even on a large site (see Workspace.lint)."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
            full = full or self.pending_full.get(uri, False)
        self.pending_full[uri] = full
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay, full))

    async def _lint_later(self, uri: str, delay: float, full: bool) -> None:
        me = asyncio.current_task()
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            if uri not in self.open:
                return
            doc = self.workspace.get_text_document(uri)
            path = to_fs_path(uri) if uri.startswith("file:") else None
            fmt = format_of(doc.language_id, path)
            if fmt is None:
                return
            text, version = doc.source, doc.version
            started = time.perf_counter()
            linted = await self.run_job(self.core.lint, text, path, fmt, self.encoding, full or None)
            log.debug("linted %s in %.3f s", uri, time.perf_counter() - started)
        finally:
            if self.pending.get(uri) is me:
                del self.pending[uri]
                self.pending_full.pop(uri, None)
        if uri not in self.open:
            return
        self.linted[uri] = (version, linted)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics(linted)))
        site = linted.site
        if site is not None and site.state == "new" and site.root is not None and site.corpus and id(site) not in self.indexing:
            self.indexing.add(id(site))
            asyncio.get_running_loop().create_task(self._index(site))

    async def _index(self, site: Any) -> None:
        """Build a site's index a few articles at a time, then lint its open buffers again."""
        started = time.perf_counter()
        try:
            site.state = "indexing"
            paths = await self.run_job(site.index_paths)
            for i in range(0, len(paths), INDEX_BATCH):
                if site.state == "closed":
                    return
                await self.run_job(site.index, paths[i : i + INDEX_BATCH])
            await self.run_job(site.index_done)
        except Exception as e:  # noqa: BLE001 - the server goes on without the index
            self.window_log_message(types.LogMessageParams(types.MessageType.Warning, f"healthlint: indexing {site.root} failed: {e}"))
            return
        finally:
            self.indexing.discard(id(site))
        self.window_log_message(types.LogMessageParams(
            types.MessageType.Info,
            f"healthlint: indexed {len(site.records)} articles under {site.root} in {time.perf_counter() - started:.1f} s"))
        self.relint(site)

    def relint(self, site: Any, delay: float = 0.0) -> None:
        """Lint again, cross-file step included, every open buffer whose last lint used ``site``."""
        for uri, (_, linted) in list(self.linted.items()):
            if linted.site is site and uri in self.open:
                self.schedule(uri, delay, full=True)

    async def refresh(self, paths: list[str]) -> None:
        """Files changed on disk: update their sites' indexes, then lint those sites' buffers."""
        sites = []
        for p in paths:
            site = await self.run_job(self.core.refresh, p)
            if site is not None and site not in sites:
                sites.append(site)
        for site in sites:
            self.relint(site, self.debounce)

    async def close(self) -> None:
        for task in self.pending.values():
            task.cancel()
        if self._core is not None:
            for site in self._core.sites.values():
                site.state = "closed"  # an index being built stops after its current job
            await self.run_job(self._core.close)


def diagnostic(item: Item) -> types.Diagnostic:
    f = item.finding
    return types.Diagnostic(
        range=types.Range(types.Position(*item.start), types.Position(*item.end)),
        message=f.message,
        severity=types.DiagnosticSeverity(SEVERITY[f.severity]),
        code=f.rule,
        code_description=types.CodeDescription(href=item.url) if item.url else None,
        source="healthlint",
    )


def diagnostics(linted: Linted) -> list[types.Diagnostic]:
    if linted.problem is not None:
        return [types.Diagnostic(
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            message=f"healthlint could not load its configuration or rules, so this file was not linted: {linted.problem}",
            severity=types.DiagnosticSeverity.Error, source="healthlint",
        )]
    return [diagnostic(it) for it in linted.items]


def create_server(debounce: float = DEBOUNCE, use_cache: bool = True) -> HealthlintServer:
    ls = HealthlintServer(debounce, use_cache)

    @ls.feature(types.INITIALIZED)
    async def initialized(ls: HealthlintServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watch = caps.did_change_watched_files if caps is not None else None
        if watch is not None and watch.dynamic_registration:
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                    id="healthlint-articles", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(
                        watchers=[types.FileSystemWatcher(glob_pattern=WATCHED)]),
                )]))
            except Exception as e:  # noqa: BLE001 - without it, saves still update the index
                log.warning("could not register file watchers: %s", e)

    @ls.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: HealthlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.open.add(params.text_document.uri)
        ls.schedule(params.text_document.uri, 0, full=True)

    @ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: HealthlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @ls.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    async def did_save(ls: HealthlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.schedule(uri, 0, full=True)
        if uri.startswith("file:"):
            path = to_fs_path(uri)
            if path:
                await ls.refresh([path])

    @ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: HealthlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.open.discard(uri)
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.pending_full.pop(uri, None)
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @ls.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched(ls: HealthlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [to_fs_path(c.uri) for c in params.changes if c.uri.startswith("file:")]
        await ls.refresh([p for p in paths if p])

    @ls.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: HealthlintServer, params: types.HoverParams) -> types.Hover | None:
        entry = ls.linted.get(params.text_document.uri)
        if entry is None:
            return None
        at = (params.position.line, params.position.character)
        items = [it for it in entry[1].items if it.contains(at)]
        if not items:
            return None
        start, end = min(it.start for it in items), max(it.end for it in items)
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_markdown(items)),
            range=types.Range(types.Position(*start), types.Position(*end)),
        )

    @ls.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: HealthlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        entry = ls.linted.get(uri)
        only = params.context.only  # kinds asked for: ours are all "quickfix"
        if entry is None or (only and not any(str(getattr(k, "value", k)) in ("", "quickfix") for k in only)):
            return None
        version, linted = entry
        if uri not in ls.open or ls.workspace.get_text_document(uri).version != version:
            return None  # the buffer changed since: a new lint is on its way
        asked = [d for d in params.context.diagnostics if d.source == "healthlint"]
        if asked:
            def same(it: Item, d: types.Diagnostic) -> bool:
                return (d.code == it.finding.rule and (d.range.start.line, d.range.start.character) == it.start
                        and (d.range.end.line, d.range.end.character) == it.end)
            items = [it for it in linted.items if any(same(it, d) for d in asked)]
        else:
            r = params.range
            items = [it for it in linted.items if it.overlaps((r.start.line, r.start.character), (r.end.line, r.end.character))]
        out: list[types.CodeAction] = []
        titles: set[str] = set()
        versioned = _document_changes(ls)
        for item in items:
            for action in actions_for(linted, item):
                if action.title in titles:
                    continue
                titles.add(action.title)
                edits = [types.TextEdit(types.Range(types.Position(*e.start), types.Position(*e.end)), e.text)
                         for e in action.edits]
                if versioned:
                    edit = types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
                        types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version), edits)])
                else:
                    edit = types.WorkspaceEdit(changes={uri: edits})
                out.append(types.CodeAction(
                    title=action.title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic(item)],
                    edit=edit, is_preferred=action.preferred or None,
                ))
        return out

    @ls.feature(types.SHUTDOWN)
    async def shutdown(ls: HealthlintServer, params: Any) -> None:
        await ls.close()

    return ls


def _document_changes(ls: HealthlintServer) -> bool:
    """Whether the client takes versioned edits (it then refuses an edit made for another version)."""
    ws = ls.client_capabilities.workspace
    edit = ws.workspace_edit if ws is not None else None
    return bool(edit is not None and edit.document_changes)


def main(debounce: float = DEBOUNCE, use_cache: bool = True) -> None:
    logging.basicConfig(level=logging.WARNING, format="healthlint server: %(levelname)s: %(message)s")
    create_server(debounce, use_cache).start_io()
