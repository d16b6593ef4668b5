"""The real pre-commit, run against this checkout with `pre-commit try-repo` in a throwaway git
repository: it must fail on a bad article and pass on a clean one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

REQUIRED = os.environ.get("HEALTHLINT_REQUIRE_INTEGRATION") == "1"


def _pre_commit() -> list[str]:
    exe = Path(sys.executable).parent / "pre-commit"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pre-commit")
    if found:
        return [found]
    if REQUIRED:
        pytest.fail("pre-commit is not installed (HEALTHLINT_REQUIRE_INTEGRATION=1)")
    pytest.skip("pre-commit is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("content-repo")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "user.name", "Test")
    shutil.copy(EXAMPLES / "clean" / "sleep-apnea.md", repo / "clean.md")
    shutil.copy(EXAMPLES / "spammy" / "ketamine-austin.html", repo / "bad.html")
    git(repo, "add", ".")
    return repo


def try_repo(repo: Path, tmp_path_factory, *files: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.getbasetemp() / "pre-commit-home")
    return subprocess.run(
        [*_pre_commit(), "try-repo", str(ROOT), "healthlint", "--files", *files],
        cwd=repo, capture_output=True, text=True, env=env, timeout=900,
    )


def test_hook_fails_on_bad_article(repo, tmp_path_factory):
    proc = try_repo(repo, tmp_path_factory, "bad.html")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "HL401" in proc.stdout and "bad.html" in proc.stdout


def test_hook_passes_on_clean_article(repo, tmp_path_factory):
    proc = try_repo(repo, tmp_path_factory, "clean.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_hook_compares_a_staged_copy_with_the_tracked_site(tmp_path_factory):
    # Issue 14: pre-commit passes only the staged file; the cross-file rules must still see the
    # articles the repository tracks, and report on the staged file only.
    site = tmp_path_factory.mktemp("site-repo")
    git(site, "init", "-q")
    git(site, "config", "user.email", "test@example.org")
    git(site, "config", "user.name", "Test")
    shutil.copy(EXAMPLES / "clean" / "sleep-apnea.md", site / "original.md")
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "site")
    shutil.copy(site / "original.md", site / "copy.md")
    git(site, "add", "copy.md")
    proc = try_repo(site, tmp_path_factory, "copy.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "copy.md: HL206" in proc.stdout and "original.md" in proc.stdout  # a page-level finding
    assert not any(line.startswith("original.md:") for line in proc.stdout.splitlines())
