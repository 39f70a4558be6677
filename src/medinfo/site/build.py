"""One build of the site, whatever engine drives it.

Every rule and every piece of state a build needs lives here; the engine's
adapter (``medinfo.site.mkdocs_adapter`` for MkDocs) only turns the engine's
objects into these calls, in this order:

1. ``SiteBuild(...)`` loads and checks the facts (``ContentError`` stops the build);
2. ``menu`` fills in the menu, ``markdown_pages`` and ``pdf_paths`` give the
   files to add, ``abbreviations`` the glossary for Markdown's ``abbr``;
3. per page: ``page_markdown`` (banner, edit link, metadata), then
   ``page_html`` (glossary marks, the page rules' raw material);
4. ``make_pdfs`` once every page is rendered, then per page ``page_context``
   (print header, download links) and ``protect`` (security policy);
5. ``finish`` runs the page rules over every page and writes ``_headers``.

Problems go to ``problems`` (a strict build fails on any) and everything else
worth telling to ``notes``; the adapter reports both after each call.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from medinfo import clock
from medinfo.checks.page_checks import CheckedPage, page_rules
from medinfo.checks.prose import PageProse, readability_report
from medinfo.checks.review import (
    ALLOW_OVERDUE_VARIABLE,
    ReviewBanner,
    ReviewStatus,
    overdue_problem,
    review_banner,
)
from medinfo.content.loader import Content
from medinfo.content.names import CONTENT_FOLDER
from medinfo.content.schema import Review
from medinfo.pages import GLOSSARY_PAGE, HANDOUTS_PAGE
from medinfo.printing.handouts import (
    PageForPrint,
    handout_html,
    handout_path,
    pack_html,
    pack_path,
    pack_title,
    team_heading,
    words_explained,
)
from medinfo.printing.pdf import DocumentPdfError, Pdf, PdfStore, html_to_pdfs
from medinfo.printing.qr import is_preview_address, qr_svg
from medinfo.problems import Problem
from medinfo.registry import SitePage, generated_markdown, hand_written_markdown, load_site, site_pages
from medinfo.render.structured_data import medical_web_page, sitemap_lastmod
from medinfo.site.csp import headers_file, inline_script_hashes, with_policy
from medinfo.site.edit_links import edit_url, edit_url_base
from medinfo.site.glossary import abbreviations
from medinfo.site.menu import site_menu
from medinfo.site.own_assets import BUNDLE_CSS, BUNDLE_JS, publish_own_assets
from medinfo.site.search_worker import with_site_search_worker
from medinfo.site.session import Session

THEME_OVERRIDES = "overrides"  # inside docs/: templates for the theme, not pages
# Sides of A4 for a topic's handout: two sheets printed on both sides. Most fit on 2 sides;
# at 12pt with the urgent-help card on page 1, the longest pages (side effects) take 3.
MAX_HANDOUT_PAGES = 4
MAKE_PDFS_VARIABLE = "MEDINFO_MAKE_PDFS"  # "1": make every PDF; "0": only reuse kept ones
CACHE_VARIABLE = "MEDINFO_PDF_CACHE"  # a folder for the kept PDFs, or "off"
CACHE_FOLDER = ".cache/pdf"  # beside the configuration file, unless MEDINFO_PDF_CACHE says otherwise

Lookup = Callable[[str], bytes | None]  # a site file's bytes by its full address, or None


class BuildError(Exception):
    """Stops the build; the message says what to change."""


@dataclass
class Download:
    """A PDF the site offers, and what its link says."""

    title: str
    path: str  # inside the site, e.g. handouts/<medicine>-side-effects.pdf
    label: str
    size: str = ""
    pages: int = 0


@dataclass(frozen=True)
class PageIn:
    """What the build needs to know about one page from the engine."""

    path: str  # inside docs/, e.g. topics/side-effects.md
    title: str
    meta: Mapping[str, Any]  # its front matter
    address: str  # its full public address
    file: Path | None = None  # the hand-written file it was read from (None for a generated page)


@dataclass
class SiteBuild:
    """One build: the content, what each page needs, and what went wrong."""

    root: Path  # the project: the configuration file's folder
    docs_dir: Path
    site_url: str
    site_name: str
    language: str
    session: Session = field(default_factory=Session)
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    problems: list[Problem] = field(default_factory=list, init=False)
    notes: list[str] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.session.start_build()
        self.content: Content
        # May raise ContentError: the build stops before any page is read.
        self.content, report = load_site(self.root / CONTENT_FOLDER, self.docs_dir)
        self.problems += report.warnings
        try:
            self._edit_base = edit_url_base(self.environ)
        except ValueError as error:
            raise BuildError(str(error)) from None
        registry = site_pages(self.content, self.docs_dir.name)
        self.pages: dict[str, SitePage] = {page.path: page for page in registry}
        self.downloads = self._downloads()
        self._printed: dict[str, PageForPrint] = {}
        self._own_assets: tuple[list[str], list[str]] = ([], [])  # bundled by finish()
        self._checked: dict[str, CheckedPage] = {}
        self._script_hashes: set[str] = set()

    # --- the files --------------------------------------------------------------------------

    def menu(self, nav: list[Any]) -> list[Any]:
        """The menu with its markers replaced by the topics and the handouts pages."""
        return site_menu(nav, self.content)

    def markdown_pages(self) -> dict[str, str]:
        """Every generated page's Markdown, front matter included, by its path inside docs/."""
        return generated_markdown(self.content)

    def pdf_paths(self) -> list[str]:
        """Where each PDF goes inside the site (filled in by ``make_pdfs``)."""
        return [download.path for download in self.downloads.values()]

    def abbreviations(self) -> dict[str, str]:
        return abbreviations(self.content.glossary)

    def _downloads(self) -> dict[str, Download]:
        """By the path of the page each one prints ("" for the pack)."""
        medicine = self.content.medicine
        downloads = {
            page.path: Download(
                page.title,
                handout_path(medicine, Path(page.path).stem),
                page.download_label,
            )
            for page in self.pages.values()
            if page.prints
        }
        downloads[""] = Download(pack_title(medicine), pack_path(medicine), "Download the pack")
        return downloads

    # --- each page --------------------------------------------------------------------------

    def source_file(self, page: PageIn) -> str:
        """The file an editor changes, relative to the project."""
        named = page.meta.get("source_file")  # generated pages name their YAML file
        if named:
            return str(named)
        if page.file is not None and page.file.resolve().is_relative_to(self.root.resolve()):
            return page.file.resolve().relative_to(self.root.resolve()).as_posix()
        return f"{self.docs_dir.name}/{page.path}"

    def hand_written_markdown(self, path: str, markdown: str) -> str:
        """A hand-written page's Markdown with its markers expanded, as ``medinfo check`` sees it."""
        if path not in self.content.pages:  # not a page of the site's own (a theme template)
            return markdown
        return hand_written_markdown(self.content, path, markdown)

    def page_markdown(self, page: PageIn) -> tuple[dict[str, Any], str | None]:
        """What to add to the page's metadata (banner, sitemap date, JSON-LD), and its edit address."""
        registered = self.pages.get(page.path)
        review = registered.review if registered else None  # read and checked once, when loaded
        source = self.source_file(page)
        meta: dict[str, Any] = {"sitemap_lastmod": sitemap_lastmod(review)}
        if review is not None:
            changes = registered.changes if registered else ()
            meta["review_banner"] = self._banner(review, source, changes[0].date if changes else None)
            if page.path in {entry.page_path for entry in self.content.topics}:
                meta["structured_data"] = medical_web_page(
                    title=str(page.meta.get("title", page.title)),
                    description=str(page.meta.get("description", "")),
                    url=page.address,
                    language=self.language,
                    site_name=self.site_name,
                    site_url=self.site_url,
                    review=review,
                    medicine=self.content.medicine,
                )
        edit_file = registered.edit_file if registered else source
        return meta, edit_url(self._edit_base, edit_file or "")

    def _banner(self, review: Review, source: str, last_changed: dt.date | None) -> ReviewBanner:
        today = clock.today()
        banner = review_banner(review, today, self.content.medicine.care_team, last_changed)
        overdue = overdue_problem(source, self.root, review, today)
        if overdue is not None:
            if self.environ.get(ALLOW_OVERDUE_VARIABLE) == "1":
                self.notes.append(f"{overdue} ({ALLOW_OVERDUE_VARIABLE}=1 lets it through)")
            else:
                self.problems.append(overdue)
        elif banner.status is ReviewStatus.DUE_SOON:
            days = banner.days_left
            self.notes.append(f"{source}: review due in {days} day(s), on {banner.next_review_due}.")
        return banner

    def page_html(self, page: PageIn, html: str) -> str:
        """The page's HTML with glossary words marked; keeps what the page rules and the PDFs need."""
        is_glossary = page.path == GLOSSARY_PAGE
        seen = self.session.check_page(page.path, self.source_file(page), html, is_glossary)
        self._checked[page.path] = seen.checked
        if page.path in self.downloads:
            self._printed[page.path] = PageForPrint(
                slug=Path(page.path).stem,
                title=page.title,
                address=page.address,
                review=self.pages[page.path].review,
                body_html=seen.html,
            )
        return seen.html

    # --- print ------------------------------------------------------------------------------

    def make_pdfs(self, lookup: Lookup) -> dict[str, bytes]:
        """Every PDF that is made (or kept) in this build, by its path inside the site.

        In a preview none is made unless MEDINFO_MAKE_PDFS=1; kept ones are still shown.
        """
        store = self._store()
        store.used.clear()
        make_missing = self._make_missing_pdfs()
        if not make_missing and store.is_empty():
            return {}
        medicine = self.content.medicine
        ordered = [self._printed[path] for path in self.downloads if path in self._printed]
        documents = {
            path: (handout_html(page, medicine), page.address) for path, page in self._printed.items()
        }
        pack_address = urljoin(self.site_url, "handouts/")
        documents[""] = (pack_html(ordered, self.content, pack_address), self.site_url)
        try:
            pdfs = html_to_pdfs(documents, lookup, store, make_missing)
        except DocumentPdfError as error:
            failed = self.downloads[str(error.key)].path
            raise BuildError(f"{failed}: could not make the PDF: {error}") from None
        if make_missing:
            store.forget_unused()
        self._check_lengths(pdfs)
        made = {}
        for path, pdf in pdfs.items():
            download = self.downloads[path]
            download.size = f"{max(1, round(len(pdf.data) / 1024))} KB"
            download.pages = pdf.pages
            made[download.path] = pdf.data
        return made

    # A topic handout is one sheet of A4, both sides: a nurse can hand it over and it stays
    # together. Only a build can know: it is the one rule ``medinfo check`` cannot run.
    def _check_lengths(self, pdfs: Mapping[str, Pdf]) -> None:
        for entry in self.content.topics:
            pdf, page = pdfs.get(entry.page_path), self._printed.get(entry.page_path)
            if pdf is None or page is None or pdf.pages <= MAX_HANDOUT_PAGES:
                continue
            if page.review and overdue_problem(entry.file, self.root, page.review, clock.today()):
                continue  # its overdue warning takes room; the overdue page already stops the build
            self.problems.append(
                Problem(
                    entry.file,
                    1,
                    "(whole page)",
                    f"its printable handout is {pdf.pages} sides of A4; the limit is {MAX_HANDOUT_PAGES}. "
                    "Make the page shorter (fewer or shorter statements), or split it into two topics.",
                )
            )

    def _make_missing_pdfs(self) -> bool:
        """Make every missing PDF, unless this is a preview (or MEDINFO_MAKE_PDFS says otherwise)."""
        wanted = self.environ.get(MAKE_PDFS_VARIABLE, "").strip()
        if wanted in ("0", "1"):
            return wanted == "1"
        if wanted:
            raise BuildError(
                f"{MAKE_PDFS_VARIABLE} is {wanted!r}: set it to 1 (make the PDFs) or 0 (skip them)."
            )
        return not self.session.serving

    def _store(self) -> PdfStore:
        setting = self.environ.get(CACHE_VARIABLE, "").strip()
        if setting == "off":
            return self.session.pdf_store(None)
        return self.session.pdf_store(Path(setting) if setting else self.root / CACHE_FOLDER)

    def page_context(self, page: PageIn) -> dict[str, Any]:
        """What to add to the page's metadata for printing: its print header and download links."""
        if is_preview_address(page.address):  # a QR code to this machine would lead nowhere
            origin: dict[str, Any] = {"preview": True}
        else:
            origin = {"address": page.address, "qr": Markup(qr_svg(page.address))}
        meta: dict[str, Any] = {"print_origin": origin}
        download = self.downloads.get(page.path)
        if download:  # with no size when not made in this preview: the page says when it will be
            meta["handout"] = download
        printed = self._printed.get(page.path)
        if printed:  # paper from the browser carries what the page's PDF handout does
            meta["print_team"] = team_heading(self.content.medicine)
            meta["print_words"] = words_explained(printed.body_html)
        if page.path == HANDOUTS_PAGE:
            pack = self.downloads[""]
            meta["downloads"] = [pack, *(d for d in self.downloads.values() if d is not pack)]
        return meta

    # --- security and the end ---------------------------------------------------------------

    def protect(self, output: str) -> str:
        """A page as the theme wrote it, with search stemming and its Content Security Policy
        (not in a preview: its live-reload script is inline)."""
        output = with_site_search_worker(output)
        if self.session.serving:
            return output
        self._script_hashes.update(inline_script_hashes(output))
        return with_policy(output)

    def asset_links(self, css: Sequence[str], js: Sequence[str]) -> tuple[list[str], list[str]]:
        """The stylesheets and scripts each page links to: one bundle of each when published
        (written by ``finish``), the files themselves in a preview."""
        if self.session.serving:
            return list(css), list(js)
        self._own_assets = (list(css), list(js))
        return ([BUNDLE_CSS] if css else []), ([BUNDLE_JS] if js else [])

    def finish(self, site_dir: Path) -> None:
        """Run the page rules over every page, report readability, write ``_headers`` and the bundles."""
        pages = list(self._checked.values())
        prose = [PageProse(page.path, page.source_file, page.prose, page.is_glossary) for page in pages]
        report = readability_report(prose)
        self.notes.append("Readability, hardest page first (Flesch-Kincaid grade):\n" + report)
        self.problems += page_rules(pages, self.content, self.root)
        if not self.session.serving:
            (site_dir / "_headers").write_text(headers_file(self._script_hashes), encoding="utf-8")
            publish_own_assets(site_dir, self.docs_dir / "assets", *self._own_assets)


def write_markdown_tree(build: SiteBuild, out: Path) -> list[str]:
    """Every page as Markdown in ``out``: the hand-written docs/ (without theme overrides) and the
    generated pages, as the engine would see them. Returns the generated pages' paths."""
    shutil.copytree(build.docs_dir, out, ignore=shutil.ignore_patterns(THEME_OVERRIDES), dirs_exist_ok=True)
    for path in build.content.pages:  # hand-written pages, their markers filled in
        page = out / path
        page.write_text(build.hand_written_markdown(path, page.read_text(encoding="utf-8")), encoding="utf-8")
    pages = build.markdown_pages()
    for path, markdown in pages.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(markdown, encoding="utf-8")
    return sorted(pages)
