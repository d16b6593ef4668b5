"""Kind ``trust-author`` (HL601): the article names its author, a person."""

from __future__ import annotations

import pytest

from helpers import lint
from kindtools import FLU_BODY as BODY
from kindtools import codes


def test_named_author_from_front_matter():
    assert codes("---\nauthor: Dr. Lena Park\n---\n# Flu shots\n\n" + BODY, ["HL601"]) == set()


def test_byline_in_the_text():
    text = "Flu shots\nBy Lena Park, pharmacist | Updated March 3, 2026\n\n" + BODY
    assert codes(text, ["HL601"]) == set()


def test_no_author():
    [f] = lint("# Flu shots\n\n" + BODY, ["HL601"])
    assert f.message == "Trust: no author is named (JAMA benchmark: authorship)"


@pytest.mark.parametrize("author", ["Our Clinic Team", "a medical professional at our clinic", "Staff Writer", "Admin"])
def test_generic_author_is_not_a_named_person(author):
    text = f"---\nauthor: {author}\ndate: 2026-01-05\n---\n# Flu shots\n\n" + BODY
    found = [f for f in lint(text, ["HL601"])]
    assert len(found) == 1 and "not as a named person" in found[0].message


def test_prose_with_by_is_never_quoted_as_an_author():
    # Issue 15: "by …" inside a sentence of prose is not a byline, and its words are never quoted.
    body = ("Doctors treat the rash by other methods. While there is no single test, a skin check helps. " * 8).strip()
    text = "# Rashes\n\n" + body + "\n\nSymptoms are caused by an infested person.\n"
    findings = lint(text, ["HL601"])
    assert [f.message for f in findings] == [] or all("no author is named" in f.message for f in findings)
    signed = "# Rashes\n\n" + body + "\n\nBy Dr. Maya Okafor\n"
    assert lint(signed, ["HL601"]) == []
    staff = "# Rashes\n\n" + body + "\n\nBy Staff Writer\n"
    [f] = lint(staff, ["HL601"])
    assert "'Staff Writer'" in f.message


def test_short_articles_are_not_judged():
    assert codes("# Flu shots\n\nFlu shots are offered every autumn.\n", ["HL601"]) == set()
