"""MkDocs hook: print support. Printable PDF handouts, the monitoring tracker, and the print header.

A thin adapter over ``medinfo.printing.handouts``, ``medinfo.render.tracker`` and ``medinfo.printing.pdf``:

- ``on_files`` adds the "Handouts to print" page, the tracker page (if the
  medicine has a monitoring schedule) and a placeholder for every PDF, so
  links to them are checked like any other;
- ``on_page_content`` keeps each printable page's rendered HTML;
- ``on_env`` (after every page is rendered, before any is written) makes the
  PDFs from that HTML, so each page can show its handout's size. PDFs are kept
  in ``.cache/pdf/`` and reused while nothing they show has changed. Under
  ``mkdocs serve`` no new PDF is made, so a preview shows an edit in seconds;
  the page says its handout is made when the site is built
  (``MEDINFO_MAKE_PDFS=1`` makes them in a preview too, ``=0`` skips them in
  a build; ``medinfo publish`` always makes them);
- ``on_page_context`` gives every page its print header (address and QR code)
  and each printable page its download link.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from medinfo import clock
from medinfo.checks.review import ReviewStatus, review_status
from medinfo.content.loader import Content, load_content
from medinfo.content.schema import Review
from medinfo.pages import HANDOUTS_PAGE, TRACKER_PAGE
from medinfo.printing.handouts import (
    PageForPrint,
    handout_html,
    handout_path,
    pack_html,
    pack_path,
    pack_title,
    render_handouts_page,
)
from medinfo.printing.pdf import DocumentPdfError, Pdf, PdfStore, html_to_pdfs
from medinfo.printing.qr import qr_svg
from medinfo.problems import ContentError
from medinfo.render.tracker import render_tracker_page

log = logging.getLogger("mkdocs.hooks.handouts")

HANDOUTS_MARKER = "@handouts"  # in mkdocs.yml's nav: replaced by the handouts page (and the tracker)
HANDOUTS_TITLE = "Handouts to print"
CONTENT_FOLDER = "content_src"
MAX_HANDOUT_PAGES = 2  # sides of A4 for a topic's handout
MAKE_PDFS_VARIABLE = "MEDINFO_MAKE_PDFS"  # "1": make every PDF; "0": only reuse kept ones
CACHE_VARIABLE = "MEDINFO_PDF_CACHE"  # a folder for the kept PDFs, or "off"
CACHE_FOLDER = ".cache/pdf"  # beside mkdocs.yml, unless MEDINFO_PDF_CACHE says otherwise


@dataclass
class _Download:
    title: str
    path: str  # inside the site, e.g. handouts/<medicine>-side-effects.pdf
    label: str
    size: str = ""
    pages: int = 0


@dataclass
class _Build:
    content: Content
    downloads: dict[str, _Download]  # by the src_uri of the page it prints ("" for the pack)
    printed: dict[str, PageForPrint] = field(default_factory=dict)
    placeholders: dict[str, File] = field(default_factory=dict)


_build: _Build | None = None
_serving = False
_stores: dict[Path | None, PdfStore] = {}  # one per folder, for the life of the process (mkdocs serve)


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


# Take the content the facts hook loaded and checked (read once per build), and add the nav entries.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    content: Content | None = config.get("medinfo_content")
    if content is None:  # hooks/facts.py is not listed first: read the content here
        content_dir = Path(config.config_file_path).parent / CONTENT_FOLDER
        try:
            content = load_content(content_dir, Path(config.docs_dir))[0]
        except ContentError:
            raise PluginError("The content has problems; nothing was built.") from None
    medicine = content.medicine
    downloads = {
        entry.page_path: _Download(
            entry.topic.title, handout_path(medicine, entry.slug), "Download a printable handout"
        )
        for entry in content.topics
    }
    if content.schedule:
        downloads[TRACKER_PAGE] = _Download(
            content.schedule.title, handout_path(medicine, "monitoring-tracker"), "Download the tracker"
        )
    downloads[""] = _Download(pack_title(medicine), pack_path(medicine), "Download the pack")
    _build = _Build(content, downloads)
    config.nav = _with_handouts(config.nav, content)
    return config


def _with_handouts(nav: list[Any] | None, content: Content) -> list[Any] | None:
    entries: list[Any] = [{HANDOUTS_TITLE: HANDOUTS_PAGE}]
    if content.schedule:
        entries.append({content.schedule.title: TRACKER_PAGE})
    if nav is None:
        return None
    expanded: list[Any] = []
    for item in nav:
        expanded.extend(entries if item == HANDOUTS_MARKER else [item])
    return expanded


# The generated pages, and an empty placeholder for each PDF (filled in on_env).
def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _state()
    content = build.content
    pages = {HANDOUTS_PAGE: render_handouts_page(HANDOUTS_TITLE, content.medicine)}
    if content.schedule:
        pages[TRACKER_PAGE] = render_tracker_page(content)
    for src_uri, markdown in pages.items():  # a hand-written page on these paths: see medinfo.pages
        files.append(File.generated(config, src_uri, content=markdown))
    for download in build.downloads.values():
        placeholder = File.generated(config, download.path, content=b"")
        build.placeholders[download.path] = placeholder
        files.append(placeholder)
    return files


# Keep the rendered HTML of each page that has a handout.
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _state()
    src_uri = page.file.src_uri
    if src_uri in build.downloads:
        raw_review = page.meta.get("review")
        build.printed[src_uri] = PageForPrint(
            slug=Path(src_uri).stem,
            title=page.title or "",
            address=_address(page, config),
            review=Review.model_validate(raw_review) if raw_review else None,
            body_html=html,
        )
    return html


# Every page is rendered: make the PDFs before any page is written, so each can show its size.
def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    build = _state()
    store = _store(config)
    store.used.clear()
    make_missing = _make_pdfs()
    if not make_missing and store.is_empty():  # a preview with nothing kept: no PDF to show
        _fill_placeholders(build, files, {})
        return env
    medicine = build.content.medicine
    lookup = _site_lookup(files, config)
    ordered = [build.printed[src] for src in build.downloads if src in build.printed]
    documents = {src: handout_html(page, medicine) for src, page in build.printed.items()}
    documents[""] = pack_html(ordered, medicine, urljoin(config.site_url or "", "handouts/"))
    bases = {src: build.printed[src].address if src else (config.site_url or "") for src in documents}
    try:
        pdfs = html_to_pdfs(
            {src: (html, bases[src]) for src, html in documents.items()}, lookup, store, make_missing
        )
    except DocumentPdfError as error:
        failed = build.downloads[str(error.key)].path
        raise PluginError(f"{failed}: could not make the PDF: {error}") from None
    if make_missing:
        store.forget_unused()
    _check_lengths(build, pdfs)
    _fill_placeholders(build, files, pdfs)
    return env


# A topic handout is one sheet of A4, both sides: a nurse can hand it over and it stays
# together. A longer one is a warning, so the strict build (CI) stops and the editor is told.
def _check_lengths(build: _Build, pdfs: dict[str, Pdf]) -> None:
    for entry in build.content.topics:
        pdf, page = pdfs.get(entry.page_path), build.printed.get(entry.page_path)
        if pdf is None or page is None or pdf.pages <= MAX_HANDOUT_PAGES:
            continue
        if page.review and review_status(page.review.next_review_due, clock.today()) is ReviewStatus.OVERDUE:
            continue  # its overdue warning takes room; the overdue page already stops the build
        log.warning(
            f"{entry.file}:1: (whole page): its printable handout is {pdf.pages} sides of A4; "
            f"the limit is {MAX_HANDOUT_PAGES}. Make the page shorter (fewer or shorter statements), "
            "or split it into two topics."
        )


def _fill_placeholders(build: _Build, files: Files, pdfs: dict[str, Pdf]) -> None:
    """Fill each placeholder with its PDF; remove those with none, so no empty file is written."""
    for src_uri, download in build.downloads.items():
        pdf = pdfs.get(src_uri)
        if pdf is None:  # not made in this preview: the page says when it will be
            files.remove(build.placeholders[download.path])
            continue
        build.placeholders[download.path].content_bytes = pdf.data
        download.size = f"{max(1, round(len(pdf.data) / 1024))} KB"
        download.pages = pdf.pages


def _make_pdfs() -> bool:
    """Make every missing PDF, unless this is a preview (or MEDINFO_MAKE_PDFS says otherwise)."""
    wanted = os.environ.get(MAKE_PDFS_VARIABLE, "").strip()
    if wanted in ("0", "1"):
        return wanted == "1"
    if wanted:
        raise PluginError(
            f"{MAKE_PDFS_VARIABLE} is {wanted!r}: set it to 1 (make the PDFs) or 0 (skip them)."
        )
    return not _serving


def _store(config: MkDocsConfig) -> PdfStore:
    setting = os.environ.get(CACHE_VARIABLE, "").strip()
    if setting == "off":
        folder = None
    else:
        folder = Path(setting) if setting else Path(config.config_file_path).parent / CACHE_FOLDER
    return _stores.setdefault(folder, PdfStore(folder))


# Print header on every page; download link and print button on printable pages.
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    build = _state()
    address = _address(page, config)
    page.meta["print_origin"] = {"address": address, "qr": Markup(qr_svg(address))}
    download = build.downloads.get(page.file.src_uri)
    if download:
        page.meta["handout"] = download
    if page.file.src_uri == HANDOUTS_PAGE:
        pack = build.downloads[""]
        page.meta["downloads"] = [pack, *(d for d in build.downloads.values() if d is not pack)]
    return context


def _state() -> _Build:
    assert _build is not None, "on_config runs first"
    return _build


def _address(page: Page, config: MkDocsConfig) -> str:
    return page.canonical_url or urljoin(config.site_url or "", page.url)


def _site_lookup(files: Files, config: MkDocsConfig) -> Any:
    """Lets a handout use the site's own files (an image on a page), and nothing else."""
    site_path = urlsplit(config.site_url or "/").path

    def lookup(url: str) -> bytes | None:
        parts = urlsplit(url)
        if not url.startswith(config.site_url or "\0") or not parts.path.startswith(site_path):
            return None
        wanted = parts.path[len(site_path) :]
        for file in files:
            if file.url == wanted and not file.is_documentation_page():
                return file.content_bytes
        return None

    return lookup
