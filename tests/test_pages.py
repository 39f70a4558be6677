"""The page registry: one list of the site's pages, read by every tool that lists pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import one_more_page
import pytest
from conftest import FIXTURE, FIXTURE_TODAY, REPO, make_fixture_project, mkdocs_build, real_today
from content_dates import newest_review_date

from medinfo.checks.page_checks import page_problems
from medinfo.checks.pagehtml import parsed
from medinfo.content.loader import Content, load_content
from medinfo.editors.review_report import page_reviews
from medinfo.pages import CHANGES_PAGE, HANDOUTS_PAGE, TRACKER_PAGE
from medinfo.project import Project
from medinfo.registry import render_pages, site_pages
from medinfo.settings import Settings
from medinfo.site.build import SiteBuild


def test_every_page_the_build_makes_is_listed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDINFO_TODAY", real_today())  # the content's own date checks ask the clock
    project = Project.from_config_file(REPO / "mkdocs.yml")
    settings = Settings.from_environ()
    build, _ = SiteBuild.load(project, site_url="", site_name="", language="en", settings=settings)
    pages = site_pages(build.content)
    paths = [page.path for page in pages]
    assert len(paths) == len(set(paths))
    assert set(paths) == set(build.markdown_pages()) | set(build.content.pages)
    by_path = {page.path: page for page in pages}
    assert by_path[TRACKER_PAGE].edit_file == "content_src/monitoring-schedule.yaml"
    assert all(page.edit_file == f"docs/{page.path}" for page in pages if page.hand_written)
    assert by_path[HANDOUTS_PAGE].edit_file is None and by_path[CHANGES_PAGE].edit_file is None
    printed = {page.path for page in pages if page.prints}
    assert printed == {entry.page_path for entry in build.content.topics} | {TRACKER_PAGE}
    assert set(build.downloads) == printed | {""}  # and the pack


def test_the_review_report_and_whats_changed_follow_the_registry(real_content: Content) -> None:
    pages = site_pages(real_content)
    today = newest_review_date(REPO / "content_src", REPO / "docs")
    reviewed = {row.file for row in page_reviews(real_content, "docs", today)}
    assert reviewed == {page.edit_file for page in pages if page.review or page.hand_written}
    changes = next(p for p in render_pages(real_content) if p.path == CHANGES_PAGE).markdown
    for page in pages:
        for change in page.changes:
            assert f"[{page.title}]({page.path})" in changes, (page.path, change.date)


def test_a_medicine_without_a_schedule_has_no_tracker_page() -> None:
    content, _ = load_content(FIXTURE / "content_src", FIXTURE / "docs")
    assert TRACKER_PAGE not in {page.path for page in site_pages(content)}


@pytest.mark.e2e
def test_a_generated_page_added_as_one_registry_entry_is_built_listed_checked_and_reviewed(
    tmp_path: Path,
) -> None:
    """One ``GeneratedPage`` entry (tests/one_more_page.py) and nothing else: the real strict build
    makes the page, lists it in the menu, offers its handout, gives it a review banner and an edit
    link, and puts its changes on What's changed; the review report and ``medinfo check`` see it."""
    project = make_fixture_project(tmp_path / "project")
    script = (str(Path(one_more_page.__file__)),)
    edit_base = "https://example.org/edit/main/"
    build = mkdocs_build(
        project / "mkdocs.yml",
        tmp_path / "site",
        FIXTURE_TODAY,
        script,
        MEDINFO_MAKE_PDFS="0",
        EDIT_URL_BASE=edit_base,
    )
    assert build.returncode == 0, build.stderr
    site = tmp_path / "site"
    page = (site / "visit-checklist" / "index.html").read_text(encoding="utf-8")
    assert "Take this list to your next visit." in page
    assert "review-banner" in page and f'href="{edit_base}content_src/faq.yaml"' in page  # and "Edit"
    menu = parsed(page).select_one("nav.md-nav--primary")
    assert menu is not None
    group = next(item for item in menu.select("li.md-nav__item--nested") if "Print and handouts" in item.text)
    assert "Visit checklist" in [link.get_text(strip=True) for link in group.select("a")]
    handouts = (site / "handouts" / "index.html").read_text(encoding="utf-8")
    assert "<li>Visit checklist (PDF: made when the site is built" in handouts  # its handout is listed
    changes = (site / "changes" / "index.html").read_text(encoding="utf-8")
    assert 'href="../visit-checklist/"' in changes

    content, _ = load_content(project / "content_src", project / "docs")
    with one_more_page.added():
        rows = page_reviews(content, "docs", date.fromisoformat(FIXTURE_TODAY))
        assert [row.title for row in rows].count("Visit checklist") == 1
        assert page_problems(content, project / "docs", project) == []
    with one_more_page.added(fault=True):
        problems = page_problems(content, project / "docs", project)
    assert [(p.file, "42%" in p.message) for p in problems] == [("content_src/faq.yaml", True)]
    faulty = mkdocs_build(
        project / "mkdocs.yml",
        tmp_path / "faulty",
        FIXTURE_TODAY,
        script,
        MEDINFO_MAKE_PDFS="0",
        ONE_MORE_PAGE_FAULT="1",
    )
    assert faulty.returncode != 0 and str(problems[0]) in faulty.stderr
