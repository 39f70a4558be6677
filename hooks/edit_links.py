"""MkDocs hook: "Edit this page" opens the file an editor changes.

A thin adapter over ``medinfo.site.edit_links``. Generated pages name their YAML
file in front matter (``source_file``); hand-written pages are edited in
docs/. The theme shows the button (feature ``content.action.edit``) only
when the page has an address, so local previews show none.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from medinfo.site.edit_links import edit_url, edit_url_base

_base: str | None = None


# Work out the repository's edit address once per build.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _base
    try:
        _base = edit_url_base(os.environ)
    except ValueError as error:
        raise PluginError(str(error)) from None
    return config


# Point the page's edit button at its YAML file (generated) or its Markdown (hand-written).
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page.meta.get("source_file")
    if not source and page.file.abs_src_path:
        root = Path(config.config_file_path).resolve().parent
        path = Path(page.file.abs_src_path).resolve()
        source = path.relative_to(root).as_posix() if path.is_relative_to(root) else None
    page.edit_url = edit_url(_base, source or "")
    return markdown
