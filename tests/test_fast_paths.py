"""The speed-ups that change how a pattern is matched must not change what it matches.

* :class:`healthlint.lexicon.Lexicon` drops a leading ``\\b`` from its patterns and checks the word
  boundary itself; its matches must equal the plain regex's on any text.
* :mod:`healthlint.promo` finds each signal only where one of its first words starts; the result
  must equal searching the whole text with the same patterns behind ``\\b``.
"""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given, strategies as st

from healthlint import lexicon, promo
from healthlint.lexicon import Lexicon, leading_boundary, skips_ahead, without_lookarounds
from healthlint.rules import builtin_rules_dir

# Every shipped pattern list whose patterns all start with \b (the lists the fast path serves).
LISTS = []
for f in sorted(builtin_rules_dir().glob("*/*.yaml")):
    for key, value in (yaml.safe_load(f.read_text(encoding="utf-8")).get("params") or {}).items():
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value) and all(leading_boundary(v) for v in value):
            LISTS.append(value)

PIECES = ["studies", "show", "proven", "clinically", "guaranteed", "miracle", "cure", "no side effects", "safe",
          "effective", "100%", "cures", "our", "clinic", "we", "offer", "call", "us", "today", "book", "a", "free",
          "consultation", "$", "299", "555-123-4567", "(555) 123 4567", "x", "-", "'", "’", "_", ".", ",", "\n",
          "unproven", "yourclinic", "weoffer", "re-", "İ", "ß", "100 %", "effective.", "insurance", "accepted"]
text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map(
    lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts)))


def test_shipped_rules_use_the_fast_path_where_it_is_faster():
    assert len(LISTS) >= 10
    bare = [Lexicon(lst).bare for lst in LISTS]
    assert sum(bare) >= 3  # lists whose patterns start with a literal letter
    assert not all(bare)  # lists that open with a group of words keep their \b


def test_bare_patterns_only_when_the_engine_can_skip_ahead():
    assert skips_ahead("(?:studies\\s+show)|(?:miracle)", 0)
    assert skips_ahead("(?:has|have|had)\\s+been", 0)  # re factors the common "ha"
    assert not skips_ahead("(?:(?:highly|very)\\s+effective)|(?:miracle)", 0)
    assert not skips_ahead("\\w+\\s+cure", 0)
    assert Lexicon([r"\bmiracle\b", r"\bstudies show\b"]).bare
    assert Lexicon([r"\b(?:highly|very)\s+effective\b", r"\bmiracle\b"]).bare is False


def test_leading_boundary_only_for_the_whole_pattern():
    assert leading_boundary(r"\bstudies\s+show")
    assert leading_boundary(r"\b(?:a|b)c")
    assert not leading_boundary(r"\ba|b")  # the \b belongs to the first branch only
    assert not leading_boundary(r"studies\b")
    assert not leading_boundary(r"\\bx")  # a literal backslash


def _forced_bare(patterns: list) -> Lexicon:
    """A Lexicon on the bare-pattern path even where it would not choose it (to test that path)."""
    original = lexicon.skips_ahead
    lexicon.skips_ahead = lambda pattern, flags: True
    try:
        lex = Lexicon(patterns)
    finally:
        lexicon.skips_ahead = original
    assert lex.bare
    return lex


@given(text)
def test_lexicon_matches_equal_the_plain_regex(t):
    lists = LISTS + [[r"\bx", r"\b-", r"\b\d+"], [r"\b(?:a|an)\s+\w+"]]
    for lex in [Lexicon(lst) for lst in lists] + [_forced_bare(lst) for lst in lists]:
        plain = re.compile(lex.regex.pattern, re.IGNORECASE)
        low = t.lower()
        target = low if len(low) == len(t) else t
        rx = lex.regex if len(low) == len(t) else plain
        assert [m.span() for m in lex.finditer(t)] == [m.span() for m in rx.finditer(target)]
        ours, theirs = lex.search(t), rx.search(target)
        assert (ours and ours.span()) == (theirs and theirs.span())


def _reference_signals(text: str) -> set[str]:
    low = text.lower()
    found = {name for name, (_, rx) in promo.SIGNALS.items() if re.search(r"\b(?:" + rx.pattern + ")", low)}
    if re.search(r"[$€£₹]\s?\d|(?<![^\W\d_])(?:rs|inr)\.?\s?\d|\b\d{1,2}\s?%\s+off\b", low):
        found.add("price")
    if re.search(r"\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b", low):
        found.add("phone")
    if promo._LOCAL.search(text):
        found.add("local")
    stems = promo._sales_stems(low)  # tested on its own below
    if stems >= promo.REGISTER_MIN:
        found.add("register")
    if stems >= promo.REGISTER_STRONG:
        found.add("register-strong")
    return found


