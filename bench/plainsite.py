"""The baseline for the hooks' overhead: the same site as plain MkDocs, with no hooks.

``medinfo render`` writes every page as Markdown (the generated ones beside a
copy of docs/) and a configuration exactly like mkdocs.yml (theme, overrides,
extensions, CSS, JS, search, the glossary for ``abbr``, the same menu) except
that it has no ``hooks:``. So the baseline builds the same pages with the same
theme (a test checks that); what it leaves out is the hooks' work: the content
and plain-language checks, review banners, metadata, the Content Security
Policy and the PDF handouts.
"""

from __future__ import annotations

from pathlib import Path

from medinfo.site.mkdocs_adapter import write_plain_project


def make_plain_project(project: Path, target: Path) -> Path:
    """Write the plain copy of the MkDocs project at ``project`` into ``target``; returns its mkdocs.yml."""
    write_plain_project(project / "mkdocs.yml", target)
    return target / "mkdocs.yml"
