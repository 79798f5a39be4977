"""The GitHub Actions workflows: actionlint finds nothing, and the settings that matter are there."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = Path(sys.executable).with_name("actionlint")


def load(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    # PyYAML (YAML 1.1) reads the key "on" as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_actionlint_finds_nothing() -> None:
    assert ACTIONLINT.is_file(), "install the test extra: pip install -e .[test]"
    result = subprocess.run([str(ACTIONLINT), *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stdout == "" and result.stderr == "", result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/setup-python@v5\n        with:\n          pyton-version: '3.11'\n",
        encoding="utf-8",
    )
    result = subprocess.run([str(ACTIONLINT), str(broken)], capture_output=True, text=True)
    assert result.returncode == 1 and "pyton-version" in result.stdout


def test_the_three_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} == {"pull-request.yml", "deploy.yml", "stale.yml"}


def test_minimal_permissions_pinned_actions_and_timeouts() -> None:
    for path in WORKFLOWS:
        workflow = load(path.name)
        assert workflow["permissions"] == {"contents": "read"}, path.name
        assert "concurrency" in workflow, path.name
        for name, job in workflow["jobs"].items():
            assert job.get("timeout-minutes"), (path.name, name)
        for step in steps(workflow):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+", step["uses"]), step["uses"]


def test_pull_requests_check_build_test_and_preview() -> None:
    workflow = load("pull-request.yml")
    assert "pull_request" in workflow["on"]
    runs = [step.get("run", "") for step in steps(workflow)]
    assert "python build.py check" in runs and "python build.py build" in runs
    assert any("bash .ci/run" in run for run in runs)
    upload = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "output/" and upload["with"]["include-hidden-files"] is True


def test_pull_requests_say_what_changes_for_readers() -> None:
    """The base branch's data/ is checked out beside this one's and compared into the job summary."""
    check = load("pull-request.yml")["jobs"]["check"]["steps"]
    runs = [step.get("run", "") for step in check]
    base = next(i for i, step in enumerate(check) if step.get("with", {}).get("path") == "base")
    diff = next(i for i, run in enumerate(runs) if "build.py diff" in run)
    assert check[base]["with"] == {
        "ref": "${{ github.base_ref }}",
        "path": "base",
        "sparse-checkout": "data",
        "persist-credentials": False,
    }
    assert runs[diff] == 'python build.py diff --base base/data --head data | tee -a "$GITHUB_STEP_SUMMARY"'
    assert check[diff]["shell"] == "bash"  # bash -eo pipefail: a failing diff is not hidden by tee
    assert check[diff]["continue-on-error"] is True  # it informs; a coordinator could not fix it
    assert runs.index("python build.py build") < base < diff
    assert check[base]["if"] == check[diff]["if"] == "github.event_name == 'pull_request'"


def test_deploy_publishes_to_pages_with_hidden_files() -> None:
    workflow = load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    upload = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"] == {"path": "output", "include-hidden-files": True}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_weekly_stale_report() -> None:
    workflow = load("stale.yml")
    assert workflow["on"]["schedule"] == [{"cron": "0 6 * * 1"}]
    assert "python build.py stale --months 12" in [s.get("run") for s in steps(workflow)]
