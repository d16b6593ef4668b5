"""Issue 18: the SEO rules (HL701-HL715), each with a true positive and a true negative, in
Markdown and HTML where the format has the field, plain text where it must stay quiet; a few
through the real CLI. Fixtures are written inline by the team."""

from __future__ import annotations

import json

import pytest

from healthlint.checks.seo import passive, title_pixels
from healthlint.parsers import parse_text
from healthlint.textsim import words

from helpers import lint, run_cli

GOOD_DESC = ("What sleep apnea is, how it is diagnosed with a sleep study, and which treatments help "
             "adults who snore and feel tired during the day.")
BODY = "Sleep apnea makes breathing stop and start during sleep. A doctor can arrange a sleep study."


def md(front: str = "", body: str = "# Sleep apnea\n\n" + BODY + "\n") -> str:
    return (f"---\n{front}\n---\n" if front else "") + body


def html(head: str = "", body: str = "<h1>Sleep apnea</h1><p>" + BODY + "</p>") -> str:
    head_part = f"<head>{head}</head>" if head is not None else ""
    return f"<html>{head_part}<body>{body}</body></html>"


def codes(text: str, code: str, fmt: str = "markdown", config: dict | None = None) -> list:
    return [f for f in lint(text, [code], fmt, config) if f.rule == code]


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


# --- HL701 title length -------------------------------------------------------------------------------

LONG_TITLE = "Obstructive sleep apnea in adults: symptoms, causes, tests, treatment options and outlook"


def test_title_pixels_weights_wide_letters():
    assert title_pixels("W" * 10) > 3 * title_pixels("i" * 10)
    assert 250 < title_pixels("Sleep apnea in adults: symptoms and treatment") < 450


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", md(f'title: "{LONG_TITLE}"'), md('title: "Sleep apnea in adults"')),
    ("html", html(f"<title>{LONG_TITLE}</title>"), html("<title>Sleep apnea in adults</title>")),
])
def test_hl701_title_too_long(fmt, bad, good):
    [f] = codes(bad, "HL701", fmt)
    assert "characters" in f.message and "px" in f.message
    assert codes(good, "HL701", fmt) == []


def test_hl701_pixels_alone_can_exceed():
    wide = "WWWW MMMM WWWW MMMM WWWW MMMM WWWW MMMM"  # 39 characters, far wider than 580 px
    assert len(wide) < 60 and codes(md(f"title: {wide}"), "HL701")


def test_hl701_quiet_on_plain_text_first_line():
    assert codes(LONG_TITLE + "\n\n" + BODY + "\n", "HL701", "text") == []


# --- HL702, HL703, HL704 meta description -------------------------------------------------------------

@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", md("title: Sleep apnea"), md(f"title: Sleep apnea\ndescription: {GOOD_DESC}")),
    ("html", html("<title>Sleep apnea</title>"), html(f'<title>Sleep apnea</title><meta name="description" content="{GOOD_DESC}">')),
])
def test_hl702_description_missing(fmt, bad, good):
    assert len(codes(bad, "HL702", fmt)) == 1
    assert codes(good, "HL702", fmt) == []


@pytest.mark.parametrize("text,fmt", [
    (md(), "markdown"),  # no front matter: nowhere to declare one
    (html(None), "html"),  # no head
    ("Sleep apnea\n\n" + BODY + "\n", "text"),
])
def test_hl702_quiet_without_head(text, fmt):
    assert codes(text, "HL702", fmt) == []


@pytest.mark.parametrize("fmt,make", [
    ("markdown", lambda d: md(f"description: {d}")),
    ("html", lambda d: html(f'<meta name="description" content="{d}">')),
])
def test_hl703_description_length(fmt, make):
    [short] = codes(make("All about sleep apnea."), "HL703", fmt)
    assert "22 characters, shorter than 120" in short.message
    [long] = codes(make(GOOD_DESC + " It also covers snoring in children."), "HL703", fmt)
    assert "longer than 156" in long.message
    assert codes(make(GOOD_DESC), "HL703", fmt) == []


