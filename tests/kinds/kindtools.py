"""Helpers for the per-kind tests (tests/kinds/test_<kind>.py): a user's rule of a given kind, and
the findings of a rule on one article."""

from __future__ import annotations

from pathlib import Path

import yaml

from healthlint.config import Config, from_mapping
from healthlint.engine import Linter

SOURCE = [{"title": "A test"}]


def user_rule(folder: Path, code: str, check: str, message: str, params: dict | None = None,
              category: str = "input", scope: str | None = None) -> Path:
    """Write a rule file of kind ``check`` into ``folder`` (a ``rule-paths`` folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {"code": code, "name": f"my-{code.lower()}", "category": category, "severity": "warning",
            "check": check, "message": message, "summary": "A test rule.", "rationale": "For a test.",
            "sources": SOURCE, "examples": {"bad": "x", "good": "y"}}
    if scope:
        data["scope"] = scope
    if params:
        data["params"] = params
    path = folder / f"{code}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def linter(select: list[str], rule_paths: list[Path] = (), **config) -> Linter:
    mapping = {**config, **({"rule-paths": [str(p) for p in rule_paths]} if rule_paths else {})}
    cfg = from_mapping(mapping, None, None, Path.cwd()) if mapping else Config()
    return Linter(cfg, select=select)


def lint_one(text: str | bytes, select: list[str], fmt: str = "markdown", rule_paths: list[Path] = (), **config) -> list:
    ext = {"markdown": "md", "html": "html", "text": "txt"}[fmt]
    return linter(select, rule_paths, **config).lint_sources([(f"t.{ext}", text, fmt)]).files[0].findings


# Articles for the trust-* kinds: a neutral article of about 100 words, and the opening of a page
# that promotes its own business.
FLU_BODY = ("Flu shots are offered every autumn for adults and children over six months. The vaccine is made "
            "new each year because flu viruses change. Protection builds up over about two weeks, so it is best "
            "to have it before flu spreads. Most people have a sore arm for a day or two; some have a mild fever. "
            "Ask your pharmacist whether the shot is right for you and which kind suits your age group. "
            "Pharmacies, clinics and many workplaces offer the shot, and most health plans pay for it in full.\n")
PROMO = "# Bright Path Clinic\n\nOur clinic offers infusion therapy. Call us today to book a consultation.\n\n"


def codes(text: str, select: list[str], fmt: str = "markdown", **config) -> set[str]:
    """The codes of the findings of ``select`` on one article."""
    return {f.rule for f in lint_one(text, select, fmt, **config)}
