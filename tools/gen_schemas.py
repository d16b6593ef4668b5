"""Write the JSON Schemas of the config file and of rule files, from the code that validates them
(:mod:`healthlint.schemas`): ``healthlint/data/config.schema.json`` and ``rule.schema.json`` (in the
package), and the same files in ``docs/schemas/`` (to link to from a repository).

    python tools/gen_schemas.py            # (re)write the four files
    python tools/gen_schemas.py --check    # exit 1, listing stale files, when any would change

The config schema names the shipped rules (their codes, summaries and parameters), so it changes
when a rule file does: run this after editing rules/, as tools/gen_rule_docs.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout's healthlint, whatever is installed

from healthlint.rules import check_unique, load_rule_folder
from healthlint.schemas import CONFIG_FILE, RULE_FILE, config_schema, rule_schema

RULES = ROOT / "rules"
FOLDERS = (ROOT / "healthlint" / "data", ROOT / "docs" / "schemas")


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def expected() -> dict[str, str]:
    """File name -> text."""
    rules = load_rule_folder(RULES)
    check_unique(rules)
    return {CONFIG_FILE: render(config_schema(sorted(rules, key=lambda r: r.code))), RULE_FILE: render(rule_schema())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if any schema differs from what would be generated")
    args = ap.parse_args(argv)
    texts = expected()
    stale = [folder / name for folder in FOLDERS for name, text in texts.items()
             if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
    if args.check:
        for p in stale:
            print(f"stale: {p}")
        if stale:
            print("JSON Schemas are out of date: run python tools/gen_schemas.py", file=sys.stderr)
        return 1 if stale else 0
    for p in stale:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(texts[p.name], encoding="utf-8", newline="\n")
    print(f"{len(stale)} of {len(FOLDERS) * len(texts)} schema files written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
