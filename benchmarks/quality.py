"""Does healthlint separate bad pages from good ones on real text? (a benchmark, not a test)

Runs the installed CLI (``healthlint check --format json``) on a folder of real health-marketing
pages and a folder of careful reputable pages, then prints:

* per category: the share of pages with a finding (and with a warning or error), findings per
  1,000 words, on both sets;
* counts per rule on both sets;
* the AUC of the score: the probability that a reputable page scores above a marketing page
  (ties count half);
* the share of pages the promotion signal calls promotional, on both sets;
* with a gold file (``benchmarks/gold/spam-dev.yaml``): recall and precision per category, counted
  per (line, category), and the share of gold-marked pages with a finding of that category;
* author messages that quote text which is not a name (should be zero).

Defaults: ``benchmarks/data/spam-dev`` (git-ignored; build it as ``../shared/corpus/README.md``
says) and ``../shared/corpus/reputable``. A folder that is absent is skipped with a note.

    python benchmarks/quality.py [--marketing DIR] [--reputable DIR] [--gold FILE] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONTENT = ("claim", "stuffing", "residue", "splice", "duplicate")
CATEGORIES = ("claim", "stuffing", "residue", "splice", "duplicate", "readability", "trust", "seo", "input")


def run_cli(folder: Path, extra: list[str], cli: str | None = None) -> dict:
    exe = shutil.which("healthlint")
    cmd = cli.split() if cli else [exe] if exe else [sys.executable, "-m", "healthlint"]
    cmd += ["check", str(folder), "--format", "json", "--exit-zero", "--no-cache", "--no-progress", *extra]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"healthlint failed ({out.returncode}): {out.stderr.strip()[:500]}")
    return json.loads(out.stdout)


def auc(good: list[float], bad: list[float]) -> float:
    """P(a good page scores above a bad one), ties counted half (Mann-Whitney U / n1 n2)."""
    if not good or not bad:
        return float("nan")
    wins = 0.0
    for g in good:
        for b in bad:
            wins += 1.0 if g > b else 0.5 if g == b else 0.0
    return wins / (len(good) * len(bad))


def promotional_share(folder: Path) -> tuple[int, int]:
    """How many articles of the folder the promotion signal calls promotional."""
    from healthlint.parsers import parse_bytes
    from healthlint.promo import is_promotional

    n = hit = 0
    for p in sorted(folder.rglob("*")):
        if p.suffix.lower() not in (".md", ".txt", ".html", ".htm", ".markdown"):
            continue
        doc = parse_bytes(p.read_bytes(), str(p))
        n += 1
        hit += bool(is_promotional(doc))
    return hit, n


# An author message quotes its name in single quotes; a real name is 1-5 capitalised words.
NAME = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|del|and|&)){0,5}$")


def wrong_author_quotes(report: dict) -> list[str]:
    bad = []
    for f in report["files"]:
        for x in f["findings"]:
            if x["rule"] != "HL601":
                continue
            for q in re.findall(r"'([^']+)'", x["message"]):
                if not NAME.match(q.strip()):
                    bad.append(f"{f['path']}: {x['message']}")
    return bad


def summarise(name: str, report: dict) -> dict:
    files = report["files"]
    words = sum(f["words"] for f in files) or 1
    pages = {c: 0 for c in CATEGORIES}
    warned = {c: 0 for c in CATEGORIES}  # pages with a warning or an error of the category
    count = Counter()
    rules = Counter()
    for f in files:
        cats = {x["category"] for x in f["findings"]}
        for c in cats:
            pages[c] = pages.get(c, 0) + 1
        for c in {x["category"] for x in f["findings"] if x["severity"] != "info"}:
            warned[c] = warned.get(c, 0) + 1
        for x in f["findings"]:
            count[x["category"]] += 1
            rules[x["rule"]] += 1
    return {
        "name": name, "pages": len(files), "words": words,
        "pages_with": pages, "pages_warned": warned, "per_1000_words": {c: round(1000 * count[c] / words, 2) for c in CATEGORIES},
        "findings": dict(count), "rules": dict(sorted(rules.items())),
        "scores": [f["score"] for f in files],
        "wrong_author_quotes": wrong_author_quotes(report),
    }


def gold_scores(report: dict, gold_path: Path) -> dict:
    import yaml

    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))["pages"]
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    out: dict[str, dict] = {}
    for cat in CONTENT:
        tp_gold = n_gold = tp_found = n_found = 0
        pages_gold = pages_hit = 0
        misses: list[str] = []
        false: list[str] = []
        for page, info in gold.items():
            f = by_name.get(page)
            if f is None:
                continue
            want = {d["line"] for d in info.get("defects") or [] if d["category"] == cat}
            got = {x["line"] for x in f["findings"] if x["category"] == cat}
            # A page-level finding sits on the title (line 1): it is right when the gold marks the
            # page for that category anywhere, and it finds no line of its own.
            if 1 in got and 1 not in want:
                got.discard(1)
                n_found += 1
                tp_found += bool(want)
            n_gold += len(want)
            tp_gold += len(want & got)
            n_found += len(got)
            tp_found += len(got & want)
            misses += [f"{page}:{ln}" for ln in sorted(want - got)]
            false += [f"{page}:{ln}" for ln in sorted(got - want)]
            if want:
                pages_gold += 1
                pages_hit += bool(got)
        out[cat] = {
            "gold": n_gold, "found": n_found,
            "recall": round(tp_gold / n_gold, 3) if n_gold else None,
            "precision": round(tp_found / n_found, 3) if n_found else None,
            "pages_gold": pages_gold, "pages_hit": pages_hit,
            "misses": misses, "false": false,
        }
    promo = [bool(v.get("promotional")) for v in gold.values()]
    out["promotional_gold"] = {"pages": len(promo), "promotional": sum(promo)}
    out["defect_pages"] = sorted(page for page, info in gold.items() if info.get("defects"))
    return out


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "-"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--marketing", type=Path, default=HERE / "data" / "spam-dev")
    ap.add_argument("--reputable", type=Path, default=ROOT.parent / "shared" / "corpus" / "reputable")
    ap.add_argument("--gold", type=Path, default=HERE / "gold" / "spam-dev.yaml")
    ap.add_argument("--json", type=Path, help="write the figures to this file")
    ap.add_argument("--cli", help="the command to run instead of the installed healthlint (to compare a "
                    "checkout: 'env PYTHONPATH=/path/to/old python -m healthlint')")
    ap.add_argument("--verbose", "-v", action="store_true", help="list gold misses and unmatched findings")
    ap.add_argument("extra", nargs="*", help="extra arguments for healthlint check (after --)")
    args = ap.parse_args()

    sets = {}
    for name, folder in (("marketing", args.marketing), ("reputable", args.reputable)):
        if not folder.is_dir():
            print(f"skip {name}: {folder} is absent (see ../shared/corpus/README.md)")
            continue
        report = run_cli(folder, args.extra, args.cli)
        s = summarise(name, report)
        s["promotional"] = promotional_share(folder) if not args.cli else (0, 0)
        s["report"] = report
        sets[name] = s
    if not sets:
        print("nothing to measure")
        return 0

    names = list(sets)
    print("| | " + " | ".join(f"{n} ({sets[n]['pages']} pages, {sets[n]['words']:,} words)" for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for c in CATEGORIES:
        cells = [f"{pct(sets[n]['pages_with'].get(c, 0), sets[n]['pages'])} of pages "
                 f"({pct(sets[n]['pages_warned'].get(c, 0), sets[n]['pages'])} with a warning), "
                 f"{sets[n]['per_1000_words'][c]}/1k words"
                 for n in names]
        print(f"| {c} | " + " | ".join(cells) + " |")
    cells = [f"{sets[n]['promotional'][0]} of {sets[n]['promotional'][1]}" for n in names]
    print("| promotional (promotion signal) | " + " | ".join(cells) + " |")
    for n in names:
        sc = sorted(sets[n]["scores"])
        print(f"| median score, {n} | {sc[len(sc) // 2]} |")
    result = {n: {k: v for k, v in s.items() if k != "report"} for n, s in sets.items()}
    if len(sets) == 2:
        a = auc(sets["reputable"]["scores"], sets["marketing"]["scores"])
        print(f"\nAUC of the score (reputable above marketing): {a:.3f}")
        result["auc"] = a
    print("\nfindings per rule:")
    all_rules = sorted(set().union(*(s["rules"] for s in sets.values())))
    for r in all_rules:
        print(f"  {r}: " + ", ".join(f"{n} {sets[n]['rules'].get(r, 0)}" for n in names))
    for n in names:
        wrong = sets[n]["wrong_author_quotes"]
        print(f"\nauthor messages quoting non-name text, {n}: {len(wrong)}")
        for w in wrong[:5]:
            print("   ", w)
    if "marketing" in sets and args.gold.is_file():
        g = gold_scores(sets["marketing"]["report"], args.gold)
        result["gold"] = {k: ({kk: vv for kk, vv in v.items() if kk not in ("misses", "false")} if isinstance(v, dict) else v)
                          for k, v in g.items()}
        print(f"\nagainst the gold file ({args.gold.name}), per (line, category):")
        print("| category | gold | found | recall | precision | gold pages with a finding |")
        print("|---|---|---|---|---|---|")
        for cat in CONTENT:
            x = g[cat]
            fmt = lambda v: "-" if v is None else f"{100 * v:.0f}%"  # noqa: E731
            print(f"| {cat} | {x['gold']} | {x['found']} | {fmt(x['recall'])} | {fmt(x['precision'])} | "
                  f"{x['pages_hit']} of {x['pages_gold']} |")
            if args.verbose:
                print("   missed:", " ".join(x["misses"]))
                print("   not in gold:", " ".join(x["false"]))
        pg = g["promotional_gold"]
        print(f"gold: {pg['promotional']} of {pg['pages']} pages promotional")
        if "reputable" in sets:
            # The AUC above counts every marketing page as worse than every reputable one; the
            # annotators found no defect on some of them. Against the pages they marked:
            pages = set(g["defect_pages"])
            marked = [f["score"] for f in sets["marketing"]["report"]["files"] if Path(f["path"]).name in pages]
            a2 = auc(sets["reputable"]["scores"], marked)
            print(f"AUC against the {len(marked)} marketing pages the gold marks with a defect: {a2:.3f}")
            result["auc_gold_marked"] = a2
    elif "marketing" in sets:
        print(f"\nno gold file at {args.gold}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("NO_COLOR", "1")
    sys.exit(main())
