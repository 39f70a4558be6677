"""The one place that knows MkDocs: its events turned into calls on ``SiteBuild``.

``hooks/site_events.py`` connects each MkDocs event to the function of the same
job here. Everything MkDocs-shaped (the config, ``Files``, ``Page``, plugin
errors, the build log) stays in this module; the rules and the state are in
``medinfo.site.build``. Works unchanged under ProperDocs, the MkDocs 1.6 fork.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import get_yaml_loader

from medinfo.printing.pdf import warm_workers
from medinfo.problems import ContentError
from medinfo.project import Project
from medinfo.settings import Settings, SettingsError
from medinfo.site.build import BuildError, SiteBuild
from medinfo.site.markdown_tree import write_markdown_tree
from medinfo.site.menu import menu_features
from medinfo.site.session import Session
from medinfo.site.stages import AssetLinks, Lookup, PageIn, Pdfs, RenderedPages, Said
from medinfo.sources.state import state_dir

log = logging.getLogger("mkdocs.medinfo")

# The process's session. `mkdocs serve` loads the hook files afresh on every rebuild
# (and tells only the first load that it is serving); this module is imported once.
_session = Session()
# What one build keeps between MkDocs' events, each step's results for the next, in its config.
_BUILD = "medinfo_build"  # the loaded SiteBuild
_ASSETS = "medinfo_assets"  # the CSS and JS links, and the files finish() bundles
_RENDERED = "medinfo_rendered"  # RenderedPages: every page as rendered, for the PDFs and the page rules
_PLACEHOLDERS = "medinfo_pdf_files"  # the PDFs' files, filled in once they are made
_PDFS = "medinfo_pdfs"  # what make_pdfs made: the downloads with their sizes
_HASHES = "medinfo_script_hashes"  # every page's inline scripts, for _headers


def startup(command: str) -> None:
    _session.serving = command == "serve"


def start(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check the facts; fill in the menu and the glossary for Markdown's ``abbr``."""
    try:
        build, said = SiteBuild.load(
            Project.from_config_file(config.config_file_path, config.docs_dir),
            site_url=config.site_url or "",
            site_name=config.site_name,
            language=str(config.theme["language"]),
            settings=Settings.from_environ(),  # the one read of the environment
            session=_session,
        )
    except ContentError as error:
        raise PluginError("The content has problems; nothing was built.\n" + error.report.summary()) from None
    except (BuildError, SettingsError) as error:
        raise PluginError(str(error)) from None
    config[_BUILD] = build
    if build.makes_pdfs():  # the PDF workers start while the content is read
        warm_workers(build.settings.pdf_workers)
    config[_RENDERED] = RenderedPages()
    config[_HASHES] = set()
    config.extra["care_team"] = build.content.medicine.care_team
    if config.nav is not None:
        config.nav = build.menu(config.nav)
        config.theme["features"] = menu_features(list(config.theme["features"]), config.nav)
    config.mdx_configs.setdefault("abbr", {})["glossary"] = build.abbreviations()
    assets = build.asset_links(list(config.extra_css), [str(script) for script in config.extra_javascript])
    config.extra_css, config.extra_javascript = assets.css, assets.js  # type: ignore[assignment]
    config[_ASSETS] = assets
    if config.theme["favicon"]:
        config.theme["favicon"] = build.favicon(str(config.theme["favicon"]))
    _report(said)
    return config


def add_files(files: Files, config: MkDocsConfig) -> Files:
    """The generated pages, and an empty file for each PDF so links to it are checked."""
    build = _build(config)
    for path, markdown in build.markdown_pages().items():
        files.append(File.generated(config, path, content=markdown))
    placeholders = {path: File.generated(config, path, content=b"") for path in build.pdf_paths()}
    for placeholder in placeholders.values():
        files.append(placeholder)
    config[_PLACEHOLDERS] = placeholders
    return files


def watch_content(server: Any, config: MkDocsConfig) -> Any:
    """Rebuild when a fact changes, or when the source watch records a change or an accept."""
    project = Project.from_config_file(config.config_file_path)
    server.watch(str(project.content_dir))
    if state_dir(project.root).is_dir():
        server.watch(str(state_dir(project.root)))
    return server


def page_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    build = _build(config)
    added = build.page_markdown(_page_in(page, config))
    page.meta.update(added.meta)
    page.edit_url = added.edit_url
    _report(added.said)
    return build.hand_written_markdown(page.file.src_uri, markdown)


def page_html(html: str, page: Page, config: MkDocsConfig) -> str:
    """The page goes on as it is, to be read beside the engine; its glossary marks go in once every
    page is rendered (``make_pdfs``)."""
    rendered: RenderedPages = config[_RENDERED]
    rendered.expect(page.file.src_uri, html, _build(config).page_html(_page_in(page, config), html))
    return html


