"""Generate one Markdown page per shipped rule, ``docs/rules/<CODE>.md``, and the index
``docs/rules/README.md``, from the rule files in ``rules/``.

    python tools/gen_rule_docs.py            # (re)write the pages
    python tools/gen_rule_docs.py --check    # exit 1, listing stale pages, when any would change

The text depends only on the rule files and the check kinds' defaults (no dates, sorted), so a test
can regenerate it and compare. Pattern lists are summarised, not copied: the rule file has them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout's healthlint, whatever is installed

from healthlint.checks import get_kind  # noqa: E402
from healthlint.rules import Example, Rule, check_unique, load_rule_folder  # noqa: E402
from healthlint.ruledocs import param_text  # noqa: E402

RULES = ROOT / "rules"
PAGES = ROOT / "docs" / "rules"
PAGE_NAME = re.compile(r"^[A-Z]{2,5}[0-9]{3,4}\.md$")
HEADER = "<!-- Generated from {src} by tools/gen_rule_docs.py: edit the rule file, not this page. -->"

SCOPES = {
    "document": "the whole article", "section": "each section", "paragraph": "each paragraph",
    "sentence": "each sentence", "heading": "each heading", "title": "the title",
    "block": "each block (paragraph, list item, heading)", "corpus": "all the articles of a run together",
}
FENCES = {"markdown": "markdown", "html": "html", "text": "text"}


def load_rules() -> list[Rule]:
    rules = load_rule_folder(RULES)
    check_unique(rules)
    return sorted(rules, key=lambda r: r.code)


def rule_path(rule: Rule) -> str:
    return Path(rule.file).resolve().relative_to(ROOT).as_posix()


def cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def param_rows(rule: Rule) -> list[str]:
    kind = get_kind(rule.check)
    rows = []
    for key, value in rule.params.items():
        shown, summarised = param_text(value)
        if summarised:
            built_in = key in kind.params and value == kind.params[key].default
            shown += (f", built into the `{rule.check}` check" if built_in
                      else f"; see the rule file `{rule_path(rule)}`")
        rows.append(f"| `{key}` | {cell(shown)} |")
    return rows


def example_block(ex: Example) -> list[str]:
    if isinstance(ex.text, bytes):
        return [_describe_bytes(ex.text), ""]
    text = ex.text.rstrip("\n")
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    out = [f"{fence}{FENCES[ex.format]}", text, fence, ""]
    if ex.params:
        out[:0] = [f"Linted with this config: `{json.dumps(ex.params, sort_keys=True, ensure_ascii=False)}`", ""]
    return out


def _describe_bytes(data: bytes) -> str:
    """A binary example in words: its size, and its text when it is a legacy 8-bit encoding."""
    try:
        data.decode("utf-8")
        return f"*A file of {len(data)} bytes.*"
    except UnicodeDecodeError:
        pass
    try:
        legacy = data.decode("cp1252")
    except UnicodeDecodeError:
        legacy = None
    if legacy is not None and legacy.strip() and all(c.isprintable() or c in "\n\t" for c in legacy):
        return f"*A file of {len(data)} bytes that is not valid UTF-8; as Windows-1252 it reads: {legacy.strip()}*"
    return f"*A file of {len(data)} bytes of binary data, not text.*"


def page(rule: Rule) -> str:
    src = rule_path(rule)
    out = [f"# {rule.code} {rule.name}", "", HEADER.format(src=src), "", rule.summary, "",
           "| | |", "|---|---|",
           f"| Category | {rule.category} |", f"| Severity | {rule.severity} |",
           f"| Check | `{rule.check}`, on {SCOPES.get(rule.scope, rule.scope)} |",
           f"| On by default | {'yes' if rule.enabled else f'no: turn it on with `extend-select: [{rule.code}]` in the config'}{audience_note(rule)} |",
           *([f"| Score | counts toward the {rule.score_component} component |"] if rule.score_component else []),
           f"| Rule file | `{src}` |", ""]
    out += ["## What it finds", "", rule.description or rule.summary, ""]
    out += ["## Why", "", rule.rationale, ""]
    out += ["## How to fix", "", rule.fix or "The rule file gives no advice.", ""]
    out += ["## Thresholds", ""]
    if rule.params:
        out += ["| Parameter | Value |", "|---|---|", *param_rows(rule), ""]
        for audience, over in sorted(rule.audiences.items()):
            values = ", ".join(f"`{k}` {param_text(v)[0]}" for k, v in over.items())
            out += [f"For `audience: {audience}`: {values}.", ""]
        first = next((k for k, v in rule.params.items() if isinstance(v, (int, float)) and not isinstance(v, bool)),
                     next(iter(rule.params)))
        out += [f"Override them in `.healthlint.yaml`: `rules: {{{rule.code}: {{params: {{{first}: ...}}}}}}`.", ""]
    else:
        out += ["This rule has no parameters.", ""]
    out += [f"Silence one line with `<!-- healthlint-disable-next-line {rule.code} -- reason -->` on the line above it, "
            f"or a whole article with `<!-- healthlint-disable-file {rule.code} -- reason -->`.", ""]
    out += ["## Sources", ""]
    for s in rule.sources:
        title = s["title"].replace("[", "\\[").replace("]", "\\]")
        out.append(f"- [{title}]({s['url']})" if s.get("url") else f"- {title}")
    out += ["", "## Examples", ""]
    if rule.scope == "corpus":
        out += ["The rule compares articles: the bad examples are linted together as one run, and so are the good ones.", ""]
    for label, examples in (("Reported", rule.bad), ("Not reported", rule.good)):
        out += [f"### {label}", ""]
        for ex in examples:
            out += example_block(ex)
    return "\n".join(out).rstrip("\n") + "\n"


def audience_note(rule: Rule) -> str:
    """ "; off for `audience: professional`" for rules an audience turns off (or on)."""
    notes = [f"{'on' if on else 'off'} for `audience: {aud}`" for aud, on in sorted(rule.audience_enabled.items())
             if on != rule.enabled]
    return ("; " + ", ".join(notes)) if notes else ""


def index(rules: list[Rule]) -> str:
    out = ["# Rule pages", "", "Generated from the rule files by `python tools/gen_rule_docs.py`; do not edit by hand.",
           "One page per rule: what it finds, why it matters, how to fix it, its thresholds, sources and examples.",
           "", "| Code | Name | Category | Severity | Summary |", "|---|---|---|---|---|"]
    for r in rules:
        off = " (off by default)" if not r.enabled else ""
        out.append(f"| [{r.code}]({r.code}.md) | {r.name} | {r.category} | {r.severity} | {cell(r.summary)}{off} |")
    return "\n".join(out) + "\n"


def pages(rules: list[Rule]) -> dict[str, str]:
    """File name -> text, for every page and the index."""
    return {"README.md": index(rules), **{f"{r.code}.md": page(r) for r in rules}}


def stale(folder: Path, expected: dict[str, str]) -> list[Path]:
    """Files of ``folder`` that differ from ``expected``, are missing, or belong to no rule."""
    out = [folder / name for name, text in expected.items()
           if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
    if folder.is_dir():
        out += [p for p in folder.iterdir() if PAGE_NAME.match(p.name) and p.name not in expected]
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if any page differs from what would be generated")
    ap.add_argument("--out", type=Path, default=PAGES, help="folder of the pages [default: docs/rules]")
    args = ap.parse_args(argv)
    expected = pages(load_rules())
    changed = stale(args.out, expected)
    if args.check:
        for p in changed:
            print(f"stale: {p}")
        if changed:
            print("Rule pages are out of date: run python tools/gen_rule_docs.py", file=sys.stderr)
        return 1 if changed else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for p in changed:
        if p.name in expected:
            p.write_text(expected[p.name], encoding="utf-8", newline="\n")
        else:
            p.unlink()  # the page of a rule that no longer exists
    print(f"{len(changed)} of {len(expected)} pages written or removed in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
