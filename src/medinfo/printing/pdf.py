"""HTML -> PDF with WeasyPrint: offline, deterministic, and tagged for screen readers.

WeasyPrint may only read what the site itself provides (``lookup``): any
other address, on the network or on disk, stops the render with an error
rather than leaving a gap on the paper or making a request.

Laying out PDFs is most of a build's time, so a ``PdfStore`` keeps each PDF
under a hash of all that decides its bytes (the HTML, its address, the site
files it read, the versions of WeasyPrint and the packages and text libraries
it uses, and the fonts installed): an unchanged
handout is reused, not laid out again, and the reused bytes are the bytes a
fresh render gives.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import multiprocessing
import os
import subprocess
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

Lookup = Callable[[str], bytes | None]
K = TypeVar("K", bound=Hashable)
# How many processes make PDFs side by side: by default one per core (at most 4). On a quiet
# 2-core machine two halve the PDF step; on a machine already busy with other work, set 1.
MAX_DEFAULT_WORKERS = 4


class PdfError(Exception):
    """A handout could not be made (for example, it refers to something outside the site)."""


class DocumentPdfError(PdfError):
    """``html_to_pdfs``: the document ``key`` could not be made."""

    def __init__(self, key: Hashable, error: PdfError) -> None:
        super().__init__(str(error))
        self.key = key


def _site_only_fetcher(lookup: Lookup) -> Any:
    """A WeasyPrint URL fetcher that reads only the site's own files (WeasyPrint is imported here:
    it takes a second or two, and a build that reuses every PDF does not need it)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # type: ignore[import-untyped]

    class SiteOnlyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type hints
        def __init__(self) -> None:
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

    return SiteOnlyFetcher()


def _refuse(url: str) -> bytes | None:
    return None


@dataclass(frozen=True)
class Pdf:
    data: bytes
    pages: int


@dataclass(frozen=True)
class _Made:
    pdf: Pdf
    read: dict[str, str]  # the site files the document used: address -> hash of their bytes


class PdfStore:
    """PDFs made before: in memory (``mkdocs serve`` rebuilds in one process) and, given a
    folder, on disk (the next build). Each is reused only if every site file it read is
    unchanged, and a file on disk only if its bytes still match the hash written with it."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._memory: dict[str, _Made] = {}
        self.used: set[str] = set()  # keys found or made since this store was opened

    def find(self, html: str, base_url: str, lookup: Lookup) -> Pdf | None:
        key = _key(html, base_url)
        made = self._memory.get(key) or self._read(key)
        if made is None or any(_digest(lookup(url) or b"") != digest for url, digest in made.read.items()):
            return None
        self._memory[key] = made
        self.used.add(key)
        return made.pdf

    def keep(self, html: str, base_url: str, pdf: Pdf, read: dict[str, str]) -> None:
        key = _key(html, base_url)
        self._memory[key] = _Made(pdf, read)
        self.used.add(key)
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        facts = {"pages": pdf.pages, "sha256": _digest(pdf.data), "read": read}
        _write_atomically(self.folder / f"{key}.pdf", pdf.data)
        _write_atomically(self.folder / f"{key}.json", json.dumps(facts, sort_keys=True).encode())

    def has(self, key: str) -> bool:
        """A PDF is kept under ``key`` (whether it can be reused is for ``find`` to say)."""
        return key in self._memory or (self.folder is not None and (self.folder / f"{key}.json").is_file())

    def is_empty(self) -> bool:
        """Nothing kept: nothing could be reused."""
        return not self._memory and (self.folder is None or not any(self.folder.glob("*.json")))

    def forget_unused(self) -> None:
        """Delete the PDFs on disk that this build did not use (they belong to older content)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.suffix in (".pdf", ".json") and path.stem not in self.used:
                path.unlink(missing_ok=True)

    def _read(self, key: str) -> _Made | None:
        if self.folder is None:
            return None
        try:
            facts = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            data = (self.folder / f"{key}.pdf").read_bytes()
        except (OSError, ValueError):  # not there, or half written by a build that was stopped
            return None
        if not isinstance(facts, dict) or facts.get("sha256") != _digest(data):
            return None
        return _Made(Pdf(data, int(facts["pages"])), dict(facts["read"]))


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, path)


