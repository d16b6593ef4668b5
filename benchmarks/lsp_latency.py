"""Language server latency: how long a 10,000-word article takes to lint again after an edit.

Two measurements on one synthetic article (benchmarks/corpus.py, plus a few claims so there are
findings to place), each after a warm-up lint:

* end to end: the real ``healthlint server --debounce 0`` over stdio, driven by pygls' client, in a
  workspace of ``--site`` other articles: from sending ``didChange`` (one word inserted, full
  text) to receiving the diagnostics of that version. An editor adds the debounce delay (0.3 s
  by default) on top;
* in process: :meth:`healthlint.lsp.core.Workspace.lint` on the edited text (parse, every rule,
  the cross-file step, findings placed in UTF-16 positions) with no other article, with the
  ``--site`` articles indexed, and with ``--large-site`` articles indexed, where the cross-file
  step runs on open and save only (timed both ways).

    python benchmarks/lsp_latency.py                # 10,000 words, 9 edits, sites of 200 and 2,000 articles
    python benchmarks/lsp_latency.py --words 2000 --edits 5 --site 50 --large-site 0

It is a benchmark, not a test: it prints figures and fails on nothing but a broken server.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus import article

CLAIMS = ["Our infusions are highly effective for depression.",
          "This gentle routine works wonders for everyone who tries it.",
          "Patients with hypertension should rest more."]


def long_article(words: int) -> str:
    """About ``words`` words of text, a claim every ~2,000 words."""
    parts, count, i = [], 0, 0
    while count < words:
        text = article(1000 + i, words=min(900, words - count + 50))
        body = text.split("\n", 2)[2]  # drop the part's title: one H1 for the whole article
        parts.append(body + "\n" + CLAIMS[i % len(CLAIMS)] + "\n")
        count += len(body.split()) + len(CLAIMS[i % len(CLAIMS)].split())
        i += 1
    return "# A long guide\n\n" + "\n".join(parts)


def edit(text: str, k: int) -> str:
    """The article with one word inserted into its k-th paragraph (a writer typing)."""
    paras = text.split("\n\n")
    j = 2 + (k * 7) % (len(paras) - 2)
    paras[j] = paras[j].replace(" ", f" word{k} ", 1)
    return "\n\n".join(paras)


def timed(ws: object, text: str, path: str, edits: int, full: bool | None = None) -> float:
    """Median seconds to lint the buffer after each of ``edits`` edits."""
    times = []
    for k in range(edits):
        t = time.perf_counter()
        ws.lint(edit(text, k), path, "markdown", full=full)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def index_site(ws: object, folder: Path, path: str, n: int) -> float:
    """Write ``n`` articles into the workspace and index them; the seconds indexing took."""
    for i in range(n):
        p = folder / f"site-{i:05d}.md"
        if not p.exists():
            p.write_text(article(i), encoding="utf-8")
    s = ws.site_for(path)
    t = time.perf_counter()
    s.index(s.index_paths())
    s.index_done()
    return time.perf_counter() - t


def in_process(text: str, folder: Path, site: int, large: int, edits: int) -> dict[str, float]:
    """Seconds to lint the edited buffer in process, in each situation of the table."""
    from healthlint.lsp.core import Workspace

    path = str(folder / "long.md")
    ws = Workspace([folder], use_cache=False)
    out = {"findings": len(ws.lint(text, path, "markdown").items)}  # also the warm-up
    out["alone"] = timed(ws, text, path, edits)
    out["site index"] = index_site(ws, folder, path, site)
    out["site"] = timed(ws, text, path, edits)
    if large:
        out["large index"] = index_site(ws, folder, path, large)
        out["large full"] = timed(ws, text, path, max(3, edits // 3), full=True)
        out["large carried"] = timed(ws, text, path, edits)
    return out


async def end_to_end(text: str, folder: Path, edits: int, site: int) -> list[float]:
    from lsprotocol import types as t
    from pygls.lsp.client import LanguageClient
    from pygls.uris import from_fs_path

    for i in range(site):
        (folder / f"site-{i:05d}.md").write_text(article(i), encoding="utf-8")
    client = LanguageClient("lsp-latency", "1")
    arrived: dict[int, float] = {}
    waiting: dict[int, asyncio.Event] = {}

    @client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: t.PublishDiagnosticsParams) -> None:
        if params.version is not None and params.version not in arrived:
            arrived[params.version] = time.perf_counter()
            waiting.setdefault(params.version, asyncio.Event()).set()

    indexed = asyncio.Event()

    @client.feature(t.WINDOW_LOG_MESSAGE)
    def on_log(params: t.LogMessageParams) -> None:
        if "indexed" in params.message:
            indexed.set()

    await client.start_io(sys.executable, "-m", "healthlint", "server", "--debounce", "0", "--no-cache", cwd=str(folder))
    root = from_fs_path(str(folder))
    await client.initialize_async(t.InitializeParams(capabilities=t.ClientCapabilities(), root_uri=root,
                                                     workspace_folders=[t.WorkspaceFolder(root, "bench")]))
    client.initialized(t.InitializedParams())
    uri = from_fs_path(str(folder / "long.md"))
    client.text_document_did_open(t.DidOpenTextDocumentParams(t.TextDocumentItem(uri, "markdown", 1, text)))
    await asyncio.wait_for(waiting.setdefault(1, asyncio.Event()).wait(), 300)
    await asyncio.wait_for(indexed.wait(), 600)  # the site's index is built (the buffer is linted again)
    await asyncio.sleep(1)
    times = []
    for k in range(edits):
        version = 2 + k
        sent = time.perf_counter()
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(version, uri), [t.TextDocumentContentChangeWholeDocument(edit(text, k))]))
        await asyncio.wait_for(waiting.setdefault(version, asyncio.Event()).wait(), 300)
        times.append(arrived[version] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--edits", type=int, default=9)
    ap.add_argument("--site", type=int, default=200, help="other articles in the workspace")
    ap.add_argument("--large-site", type=int, default=2000,
                    help="then a site this large, in process (0: skip), where the cross-file step runs on open and save only")
    args = ap.parse_args()
    text = long_article(args.words)
    words = len(text.split())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "site").mkdir()
        e2e = asyncio.run(end_to_end(text, folder / "site", args.edits, args.site))
        r = in_process(text, folder / "site", args.site, args.large_site, args.edits)
    print(f"Python {platform.python_version()}, {platform.machine()}, {platform.system()}; "
          f"{words:,} words, {r['findings']} findings, {args.edits} edits")
    print()
    print("| re-lint of the article after an edit | median | max |")
    print("|---|---|---|")
    print(f"| over stdio: didChange to diagnostics (debounce 0), {args.site} other articles in the workspace | "
          f"{statistics.median(e2e):.3f} s | {max(e2e):.3f} s |")
    print(f"| in process, no other articles | {r['alone']:.3f} s | |")
    print(f"| in process, {args.site} other articles (cross-file step on every lint) | {r['site']:.3f} s | |")
    if args.large_site:
        n = args.large_site
        print(f"| in process, {n} other articles, between saves (cross-file findings carried over) | {r['large carried']:.3f} s | |")
        print(f"| in process, {n} other articles, on open or save (cross-file step) | {r['large full']:.3f} s | |")
    print()
    print(f"Indexing (no cache): {args.site} articles in {r['site index']:.1f} s"
          + (f"; {args.large_site} in {r['large index']:.1f} s" if args.large_site else "") + ".")


if __name__ == "__main__":
    main()
