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

from medinfo.content import Content
from medinfo.glossary import abbreviations, mark_first_uses, remove_all
from medinfo.pagehtml import parsed
from medinfo.prose import PageProse, check_pages, prose_from_html, readability_report
from medinfo.safety import line_of, unsafe_markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.plain_language")

_pages: list[PageProse] = []


def _content(config: MkDocsConfig) -> Content:
    content: Content = config["medinfo_content"]
    return content


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


# Give Markdown's abbr extension the glossary, so every page can explain its words.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _pages.clear()
    settings = config.mdx_configs.setdefault("abbr", {})
    settings["glossary"] = abbreviations(_content(config).glossary)
    return config


# Make each word's first use focusable, then measure the page's prose as built.
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    is_glossary = page.meta.get("tooltips") is False
    soup = parsed(html)  # once: parsing is most of these checks' time
    unsafe = unsafe_markup(soup)
    html = remove_all(soup) if is_glossary else mark_first_uses(soup)
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
    prose = prose_from_html(soup)  # last: it takes the parsed page apart
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
