"""What other tools run: the pre-commit hook and the example GitHub Actions workflow."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tradecheck.cli import app

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "examples" / ".github" / "workflows" / "tradecheck.yml"


def hook() -> dict:
    [only] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return only


def test_the_hook_runs_the_installed_command() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"]
    entry = shlex.split(hook()["entry"])
    assert hook()["id"] == "tradecheck-verify" and hook()["language"] == "python"
    assert entry[0] in scripts and entry[1:] == ["verify"]


@pytest.mark.parametrize(("path", "runs"), [
    ("claims/national-2025.yaml", True),
    ("data/claims/province.yml", True),
    ("claims/sources/README.md", False),
    (".github/workflows/ci.yml", False),
    ("pyproject.toml", False),
])
def test_the_hook_runs_when_a_claim_file_changes(path: str, runs: bool) -> None:
    assert bool(re.search(hook()["files"], path)) is runs


def test_the_hook_checks_the_whole_claim_set(monkeypatch) -> None:
    # a check may name a claim of another file: the hook is never given only changed files
    assert hook()["pass_filenames"] is False
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, shlex.split(hook()["entry"])[1:])
    assert result.exit_code == 0, result.output
    assert re.search(r"\d+ checks: \d+ ok", result.stdout)


def workflow_steps() -> list[dict]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"]["security-events"] == "write"
    [job] = workflow["jobs"].values()
    return job["steps"]


def test_the_workflow_annotates_and_fails_the_job_on_a_discrepancy() -> None:
    last = workflow_steps()[-1]
    argv = shlex.split(last["run"])
    assert argv[:2] == ["tradecheck", "verify"]
    assert argv[argv.index("--format") + 1] == "github" and "--exit-zero" not in argv


def test_the_workflow_uploads_the_sarif_file_it_writes() -> None:
    steps = workflow_steps()
    sarif = next(shlex.split(s["run"]) for s in steps if "--format sarif" in s.get("run", ""))
    upload = next(s for s in steps if s.get("uses", "").startswith(
        "github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == sarif[sarif.index("--output-file") + 1]
    assert upload["if"] == "always()"


def test_the_workflow_commands_run_on_this_repository(tmp_path: Path, monkeypatch) -> None:
    import json

    monkeypatch.chdir(ROOT)
    codes = []
    for step in workflow_steps():
        argv = shlex.split(step.get("run", ""))
        if argv[:1] != ["tradecheck"]:
            continue
        if "--output-file" in argv:  # written where the test can read it
            at = argv.index("--output-file") + 1
            argv[at] = str(tmp_path / argv[at])
        result = CliRunner().invoke(app, argv[1:])
        codes.append(result.exit_code)
        if "--format" in argv and argv[argv.index("--format") + 1] == "github":
            assert result.stdout.startswith("::")  # workflow commands: annotations, summary
    sarif = json.loads((tmp_path / "tradecheck.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["tool"]["driver"]["name"]
    assert codes == [0, 0]
