"""Issue 4: keyword stuffing and page residue. Fixtures are written inline by the team."""

from __future__ import annotations

import random

import pytest

from healthlint.config import Config
from healthlint.engine import Linter
from healthlint.phrases import allowed_count, yoast_density

from conftest import EXAMPLES
from helpers import lint




def filler_sentences(n_words: int, seed: int = 3) -> list[str]:
    """Sentences of distinct lower-case dictionary words: no phrase in them repeats."""
    from healthlint.syllables import cmu_raw

    rng = random.Random(seed)
    vocab = rng.sample(sorted(w for w in cmu_raw() if w.isalpha() and 4 <= len(w) <= 9), n_words)
    return [" ".join(vocab[i : i + 10]).capitalize() + "." for i in range(0, n_words, 10)]


def article_with(phrase: str, share: float, words: int = 1000) -> tuple[str, int]:
    """A Markdown article where ``phrase`` makes up ``share`` of the words, each use on its own line."""
    n = len(phrase.split())
    uses = round(share * words / n)
    sentences = filler_sentences(words - uses * n)
    lines = ["# Care guide", ""]
    step = max(1, len(sentences) // max(1, uses))
    used = 0
    for i, s in enumerate(sentences):
        if used < uses and i % step == 0:
            lines.append(f"Visit {phrase} today. {s}")
            used += 1
        else:
            lines.append(s)
        lines.append("")
    while used < uses:
        lines += [f"Visit {phrase} today.", ""]
        used += 1
    return "\n".join(lines), uses


# --- 1. repeated keyphrase -----------------------------------------------------------------------

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


def test_one_percent_phrase_is_fine():
    text, uses = article_with("Sunrise Wellness Clinic", 0.01)
    assert uses >= 3
    assert lint(text, ["HL301", "HL302", "HL303"]) == []


def test_topic_term_at_natural_density_is_not_flagged():
    sentences = filler_sentences(700)
    body = []
    for i, s in enumerate(sentences):
        body.append(f"{s} People with type 2 diabetes ask about this." if i % 4 == 0 else s)
    text = "# Type 2 diabetes\n\n" + "\n\n".join(body) + "\n"
    assert lint(text, ["HL301", "HL302"]) == []


def test_plain_phrase_far_above_natural_is_flagged():
    sentences = filler_sentences(500)
    body = [f"{s} Buy cheap pain pills now." for s in sentences]
    text = "# Notes\n\n" + "\n\n".join(body) + "\n"
    [f] = lint(text, ["HL301"])
    assert "cheap pain pills" in f.message


def test_clinic_name_four_times_in_one_paragraph():
    para = ("At Harbor View Clinic we listen. Harbor View Clinic opens early, Harbor View Clinic stays "
            "open late, and Harbor View Clinic accepts most plans.")
    [f] = lint(f"# Us\n\n{para}\n", ["HL303"])
    assert f.line == 3 and "4 times" in f.message
    assert lint("# Us\n\nAt Harbor View Clinic we listen. The clinic opens early and stays open late.\n", ["HL303"]) == []


def test_a_name_before_a_field_label_is_not_a_use():
    para = ("1. Lakeview Hospital Location: Sector 5. 2. Hilltop Hospital Location: Sector 9. "
            "3. Riverside Hospital Location: Sector 12. 4. Parkside Hospital Location: Sector 3.")
    assert [f for f in lint(f"# Hospitals\n\n{para}\n", ["HL303"]) if "Location" in f.message] == []


def test_yoast_formula():
    assert round(yoast_density(15, 900, 3), 2) == round(15 / 900 * 100 * (0.7 + 1), 2)
    assert allowed_count(3.0, 900, 3) == 15
    assert allowed_count(3.0, 50, 3) == 2


# --- 2. focus keyphrase -------------------------------------------------------------------------

FM = "---\nkeyphrase: {kp}\n---\n"


def test_focus_keyphrase_checks():
    text = FM.format(kp="sleep apnea") + "# Snoring\n\nMany adults snore.\n\n## About snoring\n\nIt is common.\n\n## Help\n\nSee a doctor.\n"
    codes = {f.rule for f in lint(text, ["HL31"])}
    assert {"HL312", "HL313", "HL314"} <= codes
    good = FM.format(kp="sleep apnea") + "# Sleep apnea\n\nSleep apnea stops breathing in sleep.\n\n## Signs of sleep apnea\n\nSnoring.\n\n## Help\n\nSee a doctor.\n"
    assert {f.rule for f in lint(good, ["HL312", "HL313", "HL314"])} == set()


def test_focus_keyphrase_from_config_and_overuse():
    text = "# Knee brace\n\n" + " ".join(["A knee brace helps. Wear the knee brace daily."] * 15) + "\n"
    [f] = lint(text, ["HL311"], config={"keyphrase": "knee brace"})
    assert "above" in f.message and "knee brace" in f.message
    assert lint(text, ["HL311"]) == []  # no keyphrase declared: not checked


def test_focus_keyphrase_in_every_subheading_is_over_optimised():
    text = FM.format(kp="knee brace") + "# Knee brace\n\nA knee brace helps.\n\n## Knee brace fit\n\nx.\n\n## Knee brace care\n\ny.\n\n## Knee brace cost\n\nz.\n"
    [f] = lint(text, ["HL314"])
    assert "100%" in f.message and "too many" in f.message


# --- 3. location stuffing -----------------------------------------------------------------------

def test_location_list_with_suburbs():
    text = "# Care\n\nWe proudly serve Austin, Round Rock, Cedar Park, Georgetown, Pflugerville and Leander.\n"
    [f] = lint(text, ["HL321"])
    assert "Austin" in f.message and f.column == text.split("\n")[2].index("Austin") + 1


def test_places_from_config():
    text = "# Care\n\nOur offices near Springfield, Shelbyville, Ogdenville and Brockway welcome you.\n"
    assert lint(text, ["HL321"]) == []
    assert len(lint(text, ["HL321"], config={"places": ["Springfield", "Shelbyville"]})) == 1


def test_factual_list_of_states_is_not_stuffing():
    text = "# Tick fever\n\nMost cases are reported in North Carolina, Oklahoma, Arkansas, Tennessee and Missouri.\n"
    assert lint(text, ["HL321"]) == []


# --- 4. keyword chains --------------------------------------------------------------------------

def test_keyword_chain_with_place_between():
    [f] = lint("Welcome to the new world of Ketamine Austin Ketamine Therapy where hope returns.\n", ["HL331"])
    assert "Ketamine Austin Ketamine Therapy" in f.message


def test_capitalised_run_with_place_and_common_words():
    text = "# Anxiety\n\nMany people with anxiety find that therapy helps. Book your Denver Anxiety Therapy session with our team.\n"
    [f] = lint(text, ["HL331"])
    assert "Denver Anxiety Therapy" in f.message


@pytest.mark.parametrize("text", [
    "The Barcelona Clinic Liver Cancer (BCLC) Staging System is used for liver cancer staging in clinic.",
    "Hepatitis A Hepatitis B and other infections are covered in the hepatitis guide.",
    "Patients from Austin, Dallas and Houston join the trial; therapy and anxiety are discussed.",
])
def test_not_keyword_chains(text):
    assert lint(text + "\n", ["HL331"]) == []


# --- 5. page residue ----------------------------------------------------------------------------

@pytest.mark.parametrize("line,code", [
    ("60 / 100", "HL501"), ("SEO score: 72/100", "HL501"),
    ("Comments · 2 Views", "HL502"), ("3 Comments", "HL502"), ("5 min read", "HL502"),
    ("Latest news", "HL503"), ("Read more", "HL503"), ("Share this:", "HL503"), ("Leave a comment", "HL503"),
    ("|| ||", "HL504"), ("SEO Keywords: knee pain, knee doctor", "HL505"),
    ("Posted on", "HL507"), ("By", "HL507"), ("Dr. Ana Ruiz |", "HL507"),
])
def test_residue_lines(line, code):
    text = f"Knee care\n\nRest the knee for a day or two.\n{line}\nIce can help with swelling.\n"
    found = lint(text, ["HL5"], "text")
    assert [f.rule for f in found] == [code]
    assert found[0].line == 4 and found[0].column == 1


@pytest.mark.parametrize("text", [
    "Knee care\n\nThree comments from readers helped us improve this page.\n",
    "Knee care\n\nRead more about knee surgery in the leaflet your surgeon gives you.\n",
    "Knee care\n\nAbout 60 of every 100 people with knee pain improve in six weeks.\n",
    "Knee care\n\nPosted on 3 March 2026 by Ana Ruiz, physiotherapist.\n",
])
def test_not_residue(text):
    assert lint(text, ["HL5"], "text") == []


def test_meta_description_pasted_as_first_paragraph_markdown():
    text = "---\ndescription: Gentle exercises for stiff knees and when to see a doctor.\n---\n# Knees\n\nGentle exercises for stiff knees and when to see a doctor.\n\nStart slowly.\n"
    [f] = lint(text, ["HL506"])
    assert f.line == 6
    other = "---\ndescription: Gentle exercises for stiff knees.\n---\n# Knees\n\nStiff knees are common after sixty.\n"
    assert lint(other, ["HL506"]) == []


# --- examples and the reference corpus ----------------------------------------------------------

def test_spammy_examples_light_up():
    report = Linter(Config(), select=["HL3", "HL5"]).lint_paths([str(EXAMPLES / "spammy")])
    codes = {f.rule for f in report.findings}
    assert {"HL301", "HL302", "HL303", "HL321", "HL331", "HL501", "HL502", "HL503", "HL505", "HL506"} <= codes


def test_reference_corpus_stays_quiet(corpus_dir):
    report = Linter(Config(), select=["HL3", "HL5"]).lint_paths([str(corpus_dir)])
    assert len(report.findings) <= 5, [(f.rule, f.message) for f in report.findings]
