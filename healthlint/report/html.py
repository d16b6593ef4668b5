"""A single self-contained HTML page for editors (``--format html --output report.html``).

A summary table of all articles (sortable by clicking a column; score first), then per article
its score, readability figures and its text line by line, each finding's exact span marked in
place (``<mark>``; overlapping spans nest, a span crossing another is split) with the finding's
message beside the line where it starts. No external files, scripts or fonts: the page works
offline and can be attached to a ticket.
"""

from __future__ import annotations

import html
import re
from typing import Any, Iterator

from .. import __version__
from . import safe_text


def _script_hash(js: str) -> str:
    import base64
    import hashlib

    return "sha256-" + base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode()


def _esc(text: str, quote: bool = False) -> str:
    """The one escape for page text and attributes: control and bidi characters made visible, then
    HTML's own characters escaped."""
    return html.escape(safe_text(text), quote=quote)

CSS = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1f3a5f;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}
main{padding:16px 24px;max-width:1400px}
table.summary{border-collapse:collapse;background:#fff;width:100%;margin-bottom:24px}
table.summary th,table.summary td{border:1px solid #d8dde6;padding:6px 10px;text-align:left}
table.summary th{cursor:pointer;background:#eef1f6;user-select:none}table.summary th:after{content:" \\2195";color:#889}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.score{font-weight:700}.good{color:#1a7f37}.fair{color:#9a6700}.poor{color:#cf222e}
section.article{background:#fff;border:1px solid #d8dde6;margin:0 0 24px;padding:12px 16px}
section.article h2{font-size:17px;margin:0 0 4px;word-break:break-all}
.meta{color:#57606a;margin-bottom:8px}
ul.docfindings{margin:4px 0 10px;padding-left:20px}
table.src{border-collapse:collapse;width:100%;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
table.src td{vertical-align:top;padding:0 8px}
td.ln{color:#8c959f;text-align:right;user-select:none;width:1%;white-space:nowrap}
td.code{white-space:pre-wrap;word-break:break-word;width:60%}
td.msgs{font-family:system-ui,sans-serif;font-size:12.5px;width:39%}
mark{border-radius:2px;padding:0;color:inherit}
mark.error{background:#ffd7d5}mark.warning{background:#fff1b8}mark.info{background:#dbeafe}
mark mark{box-shadow:inset 0 -2px 0 rgba(0,0,0,.25)}
.msg{margin:0 0 3px}.msg b,.docfindings b{font-family:ui-monospace,monospace}
summary{cursor:pointer;color:#57606a;margin-bottom:6px}
.sev-error{color:#cf222e}.sev-warning{color:#9a6700}.sev-info{color:#0969da}
"""

JS = """
document.querySelectorAll('table.summary th').forEach(function(th, col){
  th.addEventListener('click', function(){
    var tbody = th.closest('table').tBodies[0];
    var rows = Array.from(tbody.rows);
    var asc = th.dataset.dir !== 'asc'; th.dataset.dir = asc ? 'asc' : 'desc';
    rows.sort(function(a, b){
      var x = a.cells[col].dataset.v, y = b.cells[col].dataset.v;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return asc ? c : -c;
    });
    rows.forEach(function(r){ tbody.appendChild(r); });
  });
});
"""
# The page runs only its own script (by hash): no script in an article, an attribute or a URL can
# run even if a later change forgot to escape it. Nothing is fetched: styles are the page's own.
CSP = (f"default-src 'none'; script-src '{_script_hash(JS)}'; style-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")


def _score_class(score: int) -> str:
    return "good" if score >= 80 else "fair" if score >= 50 else "poor"


def _lines(source: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", source)


# --- marks --------------------------------------------------------------------------------------


def _mark_line(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Escape one line with each span wrapped in ``<mark>``: spans are (start, end, opening tag)
    with 0-based, end-exclusive columns. Marks nest; a span that crosses the end of one inside it
    is closed there and reopened, so the markup stays well formed and every piece of a span
    carries its own tag (the filter switches a finding's pieces off together)."""
    spans = [(max(0, s), min(len(text), e), tag) for s, e, tag in spans]
    spans = [sp for sp in spans if sp[0] < sp[1]]
    if not spans:
        return _esc(text)
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    # Longer spans open first, so they are outside the shorter ones they hold.
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1], i))
    stack: list[int] = []
    out = []
    for a, b in zip(cuts, cuts[1:]):
        here = [i for i in order if spans[i][0] <= a and spans[i][1] >= b]
        keep = 0
        while keep < len(stack) and stack[keep] in here:
            keep += 1
        out.append("</mark>" * (len(stack) - keep))
        del stack[keep:]
        for i in sorted((i for i in here if i not in stack), key=lambda i: (-spans[i][1], spans[i][0], i)):
            out.append(spans[i][2])
            stack.append(i)
        out.append(_esc(text[a:b]))
    out.append("</mark>" * len(stack))
    return "".join(out)


# --- findings -----------------------------------------------------------------------------------


def _data(f: Any, fid: str) -> str:
    """A finding's id in the page, rule and category, on each of its pieces (marks and message)."""
    return (f' data-f="{fid}" data-rule="{_esc(f.rule, quote=True)}"'
            f' data-cat="{_esc(f.category, quote=True)}"')


def _item(f: Any, fid: str, tag: str) -> str:
    """A finding's message: a ``div`` beside its line, or an ``li`` for an article with no text."""
    cls = "item msg" if tag == "div" else "item"
    return (f'<{tag} class="{cls} sev-{_esc(f.severity, quote=True)}"{_data(f, fid)}><b>{_esc(f.rule)}</b> '
            f"[{_esc(f.severity)}] {_esc(f.message)}</{tag}>")


def _article(fr: Any, n: int) -> str:
    r = fr.readability
    from ..findings import score_components

    parts_of_score = ", ".join(f"{k} {v}" for k, v in score_components(fr.findings, fr.words).items())
    meta = (f'<span class="score {_score_class(fr.score)}">score {fr.score}</span> ({parts_of_score}) · {fr.words} words'
            + (f' · Flesch Reading Ease {r["flesch_reading_ease"]} · Flesch-Kincaid grade {r["flesch_kincaid_grade"]}' if r else "")
            + f" · {len(fr.findings)} finding{'s' if len(fr.findings) != 1 else ''}")
    opened = " open" if fr.findings else ""  # clean articles start folded
    parts = [f'<section class="article" id="a{n}"><h2>{_esc(fr.path)}</h2><div class="meta">{meta}</div><details{opened}><summary>article text</summary>']
    numbered = [(f"{n}-{k}", f) for k, f in enumerate(fr.findings)]  # each finding's id in the page
    if fr.source is None:
        items = "".join(_item(f, fid, "li") for fid, f in numbered)
        parts.append(f'<ul class="docfindings">{items}</ul></details></section>')
        return "".join(parts)
    lines = _lines(fr.source)
    spans: dict[int, list[tuple[int, int, str]]] = {}
    notes: dict[int, list[str]] = {}
    for fid, f in numbered:
        if (f.end_line, f.end_column) > (f.line, f.column):
            title = _esc(f"{f.rule} {f.message}", quote=True)
            opening = f'<mark class="{_esc(f.severity, quote=True)}" title="{title}"{_data(f, fid)}>'
            for ln in range(max(1, f.line), min(f.end_line, len(lines)) + 1):
                start = f.column - 1 if ln == f.line else 0
                end = f.end_column - 1 if ln == f.end_line else len(lines[ln - 1])
                spans.setdefault(ln, []).append((start, end, opening))
        at = max(1, min(f.line, len(lines)))
        notes.setdefault(at, []).append(_item(f, fid, "div"))
    rows = []
    for i, text in enumerate(lines, 1):
        rows.append(f'<tr><td class="ln">{i}</td><td class="code">{_mark_line(text, spans.get(i, []))}</td>'
                    f'<td class="msgs">{"".join(notes.get(i, []))}</td></tr>')
    parts.append('<table class="src">' + "".join(rows) + "</table></details></section>")
    return "".join(parts)


def _shared_blocks(report: Any) -> str:
    """The site's boilerplate (HL205): each shared paragraph once, with how many pages carry it."""
    rows = []
    for n, fr in enumerate(report.files):
        lines = _lines(fr.source) if fr.source is not None else None
        for f in fr.findings:
            if f.rule != "HL205":
                continue
            m = re.search(r"appears in (\d+) files", f.message)
            pages = m.group(1) if m else "?"
            text = lines[f.line - 1].strip() if lines and 0 < f.line <= len(lines) else ""
            shown = text if len(text) <= 140 else text[:137] + "…"
            rows.append(f'<tr><td class="num" data-v="{pages}">{pages}</td><td><a href="#a{n}">'
                        f'{_esc(fr.path)}:{f.line}</a></td><td>{_esc(shown)}</td></tr>')
    if not rows:
        return ""
    return ('<section class="shared" id="shared"><h2>Shared blocks (site boilerplate)</h2>'
            "<p>Paragraphs that many pages of this run carry. They are not reported page by page (HL205 "
            "names each once, where it first occurs).</p>"
            '<table class="summary"><thead><tr><th>Pages</th><th>First occurrence</th><th>Text</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table></section>")


def render(report: Any, **_: Any) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in report.findings:
        counts[f.severity] += 1
    summary_rows = []
    for n, fr in enumerate(report.files):
        r = fr.readability
        fk = r.get("flesch_kincaid_grade", "") if r else ""
        fre = r.get("flesch_reading_ease", "") if r else ""
        summary_rows.append(
            f'<tr><td data-v="{_esc(fr.path, quote=True)}"><a href="#a{n}">{_esc(fr.path)}</a></td>'
            f'<td class="num score {_score_class(fr.score)}" data-v="{fr.score}">{fr.score}</td>'
            f'<td class="num" data-v="{len(fr.findings)}">{len(fr.findings)}</td>'
            f'<td class="num" data-v="{fr.words}">{fr.words}</td>'
            f'<td class="num" data-v="{fk}">{fk}</td><td class="num" data-v="{fre}">{fre}</td></tr>'
        )
    total = sum(counts.values())
    head = (f"<header><h1>healthlint report</h1><div>{len(report.files)} articles · {total} findings "
            f"({counts['error']} errors, {counts['warning']} warnings, {counts['info']} info) · healthlint {__version__}</div></header>")
    summary = ('<table class="summary" id="summary"><thead><tr><th>Article</th><th>Score</th><th>Findings</th><th>Words</th>'
               "<th>FK grade</th><th>Reading ease</th></tr></thead><tbody>" + "".join(summary_rows) + "</tbody></table>")
    articles = "".join(_article(fr, n) for n, fr in enumerate(report.files))
    shared = _shared_blocks(report)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"generator\" content=\"healthlint\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>healthlint report</title><style>{CSS}</style></head><body>{head}<main>"
        f"{summary}{shared}{articles}</main>"
        f"<script>{JS}</script></body></html>\n"
    )


def stream(report: Any, **options: Any) -> Iterator[str]:
    yield render(report, **options)  # one page; the HTML report is for runs an editor reads