def test_hl703_points_at_the_description():
    [f] = codes(md("title: T\ndescription: Short."), "HL703")
    assert f.line == 3


@pytest.mark.parametrize("fmt,make", [
    ("markdown", lambda d: md(f"keyphrase: sleep apnea\ndescription: {d}")),
    ("html", lambda d: html(f'<meta name="description" content="{d}">')),
])
def test_hl704_keyphrase_in_description(fmt, make):
    config = {"keyphrase": "sleep apnea"}
    assert len(codes(make("Why some adults snore loudly and feel tired during the day."), "HL704", fmt, config)) == 1
    assert codes(make(GOOD_DESC), "HL704", fmt, config) == []
    assert codes(md("description: Why some adults snore."), "HL704") == []  # no keyphrase declared


# --- HL705, HL706 headings --------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", "# A\n\nText here.\n\n# B\n\nMore text.\n", "# A\n\nText here.\n\n## B\n\nMore text.\n"),
    ("html", html("", "<h1>A</h1><p>Text here.</p><h1>B</h1><p>More.</p>"),
     html("", "<h1>A</h1><p>Text here.</p><h2>B</h2><p>More.</p>")),
])
def test_hl705_two_h1(fmt, bad, good):
    [f] = codes(bad, "HL705", fmt)
    assert "2 level-1 headings" in f.message
    assert codes(good, "HL705", fmt) == []


def test_hl705_no_h1():
    assert "no level-1 heading" in codes(html("", "<h2>A</h2><p>Text here.</p>"), "HL705", "html")[0].message
    assert codes(md("title: Sleep apnea", "## Signs\n\nText here.\n"), "HL705") == []  # the template shows the title
    assert codes("Sleep apnea\n\nText here.\n\nSigns\n\nMore text.\n", "HL705", "text") == []


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", "# A\n\n## B\n\n#### C\n\nText.\n", "# A\n\n## B\n\n### C\n\nText.\n\n## D\n\nText.\n"),
    ("html", html("", "<h1>A</h1><h2>B</h2><h4>C</h4><p>Text.</p>"),
     html("", "<h1>A</h1><h2>B</h2><h3>C</h3><p>Text.</p><h2>D</h2>")),
])
def test_hl706_skipped_level(fmt, bad, good):
    [f] = codes(bad, "HL706", fmt)
    assert f.message.startswith("Heading level 4 follows level 2")
    assert codes(good, "HL706", fmt) == []


# --- HL707, HL708 images ------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", "# A\n\nText.\n\n![](mask.png)\n", "# A\n\nText.\n\n![A nasal mask](mask.png)\n"),
    ("html", html("", '<h1>A</h1><p>Text.</p><img src="mask.png">'),
     html("", '<h1>A</h1><p>Text.</p><img src="mask.png" alt="A nasal mask">')),
])
def test_hl707_missing_alt(fmt, bad, good):
    [f] = codes(bad, "HL707", fmt)
    assert f.line == (5 if fmt == "markdown" else 1) and "mask.png" in f.message
    assert codes(good, "HL707", fmt) == []


def test_hl707_empty_alt_and_head_images():
    assert codes(html("", '<p>Text.</p><img src="a.png" alt="">'), "HL707", "html")
    assert codes(md("image: hero.png"), "HL707") == []  # a featured image is not in the text


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", "# A\n\nText.\n\n![A man asleep](bed.png)\n", "# A\n\nText.\n\n![A man with sleep apnea asleep](bed.png)\n"),
    ("html", html("", '<p>Text.</p><img src="bed.png" alt="A man asleep">'),
     html("", '<p>Text.</p><img src="bed.png" alt="A man with sleep apnea asleep">')),
])
def test_hl708_keyphrase_in_alt(fmt, bad, good):
    config = {"keyphrase": "sleep apnea"}
    assert len(codes(bad, "HL708", fmt, config)) == 1
    assert codes(good, "HL708", fmt, config) == []
    assert codes(bad, "HL708", fmt) == []  # no keyphrase declared


