"""Snapshots of every report format on ``examples/``: ``tests/snapshots/examples.<format>``.

    python tools/update_snapshots.py            # (re)write the snapshots after an intended change
    python tools/update_snapshots.py --check    # exit 1 with a diff when a report differs

Each snapshot is the report a user gets from ``healthlint check examples/ --format F`` run in the
checkout (no cache, one process, no colour, no source lines). One part depends on the machine and is
normalised: the address of the rule pages (``file:///…/docs/rules/`` in a checkout,
``…/_docs/rules/`` in an installed package) becomes ``<docs>/``. Everything else, down to the
byte, is what the snapshot holds, so a change to any rule, message, span or format shows up as a
diff in review (as ruff's snapshot tests do).
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "snapshots"
FORMATS = ("text", "concise", "json", "sarif", "github", "html")
_DOCS = re.compile(r"file://[^\s\"'()<>\]]*?/_?docs/rules/")


def report(fmt: str) -> str:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)  # the github format would also write a summary there
    proc = subprocess.run(
        [sys.executable, "-m", "healthlint", "check", "examples", "--format", fmt, "--no-cache", "--jobs", "1",
         "--no-progress", *(["--no-show-source"] if fmt == "text" else [])],
        cwd=ROOT, capture_output=True, env=env,
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"healthlint --format {fmt} exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')}")
    return _DOCS.sub("<docs>/", proc.stdout.decode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on a difference")
    args = ap.parse_args(argv)
    stale = []
    for fmt in FORMATS:
        path = SNAPSHOTS / f"examples.{fmt}"
        new = report(fmt)
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        if new == old:
            continue
        stale.append(fmt)
        if args.check:
            diff = difflib.unified_diff(old.splitlines(), new.splitlines(), f"{path.name} (snapshot)", f"{path.name} (now)",
                                        lineterm="", n=1)
            print("\n".join(list(diff)[:60]))
        else:
            SNAPSHOTS.mkdir(parents=True, exist_ok=True)
            path.write_text(new, encoding="utf-8", newline="")
    if args.check and stale:
        print(f"\nsnapshots differ: {', '.join(stale)}; if the change is intended, run python tools/update_snapshots.py")
        return 1
    if not args.check:
        print(f"{len(stale)} of {len(FORMATS)} snapshots written in {SNAPSHOTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
