"""Issue 18: the SEO rules (HL701-HL715) together: the document model they read (images, links,
slug, head), all of them on one page through the CLI, and the score they leave alone. Each rule's
own tests are in tests/kinds/test_seo_<check>.py (and test_internal_links.py for HL710), one
module per check kind."""

from __future__ import annotations

import json

from healthlint.parsers import parse_text

from helpers import run_cli
from seocase import BODY, LONG_TITLE, PASSIVE_BODY, html, md


# --- the document model ---------------------------------------------------------------------------

def test_model_markdown_images_links_slug():
    doc = parse_text(md("title: T\nslug: /health/sleep-apnea/\ntype: FAQ\nimage: {src: hero.png, alt: A bed}",
                        "# T\n\nSee ![a mask](mask.png) and [the NHS](https://www.nhs.uk/x) or [snoring](/snoring/).\n"),
                     "a.md")
    assert doc.meta.has_head and doc.slug == "sleep-apnea" and doc.meta.page_type == "FAQ"
    assert [(i.src, i.alt, i.where) for i in doc.images] == [("hero.png", "A bed", "head"), ("mask.png", "a mask", "body")]
    body = doc.images[1]
    assert doc.source[body.start:body.end] == "![a mask](mask.png)"
    assert [(link.href, link.text, link.external, link.relative) for link in doc.links] == [
        ("https://www.nhs.uk/x", "the NHS", True, False), ("/snoring/", "snoring", False, True)]

def test_model_html_head_canonical_images():
    doc = parse_text(html('<title>T</title><link rel="canonical" href="https://ex.org/a/sleep-apnea/">'
                          '<meta property="og:image" content="share.png">',
                          '<h1>T</h1><p>Hi <img src="a.png" alt="A bed"> <a href="/x">next</a></p><img src="b.png">'),
                     "a.html")
    assert doc.meta.has_head and doc.meta.canonical == "https://ex.org/a/sleep-apnea/" and doc.slug == "sleep-apnea"
    assert [(i.src, i.alt, i.where) for i in doc.images] == [("share.png", None, "head"), ("a.png", "A bed", "body"),
                                                             ("b.png", None, "body")]
    assert doc.source[doc.images[2].start:doc.images[2].end] == '<img src="b.png">'
    assert [(link.href, link.text) for link in doc.links] == [("/x", "next")]

def test_model_plain_text_has_no_head():
    doc = parse_text("Sleep apnea\n\n" + BODY + "\n", "a.txt")
    assert not doc.meta.has_head and doc.images == [] and doc.links == [] and doc.slug is None


# --- through the CLI, and the score -----------------------------------------------------------------------

def test_cli_seo_rules_on_html_page(tmp_path):
    page = tmp_path / "article-12.html"
    page.write_text(html(f"<title>{LONG_TITLE}</title>",
                         "<h1>A</h1><h1>B</h1><h2>C</h2><h4>D</h4><p>" + PASSIVE_BODY + "</p><img src='x.png'>"),
                    encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "HL7", "--format", "json", str(page))
    found = {f["rule"] for f in json.loads(proc.stdout)["files"][0]["findings"]}
    assert {"HL701", "HL702", "HL705", "HL706", "HL707", "HL711", "HL715"} <= found
    assert all(f["category"] == "seo" for f in json.loads(proc.stdout)["files"][0]["findings"])

def test_seo_findings_leave_the_score_alone():
    from healthlint import lint_text

    bad = lint_text(html(f"<title>{LONG_TITLE}</title>", "<h1>A</h1><h1>B</h1><p>Text.</p><img src='x.png'>"), "html")
    assert any(f.category == "seo" for f in bad.findings)
    seo_free = [f for f in bad.findings if f.category != "seo"]
    from healthlint.findings import score

    assert bad.score == score(seo_free, bad.words)