class _Doc:
    def __init__(self, t: str):
        from healthlint.document import Analyses

        self.blocks = [type("B", (), {"text": t})()]
        self.analyses = Analyses()
        self.subject = None  # no title: the local-title signal is tested in test_real_page_claims.py


@given(text)
def test_promotion_signals_equal_a_whole_text_search(t):
    assert promo.promotion_signals(_Doc(t)) == _reference_signals(t)


def test_sales_stems_count_different_words_of_sales_copy():
    assert promo._sales_stems("a seamless, seamlessly (seamless) result.") == 1
    assert promo._sales_stems("radiant smiles, renewed confidence, a flawless and top-notch finish!") == 6
    assert promo._sales_stems("the test is simple and quick") == 0


def test_promotion_signals_on_written_cases():
    cases = {
        "We offer ketamine infusions. Call us today!": {"voice", "call"},
        "Your doctor can help. Yourclinic team.": set(),
        "Book a free consultation for $99 at 555-123-4567.": {"call", "price", "phone"},
        "A clinically proven, life-changing approach.": {"hype"},
        "Save 20% off this month": {"price"},
        "Call 1-800-555-0199 for the national helpline": {"phone"},
    }
    for t, expected in cases.items():
        assert promo.promotion_signals(_Doc(t)) == expected, t


def _naive_ngrams(sentences, min_n, max_n, min_count):
    from collections import Counter

    from healthlint.phrases import FUNCTION_WORDS

    counts = Counter(tuple(s[i : i + n]) for s in sentences for n in range(min_n, max_n + 1) for i in range(len(s) - n + 1))
    return {g: c for g, c in counts.items()
            if c >= min_count and g[0] not in FUNCTION_WORDS and not g[0].isdigit() and g[-1] not in FUNCTION_WORDS}


@given(st.lists(st.lists(st.sampled_from(["pain", "relief", "the", "of", "austin", "clinic", "2", "in", "care"]), max_size=12), max_size=12),
       st.integers(2, 4), st.integers(0, 3), st.integers(2, 4))
def test_ngram_counts_equal_a_naive_count(sentences, min_n, extra, min_count):
    from healthlint.phrases import _count_ngrams

    max_n = min_n + extra
    assert dict(_count_ngrams(sentences, min_n, max_n, min_count)) == _naive_ngrams(sentences, min_n, max_n, min_count)


CLAIM_PIECES = PIECES + ["studies show", "has been shown to", "works within hours", "without side effects", "Austin",
                         "Dallas", "Houston", "Waco", "serving", "patients from", "Read more", "Comments", "60 / 100",
                         "we", "our clinic", "risk-free", "FDA-approved", "cures", "detox", "boosts immunity"]
article = st.lists(st.lists(st.sampled_from(CLAIM_PIECES), min_size=1, max_size=30).map(" ".join), min_size=1, max_size=8).map(
    lambda paras: "# Title\n\n" + "\n\n".join(p + "." for p in paras) + "\n")


@given(article)
def test_whole_article_gate_never_hides_a_finding(text):
    from healthlint.config import Config
    from healthlint.engine import Linter

    linter = Linter(Config())
    gated = linter.lint_text(text, "a.md")
    original = Lexicon.block_spans
    Lexicon.block_spans = lambda self, doc, body_only=True: None  # every unit searched
    try:
        ungated = linter.lint_text(text, "a.md")
    finally:
        Lexicon.block_spans = original
    assert [f.to_dict() for f in gated.findings] == [f.to_dict() for f in ungated.findings]


@given(st.lists(st.sampled_from(["a", "b", "|", "(", ")", "(?:", "[", "]", "[^", "\\\\", "\\\\|", "\\\\b", "x", "\\\\s+", "?"]), max_size=12).map("".join))
def test_leading_boundary_scanner_agrees_with_the_regex_parser(body):
    import re
    from re import _parser as sre_parse  # the reference: Python's own parser

    import warnings

    pattern = "\\b" + body
    try:
        with warnings.catch_warnings():  # "[[" draws a FutureWarning about set syntax
            warnings.simplefilter("ignore", FutureWarning)
            items = sre_parse.parse(pattern).data
            re.compile(pattern)
    except (re.error, RecursionError):
        return  # not a valid pattern: validation rejects it before a Lexicon is built
    expected = bool(items) and items[0] == (sre_parse.AT, sre_parse.AT_BOUNDARY)
    assert leading_boundary(pattern) == expected, pattern


SPAN_PATTERNS = [r"\bstudies show\b", r"works\W+studies", r"show\s+it", r"\bcure[sd]?\b", r"it\b.{0,12}hours",
                 r"\bhours\. \w+", r"s\W", r"[a-z]+ing\b", r"\bno\b|\bnot\b", r"Austin,? [A-Z]\w+"]
SPAN_WORDS = ["studies", "show", "it", "works", "within", "hours", "cures", "no", "Austin", "Dallas", "healing", "."]


