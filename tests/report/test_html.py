"""The HTML report, rendered in headless Chromium: highlights present, sortable summary, screenshot,
and (below) the report for an editor of issue 17, item 8."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES
from helpers import run_cli

REQUIRED = os.environ.get("HEALTHLINT_REQUIRE_INTEGRATION") == "1"


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if REQUIRED:
        pytest.fail("Chromium is not installed (HEALTHLINT_REQUIRE_INTEGRATION=1)")
    pytest.skip("Chromium is not installed")


def headless(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}"]
    return subprocess.run([browser, *flags, *args], capture_output=True, text=True, timeout=120)


def test_report_renders_with_highlights(tmp_path):
    browser = chromium()
    out = tmp_path / "report.html"
    proc = run_cli("check", "--format", "html", "--output", str(out), str(EXAMPLES))
    assert proc.returncode == 1 and out.is_file()
    page = out.read_text()
    assert "<script src" not in page and "<link" not in page  # self-contained
    dom = headless(browser, tmp_path / "profile", "--dump-dom", out.as_uri())
    assert dom.returncode == 0, dom.stderr
    html = dom.stdout
    marks = re.findall(r'<mark class="(error|warning|info)" title="([^"]*)"', html)
    assert len(marks) >= 30
    assert any("HL211 Text pasted into the middle of a word" in t for _, t in marks)
    assert any("HL401 Efficacy claim with no source" in t for _, t in marks)
    assert "ketamine-austin.html" in html and 'class="summary"' in html
    shot = tmp_path / "report.png"
    done = headless(browser, tmp_path / "profile2", f"--screenshot={shot}", "--window-size=1280,2000", out.as_uri())
    assert done.returncode == 0, done.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_summary_sorts_by_score(tmp_path):
    browser = chromium()
    out = tmp_path / "report.html"
    run_cli("check", "--format", "html", "--output", str(out), str(EXAMPLES))
    # Click the Score header once (ascending) from a script appended for the test.
    # The report's Content-Security-Policy runs only its own script, so the test's click script goes
    # into a copy without it (the policy itself is tested below).
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", out.read_text()).replace(
        "</body>", "<script>document.querySelectorAll('table.summary th')[1].click();</script></body>")
    clicked = tmp_path / "clicked.html"
    clicked.write_text(page)
    dom = headless(browser, tmp_path / "profile", "--dump-dom", clicked.as_uri()).stdout
    tbody = dom.split('<table class="summary"')[1].split("</tbody>")[0]
    scores = [int(s) for s in re.findall(r'<td class="num score \w+" data-v="(\d+)"', tbody)]
    assert len(scores) >= 4 and scores == sorted(scores)


def test_shared_blocks_section_lists_boilerplate_once_with_its_page_count(tmp_path):
    # Issue 14: the site's boilerplate is summarised once in the HTML report, not per page.
    from helpers import run_cli

    shared = "Talk with your doctor before you start any new treatment, because some treatments interact with medicines you already take."
    for i in range(6):
        (tmp_path / f"p{i}.md").write_text(f"# Page {i}\n\nUnique words for page {i} about topic {i}.\n\n{shared}\n", encoding="utf-8")
    out = tmp_path / "report.html"
    run_cli("check", str(tmp_path), "--format", "html", "--output", str(out))
    page = out.read_text(encoding="utf-8")
    section = page[page.index('<section class="shared"'):page.index("</section>", page.index('<section class="shared"'))]
    assert section.count("<tr><td") == 1 and 'data-v="6">6<' in section and "p0.md:5" in section
    assert "Talk with your doctor before you start" in section


PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "</script><script>alert(3)</script>",
    "<svg onload=alert(4)>",
    "&lt;script&gt;alert(5)&lt;/script&gt;",
    "' onmouseover='alert(6)",
    "javascript:alert(7)",
]


def test_hostile_article_text_never_becomes_live_markup(tmp_path):
    # Issue 16, item 2: payloads in articles and file names, checked in the rendered DOM.
    browser = chromium()
    site = tmp_path / "site"
    site.mkdir()
    claim = "This herbal formula flushes toxins from the liver. "
    body = "\n\n".join(f"{claim}{p} and more words here." for p in PAYLOADS)
    (site / "a.md").write_text(f"# Title {PAYLOADS[1]}\n\n{body}\n\n[click](javascript:alert(8))\n", encoding="utf-8")
    (site / "b.html").write_text(f"<html><head><title>{PAYLOADS[3]}</title></head><body><p>{claim}</p>"
                                 f"<p>{PAYLOADS[0]}</p><p onclick=\"alert(9)\">{claim}x</p><p>{PAYLOADS[4]}</p></body></html>",
                                 encoding="utf-8")
    (site / "c.txt").write_text(f"Title\n\n{claim}{PAYLOADS[2]}\n", encoding="utf-8")
    (site / "<img src=x onerror=alert(10)>.md").write_text(f"# T\n\n{claim}\n", encoding="utf-8")
    out = tmp_path / "report.html"
    run_cli("check", "--format", "html", "--output", str(out), str(site))
    page = out.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "script-src 'sha256-" in page
    dom = headless(browser, tmp_path / "profile", "--dump-dom", out.as_uri())
    assert dom.returncode == 0, dom.stderr
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(dom.stdout, "html.parser")
    assert len(soup.find_all("script")) == 1  # the report's own, nothing from an article
    for tag in soup.find_all(True):
        assert not [a for a in tag.attrs if a.lower().startswith("on")], (tag.name, tag.attrs)
        assert not str(tag.get("href", "")).strip().lower().startswith("javascript:"), tag
    assert not soup.find_all(["svg", "img", "iframe", "object", "embed"])
    text = soup.get_text()
    assert "alert(1)" in text and "onerror=alert(2)" in text  # shown as text, not dropped
    # An HTML article is shown as its text: its escaped payload reads as the text it stands for.
    page_b = next(s for s in soup.find_all("section", class_="article") if s.h2.get_text().endswith("b.html"))
    assert "<script>alert(5)</script>" in page_b.find("table", class_="src").get_text()


def test_the_content_security_policy_blocks_an_injected_script(tmp_path):
    browser = chromium()
    out = tmp_path / "report.html"
    run_cli("check", "--format", "html", "--output", str(out), str(EXAMPLES))
    page = out.read_text().replace("</body>", "<script>document.body.setAttribute('data-pwned', '1');</script></body>")
    injected = tmp_path / "injected.html"
    injected.write_text(page)
    dom = headless(browser, tmp_path / "profile", "--dump-dom", injected.as_uri()).stdout
    assert "data-pwned" not in dom.split("<script")[0]  # the policy stopped the script that was not the report's


# --- Issue 17, item 8: the report for an editor ---------------------------------------------------

# A stuffed page: later uses of the keyphrase (HL302) are phrases inside sentences; on line 12 one
# of them crosses the place list (HL321: "Austin, Round Rock, …"), so two marks overlap without
# nesting; on line 14 a phrase (HL213) sits inside a longer span (HL216) with the same start. The
# keyphrase stuffing (HL301, HL304) and the trust findings (HL601…) are about the whole page.
STUFFED_MD = """# Ketamine Treatment in Austin

