"""A single self-contained HTML page for editors (``--format html --output report.html``).

From the top:

* the findings by category and severity, and a filter by rule and by category (the page's own
  script: a finding that does not match is hidden and its highlight uncoloured);
* a summary table of all articles, worst score first (sortable by clicking a column);
* the site's shared blocks (HL205);
* per article: its score and readability figures, a box with the findings about the whole article
  (reading grade, missing author), and its text line by line, each finding's exact span marked in
  place (``<mark>``; overlapping spans nest) with its message beside the line where it starts.

HTML articles are shown as the text a reader sees (tags, and the head, scripts and styles, blanked)
on their source lines. Each rule code links to the rule's page when it has one. No external files,
scripts or fonts: the page works offline and can be attached to a ticket.
"""

from __future__ import annotations

import html
import re
from typing import Any, Iterator

from ..findings import CATEGORIES, SEVERITIES
from ..ruledocs import rule_url
from ..version import __version__
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
tr.nomatch{opacity:.35}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.score{font-weight:700}.good{color:#1a7f37}.fair{color:#9a6700}.poor{color:#cf222e}
.overview{display:flex;flex-wrap:wrap;gap:16px 32px;align-items:flex-start;margin-bottom:20px}
table.breakdown{border-collapse:collapse;background:#fff}
table.breakdown th,table.breakdown td{border:1px solid #d8dde6;padding:4px 10px;text-align:left}
table.breakdown th{background:#eef1f6}table.breakdown tfoot td{font-weight:700}
button.pick{border:0;background:none;padding:0;font:inherit;color:#0969da;cursor:pointer;text-decoration:underline}
form.filters{background:#fff;border:1px solid #d8dde6;padding:8px 12px}
form.filters label{display:block;margin:2px 0}form.filters select{margin-left:6px;max-width:28em}
section.article{background:#fff;border:1px solid #d8dde6;margin:0 0 24px;padding:12px 16px}
section.article.nomatch{display:none}
section.article h2{font-size:17px;margin:0 0 4px;word-break:break-all}
.meta{color:#57606a;margin-bottom:8px}
.page-findings{border:1px solid #d8dde6;border-left:4px solid #1f3a5f;background:#f6f8fb;padding:6px 12px;margin:0 0 10px}
.page-findings h3{font-size:13px;margin:0 0 2px;color:#57606a;font-weight:600}
ul.docfindings{margin:2px 0 2px;padding-left:20px}
table.src{border-collapse:collapse;width:100%;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
table.src td{vertical-align:top;padding:0 8px}
td.ln{color:#8c959f;text-align:right;user-select:none;width:1%;white-space:nowrap}
td.code{white-space:pre-wrap;word-break:break-word;width:60%}
td.msgs{font-family:system-ui,sans-serif;font-size:12.5px;width:39%}
mark{border-radius:2px;padding:0;color:inherit}
mark.error{background:#ffd7d5}mark.warning{background:#fff1b8}mark.info{background:#dbeafe}
mark mark{box-shadow:inset 0 -2px 0 rgba(0,0,0,.25)}
mark.off{background:transparent;box-shadow:none}
.item.off{display:none}
.msg{margin:0 0 3px}.msg b,.page-findings b,.docfindings b{font-family:ui-monospace,monospace}
a.rule{color:inherit}
.hidden-src{color:#57606a;font-style:italic}
summary{cursor:pointer;color:#57606a;margin-bottom:6px}
.sev-error{color:#cf222e}.sev-warning{color:#9a6700}.sev-info{color:#0969da}
"""

# Sorting: a click on a column header sorts its table by that column (ascending, then descending).
# Filtering: the rule and category menus switch off (class "off") every finding that does not match:
# its message is hidden and its highlight uncoloured; articles with no matching finding are hidden
# and greyed in the summary.
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
(function(){
  var form = document.getElementById('filters');
  if (!form) { return; }
  var byRule = document.getElementById('filter-rule'), byCat = document.getElementById('filter-category');
  var shown = document.getElementById('filter-shown');
  form.hidden = false;
  function apply(){
    var rule = byRule.value, cat = byCat.value, active = rule !== '' || cat !== '';
    document.querySelectorAll('[data-rule]').forEach(function(el){
      var ok = (rule === '' || el.dataset.rule === rule) && (cat === '' || el.dataset.cat === cat);
      el.classList.toggle('off', !ok);
    });
    var total = 0;
    document.querySelectorAll('section.article').forEach(function(sec){
      var n = sec.querySelectorAll('.item:not(.off)').length;
      total += n;
      var hide = active && n === 0;
      sec.classList.toggle('nomatch', hide);
      var row = document.querySelector('tr[data-article="' + sec.id + '"]');
      if (row) { row.classList.toggle('nomatch', hide); }
    });
    shown.textContent = total + (total === 1 ? ' finding shown' : ' findings shown');
  }
  byRule.addEventListener('change', apply);
  byCat.addEventListener('change', apply);
  form.addEventListener('reset', function(){ setTimeout(apply, 0); });
  document.querySelectorAll('button[data-pick-category]').forEach(function(b){
    b.addEventListener('click', function(){ byCat.value = b.dataset.pickCategory; byRule.value = ''; apply(); });
  });
  apply();
})();
"""
# The page runs only its own script (by hash): no script in an article, an attribute or a URL can
# run even if a later change forgot to escape it. Nothing is fetched: styles are the page's own.
CSP = (f"default-src 'none'; script-src '{_script_hash(JS)}'; style-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")


def _score_class(score: int) -> str:
    return "good" if score >= 80 else "fair" if score >= 50 else "poor"


def _lines(source: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", source)


def _is_whole(f: Any) -> bool:
    """A finding about the whole article (reading grade, missing author) rather than a span."""
    return bool(getattr(f, "whole", False))


# --- what each source line shows ----------------------------------------------------------------


class _Line:
    """One source line as the report shows it: ``text``, and where a span that starts or ends at a
    source column falls in ``text``. Markdown and plain text show their source as it is (columns map
    to themselves); an HTML line shows only its text, so ``lo[c]`` / ``hi[c]`` give the shown
    position of source column ``c`` (0-based) for a span's start / end: a span starting or ending
    inside an entity takes the whole entity, and markup maps to the next shown character."""

    __slots__ = ("text", "lo", "hi")

    def __init__(self, text: str, lo: list[int] | None = None, hi: list[int] | None = None):
        self.text, self.lo, self.hi = text, lo, hi

    def shown(self, start: int, end: int) -> tuple[int, int]:
        """Source columns ``start:end`` of this line (0-based, end exclusive) as shown columns."""
        if self.lo is None or self.hi is None:
            n = len(self.text)
            return max(0, min(n, start)), max(0, min(n, end))
        last = len(self.lo) - 1
        return self.lo[max(0, min(last, start))], self.hi[max(0, min(last, end))]


# Elements whose content a reader never sees as article text: blanked with their tags.
_BLANKED = ("script", "style", "head", "title", "template")
# Inline elements: their tags are dropped; any other tag stands for a break (shown as one space
# when the line has text before it), so "a</p><p>b" does not read as "ab".
_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
}
_SPECIAL = re.compile(r"[<&]")
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CLOSERS = {name: re.compile(rf"</{name}\b[^>]*>?", re.I) for name in _BLANKED}


_QUOTE_OR_END = re.compile(r"[>\"']")


def _tag_end(source: str, name_end: int, last: dict[str, int]) -> int:
    """Where a tag whose name ends at ``name_end`` ends (just after its ``>``; a quoted attribute
    value may hold ``>``), or -1 when it never closes. ``last`` holds the last index of ``>``, ``"``
    and ``'`` in ``source``, so that a search that cannot succeed is not made (no quadratic time on
    a page of unclosed tags)."""
    j = name_end
    while j <= last[">"]:
        m = _QUOTE_OR_END.search(source, j)
        if m is None:
            break
        q = m.group()
        if q == ">":
            return m.end()
        j = m.end()
        k = m.start() - 1
        while k > name_end and source[k].isspace():
            k -= 1
        if source[k] == "=":  # a quoted attribute value: skip to its end
            close = source.find(q, j) if j <= last[q] else -1
            if close >= 0:
                j = close + 1
    return -1


def _markup(source: str) -> list[tuple[int, int, str]]:
    """The parts of an HTML source that are not shown as they are, in order and not overlapping, as
    (start, end, shown): ``shown`` is the text an entity stands for, ``""`` for hidden markup, or
    ``"\\n"`` for a tag that breaks the text (see :data:`_INLINE`). Text between parts shows as is."""
    parts: list[tuple[int, int, str]] = []
    unclosed: set[str] = set()  # elements with no closing tag after some point: none further on either
    last = {c: source.rfind(c) for c in ">\"'"}
    i, n = 0, len(source)
    while True:
        m = _SPECIAL.search(source, i)
        if m is None:
            return parts
        i = m.start()
        if source[i] == "&":
            e = _ENTITY.match(source, i)
            value = html.unescape(e.group()) if e else ""
            if e and value != e.group():
                parts.append((i, e.end(), value))
                i = e.end()
            else:
                i += 1
            continue
        if source.startswith(("<!", "<?"), i):  # comment, doctype, CDATA, processing instruction
            closing = "-->" if source.startswith("<!--", i) else ">"
            close = source.find(closing, i + 2)
            end = n if close < 0 else close + len(closing)
            parts.append((i, end, ""))
            i = end
            continue
        tag = _TAG_NAME.match(source, i)
        end = _tag_end(source, tag.end(), last) if tag else -1
        if end < 0:  # a '<' that starts no tag is text
            i += 1
            continue
        name = tag.group(1).lower()
        if name in _CLOSERS and source[i + 1] != "/":
            closer = None if name in unclosed else _CLOSERS[name].search(source, end)
            if closer is None:
                unclosed.add(name)
            if closer is not None or name != "head":  # an unclosed script or style runs to the end
                end = closer.end() if closer is not None else n
                parts.append((i, end, ""))
                i = end
                continue
        parts.append((i, end, "" if name in _INLINE else "\n"))
        i = end


def _html_view(source: str) -> list[_Line]:
    """Each line of an HTML source as the text a reader sees, with its column map (see :class:`_Line`)."""
    parts = _markup(source)
    breaks = list(re.finditer(r"\r\n|\r|\n", source))
    bounds = zip([0] + [m.end() for m in breaks], [m.start() for m in breaks] + [len(source)])
    out: list[_Line] = []
    k = 0  # the first part that does not end before the current line
    for ls, le in bounds:
        width = le - ls
        lo, hi = [0] * (width + 1), [0] * (width + 1)
        shown: list[str] = []
        pos = col = 0  # length of the text shown so far; the next source column to map
        spaced = 0  # how many pieces were shown when the last break's space was added

        def text_to(stop: int) -> None:
            nonlocal pos, col
            if stop > col:
                lo[col:stop] = hi[col:stop] = range(pos, pos + stop - col)
                shown.append(source[ls + col:ls + stop])
                pos, col = pos + stop - col, stop

        while k < len(parts) and parts[k][1] <= ls:
            k += 1
        j = k
        while j < len(parts) and parts[j][0] < le:
            start, end, value = parts[j]
            a, b = max(start, ls) - ls, min(end, le) - ls
            text_to(a)
            is_break = value == "\n"
            if is_break:  # one space, on the line where the tag starts, after text
                value = " " if start >= ls and shown and not shown[-1][-1:].isspace() else ""
            elif start < ls:  # the rest of a part that began on an earlier line
                value = ""
            lo[a] = hi[a] = pos
            after = pos + len(value)
            # Inside an entity a start takes the whole entity; inside a tag both go past its space.
            lo[a + 1:b] = [after if is_break else pos] * (b - a - 1)
            hi[a + 1:b] = [after] * (b - a - 1)
            if value:
                shown.append(value)
                spaced = len(shown) if is_break else 0
            pos, col = after, b
            if end > le:  # it goes on to the next line
                break
            j += 1
        text_to(width)
        if shown and shown[-1] == " " and spaced == len(shown):  # a break with no text after it
            shown.pop()
            pos -= 1
            lo, hi = [min(x, pos) for x in lo], [min(x, pos) for x in hi]
        lo[width] = hi[width] = pos
        out.append(_Line("".join(shown), lo, hi))
    return out


def _view(fr: Any) -> tuple[list[_Line], bool]:
    """The article's lines as shown, and whether it is HTML (shown as its text, not its source)."""
    from ..parsers import format_for

    if format_for(fr.path, fr.source) == "html":
        return _html_view(fr.source), True
    return [_Line(text) for text in _lines(fr.source)], False


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


class _Links:
    """Each rule code once through :func:`rule_url`: a link to its page, or the bare code."""

    def __init__(self, docs_url: str | None = None) -> None:
        self._urls: dict[str, str | None] = {}
        self._base = docs_url

    def code(self, rule: str) -> str:
        if rule not in self._urls:
            url = rule_url(rule, self._base)
            ok = isinstance(url, str) and re.match(r"(?i)(https?|file):", url) is not None
            self._urls[rule] = url if ok else None
        url = self._urls[rule]
        if url is None:
            return f"<b>{_esc(rule)}</b>"
        return f'<b><a class="rule" href="{_esc(url, quote=True)}">{_esc(rule)}</a></b>'


def _data(f: Any, fid: str) -> str:
    """A finding's id in the page, rule and category, on each of its pieces (marks and message)."""
    return (f' data-f="{fid}" data-rule="{_esc(f.rule, quote=True)}"'
            f' data-cat="{_esc(f.category, quote=True)}"')


def _item(f: Any, fid: str, links: _Links, tag: str, extra: str = "") -> str:
    """A finding's message: a ``div`` beside its line, or an ``li`` in the article's box."""
    cls = "item msg" if tag == "div" else "item"
    return (f'<{tag} class="{cls} sev-{_esc(f.severity, quote=True)}"{_data(f, fid)}>{links.code(f.rule)} '
            f"[{_esc(f.severity)}] {_esc(f.message)}{extra}</{tag}>")


def _page_box(items: list[str]) -> str:
    if not items:
        return ""
    return ('<div class="page-findings"><h3>About the whole article</h3><ul class="docfindings">'
            + "".join(items) + "</ul></div>")


def _sections(fr: Any) -> str:
    """A small table of the reading grade of each section (articles with subheadings), so an editor
    sees which part is hard to read."""
    sections = getattr(fr, "sections", None)
    if not sections:
        return ""
    rows = "".join(
        f'<tr><td>{_esc(s["heading"]) if s.get("heading") is not None else "<i>(before the first subheading)</i>"}</td>'
        f'<td class="num">{s["line"]}</td><td class="num">{s["words"]}</td>'
        f'<td class="num">{s.get("flesch_kincaid_grade", "")}</td><td class="num">{s.get("flesch_reading_ease", "")}</td></tr>'
        for s in sections)
    return ('<details class="sections"><summary>reading grade by section</summary><table class="sections">'
            "<thead><tr><th>Section</th><th>Line</th><th>Words</th><th>FK grade</th><th>Reading ease</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></details>")


def _article(fr: Any, n: int, links: _Links) -> str:
    r = fr.readability
    from ..findings import score_components

    parts_of_score = ", ".join(f"{k} {v}" for k, v in score_components(fr.findings, fr.words).items())
    meta = (f'<span class="score {_score_class(fr.score)}">score {fr.score}</span> ({parts_of_score}) · {fr.words} words'
            + (f' · Flesch Reading Ease {r["flesch_reading_ease"]} · Flesch-Kincaid grade {r["flesch_kincaid_grade"]}' if r else "")
            + f" · {len(fr.findings)} finding{'s' if len(fr.findings) != 1 else ''}")
    opened = " open" if fr.findings else ""  # clean articles start folded
    parts = [f'<section class="article" id="a{n}"><h2>{_esc(fr.path)}</h2><div class="meta">{meta}</div>{_sections(fr)}']
    numbered = [(f"{n}-{k}", f) for k, f in enumerate(fr.findings)]  # each finding's id in the page
    if fr.source is None:  # no text to show: every finding goes in the box
        parts.append(_page_box([_item(f, fid, links, "li") for fid, f in numbered]))
        parts.append("</section>")
        return "".join(parts)
    parts.append(_page_box([_item(f, fid, links, "li") for fid, f in numbered if _is_whole(f)]))
    parts.append(f"<details{opened}><summary>article text</summary>")
    view, is_html = _view(fr)
    spans: dict[int, list[tuple[int, int, str]]] = {}
    notes: dict[int, list[str]] = {}
    for fid, f in numbered:
        if _is_whole(f):
            continue
        visible = False
        if (f.end_line, f.end_column) > (f.line, f.column):
            title = _esc(f"{f.rule} {f.message}", quote=True)
            opening = f'<mark class="{_esc(f.severity, quote=True)}" title="{title}"{_data(f, fid)}>'
            for ln in range(max(1, f.line), min(f.end_line, len(view)) + 1):
                start = f.column - 1 if ln == f.line else 0
                end = f.end_column - 1 if ln == f.end_line else 1 << 62
                s, e = view[ln - 1].shown(start, end)
                if s < e:
                    visible = True
                    spans.setdefault(ln, []).append((s, e, opening))
        extra = ""
        if is_html and not visible:  # it points into markup the reader does not see: quote it
            excerpt = _source_excerpt(fr.source, f)
            if excerpt:
                extra = f' <span class="hidden-src">(in the page\'s markup: {_esc(excerpt)})</span>'
        at = max(1, min(f.line, len(view)))
        notes.setdefault(at, []).append(_item(f, fid, links, "div", extra))
    rows = []
    for i, line in enumerate(view, 1):
        rows.append(f'<tr><td class="ln">{i}</td><td class="code">{_mark_line(line.text, spans.get(i, []))}</td>'
                    f'<td class="msgs">{"".join(notes.get(i, []))}</td></tr>')
    parts.append('<table class="src">' + "".join(rows) + "</table></details></section>")
    return "".join(parts)


def _source_excerpt(source: str, f: Any) -> str:
    lines = _lines(source)
    if not 0 < f.line <= len(lines):
        return ""
    if f.end_line == f.line:
        text = lines[f.line - 1][f.column - 1:f.end_column - 1]
    else:
        text = lines[f.line - 1][f.column - 1:]
    text = text.strip()
    return text if len(text) <= 120 else text[:117] + "…"


def _shared_blocks(report: Any) -> str:
    """The site's boilerplate (HL205): each shared paragraph once, with how many pages carry it."""
    rows = []
    for n, fr in enumerate(report.files):
        if not any(f.rule == "HL205" for f in fr.findings):
            continue
        lines = [line.text for line in _view(fr)[0]] if fr.source is not None else None
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


# --- the overview: breakdown and filters -------------------------------------------------------


def _overview(report: Any) -> str:
    """Findings per category and severity, and the filter menus (by rule, by category)."""
    findings = [f for fr in report.files for f in fr.findings]
    if not findings:
        return ""
    known = {c: i for i, c in enumerate(CATEGORIES)}
    table: dict[str, dict[str, int]] = {}
    rules: dict[str, tuple[str, int]] = {}
    for f in findings:
        row = table.setdefault(f.category, {})
        row[f.severity] = row.get(f.severity, 0) + 1
        name, count = rules.get(f.rule, (getattr(f, "name", ""), 0))
        rules[f.rule] = (name, count + 1)
    cats = sorted(table, key=lambda c: (known.get(c, len(known)), c))
    body = []
    for c in cats:
        cells = "".join(f'<td class="num">{table[c].get(s, 0)}</td>' for s in SEVERITIES)
        body.append(f'<tr><td><button type="button" class="pick" data-pick-category="{_esc(c, quote=True)}"'
                    f' title="show only {_esc(c, quote=True)} findings">{_esc(c)}</button></td>{cells}'
                    f'<td class="num">{sum(table[c].values())}</td></tr>')
    totals = "".join(f'<td class="num">{sum(table[c].get(s, 0) for c in cats)}</td>' for s in SEVERITIES)
    breakdown = ('<table class="breakdown" id="breakdown"><thead><tr><th>Category</th>'
                 + "".join(f'<th class="sev-{s}">{s}</th>' for s in SEVERITIES) + "<th>total</th></tr></thead>"
                 f"<tbody>{''.join(body)}</tbody><tfoot><tr><td>all</td>{totals}"
                 f'<td class="num">{len(findings)}</td></tr></tfoot></table>')
    rule_options = "".join(
        f'<option value="{_esc(code, quote=True)}">{_esc(code)} {_esc(name)} ({count})</option>'
        for code, (name, count) in sorted(rules.items()))
    cat_options = "".join(
        f'<option value="{_esc(c, quote=True)}">{_esc(c)} ({sum(table[c].values())})</option>' for c in cats)
    # Hidden until the page's script shows it: without the script the menus would do nothing.
    filters = ('<form class="filters" id="filters" hidden><b>Filter</b>'
               f'<label>Rule<select id="filter-rule"><option value="">all rules</option>{rule_options}</select></label>'
               f'<label>Category<select id="filter-category"><option value="">all categories</option>{cat_options}</select></label>'
               f'<button type="reset">Show all</button> <span id="filter-shown">{len(findings)} findings shown</span></form>')
    return f'<div class="overview">{breakdown}{filters}</div>'


def render(report: Any, docs_url: str | None = None, **_: Any) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in report.findings:
        counts[f.severity] += 1
    summary_rows = []
    worst_first = sorted(enumerate(report.files), key=lambda item: (item[1].score, item[1].path))
    for n, fr in worst_first:
        r = fr.readability
        fk = r.get("flesch_kincaid_grade", "") if r else ""
        fre = r.get("flesch_reading_ease", "") if r else ""
        summary_rows.append(
            f'<tr data-article="a{n}"><td data-v="{_esc(fr.path, quote=True)}"><a href="#a{n}">{_esc(fr.path)}</a></td>'
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
    links = _Links(docs_url)
    articles = "".join(_article(fr, n, links) for n, fr in enumerate(report.files))
    shared = _shared_blocks(report)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"generator\" content=\"healthlint\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>healthlint report</title><style>{CSS}</style></head><body>{head}<main>{_overview(report)}"
        f"{summary}{shared}{articles}</main>"
        f"<script>{JS}</script></body></html>\n"
    )


def stream(report: Any, **options: Any) -> Iterator[str]:
    yield render(report, **options)  # one page; the HTML report is for runs an editor reads
