"""What's changed: dated change entries in plain words, checked, listed newest first."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE, Project

from medinfo.content.loader import Content, load_content
from medinfo.pages import CHANGES_PAGE
from medinfo.registry import render_pages
from medinfo.render.plain import markdown_text

TOPIC = "content_src/topics/side-effects.yaml"
FIRST_CHANGE = "changes:\n  - date: 2026-02-01\n    summary: First published on this site.\n"


def test_every_topic_and_the_questions_page_has_a_change_entry() -> None:
    content, _ = load_content(FIXTURE / "content_src", FIXTURE / "docs")
    assert all(entry.topic.changes for entry in content.topics)
    assert content.faq.changes


def test_a_change_in_the_future_is_an_error(project: Project) -> None:
    project.replace(TOPIC, "  - date: 2026-02-01\n", "  - date: 2026-07-01\n")
    line = project.line_of(TOPIC, "date: 2026-07-01")
    assert project.errors() == [
        f"{TOPIC}:{line}: changes[1].date: 2026-07-01 is in the future: a change can only be "
        "recorded once it has happened (today is 2026-06-01)"
    ]


def test_changes_must_be_newest_first(project: Project) -> None:
    project.replace(
        TOPIC,
        FIRST_CHANGE,
        FIRST_CHANGE + "  - date: 2026-03-10\n    summary: Added the itching numbers.\n",
    )
    line = project.line_of(TOPIC, "changes:")
    assert project.errors() == [
        f"{TOPIC}:{line}: changes: list the newest change first: change 1 (2026-02-01) is older "
        "than change 2 (2026-03-10). Put new changes at the top."
    ]


def test_a_topic_needs_at_least_one_change(project: Project) -> None:
    project.replace(TOPIC, FIRST_CHANGE, "")
    [error] = project.errors()
    assert error.startswith(f"{TOPIC}:1: changes: 'changes' is required but missing.")
    assert "newest first" in error  # the field's description tells the editor what to write


def test_a_change_needs_a_summary(project: Project) -> None:
    project.replace(TOPIC, "    summary: First published on this site.\n", "")
    line = project.line_of(TOPIC, "- date: 2026-02-01")
    [error] = project.errors()
    assert error.startswith(f"{TOPIC}:{line}: changes[1].summary: 'summary' is required but missing.")


def _changes_markdown(root: Path) -> str:
    content, _ = load_content(root / "content_src", root / "docs")
    return next(p.markdown for p in render_pages(content) if p.path == CHANGES_PAGE)


def test_changes_page_lists_days_newest_first_and_topics_show_their_latest(project: Project) -> None:
    project.replace(
        TOPIC,
        FIRST_CHANGE,
        "changes:\n  - date: 2026-05-20\n    summary: Added the itching numbers.\n"
        + FIRST_CHANGE.removeprefix("changes:\n"),
    )
    markdown = _changes_markdown(project.root)
    days = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert days == [
        "## 20 May 2026 { #changed-2026-05-20 }",
        "## 1 February 2026 { #changed-2026-02-01 }",
        "## 15 January 2026 { #changed-2026-01-15 }",
    ]
    assert "- [Side effects of Zelvora](topics/side-effects.md): Added the itching numbers." in markdown
    content, _ = load_content(project.root / "content_src", project.root / "docs")
    topic = next(p for p in render_pages(content) if p.path == "topics/side-effects.md")
    assert (
        "Last changed: 20 May 2026. [See what changed](../changes.md#changed-2026-05-20)." in topic.markdown
    )


def test_summaries_show_as_typed(project: Project) -> None:
    project.replace(TOPIC, "summary: First published on this site.", "summary: Fixed a typo in *Zelvora*.")
    assert r"Fixed a typo in \*Zelvora\*." in _changes_markdown(project.root)


@pytest.mark.e2e
def test_built_site_has_the_changes_page_in_the_menu_and_a_date_on_each_topic(fixture_site: Path) -> None:
    soup = BeautifulSoup((fixture_site / "changes" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.h1 is not None and soup.h1.get_text() == "What's changed"
    assert soup.find("h2", id="changed-2026-02-01")
    topic = (fixture_site / "topics" / "side-effects" / "index.html").read_text(encoding="utf-8")
    assert "Last changed: 1 February 2026." in " ".join(
        BeautifulSoup(topic, "html.parser").get_text().split()
    )
    # In the menu, under "About this site" (open on the page itself).
    changes = BeautifulSoup(
        (fixture_site / "changes" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    group = changes.select_one(".md-nav__item--active.md-nav__item--nested")
    assert group is not None and "About this site" in group.get_text()
    assert "What's changed" in [a.get_text(" ", strip=True) for a in group.select("a")]


def test_the_tracker_timetable_change_is_listed_and_dated(real_content: Content) -> None:
    """A change to the test timetable reaches readers of 'What's changed', linked to the tracker."""
    schedule = real_content.schedule
    assert schedule is not None and schedule.changes
    page = next(p for p in render_pages(real_content) if p.path == CHANGES_PAGE).markdown
    newest = schedule.changes[0]
    assert f"- [{schedule.title}](monitoring-tracker.md): " in page
    assert f"{{ #changed-{newest.date.isoformat()} }}" in page


def test_a_change_to_the_urgent_help_card_is_listed_and_dated(real_content: Content) -> None:
    """The card is on every topic page: a change to it is told once, linked to its own page."""
    urgent = real_content.urgent_help
    assert urgent.changes
    pages = {p.path: p.markdown for p in render_pages(real_content)}
    newest = urgent.changes[0]
    assert f"- [{urgent.heading}](urgent-help.md): {markdown_text(newest.summary)}" in pages[CHANGES_PAGE]
    assert f"(changes.md#changed-{newest.date.isoformat()})" in pages["urgent-help.md"]
