"""Kind ``focus-keyphrase-introduction`` (HL313): the declared focus keyphrase is not in the first
paragraph; issue 4."""

from __future__ import annotations

from helpers import lint

FM = "---\nkeyphrase: {kp}\n---\n"


def test_keyphrase_not_in_the_first_paragraph():
    [f] = lint(FM.format(kp="sleep apnea") + "# Sleep apnea\n\nMany adults snore.\n\nSleep apnea is common.\n", ["HL313"])
    assert f.line == 6 and "first paragraph" in f.message


def test_keyphrase_in_the_first_paragraph():
    assert lint(FM.format(kp="sleep apnea") + "# Sleep apnea\n\nSleep apnea stops breathing in sleep.\n", ["HL313"]) == []
