"""The site's pages: where each one goes, and the file an editor changes to change it.

One registry, read by the loader (a hand-written page may not take a generated
page's path), the renderer, the handouts step, the review report and "What's
changed", so a new kind of page is added here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from medinfo.content.entries import Content
from medinfo.content.schema import Change, Review

SOURCES_PAGE = "sources.md"
URGENT_PAGE = "urgent-help.md"  # the urgent-help card on a page of its own, for search and the home page
FAQ_PAGE = "faq.md"
GLOSSARY_PAGE = "glossary.md"
CHANGES_PAGE = "changes.md"
HANDOUTS_PAGE = "handouts.md"
TRACKER_PAGE = "monitoring-tracker.md"  # only for a medicine with a monitoring schedule
CALENDAR_PAGE = "my-test-calendar.md"  # the same: the reader's own test dates, from the schedule
CALENDAR_TITLE = "My test calendar"
TESTS_TOPIC = "topics/monitoring.md"  # the topic that explains the tests (linked from the calendar)

# Generated for every medicine, and named in mkdocs.yml's menu by path (not by a "@" marker).
MENU_GENERATED_PAGES = (URGENT_PAGE, FAQ_PAGE, GLOSSARY_PAGE, SOURCES_PAGE, CHANGES_PAGE)

GLOSSARY_TITLE = "Glossary"
SOURCES_TITLE = "Sources"
CHANGES_TITLE = "What's changed"
HANDOUTS_TITLE = "Handouts to print"


def generated_pages(
    topics: Iterable[tuple[str, str]],
    *,
    faq_file: str,
    urgent_file: str,
    glossary_file: str,
    sources_file: str,
    topics_dir: str,
    schedule_file: str | None,
) -> dict[str, str]:
    """Every generated page's path (inside docs/), with the file it is made from.

    ``topics`` are (page path, YAML file) pairs. What's changed and the handouts
    list are made from all the topics, so they name the topics folder.
    """
    pages = dict(topics)
    pages[FAQ_PAGE] = faq_file
    pages[URGENT_PAGE] = urgent_file
    pages[GLOSSARY_PAGE] = glossary_file
    pages[SOURCES_PAGE] = sources_file
    pages[CHANGES_PAGE] = topics_dir + "/ (the changes: lists)"
    pages[HANDOUTS_PAGE] = topics_dir + "/ (one handout per topic)"
    if schedule_file is not None:
        pages[TRACKER_PAGE] = schedule_file
        pages[CALENDAR_PAGE] = schedule_file
    return pages


@dataclass(frozen=True)
class SitePage:
    """One page of the site, as everything that lists pages needs it."""

    path: str  # inside docs/
    title: str
    edit_file: str | None  # the one file an editor changes; None for a page made from many
    review: Review | None = None
    changes: tuple[Change, ...] = ()
    hand_written: bool = False
    prints: bool = False  # has a PDF handout of its own


def site_pages(content: Content, docs_folder: str = "docs") -> list[SitePage]:
    """Every page: topics, questions, tracker, the other generated pages, then the hand-written ones.

    Only pages that have review dates or changes of their own say so; the glossary,
    sources, "What's changed" and handouts list are made from the others.
    """
    pages = [
        SitePage(
            entry.page_path,
            entry.topic.title,
            entry.file,
            entry.topic.review,
            tuple(entry.topic.changes),
            prints=True,
        )
        for entry in content.topics
    ]
    faq = content.faq
    pages.append(SitePage(FAQ_PAGE, faq.title, content.faq_file, faq.review, tuple(faq.changes)))
    if content.schedule is not None and content.schedule_file is not None:
        schedule = content.schedule
        pages.append(
            SitePage(
                TRACKER_PAGE,
                schedule.title,
                content.schedule_file,
                schedule.review,
                tuple(schedule.changes),
                prints=True,
            )
        )
        # Made from the same schedule and reviewed with it; its changes are the tracker's.
        pages.append(SitePage(CALENDAR_PAGE, CALENDAR_TITLE, content.schedule_file, schedule.review))
    pages += [
        SitePage(
            URGENT_PAGE,
            content.urgent_help.heading,
            content.urgent_help_file,
            content.urgent_help.review,
            changes=tuple(content.urgent_help.changes),  # the card is on every topic page too
        ),
        SitePage(GLOSSARY_PAGE, GLOSSARY_TITLE, content.glossary_file),
        SitePage(SOURCES_PAGE, SOURCES_TITLE, content.sources_file),
        SitePage(CHANGES_PAGE, CHANGES_TITLE, None),  # from every page's changes: list
        SitePage(HANDOUTS_PAGE, HANDOUTS_TITLE, None),  # from the pages that print
    ]
    pages += [
        SitePage(path, front.title, f"{docs_folder.rstrip('/')}/{path}", front.review, hand_written=True)
        for path, front in sorted(content.pages.items())
    ]
    return pages
