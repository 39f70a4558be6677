"""The page registry: one list of the site's pages, read by every tool that lists pages."""

from __future__ import annotations

import pytest
from conftest import FIXTURE, REPO, real_today
from content_dates import newest_review_date

from medinfo.content.loader import Content, load_content
from medinfo.editors.review_report import page_reviews
from medinfo.pages import CHANGES_PAGE, HANDOUTS_PAGE, TRACKER_PAGE, site_pages
from medinfo.render.markdown import render_pages
from medinfo.site.build import SiteBuild


def test_every_page_the_build_makes_is_listed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDINFO_TODAY", real_today())
    build = SiteBuild(root=REPO, docs_dir=REPO / "docs", site_url="", site_name="", language="en")
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
