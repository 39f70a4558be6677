"""GitHub: workflows and the issue form pass GitHub's own schemas (offline) and do what the README says."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def check_against(builtin_schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema ships GitHub's schemas, so this needs no network."""
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", builtin_schema, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def load(path: Path) -> dict[Any, Any]:
    # PyYAML reads the key 'on' as True (YAML 1.1); GitHub reads it as 'on'.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def commands(workflow: dict[Any, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def test_there_are_four_workflows() -> None:
    assert [w.name for w in WORKFLOWS] == ["deploy.yml", "pull-request.yml", "source-watch.yml", "weekly.yml"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid_for_github_actions(workflow: Path) -> None:
    result = check_against("vendor.github-workflows", workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_form_and_config_are_valid() -> None:
    form = GITHUB / "ISSUE_TEMPLATE" / "report-a-mistake.yml"
    result = check_against("vendor.github-issue-forms", form)
    assert result.returncode == 0, result.stdout + result.stderr
    result = check_against("vendor.github-issue-config", GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    data = load(form)
    assert data["name"] == "Report a mistake on a page"
    labels = [item["attributes"]["label"] for item in data["body"] if item["type"] != "markdown"]
    assert labels[:3] == ["Which page?", "What does the page say?", "What is wrong with it?"]
    assert "not for medical advice" in data["body"][0]["attributes"]["value"]


def test_the_validator_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("name: x\non: [pull_request]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n")
    assert check_against("vendor.github-workflows", broken).returncode != 0


def test_pull_requests_are_checked_built_strictly_tested_and_previewed() -> None:
    workflow = load(GITHUB / "workflows" / "pull-request.yml")
    assert "pull_request" in workflow["on"]
    run = commands(workflow)
    for command in ("make check", "make spelling", "medinfo schema --check", "bash .ci/run", "make build"):
        assert command in run, command
    upload = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/" and upload["with"]["name"] == "site-preview"
    assert workflow["permissions"] == {"contents": "read"}


def test_make_build_is_strict_and_checks_links() -> None:
    """The workflows call 'make build'; it must stay the strict build with its link check."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^build:.*\n\t(.*)$", makefile, re.MULTILINE)
    assert recipe is not None
    assert "medinfo publish" in recipe.group(1) or "mkdocs build --strict" in recipe.group(1)
    assert "--no-link-check" not in recipe.group(1)


def test_main_is_deployed_to_github_pages_after_the_tests() -> None:
    workflow = load(GITHUB / "workflows" / "deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build_steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in build_steps]
    assert runs.index("bash .ci/run") < runs.index("make build")
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_weekly_review_report_and_external_link_check() -> None:
    workflow = load(GITHUB / "workflows" / "weekly.yml")
    [schedule] = workflow["on"]["schedule"]
    assert re.fullmatch(r"\S+ \S+ \* \* [0-6]", schedule["cron"])  # once a week
    run = commands(workflow)
    assert "medinfo review-report --warn-days 30" in run
    assert "make linkcheck-external" in run


def test_no_workflow_sets_repo_url_or_leaks_secrets() -> None:
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        assert "secrets." not in text and "repo_url" not in text, workflow.name


def test_pull_request_template_asks_for_sources_reviews_signoff_and_change_log() -> None:
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    for heading in ("## Change-log line", "## Sources", "## Review dates", "## Clinical sign-off"):
        assert heading in template
    assert "Never write a sign-off for someone" in template
    for link in re.findall(r"editors/[\w-]+\.md", template):
        assert (REPO / link).is_file(), link


def test_make_help_lists_every_target_a_reader_needs() -> None:
    """The README's commands and the everyday ones are all listed, each with what it does."""
    result = subprocess.run(["make", "-s", "help"], cwd=REPO, capture_output=True, text=True, check=True)
    listed = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    for target in ("serve", "test", "check", "build", "readability", "review-report", "spelling"):
        assert target in listed and len(listed[target].split()) > 2, target


# --- The source watch (.github/workflows/source-watch.yml) -----------------------------------

SOURCE_WATCH = GITHUB / "workflows" / "source-watch.yml"


def step_named(workflow: dict[Any, Any], job: str, words: str) -> dict[str, Any]:
    return next(step for step in workflow["jobs"][job]["steps"] if words in step.get("name", ""))


def test_the_source_watch_runs_weekly_with_the_least_permissions_for_each_job() -> None:
    workflow = load(SOURCE_WATCH)
    [schedule] = workflow["on"]["schedule"]
    assert re.fullmatch(r"\S+ \S+ \* \* [0-6]", schedule["cron"])  # once a week
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"] == {}  # nothing unless a job asks
    assert "write-all" not in SOURCE_WATCH.read_text(encoding="utf-8")
    permissions = {name: job.get("permissions") for name, job in workflow["jobs"].items()}
    assert permissions == {
        "watch": {"contents": "write"},  # commits the state
        "issue": {"issues": "write"},  # opens, edits and closes the issue
        "publish": {"actions": "write"},  # starts deploy.yml (a pushed commit starts nothing)
    }
    assert workflow["jobs"]["issue"]["runs-on"] == "ubuntu-latest"  # where gh is installed
    assert "container" not in workflow["jobs"]["issue"] and "container" not in workflow["jobs"]["publish"]


def test_the_source_watch_commits_its_state_and_publishes_the_site_again() -> None:
    workflow = load(SOURCE_WATCH)
    commit = step_named(workflow, "watch", "Commit")
    assert commit["if"] == "github.ref == 'refs/heads/main'"
    assert "git add source-watch/" in commit["run"] and "git push origin HEAD:main" in commit["run"]
    assert "git diff --cached --quiet" in commit["run"]  # nothing to commit: no commit, no publish
    publish = workflow["jobs"]["publish"]
    assert publish["if"] == "needs.watch.outputs.committed == 'true'"
    assert "gh workflow run deploy.yml --ref main" in commands({"jobs": {"publish": publish}})
    assert "workflow_dispatch" in load(GITHUB / "workflows" / "deploy.yml")["on"]


def _stub(folder: Path, name: str, script: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def _run_step(run: str, folder: Path, **env: str) -> tuple[int, str]:
    """A step's shell as GitHub runs it (bash -e -o pipefail), in ``folder``, with stubs first on PATH."""
    output = folder / "github-output"
    output.touch()
    environment = {
        **os.environ,
        "PATH": f"{folder / 'bin'}:{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(output),
        "RUN_URL": "https://github.com/o/r/actions/runs/1",
        **env,
    }
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", run],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=30,
    )
    return result.returncode, output.read_text(encoding="utf-8")


@pytest.mark.parametrize(("exit_status", "fails"), [(0, False), (1, False), (2, True)])
def test_the_watch_step_passes_on_the_watchs_exit_status_and_fails_only_when_it_could_not_run(
    tmp_path: Path, exit_status: int, fails: bool
) -> None:
    step = step_named(load(SOURCE_WATCH), "watch", "Watch the sources")
    assert "medinfo sources watch --report report.md" in step["run"]
    watch = f'echo "$@" > called; echo report > report.md; exit {exit_status}\n'
    _stub(tmp_path / ".venv" / "bin", "medinfo", watch)
    returncode, output = _run_step(step["run"], tmp_path)
    assert (tmp_path / "called").read_text(encoding="utf-8").strip() == "sources watch --report report.md"
    assert (returncode != 0) is fails
    assert f"status={exit_status}" in output.splitlines()


# What the stub gh prints for "gh issue list": the open issue's number, or nothing.
GH_STUB = """echo "gh $*" >> calls
case "$1 $2" in "issue list") [ -n "$OPEN_ISSUE" ] && echo "$OPEN_ISSUE" ;; esac
exit 0
"""


def _issue_calls(tmp_path: Path, status: str, open_issue: str) -> list[str]:
    """The gh commands the issue job's steps run after a watch that exited ``status``."""
    workflow = load(SOURCE_WATCH)
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "report.md").write_text("# Source watch\n\nsmpc changed.\n", encoding="utf-8")
    _stub(tmp_path / "bin", "gh", GH_STUB)
    for step in workflow["jobs"]["issue"]["steps"]:
        if "run" in step and step["if"] == f"needs.watch.outputs.status == '{status}'":
            returncode, _ = _run_step(step["run"], tmp_path, OPEN_ISSUE=open_issue)
            assert returncode == 0
    calls = tmp_path / "calls"
    return calls.read_text(encoding="utf-8").splitlines() if calls.exists() else []


def test_a_changed_source_opens_one_issue_titled_with_the_date(tmp_path: Path) -> None:
    calls = _issue_calls(tmp_path, "1", open_issue="")
    assert any(call.startswith("gh label create source-watch") for call in calls)
    assert "gh issue list --label source-watch --state open --limit 1 --json number --jq .[].number" in calls
    [create] = [call for call in calls if call.startswith("gh issue create")]
    assert re.search(r"--title Source watch: sources to reread \(\d{4}-\d{2}-\d{2}\)$", create)
    assert "--label source-watch --body-file body.md" in create
    body = (tmp_path / "body.md").read_text(encoding="utf-8")
    assert body.startswith("# Source watch") and "https://github.com/o/r/actions/runs/1" in body


def test_a_source_still_changed_updates_the_open_issue_instead_of_opening_another(tmp_path: Path) -> None:
    calls = _issue_calls(tmp_path, "1", open_issue="42")
    assert "gh issue edit 42 --body-file body.md" in calls
    assert not any(call.startswith("gh issue create") for call in calls)


def test_every_source_accepted_again_closes_the_open_issue(tmp_path: Path) -> None:
    calls = _issue_calls(tmp_path, "0", open_issue="42")
    [close] = [call for call in calls if call.startswith("gh issue close")]
    assert close.startswith("gh issue close 42 --comment ")
    assert _issue_calls(tmp_path / "none-open", "0", open_issue="") == [
        "gh issue list --label source-watch --state open --limit 1 --json number --jq .[].number"
    ]
