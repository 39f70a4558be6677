"""MkDocs hook: connects each MkDocs event to the site's engine-neutral build.

The rules and the state live in ``src/medinfo/site/build.py``; the MkDocs
objects are translated in ``src/medinfo/site/mkdocs_adapter.py``. This file
only says which event does which job, in the order MkDocs calls them.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from medinfo.site import mkdocs_adapter as site


def on_startup(command: str, dirty: bool) -> None:
    site.startup(command)  # a preview: no new PDFs, no security policy (its live-reload script is inline)


# Check every content file before MkDocs reads any page; fill in the menu and the glossary.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return site.start(config)


# The generated pages (in memory: nothing is written into docs/) and the PDFs' files.
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return site.add_files(files, config)


# `mkdocs serve` rebuilds when an editor saves a content file.
def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    return site.watch_content(server, config)


# Review banner and overdue check, "Edit this page", sitemap date and JSON-LD; a hand-written
# page's key facts and urgent-help card, where it asks for them.
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return site.page_markdown(markdown, page, config)


# The page read (beside MkDocs on a large site) for the page rules, its glossary marks and its handout.
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return site.page_html(html, page, config)


# Every page is rendered and none written yet: the glossary marks go in, then the PDFs are made,
# so each page can show its size.
def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    site.make_pdfs(files, config)
    return env


# Print header (address and QR code) and download links.
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    site.page_context(page, config)
    return context


# The Content Security Policy, once the theme has written the page (last: it hashes inline scripts).
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return site.protect(output, config)


# Theme pages that are not Markdown pages (404.html).
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return site.protect(output_content, config) if template_name.endswith(".html") else output_content


# The page rules over every page, the readability report, and site/_headers.
def on_post_build(config: MkDocsConfig) -> None:
    site.finish(config)
