"""MkDocs hook: glossary explanations on every page, and the plain-language checks.

Runs after hooks/facts.py, which leaves the loaded content in
``config["medinfo_content"]``. Every page's prose is measured as built; at the
end the readability report goes to the build log, and each problem (a page
above grade 8, a percentage, an unexplained medical word, an unused glossary
entry) is a warning, so ``mkdocs build --strict`` fails on it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from medinfo.checks.pagehtml import parsed
from medinfo.checks.prose import PageProse, check_pages, prose_from_html, readability_report
from medinfo.checks.safety import line_of, unsafe_markup
from medinfo.content.loader import Content
from medinfo.site.glossary import abbreviations, mark_first_uses, remove_all

log = logging.getLogger("mkdocs.hooks.plain_language")

_pages: list[PageProse] = []


class _Checked(NamedTuple):
    html: str  # with the glossary words marked
    unsafe: list[tuple[str, str]]
    prose: str


# Each page's result by its HTML, for this build and the one before: `mkdocs serve`
# rebuilds every page on each save, and parsing is most of this hook's time.
_seen: dict[tuple[str, bool], _Checked] = {}
_seen_before: dict[tuple[str, bool], _Checked] = {}


def _content(config: MkDocsConfig) -> Content:
    content: Content = config["medinfo_content"]
    return content


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


# Give Markdown's abbr extension the glossary, so every page can explain its words.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _pages.clear()
    _seen_before.clear()  # keep only the last build's pages
    _seen_before.update(_seen)
    _seen.clear()
    settings = config.mdx_configs.setdefault("abbr", {})
    settings["glossary"] = abbreviations(_content(config).glossary)
    return config


def _check(html: str, is_glossary: bool) -> _Checked:
    key = (html, is_glossary)
    found = _seen.get(key) or _seen_before.get(key)
    if found is None:
        soup = parsed(html)  # once for all three checks
        unsafe = unsafe_markup(soup)
        marked = remove_all(soup) if is_glossary else mark_first_uses(soup)
        found = _Checked(marked, unsafe, prose_from_html(soup))  # prose last: it takes the page apart
    _seen[key] = found
    return found


# Make each word's first use focusable, then measure the page's prose as built.
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    is_glossary = page.meta.get("tooltips") is False
    html, unsafe, prose = _check(html, is_glossary)
    source = page.meta.get("source_file")
    if not source and page.file.abs_src_path:
        source = Path(page.file.abs_src_path).relative_to(_root(config)).as_posix()
    where = source or page.file.src_uri
    source_path = _root(config) / where
    lines = source_path.read_text(encoding="utf-8").splitlines() if unsafe and source_path.is_file() else []
    for what, needle in unsafe:
        log.warning(
            f"{where}:{line_of(lines, needle)}: (page text): the page contains {what}. "
            "Remove it: pages may not run code."
        )
    _pages.append(PageProse(page.file.src_uri, where, prose, is_glossary))
    return html


def on_post_build(config: MkDocsConfig) -> None:
    content = _content(config)
    log.info("Readability, hardest page first (Flesch-Kincaid grade):\n" + readability_report(_pages))
    root = _root(config)
    lines = {
        page.source_file: (root / page.source_file).read_text(encoding="utf-8").splitlines()
        for page in _pages
        if (root / page.source_file).is_file()
    }
    lines[content.glossary_file] = (root / content.glossary_file).read_text(encoding="utf-8").splitlines()
    for problem in check_pages(_pages, content.glossary, content.medical_terms, content.glossary_file, lines):
        log.warning(str(problem))
