"""Every page made from content_src/, as Markdown: one list for the build, the checks and the tests."""

from __future__ import annotations

from medinfo.content.entries import Content
from medinfo.pages import CALENDAR_PAGE, HANDOUTS_PAGE, HANDOUTS_TITLE, TRACKER_PAGE
from medinfo.printing.handouts import render_handouts_page
from medinfo.render.calendar_page import render_calendar_page
from medinfo.render.markdown import render_pages
from medinfo.render.tracker import render_tracker_page


def generated_markdown(content: Content) -> dict[str, str]:
    """Each generated page's Markdown, front matter included, by its path inside docs/.

    The handouts page lists every PDF; the tracker and My test calendar come only with a
    monitoring schedule.
    """
    pages = {page.path: page.markdown for page in render_pages(content)}
    pages[HANDOUTS_PAGE] = render_handouts_page(HANDOUTS_TITLE, content.medicine)
    if content.schedule is not None:
        pages[TRACKER_PAGE] = render_tracker_page(content)
        pages[CALENDAR_PAGE] = render_calendar_page(content)
    return pages