Ketamine Treatment in Austin helps many people. Our team offers Ketamine Treatment in Austin
every day of the week, and we explain each step before you begin.

Choosing Ketamine Treatment in Austin means choosing a calm room and a careful team. Ask us
how Ketamine Treatment in Austin fits with the care you already have.

Call today to learn about Ketamine Treatment in Austin and the costs involved. Many patients
ask whether Ketamine Treatment in Austin is covered by insurance; we can check that for you.

We now offer Ketamine Treatment in Austin, Round Rock, Cedar Park, Georgetown and Kyle to adults.
Ketamine Treatment in Austin is for adults; Ketamine Treatment in Austin needs a referral.

Our nurses stay with you. In this blog post, we'll explain how the first visit works.
"""


# The same article as an HTML page: a head with a title, a meta description, a script and a style;
# a tag whose attributes run over two lines (one holds a '>'); entities and inline tags inside and
# before the findings' spans.
STUFFED_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ketamine Treatment in Austin</title>
  <meta name="description" content="HEADMARKER about ketamine">
  <script>var tracker = "SCRIPTMARKER <p>not text</p>";</script>
  <style>.x { content: "STYLEMARKER"; }</style>
</head>
<body>
<h1>Ketamine Treatment in Austin</h1>
<p>Ketamine Treatment in Austin helps many people. Our team offers Ketamine Treatment in Austin
every day of the week, and we explain each step before you begin.</p>
<p>Choosing Ketamine Treatment in Austin means choosing a calm room and a careful team. Ask us
how Ketamine Treatment in Austin fits with the care you already have.</p>
<p>Call today to learn about Ketamine Treatment in Austin and the costs involved. Many patients
ask whether Ketamine Treatment in Austin is covered by insurance; we can check that for you.</p>
<p class="lead"
   data-note="a > b">Fees &amp; times &mdash; we now offer <b>Ketamine Treatment</b> in Austin, Round Rock, Cedar Park, Georgetown and Kyle to adults. Ketamine Treatment in Austin is for adults.</p>
<p>Our nurses stay with you &amp; your family (x &lt; y). <em>In this blog post</em>, we&#39;ll explain how the first visit works.</p>
</body>
</html>
"""


