"""healthlint benchmarks. Run: ``python benchmarks/run.py [--quick]``.

Generates a deterministic synthetic corpus in a temporary folder and prints a Markdown table of
figures for the README. Not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402


def cold_start(folder: Path, runs: int) -> float:
    """Median wall time of `healthlint check one-article.md` in a fresh interpreter."""
    [one] = write_corpus(folder / "one", 1, 900)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "healthlint", "check", "--exit-zero", str(one)],
                       stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def throughput(folder: Path, n: int) -> float:
    """Articles per second, one process, all default rules, in-process (no interpreter start)."""
    from healthlint.engine import Linter

    paths = write_corpus(folder / f"t{n}", n, 900)
    linter = Linter()
    linter.lint_file(str(paths[0]))  # warm: dictionary and rules loaded
    t = time.perf_counter()
    for p in paths:
        linter.lint_file(str(p))
    return n / (time.perf_counter() - t)


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="fewer runs and articles")
    args = ap.parse_args()
    runs, n = (3, 100) if args.quick else (7, 500)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows.append(("Cold start, one 900-word article (median of %d)" % runs, f"{cold_start(folder, runs):.3f} s"))
        rows.append((f"Throughput, one process, {n} articles of 900 words", f"{throughput(folder, n):.0f} articles/s"))
    print(f"Measured {datetime.date.today().isoformat()} on {machine()}\n")
    print("| figure | value |\n|---|---|")
    for k, v in rows:
        print(f"| {k} | {v} |")


if __name__ == "__main__":
    main()
