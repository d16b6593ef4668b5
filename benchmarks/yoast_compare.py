"""Where healthlint's SEO rules agree with Yoast's, and where they differ (a benchmark, not a test).

Installs the ``yoastseo`` npm package (3.6.0 when the registry has it, else its newest version)
into a throwaway temporary folder, runs Yoast's SEO and readability assessors on the team's own
articles (``examples/``) and on the SEO rules' bad and good examples through
``benchmarks/yoast_compare.js``, runs healthlint on the same articles, and prints, per check, how
often the two agree, then one line per article where they differ.

Checks compared (Yoast assessment -> healthlint rule): SEO title width -> HL701, meta description
length -> HL702/HL703, single H1 -> HL705, image alt text (Yoast's altTagCount research) -> HL707,
text length -> HL711, passive voice -> HL715. Yoast flags a check when its score is 7 or less
(orange or red in its traffic lights).

What each side is given: Yoast gets the article's body as HTML (Markdown rendered with
markdown-it, an HTML page's <body>, plain text as paragraphs), and the SEO title, meta
description, slug and keyphrase healthlint reads from the front matter or head. Yoast measures a
title's width in the browser; here it is given healthlint's estimate, so the title comparison
tests the thresholds, not the measurement.

Skips with a message (exit 0) when node or npm is missing or the package cannot be installed.
Usage: ``python benchmarks/yoast_compare.py [--version 3.6.0] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import html as htmllib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHECKS = [  # (label, Yoast assessment, healthlint rules)
    ("title length", "titleWidth", ("HL701",)),
    ("meta description length", "metaDescriptionLength", ("HL702", "HL703")),
    ("H1 count", "singleH1", ("HL705",)),
    ("image alt text", "altTagCount", ("HL707",)),
    ("text length", "textLength", ("HL711",)),
    ("passive voice share", "passiveVoice", ("HL715",)),
]
RULES = sorted({c for _, _, codes in CHECKS for c in codes})


def skip(message: str) -> None:
    print(f"yoast_compare: skipped: {message}")
    sys.exit(0)


def install(version: str, folder: Path) -> str:
    """npm-install yoastseo into ``folder``; returns the version installed."""
    npm = shutil.which("npm")
    if not shutil.which("node") or not npm:
        skip("node or npm is not installed")
    try:
        out = subprocess.run([npm, "view", "yoastseo", "versions", "--json"], capture_output=True, text=True, timeout=120)
        versions = json.loads(out.stdout) if out.returncode == 0 else []
    except (subprocess.TimeoutExpired, json.JSONDecodeError):
        versions = []
    if not versions:
        skip("the npm registry does not answer for yoastseo")
    versions = versions if isinstance(versions, list) else [versions]
    chosen = version if version in versions else [v for v in versions if "-" not in v][-1]
    (folder / "package.json").write_text('{"name": "yoast-compare", "private": true}\n')
    proc = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", f"yoastseo@{chosen}"],
                          cwd=folder, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        skip(f"npm install yoastseo@{chosen} failed: {proc.stderr.strip()[-300:]}")
    return chosen


def articles() -> list[tuple[str, str, str]]:
    """(name, text, format) for each example article and each SEO rule example."""
    from healthlint.config import Config
    from healthlint.engine import load_all_rules
    from healthlint.parsers import EXTENSIONS

    out = []
    for path in sorted((ROOT / "examples").rglob("*")):
        fmt = EXTENSIONS.get(path.suffix.lower())
        if fmt and path.is_file():
            out.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"), fmt))
    ext = {"markdown": "md", "html": "html", "text": "txt"}
    for rule in load_all_rules(Config()):
        if rule.category != "seo" or rule.check != "seo":
            continue
        for which in ("bad", "good"):
            for i, ex in enumerate(getattr(rule, which)):
                out.append((f"{rule.code}-{which}-{i}.{ext[ex.format]}", str(ex.text), ex.format))
    return out


def for_yoast(name: str, text: str, fmt: str) -> dict:
    """What Yoast's Paper gets: the body as HTML and the fields healthlint reads."""
    from markdown_it import MarkdownIt

    from healthlint.checks.seo_title_length import title_pixels
    from healthlint.parsers import parse_text
    from healthlint.parsers.frontmatter import split_front_matter

    doc = parse_text(text, name, fmt)
    if fmt == "markdown":
        fm = split_front_matter(text)
        body = MarkdownIt("commonmark").enable(["table"]).render(text[fm.end:] if fm else text)
    elif fmt == "html":
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(text, "html.parser")
        body = "".join(str(c) for c in (soup.body or soup).children) if soup.body else str(soup)
    else:
        body = "".join(f"<p>{htmllib.escape(b.text)}</p>" for b in doc.blocks)
    title = None
    for key in ("seo_title", "meta_title"):
        if isinstance(doc.meta.extra.get(key), str):
            title = doc.meta.extra[key].strip()
    if title is None:
        title = doc.title if fmt != "text" else doc.meta.title
    return {"name": name, "html": body, "title": title or "", "titleWidth": title_pixels(title) if title else 0,
            "description": doc.meta.description or "", "slug": doc.slug or "", "keyphrase": doc.meta.keyphrase or ""}


