"""The language server (issue 19): positions in the client's units, the edits of code actions (each
checked by linting the edited text again), hover text, and the real ``healthlint server`` driven over
standard input and output by pygls' own LSP client.

The server tests need pygls (the ``server`` extra, which the ``test`` extra includes). Without it
they are skipped, and they fail when HEALTHLINT_REQUIRE_INTEGRATION=1 (as in CI)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz import markdown, plain_text

from healthlint.lsp.core import (
    Workspace,
    actions_for,
    client_position,
    format_of,
    hover_markdown,
    units,
)

REQUIRED = os.environ.get("HEALTHLINT_REQUIRE_INTEGRATION") == "1"
TIMEOUT = 120  # seconds for any one answer from the server: generous, the machine may be busy

CLAIM = "Our infusions are highly effective for depression."
TERM = "Patients with hypertension should rest."
# 2 emoji (outside the Basic Multilingual Plane: 2 UTF-16 code units, 4 UTF-8 bytes each) before
# the claim on its line.
ARTICLE = f"# Sleep clinic\n\nRest well 🌿🌿 here. {CLAIM}\n\n{TERM}\n"
CLAIM_LINE = 2
CLAIM_COL = len("Rest well 🌿🌿 here. Our infusions are ")  # in characters (code points)


def apply(text: str, edits: list, encoding: str = "utf-16") -> str:
    """``text`` with the edits (0-based line and character in client units) applied, last first."""
    lines = text.split("\n")

    def offset(pos: tuple[int, int]) -> int:
        line, char = pos
        before = sum(len(x) + 1 for x in lines[:line])
        text_line, k = lines[line], 0
        while k < len(text_line) and units(text_line[: k + 1], encoding) <= char:
            k += 1
        return before + k

    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: offset(e.start)] + e.text + text[offset(e.end):]
    return text


def lint(text: str, fmt: str = "markdown", name: str = "a.md", tmp: Path | None = None):
    return Workspace([]).lint(text, str((tmp or Path("/nonexistent-folder")) / name), fmt)


# --- positions ---------------------------------------------------------------------------------------

def test_units_count_code_units_of_each_encoding():
    assert units("abc") == 3
    assert units("é") == 1 and units("é", "utf-8") == 2 and units("é", "utf-32") == 1
    assert units("🌿") == 2 and units("🌿", "utf-8") == 4 and units("🌿", "utf-32") == 1
    assert units("a🌿b🌿") == 6


def test_client_position_is_zero_based_in_client_units():
    lines = ["x", "Rest well 🌿🌿 here. Claim"]
    col = len("Rest well 🌿🌿 here. ") + 1  # 1-based column of 'Claim', in characters
    assert client_position(lines, 2, col) == (1, col - 1 + 2)  # two emoji: one extra unit each
    assert client_position(lines, 2, col, "utf-8") == (1, col - 1 + 2 * 3)
    assert client_position(lines, 2, col, "utf-32") == (1, col - 1)
    assert client_position(lines, 9, 1) == (1, units(lines[1]))  # past the end: the end


def test_claim_is_placed_at_its_range_after_non_bmp_characters(tmp_path):
    linted = lint(ARTICLE, tmp=tmp_path)
    claim = [it for it in linted.items if it.finding.rule == "HL401"]
    assert len(claim) == 1
    start_char = CLAIM_COL + 2  # UTF-16: each emoji is a surrogate pair
    assert claim[0].start == (CLAIM_LINE, start_char)
    assert claim[0].end == (CLAIM_LINE, start_char + len("highly effective"))
    assert claim[0].url and claim[0].url.endswith("HL401.md")
    in_utf32 = Workspace([]).lint(ARTICLE, str(tmp_path / "a.md"), "markdown", "utf-32")
    assert [it.start for it in in_utf32.items if it.finding.rule == "HL401"] == [(CLAIM_LINE, CLAIM_COL)]


def test_crlf_lines_keep_their_positions(tmp_path):
    crlf = lint(ARTICLE.replace("\n", "\r\n"), tmp=tmp_path)
    lf = lint(ARTICLE, tmp=tmp_path)
    assert [(it.finding.rule, it.start, it.end) for it in crlf.items] == [(it.finding.rule, it.start, it.end) for it in lf.items]


def test_format_from_language_or_extension():
    assert format_of("markdown", None) == "markdown"
    assert format_of("plaintext", "/x/notes") == "text"
    assert format_of("html", "/x/page.md") == "html"
    assert format_of("jinja", "/x/page.htm") == "html"
    assert format_of("python", "/x/a.py") is None


@given(st.one_of(markdown(), plain_text()), st.sampled_from(["utf-16", "utf-8", "utf-32"]))
def test_findings_and_edits_stay_inside_the_buffer(text, encoding):
    text = text.replace("a", "a🌿", 3)  # characters outside the Basic Multilingual Plane
    linted = Workspace([]).lint(text, "/nonexistent-folder/f.md", "markdown", encoding)
    lines = linted.lines
    assert lines == text.replace("\r\n", "\n").replace("\r", "\n").split("\n")

    def inside(pos: tuple[int, int]) -> bool:
        return 0 <= pos[0] < len(lines) and 0 <= pos[1] <= units(lines[pos[0]], encoding)

    for it in linted.items:
        assert inside(it.start) and inside(it.end) and it.start <= it.end, it
        for action in actions_for(linted, it):
            assert all(inside(e.start) and inside(e.end) for e in action.edits), action


# --- config -------------------------------------------------------------------------------------------

def test_buffer_uses_the_config_the_command_line_finds(tmp_path):
    (tmp_path / ".healthlint.yaml").write_text("select: [HL4]\nrules:\n  HL401: error\n")
    art = tmp_path / "sub" / "a.md"
    art.parent.mkdir()
    linted = Workspace([tmp_path]).lint(ARTICLE, str(art), "markdown")
    assert [(it.finding.rule, it.finding.severity) for it in linted.items] == [("HL401", "error")]


def test_bad_config_is_reported_not_raised(tmp_path):
    (tmp_path / ".healthlint.yaml").write_text("audience: kids\n")
    linted = Workspace([tmp_path]).lint(ARTICLE, str(tmp_path / "a.md"), "markdown")
    assert linted.items == [] and "audience" in linted.problem and ".healthlint.yaml:1" in linted.problem


# --- code actions: every edit silences what it says ----------------------------------------------------

def rules_in(text: str, fmt: str, tmp: Path, name: str) -> list[str]:
    return [it.finding.rule for it in lint(text, fmt, name, tmp).items]


@pytest.mark.parametrize("fmt,name,text", [
    ("markdown", "a.md", ARTICLE),
    # a claim on the second line of a paragraph: a comment line above would split the paragraph
    ("markdown", "b.md", f"# Sleep clinic\n\nWe see many people every week.\n{CLAIM}\n"),
    ("markdown", "c.md", f"# Sleep clinic\n\n- We see many people.\n  - {CLAIM}\n"),
    ("html", "a.html", f"<html><head><title>Sleep clinic</title></head>\n<body>\n<p>We see many people.\n{CLAIM}</p>\n</body></html>"),
    ("text", "a.txt", f"Sleep clinic\n\nWe see many people every week.\n{CLAIM}\n"),
])
def test_disable_actions_silence_exactly_their_rule(tmp_path, fmt, name, text):
    linted = lint(text, fmt, name, tmp_path)
    item = next(it for it in linted.items if it.finding.rule == "HL401")
    before = rules_in(text, fmt, tmp_path, name)
    actions = {a.title: a for a in actions_for(linted, item)}
    assert set(actions) == {"Disable HL401 for this line", "Disable HL401 for this file"}
    for action in actions.values():
        edited = apply(text, action.edits)
        assert "-- reason -->" in edited and "HL401" in edited
        after = rules_in(edited, fmt, tmp_path, name)
        assert "HL401" not in after, (action.title, edited)
        # nothing else changes: no new finding, no invalid directive (HL007), no other rule silenced
        assert sorted(after) == sorted(r for r in before if r != "HL401"), (action.title, edited)


def test_disable_line_in_front_matter_is_a_yaml_comment(tmp_path):
    long_title = "A very long title about sleep apnea treatment options that goes on and on for far too long"
    text = f"---\ntitle: {long_title}\n---\n\n# Sleep apnea\n\nSome text.\n"
    linted = lint(text, tmp=tmp_path)
    item = next(it for it in linted.items if it.finding.rule == "HL701")
    line_action = next(a for a in actions_for(linted, item) if a.title.endswith("this line"))
    edited = apply(text, line_action.edits)
    assert "# <!-- healthlint-disable-next-line HL701" in edited
    after = rules_in(edited, "markdown", tmp_path, "a.md")
    assert "HL701" not in after and "HL003" not in after  # the front matter still parses


def test_plain_language_quick_fix_replaces_the_term(tmp_path):
    linted = lint(ARTICLE, tmp=tmp_path)
    item = next(it for it in linted.items if it.finding.rule == "HL108")
    fix = actions_for(linted, item)[0]
    assert fix.title == "Replace with 'high blood pressure'" and fix.preferred
    edited = apply(ARTICLE, fix.edits)
    assert "Patients with high blood pressure should rest." in edited
    assert "HL108" not in rules_in(edited, "markdown", tmp_path, "a.md")


def test_hover_text_has_summary_why_and_fix(tmp_path):
    from healthlint.config import Config
    from healthlint.engine import load_all_rules

    rule = next(r for r in load_all_rules(Config()) if r.code == "HL401")
    item = next(it for it in lint(ARTICLE, tmp=tmp_path).items if it.finding.rule == "HL401")
    text = hover_markdown([item])
    assert text.startswith("**HL401** `unsourced-efficacy-claim` (warning)")
    assert "**Why:**" in text and "**How to fix:**" in text
    assert " ".join(rule.summary.split()) in text and rule.fix.split()[0] in text
    assert "highly effective" in text and "HL401.md)" in text


# --- cross-file records --------------------------------------------------------------------------------

SHARED = ("Sleep apnea is a condition in which breathing stops and starts many times during the night, "
          "which leaves people tired and short of temper the next day.")


def test_index_brings_cross_file_duplicates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".healthlint.yaml").write_text("select: [HL203]\n")
    (tmp_path / "other.md").write_text(f"# Other page\n\n{SHARED}\n")
    ws = Workspace([tmp_path], use_cache=False)
    text = f"# New page\n\nA first paragraph of our own.\n\n{SHARED}\n"
    path = str(tmp_path / "new.md")
    assert ws.lint(text, path, "markdown").items == []  # not indexed yet: one file alone
    site = ws.site_for(path)
    site.index(site.index_paths())
    site.index_done()
    items = ws.lint(text, path, "markdown").items
    assert [(it.finding.rule, it.start[0]) for it in items] == [("HL203", 4)]
    assert "other.md:3" in items[0].finding.message
    (tmp_path / "other.md").write_text("# Other page\n\nSomething else entirely now.\n")
    assert ws.refresh(str(tmp_path / "other.md")) is site
    assert ws.lint(text, path, "markdown").items == []


def test_large_site_carries_cross_file_findings_between_full_steps(tmp_path, monkeypatch):
    from healthlint.lsp import core

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(core, "LIVE_SITE", 0)  # as on a large site: the cross-file step only when asked
    (tmp_path / ".healthlint.yaml").write_text("select: [HL203]\n")
    (tmp_path / "other.md").write_text(f"# Other page\n\n{SHARED}\n")
    ws = Workspace([tmp_path], use_cache=False)
    path = str(tmp_path / "new.md")
    site = ws.site_for(path)
    site.index(site.index_paths())
    text = f"# New page\n\nA first paragraph of our own.\n\n{SHARED}\n"
    assert [it.start[0] for it in ws.lint(text, path, "markdown", full=True).items] == [4]
    # lines added above: the finding moves with its paragraph (no cross-file step ran)
    moved = text.replace("# New page\n", "# New page\n\nTwo more lines.\n")
    items = ws.lint(moved, path, "markdown").items
    assert [(it.finding.rule, it.start[0]) for it in items] == [("HL203", 6)] and "other.md:3" in items[0].finding.message
    # a suppression comment silences a carried finding as it silences any other
    silenced = moved.replace(SHARED, "<!-- healthlint-disable-next-line HL203 -- quoted with permission -->\n" + SHARED)
    assert ws.lint(silenced, path, "markdown").items == []
    # the paragraph rewritten: dropped until the next full step looks again
    rewritten = moved.replace("tired and short of temper", "sleepy")
    assert ws.lint(rewritten, path, "markdown").items == []
    assert ws.lint(moved, path, "markdown").items == []  # gone for good from the carried ones
    assert [it.start[0] for it in ws.lint(moved, path, "markdown", full=True).items] == [6]


# --- the CLI does not load the server's libraries -------------------------------------------------------

def test_cli_cold_start_does_not_import_pygls():
    code = ("import sys, healthlint.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'cattrs')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "healthlint", "check", str(EXAMPLES / "clean")],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "healthlint.cli" in run.stderr  # the import log is there
    assert "pygls" not in run.stderr and "lsprotocol" not in run.stderr


# --- the real server over stdio -------------------------------------------------------------------------

def lsp_modules():
    try:
        from lsprotocol import types
        from pygls.lsp.client import LanguageClient
    except ImportError as e:
        if REQUIRED:
            pytest.fail(f"pygls is not installed (HEALTHLINT_REQUIRE_INTEGRATION=1): {e}")
        pytest.skip(f"pygls is not installed: {e}")
    return types, LanguageClient


class Session:
    """A pygls LanguageClient running ``healthlint server`` in ``folder``, collecting diagnostics."""

    def __init__(self, folder: Path, encodings: list[str] | None = None):
        self.types, self.client_cls = lsp_modules()
        self.folder = folder
        self.encodings = encodings
        self.queues: dict[str, asyncio.Queue] = {}

    def queue(self, uri: str) -> asyncio.Queue:
        return self.queues.setdefault(uri, asyncio.Queue())

    async def __aenter__(self):
        from pygls.uris import from_fs_path

        t = self.types
        self.client = self.client_cls("healthlint-test", "1")

        @self.client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params):
            self.queue(params.uri).put_nowait(params)

        @self.client.feature(t.WINDOW_LOG_MESSAGE)
        def on_log(params):
            pass

        await self.client.start_io(sys.executable, "-m", "healthlint", "server", "--debounce", "0.05", cwd=str(self.folder))
        root = from_fs_path(str(self.folder))
        general = t.GeneralClientCapabilities(position_encodings=self.encodings) if self.encodings else None
        self.init = await asyncio.wait_for(self.client.initialize_async(t.InitializeParams(
            capabilities=t.ClientCapabilities(general=general), root_uri=root,
            workspace_folders=[t.WorkspaceFolder(root, "site")])), TIMEOUT)
        self.client.initialized(t.InitializedParams())
        return self

    async def __aexit__(self, *exc) -> None:
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
            self.client.exit(None)
        finally:
            await asyncio.wait_for(self.client.stop(), TIMEOUT)

    def uri(self, name: str) -> str:
        from pygls.uris import from_fs_path

        return from_fs_path(str(self.folder / name))

    def open(self, name: str, text: str, language: str = "markdown") -> str:
        uri = self.uri(name)
        self.client.text_document_did_open(self.types.DidOpenTextDocumentParams(
            self.types.TextDocumentItem(uri, language, 1, text)))
        return uri

    def change(self, uri: str, version: int, text: str) -> None:
        t = self.types
        self.client.text_document_did_change(t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(version, uri), [t.TextDocumentContentChangeWholeDocument(text)]))

    async def diagnostics(self, uri: str, until=lambda params: True):
        """The next diagnostics published for ``uri`` (PublishDiagnosticsParams) for which
        ``until`` holds. Others are skipped: the server lints a buffer again when its site's index
        is done, so a lint of the same version may come twice."""
        while True:
            params = await asyncio.wait_for(self.queue(uri).get(), TIMEOUT)
            if until(params):
                return params


def run(coro) -> None:
    asyncio.run(asyncio.wait_for(coro, 6 * TIMEOUT))


def site(tmp_path: Path) -> Path:
    """A workspace for the server tests (which need pygls: skipped, or failed in CI, without it)."""
    lsp_modules()
    (tmp_path / ".healthlint.yaml").write_text("select: [HL4, HL108, HL203]\nrules:\n  HL402: off\n")
    (tmp_path / "other.md").write_text(f"# Other page\n\n{SHARED}\n")
    return tmp_path


def test_server_diagnostics_hover_code_actions_and_clearing(tmp_path):
    folder = site(tmp_path)

    async def scenario():
        async with Session(folder) as s:
            t = s.types
            caps = s.init.capabilities
            assert caps.hover_provider and caps.code_action_provider
            assert s.init.server_info.name == "healthlint"
            uri = s.open("new.md", ARTICLE)
            params = await s.diagnostics(uri, lambda p: any(d.code == "HL401" for d in p.diagnostics))
            claim = next(d for d in params.diagnostics if d.code == "HL401")
            start = CLAIM_COL + 2  # UTF-16
            assert (claim.range.start.line, claim.range.start.character) == (CLAIM_LINE, start)
            assert (claim.range.end.line, claim.range.end.character) == (CLAIM_LINE, start + len("highly effective"))
            assert claim.severity == t.DiagnosticSeverity.Warning and claim.source == "healthlint"
            assert claim.code_description.href.endswith("/HL401.md")
            assert "highly effective" in claim.message

            hover = await asyncio.wait_for(s.client.text_document_hover_async(t.HoverParams(
                t.TextDocumentIdentifier(uri), t.Position(CLAIM_LINE, start + 3))), TIMEOUT)
            assert hover.contents.kind == t.MarkupKind.Markdown
            assert "**HL401**" in hover.contents.value and "**Why:**" in hover.contents.value
            assert "**How to fix:**" in hover.contents.value
            nothing = await asyncio.wait_for(s.client.text_document_hover_async(t.HoverParams(
                t.TextDocumentIdentifier(uri), t.Position(0, 0))), TIMEOUT)
            assert nothing is None

            actions = await asyncio.wait_for(s.client.text_document_code_action_async(t.CodeActionParams(
                t.TextDocumentIdentifier(uri), claim.range, t.CodeActionContext(diagnostics=[claim]))), TIMEOUT)
            by_title = {a.title: a for a in actions}
            assert set(by_title) == {"Disable HL401 for this line", "Disable HL401 for this file"}
            edit = by_title["Disable HL401 for this line"].edit.changes[uri][0]
            assert edit.new_text == "<!-- healthlint-disable-next-line HL401 -- reason -->\n"
            assert (edit.range.start.line, edit.range.start.character) == (CLAIM_LINE, 0)

            term = next(d for d in params.diagnostics if d.code == "HL108")
            actions = await asyncio.wait_for(s.client.text_document_code_action_async(t.CodeActionParams(
                t.TextDocumentIdentifier(uri), term.range, t.CodeActionContext(diagnostics=[term]))), TIMEOUT)
            fix = actions[0]
            assert fix.title == "Replace with 'high blood pressure'" and fix.is_preferred
            assert fix.kind == t.CodeActionKind.QuickFix
            assert [(e.range, e.new_text) for e in fix.edit.changes[uri]] == [(term.range, "high blood pressure")]

            s.change(uri, 2, "# Sleep clinic\n\nRest well here.\n")
            cleared = await s.diagnostics(uri, lambda p: p.version == 2)
            assert list(cleared.diagnostics) == []

    run(scenario())


def test_server_reports_copies_of_other_workspace_articles(tmp_path):
    folder = site(tmp_path)

    async def scenario():
        async with Session(folder) as s:
            uri = s.open("new.md", f"# New page\n\nA first paragraph of our own.\n\n{SHARED}\n")
            # The index is built in the background; once done, the buffer is linted again.
            params = await s.diagnostics(uri, lambda p: any(d.code == "HL203" for d in p.diagnostics))
            copy = next(d for d in params.diagnostics if d.code == "HL203")
            assert copy.range.start.line == 4 and "other.md:3" in copy.message

    run(scenario())


def test_server_speaks_the_position_encoding_it_agreed(tmp_path):
    folder = site(tmp_path)

    async def scenario():
        async with Session(folder, encodings=["utf-8", "utf-16"]) as s:
            assert s.init.capabilities.position_encoding == "utf-8"
            uri = s.open("new.md", ARTICLE)
            params = await s.diagnostics(uri, lambda p: any(d.code == "HL401" for d in p.diagnostics))
            claim = next(d for d in params.diagnostics if d.code == "HL401")
            assert claim.range.start.character == len(ARTICLE.split("\n")[CLAIM_LINE][:CLAIM_COL].encode("utf-8"))

    run(scenario())


def test_server_without_pygls_says_how_to_install_it(tmp_path):
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "pygls").mkdir()
    (blocker / "pygls" / "__init__.py").write_text("raise ImportError('pygls hidden by the test')\n")
    env = {**os.environ, "PYTHONPATH": str(blocker) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, "-m", "healthlint", "server"], capture_output=True, text=True,
                          env=env, stdin=subprocess.DEVNULL, timeout=TIMEOUT, check=False)
    assert proc.returncode == 2 and 'pip install "healthlint[server]"' in proc.stderr
