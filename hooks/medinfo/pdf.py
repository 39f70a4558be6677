"""HTML -> PDF with WeasyPrint: offline, deterministic, and tagged for screen readers.

WeasyPrint may only read what the site itself provides (``lookup``): any
other address, on the network or on disk, stops the render with an error
rather than leaving a gap on the paper or making a request.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from weasyprint import HTML  # type: ignore[import-untyped]
from weasyprint.urls import (  # type: ignore[import-untyped]
    FatalURLFetchingError,
    URLFetcher,
    URLFetcherResponse,
)

Lookup = Callable[[str], bytes | None]


class PdfError(Exception):
    """A handout could not be made (for example, it refers to something outside the site)."""


class _SiteOnlyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type hints
    def __init__(self, lookup: Lookup) -> None:
        super().__init__(fail_on_errors=True)
        self._lookup = lookup

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)  # inline data: no request is made
        body = self._lookup(url)
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
    try:
        document = HTML(string=html, base_url=base_url, url_fetcher=_SiteOnlyFetcher(lookup)).render()
        data: bytes = document.write_pdf(pdf_tags=True)
    except FatalURLFetchingError as error:  # our refusal, wrapped by WeasyPrint
        raise PdfError(str(error.__cause__ or error)) from None
    return Pdf(data, len(document.pages))
