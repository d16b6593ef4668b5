"""Issue 15: residue, stuffing and splices found by shape on real pages. Texts written by the team."""

from __future__ import annotations

import pytest

from healthlint.phrases import fold

from helpers import lint


# --- stuffing as search engines count it --------------------------------------------------------

@pytest.mark.parametrize("word, folded", [
    ("hospitals", "hospital"), ("clinics", "clinic"), ("therapies", "therapy"), ("diabetes", "diabetes"),
    ("services", "services"), ("angeles", "angeles"), ("texas", "texas"), ("this", "this"), ("illness", "illness"),
])
def test_plural_folding_keeps_words_in_es_and_ss(word, folded):
    assert fold(word) == folded


def test_singular_and_plural_count_as_one_keyphrase():
    para = ("Clinics in Brookvale open early. A clinic in Brookvale treats colds. The clinics in Brookvale "
            "accept walk-ins.")
    [f] = lint(f"# Care\n\n{para}\n", ["HL303"])
    assert "3 times" in f.message


def test_one_place_after_varied_services_is_one_crowded_keyword():
    para = ("Finding the best eye clinic in Kestrelford can be hard. Our eye surgeons in Kestrelford use new "
            "lasers, and cataract care in Kestrelford is quick.")
    [f] = lint(f"# Care\n\n{para}\n", ["HL303"])
    assert "'in Kestrelford' appears 3 times" in f.message
    # Times are not places, and three different towns are a list, not a repeated keyword.
    times = "Clinics open in March, close briefly in March for repairs, and reopen in March with new staff."
    towns = "The service runs in Kestrelford, in Ashby and in Marlow, with a van that visits in Ashby twice."
    assert lint(f"# Care\n\n{times}\n\n{towns}\n", ["HL303"]) == []


def test_a_town_no_gazetteer_holds_is_a_place_by_its_shape():
    para = "The hospital in Kestrelford is new. Each hospital in Kestrelford has a lab, and a hospital in Kestrelford is busy."
    assert [f.rule for f in lint(f"# Care\n\n{para}\n", ["HL303"])] == ["HL303"]
    # A lower-case word after "in" is no place: "care in hospital" three times is not a name.
    plain = "Care in hospital can be short. Most care in hospital is planned. Good care in hospital needs staff."
    assert lint(f"# Care\n\n{plain}\n", ["HL303"]) == []


# --- residue by structure -----------------------------------------------------------------------

KEYWORDS = """# Braces

Braces move teeth slowly with steady pressure, and most people wear them for one to two years.

SEO Keywords

- Braces cost
- Metal braces for adults
- Orthodontist near me

Wear your retainer every night after the braces come off.
"""


def test_keyword_list_items_after_a_label_are_residue_until_prose():
    found = [(f.rule, f.line) for f in lint(KEYWORDS, ["HL505", "HL508"])]
    assert found == [("HL505", 5), ("HL508", 7), ("HL508", 8), ("HL508", 9)]


def test_a_comma_list_of_phrases_after_a_label_is_one_entry():
    text = "# Braces\n\nBraces move teeth with steady pressure over many months.\n\nKeywords:\n\nBraces cost, Metal braces, Clear aligners, Orthodontist near me, Retainers\n"
    assert [f.line for f in lint(text, ["HL508"])] == [7]


def test_a_list_of_sentences_after_a_heading_called_tags_is_not_keywords():
    text = ("# Luggage\n\n## Tags\n\n- Put a name tag on every bag before you travel, so staff can return it.\n"
            "- Keep medicines in your hand luggage with their original labels.\n")
    assert lint(text, ["HL508"]) == []


def test_read_more_at_the_end_is_a_label_but_a_sentence_that_goes_on_is_not():
    assert [f.rule for f in lint("# Pain\n\nGentle activity helps most back pain get better. Read More\n", ["HL509"])] == ["HL509"]
    assert lint("# Pain\n\nGentle activity helps. Read more about exercises on the next page.\n", ["HL509"]) == []
    # A link pasted as the browser shows it, versus a site named after its organisation.
    pasted = "# Clinics\n\nNorthgate Clinic. Location: Mill Road. Website: Home | Northgate Clinic (northgate.example.org)\n"
    assert [f.rule for f in lint(pasted, ["HL509"])] == ["HL509"]
    named = "# Help\n\nThe Sleep Apnea Foundation (www.example.org) lists support groups near you.\n"
    assert lint(named, ["HL509"]) == []


def test_a_navigation_bar_line_is_residue():
    assert [f.rule for f in lint("# Pain\n\nRest helps.\n\nHome | Blog | Contact | Privacy Policy\n", ["HL503"])] == ["HL503"]


# --- splices --------------------------------------------------------------------------------------

def test_sentence_cut_on_a_preposition_or_a_teaser_ellipsis():
    cut = "# Care\n\n- Prevention: Doctors help people stay well and avoid many diseases through.\n"
    assert [f.rule for f in lint(cut, ["HL215"])] == ["HL215"]
    teaser = "# Care\n\nBefore you choose a physiotherapist, read these five things you should know about the... Read More...\n"
    assert [f.rule for f in lint(teaser, ["HL215"])] == ["HL215"]


def test_a_paragraph_cut_on_a_function_word_without_any_stop():
    cut = "# Care\n\nThe plan is tailored to each person and can vary depending on their condition and their\n"
    [f] = lint(cut, ["HL215"])
    assert f.line == 3 and f.message.endswith("condition and their'")