CLEAN_MD = """# Sleep and your heart

Sleep helps the heart rest. Most adults need seven to nine hours a night, and a regular bedtime
makes that easier.
"""


MIXED_MD = """# Sleep and your heart

Sleep helps the heart rest. Most adults need seven to nine hours a night, and a regular bedtime
makes that easier. Our herbal tea is completely safe and has been proven to cure insomnia.
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _report(tmp_path: Path, site: Path) -> tuple[Path, dict]:
    """The HTML report of ``site`` through the CLI, and the JSON report of the same run."""
    out = tmp_path / "report.html"
    proc = run_cli("check", "--format", "html", "--output", str(out), str(site))
    assert proc.returncode in (0, 1) and out.is_file(), proc.stderr
    as_json = run_cli("check", "--format", "json", "--no-cache", str(site))
    import json

    return out, json.loads(as_json.stdout)


def _soup(text: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(text, "html.parser")


def _dom(browser: str, tmp_path: Path, page: Path, script: str | None = None, name: str = "profile"):
    """The page as Chromium builds it. With ``script``, a copy of the page without its
    Content-Security-Policy runs that script after the report's own (see test_summary_sorts_by_score)."""
    if script is not None:
        text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8"))
        page = page.with_name(page.stem + "-driven.html")
        page.write_text(text.replace("</body>", f"<script>{script}</script></body>"), encoding="utf-8")
    dom = headless(browser, tmp_path / name, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr
    return _soup(dom.stdout)


def _marked_text(soup, fid: str) -> str:
    """The text a finding's marks cover (a crossing span is split into several marks)."""
    return "".join(m.get_text() for m in soup.find_all("mark", attrs={"data-f": fid}))


def _span_text(lines: list[str], f: dict) -> str:
    """The source text from a finding's line/column to its end_line/end_column (one row per line)."""
    if f["line"] == f["end_line"]:
        return lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1]
    first = lines[f["line"] - 1][f["column"] - 1:]
    middle = lines[f["line"]:f["end_line"] - 1]
    return first + "".join(middle) + lines[f["end_line"] - 1][:f["end_column"] - 1]


def _row(soup, section_id: str, line: int):
    section = soup.find("section", id=section_id)
    for tr in section.select("table.src tr"):
        if tr.find("td", class_="ln").get_text() == str(line):
            return tr
    raise AssertionError(f"no row for line {line}")


def test_each_finding_highlights_exactly_its_span(tmp_path):
    # Item 8.1: the phrase from line/column to end_line/end_column, not the sentence or the line;
    # overlapping spans (nested or crossing) still give one correct highlight per finding.
    browser = chromium()
    site = _write(tmp_path / "site", {"stuffed.md": STUFFED_MD})
    out, data = _report(tmp_path, site)
    soup = _dom(browser, tmp_path, out)
    lines = STUFFED_MD.split("\n")
    findings = data["files"][0]["findings"]
    box = {li["data-f"] for li in soup.select("#a0 .page-findings li")}
    checked = 0
    for k, f in enumerate(findings):
        fid = f"0-{k}"
        if fid in box:
            assert not soup.find_all("mark", attrs={"data-f": fid})
            continue
        assert _marked_text(soup, fid) == _span_text(lines, f), f
        checked += 1
    assert checked >= 7
    by_rule = {f["rule"]: (f"0-{k}", f) for k, f in enumerate(findings)}
    # A phrase in a longer line is marked alone.
    fid, f = by_rule["HL213"]
    assert _marked_text(soup, fid) == "In this blog post, we'll" != lines[f["line"] - 1]
    assert soup.find("mark", attrs={"data-f": fid}).find_parent("mark")["data-rule"] == "HL216"  # nested
    # Line 12: 'Ketamine Treatment in Austin' (HL302) crosses 'Austin, Round Rock, ...' (HL321).
    row = _row(soup, "a0", 12)
    place = [m for m in row.find_all("mark") if m["data-rule"] == "HL321"]
    keyphrase = [m for m in row.find_all("mark") if m["data-rule"] == "HL302"]
    assert "".join(m.get_text() for m in keyphrase) == "Ketamine Treatment in Austin"
    assert "".join(m.get_text() for m in place) == "Austin, Round Rock, Cedar Park, Georgetown"
    assert len(place) == 2 and place[0].parent in keyphrase  # split where the crossing ends
    for mark in soup.find_all("mark"):  # the browser kept the marks where the report put them
        assert mark.parent.name == "mark" or "code" in mark.parent.get("class", [])
    assert row.find("td", class_="code").get_text() == lines[11]


