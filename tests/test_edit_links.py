"""'Edit this page' opens the file an editor changes: YAML for generated pages, Markdown for the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_TODAY, make_fixture_project, mkdocs_build

from medinfo.content.loader import load_content
from medinfo.registry import site_pages
from medinfo.site.edit_links import edit_url, edit_url_base

EDIT = "https://github.com/example-org/ms-info/edit/main/"


def test_address_comes_from_github_actions() -> None:
    assert edit_url_base({"GITHUB_REPOSITORY": "example-org/ms-info"}) == EDIT
    assert (
        edit_url_base({"GITHUB_REPOSITORY": "org/site", "GITHUB_SERVER_URL": "https://git.example.org"})
        == "https://git.example.org/org/site/edit/main/"
    )


def test_explicit_address_wins_and_must_be_https() -> None:
    environ = {"EDIT_URL_BASE": "https://example.org/edit", "GITHUB_REPOSITORY": "a/b"}
    assert edit_url_base(environ) == "https://example.org/edit/"
    with pytest.raises(ValueError, match="https://"):
        edit_url_base({"EDIT_URL_BASE": "javascript:alert(1)"})


@pytest.mark.parametrize("environ", [{}, {"GITHUB_REPOSITORY": ""}, {"GITHUB_REPOSITORY": "no-owner"}])
def test_unknown_repository_means_no_edit_link(environ: dict[str, str]) -> None:
    assert edit_url_base(environ) is None
    assert edit_url(None, "docs/about.md") is None


def test_edit_url_of_a_file_but_not_of_a_folder() -> None:
    assert (
        edit_url(EDIT, "content_src/topics/side-effects.yaml")
        == EDIT + "content_src/topics/side-effects.yaml"
    )
    assert edit_url(EDIT, "content_src/topics/") is None


def edit_button(site: Path, page: str) -> str | None:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    button = BeautifulSoup(html, "html.parser").select_one('a[rel="edit"]')
    return None if button is None else str(button["href"])


@pytest.mark.e2e
def test_built_pages_open_their_own_file(
    fixture_pdfs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EDIT_URL_BASE", raising=False)
    monkeypatch.setenv("GITHUB_REPOSITORY", "example-org/ms-info")
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    site = tmp_path / "site"
    result = mkdocs_build(project / "mkdocs.yml", site, today=FIXTURE_TODAY)
    assert result.returncode == 0, result.stderr
    assert edit_button(site, "topics/side-effects") == EDIT + "content_src/topics/side-effects.yaml"
    assert edit_button(site, "faq") == EDIT + "content_src/faq.yaml"
    assert edit_button(site, "glossary") == EDIT + "content_src/glossary.yaml"
    assert edit_button(site, "sources") == EDIT + "content_src/sources.yaml"
    assert edit_button(site, "") == EDIT + "docs/index.md"
    assert edit_button(site, "about") == EDIT + "docs/about.md"
    assert edit_button(site, "changes") is None  # made from every topic file: no one file to open
    assert edit_button(site, "handouts") is None  # made from every printable page
    content, _ = load_content(project / "content_src", project / "docs")
    for page in site_pages(content):  # every page follows the registry
        expected = EDIT + page.edit_file if page.edit_file else None
        assert edit_button(site, page.path.removesuffix(".md").removesuffix("index")) == expected
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "api.github.com" not in html and "md-source" not in html  # no repo_url: readers never call GitHub


@pytest.mark.e2e
def test_local_builds_show_no_edit_button(
    fixture_pdfs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    monkeypatch.delenv("EDIT_URL_BASE", raising=False)
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    site = tmp_path / "site"
    result = mkdocs_build(project / "mkdocs.yml", site, today=FIXTURE_TODAY)
    assert result.returncode == 0, result.stderr
    assert edit_button(site, "topics/side-effects") is None
    assert edit_button(site, "about") is None
