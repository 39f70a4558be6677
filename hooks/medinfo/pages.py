"""Where each generated page goes, and the content file an editor changes to change it.

One list, read by the loader (a hand-written page may not take a generated page's
path), the renderer and the handouts step, so a new kind of generated page is
added here once.
"""

from __future__ import annotations

from collections.abc import Iterable

SOURCES_PAGE = "sources.md"
FAQ_PAGE = "faq.md"
GLOSSARY_PAGE = "glossary.md"
CHANGES_PAGE = "changes.md"
HANDOUTS_PAGE = "handouts.md"
TRACKER_PAGE = "monitoring-tracker.md"  # only for a medicine with a monitoring schedule


def generated_pages(
    topics: Iterable[tuple[str, str]],
    *,
    faq_file: str,
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
    pages[GLOSSARY_PAGE] = glossary_file
    pages[SOURCES_PAGE] = sources_file
    pages[CHANGES_PAGE] = topics_dir + "/ (the changes: lists)"
    pages[HANDOUTS_PAGE] = topics_dir + "/ (one handout per topic)"
    if schedule_file is not None:
        pages[TRACKER_PAGE] = schedule_file
    return pages