# --- HL709, HL710 links --------------------------------------------------------------------------------

REFS_MD = "# A\n\nText.\n\n## References\n\n1. Smith J. Sleep apnea in adults. Sleep Med Rev. 2021;12:34-40.\n"


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", REFS_MD, REFS_MD.replace("Sleep apnea in adults", "[Sleep apnea in adults](https://example.org/r)")),
    ("html", html("", "<h1>A</h1><p>Text, according to a 2021 study in JAMA.</p><p>More, see <a href='/about'>us</a>.</p>"),
     html("", "<h1>A</h1><p>Text, according to a <a href='https://example.org/s'>2021 study in JAMA</a>.</p>")),
])
def test_hl709_no_outbound_links(fmt, bad, good):
    assert len(codes(bad, "HL709", fmt)) == 1
    assert codes(good, "HL709", fmt) == []


def test_hl709_leaves_unsourced_pages_to_hl603_and_text_alone():
    assert codes("# A\n\nText without any source.\n", "HL709") == []
    assert codes("A\n\n" + REFS_MD[4:], "HL709", "text") == []
    assert codes("# A\n\nText without any source.\n", "HL709", config={"rules": {"HL709": {"params": {"skip_unsourced": False}}}})


def test_hl709_own_host_is_not_outbound():
    page = md("canonical: https://www.clinic.org/sleep/", REFS_MD.replace("Sleep apnea in adults", "[Sleep apnea](https://clinic.org/b)"))
    assert len(codes(page, "HL709")) == 1


def _site(tmp_path, pages: dict[str, str]) -> list[str]:
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / n) for n in pages]


LONG = " ".join(["Sleep apnea makes breathing stop and start during sleep."] * 4)


def test_hl710_internal_links_through_cli(tmp_path):
    _site(tmp_path, {
        "a.md": f"# A\n\n{LONG} See [snoring](b.md).\n",
        "b.md": f"# B\n\n{LONG}\n",
        "c.html": f"<html><head><link rel='canonical' href='https://site.org/c'></head><body><p>{LONG} "
                  "<a href='https://site.org/a'>apnea</a></p></body></html>",
        "d.html": f"<html><body><p>{LONG} <a href='https://other.org/a'>apnea</a></p></body></html>",
        "e.txt": f"E\n\n{LONG}\n",
    })
    proc = run_cli("check", "--no-cache", "--select", "HL710", "--format", "json", str(tmp_path))
    report = json.loads(proc.stdout)
    flagged = sorted(f["path"].rsplit("/", 1)[-1] for f in report["files"] if f["findings"])
    assert flagged == ["b.md", "d.html"]


def test_hl710_single_file_is_not_a_site(tmp_path):
    [path] = _site(tmp_path, {"a.md": f"# A\n\n{LONG}\n"})
    proc = run_cli("check", "--no-cache", "--select", "HL710", path)
    assert proc.returncode == 0 and b"HL710" not in proc.stdout


# --- HL711 text length -----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,short", [
    ("markdown", "# A\n\n" + BODY + "\n"),
    ("html", html("", "<h1>A</h1><p>" + BODY + "</p>")),
    ("text", "A\n\n" + BODY + "\n"),
])
def test_hl711_short_text(fmt, short):
    [f] = codes(short, "HL711", fmt)
    assert "fewer than 300" in f.message
    long = short.replace(BODY, " ".join([BODY] * 20))
    assert codes(long, "HL711", fmt) == []


def test_hl711_exempt_page_type_and_min_words():
    assert codes(md("type: faq"), "HL711") == []
    assert codes(md("type: article"), "HL711")
    assert codes(md(), "HL711", config={"rules": {"HL711": {"params": {"min_words": 10}}}}) == []


# --- HL712, HL713, HL714 keyphrase --------------------------------------------------------------------

