"""Readers see that a source changed: a page citing a source the watch saw change, and nobody
has reread yet, says so under its review line, on screen, on paper and in its PDF handout;
the note comes from the watch's own state file and goes once the change is accepted."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_TODAY, make_fixture_project, mkdocs_build
from loopback_sources import LABEL, html_page, publisher
from pdfs import POPPLER, text

from medinfo.project import Project
from medinfo.render.source_note import source_note
from medinfo.settings import Settings
from medinfo.site.build import BuildError, SiteBuild
from medinfo.sources.state import SourceState, WatchState, save_state, state_dir

CHANGED = dt.date(2026, 5, 30)  # before FIXTURE_TODAY, as the watch would have seen it
NOTE = "A source of this page changed on 30 May 2026; the editors are checking it."
# In the made-up medicine, only the side-effects page and the questions page cite the trial.
CITING_TRIAL = ("topics/side-effects", "faq")
NOT_CITING_TRIAL = ("topics/how-it-works", "urgent-help", "glossary", "", "about", "sources")  # "": home


# --- Which note a page gets ------------------------------------------------------------------


def test_a_page_whose_sources_did_not_change_has_no_note() -> None:
    assert source_note(["smpc", "eu-leaflet"], {}) is None
    assert source_note(["smpc"], {"nhs-999": dt.date(2026, 12, 7)}) is None
    assert source_note([], {"nhs-999": dt.date(2026, 12, 7)}) is None


def test_one_changed_source_gives_its_day_in_the_sites_long_date() -> None:
    note = source_note(["smpc", "eu-leaflet", "nhs-999"], {"eu-leaflet": dt.date(2026, 12, 7)})
    assert note is not None
    assert note.text == "A source of this page changed on 7 December 2026; the editors are checking it."
    assert note.sources == ("eu-leaflet",)
    assert note.first_changed_iso == "2026-12-07"


def test_several_changed_sources_say_how_many_and_the_first_day() -> None:
    changed = {
        "nhs-999": dt.date(2026, 12, 7),
        "smpc": dt.date(2026, 11, 30),
        "not-cited": dt.date(2026, 1, 1),
    }
    note = source_note(["eu-leaflet", "nhs-999", "smpc", "nhs-999"], changed)
    assert note is not None
    assert note.text == (
        "2 sources of this page changed, the first on 30 November 2026; the editors are checking them."
    )
    assert note.sources == ("nhs-999", "smpc")  # in the order the page first cites them
    same_day = source_note(["nhs-999", "smpc"], dict.fromkeys(["nhs-999", "smpc"], dt.date(2026, 12, 7)))
    assert same_day is not None
    assert same_day.text == (
        "2 sources of this page changed on 7 December 2026; the editors are checking them."
    )


# --- The build reads the watch's state ------------------------------------------------------


def _changed(url: str = "https://example.org/label") -> SourceState:
    return SourceState(
        url=url,
        accepted="sha256:old",
        accepted_on=dt.date(2026, 1, 10),
        changed="sha256:new",
        changed_on=CHANGED,
    )


def _accepted(state: SourceState) -> SourceState:
    """What ``medinfo sources accept`` leaves: the new text accepted, no change pending."""
    return dataclasses.replace(
        state, accepted=state.changed, accepted_on=CHANGED, changed=None, changed_on=None
    )


def _load(root: Path, monkeypatch: pytest.MonkeyPatch) -> SiteBuild:
    monkeypatch.setenv("MEDINFO_TODAY", FIXTURE_TODAY)
    project = Project.from_config_file(root / "mkdocs.yml")
    settings = Settings.from_environ()
    build, _ = SiteBuild.load(project, site_url="", site_name="", language="en", settings=settings)
    return build


def test_the_build_gives_the_note_to_the_generated_pages_that_cite_the_changed_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_fixture_project(tmp_path / "project")
    assert _load(root, monkeypatch).sources_changed == {}  # the watch never ran: no state, no note
    save_state(root, WatchState({"zv-trial": _changed(), "zv-label": _accepted(_changed())}))
    build = _load(root, monkeypatch)
    assert build.sources_changed == {"zv-trial": CHANGED}
    notes = {path: build.source_note(path) for path in build.pages}
    assert {path for path, note in notes.items() if note} == {"topics/side-effects.md", "faq.md"}
    assert all(note.text == NOTE for note in notes.values() if note)
    assert build.source_note("index.md") is None  # a hand-written page citing nothing


def test_a_hand_written_page_cites_what_its_markers_blocks_cite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The urgent-help card, placed by its marker, cites the label: a change to the label is
    news for that page too; a page without markers cites nothing and says nothing."""
    root = make_fixture_project(tmp_path / "project")
    about = root / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<!-- urgent-help -->\n", encoding="utf-8")
    save_state(root, WatchState({"zv-label": _changed()}))
    build = _load(root, monkeypatch)
    note = build.source_note("about.md")
    assert note is not None and note.text == NOTE
    assert build.source_note("index.md") is None


