"""Merge the annotators' parts (benchmarks/gold/parts/*.yaml) into benchmarks/gold/spam-dev.yaml.

A page annotated in two parts (the overlap used to measure agreement between annotators) gets the
union of its defects, one per (line, category), and is promotional if either annotator said so.
"""

from __future__ import annotations

from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def main() -> None:
    pages: dict[str, dict] = {}
    for part in sorted((HERE / "parts").glob("*.yaml")):
        for name, info in yaml.safe_load(part.read_text(encoding="utf-8"))["pages"].items():
            page = pages.setdefault(name, {"promotional": False, "defects": {}})
            page["promotional"] = page["promotional"] or bool(info.get("promotional"))
            for d in info.get("defects") or []:
                page["defects"].setdefault((d["line"], d["category"]), d["note"])
    out = ["# Gold defects of spam-dev (see GUIDELINES.md): written by merge.py from parts/; do not edit.",
           "# Notes are the annotators' own words; no page text.", "pages:"]
    for name in sorted(pages):
        p = pages[name]
        out.append(f"  {name}:")
        out.append(f"    promotional: {'true' if p['promotional'] else 'false'}")
        if not p["defects"]:
            out.append("    defects: []")
            continue
        out.append("    defects:")
        for (line, cat), note in sorted(p["defects"].items()):
            out.append(f"      - {{line: {line}, category: {cat}, note: {yaml.safe_dump(str(note), default_style=chr(34)).strip()}}}")
    (HERE / "spam-dev.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(pages)} pages, {sum(len(p['defects']) for p in pages.values())} defects")


if __name__ == "__main__":
    main()
