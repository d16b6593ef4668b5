"""Kind ``focus-keyphrase-density`` (HL311): the declared focus keyphrase is used too often (or too
rarely) for the article's length; issue 4."""

from __future__ import annotations

from helpers import lint

FM = "---\nkeyphrase: {kp}\n---\n"


def test_focus_keyphrase_from_config_and_overuse():
    text = "# Knee brace\n\n" + " ".join(["A knee brace helps. Wear the knee brace daily."] * 15) + "\n"
    [f] = lint(text, ["HL311"], config={"keyphrase": "knee brace"})
    assert "above" in f.message and "knee brace" in f.message
    assert lint(text, ["HL311"]) == []  # no keyphrase declared: not checked


def test_underuse_in_a_long_article_points_at_the_declaration():
    text = FM.format(kp="knee brace") + "# Knee brace\n\n" + " ".join(["Wear it every day."] * 40) + "\n"
    [f] = lint(text, ["HL311"])
    assert "below the 0.5% minimum" in f.message and f.line == 2