def test_a_moved_source_counts_as_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_fixture_project(tmp_path / "project")
    moved = dataclasses.replace(_changed(), changed=None, moved_to="https://example.org/new-label")
    save_state(root, WatchState({"zv-label": moved}))
    note = _load(root, monkeypatch).source_note("topics/how-it-works.md")
    assert note is not None and note.sources == ("zv-label",)


def test_a_state_file_that_cannot_be_read_stops_the_build_and_says_how_to_mend_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_fixture_project(tmp_path / "project")
    state_dir(root).mkdir()
    (state_dir(root) / "fingerprints.json").write_text('{"sources": {"zv-trial": {}}', encoding="utf-8")
    with pytest.raises(BuildError, match=r"source-watch/fingerprints.json.*git checkout -- source-watch/"):
        _load(root, monkeypatch)


# --- A real build, as readers see it ---------------------------------------------------------


def _note(site: Path, page: str) -> str | None:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    note = soup.select_one("article .source-note")
    if note is None:
        return None
    # Under the review line, before the page's own text.
    review = soup.select_one("article .review-note")
    if review is not None:
        assert review.find_next_sibling("p", class_="source-note") is note, page
    return " ".join(note.get_text(" ").split())


def _handout(site: Path, slug: str) -> str:
    [pdf] = (site / "handouts").glob(f"*-{slug}.pdf")
    return text(pdf, 1)


@pytest.mark.e2e
def test_pages_citing_a_changed_source_say_so_until_it_is_accepted(tmp_path: Path) -> None:
    root = make_fixture_project(tmp_path / "project")
    trial = _changed("https://example.org/trial")
    save_state(root, WatchState({"zv-trial": trial, "zv-label": _accepted(_changed())}))
    site = tmp_path / "changed"
    result = mkdocs_build(root / "mkdocs.yml", site, today=FIXTURE_TODAY)
    assert result.returncode == 0, result.stderr
    for page in CITING_TRIAL:
        assert _note(site, page) == NOTE, page
    for page in NOT_CITING_TRIAL:
        assert _note(site, page) is None, page
    if POPPLER:  # the PDF handout says it too, under its review dates
        assert NOTE in _handout(site, "side-effects")
        assert "editors are checking" not in _handout(site, "how-it-works")

    save_state(root, WatchState({"zv-trial": _accepted(trial), "zv-label": _accepted(_changed())}))
    site = tmp_path / "accepted"
    result = mkdocs_build(root / "mkdocs.yml", site, today=FIXTURE_TODAY)
    assert result.returncode == 0, result.stderr
    for page in CITING_TRIAL + NOT_CITING_TRIAL:
        assert _note(site, page) is None, page
    if POPPLER:
        assert "editors are checking" not in _handout(site, "side-effects")


@pytest.mark.e2e
def test_the_note_comes_with_the_watch_and_goes_with_accept(tmp_path: Path) -> None:
    """The whole path with the real commands: ``medinfo sources watch`` sees the trial's page
    change on the (loopback) publisher, the next build tells readers, ``medinfo sources accept``
    records it as reread, and the build after that no longer does. (The build refuses an
    http:// address, so the sources point at the loopback server only while the commands run.)"""
    root = make_fixture_project(tmp_path / "project")
    sources = root / "content_src" / "sources.yaml"
    published = sources.read_text(encoding="utf-8")

    def sources_command(server_url: str, *args: str) -> subprocess.CompletedProcess[str]:
        text = published.replace("https://example.org/zelvora/label", server_url + "/label")
        sources.write_text(text.replace("https://example.org/zest", server_url + "/zest"), encoding="utf-8")
        env = {**os.environ, "MEDINFO_TODAY": FIXTURE_TODAY}
        command = [sys.executable, "-m", "medinfo", "sources", *args]
        try:
            return subprocess.run(command, cwd=root, capture_output=True, text=True, env=env, timeout=120)
        finally:
            sources.write_text(published, encoding="utf-8")

    def notes(site: str) -> list[str | None]:
        built = mkdocs_build(root / "mkdocs.yml", tmp_path / site, FIXTURE_TODAY, MEDINFO_MAKE_PDFS="0")
        assert built.returncode == 0, built.stderr
        return [_note(tmp_path / site, page) for page in (*CITING_TRIAL, "topics/how-it-works")]

    with publisher() as server:
        server.page("/label", html_page(LABEL))
        server.page("/zest", html_page("<p>The ZEST trial compared examplimab with a dummy drip.</p>"))
        assert sources_command(server.base, "accept", "--all").returncode == 0
        server.page(
            "/zest", html_page("<p>The ZEST trial compared examplimab with a dummy drip for 3 years.</p>")
        )
        watched = sources_command(server.base, "watch")
        assert watched.returncode == 1 and "zv-trial: changed" in watched.stdout, watched.stdout
        note = "A source of this page changed on 1 June 2026; the editors are checking it."
        assert notes("changed") == [note, note, None]
        assert sources_command(server.base, "accept", "zv-trial").returncode == 0
    assert notes("accepted") == [None, None, None]
