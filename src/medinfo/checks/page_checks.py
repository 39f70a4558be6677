"""The page rules, one list run by ``medinfo check`` and by the build alike.

``medinfo check`` is what editors run. It must refuse exactly what the strict
build refuses, so both hand every page to ``page_rules``: the check makes each
page's HTML from its Markdown with the site's own Markdown extensions, the
build passes the HTML it made. (A test breaks every rule at once and compares
the two lists of problems.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml

from medinfo.checks.pagehtml import parsed
from medinfo.checks.prose import PageProse, check_pages, prose_from_html
from medinfo.checks.safety import line_of, unsafe_markup
from medinfo.content.loader import Content, split_front_matter
from medinfo.pages import GLOSSARY_PAGE
from medinfo.problems import Problem
from medinfo.project import display_path
from medinfo.registry import all_pages

# The Markdown extensions in mkdocs.yml that change what a reader sees as prose.
MARKDOWN_EXTENSIONS = ("abbr", "admonition", "attr_list", "md_in_html", "tables", "toc")


@dataclass(frozen=True)
class CheckedPage:
    """One page as the page rules see it: its prose and any active content, taken from its HTML."""

    path: str  # inside docs/, e.g. topics/side-effects.md
    source_file: str  # where an editor changes it, relative to the project
    prose: str
    unsafe: tuple[tuple[str, str], ...] = ()  # (what it is, text to find it by), from unsafe_markup
    is_glossary: bool = False


def checked_page(path: str, source_file: str, html: str, is_glossary: bool = False) -> CheckedPage:
    """Read a page's HTML once for every page rule."""
    soup = parsed(html)
    unsafe = tuple(unsafe_markup(soup))
    return CheckedPage(
        path, source_file, prose_from_html(soup), unsafe, is_glossary
    )  # prose last: it takes the page apart


def page_rules(pages: list[CheckedPage], content: Content, root: Path) -> list[Problem]:
    """The page rules, run by ``medinfo check`` and by the build alike, on every page.

    Active content (a script, an event handler, a ``javascript:`` link), a page
    above grade 8, a typed percentage, a medical word the glossary does not
    explain, a glossary word used nowhere.
    """
    problems = [
        Problem(
            page.source_file,
            line_of(_lines(root, page.source_file), needle),
            "(page text)",
            f"the page contains {what}. Remove it: pages may not run code.",
        )
        for page in pages
        for what, needle in page.unsafe
    ]
    prose = [PageProse(page.path, page.source_file, page.prose, page.is_glossary) for page in pages]
    lines = {page.source_file: _lines(root, page.source_file) for page in pages}
    # Words many pages show: the medicine's and care team's names, and the urgent-help card.
    shared = (content.medicine_file, content.urgent_help_file)
    for file in (content.glossary_file, *shared):
        lines[file] = _lines(root, file)
    problems += check_pages(
        prose, content.glossary, content.medical_terms, content.glossary_file, lines, shared
    )
    return problems


def page_problems(content: Content, docs_dir: Path, root: Path) -> list[Problem]:
    """Every page-rule problem the build would report: the build's own pages (the registry), each
    from the Markdown the build gives the engine, made into HTML with the site's extensions."""
    checked = []
    for page in all_pages(content, docs_dir):
        meta, body = _split_front_matter(page.render())
        # As the build names it: a hand-written page's own file, else the file its front matter names.
        if page.site.hand_written:
            source_file = display_path(docs_dir / page.path, root)
        else:
            source_file = str(meta.get("source_file") or f"{docs_dir.name}/{page.path}")
        html = markdown.markdown(body, extensions=list(MARKDOWN_EXTENSIONS))
        checked.append(checked_page(page.path, source_file, html, page.path == GLOSSARY_PAGE))
    return page_rules(checked, content, root)


def _split_front_matter(text: str) -> tuple[dict[str, object], str]:
    front, body = split_front_matter(text)
    meta = yaml.safe_load(front) if front else None
    return (meta if isinstance(meta, dict) else {}), body


def _lines(root: Path, source_file: str) -> list[str]:
    path = root / source_file
    return path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
