"""Two builds of the same commit are identical; a failed publish leaves the published site alone."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pdfs
import pytest
from conftest import FIXTURE_TODAY, REPO, SITE_URL, make_fixture_project, mkdocs_build, real_today


def snapshot(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.mark.e2e
def test_two_builds_of_the_same_sources_are_byte_identical(real_site: Path, tmp_path: Path) -> None:
    # A second copy of the sources, in another folder, built later: nothing may differ.
    copy = tmp_path / "elsewhere"
    copy.mkdir()
    for name in ("mkdocs.yml", "docs", "content_src", "hooks"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    # A build time stamp would now differ: over a second since the first build ended (its log's
    # time), which the shared real site often is already.
    time.sleep(max(0.0, (real_site.parent / "build.log").stat().st_mtime + 1.1 - time.time()))
    second = tmp_path / "site"
    result = mkdocs_build(copy / "mkdocs.yml", second, today=real_today())
    assert result.returncode == 0, result.stderr
    first, again = snapshot(real_site), snapshot(second)
    assert sorted(first) == sorted(again)
    assert [name for name in first if first[name] != again[name]] == []


def publish(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "medinfo",
            "publish",
            "--config",
            str(project / "mkdocs.yml"),
            "--site",
            str(site),
            *extra,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "MEDINFO_TODAY": FIXTURE_TODAY, "SITE_URL": SITE_URL},
        timeout=600,
    )


@pytest.fixture(scope="module")
def published_once(fixture_pdfs: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One good publish of the made-up medicine, made once for this module's tests."""
    root = tmp_path_factory.mktemp("published")
    project = make_fixture_project(root / "project", kept_pdfs=fixture_pdfs)
    site = root / "www" / "site"
    result = publish(project, site)
    assert result.returncode == 0, result.stderr
    assert "Published to" in result.stdout
    return project, site


@pytest.fixture
def published(published_once: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A fresh copy of the published project and site (and its kept PDFs) for each test to change."""
    project, site = tmp_path / "project", tmp_path / "www" / "site"
    shutil.copytree(published_once[0], project, symlinks=True)
    shutil.copytree(published_once[1], site, symlinks=True)
    return project, site


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.e2e
def test_a_good_publish_replaces_the_site(published: tuple[Path, Path]) -> None:
    project, site = published
    edit(
        project / "content_src/topics/how-it-works.yaml",
        "blocks a made-up protein",
        "stops a made-up protein",
    )
    assert publish(project, site).returncode == 0
    page = (site / "topics/how-it-works/index.html").read_text(encoding="utf-8")
    assert "stops a made-up" in page and "blocks a made-up" not in page
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]  # nothing left beside it


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("file", "old", "new", "reason"),
    [
        ("content_src/topics/side-effects.yaml", "order: 2", "order: two", "the strict build failed"),
        # Fails only after MkDocs has written every page: the plain-language check runs last.
        ("docs/about.md", "A test site.", "A test site that is 95% right.", "the strict build failed"),
        # MkDocs does not check links in raw HTML; LinkChecker does.
        (
            "docs/about.md",
            "A test site.",
            'A test site. <a href="../no-such-page/">Gone</a>',
            "the link check",
        ),
    ],
)
def test_a_failed_publish_leaves_the_published_site_untouched(
    published: tuple[Path, Path], file: str, old: str, new: str, reason: str
) -> None:
    project, site = published
    before = snapshot(site)
    edit(project / file, old, new)
    result = publish(project, site)
    assert result.returncode == 1
    assert reason in result.stderr and f"The site in {site}/ was left as it was." in result.stderr
    assert snapshot(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


@pytest.mark.e2e
def test_a_published_site_never_points_at_this_computer(published_once: tuple[Path, Path]) -> None:
    """Built for SITE_URL: no page, sitemap, search index or PDF handout names the preview address.

    (The theme's own scripts are left out: they are the same on every site.)
    """
    _, site = published_once
    built = {".html", ".xml", ".json", ".pdf", ""}  # "" is _headers
    files = [path for path in site.rglob("*") if path.is_file() and path.suffix in built]
    assert any(path.suffix == ".pdf" for path in files)
    for path in files:
        if path.suffix == ".pdf":
            words = pdfs.text(path)
            assert SITE_URL in words, path.name  # "Printed from" the public address
        else:
            words = path.read_bytes().decode("utf-8", errors="replace")
        assert "127.0.0.1" not in words and "localhost" not in words, path.relative_to(site)
