"""The CI snippets users paste stay in step with the package: the release they pin is this version,
the README shows the same one, and the GitHub workflow uploads SARIF with the permissions code
scanning needs before a separate step gates the job."""

from __future__ import annotations

import re
import shlex
import sys

import yaml

import healthlint
from conftest import EXAMPLES, ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TAG = f"v{healthlint.__version__}"
CODE_SCANNING_PERMISSIONS = {"contents": "read", "security-events": "write", "actions": "read"}


def test_package_version_is_the_same_in_pyproject_and_module():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["version"] == healthlint.__version__


def test_precommit_snippet_pins_this_version():
    config = yaml.safe_load((EXAMPLES / "ci" / "pre-commit-config.yaml").read_text())
    (repo,) = config["repos"]
    assert repo["rev"] == TAG
    assert [h["id"] for h in repo["hooks"]] == ["healthlint"]


def test_readme_shows_the_same_rev():
    revs = re.findall(r"^\s*rev:\s*(\S+)\s*$", (ROOT / "README.md").read_text(), re.M)
    assert revs, "the README shows no pre-commit snippet"
    assert set(revs) == {TAG}


def test_readme_installs_the_same_release_and_shows_the_workflow_steps():
    readme = (ROOT / "README.md").read_text()
    workflow = (EXAMPLES / "ci" / "github-actions.yml").read_text()
    tags = re.findall(r"healthlint @ git\+https://github\.com/[^@\s\"]+@(v[\w.]+)", readme + workflow)
    assert tags and set(tags) == {TAG}
    # The README's excerpt of the workflow is taken from the example, command for command.
    commands = re.findall(r"^\s*- run: (.+?)(?:\s+#.*)?$", readme, re.M)
    example_runs = [s.get("run", "").strip() for s in _workflow()[1]["steps"]]
    assert commands and all(c.strip() in example_runs for c in commands), commands


def _workflow() -> tuple[dict, dict]:
    wf = yaml.safe_load((EXAMPLES / "ci" / "github-actions.yml").read_text())
    (job,) = wf["jobs"].values()
    return wf, job


def _args(step: dict) -> list[str]:
    return shlex.split(step.get("run", ""))


def test_github_workflow_grants_exactly_the_code_scanning_permissions():
    wf, job = _workflow()
    permissions = job.get("permissions", wf.get("permissions"))  # a job's own block replaces the workflow's
    assert permissions == CODE_SCANNING_PERMISSIONS


def test_github_workflow_uploads_sarif_then_gates():
    _, job = _workflow()
    steps = job["steps"]
    # Every action is pinned to a major version.
    for step in steps:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", step["uses"]), step["uses"]
    # healthlint is installed from a repository URL at this release's tag.
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert re.search(rf'"healthlint @ git\+https://github\.com/[^/@"]+/[^/@"]+@{re.escape(TAG)}"', install["run"])

    (upload,) = [i for i, s in enumerate(steps) if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    sarif_file = steps[upload]["with"]["sarif_file"]
    writers = [i for i, s in enumerate(steps)
               if _args(s)[:2] == ["healthlint", "check"] and "--output" in _args(s)
               and _args(s)[_args(s).index("--output") + 1] == sarif_file]
    assert len(writers) == 1 and writers[0] < upload
    args = _args(steps[writers[0]])
    assert args[args.index("--format") + 1] == "sarif"
    assert "--exit-zero" in args  # findings must not stop the job before the upload

    gates = [_args(s) for s in steps[upload + 1:] if _args(s)[:2] == ["healthlint", "check"]]
    assert len(gates) == 1
    gate = gates[0]
    assert gate[gate.index("--format") + 1] == "github"
    assert "--exit-zero" not in gate and "--output" not in gate
