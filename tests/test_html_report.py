"""The HTML report, rendered in headless Chromium: highlights present, sortable summary, screenshot."""

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
                                 f"<p>{PAYLOADS[0]}</p><p onclick=\"alert(9)\">{claim}x</p></body></html>", encoding="utf-8")
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


def test_the_content_security_policy_blocks_an_injected_script(tmp_path):
    browser = chromium()
    out = tmp_path / "report.html"
    run_cli("check", "--format", "html", "--output", str(out), str(EXAMPLES))
    page = out.read_text().replace("</body>", "<script>document.body.setAttribute('data-pwned', '1');</script></body>")
    injected = tmp_path / "injected.html"
    injected.write_text(page)
    dom = headless(browser, tmp_path / "profile", "--dump-dom", injected.as_uri()).stdout
    assert "data-pwned" not in dom.split("<script")[0]  # the policy stopped the script that was not the report's