def healthlint_findings(items: list[tuple[str, str, str]]) -> dict[str, set[str]]:
    from healthlint.config import Config
    from healthlint.engine import Linter

    linter = Linter(Config(), select=RULES)
    out = {}
    for name, text, fmt in items:
        out[name] = {f.rule for f in linter.lint_text(text, name, fmt).findings}
    return out


def yoast_flags(result: dict, assessment: str) -> bool | None:
    if assessment == "altTagCount":
        alt = result["research"].get("altTagCount") or {}
        return bool(alt.get("noAlt"))
    score = result["scores"].get(assessment)
    if score is None:
        return None  # Yoast did not run it (e.g. no title for the width check)
    return score <= 7


def yoast_value(result: dict, assessment: str) -> str:
    r = result["research"]
    if assessment == "altTagCount":
        alt = r.get("altTagCount") or {}
        return f"{alt.get('noAlt', 0)} without alt"
    if assessment == "passiveVoice" and r.get("passive"):
        p = r["passive"]
        total = p.get("total") or 0
        return f"{len(p.get('passives', []))}/{total} passive"
    if assessment == "textLength":
        return f"{r.get('words')} words"
    if assessment == "singleH1":
        return f"{r.get('h1s')} H1"
    if assessment == "metaDescriptionLength":
        return f"{r.get('metaDescriptionLength')} chars"
    return f"score {result['scores'].get(assessment)}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--version", default="3.6.0", help="yoastseo version to install (default 3.6.0)")
    ap.add_argument("--keep", help="install into this folder and keep it (default: a temporary folder)")
    args = ap.parse_args()

    items = articles()
    with tempfile.TemporaryDirectory(prefix="yoast-compare-") as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        version = install(args.version, folder)
        payload = json.dumps([for_yoast(*item) for item in items])
        proc = subprocess.run(["node", str(ROOT / "benchmarks" / "yoast_compare.js"), str(folder)],
                              input=payload, capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            skip(f"the Node script failed: {proc.stderr.strip()[-500:]}")
        results = {r["name"]: r for r in json.loads(proc.stdout)}
    ours = healthlint_findings(items)

    print(f"yoastseo {version} vs healthlint on {len(items)} articles "
          f"({sum(1 for i in items if i[0].startswith('examples/'))} from examples/, the rest SEO rule examples)\n")
    print("| check | Yoast | healthlint | compared | agree | only Yoast flags | only healthlint flags |")
    print("|---|---|---|---|---|---|---|")
    differences = []
    for label, assessment, codes in CHECKS:
        agree = only_y = only_h = compared = 0
        for name, _, _ in items:
            result = results.get(name) or {}
            if "error" in result or not result:
                continue
            y = yoast_flags(result, assessment)
            h = bool(ours[name] & set(codes))
            if y is None:
                if not h:
                    continue
                y = False
            compared += 1
            if y == h:
                agree += 1
            else:
                only_y += y
                only_h += h
                differences.append((label, name, "Yoast" if y else "healthlint", yoast_value(result, assessment),
                                    ",".join(sorted(ours[name] & set(codes))) or "-"))
        print(f"| {label} | {assessment} | {'/'.join(codes)} | {compared} | {agree} | {only_y} | {only_h} |")
    errors = [r["name"] for r in results.values() if "error" in r]
    if errors:
        print(f"\nYoast failed on: {', '.join(errors)}")
    print("\nDifferences (check, article, who flags it, Yoast's measure, healthlint's findings):")
    for d in differences:
        print(f"- {d[0]}: {d[1]}: only {d[2]} flags it (Yoast: {d[3]}; healthlint: {d[4]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
