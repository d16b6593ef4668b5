from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the installed healthlint as a user would (a fresh interpreter)."""
    return subprocess.run(
        [sys.executable, "-m", "healthlint", *args], cwd=cwd, input=stdin, capture_output=True, env=env,
    )


def run_json(*args: str, cwd: Path | None = None) -> tuple[int, dict]:
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    return proc.returncode, json.loads(proc.stdout)
