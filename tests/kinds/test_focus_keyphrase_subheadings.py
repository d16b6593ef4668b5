"""Kind ``focus-keyphrase-subheadings`` (HL314): the declared focus keyphrase is in too many
subheadings, or in none of at least two; issue 4."""

from __future__ import annotations

from helpers import lint

FM = "---\nkeyphrase: {kp}\n---\n"


def test_in_none_of_the_subheadings():
    text = FM.format(kp="sleep apnea") + "# Snoring\n\nMany adults snore.\n\n## About snoring\n\nIt is common.\n\n## Help\n\nSee a doctor.\n"
    [f] = lint(text, ["HL314"])
    assert "in none of the subheadings" in f.message
    good = FM.format(kp="sleep apnea") + "# Sleep apnea\n\nSleep apnea stops breathing in sleep.\n\n## Signs of sleep apnea\n\nSnoring.\n\n## Help\n\nSee a doctor.\n"
    assert lint(good, ["HL314"]) == []


def test_focus_keyphrase_in_every_subheading_is_over_optimised():
    text = FM.format(kp="knee brace") + "# Knee brace\n\nA knee brace helps.\n\n## Knee brace fit\n\nx.\n\n## Knee brace care\n\ny.\n\n## Knee brace cost\n\nz.\n"
    [f] = lint(text, ["HL314"])
    assert "100%" in f.message and "too many" in f.message