@pytest.mark.parametrize("text", [
    # a lead-in to a list, with bullets or as short plain lines
    "# Care\n\nThe pain of a crisis is often felt in the\n\n- lower back\n- chest\n",
    "Care\n\nThe pain of a crisis is often felt in the\n\nLower back\n\nChest\n",
    # clauses listed as items, each ending "; or"
    "# Care\n\n- the cancer has spread to lymph nodes near the organ; or\n- it has spread far from the organ.\n",
])
def test_lead_ins_and_clause_lists_without_a_stop_are_not_cut(text):
    assert lint(text, ["HL215"], fmt="text" if not text.startswith("#") else "markdown") == []


def test_names_and_lead_ins_are_not_cut_sentences():
    assert lint("# Care\n\nBleeding is more common in people with severe hemophilia A.\n", ["HL215"]) == []
    assert lint("# Care\n\nThe clinic treats many problems, including:\n\n- colds\n- cuts\n", ["HL215"]) == []
    assert lint("# Care\n\nAsk which hospital the surgeon works from.\n", ["HL215"]) == []


def test_an_introduction_about_another_subject_is_a_template_splice():
    bad = "# Physiotherapy for knee pain\n\nIn this article, we will explore the best wedding venues in Springfield.\n"
    assert [f.rule for f in lint(bad, ["HL216"])] == ["HL216"]
    good = "# Physiotherapy for knee pain\n\nIn this article, we will explore exercises a physiotherapist may suggest for sore knees.\n"
    assert lint(good, ["HL216"]) == []


@pytest.mark.parametrize("fragment", [
    "Based on the comments of earlier patients.",
    "Due to the higher risk of bleeding after surgery.",
    "In addition to regular brushing and flossing at home.",
])
def test_an_opening_phrase_left_without_its_clause(fragment):
    text = f"# Care\n\nRead the reviews before you book. {fragment} Ask what the first visit costs.\n"
    [f] = lint(text, ["HL217"])
    assert f.line == 3 and fragment.rstrip(".") in f.message


@pytest.mark.parametrize("sentence", [
    "Based on the comments of earlier patients, make a short list.",   # the clause is there
    "Despite treatment the pain returned within a week.",              # a verb: a clause without a comma
    "Due to the risk of bleeding, surgery is delayed.",
    "According to the label it can be taken with food.",
    "Because of this we ask about your medicines.",
    "Many people ask about costs based on their insurance plan.",      # the phrase does not open it
])
def test_complete_sentences_with_an_opening_phrase_are_not_fragments(sentence):
    assert lint(f"# Care\n\nRead the reviews before you book. {sentence}\n", ["HL217"]) == []


@pytest.mark.parametrize("blank", ["[Your Practice Name]", "[Insert city]", "[clinic name]", "[phone number]",
                                   "{{ clinic_name }}", "Lorem ipsum"])
def test_an_unfilled_template_blank(blank):
    text = f"# Whitening\n\nA dentist at {blank} checks your teeth and gums before whitening starts.\n"
    [f] = lint(text, ["HL218"])
    assert f.line == 3 and blank.strip() in f.message
    # In plain text an angle-bracket blank is text too (in Markdown it would be a tag).
    [f] = lint("Whitening\n\nWhitening is booked for <insert date> at the practice.\n", ["HL218"], fmt="text")
    assert "<insert date>" in f.message


@pytest.mark.parametrize("text", [
    "Whitening does not change crowns [1] or fillings [sic].",
    "Read the [patient leaflet](https://example.org/leaflet) before you start.",
    "Write your name and phone number on the form [see page 2].",
])
def test_citations_links_and_plain_brackets_are_not_blanks(text):
    assert lint(f"# Whitening\n\n{text}\n", ["HL218"]) == []


def test_a_paragraph_without_its_full_stop_is_reported_only_when_asked():
    text = "# Care\n\nMost plans cover part of the cost of a first visit to the clinic\n"
    from pathlib import Path

    from healthlint.config import Config, from_mapping
    from healthlint.engine import Linter

    def splices(cfg):
        return [f.rule for f in Linter(cfg).lint_text(text, "t.md", "markdown").findings if f.category == "splice"]

    assert splices(Config()) == []  # HL212 is off by default
    assert splices(from_mapping({"extend-select": ["HL212"]}, None, None, Path.cwd())) == ["HL212"]


def test_a_label_before_a_sentence_does_not_excuse_a_cut():
    cut = "# Care\n\nDosage: take one tablet with water twice a day after meals and\n\nMore text follows here in a new paragraph.\n"
    assert [f.rule for f in lint(cut, ["HL212"])] == ["HL212"]
    assert lint("# Care\n\nDosage: 10 mg\n\nMore text follows here in a new paragraph.\n", ["HL212"]) == []


def test_the_introduction_is_the_first_paragraph_after_page_furniture():
    text = ("Knee Pain\n1,204 views\nDiscover the best knee pain relief. Learn how to ease pain fast and find the right doctor today.\n"
            "Knee pain is common after forty, and most of it gets better with exercise and time.\n")
    found = lint(text, ["HL506"], fmt="text")
    assert [f.line for f in found] == [3]


def test_a_town_phrase_far_above_natural_rate_counts_headings_too():
    body = " ".join(["Massage in Kestrelford eases tight muscles after sport."] + ["Most people book a second visit after a week."] * 12)
    text = f"# Massage in Kestrelford\n\n## Massage in Kestrelford prices\n\n{body}\n\nAsk about massage in Kestrelford at the desk. Massage in Kestrelford is popular.\n"
    [f] = lint(text, ["HL304"])
    assert "'Massage in Kestrelford' is used 5 times" in f.message
    # The same phrase once in a long page is natural.
    calm = f"# Massage in Kestrelford\n\n{body}\n"
    assert lint(calm, ["HL304"]) == []
