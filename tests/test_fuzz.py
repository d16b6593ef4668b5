"""Property-based tests (hypothesis): random text, Markdown and HTML never raise, and every finding
points inside the file (its line exists, its columns fit that line).

CI runs the quick profile; for a longer local run: HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py
"""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from healthlint.config import Config
from healthlint.engine import Linter

LINTER = Linter(Config())
LINES = re.compile(r"\r\n|\r|\n")

WORDS = ["sleep", "care", "Ketamine", "Austin", "proven", "miracle", "studies", "show", "relief", "within",
         "hours", "no", "side", "effects", "the", "a", "of", "Welcome", "to", "relie", "f", "[1]", "(Smith, 2020)",
         "60 / 100", "Read more", "café", "—", "“quoted”", "e.g.", "Dr.", "3.5", "&amp;", "<b>", "</b>"]
word = st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8))
sentence = st.lists(word, min_size=1, max_size=25).map(lambda ws: " ".join(ws) + "")
ending = st.sampled_from([".", "!", "?", "", ":", "...", ".\u00a0"])
newline = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\n\n\n"])


@st.composite
def plain_text(draw):
    parts = draw(st.lists(st.tuples(sentence, ending, newline), max_size=30))
    return "".join(s + e + n for s, e, n in parts)


@st.composite
def markdown(draw):
    out = []
    if draw(st.booleans()):
        out.append(draw(st.sampled_from(["---\ntitle: T\nauthor: Ann Lee\n---\n", "---\nbad: [yaml\n---\n", "---\n---\n"])))
    for _ in range(draw(st.integers(0, 20))):
        kind = draw(st.sampled_from(["h", "p", "li", "quote", "code", "table", "link", "html", "comment"]))
        s = draw(sentence) + draw(ending)
        out.append({
            "h": "#" * draw(st.integers(1, 6)) + " " + s,
            "p": s,
            "li": draw(st.sampled_from(["- ", "* ", "1. ", "  - "])) + s,
            "quote": "> " + s,
            "code": "```\n" + s + "\n```",
            "table": "| a | b |\n|---|---|\n| " + s + " | x |",
            "link": f"[{s}](https://example.org/x) and **{s}** `{s}`",
            "html": f"<div>{s}</div>",
            "comment": draw(st.sampled_from(["<!-- healthlint-disable -->", "<!-- healthlint-enable HL4 -->",
                                             "<!-- healthlint-disable-next-line HL1 -->", "<!--"])),
        }[kind])
        out.append(draw(newline))
    return "".join(out)


@st.composite
def html(draw):
    tags = ["p", "div", "li", "ul", "h1", "h2", "blockquote", "span", "b", "a href='https://x.org'", "script", "nav", "table", "td"]
    out = ["<html><head><title>", draw(sentence), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.sampled_from(tags))
        name = tag.split()[0]
        s = draw(sentence) + draw(ending)
        close = draw(st.booleans())
        out.append(f"<{tag}>{s}" + (f"</{name}>" if close else "") + draw(newline))
    if draw(st.booleans()):
        out.append("</body></html>")
    return "".join(out)


def check_positions(text: str, fmt: str) -> None:
    result = LINTER.lint_sources([(f"f.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[fmt]}", text, fmt)]).files[0]
    lines = LINES.split(text)
    for f in result.findings:
        assert 1 <= f.line <= len(lines), (f, len(lines))
        assert 1 <= f.end_line <= len(lines), f
        assert (f.end_line, f.end_column) >= (f.line, f.column), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, (f, lines[f.line - 1])
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, (f, lines[f.end_line - 1])
        assert f.category != "input" or f.rule in ("HL002", "HL003", "HL004", "HL006"), f


@given(plain_text())
def test_fuzz_plain_text(text):
    check_positions(text, "text")


@given(markdown())
def test_fuzz_markdown(text):
    check_positions(text, "markdown")


@given(html())
def test_fuzz_html(text):
    check_positions(text, "html")


@given(st.binary(max_size=2000))
def test_fuzz_bytes(data):
    result = LINTER.lint_bytes(data, "f.md")
    assert all(f.line >= 1 and f.column >= 1 for f in result.findings)


# --- issue 16: hostile text ------------------------------------------------------------------------

CONTROL = st.sampled_from(["\x1b[31m", "\x1b]0;title\x07", "\u009b", "\u202e", "\u2066", "\x00", "\x7f", "\u200f", "\x08"])
RUN = st.builds(lambda ch, n: ch * n, st.sampled_from(["a", " ", "-", ".", "word ", "é", "*", ">"]), st.integers(50, 3000))
NESTING = st.builds(lambda mark, n: mark * n + "This herbal formula flushes toxins.", st.sampled_from(["> ", "  - ", "- "]),
                    st.integers(1, 40))


@st.composite
def hostile_text(draw):
    parts = draw(st.lists(st.one_of(sentence, CONTROL, RUN, NESTING, newline), min_size=1, max_size=25))
    return "".join(parts)


@given(hostile_text(), st.sampled_from(["text", "markdown", "html"]))
def test_fuzz_hostile_text_never_raises_and_never_reaches_a_report_raw(text, fmt):
    check_positions(text, fmt)
    from healthlint.report import render

    result = LINTER.lint_sources([(f"f.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[fmt]}", text, fmt)])
    for out_fmt in ("text", "github"):
        out = render(result, out_fmt)
        assert not any(c in out for c in ("\x1b", "\u009b", "\u202e", "\u2066", "\x00", "\x07", "\x08"))
