"""Glossary explanations on every page, for mouse, keyboard and touch.

Markdown's ``abbr`` extension wraps each glossary word in ``<abbr title=...>``
on every page. Then the first use of each word on a page is made focusable,
so keyboard and touch users can open its explanation too, without a tab
stop on every repeat. Words inside links and headings are left plain: an
explanation there would nest one control in another.
"""

from __future__ import annotations

from collections.abc import Iterable

from bs4 import BeautifulSoup

from medinfo.checks.pagehtml import parsed
from medinfo.content.schema import GlossaryEntry


def abbreviations(glossary: Iterable[GlossaryEntry]) -> dict[str, str]:
    """Word -> explanation, for Markdown's abbr extension (which matches exact case)."""
    words: dict[str, str] = {}
    for entry in glossary:
        for form in (entry.term, *entry.also_called):
            words[form] = entry.explanation
            words[form[:1].upper() + form[1:]] = entry.explanation
    return words


def mark_first_uses(html: str | BeautifulSoup) -> str:
    """The page with each word's first use focusable (a parsed page is changed in place)."""
    soup = parsed(html)
    explained: set[str] = set()
    for abbr in soup.find_all("abbr"):
        if abbr.find_parent(["a", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption"]):
            abbr.unwrap()
            continue
        explanation = str(abbr.get("title", ""))
        abbr["class"] = "glossary-term"
        if explanation not in explained:
            explained.add(explanation)
            abbr["tabindex"] = "0"
    return str(soup)


def remove_all(html: str | BeautifulSoup) -> str:
    """For the glossary page itself, where every word is explained in full."""
    soup = parsed(html)
    for abbr in soup.find_all("abbr"):
        abbr.unwrap()
    return str(soup)
