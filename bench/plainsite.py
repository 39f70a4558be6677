"""The baseline for the hooks' overhead: the same site as plain MkDocs, with no hooks.

Every page the hooks would add in memory (``medinfo.render.markdown.render_pages``,
the handouts page and the monitoring tracker) is written to disk as Markdown
beside a copy of docs/, and the site is configured exactly like mkdocs.yml
(theme, overrides, extensions, CSS, JS, search, the glossary for ``abbr``,
the same nav) except that it has no ``hooks:``. So the baseline builds the
same pages with the same theme; what it leaves out is the hooks' work: the
content checks, the plain-language checks, review banners, metadata, the
Content Security Policy and the PDF handouts.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from medinfo.content.loader import load_content, topic_menu
from medinfo.pages import HANDOUTS_PAGE, TRACKER_PAGE
from medinfo.printing.handouts import render_handouts_page
from medinfo.render.markdown import render_pages
from medinfo.render.tracker import render_tracker_page
from medinfo.site.glossary import abbreviations

HANDOUTS_TITLE = "Handouts to print"  # as hooks/handouts.py names it


def make_plain_project(project: Path, target: Path) -> Path:
    """Write the plain copy of the MkDocs project at ``project`` into ``target``; returns its mkdocs.yml."""
    content, _ = load_content(project / "content_src", project / "docs")
    shutil.copytree(project / "docs", target / "docs", ignore=shutil.ignore_patterns("overrides"))
    generated = {page.path: page.markdown for page in render_pages(content)}
    generated[HANDOUTS_PAGE] = render_handouts_page(HANDOUTS_TITLE, content.medicine)
    if content.schedule:
        generated[TRACKER_PAGE] = render_tracker_page(content)
    for path, markdown in generated.items():
        (target / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (target / "docs" / path).write_text(markdown, encoding="utf-8")

    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    topics = topic_menu(content.topics)
    handouts: list[Any] = [{HANDOUTS_TITLE: HANDOUTS_PAGE}]
    if content.schedule:
        handouts.append({content.schedule.title: TRACKER_PAGE})
    nav: list[Any] = []
    for item in config.get("nav") or []:
        nav.extend(topics if item == "@topics" else handouts if item == "@handouts" else [item])
    config["nav"] = nav
    config.pop("hooks", None)
    custom_dir = config["theme"].get("custom_dir")
    if custom_dir:
        config["theme"]["custom_dir"] = str((project / custom_dir).resolve())
    config["extra"] = {**(config.get("extra") or {}), "care_team": content.medicine.care_team}
    config["markdown_extensions"] = [
        {"abbr": {"glossary": abbreviations(content.glossary)}} if item == "abbr" else item
        for item in config.get("markdown_extensions") or []
    ]
    config["exclude_docs"] = config.get("exclude_docs") or ""
    config_file = target / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return config_file
