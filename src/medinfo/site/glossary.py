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
    mark_words(soup)
    return str(soup)


def mark_words(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """Make each word's first use focusable, in place; return the words the page explains, with
    their explanations, in the order they first come (what ``words_explained`` reads back), so
    a page parsed once gives both."""
    explained: set[str] = set()
    words: dict[str, str] = {}  # explanation -> the word as first used (forms share one)
    for abbr in soup.find_all("abbr"):
        if abbr.find_parent(["a", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption"]):
            abbr.unwrap()
            continue
        explanation = str(abbr.get("title", ""))
        abbr["class"] = "glossary-term"
        if explanation not in explained:
            explained.add(explanation)
            abbr["tabindex"] = "0"
        if "title" in abbr.attrs:
            words.setdefault(explanation, abbr.get_text())
    return [(word, explanation) for explanation, word in words.items()]


def remove_all(html: str | BeautifulSoup) -> str:
    """For the glossary page itself, where every word is explained in full."""
    soup = parsed(html)
    for abbr in soup.find_all("abbr"):
        abbr.unwrap()
    return str(soup)
