"""The page registry: one list of the site's pages, read by every tool that lists pages."""

from __future__ import annotations

from conftest import FIXTURE, REPO
from content_dates import newest_review_date

from medinfo.content.loader import Content, load_content
from medinfo.editors.review_report import page_reviews
from medinfo.pages import CHANGES_PAGE, FAQ_PAGE, TRACKER_PAGE, site_pages
from medinfo.render.markdown import render_pages


def test_every_page_with_review_dates_or_changes_is_listed_once(real_content: Content) -> None:
    pages = site_pages(real_content)
    paths = [page.path for page in pages]
    assert len(paths) == len(set(paths))
    expected = {entry.page_path for entry in real_content.topics} | {FAQ_PAGE, TRACKER_PAGE}
    assert expected | set(real_content.pages) == set(paths)
    by_path = {page.path: page for page in pages}
    assert by_path[TRACKER_PAGE].edit_file == "content_src/monitoring-schedule.yaml"
    assert all(page.edit_file == f"docs/{page.path}" for page in pages if page.hand_written)


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
