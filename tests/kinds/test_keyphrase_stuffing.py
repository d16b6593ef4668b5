"""Kind ``keyphrase-stuffing``: HL301 (a stuffed phrase, one finding on the article) and HL303 (a
place or business phrase crowding one paragraph); issue 4."""

from __future__ import annotations

from healthlint.phrases import allowed_count, yoast_density

from helpers import lint
from stuffingcase import article_with, filler_sentences


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


PLACE_PHRASE = "eye clinic in Kestrelford"


def _clinic_page(mentions: tuple[int, ...] = (4, 6, 8, 10)) -> str:
    """About 600 words of filler in 4-sentence paragraphs; paragraph 1 names the clinic twice and each
    paragraph of ``mentions`` once (six uses: 10 per 1,000 words, past HL304's 6)."""
    sentences = filler_sentences(560)
    paras = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    paras[1] = f"The {PLACE_PHRASE} opens early. {paras[1]} Book the {PLACE_PHRASE} online."
    for i in mentions:
        paras[i] = f"The {PLACE_PHRASE} helps. {paras[i]}"
    return "# Eye care\n\n" + "\n\n".join(paras) + "\n"


def test_a_stuffed_place_phrase_twice_in_one_paragraph():
    # The paragraph that says it twice is where the stuffing is.
    found = lint(_clinic_page(), ["HL303"])
    assert [(f.line, f.message) for f in found] == [(5, f"'{PLACE_PHRASE}' appears 2 times in this one paragraph")]
    # The same paragraph on a page that names the clinic only there is not stuffed.
    assert lint(_clinic_page(mentions=()), ["HL303"]) == []


def test_the_stuffed_rate_rule_can_be_turned_off():
    off = {"rules": {"HL303": {"params": {"stuffed_per_1000": 0}}}}
    assert lint(_clinic_page(), ["HL303"], config=off) == []


def test_the_title_topic_in_capitals_is_the_topic_not_a_name():
    # "Laser Dentistry" at about 4% Yoast density: over the 3% for a name, under the 9% for the
    # article's own subject. Its capitals do not make it a name when the title names it.
    sentences = filler_sentences(480)
    body = [f"{s[:-1]} with Laser Dentistry." if i % 4 == 0 else s for i, s in enumerate(sentences)]
    topic = "# Laser Dentistry explained\n\n" + "\n\n".join(body) + "\n"
    assert lint(topic, ["HL301", "HL302"]) == []
    # The first heading is the subject of a page that has no title (an h2 at the top of an export).
    assert lint(topic.replace("# Laser", "## Laser", 1), ["HL301", "HL302"]) == []
    # The same phrase on a page about something else reads as a name, held to Yoast's 3%.
    other = topic.replace("# Laser Dentistry explained", "# Dental care")
    assert [f.rule for f in lint(other, ["HL301"])] == ["HL301"]
    # A business's name stays a name when the title carries it too.
    brand = topic.replace("Laser Dentistry", "Harbor Wellness Clinic")
    assert [f.rule for f in lint(brand, ["HL301"])] == ["HL301"]
