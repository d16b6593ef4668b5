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
