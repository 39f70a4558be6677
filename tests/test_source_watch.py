"""medinfo sources watch / accept, against a loopback server that plays each publisher: a page
whose main text changes, one whose menu and dates change but not its text, a PDF, a redirect, a
404, a timeout, an answer too large, text in windows-1252, and a new leaflet. Offline."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURE_TODAY, Project
from loopback_sources import LABEL, Answer, Publisher, html_page, publisher
from weasyprint import HTML  # type: ignore[import-untyped]  # as in medinfo.printing.pdf

from medinfo.cli import main
from medinfo.sources.fetch import USER_AGENT
from medinfo.sources.state import accepted_text, fingerprint, load_state

TRIAL = "<p>The ZEST trial compared examplimab with a dummy drip in 400 people over 2 years.</p>" * 3
LATER = "2026-06-09"


@pytest.fixture
def site(project: Project) -> Iterator[tuple[Project, Publisher]]:
    """The made-up medicine's project, its two sources served from the loopback server."""
    with publisher() as server:
        project.replace("content_src/sources.yaml", "https://example.org/zelvora/label", server.url("/label"))
        project.replace("content_src/sources.yaml", "https://example.org/zest", server.url("/zest"))
        server.page("/label", html_page(LABEL))
        server.page("/zest", html_page(TRIAL))
        yield project, server


