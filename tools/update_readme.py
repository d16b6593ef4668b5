"""Regenerate the generated tables of the READMEs: ``python tools/update_readme.py``.

* ``README.md``: the rule table, from the rule files (``healthlint rules --format markdown``).
* ``rules/README.md``: the check-kind reference (each kind's scopes, parameters and message
  fields, from the kinds' own declarations) and the retired kind forms rule files may still use
  (from ``healthlint.checks.RETIRED``).

Each table sits between two marker comments; the prose around them is left alone. A test runs this
on copies and fails when a table is stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout's healthlint, whatever is installed

from healthlint.checks import RETIRED, get_kind, kind_names  # noqa: E402

README = ROOT / "README.md"
RULES_README = ROOT / "rules" / "README.md"
START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"
KINDS = ("<!-- kinds-table:start -->", "<!-- kinds-table:end -->")
RETIRED_FORMS = ("<!-- retired-kinds:start -->", "<!-- retired-kinds:end -->")


def _param(name: str, param) -> str:
    """`name`, with its choices and whether a rule must set it: `metric` (a, b; required)."""
    notes = [", ".join(map(str, param.choices))] if param.choices is not None else []
    notes += ["required"] if param.required else []
    return f"`{name}`" + (f" ({'; '.join(notes)})" if notes else "")


def kinds_table() -> str:
    """One row per check kind: its scopes, its parameters (choices, and whether a rule must set
    it) and the fields its message may use besides the parameters."""
    rows = ["| kind | scopes | parameters | message fields |", "|---|---|---|---|"]
    for name in kind_names():
        kind = get_kind(name)
        params = ", ".join(_param(k, p) for k, p in kind.params.items()) or "none"
        fields = ", ".join(kind.fields) or "none"
        rows.append(f"| `{name}` | {', '.join(kind.scopes)} | {params} | {fields} |")
    return "\n".join(rows) + "\n"


def retired_table() -> str:
    """One row per value of each retired kind's switch: the kind it is now."""
    rows = ["| retired form | kind now |", "|---|---|"]
    for old in sorted(RETIRED.values(), key=lambda r: r.name):
        for value, name in old.kinds.items():
            default = " (the default)" if value == old.default else ""
            rows.append(f"| `check: {old.name}`, `params: {{{old.switch}: {value}}}`{default} | `{name}` |")
    return "\n".join(rows) + "\n"


def between(text: str, markers: tuple[str, str], body: str) -> str:
    start, end = markers
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{body}{end}{tail}"


def main() -> None:
    table = subprocess.run([sys.executable, "-m", "healthlint", "rules", "--format", "markdown"],
                           capture_output=True, text=True, check=True, cwd=ROOT).stdout
    README.write_text(between(README.read_text(), (START, END), table))
    text = RULES_README.read_text()
    text = between(text, KINDS, kinds_table())
    RULES_README.write_text(between(text, RETIRED_FORMS, retired_table()))


if __name__ == "__main__":
    main()
