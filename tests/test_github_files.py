"""GitHub: workflows and the issue form pass GitHub's own schemas (offline) and do what the README says."""

from __future__ import annotations

import re
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


def test_there_are_three_workflows() -> None:
    assert [w.name for w in WORKFLOWS] == ["deploy.yml", "pull-request.yml", "weekly.yml"]


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
