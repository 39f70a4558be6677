"""Every page as Markdown on disk, as the engine would see it: for ``medinfo render`` and the
plain-MkDocs project the benchmark compares against."""

from __future__ import annotations

import shutil
from pathlib import Path

from medinfo.site.build import SiteBuild

THEME_OVERRIDES = "overrides"  # inside docs/: templates for the theme, not pages


def write_markdown_tree(build: SiteBuild, out: Path) -> list[str]:
    """Every page as Markdown in ``out``: the hand-written docs/ (without theme overrides) and the
    generated pages, as the engine would see them. Returns the generated pages' paths."""
    docs = build.project.docs_dir
    shutil.copytree(docs, out, ignore=shutil.ignore_patterns(THEME_OVERRIDES), dirs_exist_ok=True)
    for path in build.content.pages:  # hand-written pages, their markers filled in
        page = out / path
        page.write_text(build.hand_written_markdown(path, page.read_text(encoding="utf-8")), encoding="utf-8")
    pages = build.markdown_pages()
    for path, markdown in pages.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(markdown, encoding="utf-8")
    return sorted(pages)