@given(st.lists(st.sampled_from(SPAN_PATTERNS), min_size=1, max_size=3),
       st.lists(st.lists(st.sampled_from(SPAN_WORDS), min_size=1, max_size=25).map(" ".join), min_size=1, max_size=5),
       st.booleans())
def test_block_spans_cover_every_unit_match(patterns, paragraphs, ignore_case):
    """Lexicon.block_spans may only skip a sentence or block that has no match of its own."""
    from healthlint.checks.base import touched
    from healthlint.parsers import parse_text

    doc = parse_text("# Title\n\n" + "\n\n".join(paragraphs) + "\n", "a.md")
    lexicon = Lexicon(patterns, ignore_case)
    for body_only in (True, False):
        spans = lexicon.block_spans(doc, body_only)
        if spans is None:
            continue
        for b in (doc.body if body_only else doc.blocks):
            if lexicon.search(b.text):
                assert touched(spans, b.index, 0, len(b.text)), (patterns, b.text)
            for s in b.sentences:
                if lexicon.search(s.text):
                    assert touched(spans, b.index, s.start, s.end), (patterns, s.text)


MD_PIECES = ["Sleep", "apnea", "is", "common", "&amp;", "\\*", "*em*", "**strong**", "`code`", "[link](https://a.b)",
             "  ", "\t", "café", "—", "<b>", "2.5", "#", "-", ">", "1.", "\\", "&#169;", "x_y"]
md_line = st.lists(st.sampled_from(MD_PIECES), min_size=1, max_size=12).map(" ".join)
md_block = st.tuples(st.sampled_from(["", "- ", "> ", "## ", "1. ", "   ", "  - "]), md_line).map("".join)
markdown_text = st.lists(md_block, min_size=1, max_size=8).map(lambda bs: "---\ntitle: T\n---\n\n" + "\n\n".join(bs) + "\n")


@given(markdown_text)
def test_markdown_plain_line_fast_path_maps_like_the_general_path(text):
    from healthlint.parsers import markdown

    def mapped(doc):
        return [(b.kind, b.text, [b.offsets.source(i) for i in range(len(b.text))]) for b in doc.blocks]

    fast = mapped(markdown.parse(text, "a.md"))
    original = markdown.maps_one_to_one
    markdown.maps_one_to_one = lambda raw: False
    try:
        general = mapped(markdown.parse(text, "a.md"))
    finally:
        markdown.maps_one_to_one = original
    assert fast == general


def test_required_literals_of_written_patterns():
    from healthlint.lexicon import required_literals

    assert required_literals(r"\bstudies\s+show\b", 0) == ("studies",)
    assert required_literals(r"a*bc", 0) == ("bc",)
    assert required_literals(r"(?:ab){0,2}cd", 0) == ("cd",)
    assert set(required_literals(r"(?:proven|shown)\s+to", 0)) == {"proven", "shown"}
    assert required_literals(r"x?|\w+", 0) is None  # a branch with no literal: no prefilter
    assert required_literals(r"(?i)abc", 0) is None  # case-insensitive literals cannot be tested with `in`
    assert required_literals(r"(?i:abc)", 0) is None
    assert required_literals("abc", re.IGNORECASE) is None


@given(text, st.lists(st.sampled_from(SPAN_PATTERNS + [r"\bcures?\b", r"(?:very|highly)\s+safe", r"\d+\s*%", r"(?:ab)+c?"]),
                      min_size=1, max_size=4))
def test_required_literals_hold_for_every_match(t, extra):
    """Whenever a lexicon matches a text, the text holds one of its required strings."""
    from healthlint.lexicon import required_literals

    low = t.lower()
    for lst in LISTS + [extra]:
        lex = Lexicon(lst)
        found = required_literals(lex.regex.pattern, lex.regex.flags & re.IGNORECASE)
        if found is None or len(low) != len(t):
            continue
        if lex.regex.search(low if lex.folded else t):
            assert any(x in (low if lex.folded else t) for x in found), (lst, t, found)


@pytest.mark.parametrize("pattern, relaxed", [
    (r"\b(?<!relatively\s)painless\b(?!\s+lumps?)", r"\bpainless\b"),
    (r"\bthe(?<=, the)\s+best", r"\bthe\s+best"),
    (r"[(?=]a(?=b)c", r"[(?=]ac"),           # inside a character class it is no group
    (r"a\(?=b", r"a\(?=b"),                   # an escaped bracket opens nothing
])
def test_lookarounds_are_removed_whole(pattern, relaxed):
    assert without_lookarounds(pattern) == relaxed


@given(st.text(alphabet="ab ,x", max_size=12))
def test_the_pattern_without_lookarounds_matches_wherever_the_pattern_does(t):
    import re

    for pattern in (r"a(?!b)", r"(?<=,)\s*a", r"(?<!x)ab(?=\s|$)", r"b(?<=ab)"):
        if re.search(pattern, t):
            assert re.search(without_lookarounds(pattern), t)
