"""Every page of the site as one object: where it goes, its title, the file an editor changes,
its review and changes, whether it prints, and ``render()``, its final Markdown (for a
hand-written page: the file with its markers expanded).

``medinfo check`` and the build both take their pages and their Markdown from here, so they
check the same pages with the same words: the check without the engine, the build through it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from medinfo.content.entries import Content
from medinfo.pages import SitePage, site_pages
from medinfo.render.generated import generated_markdown
from medinfo.render.handwritten import expand_markers


@dataclass(frozen=True)
class Page:
    """One page: what every list of pages needs (``site``), and how to make its Markdown."""

    site: SitePage
    render: Callable[[], str]  # the page's final Markdown, front matter included

    @property
    def path(self) -> str:
        return self.site.path


def hand_written_markdown(content: Content, path: str, markdown: str) -> str:
    """A hand-written page's Markdown as readers get it: its markers expanded."""
    return expand_markers(markdown, content, path)


def all_pages(content: Content, docs_dir: Path) -> list[Page]:
    """Every page, in the order ``site_pages`` lists them, each able to give its Markdown."""
    generated = cache(lambda: generated_markdown(content))  # made together: sources cite all

    def made(path: str) -> Callable[[], str]:
        return lambda: generated()[path]

    def written(path: str) -> Callable[[], str]:
        return lambda: hand_written_markdown(content, path, (docs_dir / path).read_text(encoding="utf-8"))

    return [
        Page(page, written(page.path) if page.hand_written else made(page.path))
        for page in site_pages(content, docs_dir.name)
    ]
