"""Shared test helpers: real MkDocs builds into tmp folders, and a fixed "today"."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from chromium import CHROMIUM, CHROMIUM_ARGS
from content_dates import newest_review_date
from filelock import FileLock
from mkdocs.utils.yaml import get_yaml_loader
from navmenu import kept_entries
from playwright.sync_api import Browser, sync_playwright
from serving import serve

from medinfo.content.loader import Content, load_content
from medinfo.problems import ContentError
from medinfo.registry import generated_paths
from medinfo.site.build import CACHE_FOLDER

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "zelvora"
# Inside the made-up medicine's review dates: nothing is in the future, nothing is overdue.
FIXTURE_TODAY = "2026-06-01"
# The public address test builds are made for (a published site needs one: see medinfo publish).
# Not a placeholder: medinfo publish refuses example.org, .test and loopback addresses.
SITE_URL = "https://ms-patient-info.uk/"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts on FIXTURE_TODAY, building for SITE_URL; a test may set another day or none."""
    monkeypatch.setenv("MEDINFO_TODAY", FIXTURE_TODAY)
    monkeypatch.setenv("SITE_URL", SITE_URL)
    monkeypatch.delenv("MEDINFO_ALLOW_OVERDUE", raising=False)


class Project:
    """A copy of the made-up medicine's content that a test can break."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(FIXTURE, root)

    def path(self, name: str) -> Path:
        return self.root / name

    def replace(self, name: str, old: str, new: str) -> None:
        path = self.path(name)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def line_of(self, name: str, needle: str, occurrence: int = 1) -> int:
        lines = self.path(name).read_text(encoding="utf-8").splitlines()
        hits = [number for number, line in enumerate(lines, start=1) if needle in line]
        return hits[occurrence - 1]

    def errors(self) -> list[str]:
        with pytest.raises(ContentError) as caught:
            load_content(self.root / "content_src", self.root / "docs")
        return [str(p) for p in caught.value.report.errors]


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A copy of the made-up medicine's content for a test to break."""
    return Project(tmp_path / "project")


def make_fixture_project(target: Path, source: Path = FIXTURE, kept_pdfs: Path | None = None) -> Path:
    """A site for the made-up medicine, using this repo's hooks, theme overrides and assets.

    ``kept_pdfs`` (see the ``fixture_pdfs`` fixture) starts the project's PDF store with those
    PDFs, as CI's cache of .cache/pdf starts the real site's: a build then makes only the PDFs
    its changes touch instead of every one again, the slowest part of a fixture build.
    """
    shutil.copytree(source, target)
    if kept_pdfs is not None:
        shutil.copytree(kept_pdfs, target / CACHE_FOLDER)
    shutil.copytree(REPO / "docs" / "assets", target / "docs" / "assets")
    config = yaml.load(  # MkDocs' own loader, which understands mkdocs.yml's !ENV tags
        (REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader()
    )
    config["site_name"] = "Zelvora test site"

    def has_page(path: str) -> bool:  # the made-up medicine has fewer hand-written pages
        return path in generated_paths() or (target / "docs" / path).is_file()

    config["nav"] = kept_entries(config["nav"], has_page)
    config["hooks"] = [str(REPO / hook) for hook in config["hooks"]]
    config["theme"]["custom_dir"] = str(REPO / "docs" / "overrides")
    # The address stays as mkdocs.yml gives it (read from SITE_URL when the site is built).
    del config["site_url"]
    site_url = re.search(r"^site_url: .*$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert site_url is not None
    text = yaml.safe_dump(config, sort_keys=False) + site_url.group(0) + "\n"
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    return target


def mkdocs_build(
    config_file: Path,
    site_dir: Path,
    today: str | None = None,
    mkdocs: tuple[str, ...] = ("-m", "mkdocs"),
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs build --strict`` in a subprocess, as CI does.

    It builds for SITE_URL unless ``SITE_URL=""`` asks for a local preview's address.
    ``mkdocs`` is how Python starts MkDocs' command line (a script may wrap it).
    """
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, **env}
    if not environment["SITE_URL"]:
        del environment["SITE_URL"]
    if today:
        environment["MEDINFO_TODAY"] = today
    return subprocess.run(
        [
            sys.executable,
            *mkdocs,
            "build",
            "--strict",
            "-f",
            str(config_file),
            "-d",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


def real_today() -> str:
    return newest_review_date(REPO / "content_src", REPO / "docs").isoformat()


@pytest.fixture(scope="session")
def real_content() -> Content:
    """The real content, loaded as of its newest review date."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MEDINFO_TODAY", real_today())
        return load_content(REPO / "content_src", REPO / "docs")[0]


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Path]) -> Path:
    """What ``build`` makes in a fresh folder, made once per test run and shared by every xdist worker.

    Each worker used to build the same site for itself: the first worker to ask builds it
    here, beside the workers' own folders, and the others wait for it and read it.
    """
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, shared by its workers
    folder, done = root / name, root / f"{name}.done"
    with FileLock(root / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # left by a worker whose build failed
            folder.mkdir()
            done.write_text(str(build(folder)), encoding="utf-8")
    return Path(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with ``--strict``."""

    def build(folder: Path) -> Path:
        site = folder / "site"
        result = mkdocs_build(REPO / "mkdocs.yml", site, today=real_today())
        assert result.returncode == 0, result.stderr
        (folder / "build.log").write_text(result.stderr, encoding="utf-8")
        return site

    return built_once(tmp_path_factory, "real", build)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The made-up medicine's site, built once per test run with ``--strict``."""

    def build(folder: Path) -> Path:
        project = make_fixture_project(folder / "project")
        site = folder / "site"
        result = mkdocs_build(project / "mkdocs.yml", site, today=FIXTURE_TODAY)
        assert result.returncode == 0, result.stderr
        return site

    return built_once(tmp_path_factory, "zelvora", build)


@pytest.fixture(scope="session")
def fixture_pdfs(fixture_site: Path) -> Path:
    """The PDF store of the made-up medicine's shared build, for ``make_fixture_project(kept_pdfs=)``.

    Only its copies are built with: the store a build is given keeps only what that build used.
    """
    store = fixture_site.parent / "project" / CACHE_FOLDER
    assert list(store.glob("*.pdf")), store
    return store


# --- Browser tests (their modules skip, or fail under REQUIRE_BROWSER=1, without Chromium) ---


def launch_browser(args: list[str]) -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright: the one way the tests start a browser."""
    assert CHROMIUM is not None, "Chromium is not installed"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launch_browser(CHROMIUM_ARGS)


@pytest.fixture(scope="module")
def site_url(real_site: Path) -> Iterator[str]:
    """The real site, served on the loopback address for the module's tests."""
    with serve(real_site) as url:
        yield url
