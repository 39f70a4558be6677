"""Where a page's "Edit this page" button leads: the file an editor changes.

Generated pages open the YAML file that produced them; hand-written pages
open their Markdown. No ``repo_url`` is set in mkdocs.yml (it would make
every reader's browser call GitHub's API), so the address is absolute.

The repository's address is not written into the project: GitHub Actions
sets ``GITHUB_REPOSITORY`` (``owner/name``) and ``GITHUB_SERVER_URL``; anyone
else can set ``EDIT_URL_BASE`` (ending in ``/``). With neither, as in a local
preview, pages show no edit button rather than a wrong link.
"""

from __future__ import annotations

from collections.abc import Mapping

EDIT_URL_BASE_VARIABLE = "EDIT_URL_BASE"
EDIT_BRANCH = "main"  # editors propose changes against the published branch


def edit_url_base(environ: Mapping[str, str]) -> str | None:
    """``https://github.com/owner/name/edit/main/``, or None when the repository is unknown."""
    explicit = environ.get(EDIT_URL_BASE_VARIABLE, "").strip()
    if explicit:
        if not explicit.startswith("https://"):
            raise ValueError(f"{EDIT_URL_BASE_VARIABLE} must start with https:// (it is {explicit!r})")
        return explicit if explicit.endswith("/") else explicit + "/"
    repository = environ.get("GITHUB_REPOSITORY", "").strip().strip("/")
    if repository.count("/") != 1:
        return None
    server = environ.get("GITHUB_SERVER_URL", "").strip().rstrip("/") or "https://github.com"
    return f"{server}/{repository}/edit/{EDIT_BRANCH}/"


def edit_url(base: str | None, repository_file: str) -> str | None:
    """The edit address of one file, given from the repository's root (no folders: no link)."""
    if base is None or not repository_file or repository_file.endswith("/"):
        return None
    return base + repository_file.lstrip("/")
