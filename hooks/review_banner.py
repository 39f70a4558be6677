"""MkDocs hook: the review-date banner on every page that declares review dates.

Generated topic pages carry their review in front matter, exactly like
hand-written pages, so one path serves both. The banner itself is the theme
partial ``partials/review-banner.html``.

Overdue policy: a page past its ``next_review_due`` date is a *warning*, so
``mkdocs build --strict`` (CI and deployment) fails until someone reviews it.
Setting ``MEDINFO_ALLOW_OVERDUE=1`` lets an urgent rebuild through; the page
still shows the overdue warning to readers.
"""

from __future__ import annotations

import logging
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from medinfo import clock
from medinfo.checks.review import ALLOW_OVERDUE_VARIABLE, ReviewStatus, overdue_message, review_banner
from medinfo.content.schema import Review

log = logging.getLogger("mkdocs.hooks.review_banner")


# Work out the banner from the page's review dates and "today".
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    raw = page.meta.get("review")
    if raw is None:
        return markdown
    review = Review.model_validate(raw)  # already checked by the facts hook, with line numbers
    banner = review_banner(review, clock.today(), config.extra.get("care_team", "your care team"))
    page.meta["review_banner"] = banner
    where = page.meta.get("source_file") or f"docs/{page.file.src_uri}"
    if banner.status is ReviewStatus.OVERDUE:
        message = f"{where}: {overdue_message(banner.next_review_due)}"
        allowed = os.environ.get(ALLOW_OVERDUE_VARIABLE) == "1"
        (log.info if allowed else log.warning)(message)
    elif banner.status is ReviewStatus.DUE_SOON:
        log.info(f"{where}: review due in {banner.days_left} day(s), on {banner.next_review_due}.")
    return markdown
