"""Issue 14: a score that ranks pages as a reviewer would. Findings here are built by hand, so each
property of the formula is tested on its own."""

from __future__ import annotations

from healthlint.findings import SCORE_FLOOR, Finding, score, score_components

from helpers import lint, run_json


WHOLE_PAGE = {"HL101", "HL102", "HL104", "HL601", "HL602", "HL603", "HL604", "HL605"}


def f(rule: str, category: str, severity: str = "warning", line: int = 1) -> Finding:
    return Finding(rule, "x", category, severity, line, 1, line, 2, "m", whole=rule in WHOLE_PAGE)


READABILITY = [f("HL101", "readability"), f("HL102", "readability", "info")] + [f("HL103", "readability", line=i) for i in range(40)]
TRUST = [f("HL601", "trust"), f("HL602", "trust"), f("HL603", "trust")]


def test_no_content_defect_never_scores_below_the_floor():
    worst = READABILITY + [f(c, "readability", "error") for c in ("HL104", "HL105", "HL106", "HL107")] + TRUST + [
        Finding(code, "x", "trust", "error", 1, 1, 1, 2, "m", whole=True) for code in ("HL6X1", "HL6X2")]
    assert score(worst, 2000) == SCORE_FLOOR == 60


def test_undisclosed_promotion_and_missing_harms_count_toward_evidence(tmp_path):
    # HL604 and HL605 say score_component: evidence in their rule files: a page that sells without
    # saying so, and sells a treatment without its harms, leaves a gap in the evidence, and the
    # bound on the trust component does not hide it.
    ad = ("# Smile makeovers in Brookvale\n\nBook a free consultation today: our team offers a seamless, "
          "transformative journey to a radiant smile with flawless results and renewed confidence. "
          "Veneers are thin shells of porcelain bonded to the front of the teeth after a little enamel is "
          "removed. Whitening uses a gel that lightens the natural colour of the teeth over a few visits. "
          "Bonding shapes a resin to close a small gap or cover a chip in one visit. Each plan starts with "
          "an examination and photographs, and the team explains the steps, the number of visits and the "
          "aftercare before any work begins.\n")
    found = lint(ad, ["HL604", "HL605"])
    assert {x.rule for x in found} == {"HL604", "HL605"} and {x.component for x in found} == {"evidence"}
    parts = score_components(found, 300)
    assert parts["trust"] == 100 and parts["evidence"] < 100 and score(found, 300) < SCORE_FLOOR
    # The metadata signals stay in the bounded trust component.
    assert score_components(lint(ad, ["HL601"]), 300)["evidence"] == 100
    # The cache keeps the component.
    from healthlint.cache import decode, encode
    from healthlint.findings import FileResult

    assert [x.component for x in decode("a.md", encode(FileResult(path="a.md", findings=found))).findings] == [
        x.component for x in found]


def test_a_readability_rule_costs_at_most_its_weight_however_often_it_fires():
    whole = score_components([f("HL101", "readability")], 1000)["readability"]
    twice = score_components([f("HL103", "readability", line=i) for i in range(2)], 1000)["readability"]
    many = score_components([f("HL103", "readability", line=i) for i in range(50)], 1000)["readability"]
    assert whole == twice == many == 80


def test_a_span_rule_costs_by_its_rate_so_a_long_page_pays_no_more_for_its_length():
    # One very long sentence in 1,000 words costs half of what two do; in 4,000 words, four cost
    # what one costs in 1,000, while a whole-page finding (the reading grade) costs the same.
    one = score_components([f("HL103", "readability")], 1000)["readability"]
    assert one == 90
    assert score_components([f("HL103", "readability", line=i) for i in range(4)], 4000)["readability"] == one
    assert score_components([f("HL101", "readability")], 4000)["readability"] == 80


def test_length_does_not_decide_the_score():
    # The same density of defects (2 claims per 1,000 words) at 1,000 and at 4,000 words.
    short = [f("HL401", "claim", line=i) for i in range(2)] + TRUST
    long = [f("HL401", "claim", line=i) for i in range(8)] + TRUST
    assert score(short, 1000) == score(long, 4000)


def test_content_defects_outweigh_readability_and_trust():
    careful = READABILITY + TRUST  # long, hard, no byline: a careful government page
    marketing = TRUST + [f("HL408", "claim", line=i) for i in range(6)] + [f("HL302", "stuffing", line=i) for i in range(3)]
    assert score(careful, 1500) > score(marketing, 600)


def test_diminishing_returns():
    def content(n: int) -> int:
        return score_components([f("HL302", "stuffing", line=i) for i in range(n)], 1000)["content"]
    drops = [content(n) - content(n + 2) for n in (0, 2, 4, 6)]
    assert drops == sorted(drops, reverse=True) and drops[-1] > 0


def test_components_in_json_and_an_unreadable_file_scores_zero(tmp_path):
    (tmp_path / "a.md").write_text("# Veneers\n\nThis herbal formula flushes toxins from the liver.\n", encoding="utf-8")
    (tmp_path / "b.md").write_bytes(b"\xff\xfe\x00\x00" + b"\x00" * 8)
    _, data = run_json(str(tmp_path))
    a = next(x for x in data["files"] if x["path"].endswith("a.md"))
    assert a["scores"]["evidence"] < 100 and a["scores"]["content"] == 100
    assert score([f("HL001", "input", "error")], 0) == 0


def test_real_claims_lower_the_evidence_component():
    text = "# Tonic\n\nThis herbal formula flushes toxins from the liver and rebuilds damaged cells.\n"
    findings = lint(text, ["HL4"])
    assert findings and score_components(findings, 300)["evidence"] < 100


def test_the_engine_marks_whole_page_findings_and_the_cache_keeps_the_mark(tmp_path):
    long_sentence = ("The treatment plan that the team proposes for people who have had the condition for many years "
                     "and who have tried several medicines without relief includes a number of steps that are "
                     "explained one at a time by the nurse, the pharmacist and the doctor over several visits.")
    text = "# Title\n\n" + "\n\n".join([long_sentence] * 4) + "\n"
    found = {x.rule: x.whole for x in lint(text, ["HL101", "HL103"])}
    assert found == {"HL101": True, "HL103": False}
    from healthlint.cache import decode, encode
    from healthlint.findings import FileResult

    fr = FileResult(path="a.md", findings=lint(text, ["HL101", "HL103"]))
    assert {x.rule: x.whole for x in decode("a.md", encode(fr)).findings} == found


def test_plain_language_advice_is_not_counted_twice():
    # HL108 offers a plain word for a medical term; the term's syllables already count in the
    # reading grade, so the advice leaves the score alone (a real readability finding does not).
    advice = [Finding("HL108", "x", "readability", "info", i, 1, i, 5, "m", suggestion="high blood pressure")
              for i in range(1, 9)]
    plain = [f("HL103", "readability", "info", line=i) for i in range(1, 9)]
    assert score_components(advice, 1000)["readability"] == 100
    assert score_components(plain, 1000)["readability"] < 100