def html_to_pdf(html: str, base_url: str, lookup: Lookup = _refuse, store: PdfStore | None = None) -> Pdf:
    """Render ``html`` (relative links resolved against ``base_url``) to a PDF, or reuse it from ``store``.

    The same HTML always gives the same bytes: WeasyPrint writes no dates, and
    its font-subset names and file identifier come from the content.
    """
    found = store.find(html, base_url, lookup) if store else None
    if found:
        return found
    from weasyprint import HTML  # type: ignore[import-untyped]  # slow to import: only when needed
    from weasyprint.urls import FatalURLFetchingError

    fetcher = _site_only_fetcher(lookup)
    try:
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()
        data: bytes = document.write_pdf(pdf_tags=True)
    except FatalURLFetchingError as error:  # our refusal, wrapped by WeasyPrint
        raise PdfError(str(error.__cause__ or error)) from None
    pdf = Pdf(data, len(document.pages))
    if store:
        store.keep(html, base_url, pdf, fetcher.read)
    return pdf


_pool: ProcessPoolExecutor | None = None
# Documents handed to the workers before ``html_to_pdfs`` asks for them (``start_pdf``), by key.
_started: dict[str, Future[Pdf | None]] = {}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# Everything besides the document that decides a PDF's bytes: WeasyPrint and the Python packages
# it lays out, subsets fonts and writes PDF with, ...
_RENDERER_PACKAGES = (
    "weasyprint",
    "pydyf",
    "fonttools",
    "tinycss2",
    "cssselect2",
    "tinyhtml5",
    "pillow",
    "pyphen",
)
# ... the system libraries that shape text (their file names carry their versions) ...
_TEXT_LIBRARIES = ("pango-1.0", "pangoft2-1.0", "harfbuzz", "fontconfig", "freetype")


@cache
def _renderer() -> str:
    """What else decides a PDF's bytes: the versions of WeasyPrint and what it uses, and the
    fonts installed (a new font, or a new version of one, changes the printed glyphs)."""
    packages = ", ".join(f"{name} {_version(name)}" for name in _RENDERER_PACKAGES)
    libraries = ", ".join(_library_file(name) for name in _TEXT_LIBRARIES)
    return f"{packages}\0{libraries}\0{_installed_fonts()}"


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "none"


def _library_file(name: str) -> str:
    """The library's real file, e.g. libpango-1.0.so.0.5000.12 (its links lead to it)."""
    folders = [Path(f) for f in ("/usr/lib", "/usr/lib64", "/lib", "/usr/local/lib")]
    for folder in [*folders, *Path("/usr/lib").glob("*-linux-gnu")]:
        for path in sorted(folder.glob(f"lib{name}.so.*")):
            return str(path.resolve())
    return f"{name}: none"