def medinfo(project: Project, *args: str, today: str = FIXTURE_TODAY) -> subprocess.CompletedProcess[str]:
    """The real command line, run in the project's folder as an editor or the workflow would."""
    env = {**os.environ, "MEDINFO_TODAY": today}
    return subprocess.run(
        [sys.executable, "-m", "medinfo", "sources", *args],
        cwd=project.root,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def run(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The same command, in this process (quicker): its exit status, what it printed and its errors."""
    status = main(["sources", *args, "--content", str(project.path("content_src"))])
    out, err = capsys.readouterr()
    return status, out, err


def content_hashes(project: Project) -> dict[str, str]:
    folder = project.path("content_src")
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_first_sight_is_new_then_accept_records_it_and_the_next_watch_is_clean(
    site: tuple[Project, Publisher],
) -> None:
    project, server = site
    before = content_hashes(project)
    first = medinfo(project, "watch")
    assert first.returncode == 1, first.stderr  # never accepted: for an editor to read (the issue opens)
    assert "zv-label: new: not yet accepted" in first.stdout
    assert "medinfo sources accept zv-label zv-trial" in first.stdout
    assert not project.path("source-watch").exists()  # nothing recorded for a source never accepted

    accepted = medinfo(project, "accept", "--all")
    assert accepted.returncode == 0, accepted.stderr
    assert "zv-label: accepted as read on 2026-06-01" in accepted.stdout
    state = load_state(project.root)
    label = state.sources["zv-label"]
    assert label.accepted == fingerprint(accepted_text(project.root, "zv-label") or "")
    assert label.accepted_on == dt.date(2026, 6, 1) and label.url == server.url("/label")
    assert "Sneezing is rare." in (accepted_text(project.root, "zv-label") or "")

    again = medinfo(project, "watch")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "zv-label: unchanged" in again.stdout and "zv-trial: unchanged" in again.stdout
    assert content_hashes(project) == before  # editors' YAML, byte for byte
    assert set(server.user_agents) == {USER_AGENT}


def test_a_changed_page_is_reported_with_a_diff_and_recorded_until_accepted(
    site: tuple[Project, Publisher], tmp_path: Path
) -> None:
    project, server = site
    assert medinfo(project, "accept", "zv-label", "zv-trial").returncode == 0
    before = content_hashes(project)
    server.page("/label", html_page(LABEL.replace("Sneezing is rare.", "Sneezing is uncommon.")))

    report_file = tmp_path / "report.md"
    changed = medinfo(project, "watch", "--report", str(report_file))
    assert changed.returncode == 1, changed.stdout + changed.stderr
    assert "zv-label: changed (first seen 2026-06-01)" in changed.stdout
    assert "-Sneezing is rare." in changed.stdout and "+Sneezing is uncommon." in changed.stdout
    assert "zv-trial: unchanged" in changed.stdout
    assert "medinfo sources accept zv-label" in changed.stdout
    markdown = report_file.read_text(encoding="utf-8")
    assert (
        "| `zv-label` | changed" in markdown
        and "```diff" in markdown
        and "+Sneezing is uncommon." in markdown
    )
    state = load_state(project.root)
    assert state.changed_on() == {"zv-label": dt.date(2026, 6, 1)}

    later = medinfo(project, "watch", today=LATER)  # a week on: the first day seen is kept
    assert later.returncode == 1
    assert load_state(project.root).changed_on() == {"zv-label": dt.date(2026, 6, 1)}

    assert medinfo(project, "accept", "zv-label", today=LATER).returncode == 0
    label = load_state(project.root).sources["zv-label"]
    assert (label.changed, label.changed_on, label.moved_to) == (None, None, None)
    assert label.accepted_on == dt.date(2026, 6, 9)
    clean = medinfo(project, "watch", today=LATER)
    assert clean.returncode == 0 and "zv-label: unchanged" in clean.stdout
    assert content_hashes(project) == before


def test_a_new_date_script_or_menu_is_not_a_change(
    site: tuple[Project, Publisher], capsys: pytest.CaptureFixture[str]
) -> None:
    project, server = site
    assert run(project, capsys, "accept", "--all")[0] == 0
    server.page("/label", html_page(LABEL, stamp="9 June 2026, 17:42", menu=("Home", "Medicines", "Contact")))
    status, out, _ = run(project, capsys, "watch")
    assert status == 0, out
    assert "zv-label: unchanged" in out
    assert "9 June" not in (accepted_text(project.root, "zv-label") or "")
    # ...but the same page with a word of its main text changed is a change.
    server.page("/label", html_page(LABEL.replace("once a year", "twice a year")))
    status, out, _ = run(project, capsys, "watch")
    assert status == 1 and "    +It is given as a drip into a vein, twice a year, in hospital." in out


def _pdf(text: str) -> bytes:
    pdf: bytes = HTML(string=f"<h1>ZEST trial</h1><p>{text}</p>").write_pdf()
    return pdf


def test_a_pdf_is_read_as_text(site: tuple[Project, Publisher], capsys: pytest.CaptureFixture[str]) -> None:
    project, server = site
    server.answers["/zest"] = Answer(
        _pdf("Itching happened in 40 of 100 people."), content_type="application/pdf"
    )
    assert run(project, capsys, "accept", "zv-trial")[0] == 0
    assert "Itching happened in 40 of 100 people." in (accepted_text(project.root, "zv-trial") or "")
    server.answers["/zest"] = Answer(
        _pdf("Itching happened in 45 of 100 people."), content_type="application/pdf"
    )
    status, out, _ = run(project, capsys, "watch")
    assert status == 1
    assert "-Itching happened in 40 of 100 people." in out and "+Itching happened in 45 of 100 people." in out


def test_a_redirect_is_a_move_naming_the_new_address(
    site: tuple[Project, Publisher], capsys: pytest.CaptureFixture[str]
) -> None:
    project, server = site
    assert run(project, capsys, "accept", "--all")[0] == 0
    server.answers["/label"] = Answer(status=301, headers={"Location": "/medicines/zelvora"})
    server.page("/medicines/zelvora", html_page(LABEL))
    moved = medinfo(project, "watch")
    assert moved.returncode == 1
    new_address = server.url("/medicines/zelvora")
    assert f"zv-label: moved: {server.url('/label')} now redirects (301 to {new_address})" in moved.stdout
    state = load_state(project.root).sources["zv-label"]
    assert state.moved_to == new_address and state.changed_on == dt.date(2026, 6, 1)
    refused = medinfo(project, "accept", "zv-label")
    assert refused.returncode == 1
    assert f"zv-label: not accepted: its address now moves to {new_address}" in refused.stderr


@pytest.mark.parametrize("status", [302, 307, 308])
def test_every_kind_of_redirect_is_a_move(
    site: tuple[Project, Publisher], capsys: pytest.CaptureFixture[str], status: int
) -> None:
    project, server = site
    server.answers["/zest"] = Answer(status=status, headers={"Location": "https://example.org/elsewhere"})
    code, out, _ = run(project, capsys, "watch")
    assert code == 1 and f"({status} to https://example.org/elsewhere)" in out


def test_not_found_is_reported_but_is_not_a_failure(
    site: tuple[Project, Publisher], capsys: pytest.CaptureFixture[str]
) -> None:
    project, server = site
    assert run(project, capsys, "accept", "--all")[0] == 0
    del server.answers["/zest"]
    unreachable = medinfo(project, "watch")
    assert unreachable.returncode == 0, unreachable.stdout
    assert "zv-trial: unreachable: HTTP 404 Not Found" in unreachable.stdout
    assert "Traceback" not in unreachable.stderr
    assert not load_state(project.root).sources["zv-trial"].is_changed
    assert run(project, capsys, "accept", "zv-trial")[0] == 1  # nothing to accept


def test_a_server_too_slow_to_answer_is_unreachable(
    site: tuple[Project, Publisher], capsys: pytest.CaptureFixture[str]
) -> None:
    project, server = site
    server.answers["/zest"] = Answer(html_page(TRIAL).encode(), delay=3)
    status, out, err = run(project, capsys, "watch", "--timeout", "0.4")
    assert status == 1, out + err  # zv-label is new: for an editor to read (unreachable alone is 0)
    assert "zv-trial: unreachable: no answer within 0.4 seconds" in out
    assert "zv-label: new" in out  # the next source is still watched


@pytest.mark.parametrize("send_length", [True, False], ids=["with-length", "without-length"])
def test_an_answer_larger_than_the_limit_is_refused(
    site: tuple[Project, Publisher], capsys: pytest.CaptureFixture[str], send_length: bool
) -> None:
    project, server = site
    huge = html_page("<p>Zelvora.</p>" * 150_000).encode()  # about 2 MB
    server.answers["/label"] = Answer(huge, send_length=send_length)
    status, out, _ = run(project, capsys, "watch", "--max-mb", "1")
    assert status == 1 and "zv-trial: new" in out  # the trial is still to be read and accepted
    assert "zv-label: unreachable: larger than 1 MB" in out


WINDOWS_1252 = "<p>Zelvora\u2019s café trial \u2013 “fever” results, 5 °C.</p>" * 4


@pytest.mark.parametrize("declared", ["windows-1252", "iso-8859-1", None], ids=["header", "latin-1", "meta"])
def test_text_that_is_not_utf8_is_read_in_its_own_encoding(
    site: tuple[Project, Publisher], capsys: pytest.CaptureFixture[str], declared: str | None
) -> None:
    project, server = site
    page = html_page(WINDOWS_1252)
    if declared is None:  # only the page's own <meta> names the encoding
        page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    server.page("/zest", page, charset="cp1252", declared=declared)
    status, _, err = run(project, capsys, "accept", "zv-trial")
    assert status == 0, err
    assert "Zelvora\u2019s café trial \u2013 “fever” results, 5 °C." in (
        accepted_text(project.root, "zv-trial") or ""
    )
    assert "zv-trial: unchanged" in run(project, capsys, "watch")[1]  # read the same way again


def test_bytes_in_no_declared_encoding_do_not_crash(
    site: tuple[Project, Publisher], capsys: pytest.CaptureFixture[str]
) -> None:
    project, server = site
    server.answers["/zest"] = Answer(b"\xff\xfe broken \xc3\x28 text " * 50, content_type="text/plain")
    server.answers["/label"] = Answer(b"%PDF-1.7 not really a PDF", content_type="application/pdf")
    status, out, err = run(project, capsys, "watch")
    assert status == 1, err
    assert "zv-trial: new" in out
    assert "zv-label: unreachable: the PDF cannot be read" in out
    assert run(project, capsys, "accept", "zv-label")[0] == 1
    assert not project.path("source-watch").exists()  # nothing accepted, nothing written


def test_the_json_report(site: tuple[Project, Publisher], capsys: pytest.CaptureFixture[str]) -> None:
    project, server = site
    assert run(project, capsys, "accept", "--all")[0] == 0
    server.page("/zest", html_page(TRIAL.replace("400 people", "410 people")))
    status, out, _ = run(project, capsys, "watch", "--json")
    report = json.loads(out)
    assert status == 1 and report["differs"] is True
    statuses = {source["id"]: source["status"] for source in report["sources"]}
    assert statuses == {"zv-label": "unchanged", "zv-trial": "changed"}


def test_it_cannot_run_without_readable_sources(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.replace("content_src/sources.yaml", "  - id: zv-trial", "  - id: zv-trial\n  - id: [")
    status, out, err = run(project, capsys, "watch")
    assert status == 2 and out == ""
    assert err.startswith("medinfo sources: content_src/sources.yaml:") and len(err.splitlines()) == 1
    project.path("content_src/sources.yaml").unlink()
    failed = medinfo(project, "watch")
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert "content_src/sources.yaml is missing" in failed.stderr


def test_accept_refuses_an_unknown_id_and_accepts_nothing(
    site: tuple[Project, Publisher], capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = site
    status, _, err = run(project, capsys, "accept", "zv-label", "zv-lable")
    assert status == 2
    assert "there is no source with the id 'zv-lable' in sources.yaml. Did you mean 'zv-label'?" in err
    assert not project.path("source-watch").exists()
    assert run(project, capsys, "accept")[0] == 2  # neither ids nor --all