@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", md("keyphrase: sleep apnea\nslug: /health/article-12/"), md("keyphrase: sleep apnea\nslug: /health/sleep-apnea/")),
    ("html", html('<link rel="canonical" href="https://ex.org/health/article-12">'),
     html('<link rel="canonical" href="https://ex.org/health/sleep-apnea">')),
])
def test_hl712_keyphrase_in_slug(fmt, bad, good):
    config = {"keyphrase": "sleep apnea"}
    assert len(codes(bad, "HL712", fmt, config)) == 1
    assert codes(good, "HL712", fmt, config) == []


def test_hl712_file_name_counts_through_cli(tmp_path):
    (tmp_path / "sleep-apneas.md").write_text(md("keyphrase: sleep apnea"), encoding="utf-8")
    (tmp_path / "article-12.md").write_text(md("keyphrase: sleep apnea"), encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "HL712", str(tmp_path))
    out = proc.stdout.decode()
    assert "article-12.md:2:1: HL712" in out and "sleep-apneas.md:" not in out


def test_hl713_keyphrase_length():
    [f] = codes(md("keyphrase: best natural home remedies for obstructive sleep apnea"), "HL713")
    assert "7 content words" in f.message and f.line == 2
    assert codes(md("keyphrase: treatment of sleep apnea"), "HL713") == []  # "of" is not a content word
    assert codes("<p>x</p>", "HL713", "html", {"keyphrase": "a b c d e f"})  # the config's keyphrase


@pytest.mark.parametrize("fmt,bad,good", [
    ("markdown", "# A\n\nRead more about [sleep apneas](https://ex.org/a).\n", "# A\n\nRead how [a sleep study works](https://ex.org/a).\n"),
    ("html", html("", "<p>Read more about <a href='https://ex.org/a'>Sleep Apnea</a>.</p>"),
     html("", "<p>Read about <a href='https://ex.org/a'>treating sleep apnea at home</a>.</p>")),
])
def test_hl714_keyphrase_as_anchor(fmt, bad, good):
    config = {"keyphrase": "sleep apnea"}
    [f] = codes(bad, "HL714", fmt, config)
    assert "apnea" in f.message.lower()
    assert codes(good, "HL714", fmt, config) == []


# --- HL715 passive voice ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("The test is done at night.", True),
    ("Your breathing is recorded by a machine.", True),
    ("The drug was not approved for children.", True),
    ("It is often caused by a blocked airway.", True),
    ("This medicine is used to treat high blood pressure.", True),
    ("It's given as an injection.", True),
    ("Many people are tired during the day.", False),
    ("You are supposed to rest.", False),
    ("She was very worried about the result.", False),
    ("The nurse checked the results.", False),
    ("Sleep apnea is a common condition.", False),
    ("People who are interested can join a trial.", False),
])
def test_passive_detection(sentence, expected):
    from healthlint.checks.seo import _split_be

    assert passive(_split_be([w for w in words(sentence)])) is expected


PASSIVE_BODY = ("The test is done at night. Sensors are placed on your chest. Your breathing is recorded by a "
                "machine. The results are checked by a doctor. You go home in the morning.")
ACTIVE_BODY = ("A nurse runs the test at night. She puts sensors on your chest. A machine records your breathing. "
               "A doctor checks the results. You go home in the morning.")


@pytest.mark.parametrize("fmt,wrap", [
    ("markdown", lambda b: f"# Sleep studies\n\n{b}\n"),
    ("html", lambda b: html("", f"<h1>Sleep studies</h1><p>{b}</p>")),
    ("text", lambda b: f"Sleep studies\n\n{b}\n"),
])
def test_hl715_passive_share(fmt, wrap):
    [f] = codes(wrap(PASSIVE_BODY), "HL715", fmt)
    assert f.severity == "info" and f.message.startswith("80% of the sentences (4 of 5)")
    assert codes(wrap(ACTIVE_BODY), "HL715", fmt) == []


def test_hl715_short_texts_not_checked():
    assert codes("# A\n\nThe test is done at night. It is checked.\n", "HL715") == []


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
