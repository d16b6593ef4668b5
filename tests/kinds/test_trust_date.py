"""Kind ``trust-date`` (HL602): the article gives a publication or update date."""

from __future__ import annotations

import pytest

from kindtools import FLU_BODY as BODY
from kindtools import codes


def test_date_from_front_matter():
    assert codes("---\ndate: 2026-01-05\n---\n# Flu shots\n\n" + BODY, ["HL602"]) == set()


@pytest.mark.parametrize("line", ["By Lena Park, pharmacist | Updated March 3, 2026", "Last reviewed 2026-09-14",
                                  "Published: 3 March 2026", "Friday, 7 June 2024"])
def test_date_line_at_the_top(line):
    assert codes(f"# Flu shots\n\n{line}\n\n" + BODY, ["HL602"]) == set()


def test_no_date():
    assert codes("# Flu shots\n\n" + BODY, ["HL602"]) == {"HL602"}


def test_a_date_in_the_middle_of_the_article_does_not_count():
    text = "\n\n".join(["# Flu shots"] + [BODY] * 5 + ["Published: 3 March 2026"] + [BODY] * 5)
    assert codes(text, ["HL602"]) == {"HL602"}
    assert codes(text.replace("# Flu shots", "# Flu shots\n\nPublished: 3 March 2026"), ["HL602"]) == set()
