"""Issue 5: unsourced efficacy and safety claims (the trust signals' tests are in
tests/kinds/test_trust_*.py, one module per kind). Fixtures are written inline by the team."""

from __future__ import annotations


import pytest

from healthlint.config import Config
from healthlint.engine import Linter
from healthlint.parsers import parse_text

from conftest import EXAMPLES
from helpers import lint

PROMO = "# Bright Path Clinic\n\nOur clinic offers infusion therapy. Call us today to book a consultation.\n\n"




CLAIM = "Infusion therapy has been proven to be highly effective for depression."


# --- 1 and 5: efficacy claims, sourced or not ----------------------------------------------------

def test_unsourced_efficacy_claim_quotes_phrase_and_spans_it():
    [f] = lint(CLAIM + "\n", ["HL401"])
    phrase = "has been proven to be highly effective"
    assert f.message == f"Efficacy claim with no source: '{phrase}'"
    # The finding points at the phrase it quotes (issue 17), not the whole sentence.
    start = CLAIM.index(phrase) + 1
    assert (f.line, f.column, f.end_column) == (1, start, start + len(phrase))


@pytest.mark.parametrize("sourced", [
    CLAIM[:-1] + " ([trial report](https://example.org/trial)).",
    CLAIM[:-1] + " (doi:10.1001/jama.2021.1234).",
    CLAIM[:-1] + " (Smith et al., 2021).",
    CLAIM[:-1] + " (Smith, 2020; Ono and Lee 2019).",
    CLAIM[:-1] + ", according to a trial published in JAMA Psychiatry in 2021.",
    CLAIM[:-1] + " (PMID: 31234567).",
    CLAIM + " [1]\n\n## References\n\n1. Smith J. Infusion therapy trial. J Affect Disord. 2021.",
])
def test_sourced_claims_are_not_flagged(sourced):
    assert lint(sourced + "\n", ["HL401"]) == []


def test_marker_without_reference_list_does_not_count():
    assert len(lint(CLAIM + " [1]\n", ["HL401"])) == 1


def test_relative_links_and_phone_links_are_not_sources():
    assert len(lint(CLAIM[:-1] + " ([book now](/book), [call](tel:5550100)).\n", ["HL401"])) == 1


def test_negated_claims_are_not_claims():
    for text in ("Ketamine is not a game-changer for most people.",
                 "It has not been proven to be highly effective for depression.",
                 "No study shows that it works for everyone.",
                 "A treatment that works for everyone has not been found."):
        assert lint(text + "\n", ["HL401", "HL404"]) == [], text


def test_hedged_claim_is_reported_at_info():
    [f] = lint("Infusions may offer rapid relief from low mood.\n", ["HL401"])
    assert f.severity == "info"
    [g] = lint("Infusions offer rapid relief from low mood.\n", ["HL401"])
    assert g.severity == "warning"


def test_exposition_counts_only_in_promotional_articles():
    exposition = "Hydroxyurea has been shown to reduce pain crises in adults.\n"
    assert lint("# Sickle cell disease\n\n" + exposition, ["HL401"]) == []
    [f] = lint(PROMO + exposition, ["HL401"])
    assert "has been shown to reduce" in f.message


# --- 2: safety claims -----------------------------------------------------------------------------

def test_absolute_safety_claims_are_errors_even_hedged_or_cited():
    for text in ("Most patients feel better, without the side effects of antidepressants.",
                 "Our infusions are completely safe and non-addictive.",
                 "The treatment may be risk-free (Smith et al., 2020)."):
        [f] = lint(text + "\n", ["HL403"])
        assert f.severity == "error", text
    assert lint("No medicine is completely safe, and every treatment has side effects.\n", ["HL403"]) == []


def test_safety_reassurance():
    [f] = lint("Microneedling has minimal side effects for most people.\n", ["HL402"])
    assert "minimal side effects" in f.message
    assert lint("Microneedling can cause redness and, rarely, scarring.\n", ["HL402"]) == []


# --- 3 and 4: vague attribution, anecdote, hype, speed ------------------------------------------

@pytest.mark.parametrize("text,code", [
    ("Experts agree that red light therapy works for joint pain.", "HL404"),
    ("Researchers point to better sleep after the treatment.", "HL404"),
    ("One study at a major university found that the patch improves memory.", "HL404"),
    ("This miracle cream is guaranteed to clear acne.", "HL405"),
    ("The treatment is a true breakthrough.", "HL405"),
    ("Our patients tell us the results are life-changing.", "HL406"),
    ("The program has helped thousands of families.", "HL406"),
    ("Feel relief after just one session.", "HL407"),
    ("Instant relief from back pain, guaranteed.", "HL407"),
])
def test_claim_phrases(text, code):
    assert code in {f.rule for f in lint(text + "\n", ["HL4"])}


@pytest.mark.parametrize("text", [
    "Extra doses can be taken for breakthrough pain between regular doses.",
    "Many people report no symptoms at all.",
    "Call your doctor within 24 hours if the fever does not come down.",
    "Scientists believe genes and the environment both play a part.",
    "Trials are run to find out whether new treatments are safe and effective.",
])
def test_ordinary_health_text_is_not_a_claim(text):
    assert lint(text + "\n", ["HL4"]) == []


def test_every_promise_in_the_spammy_page_reported_within_its_own_sentence():
    path = EXAMPLES / "spammy" / "ketamine-austin.html"
    source = path.read_text()
    doc = parse_text(source, str(path))
    promises = [
        "has been proven to be highly effective for depression, anxiety and PTSD",
        "Most patients feel better within hours, without the side effects",
        "Studies show remarkable results after just one session",
        "completely safe and non-addictive",
        "offers rapid, lasting relief for treatment-resistant depression",
        "is a game-changer, and experts agree",
        "Many patients report that ketamine helps stabilize mood",
    ]
    findings = Linter(Config(), select=["HL4"]).lint_paths([str(path)]).findings
    for phrase in promises:
        sentence = next(s for s in doc.sentences if phrase in s.text)
        start = doc.position(sentence.block.offsets.source(sentence.start))
        end = doc.position(sentence.block.offsets.source_end(sentence.end))
        hits = [f for f in findings if start <= (f.line, f.column) and (f.end_line, f.end_column) <= end]
        assert hits, f"no claim finding inside the sentence containing {phrase!r}"


# --- 7 and 8: trust signals: tests/kinds/test_trust_*.py, one module per kind -------------------

# --- the reference corpus ----------------------------------------------------------------------------

def test_claims_fire_on_at_most_one_in_ten_reputable_articles(corpus_dir):
    report = Linter(Config(), select=["HL4"]).lint_paths([str(corpus_dir)])
    with_claims = sum(1 for fr in report.files if fr.findings)
    assert with_claims <= len(report.files) / 10, with_claims
    trust_report = Linter(Config(), select=["HL604", "HL605"]).lint_paths([str(corpus_dir)])
    assert trust_report.findings == []
