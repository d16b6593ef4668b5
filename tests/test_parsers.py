"""Parsers keep every character's position in the original file."""

from __future__ import annotations

from healthlint.parsers import InputError, decode, parse_bytes, parse_text
from healthlint.document import split_sentences

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def spans(doc):
    out = []
    for b in doc.blocks:
        s, e = b.source_span()
        out.append((b.kind, b.text, doc.source[s:e]))
    return out


def pos_of(doc, block, needle):
    i = block.text.index(needle)
    return doc.position(block.offsets.source(i))


def where(src, line, needle):
    """1-based (line, column) of the first ``needle`` on the given source line."""
    return line, src.split("\n")[line - 1].index(needle) + 1


def test_markdown_blocks_and_positions():
    src = (
        "---\ntitle: Front title\nauthor: Jane Rivera\ndate: 2025-01-02\nkeyphrase: sleep apnea\n---\n\n"
        "# Title &amp; more\n\nPara **bold** [a link](https://x.org/a) and `code`.\nSecond line here.\n\n"
        "- item one\n  continues\n- item *two*\n\n> quoted text\n> more\n\n## Section\n\n"
        "| a | b |\n|---|---|\n| c | d |\n\n```\ncode block\n```\n"
    )
    doc = parse_text(src, "a.md")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["title", "paragraph", "list_item", "list_item", "blockquote", "heading"]
    assert doc.meta.title == "Front title" and doc.meta.author == "Jane Rivera"
    assert doc.meta.date == "2025-01-02" and doc.meta.keyphrase == "sleep apnea"
    assert doc.meta.links == ["https://x.org/a"]
    title, para, item1, item2, quote, heading = doc.blocks
    assert title.text == "Title & more"
    assert para.text == "Para bold a link and code. Second line here."
    assert pos_of(doc, para, "bold") == (10, 8)
    assert pos_of(doc, para, "link") == where(src, 10, "link") == (10, 18)
    assert pos_of(doc, para, "Second") == (11, 1)
    assert pos_of(doc, title, "more") == (8, 15)
    assert item1.text == "item one continues" and pos_of(doc, item1, "continues") == (14, 3)
    assert item2.text == "item two" and pos_of(doc, item2, "two") == (15, 9)
    assert quote.text == "quoted text more" and pos_of(doc, quote, "more") == (18, 3)
    assert heading.level == 2 and doc.position(heading.offsets.source(0)) == (20, 4)
    assert para.attrs["links"] == [(10, 16, "https://x.org/a")]
    assert para.text[10:16] == "a link"


def test_markdown_escapes_and_entities_map_back():
    src = "Price is 5\\* and &lt;b&gt; tag &mdash; fine.\n"
    doc = parse_text(src, "a.md")
    [b] = doc.blocks
    assert b.text == "Price is 5* and <b> tag — fine."
    assert pos_of(doc, b, "tag") == (1, 28)
    assert pos_of(doc, b, "fine") == (1, 40)


def test_crlf_and_cr_keep_lines():
    doc = parse_text("# T\r\n\r\nFirst para.\r\n\r\nSecond para here.\r\n", "a.md")
    assert doc.position(doc.blocks[2].offsets.source(0)) == (5, 1)
    doc = parse_text("# T\r\rFirst.\r\rSecond here.\r", "a.md")
    assert doc.position(doc.blocks[2].offsets.source(7)) == (5, 8)


def test_html_blocks_skip_chrome_and_keep_positions():
    src = (
        "<html><head><title>Page title</title>\n<meta name='description' content='About things'>\n"
        "<meta name='author' content='Sam Lee'>\n<style>p{}</style></head>\n<body>\n"
        "<header>Site name</header><nav><a href='/'>Home</a></nav>\n"
        "<h1>Big &amp; bold</h1>\n<p>First <b>para</b> here with <a href='https://ex.org'>link</a>.</p>\n"
        "<ul><li>One</li>\n<li>Two <i>items</i></li></ul>\n<div>Loose text in a div.</div>\n"
        "<script>var p = 'First para';</script>\n<footer>Copyright</footer>\n</body></html>\n"
    )
    doc = parse_text(src, "p.html")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "Big & bold"), ("paragraph", "First para here with link."),
        ("list_item", "One"), ("list_item", "Two items"), ("paragraph", "Loose text in a div."),
    ]
    assert doc.meta.title == "Page title" and doc.meta.description == "About things" and doc.meta.author == "Sam Lee"
    assert "https://ex.org" in doc.meta.links
    assert pos_of(doc, doc.blocks[0], "bold") == (7, 15)
    assert pos_of(doc, doc.blocks[1], "para") == where(src, 8, "para") == (8, 13)
    assert pos_of(doc, doc.blocks[1], "link") == where(src, 8, "link</a>")
    assert pos_of(doc, doc.blocks[3], "items") == where(src, 10, "items")
    assert pos_of(doc, doc.blocks[4], "div.") == where(src, 11, "div.")


