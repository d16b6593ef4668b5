"""Regenerate the README's rule table from the rule files: ``python tools/update_readme.py``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"


def main() -> None:
    table = subprocess.run([sys.executable, "-m", "healthlint", "rules", "--format", "markdown"],
                           capture_output=True, text=True, check=True).stdout
    text = README.read_text()
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{table}{END}{tail}")


if __name__ == "__main__":
    main()
