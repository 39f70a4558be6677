"""One build of the site, whatever engine drives it.

Every rule a build needs lives here, and each step gets what it needs as arguments and
gives back what it made, with what it has to say (``Said``: problems, on which a strict
build fails, and notes). The engine's adapter (``medinfo.site.mkdocs_adapter`` for MkDocs)
turns the engine's objects into these calls and keeps each step's results for the next:

1. ``SiteBuild.load(...)`` loads and checks the facts (``ContentError`` stops the build),
   renders the generated pages and reads which sources the source watch saw change;
   ``menu`` fills in the menu, ``markdown_pages`` and ``pdf_paths`` give the files to add,
   ``abbreviations`` the glossary for Markdown's ``abbr``, ``asset_links`` the CSS and JS;
2. per page: ``page_markdown`` (banner, source note, edit link, metadata), then ``page_html`` (the page
   read for the rules, its glossary marks and its PDF, beside the engine on a large site;
   gathered in ``RenderedPages``);
3. ``make_pdfs(rendered, ...)`` once every page is rendered (the adapter first puts each
   page's glossary marks in), then per page
   ``page_context(page, rendered, pdfs)`` (print header, download links) and ``protect``
   (security policy);
4. ``finish(rendered, ...)`` runs the page rules over every page and writes ``_headers``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from medinfo.checks.page_checks import page_rules
from medinfo.checks.prose import PageProse, readability_report
from medinfo.checks.review import ReviewBanner, ReviewStatus, overdue_problem, review_banner
from medinfo.content.loader import Content
from medinfo.content.schema import Review
from medinfo.pages import GLOSSARY_PAGE, HANDOUTS_PAGE
from medinfo.printing.handouts import (
    PageForPrint,
    handout_html,
    pack_html,
    team_heading,
)
from medinfo.printing.pdf import DocumentPdfError, Pdf, PdfStore, html_to_pdfs, start_pdf
from medinfo.printing.qr import is_preview_address, qr_svg
from medinfo.problems import Problem
from medinfo.project import Project
from medinfo.registry import (
    SitePage,
    hand_written_cited,
    hand_written_markdown,
    load_site,
    render_pages,
    site_pages,
)
from medinfo.render.markdown import RenderedPage
from medinfo.render.source_note import SourceNote, source_note
from medinfo.render.structured_data import medical_web_page, sitemap_lastmod
from medinfo.settings import ALLOW_OVERDUE_VARIABLE, Settings
from medinfo.site.csp import headers_file, inline_script_hashes, with_policy
from medinfo.site.edit_links import edit_url
from medinfo.site.glossary import abbreviations
from medinfo.site.menu import site_menu
from medinfo.site.own_assets import BUNDLE_CSS, BUNDLE_JS, inline_favicon, publish_own_assets
from medinfo.site.search_worker import with_site_search_worker
from medinfo.site.session import SeenPage, Session
from medinfo.site.stages import (
    AssetLinks,
    Download,
    Lookup,
    PageAdditions,
    PageIn,
    PageSeen,
    Pdfs,
    RenderedPages,
    Said,
    site_downloads,
)
from medinfo.sources.state import STATE_DIR, STATE_FILE, load_state

# Sides of A4 for a topic's handout: two sheets printed on both sides. Most fit on 2 sides;
# at 12pt with the urgent-help card on page 1, the longest pages (side effects) take 3.
MAX_HANDOUT_PAGES = 4
# Above this many pages, a worker process reads each page's HTML beside the engine (at 1,000 pages,
# a third of the build); below, starting the worker would cost more than it saves.
PAGES_FOR_A_WORKER = 100
CACHE_FOLDER = ".cache/pdf"  # beside the configuration file, unless MEDINFO_PDF_CACHE says otherwise


class BuildError(Exception):
    """Stops the build; the message says what to change."""


@dataclass(frozen=True)
class SiteBuild:
    """One build: the project, its settings and its content, fixed once loaded."""

    project: Project
    site_url: str
    site_name: str
    language: str
    settings: Settings
    session: Session
    content: Content
    pages: dict[str, SitePage]  # every page, by its path inside docs/
    downloads: dict[str, Download]  # by the path of the page each one prints ("" for the pack)
    generated: dict[str, RenderedPage]  # every generated page, rendered once, with the sources it cites
    hand_written_cited: dict[str, tuple[str, ...]]  # what the blocks of a hand-written page's markers cite
    sources_changed: dict[str, dt.date]  # sources the watch saw change, not yet reread: day first seen

    @classmethod
    def load(
        cls,
        project: Project,
        *,
        site_url: str,
        site_name: str,
        language: str,
        settings: Settings,
        session: Session | None = None,
    ) -> tuple[SiteBuild, Said]:
        """Load and check the facts, render the generated pages (each knows the sources it cites)
        and read the source watch's state; raises ``ContentError`` before any page is read."""
        session = session or Session()
        session.start_build()
        content, report = load_site(project.content_dir, project.docs_dir)
        pages = {page.path: page for page in site_pages(content, project.docs_dir.name)}
        build = cls(
            project,
            site_url,
            site_name,
            language,
            settings,
            session,
            content,
            pages,
            site_downloads(content, pages.values()),
            generated={page.path: page for page in render_pages(content)},
            hand_written_cited=hand_written_cited(content, project.docs_dir),
            sources_changed=_sources_changed(project.root),
        )
        return build, Said(tuple(report.warnings))

    # --- the files --------------------------------------------------------------------------

    def menu(self, nav: list[Any]) -> list[Any]:
        """The menu with its markers replaced by the topics and the pages the registry lists under them."""
        return site_menu(nav, self.content)

    def markdown_pages(self) -> dict[str, str]:
        """Every generated page's Markdown, front matter included, by its path inside docs/."""
        return {path: page.markdown for path, page in self.generated.items()}

    def pdf_paths(self) -> list[str]:
        """Where each PDF goes inside the site (filled in by ``make_pdfs``)."""
        return [download.path for download in self.downloads.values()]

    def abbreviations(self) -> dict[str, str]:
        return abbreviations(self.content.glossary)

    def asset_links(self, css: Sequence[str], js: Sequence[str]) -> AssetLinks:
        """The stylesheets and scripts each page links to: one bundle of each when published
        (written by ``finish``), the files themselves in a preview."""
        if self.session.serving:
            return AssetLinks(list(css), list(js))
        return AssetLinks([BUNDLE_CSS] if css else [], [BUNDLE_JS] if js else [], (tuple(css), tuple(js)))

    def favicon(self, path: str) -> str:  # its file in a preview, inside each page when published
        inline = None if self.session.serving else inline_favicon(self.project.docs_dir / path)
        return inline or path

    # --- each page --------------------------------------------------------------------------

    def source_file(self, page: PageIn) -> str:
        """The file an editor changes, relative to the project."""
        named = page.meta.get("source_file")  # generated pages name their YAML file
        if named:
            return str(named)
        root = self.project.root
        if page.file is not None and page.file.resolve().is_relative_to(root):
            return page.file.resolve().relative_to(root).as_posix()
        return f"{self.project.docs_dir.name}/{page.path}"

    def hand_written_markdown(self, path: str, markdown: str) -> str:
        """A hand-written page's Markdown with its markers expanded, as ``medinfo check`` sees it."""
        if path not in self.content.pages:  # not a page of the site's own (a theme template)
            return markdown
        return hand_written_markdown(self.content, path, markdown)

    def page_markdown(self, page: PageIn) -> PageAdditions:
        """What to add to the page's metadata (banner, sitemap date, JSON-LD), and its edit address."""
        registered = self.pages.get(page.path)
        review = registered.review if registered else None  # read and checked once, when loaded
        source = self.source_file(page)
        meta: dict[str, Any] = {"sitemap_lastmod": sitemap_lastmod(review)}
        said = Said()
        note = self.source_note(page.path)
        if note is not None:  # under the review line (partials/source-note.html)
            meta["source_note"] = note
        if review is not None:
            changes = registered.changes if registered else ()
            meta["review_banner"], said = self._banner(review, source, changes[0].date if changes else None)
            if page.path in self._topic_paths:
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
        return PageAdditions(meta, edit_url(self.settings.edit_url_base, edit_file or ""), said)

    @cached_property
    def _topic_paths(self) -> frozenset[str]:  # once: a set per page made 1,000 pages quadratic
        return frozenset(entry.page_path for entry in self.content.topics)

    def source_note(self, path: str) -> SourceNote | None:
        """What the page says while a source it cites has changed and is being reread (a hand-written
        page cites what its markers' blocks cite; a theme page, nothing)."""
        generated = self.generated.get(path)
        cited = generated.cited if generated else self.hand_written_cited.get(path, ())
        return source_note(cited, self.sources_changed)

    def _banner(self, review: Review, source: str, last_changed: dt.date | None) -> tuple[ReviewBanner, Said]:
        today = self.settings.today
        banner = review_banner(review, today, self.content.medicine.care_team, last_changed)
        overdue = overdue_problem(source, self.project.root, review, today)
        if overdue is not None:
            if self.settings.allow_overdue:
                return banner, Said(notes=(f"{overdue} ({ALLOW_OVERDUE_VARIABLE}=1 lets it through)",))
            return banner, Said(problems=(overdue,))
        if banner.status is ReviewStatus.DUE_SOON:
            days = banner.days_left
            return banner, Said(
                notes=(f"{source}: review due in {days} day(s), on {banner.next_review_due}.",)
            )
        return banner, Said()

    def page_html(self, page: PageIn, html: str) -> Callable[[], PageSeen]:
        """The page read for its marks, rules and PDF: call the result once every page is rendered."""
        in_worker = len(self.pages) > PAGES_FOR_A_WORKER and not self.session.serving
        source = self.source_file(page)
        later = self.session.check_page(page.path, source, html, page.path == GLOSSARY_PAGE, in_worker)
        if in_worker:
            return lambda: self._page_seen(page, later())
        seen = self._page_seen(page, later())
        return lambda: seen

    def _page_seen(self, page: PageIn, seen: SeenPage) -> PageSeen:
        printed = None
        if page.path in self.downloads:
            note = self.source_note(page.path)
            printed = PageForPrint(
                slug=Path(page.path).stem,
                title=page.title,
                address=page.address,
                review=self.pages[page.path].review,
                body_html=seen.html,
                source_note=note.text if note else None,
                words=seen.words,
            )
            if self.makes_pdfs():  # its layout starts now, beside the rest of the build
                handout = handout_html(printed, self.content.medicine)
                start_pdf(handout, printed.address, self._store(), self.settings.pdf_workers)
        return PageSeen(seen.html, seen.checked, printed)

    # --- print ------------------------------------------------------------------------------

    def make_pdfs(self, rendered: RenderedPages, lookup: Lookup) -> Pdfs:
        """Every PDF that is made (or kept) in this build, and the downloads with their sizes.

        In a preview none is made unless MEDINFO_MAKE_PDFS=1; kept ones are still shown.
        """
        store = self._store()
        store.used.clear()
        make_missing = self.makes_pdfs()
        if not make_missing and store.is_empty():
            return Pdfs({}, dict(self.downloads))
        printed = rendered.printed
        medicine = self.content.medicine
        ordered = [printed[path] for path in self.downloads if path in printed]
        documents = {path: (handout_html(page, medicine), page.address) for path, page in printed.items()}
        documents[""] = (pack_html(ordered, self.content, urljoin(self.site_url, "handouts/")), self.site_url)
        try:
            pdfs = html_to_pdfs(documents, lookup, store, make_missing, self.settings.pdf_workers)
        except DocumentPdfError as error:
            failed = self.downloads[str(error.key)].path
            raise BuildError(f"{failed}: could not make the PDF: {error}") from None
        if make_missing:
            store.forget_unused()
        downloads = dict(self.downloads)
        files = {}
        for path, pdf in pdfs.items():
            size = f"{max(1, round(len(pdf.data) / 1024))} KB"
            downloads[path] = dataclasses.replace(downloads[path], size=size, pages=pdf.pages)
            files[downloads[path].path] = pdf.data
        return Pdfs(files, downloads, self._too_long(pdfs, printed))

    # A topic handout is one sheet of A4, both sides: a nurse can hand it over and it stays
    # together. Only a build can know: it is the one rule ``medinfo check`` cannot run.
    def _too_long(self, pdfs: Mapping[str, Pdf], printed: Mapping[str, PageForPrint]) -> Said:
        problems, notes = [], []
        for entry in self.content.topics:
            pdf, page = pdfs.get(entry.page_path), printed.get(entry.page_path)
            if pdf is None or page is None or pdf.pages <= MAX_HANDOUT_PAGES:
                continue
            if page.review and overdue_problem(
                entry.file, self.project.root, page.review, self.settings.today
            ):
                continue  # its overdue warning takes room; the overdue page already stops the build
            if page.source_note:  # the note takes room until the source is reread: say so, do not stop
                notes.append(
                    f"{entry.file}: its handout is {pdf.pages} sides of A4 with the note that a source "
                    f"changed; the limit of {MAX_HANDOUT_PAGES} applies again once the source is accepted."
                )
                continue
            problems.append(
                Problem(
                    entry.file,
                    1,
                    "(whole page)",
                    f"its printable handout is {pdf.pages} sides of A4; the limit is {MAX_HANDOUT_PAGES}. "
                    "Make the page shorter (fewer or shorter statements), or split it into two topics.",
                )
            )
        return Said(tuple(problems), tuple(notes))

    def makes_pdfs(self) -> bool:
        """Missing PDFs are made: always when building, in a preview only if MEDINFO_MAKE_PDFS=1."""
        return self.settings.make_pdfs if self.settings.make_pdfs is not None else not self.session.serving

    def _store(self) -> PdfStore:
        if self.settings.pdf_cache_off:
            return self.session.pdf_store(None)
        return self.session.pdf_store(self.settings.pdf_cache or self.project.root / CACHE_FOLDER)

    def page_context(self, page: PageIn, rendered: RenderedPages, pdfs: Pdfs) -> dict[str, Any]:
        """What to add to the page's metadata for printing: its print header and download links."""
        if is_preview_address(page.address):  # a QR code to this machine would lead nowhere
            origin: dict[str, Any] = {"preview": True}
        else:
            origin = {"address": page.address, "qr": Markup(qr_svg(page.address))}
        meta: dict[str, Any] = {"print_origin": origin}
        download = pdfs.downloads.get(page.path)
        if download:  # with no size when not made in this preview: the page says when it will be
            meta["handout"] = download
        printed = rendered.printed.get(page.path)
        if printed:  # paper from the browser carries what the page's PDF handout does
            meta["print_team"] = team_heading(self.content.medicine)
            meta["print_words"] = printed.words_explained()
        if page.path == HANDOUTS_PAGE:
            pack = pdfs.downloads[""]
            meta["downloads"] = [pack, *(d for key, d in pdfs.downloads.items() if key != "")]
        return meta

    # --- security and the end ---------------------------------------------------------------

    def protect(self, output: str) -> tuple[str, set[str]]:
        """A page as the theme wrote it, with search stemming and its Content Security Policy
        (not in a preview: its live-reload script is inline); and its inline scripts' hashes."""
        output = with_site_search_worker(output)
        if self.session.serving:
            return output, set()
        return with_policy(output), set(inline_script_hashes(output))

    def finish(
        self, site_dir: Path, rendered: RenderedPages, script_hashes: set[str], assets: AssetLinks
    ) -> Said:
        """Run the page rules over every page, report readability, write ``_headers`` and the bundles."""
        pages = list(rendered.checked.values())
        prose = [PageProse(page.path, page.source_file, page.prose, page.is_glossary) for page in pages]
        note = "Readability, hardest page first (Flesch-Kincaid grade):\n" + readability_report(prose)
        problems = page_rules(pages, self.content, self.project.root)
        if not self.session.serving:
            (site_dir / "_headers").write_text(headers_file(script_hashes), encoding="utf-8")
            publish_own_assets(site_dir, self.project.docs_dir / "assets", *assets.bundled)
        return Said(tuple(problems), (note,))


def _sources_changed(root: Path) -> dict[str, dt.date]:
    """The sources the watch saw change and nobody has accepted yet, from its own state file."""
    try:
        return load_state(root).changed_on()
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise BuildError(
            f"{STATE_DIR}/{STATE_FILE}: the source watch's state cannot be read ({error!r}). "
            "Only 'medinfo sources watch' and 'medinfo sources accept' write it: restore it "
            f"from git (git checkout -- {STATE_DIR}/) rather than editing it."
        ) from None
