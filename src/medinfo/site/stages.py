"""What each step of a build gives the next: the build's stages, as plain values.

``SiteBuild`` (``medinfo.site.build``) takes these as arguments and returns them; the
engine's adapter keeps each one between the engine's events and hands it to the next step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medinfo.checks.page_checks import CheckedPage
from medinfo.content.entries import Content
from medinfo.printing.handouts import PageForPrint, handout_path, pack_path, pack_title
from medinfo.problems import Problem
from medinfo.registry import SitePage

Lookup = Callable[[str], bytes | None]  # a site file's bytes by its full address, or None


@dataclass(frozen=True)
class Said:
    """What a step has to tell: problems (a strict build fails on any) and notes (information)."""

    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Download:
    """A PDF the site offers, and what its link says."""

    title: str
    path: str  # inside the site, e.g. handouts/<medicine>-side-effects.pdf
    label: str
    size: str = ""  # filled in once the PDF is made
    pages: int = 0


@dataclass(frozen=True)
class PageIn:
    """What the build needs to know about one page from the engine."""

    path: str  # inside docs/, e.g. topics/side-effects.md
    title: str
    meta: Mapping[str, Any]  # its front matter
    address: str  # its full public address
    file: Path | None = None  # the hand-written file it was read from (None for a generated page)


@dataclass(frozen=True)
class PageAdditions:
    """What ``page_markdown`` adds to a page: metadata (banner, sitemap date, JSON-LD), its edit link."""

    meta: dict[str, Any]
    edit_url: str | None
    said: Said = Said()


@dataclass(frozen=True)
class PageSeen:
    """A page as ``page_html`` leaves it: its HTML with glossary words marked, and what the page
    rules (``checked``) and its PDF (``printed``, for a page that prints) need of it."""

    html: str
    checked: CheckedPage
    printed: PageForPrint | None


@dataclass
class RenderedPages:
    """Every page as the engine rendered it, gathered from ``page_html``; read by ``make_pdfs``,
    ``page_context`` and ``finish``.

    A page's HTML goes back to the engine as it came, and is read (glossary marks, page rules,
    words for paper) perhaps in a worker process while the engine renders the next pages; once
    every page is rendered, ``settle`` collects the results, and ``marked`` has each page's HTML
    with its glossary marks, for the engine to write.
    """

    checked: dict[str, CheckedPage] = field(default_factory=dict)
    printed: dict[str, PageForPrint] = field(default_factory=dict)
    waiting: dict[str, tuple[str, Callable[[], PageSeen]]] = field(default_factory=dict)
    marked: dict[str, str] = field(default_factory=dict)  # each page's HTML with its glossary marks

    def expect(self, path: str, html: str, seen: Callable[[], PageSeen]) -> None:
        self.waiting[path] = (html, seen)

    def settle(self) -> None:
        """Wait for every page still being read (in the order they came)."""
        for path, (html, seen) in self.waiting.items():
            self.add(path, html, seen())
        self.waiting.clear()

    def add(self, path: str, html: str, seen: PageSeen) -> None:
        self.checked[path] = seen.checked
        if seen.html != html:
            self.marked[path] = seen.html
        if seen.printed is not None:
            self.printed[path] = seen.printed


@dataclass(frozen=True)
class Pdfs:
    """What ``make_pdfs`` made: each PDF's bytes by its path in the site, and the downloads with
    their sizes (without, for one not made in a preview)."""

    files: dict[str, bytes]
    downloads: dict[str, Download]
    said: Said = Said()


@dataclass(frozen=True)
class AssetLinks:
    """The stylesheets and scripts each page links to, and the files ``finish`` bundles (if any)."""

    css: list[str]
    js: list[str]
    bundled: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())


def site_downloads(content: Content, pages: Iterable[SitePage]) -> dict[str, Download]:
    """The PDFs the site offers, by the path of the page each one prints ("" for the pack)."""
    medicine = content.medicine
    downloads = {
        page.path: Download(page.title, handout_path(medicine, Path(page.path).stem), page.download_label)
        for page in pages
        if page.prints
    }
    downloads[""] = Download(pack_title(medicine), pack_path(medicine), "Download the pack")
    return downloads
