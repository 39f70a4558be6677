"""Sourced blocks from the facts, placed in a hand-written page where it asks for them.

A hand-written page (the home page) writes a marker on a line of its own:

- ``<!-- key-facts -->``: the medicine's key facts (``key_facts:`` in
  medicine.yaml), each a topic statement word for word, with its sources and
  a link to its page;
- ``<!-- urgent-help -->``: the urgent-help card, the same as on every topic.

A page that uses a marker gets its own numbered source list at its foot, so
the facts it shows are sourced like any topic's. Without markers the page is
left exactly as written.
"""

from __future__ import annotations

import posixpath
import re

from medinfo.content.loader import Content
from medinfo.render.citations import Citations
from medinfo.render.markdown import PageText, sourced_statement
from medinfo.render.plain import markdown_text
from medinfo.render.urgent_card import urgent_help

KEY_FACTS_MARKER = "<!-- key-facts -->"
URGENT_HELP_MARKER = "<!-- urgent-help -->"
_MARKER_LINE = re.compile(r"^(<!-- (?:key-facts|urgent-help) -->)[ \t]*$", re.MULTILINE)


def expand_markers(markdown: str, content: Content, page_path: str) -> str:
    """The page with each marker replaced by its block, and a source list added if any fact was cited."""
    return expanded_page(markdown, content, page_path).markdown


def expanded_page(markdown: str, content: Content, page_path: str) -> PageText:
    """The page with its markers expanded, and the sources its blocks cite."""
    if not _MARKER_LINE.search(markdown):
        return PageText(markdown)
    cite = Citations(content)

    def block(match: re.Match[str]) -> str:
        if match.group(1) == URGENT_HELP_MARKER:
            return urgent_help(content, cite)
        return _key_facts(content, cite, page_path)

    expanded = _MARKER_LINE.sub(block, markdown)
    if not cite.order:
        return PageText(expanded)
    return PageText(expanded.rstrip("\n") + "\n\n" + cite.source_list() + "\n", cite.source_ids())


def _key_facts(content: Content, cite: Citations, page_path: str) -> str:
    lines = []
    for statement_id in content.medicine.key_facts:
        entry, statement = content.statement(statement_id)
        link = posixpath.relpath(entry.page_path, posixpath.dirname(page_path) or ".")
        title = markdown_text(entry.topic.title)
        lines.append(f"- {sourced_statement(statement, cite)} Read more: [{title}]({link}).")
    return "\n".join(lines)
