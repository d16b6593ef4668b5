"""Articles and helpers for the tests of the seo-* kinds (tests/kinds/test_seo_*.py) and of
internal-links: Markdown with front matter, an HTML page with a head, and the findings of one rule."""

from __future__ import annotations

from helpers import lint


GOOD_DESC = ("What sleep apnea is, how it is diagnosed with a sleep study, and which treatments help "
             "adults who snore and feel tired during the day.")


BODY = "Sleep apnea makes breathing stop and start during sleep. A doctor can arrange a sleep study."


def md(front: str = "", body: str = "# Sleep apnea\n\n" + BODY + "\n") -> str:
    return (f"---\n{front}\n---\n" if front else "") + body


def html(head: str = "", body: str = "<h1>Sleep apnea</h1><p>" + BODY + "</p>") -> str:
    head_part = f"<head>{head}</head>" if head is not None else ""
    return f"<html>{head_part}<body>{body}</body></html>"


def codes(text: str, code: str, fmt: str = "markdown", config: dict | None = None) -> list:
    return [f for f in lint(text, [code], fmt, config) if f.rule == code]


LONG_TITLE = "Obstructive sleep apnea in adults: symptoms, causes, tests, treatment options and outlook"


PASSIVE_BODY = ("The test is done at night. Sensors are placed on your chest. Your breathing is recorded by a "
                "machine. The results are checked by a doctor. You go home in the morning.")
