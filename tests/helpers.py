from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# One line of a cream's advert with a hype word and an absolute safety claim (HL405, HL403), shared by
# test_new_user.py and the report tests that lint it through the CLI.
CLAIM = "This miracle cream is guaranteed to work and has no side effects."


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the installed healthlint as a user would (a fresh interpreter)."""
    return subprocess.run(
        [sys.executable, "-m", "healthlint", *args], cwd=cwd, input=stdin, capture_output=True, env=env,
    )


def run_json(*args: str, cwd: Path | None = None) -> tuple[int, dict]:
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    return proc.returncode, json.loads(proc.stdout)


def lint(text: str, codes: list[str], fmt: str = "markdown", config: dict | None = None) -> list:
    """Findings of the given rules on one in-memory article (config: settings as in .healthlint.yaml)."""
    from healthlint.config import Config, from_mapping
    from healthlint.engine import Linter

    cfg = from_mapping(config, None, None, Path.cwd()) if config else Config()
    ext = {"markdown": "md", "text": "txt", "html": "html"}[fmt]
    return Linter(cfg, select=codes).lint_text(text, f"t.{ext}", fmt).findings


# Suppression tests (tests/test_integrations.py, tests/kinds/test_input_unused_suppression.py): an
# efficacy claim (HL401) and hype (HL405), and the (line, rule) of each finding of those rules.
EFFICACY = "This pill has been proven to be highly effective for insomnia."
HYPE = "This miracle pill is guaranteed to work."


def codes_at(text: str, fmt: str = "markdown", select=("HL401", "HL405"), extra=()) -> list[tuple[int, str]]:
    from healthlint.config import Config
    from healthlint.engine import Linter

    report = Linter(Config(), select=[*select, *extra]).lint_sources([(f"t.{'html' if fmt == 'html' else 'md'}", text, fmt)])
    return [(f.line, f.rule) for f in report.findings]

