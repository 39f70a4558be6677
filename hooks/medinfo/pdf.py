"""HTML -> PDF with WeasyPrint: offline, deterministic, and tagged for screen readers.

WeasyPrint may only read what the site itself provides (``lookup``): any
other address, on the network or on disk, stops the render with an error
rather than leaving a gap on the paper or making a request.
"""

from __future__ import annotations

import hashlib
import mimetypes
import multiprocessing
import os
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

from weasyprint import HTML  # type: ignore[import-untyped]
from weasyprint.urls import (  # type: ignore[import-untyped]
    FatalURLFetchingError,
    URLFetcher,
    URLFetcherResponse,
)

Lookup = Callable[[str], bytes | None]
K = TypeVar("K", bound=Hashable)
# How many processes make PDFs side by side. Default 1: on a busy 2-core machine, starting
# workers (each imports WeasyPrint) cost more than they saved; see bench/README.md.
WORKERS_VARIABLE = "MEDINFO_PDF_WORKERS"


class PdfError(Exception):
    """A handout could not be made (for example, it refers to something outside the site)."""


class DocumentPdfError(PdfError):
    """``html_to_pdfs``: the document ``key`` could not be made."""

    def __init__(self, key: Hashable, error: PdfError) -> None:
        super().__init__(str(error))
        self.key = key


class _SiteOnlyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type hints
    def __init__(self, lookup: Lookup) -> None:
        super().__init__(fail_on_errors=True)
        self._lookup = lookup
        self.read: dict[str, str] = {}  # every site file the document used: address -> hash of its bytes

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)  # inline data: no request is made
        body = self._lookup(url)
        if body is not None:
            self.read[url] = _digest(body)
        if body is None:
            raise PdfError(f"the handout refers to {url}, which is not part of the site")
        mime_type = mimetypes.guess_type(url.split("?")[0].split("#")[0])[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})


def _refuse(url: str) -> bytes | None:
    return None


@dataclass(frozen=True)
class Pdf:
    data: bytes
    pages: int


def html_to_pdf(html: str, base_url: str, lookup: Lookup = _refuse) -> Pdf:
    """Render ``html`` (relative links resolved against ``base_url``) to a PDF.

    The same HTML always gives the same bytes: WeasyPrint writes no dates, and
    its font-subset names and file identifier come from the content.
    """
    key = _key(html, base_url)
    made = _made.get(key)
    if made and all(_digest(lookup(url) or b"") == digest for url, digest in made[1].items()):
        return made[0]  # the same document, made from the same files: the same bytes
    fetcher = _SiteOnlyFetcher(lookup)
    try:
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()
        data: bytes = document.write_pdf(pdf_tags=True)
    except FatalURLFetchingError as error:  # our refusal, wrapped by WeasyPrint
        raise PdfError(str(error.__cause__ or error)) from None
    pdf = Pdf(data, len(document.pages))
    _made[key] = (pdf, fetcher.read)
    return pdf


# PDFs made in this process, so `mkdocs serve` remakes only the handouts whose page changed.
_made: dict[str, tuple[Pdf, dict[str, str]]] = {}
_pool: ProcessPoolExecutor | None = None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _key(html: str, base_url: str) -> str:
    return _digest(f"{base_url}\0{html}".encode())


def html_to_pdfs(documents: Mapping[K, tuple[str, str]], lookup: Lookup = _refuse) -> dict[K, Pdf]:
    """Like ``html_to_pdf`` for many (html, base_url) documents; side by side if MEDINFO_PDF_WORKERS > 1.

    Worker processes cannot see the site's files: a document that uses one is
    made again here, where ``lookup`` can give it. Raises DocumentPdfError,
    naming the first document that could not be made.
    """
    results: dict[K, Pdf] = {}
    waiting: dict[K, Future[Pdf | None]] = {}
    pool = _workers(len(documents))
    longest_first = sorted(documents.items(), key=lambda item: -len(item[1][0]))
    for key, (html, base_url) in longest_first:
        if pool is None or _key(html, base_url) in _made:
            continue
        try:
            waiting[key] = pool.submit(_make_without_site_files, html, base_url)
        except BrokenProcessPool:
            break
    for key, (html, base_url) in documents.items():
        try:
            made = _result(waiting[key]) if key in waiting else None
            if made is not None:
                _made[_key(html, base_url)] = (made, {})
            results[key] = made or html_to_pdf(html, base_url, lookup)
        except PdfError as error:
            raise DocumentPdfError(key, error) from None
    return results


def _workers(jobs: int) -> ProcessPoolExecutor | None:
    """The shared worker processes, started once per process; None if one at a time is best."""
    global _pool
    wanted = int(os.environ.get(WORKERS_VARIABLE) or 1)
    if min(wanted, jobs) < 2:
        return None
    if _pool is None:
        # "spawn": a fresh interpreter, never a copy of a server with threads running.
        _pool = ProcessPoolExecutor(max_workers=wanted, mp_context=multiprocessing.get_context("spawn"))
    return _pool


def _result(future: Future[Pdf | None]) -> Pdf | None:
    global _pool
    try:
        return future.result()
    except BrokenProcessPool:  # a worker died: make this one here, and start new workers next time
        _pool = None
        return None


def _make_without_site_files(html: str, base_url: str) -> Pdf | None:
    """In a worker: the PDF, or None if the document needs one of the site's files."""
    asked: list[str] = []

    def unavailable(url: str) -> bytes | None:
        asked.append(url)
        return None

    try:
        return html_to_pdf(html, base_url, unavailable)
    except PdfError:
        if asked:
            return None
        raise
