"""Issue 4: keyword stuffing and page residue. Fixtures are written inline by the team. The
repeated-keyphrase and focus-keyphrase tests are in tests/kinds/, one module per check kind
(test_keyphrase_stuffing.py, test_keyphrase_occurrences.py, test_focus_keyphrase_<check>.py)."""

from __future__ import annotations

import pytest

from healthlint.config import Config
from healthlint.engine import Linter

from conftest import EXAMPLES
from helpers import lint


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