def test_plain_text_scraped_page():
    src = (
        "Anxiety Care in Denver\nAnxiety is common and treatable for most people who seek help.\n"
        "What Is Anxiety?:\nIt is a response to stress that can last a long time.\n\n"
        "Treatment options\n\nTherapy and medicine both help. Many people use both together.\n"
        "- first bullet\n- second bullet\n"
    )
    doc = parse_text(src, "a.txt")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "Anxiety Care in Denver"),
        ("paragraph", "Anxiety is common and treatable for most people who seek help."),
        ("heading", "What Is Anxiety?:"),
        ("paragraph", "It is a response to stress that can last a long time."),
        ("heading", "Treatment options"),
        ("paragraph", "Therapy and medicine both help. Many people use both together."),
        ("list_item", "first bullet"), ("list_item", "second bullet"),
    ]
    assert pos_of(doc, doc.blocks[7], "second") == (10, 3)


def test_plain_text_hard_wrapped_paragraph_joins():
    src = "Title line\n\nThis paragraph is wrapped at a fixed width so\nthat it spans several lines of the\nfile without ending.\n"
    doc = parse_text(src, "a.txt")
    assert [b.kind for b in doc.blocks] == ["title", "paragraph"]
    assert doc.blocks[1].text.endswith("several lines of the file without ending.")
    assert pos_of(doc, doc.blocks[1], "file") == (5, 1)


def test_sentence_splitting():
    text = "Dr. Smith saw 3.5 times more cases, e.g. in the U.S. Army. Is it real? Yes! \"Quoted.\" Next one"
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["Dr. Smith saw 3.5 times more cases, e.g. in the U.S. Army.", "Is it real?", "Yes!", "\"Quoted.\"", "Next one"]


@pytest.mark.parametrize("data,expected,note", [
    (b"\xef\xbb\xbfHello", "Hello", None),
    ("Héllo".encode("utf-16"), "Héllo", None),
    ("Café".encode("cp1252"), "Café", "Windows-1252"),
    (b"plain", "plain", None),
])
def test_decode(data, expected, note):
    text, notes = decode(data)
    assert text == expected
    assert (note in notes[0]) if note else not notes


def test_binary_rejected():
    with pytest.raises(InputError, match="binary"):
        parse_bytes(b"abc\x00def", "x.md")


def test_invalid_front_matter_is_noted_and_body_still_parsed():
    doc = parse_text("---\ntitle: [unclosed\n---\n\n# Real\n\nBody text.\n", "a.md")
    assert doc.notes and "front matter" in doc.notes[0]
    assert [b.text for b in doc.blocks] == ["Real", "Body text."]


# --- issue 15: plain-text structure ----------------------------------------------------------------

def test_one_block_per_line_keeps_title_badge_date_and_byline_apart():
    src = ("Knee Pain Relief in Brookvale\nSEO score: 60 / 100\nFriday, 7 June 2024\nBy Maya Okafor\n"
           "Knee pain is common after forty, and most of it gets better with exercise and time.\n"
           "How Does It Work?\nStrong thigh muscles take weight off the joint, so the knee hurts less on stairs.\n")
    doc = parse_text(src, "a.txt")
    assert [(b.kind, sorted(k for k in b.attrs if k in ("badge", "date", "byline"))) for b in doc.blocks] == [
        ("title", []), ("paragraph", ["badge"]), ("paragraph", ["date"]), ("paragraph", ["byline"]),
        ("paragraph", []), ("heading", []), ("paragraph", []),
    ]


def test_a_date_line_is_never_the_title():
    doc = parse_text("Posted on March 3, 2024\nKnee Pain Relief\nKnee pain is common after forty, and most of it gets better.\n", "a.txt")
    assert [b.kind for b in doc.blocks[:2]] == ["paragraph", "title"]
    assert doc.blocks[0].attrs.get("date")


def test_two_line_groups_join_only_in_a_hard_wrapped_file():
    # One block per line: a long line and a short one are two blocks, not one wrapped paragraph.
    src = "Title\n\nThis first line of text is long enough to look like it was wrapped here\nand this one ends.\n"
    assert [b.kind for b in parse_text(src, "a.txt").blocks] == ["title", "paragraph", "paragraph"]
    wrapped = ("Title\n\nThis paragraph is wrapped at a fixed width so that it\nspans several lines of the file and every\n"
               "line but the last one is nearly as long as\nthe others are.\n\n"
               "A second paragraph is wrapped at the same width so\nit joins as well.\n")
    blocks = parse_text(wrapped, "a.txt").blocks
    assert [b.kind for b in blocks] == ["title", "paragraph", "paragraph"]
    assert blocks[2].text == "A second paragraph is wrapped at the same width so it joins as well."


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "Knee Pain Relief in Brookvale", "SEO score: 60 / 100", "Friday, 7 June 2024", "By Maya Okafor", "1,204 views",
    "How Does It Work?", "This line is long enough to look like part of a paragraph wrapped at a fixed width",
    "and a shorter end.", "- a bullet", "", "Dosage: take one tablet with water twice a day after meals"]), max_size=14))
def test_plain_text_offsets_survive_the_wrapping_decision(lines):
    src = "\n".join(lines) + "\n"
    doc = parse_text(src, "a.txt")
    for b in doc.blocks:
        for i, ch in enumerate(b.text):
            if ch != " ":
                assert src[b.offsets.source(i)] == ch, (b.text, i)


def test_utf32_with_bom_is_decoded_not_read_as_utf16():
    import codecs

    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")):
        text, notes = decode(bom + "# Hi\n\nSome text.\n".encode(enc))
        assert text == "# Hi\n\nSome text.\n" and notes == []
