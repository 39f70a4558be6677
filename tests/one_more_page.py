"""A generated page added to the site as one registry entry, as a maintainer would add one.

``python one_more_page.py build ...`` runs the real MkDocs command line with the entry added;
the tests import ``added`` to run ``medinfo check``'s page rules with it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import yaml

from medinfo import registry
from medinfo.content.entries import Content
from medinfo.registry import HANDOUTS_MARKER, GeneratedPage
from medinfo.render.markdown import PageText, RenderedPage

PATH = "visit-checklist.md"
TITLE = "Visit checklist"
FAULT_VARIABLE = "ONE_MORE_PAGE_FAULT"  # "1": the page gives a typed percentage, which the rules refuse


def checklist(content: Content, earlier: Sequence[RenderedPage], fault: bool = False) -> PageText:
    front = {
        "title": TITLE,
        "description": "A list to take to your next visit.",
        "source_file": content.faq_file,
    }
    lines = ["Take this list to your next visit.", "", "- Your questions.", "- Your test dates."]
    if fault:
        lines.append("- Itching affects 42% of people.")
    return PageText("---\n" + yaml.safe_dump(front, sort_keys=False) + "---\n\n" + "\n".join(lines) + "\n")


def entry(fault: bool = False) -> GeneratedPage:
    return GeneratedPage(
        PATH,
        title=lambda c: TITLE,
        made_from=lambda c: c.faq_file,
        render=lambda c, earlier: checklist(c, earlier, fault),
        review=lambda c: c.faq.review,
        changes=lambda c: c.faq.changes,
        menu=HANDOUTS_MARKER,
        prints=True,
    )


@contextmanager
def added(fault: bool = False) -> Iterator[None]:
    """The registry with the checklist's entry, for as long as the block runs."""
    before = registry.GENERATED
    registry.GENERATED = (*before, entry(fault))
    try:
        yield
    finally:
        registry.GENERATED = before


if __name__ == "__main__":
    from mkdocs.__main__ import cli

    with added(fault=os.environ.get(FAULT_VARIABLE) == "1"):
        cli(sys.argv[1:])
