"""The review report: every page's review dates, most urgent first, and an exit status for CI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import REPO, Project, real_today

from medinfo.cli import main

# The made-up medicine's pages are due on 2027-01-15 (how it works, the home page)
# and 2027-02-01 (side effects, the questions page); about.md has no review dates.


def report(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(
        [
            "review-report",
            "--content",
            str(project.root / "content_src"),
            "--docs",
            str(project.root / "docs"),
            *args,
        ]
    )
    out, err = capsys.readouterr()
    return code, out, err


def test_table_lists_every_page_most_urgent_first(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDINFO_TODAY", "2027-01-20")
    code, out, err = report(project, capsys)
    assert code == 1  # how it works and the home page are overdue
    lines = out.splitlines()
    assert lines[0] == "Page reviews as of 2027-01-20, most urgent first"
    assert lines[2].split()[:4] == ["Status", "Days", "left", "Next"]
    assert all(len(line) <= 100 for line in lines)  # fits a terminal and a CI log
    table = lines[4 : lines.index("", 4)]
    rows = [line for line in table if not line.startswith(" ")]  # under each: title, reviewer, sign-off
    about = {row: " ".join(" ".join(table[table.index(row) + 1 :][:2]).split()) for row in rows}
    assert [row.split()[0] for row in rows] == ["OVERDUE", "OVERDUE", "due", "due", "no"]
    assert [row.split()[1] for row in rows[:4]] == ["-5", "-5", "soon", "soon"]
    assert "content_src/topics/how-it-works.yaml" in rows[0]
    assert "Dr Test Example, consultant in test fever (2026-01-20)" in about[rows[0]]  # its sign-off
    assert rows[2].split()[2] == "12"  # due soon: 12 days left
    assert "about.md" in rows[4] and "no review dates" in rows[4]
    assert lines[-1] == "5 pages: 2 overdue, 2 due within 30 days, 0 current, 1 with no review dates."
    assert err.splitlines() == [
        "content_src/topics/how-it-works.yaml: the review was due on 2027-01-15 (5 day(s) ago). "
        "Review the page and update 'review'.",
        "docs/index.md: the review was due on 2027-01-15 (5 day(s) ago). "
        "Review the page and update 'review'.",
    ]


def test_nothing_overdue_exits_0(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = report(project, capsys)
    assert code == 0 and err == ""
    assert (
        out.splitlines()[-1] == "5 pages: 0 overdue, 0 due within 30 days, 4 current, 1 with no review dates."
    )


def test_warn_days_also_fails_on_pages_due_soon(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDINFO_TODAY", "2026-12-20")  # 26 days before the first due date
    assert report(project, capsys)[0] == 0  # due soon is not a failure by default
    code, _, err = report(project, capsys, "--warn-days", "30")
    assert code == 1
    assert "content_src/topics/how-it-works.yaml: the review is due on 2027-01-15 (in 26 day(s))" in err
    assert report(project, capsys, "--warn-days", "20")[0] == 0


def test_json(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = report(project, capsys, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["today"] == "2026-06-01" and data["due_soon_days"] == 30
    first = data["pages"][0]
    assert first == {
        "page": "How Zelvora works",
        "file": "content_src/topics/how-it-works.yaml",
        "status": "current",
        "last_reviewed": "2026-01-15",
        "next_review_due": "2027-01-15",
        "days_left": 228,
        "reviewed_by": "Test editors",
        "clinical_signoff": {"by": "Dr Test Example, consultant in test fever", "date": "2026-01-20"},
    }
    assert [p["status"] for p in data["pages"]] == ["current"] * 4 + [None]
    assert data["pages"][2]["clinical_signoff"] is None  # never claims a sign-off that did not happen


def test_content_errors_exit_2(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.replace("content_src/topics/side-effects.yaml", "order: 2", "order: second")
    code, out, err = report(project, capsys)
    assert code == 2 and out == ""
    assert "content_src/topics/side-effects.yaml:3: order: should be a whole number" in err


def test_real_content_report_runs_as_a_command() -> None:
    """The command CI's weekly run uses, on the real content, as of its newest review."""
    result = subprocess.run(
        [sys.executable, "-m", "medinfo", "review-report", "--warn-days", "30"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "MEDINFO_TODAY": real_today()},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "content_src/topics/side-effects.yaml" in result.stdout
    assert "docs/about.md" in result.stdout
    assert "content_src/monitoring-schedule.yaml" in result.stdout  # the tracker has review dates too
