"""Kind ``keyphrase-occurrences`` (HL302): each use of a stuffed phrase past the allowed count, where
it stands; issue 4."""

from __future__ import annotations

from healthlint.phrases import allowed_count

from helpers import lint
from stuffingcase import article_with, filler_sentences


def test_seven_percent_phrase_every_excess_use_reported_at_its_own_line():
    text, uses = article_with("Sunrise Wellness Clinic", 0.07)
    # One use per paragraph: by default only HL301's page-level count (see the next test); with
    # min_per_paragraph 1, every excess use is reported where it stands.
    assert [f.rule for f in lint(text, ["HL301", "HL302"])] == ["HL301"]
    config = {"rules": {"HL302": {"params": {"min_per_paragraph": 1}}}}
    findings = lint(text, ["HL301", "HL302"], config=config)
    [summary] = [f for f in findings if f.rule == "HL301"]
    excess = [f for f in findings if f.rule == "HL302"]
    assert "'Sunrise Wellness Clinic'" in summary.message and f"{uses} times" in summary.message
    words = int(summary.message.split(" in ")[1].split()[0])
    allowed = allowed_count(3.0, words, 3)
    assert len(excess) == uses - allowed > 0
    lines = text.split("\n")
    assert len({f.line for f in excess}) == len(excess)  # each at its own line
    for f in excess:
        assert lines[f.line - 1][f.column - 1 :].startswith("Sunrise Wellness Clinic")
    # the reported ones are the last uses, in order
    use_lines = [i + 1 for i, ln in enumerate(lines) if "Sunrise Wellness Clinic" in ln]
    assert [f.line for f in excess] == use_lines[allowed:]


def test_excess_uses_reported_where_they_cluster():
    filler = filler_sentences(420)
    paras = [" ".join(filler[i : i + 3]) for i in range(0, len(filler), 3)]
    name = "Sunrise Wellness Clinic"
    # Lone mentions in the first paragraphs, then two paragraphs that crowd the name.
    for i in range(8):
        paras[i] += f" Ask {name} about it."
    paras[10] += f" {name} opens early. {name} stays open late. {name} takes most plans."
    paras[11] += f" {name} has parking. {name} has a lift."
    text = "# Notes\n\n" + "\n\n".join(paras) + "\n"
    excess = [f for f in lint(text, ["HL302"])]
    assert excess, "the crowded paragraphs carry uses past the allowed count"
    lines = text.split("\n")
    crowded = {i + 1 for i, ln in enumerate(lines) if ln.count(name) >= 2}
    assert {f.line for f in excess} <= crowded


def test_keyword_list_is_not_reported_as_stuffing_again():
    filler = filler_sentences(300)
    paras = [" ".join(filler[i : i + 3]) + " Sunrise Wellness Clinic helps." for i in range(0, len(filler), 3)]
    paras.append("Sunrise Wellness Clinic, Sunrise Wellness Clinic hours, Sunrise Wellness Clinic cost, clinic near me")
    text = "# Notes\n\n" + "\n\n".join(paras) + "\n"
    config = {"rules": {"HL302": {"params": {"min_per_paragraph": 1}}}}
    found = lint(text, ["HL302"], config=config)
    last = text.rstrip("\n").count("\n") + 1
    assert found and all(f.line != last for f in found)
