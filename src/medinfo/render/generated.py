"""Every page made from content_src/, as Markdown: one list for the build, the checks and the tests."""

from __future__ import annotations

from medinfo.content.loader import Content
from medinfo.pages import CALENDAR_PAGE, TRACKER_PAGE
from medinfo.render.calendar_page import render_calendar_page
from medinfo.render.markdown import render_pages
from medinfo.render.tracker import render_tracker_page


def generated_markdown(content: Content) -> dict[str, str]:
    """Each generated page's Markdown, front matter included, by its path inside docs/.

    The tracker and My test calendar come only with a monitoring schedule.
    """
    pages = {page.path: page.markdown for page in render_pages(content)}
    if content.schedule is not None:
        pages[TRACKER_PAGE] = render_tracker_page(content)
        pages[CALENDAR_PAGE] = render_calendar_page(content)
    return pages
