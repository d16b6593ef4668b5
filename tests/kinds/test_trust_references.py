"""Kind ``trust-references`` (HL603): the article gives some source at all."""

from __future__ import annotations

from kindtools import FLU_BODY as BODY
from kindtools import codes


def test_a_link_is_a_source():
    assert codes("# Flu shots\n\n" + BODY + "\nSee [CDC guidance](https://www.cdc.gov/flu).\n", ["HL603"]) == set()


def test_no_source():
    assert codes("# Flu shots\n\n" + BODY, ["HL603"]) == {"HL603"}