def test_marks_stay_well_formed_for_any_overlap():
    # Item 8.1: whatever the spans, the marks nest properly and each covers exactly its columns.
    from html.parser import HTMLParser

    from hypothesis import given, strategies as st

    from healthlint.report.html import _mark_line

    class Pieces(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.open: list[str] = []
            self.text: dict[str, str] = {}
            self.plain = ""

        def handle_starttag(self, tag, attrs):
            assert tag == "mark"
            self.open.append(dict(attrs)["data-f"])

        def handle_endtag(self, tag):
            assert tag == "mark" and self.open
            self.open.pop()

        def handle_data(self, data):
            self.plain += data
            for fid in set(self.open):
                self.text[fid] = self.text.get(fid, "") + data

    @given(st.text(alphabet="ab <&\"'>\u202e", max_size=30),
           st.lists(st.tuples(st.integers(-2, 32), st.integers(-2, 32)), max_size=6))
    def check(text, raw):
        spans = [(s, e, f'<mark class="info" title="t" data-f="{i}">') for i, (s, e) in enumerate(raw)]
        parser = Pieces()
        parser.feed(_mark_line(text, spans))
        parser.close()
        assert not parser.open
        from healthlint.report import safe_text

        assert parser.plain == safe_text(text)
        for i, (s, e) in enumerate(raw):
            s, e = max(0, s), min(len(text), e)
            assert parser.text.get(str(i), "") == (safe_text(text[s:e]) if s < e else "")

    check()


def test_html_article_is_shown_as_its_text_on_its_source_lines(tmp_path):
    # Item 8.2: no markup, no head, script or style; each line where it is in the source; every
    # finding's highlight is the text its source span shows (entities decoded, inline tags gone).
    import html as htmllib

    browser = chromium()
    site = _write(tmp_path / "site", {"page.html": STUFFED_HTML})
    out, data = _report(tmp_path, site)
    soup = _dom(browser, tmp_path, out)
    section = soup.find("section", id="a0")
    rows = section.select("table.src tr")
    lines = STUFFED_HTML.split("\n")
    assert [int(tr.find("td", class_="ln").get_text()) for tr in rows] == list(range(1, len(lines) + 1))
    shown = "\n".join(tr.find("td", class_="code").get_text() for tr in rows)
    for hidden in ("SCRIPTMARKER", "STYLEMARKER", "HEADMARKER", "<meta", "<p", "<b>", "&amp;", "&#39;", "DOCTYPE", "data-note"):
        assert hidden not in shown, hidden
    assert all(not _row(soup, "a0", n).find("td", class_="code").get_text().strip() for n in range(1, 11))
    assert _row(soup, "a0", 11).find("td", class_="code").get_text() == "Ketamine Treatment in Austin"
    assert _row(soup, "a0", 19).find("td", class_="code").get_text().startswith(
        "Fees & times \u2014 we now offer Ketamine Treatment in Austin, Round Rock")
    assert "you & your family (x < y). In this blog post, we'll explain" in _row(soup, "a0", 20).get_text()
    findings = data["files"][0]["findings"]
    box = {li["data-f"] for li in section.select(".page-findings li")}
    checked = 0
    for k, f in enumerate(findings):
        if f"0-{k}" in box:
            continue
        if f["line"] <= 10:  # in the <head> (an SEO rule on the meta description): hidden markup, no mark
            continue
        source_span = _span_text(lines, f)
        expected = htmllib.unescape(re.sub(r"<[^>]*>", "", source_span))  # inline tags only here
        assert _marked_text(soup, f"0-{k}") == expected, f
        # its message sits at its own source line
        assert _row(soup, "a0", f["line"]).find("div", attrs={"data-f": f"0-{k}"}) is not None
        checked += 1
    assert checked >= 6
    assert any("</b>" in _span_text(lines, f) for f in findings)  # a span that crosses markup was checked
    assert _marked_text(soup, "0-" + str(next(k for k, f in enumerate(findings) if f["rule"] == "HL213"))) \
        == "In this blog post, we'll"


def test_a_finding_inside_hidden_markup_quotes_it(tmp_path):
    # Item 8.2: a span with nothing a reader sees (here the page's <title>) is not lost: its message
    # stays at its line and quotes the markup it points at.
    from types import SimpleNamespace

    from healthlint.engine import Report
    from healthlint.findings import FileResult
    from healthlint.report.html import render

    line = STUFFED_HTML.split("\n")[4]
    start = line.index("Ketamine")
    f = SimpleNamespace(rule="HL312", name="focus-keyphrase-title", category="stuffing", severity="warning",
                        line=5, column=start + 1, end_line=5, end_column=start + 29, message="In the title", whole=False)
    report = Report()
    report.files.append(FileResult(path="page.html", words=100, score=50, findings=[f], source=STUFFED_HTML))
    soup = _soup(render(report))
    assert soup.find("mark") is None and _row(soup, "a0", 5).find("td", class_="code").get_text() == ""
    note = _row(soup, "a0", 5).find("div", attrs={"data-rule": "HL312"})
    assert "(in the page's markup: Ketamine Treatment in Austin)" in note.get_text()


def test_summary_lists_worst_first_and_still_sorts_on_click(tmp_path):
    # Item 8.3: lowest score first by default (not the alphabetical order of the files); clicking
    # the Score header still sorts, ascending then descending.
    browser = chromium()
    site = _write(tmp_path / "site", {"a-clean.md": CLEAN_MD, "m-mixed.md": MIXED_MD, "z-stuffed.md": STUFFED_MD})
    out, data = _report(tmp_path, site)

    def scores(soup):
        return [int(td["data-v"]) for td in soup.select("#summary tbody td.score")]

    def names(soup):
        return [tr.find("a").get_text().rsplit("/", 1)[-1] for tr in soup.select("#summary tbody tr")]

    expected = sorted(f["score"] for f in data["files"])
    assert len(set(expected)) == 3
    first = _soup(out.read_text(encoding="utf-8"))
    assert scores(first) == expected and names(first) != sorted(names(first))
    assert names(first) == ["z-stuffed.md", "m-mixed.md", "a-clean.md"]
    shown = _dom(browser, tmp_path, out)
    assert scores(shown) == expected
    twice = _dom(browser, tmp_path, out, "var th = document.querySelectorAll('#summary th')[1]; th.click(); th.click();",
                 name="profile2")
    assert scores(twice) == sorted(expected, reverse=True)


def test_breakdown_counts_findings_by_category_and_severity(tmp_path):
    # Item 8.4: the table at the top, checked against the JSON report of the same files.
    site = _write(tmp_path / "site", {"a-clean.md": CLEAN_MD, "m-page.html": STUFFED_HTML, "z-stuffed.md": STUFFED_MD})
    out, data = _report(tmp_path, site)
    soup = _soup(out.read_text(encoding="utf-8"))
    table = soup.find("table", id="breakdown")
    assert table is not None and soup.find("table", id="summary").find_previous("table", id="breakdown") is table
    header = [th.get_text() for th in table.select("thead th")]
    assert header == ["Category", "error", "warning", "info", "total"]
    expected: dict[str, list[int]] = {}
    for fr in data["files"]:
        for f in fr["findings"]:
            row = expected.setdefault(f["category"], [0, 0, 0])
            row[["error", "warning", "info"].index(f["severity"])] += 1
    got = {}
    for tr in table.select("tbody tr"):
        cells = [td.get_text() for td in tr.find_all("td")]
        got[cells[0]] = [int(c) for c in cells[1:4]]
        assert int(cells[4]) == sum(got[cells[0]])
    assert got == expected and {"stuffing", "trust", "splice"} <= set(got)
    total = sum(len(fr["findings"]) for fr in data["files"])
    assert table.select("tfoot td")[-1].get_text() == str(total)
    options = [o["value"] for o in soup.select("#filter-rule option")]
    assert options[0] == "" and set(options[1:]) == {f["rule"] for fr in data["files"] for f in fr["findings"]}
    assert [o["value"] for o in soup.select("#filter-category option")][1:] == list(got)


# What the filter leaves visible, recorded by the test's script after each step (as data-seen-STEP):
# for every finding's message whether it is displayed, for every mark whether it is coloured, for
# every article whether it is displayed, and the page's count of findings shown.
RECORD = """
function record(step){
  var name = 'data-seen-' + step;
  document.querySelectorAll('.item, section.article').forEach(function(el){
    el.setAttribute(name, getComputedStyle(el).display === 'none' ? 'hidden' : 'shown'); });
  document.querySelectorAll('mark').forEach(function(el){
    el.setAttribute(name, getComputedStyle(el).backgroundColor === 'rgba(0, 0, 0, 0)' ? 'plain' : 'coloured'); });
  document.body.setAttribute(name, document.getElementById('filter-shown').textContent);
}
record('before');
var rule = document.getElementById('filter-rule');
rule.value = 'HL302'; rule.dispatchEvent(new Event('change'));
record('rule');
document.querySelector('button[data-pick-category="trust"]').click();
record('category');
"""


def test_filter_by_rule_and_by_category_hides_the_other_findings(tmp_path):
    # Item 8.4: choosing a rule in the menu, then clicking a category in the breakdown.
    browser = chromium()
    site = _write(tmp_path / "site", {"a-clean.md": CLEAN_MD, "z-stuffed.md": STUFFED_MD})
    out, data = _report(tmp_path, site)
    soup = _dom(browser, tmp_path, out, RECORD)
    items, marks = soup.select(".item"), soup.find_all("mark")
    sections = soup.select("section.article")
    findings = [f for fr in data["files"] for f in fr["findings"]]
    assert len(items) == len(findings) and soup.body["data-seen-before"] == f"{len(findings)} findings shown"
    assert {el["data-seen-before"] for el in items + sections} == {"shown"}
    assert {m["data-seen-before"] for m in marks} == {"coloured"}
    assert {el["data-rule"] for el in items} >= {"HL302", "HL321", "HL213", "HL601"}
    # By rule: only HL302's messages are left and only its marks coloured (the HL321 mark that
    # crosses one of them is not); the clean article, with no HL302 finding, is hidden.
    n302 = sum(f["rule"] == "HL302" for f in findings)
    assert n302 == 3 and soup.body["data-seen-rule"] == "3 findings shown"
    for el in items:
        assert el["data-seen-rule"] == ("shown" if el["data-rule"] == "HL302" else "hidden"), el
    for m in marks:
        assert m["data-seen-rule"] == ("coloured" if m["data-rule"] == "HL302" else "plain"), m
    assert [s["data-seen-rule"] for s in sections] == ["hidden", "shown"]
    # By category (a click on "trust" in the breakdown): the trust findings, in the page's box.
    trust = [el for el in items if el["data-cat"] == "trust"]
    assert trust and soup.find("select", id="filter-category")  # the menu the click set
    for el in items:
        assert el["data-seen-category"] == ("shown" if el["data-cat"] == "trust" else "hidden"), el
    assert all(el.find_parent("div", class_="page-findings") for el in trust)
    assert {m["data-seen-category"] for m in marks} == {"plain"}
    assert soup.body["data-seen-category"] == f"{len(trust)} findings shown"


def test_the_report_script_runs_under_its_content_security_policy(tmp_path):
    # Item 8.4: the filter is the report's own script, allowed by the policy's hash (so it runs in
    # the page as written, without the test's help); it shows the menus it hides from a page
    # without script.
    browser = chromium()
    site = _write(tmp_path / "site", {"z-stuffed.md": STUFFED_MD})
    out, _ = _report(tmp_path, site)
    page = out.read_text(encoding="utf-8")
    assert re.search(r'<form class="filters" id="filters" hidden>', page)
    assert "<script src" not in page and "<link" not in page and page.count("<script>") == 1
    soup = _dom(browser, tmp_path, out)
    form = soup.find("form", id="filters")
    assert form is not None and not form.has_attr("hidden")


def test_whole_article_findings_sit_in_a_box_at_the_top(tmp_path):
    # Item 8.5: findings about the whole page are listed once above the text, not beside line 1.
    browser = chromium()
    site = _write(tmp_path / "site", {"z-stuffed.md": STUFFED_MD})
    out, data = _report(tmp_path, site)
    soup = _dom(browser, tmp_path, out)
    section = soup.find("section", id="a0")
    box = section.find("div", class_="page-findings")
    assert box is not None and box.find_next("table", class_="src") is section.find("table", class_="src")
    in_box = [li["data-rule"] for li in box.find_all("li")]
    assert {"HL301", "HL304", "HL601", "HL602", "HL603"} <= set(in_box)
    for code in in_box:
        assert not section.select(f'td.msgs [data-rule="{code}"]') and not section.select(f'mark[data-rule="{code}"]')
    assert _row(soup, "a0", 1).find("td", class_="msgs").get_text() == ""
    assert _row(soup, "a0", 1).find("mark") is None
    # Span findings stay beside their lines.
    assert len(section.select('td.msgs [data-rule="HL302"]')) == 3


def test_a_finding_without_the_whole_flag_is_shown_at_its_span():
    # Item 8.5: a finding object that lacks ``whole`` (another producer) counts as a span finding.
    from types import SimpleNamespace

    from healthlint.engine import Report
    from healthlint.findings import FileResult
    from healthlint.report.html import render

    f = SimpleNamespace(rule="HL401", name="unsourced-efficacy-claim", category="claim", severity="warning",
                        line=2, column=5, end_line=2, end_column=10, message="Efficacy claim")
    report = Report()
    report.files.append(FileResult(path="x.md", words=3, score=50, findings=[f], source="# T\nThe cure works.\n"))
    soup = _soup(render(report))
    assert soup.find("div", class_="page-findings") is None
    assert soup.find("mark", attrs={"data-rule": "HL401"}).get_text() == "cure "
    assert _row(soup, "a0", 2).find("div", attrs={"data-rule": "HL401"}) is not None


def test_rule_codes_link_to_their_rule_pages(tmp_path, monkeypatch):
    # Item 8.6: a rule with a page is a link to it (in the box and beside the lines); a rule with no
    # page, or a URL that is not http(s) or file, is not.
    from healthlint.config import Config
    from healthlint.engine import Linter
    from healthlint.report import html as report_html

    pages = {"HL302": "file:///opt/docs/rules/HL302.md", "HL601": "https://example.org/rules/HL601.md?a=1&b=2",
             "HL321": "javascript:alert(1)"}
    monkeypatch.setattr(report_html, "rule_url", lambda code, base=None: pages.get(code))
    report = Linter(Config(), keep_source=True).lint_sources([("stuffed.md", STUFFED_MD, None)])
    soup = _soup(report_html.render(report))
    links = {a.get_text(): a["href"] for a in soup.select("a.rule")}
    assert links == {"HL302": pages["HL302"], "HL601": pages["HL601"]}
    assert len(soup.select('[data-rule="HL302"] a.rule')) == 3
    assert soup.select_one('.page-findings [data-rule="HL601"] a.rule')["href"] == pages["HL601"]
    for code in ("HL321", "HL213", "HL301"):
        item = soup.select_one(f'.item[data-rule="{code}"]')
        assert item.find("a") is None and item.find("b").get_text() == code


def test_rule_links_in_the_cli_report_are_rule_url(tmp_path):
    # Item 8.6 through the CLI: each code links to its rule's page, a file that exists where the
    # CLI is installed (a wheel's copy, or the checkout's docs/rules in a development install).
    from urllib.parse import unquote, urlparse

    site = _write(tmp_path / "site", {"z-stuffed.md": STUFFED_MD})
    out, data = _report(tmp_path, site)
    soup = _soup(out.read_text(encoding="utf-8"))
    items = soup.select(".item")
    assert len(items) == len(data["files"][0]["findings"])
    for item in items:
        link = item.find("a", class_="rule")
        assert link is not None, item["data-rule"]
        url = urlparse(link["href"])
        page = Path(unquote(url.path))
        assert url.scheme == "file" and page.name == f"{item['data-rule']}.md" and page.is_file()
