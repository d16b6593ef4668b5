"""Kind ``focus-keyphrase-title`` (HL312): the declared focus keyphrase is not in the title; issue 4."""

from __future__ import annotations

from helpers import lint

FM = "---\nkeyphrase: {kp}\n---\n"


def test_keyphrase_not_in_the_title():
    [f] = lint(FM.format(kp="sleep apnea") + "# Snoring\n\nMany adults snore.\n", ["HL312"])
    assert f.message == "Focus keyphrase 'sleep apnea' is not in the title"


def test_keyphrase_in_the_title_plural_and_case_aside():
    assert lint(FM.format(kp="sleep apnea") + "# Sleep Apneas\n\nMany adults snore.\n", ["HL312"]) == []
