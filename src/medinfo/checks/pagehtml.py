"""One way to parse a page's HTML, so a page parsed once can be handed to every check."""

from __future__ import annotations

from bs4 import BeautifulSoup


def parsed(html: str | BeautifulSoup) -> BeautifulSoup:
    """``html`` parsed (Python's own parser: no extra dependency), or as it is if already parsed."""
    return html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "html.parser")
