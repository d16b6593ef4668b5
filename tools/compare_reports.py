"""Whether two versions of healthlint give byte-identical reports, in every format.

    python tools/compare_reports.py BASE [NEW] [--corpus PATH ...]

BASE and NEW are git revisions (checked out with ``git worktree add /tmp/cmp-<rev> <rev>``, and
removed again afterwards unless ``--keep``) or folders holding a checkout. NEW defaults to the
checkout this script is in, uncommitted edits included.

For each corpus and each format (text, concise, json, sarif, github, html) both versions run

    python -m healthlint check CORPUS --no-cache --jobs 1 --format FORMAT

with the checkout as working folder (so ``-m`` imports that checkout's ``healthlint`` and its
``rules/``), and their standard output, standard error and exit code must be identical byte for
byte. No report carries a timestamp, a duration or a count of time. One field depends on where the
checkout lies, not on the code: each rule's documentation link (JSON ``url``, SARIF ``helpUri`` and
help text, HTML links) is the ``file:`` URI of that checkout's ``docs/rules/`` page. That prefix,
``file://<checkout>/docs/rules/``, is replaced by ``file://CHECKOUT/docs/rules/`` on both sides;
nothing else is touched (comparing a revision with itself then gives identical output).

Corpora default to ``examples``, ``/work/shared/corpus/reputable`` and
``benchmarks/data/spam-dev``. A relative corpus path names the same path inside each checkout (the
reports then show the same relative paths); one missing from either checkout (spam-dev is
git-ignored, so a fresh worktree lacks it) is taken from ``--fallback-root`` (default
``/work/main``) for both. When a relative corpus's files differ between the two checkouts, the
script says so: a difference in the reports may then come from the input.

Exit status: 0 when every output is identical, 1 when any differs, 2 when the comparison could not
run. ``--diff-dir DIR`` keeps both outputs of every differing run there.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

FORMATS = ("text", "concise", "json", "sarif", "github", "html")
DEFAULT_CORPORA = ("examples", "/work/shared/corpus/reputable", "benchmarks/data/spam-dev")
HERE = Path(__file__).resolve().parent.parent


def git(*args: str, cwd: Path = HERE) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def checkout(spec: str, made: list[Path]) -> Path:
    """A folder holding version ``spec``: the folder itself, or a worktree of the revision."""
    if os.path.isdir(spec) and (Path(spec) / "healthlint" / "__init__.py").is_file():
        return Path(spec).resolve()
    commit = git("rev-parse", "--verify", f"{spec}^{{commit}}")
    folder = Path(f"/tmp/cmp-{commit[:12]}")
    if folder.exists():
        if git("rev-parse", "HEAD", cwd=folder) != commit:
            sys.exit(f"{folder} exists and is not at {commit}; remove it first")
        return folder
    git("worktree", "add", "--detach", str(folder), commit)
    made.append(folder)
    return folder


def tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def resolve(corpus: str, sides: list[Path], fallback: Path) -> tuple[str, str | None]:
    """The path to pass on the command line (relative: inside each checkout), and a note."""
    if os.path.isabs(corpus):
        if not os.path.exists(corpus):
            sys.exit(f"{corpus}: no such file or folder")
        return corpus, None
    if all((side / corpus).exists() for side in sides):
        digests = {tree_digest(side / corpus) if (side / corpus).is_dir() else
                   hashlib.sha256((side / corpus).read_bytes()).hexdigest() for side in sides}
        note = None if len(digests) == 1 else f"{corpus}: the input differs between the two checkouts"
        return corpus, note
    alt = fallback / corpus
    if not alt.exists():
        sys.exit(f"{corpus}: not in both checkouts, nor in {fallback}")
    return str(alt), None


def normalise(side: Path, out: bytes) -> bytes:
    """The checkout's own location taken out of the rule documentation links (see above)."""
    return out.replace((side.as_uri() + "/docs/rules/").encode(), b"file://CHECKOUT/docs/rules/")


def run(side: Path, corpus: str, fmt: str) -> tuple[int, bytes, bytes]:
    env = dict(os.environ, PYTHONPATH=str(side), LC_ALL="C.UTF-8", PYTHONIOENCODING="utf-8")
    env.pop("GITHUB_STEP_SUMMARY", None)  # the github format would append a summary there
    env.pop("NO_COLOR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "healthlint", "check", corpus, "--no-cache", "--jobs", "1", "--format", fmt],
        cwd=side, env=env, capture_output=True, stdin=subprocess.DEVNULL, check=False)
    return proc.returncode, normalise(side, proc.stdout), normalise(side, proc.stderr)


def imported_from(side: Path) -> Path:
    out = subprocess.run([sys.executable, "-c", "import healthlint; print(healthlint.__file__)"],
                         cwd=side, env=dict(os.environ, PYTHONPATH=str(side)), capture_output=True, text=True,
                         check=True).stdout.strip()
    return Path(out).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("base", help="git revision or checkout folder")
    ap.add_argument("new", nargs="?", default=str(HERE), help="git revision or checkout folder [this checkout]")
    ap.add_argument("--corpus", action="append", help="corpus path (repeatable) [examples, reputable, spam-dev]")
    ap.add_argument("--format", action="append", choices=FORMATS, help="only these formats (repeatable)")
    ap.add_argument("--fallback-root", default="/work/main", type=Path)
    ap.add_argument("--parallel", type=int, default=2, help="runs at once [2]")
    ap.add_argument("--diff-dir", type=Path, help="keep both outputs of each differing run here")
    ap.add_argument("--keep", action="store_true", help="keep the worktrees made for revisions")
    args = ap.parse_args()

    made: list[Path] = []
    try:
        sides = [checkout(args.base, made), checkout(args.new, made)]
        for side in sides:
            got = imported_from(side)
            if got != side:
                print(f"healthlint imports from {got}, not {side}", file=sys.stderr)
                return 2
        print(f"base: {args.base} ({sides[0]})\nnew:  {args.new} ({sides[1]})")
        corpora = [resolve(c, sides, args.fallback_root) for c in (args.corpus or DEFAULT_CORPORA)]
        for _, note in corpora:
            if note:
                print(f"note: {note}")
        jobs = [(c, fmt) for c, _ in corpora for fmt in (args.format or FORMATS)]
        with ThreadPoolExecutor(max(1, args.parallel)) as pool:
            futures = {(c, fmt, i): pool.submit(run, side, c, fmt) for c, fmt in jobs for i, side in enumerate(sides)}
            differ = 0
            for c, fmt in jobs:
                a, b = futures[(c, fmt, 0)].result(), futures[(c, fmt, 1)].result()
                what = [name for name, x, y in zip(("exit code", "stdout", "stderr"), a, b) if x != y]
                status = "identical" if not what else "DIFFERS (" + ", ".join(what) + ")"
                print(f"{status:30} {fmt:8} {c}  [{len(a[1])} bytes, exit {a[0]}]")
                if what:
                    differ += 1
                    if args.diff_dir:
                        stem = f"{Path(c).name}.{fmt}"
                        args.diff_dir.mkdir(parents=True, exist_ok=True)
                        for label, res in (("base", a), ("new", b)):
                            (args.diff_dir / f"{stem}.{label}.out").write_bytes(res[1])
                            (args.diff_dir / f"{stem}.{label}.err").write_bytes(res[2])
        print(f"{len(jobs) - differ} of {len(jobs)} outputs identical" + ("" if not differ else f"; {differ} differ"))
        return 1 if differ else 0
    finally:
        if not args.keep:
            for folder in made:
                git("worktree", "remove", "--force", str(folder))


if __name__ == "__main__":
    sys.exit(main())