def _installed_fonts() -> str:
    """A digest of every font fontconfig offers (file, version, size), or "" without fontconfig."""
    try:
        listed = subprocess.run(
            ["fc-list", "--format", "%{file}|%{index}|%{fontversion}\\n"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    lines = []
    for line in sorted(set(listed.splitlines())):
        file = Path(line.split("|", 1)[0])
        lines.append(f"{line}|{file.stat().st_size if file.is_file() else 0}")
    return _digest("\n".join(lines).encode())


def _key(html: str, base_url: str) -> str:
    return _digest(f"{_renderer()}\0{base_url}\0{html}".encode())


def html_to_pdfs(
    documents: Mapping[K, tuple[str, str]],
    lookup: Lookup = _refuse,
    store: PdfStore | None = None,
    make_missing: bool = True,
    workers: int | None = None,
) -> dict[K, Pdf]:
    """Like ``html_to_pdf`` for many (html, base_url) documents, ``workers`` side by side (by default
    as many as the machine has cores, up to ``MAX_DEFAULT_WORKERS``; 1: one at a time, here).

    With ``make_missing=False`` only the PDFs found in ``store`` are returned.
    Worker processes cannot see the site's files: a document that uses one is
    made again here, where ``lookup`` can give it. Raises DocumentPdfError,
    naming the first document that could not be made.
    """
    store = store or PdfStore()
    results: dict[K, Pdf] = {}
    missing: dict[K, tuple[str, str]] = {}
    for key, (html, base_url) in documents.items():
        found = store.find(html, base_url, lookup)
        if found:
            results[key] = found
        else:
            missing[key] = (html, base_url)
    if not make_missing:
        return results
    waiting = _hand_to_workers(missing, workers)
    # Those made here first: this process would otherwise only wait for the workers.
    for key, (html, base_url) in sorted(missing.items(), key=lambda item: item[0] in waiting):
        try:
            made = _result(waiting[key]) if key in waiting else None
            if made is not None:
                store.keep(html, base_url, made, {})
            results[key] = made or html_to_pdf(html, base_url, lookup, store)
        except PdfError as error:
            raise DocumentPdfError(key, error) from None
    return {key: results[key] for key in documents if key in results}


def _hand_to_workers(
    missing: Mapping[K, tuple[str, str]], workers: int | None
) -> dict[K, Future[Pdf | None]]:
    """Each missing document's PDF on its way: started early by ``start_pdf``, or handed to the
    workers now, longest first (none if one at a time is best: then they are made here). When
    some were started early, the workers are busy with them, and the longest of the others (the
    pack, which waits for every page) is left to this process, which would otherwise only wait."""
    waiting: dict[K, Future[Pdf | None]] = {}
    pool = _workers(len(missing), workers)
    keep_one = any(_key(html, base_url) in _started for html, base_url in missing.values())
    for key, (html, base_url) in sorted(missing.items(), key=lambda item: -len(item[1][0])):
        started = _started.pop(_key(html, base_url), None)
        if started is not None:
            waiting[key] = started
        elif keep_one:
            keep_one = False
        elif pool is not None:
            try:
                waiting[key] = pool.submit(_make_without_site_files, html, base_url)
            except BrokenProcessPool:
                pool = None
    for unused in _started.values():  # started for a document this build no longer asks for
        unused.cancel()
    _started.clear()
    return waiting


def start_pdf(html: str, base_url: str, store: PdfStore, workers: int | None = None) -> None:
    """Hand a document to the worker processes now, so its layout overlaps the rest of the build
    (on 2 cores the second one is otherwise idle until every page is rendered); ``html_to_pdfs``
    collects it later. Nothing is done for a document already kept, or without workers."""
    key = _key(html, base_url)
    if key in _started or store.has(key):
        return
    pool = _workers(2, workers)
    if pool is None:
        return
    try:
        _started[key] = pool.submit(_make_without_site_files, html, base_url)
    except BrokenProcessPool:
        _pool_broken()


def warm_workers(workers: int | None = None) -> None:
    """Start the worker processes and have each import WeasyPrint (about 1.5 s) while the build
    reads the content, rather than when the first PDF is wanted."""
    pool = _workers(2, workers)
    if pool is None:
        return
    try:
        for _ in range(_wanted(workers)):  # the pool starts a worker for each task none is free for
            pool.submit(_import_weasyprint)
    except BrokenProcessPool:
        _pool_broken()


def _import_weasyprint() -> None:
    import weasyprint  # noqa: F401  # type: ignore[import-untyped]


def _pool_broken() -> None:
    global _pool
    _pool = None
    _started.clear()


def _workers(jobs: int, workers: int | None) -> ProcessPoolExecutor | None:
    """The shared worker processes, started once per process; None if one at a time is best."""
    global _pool
    wanted = _wanted(workers)
    if min(wanted, jobs) < 2:
        return None
    if _pool is None:
        # "spawn": a fresh interpreter, never a copy of a server with threads running.
        _pool = ProcessPoolExecutor(max_workers=wanted, mp_context=multiprocessing.get_context("spawn"))
    return _pool


def _wanted(workers: int | None) -> int:
    return workers or min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS)


def _result(future: Future[Pdf | None]) -> Pdf | None:
    global _pool
    try:
        return future.result()
    except BrokenProcessPool:  # a worker died: make this one here, and start new workers next time
        _pool = None
        return None
    except CancelledError:
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
