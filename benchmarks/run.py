"""healthlint benchmarks (issue 7). Not a test: nothing here fails on a slow machine.

    python benchmarks/run.py            # the standard table (1,000 and 10,000 articles)
    python benchmarks/run.py --quick    # smaller sizes, for a quick look
    python benchmarks/run.py --scale    # also 100,000 articles (several minutes, ~600 MB of disk)

Generates a deterministic synthetic corpus of ~900-word Markdown articles in a temporary folder
(benchmarks/corpus.py), runs the installed ``healthlint`` command on it as a user would, and
prints a Markdown table for docs/benchmarks.md. proselint, when it can be installed from PyPI into a
throwaway virtual environment, is timed on the same articles in the same run.
"""

from __future__ import annotations

import argparse
import datetime
import json
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

MEASURE = Path(__file__).resolve().parent / "_measure.py"


def healthlint(args: list[str], cwd: Path, files: int) -> tuple[float, int, int, bytes]:
    """Run the CLI in a fresh interpreter; return (seconds, main peak RSS KB, largest worker peak RSS KB, stdout).
    The run must produce a report on exactly ``files`` files (exit code 1 alone proves nothing)."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(MEASURE), "check", *args], cwd=cwd, capture_output=True)
    elapsed = time.perf_counter() - t
    if proc.returncode not in (0, 1) or b"Traceback" in proc.stderr:
        raise SystemExit(f"healthlint failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    out = proc.stdout
    if "--output" in args:
        out = (cwd / args[args.index("--output") + 1]).read_bytes()
    if json.loads(out)["summary"]["files"] != files:
        raise SystemExit(f"healthlint reported {json.loads(out)['summary']['files']} files, expected {files}")
    rss = json.loads(proc.stderr.decode().strip().splitlines()[-1])
    return elapsed, rss["self_kb"], rss["children_kb"], proc.stdout


def cold_start(folder: Path, runs: int) -> float:
    [one] = write_corpus(folder / "one", 1, 900)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "healthlint", "check", "--no-cache", "--exit-zero", "--format", "json", str(one)],
                              capture_output=True, cwd=folder)
        if proc.returncode != 0 or json.loads(proc.stdout)["summary"]["files"] != 1:
            raise SystemExit(f"cold-start run failed: {proc.stderr.decode()[-2000:]}")
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def proselint_rate(folder: Path, n: int) -> float | None:
    """Articles per second for proselint on the same files, or None when it cannot be installed."""
    venv = folder / "proselint-venv"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "proselint"], check=True,
                       capture_output=True, timeout=600)
    except (subprocess.SubprocessError, OSError):
        return None
    t = time.perf_counter()
    subprocess.run([str(venv / "bin" / "proselint"), "check", str(folder / "c1k")], capture_output=True)
    return n / (time.perf_counter() - t)


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="200 and 2,000 articles instead of 1,000 and 10,000")
    ap.add_argument("--scale", action="store_true", help="also run 100,000 articles")
    ap.add_argument("--no-proselint", action="store_true", help="skip the proselint comparison")
    args = ap.parse_args()
    small, large = (200, 2000) if args.quick else (1000, 10000)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows.append(("Cold start: `healthlint check one.md` (900 words), median of 7", f"{cold_start(folder, 7):.3f} s"))

        write_corpus(folder / "c1k", small, 900)
        t1, _, _, out1 = healthlint(["--no-cache", "-j", "1", "--format", "json", "c1k"], folder, small)
        rate1 = small / t1
        rows.append((f"Throughput, `--jobs 1`, {small:,} articles (incl. start-up)", f"{rate1:.0f} articles/s"))
        t2, _, _, out2 = healthlint(["--no-cache", "-j", "2", "--format", "json", "c1k"], folder, small)
        rows.append((f"Parallel, `--jobs 2` vs `--jobs 1`, {small:,} articles", f"{t1 / t2:.2f}x ({t2:.1f} s vs {t1:.1f} s)"))
        rows.append(("Output of `--jobs 2` byte-identical to `--jobs 1`", "yes" if out1 == out2 else "NO"))
        if not args.no_proselint:
            rate_p = proselint_rate(folder, small)
            if rate_p is None:
                rows.append(("proselint on the same articles", "not installable here"))
            else:
                rows.append((f"proselint 0.16 on the same {small:,} articles", f"{rate_p:.0f} articles/s (healthlint: {rate1 / rate_p:.2f}x)"))

        write_corpus(folder / "c10k", large, 900)
        cache = folder / "cache"
        tc, rss_main, rss_worker, cold_out = healthlint(["--cache-dir", str(cache), "-j", "2", "--format", "json", "c10k"], folder, large)
        rows.append((f"Scale: {large:,} articles, cold, `--jobs 2`, all rules incl. cross-file", f"{tc:.1f} s"))
        rows.append((f"Peak memory, {large:,} articles (main process / largest worker)", f"{rss_main / 1024:.0f} MB / {rss_worker / 1024:.0f} MB"))
        tw, _, _, warm_out = healthlint(["--cache-dir", str(cache), "-j", "2", "--format", "json", "c10k"], folder, large)
        rows.append((f"Cache: warm re-run on unchanged {large:,} articles", f"{tw:.1f} s = {100 * tw / tc:.0f}% of cold; same report: {'yes' if warm_out == cold_out else 'NO'}"))

        if args.scale:
            huge = 10 * large
            write_corpus(folder / "c100k", huge, 900)
            th, h_main, h_worker, _ = healthlint(["--no-cache", "-j", "2", "--format", "json", "--output", str(folder / "r.json"), "c100k"], folder, huge)
            t10, _, _, _ = healthlint(["--no-cache", "-j", "2", "--format", "json", "--output", str(folder / "r10.json"), "c10k"], folder, large)
            rows.append((f"Scale: {huge:,} articles, cold, `--jobs 2`", f"{th:.0f} s = {th / t10:.1f}x the {large:,}-article time ({t10:.1f} s)"))
            rows.append((f"Peak memory, {huge:,} articles (main process / largest worker)", f"{h_main / 1024:.0f} MB / {h_worker / 1024:.0f} MB"))

    print(f"Measured {datetime.date.today().isoformat()} on {machine()}\n")
    print("| figure | value |\n|---|---|")
    for k, v in rows:
        print(f"| {k} | {v} |")


if __name__ == "__main__":
    main()
