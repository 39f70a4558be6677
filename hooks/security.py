"""MkDocs hook: a Content Security Policy on every page, and as a headers file.

Each page gets a <meta> policy allowing only this site's files and the hashes
of that page's own inline scripts; ``_headers`` carries the same policy as an
HTTP header for hosts that read one. ``mkdocs serve`` injects an inline
live-reload script into pages, so previews are served without the policy.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from medinfo.site.csp import headers_file, inline_script_hashes, with_policy

_serving = False
_hashes: set[str] = set()


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    _hashes.clear()


def _protect(output: str) -> str:
    if _serving:
        return output
    _hashes.update(inline_script_hashes(output))
    return with_policy(output)


# Every page, once the theme has written it.
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _protect(output)


# Theme pages that are not Markdown pages (404.html).
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _protect(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config: MkDocsConfig) -> None:
    if not _serving:
        Path(config.site_dir, "_headers").write_text(headers_file(_hashes), encoding="utf-8")
