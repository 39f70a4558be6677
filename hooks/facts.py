"""MkDocs hook: load and check the facts in content_src/, and add the generated pages.

A thin adapter over the plain-Python ``medinfo`` package. If any content file
has an error, the build stops here, before anything is written, with every
problem listed as ``path:line: field: message``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from medinfo.content.loader import Content, load_content, topic_menu
from medinfo.problems import ContentError
from medinfo.render.markdown import render_pages

log = logging.getLogger("mkdocs.hooks.facts")

CONTENT_FOLDER = "content_src"
TOPICS_MARKER = "@topics"  # in mkdocs.yml's nav: replaced by one entry per topic, in order

_content: Content | None = None


def _content_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / CONTENT_FOLDER


# Check every content file once, before MkDocs reads any page.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _content
    try:
        _content, report = load_content(_content_dir(config), Path(config.docs_dir))
    except ContentError as error:
        raise PluginError("The content has problems; nothing was built.\n" + error.report.summary()) from None
    for warning in report.warnings:
        log.warning(str(warning))
    config.extra["care_team"] = _content.medicine.care_team
    config["medinfo_content"] = _content  # for the hooks that run after this one
    config.nav = _with_topics(config.nav, _content)
    return config


def _with_topics(nav: list[Any] | None, content: Content) -> list[Any] | None:
    entries = topic_menu(content.topics)
    if nav is None:
        return None
    expanded: list[Any] = []
    for item in nav:
        expanded.extend(entries if item == TOPICS_MARKER else [item])
    return expanded


# Add the generated pages as virtual files: nothing is written into docs/.
def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _content is not None, "on_config runs first"
    for page in render_pages(_content):
        files.append(File.generated(config, page.path, content=page.markdown))
    return files


# `mkdocs serve` rebuilds when an editor saves a content file.
def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(_content_dir(config)))
    return server
