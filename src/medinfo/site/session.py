"""What outlives one build: ``mkdocs serve`` rebuilds in the same process on every save, so the
PDF stores and each page's checks are kept here between builds."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from medinfo.checks.page_checks import CheckedPage
from medinfo.checks.pagehtml import parsed
from medinfo.checks.prose import prose_from_html
from medinfo.checks.safety import unsafe_markup
from medinfo.printing.pdf import PdfStore
from medinfo.site.glossary import mark_words, remove_all

# One process reads the pages while the engine (one core) renders the next: on 2 cores that is
# all there is, and the engine's own work is at least as long as the reading.
PAGE_WORKERS = 1


@dataclass
class SeenPage:
    html: str  # with the glossary words marked
    checked: CheckedPage
    words: tuple[tuple[str, str], ...] = ()  # the glossary words it explains, for paper


class Session:
    """What outlives one build: ``mkdocs serve`` rebuilds in the same process on every save."""

    def __init__(self, serving: bool = False) -> None:
        self.serving = serving
        self._stores: dict[Path | None, PdfStore] = {}  # one per folder
        # Each page's checks by its HTML, for this build and the one before: parsing is
        # most of the page checks' time, and a preview rebuilds every page on each save.
        self._seen: dict[tuple[str, str, str, bool], SeenPage] = {}
        self._seen_before: dict[tuple[str, str, str, bool], SeenPage] = {}
        self._pool: ProcessPoolExecutor | None = None  # reads pages beside the engine (check_page)

    def start_build(self) -> None:
        self._seen_before = self._seen
        self._seen = {}

    def pdf_store(self, folder: Path | None) -> PdfStore:
        return self._stores.setdefault(folder, PdfStore(folder))

    def check_page(
        self, path: str, source_file: str, html: str, is_glossary: bool, in_worker: bool = False
    ) -> Callable[[], SeenPage]:
        """The page read for all it needs, now or (``in_worker``) in a worker process while the
        engine goes on: call the result for it. A preview keeps each page's result by its HTML."""
        key = (path, source_file, html, is_glossary)
        found = self._seen.get(key) or self._seen_before.get(key)
        if found is None and in_worker:
            future = self._worker().submit(seen_page, path, source_file, html, is_glossary)

            def later() -> SeenPage:
                try:
                    return self._keep(key, future.result())
                except BrokenProcessPool:  # the worker died: read the page here, start a new one next time
                    self._pool = None
                    return self._keep(key, seen_page(path, source_file, html, is_glossary))

            return later
        found = self._keep(key, found or seen_page(path, source_file, html, is_glossary))
        return lambda: found

    def _keep(self, key: tuple[str, str, str, bool], seen: SeenPage) -> SeenPage:
        if self.serving:  # only a preview builds again in this process; a build keeps no copy
            self._seen[key] = seen
        return seen

    def _worker(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # "spawn": a fresh interpreter, never a copy of a server with threads running.
            self._pool = ProcessPoolExecutor(
                max_workers=PAGE_WORKERS, mp_context=multiprocessing.get_context("spawn")
            )
        return self._pool


def seen_page(path: str, source_file: str, html: str, is_glossary: bool) -> SeenPage:
    """The page parsed once for all it needs: the unsafe markup check (on the page as written),
    the glossary marks and the words for paper, then the prose (last: it takes the page apart).
    The marks only add attributes and unwrap ``abbr``, so the prose is what ``medinfo check``
    reads from the unmarked page."""
    soup = parsed(html)
    unsafe = tuple(unsafe_markup(soup))
    words: list[tuple[str, str]] = []
    if is_glossary:
        remove_all(soup)
    else:
        words = mark_words(soup)
    marked = str(soup)
    checked = CheckedPage(path, source_file, prose_from_html(soup), unsafe, is_glossary)
    return SeenPage(marked, checked, tuple(words))
