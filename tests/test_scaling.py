"""Issue 16, item 4: no input shape makes one article's lint super-linear. Each shape is linted at
1x and 8x its size; the time ratio must stay far below the 64x of a quadratic pass (a ratio, so the
test does not depend on the machine's speed). Inputs are generated here."""

from __future__ import annotations

import random
import time

import pytest

from healthlint.config import Config
from healthlint.engine import Linter

LINTER = Linter(Config())
WORDS = "sleep health doctor clinic treatment pain care mood diet walk rest water".split()


def repeated_word(k: int) -> str:
    return "# T\n\n" + "clinic " * (2500 * k) + "\n"


def many_paragraphs(k: int) -> str:
    rng = random.Random(1)
    paras = (" ".join(rng.choice(WORDS) for _ in range(20)) + "." for _ in range(500 * k))
    return "# T\n\n" + "\n\n".join(paras) + "\n"


def repeated_character(k: int) -> str:
    return "# T\n\n" + "a" * (25_000 * k) + "\n"


def suppressions(k: int) -> str:
    block = "<!-- healthlint-disable HL1 -->\nThis clinic line of text is here for you.\n<!-- healthlint-enable HL1 -->\n\n"
    return "# T\n\n" + block * (250 * k)


def seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t = time.process_time()
        LINTER.lint_text(text, "a.md", "markdown")
        best = min(best, time.process_time() - t)
    return max(best, 1e-3)


@pytest.mark.parametrize("shape", [repeated_word, many_paragraphs, repeated_character, suppressions],
                         ids=lambda f: f.__name__)
def test_eight_times_the_input_costs_far_less_than_sixty_four_times_the_time(shape):
    small, large = seconds(shape(1)), seconds(shape(8))
    assert large / small < 24, f"{shape.__name__}: {small:.3f} s -> {large:.3f} s ({large / small:.1f}x for 8x the input)"


def test_a_rule_with_thousands_of_patterns_loads_in_linear_time():
    # The literal prefilter of a lexicon, built when a rule file loads.
    from healthlint.lexicon import Lexicon

    def build(n: int) -> float:
        patterns = [rf"\bword{i:05d}\w*" for i in range(n)]
        best = float("inf")
        for _ in range(2):
            t = time.process_time()
            Lexicon(patterns, trusted=False)
            best = min(best, time.process_time() - t)
        return max(best, 1e-3)

    small, large = build(300), build(2400)
    assert large / small < 24, f"{small:.3f} s -> {large:.3f} s for 8x the patterns"