def make_pdfs(files: Files, config: MkDocsConfig) -> None:
    """Every page is rendered: each gets its glossary marks (before the theme or search sees it),
    and the PDFs are made before any page is written, so each can show its size."""
    build = _build(config)
    rendered: RenderedPages = config[_RENDERED]
    rendered.settle()
    for file in files.documentation_pages():
        if file.page is not None and file.src_uri in rendered.marked:
            file.page.content = rendered.marked.pop(file.src_uri)
    try:
        pdfs = build.make_pdfs(config[_RENDERED], _site_lookup(files, config))
    except BuildError as error:
        raise PluginError(str(error)) from None
    for path, placeholder in config[_PLACEHOLDERS].items():
        if path in pdfs.files:
            placeholder.content_bytes = pdfs.files[path]
        else:  # not made in this preview: no empty file is written
            files.remove(placeholder)
    config[_PDFS] = pdfs
    _report(pdfs.said)


def page_context(page: Page, config: MkDocsConfig) -> None:
    pdfs: Pdfs = config[_PDFS]
    page.meta.update(_build(config).page_context(_page_in(page, config), config[_RENDERED], pdfs))


def protect(output: str, config: MkDocsConfig) -> str:
    html, hashes = _build(config).protect(output)
    config[_HASHES].update(hashes)
    return html


def finish(config: MkDocsConfig) -> None:
    assets: AssetLinks = config[_ASSETS]
    _report(_build(config).finish(Path(config.site_dir), config[_RENDERED], config[_HASHES], assets))


def _build(config: MkDocsConfig) -> SiteBuild:
    build: SiteBuild = config[_BUILD]  # set by start(), on the first event
    return build


def _report(said: Said) -> None:
    """Problems are warnings, so ``mkdocs build --strict`` fails on any; notes are information."""
    for problem in said.problems:
        log.warning(str(problem))
    for note in said.notes:
        log.info(note)


def _page_in(page: Page, config: MkDocsConfig) -> PageIn:
    return PageIn(
        path=page.file.src_uri,
        title=page.title or "",
        meta=page.meta,
        address=page.canonical_url or urljoin(config.site_url or "", page.url),
        file=Path(page.file.abs_src_path) if page.file.abs_src_path else None,
    )


def _site_lookup(files: Files, config: MkDocsConfig) -> Lookup:
    """Lets a handout use the site's own files (an image on a page), and nothing else."""
    site_url = config.site_url or ""
    site_path = urlsplit(site_url or "/").path

    def lookup(url: str) -> bytes | None:
        parts = urlsplit(url)
        if not url.startswith(site_url or "\0") or not parts.path.startswith(site_path):
            return None
        wanted = parts.path[len(site_path) :]
        for file in files:
            if file.url == wanted and not file.is_documentation_page():
                return file.content_bytes
        return None

    return lookup


PLAIN_OVERRIDES = "overrides"  # the theme overrides in the plain project: beside docs/, so never a page


def write_plain_project(config_file: Path, out: Path, site_url: str | None = None) -> list[str]:
    """``out/docs/`` with every page as Markdown and ``out/mkdocs.yml`` to build it with no hooks.

    The configuration is the site's own (theme, overrides, extensions, CSS, JS,
    search) with the menu filled in, the glossary given to ``abbr`` and no
    ``hooks:``; so plain MkDocs builds the same pages, without what only the
    hooks add (banners, checks, edit links, PDFs, security policy). ``site_url``
    replaces the configuration's address (by default the preview one). Everything
    the configuration names is inside ``out``, by paths relative to it, so the
    folder builds wherever it is moved. Raises ``ContentError`` if the content has
    errors. Returns the generated pages' paths.
    """
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=get_yaml_loader())
    if site_url is not None:
        config["site_url"] = site_url
    project = Project.from_config_file(config_file, config.get("docs_dir", "docs"))
    root = project.root
    build, _ = SiteBuild.load(
        project,
        site_url=config.get("site_url") or "",
        site_name=config["site_name"],
        language=str((config.get("theme") or {}).get("language", "en")),
        settings=Settings.from_environ(),
    )
    # The stylesheets, scripts and favicon the configuration names are in docs/, so copied here.
    generated = write_markdown_tree(build, out / "docs")
    config.pop("hooks", None)
    config["docs_dir"] = "docs"
    theme = config.get("theme") or {}
    if config.get("nav"):
        config["nav"] = build.menu(config["nav"])
        theme["features"] = menu_features(list(theme.get("features") or []), config["nav"])
    _copy_theme_overrides(theme, root, out)
    config["extra"] = {**(config.get("extra") or {}), "care_team": build.content.medicine.care_team}
    config["markdown_extensions"] = [
        {"abbr": {"glossary": build.abbreviations()}} if item == "abbr" else item
        for item in config.get("markdown_extensions") or []
    ]
    plain = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    (out / "mkdocs.yml").write_text(plain, encoding="utf-8")
    return generated


def _copy_theme_overrides(theme: dict[str, Any], root: Path, out: Path) -> None:
    """Copy the theme's overrides into ``out`` and name them relative to ``out/mkdocs.yml``
    (MkDocs reads ``custom_dir`` from the configuration's folder), so a moved copy still finds them."""
    if not theme.get("custom_dir"):
        return
    shutil.copytree(root / theme["custom_dir"], out / PLAIN_OVERRIDES)
    theme["custom_dir"] = PLAIN_OVERRIDES
