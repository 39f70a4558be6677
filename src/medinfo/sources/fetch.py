"""Fetch one address politely, with the standard library only: a timeout, a size limit, a
User-Agent naming the project, and no redirect followed (a redirect is reported as a move).

The watch fetches one address at a time (all sequential), so no host gets two requests at once.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

USER_AGENT = (
    "medinfo-source-watch/0.1 (patient information site; checks whether the sources it cites changed)"
)
DEFAULT_TIMEOUT = 30.0  # seconds for the connection and for each read
DEFAULT_MAX_MB = 20.0
_CHUNK = 64 * 1024
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Fetched:
    url: str
    body: bytes
    content_type: str  # e.g. "text/html", lowercased, without parameters
    charset: str | None  # as the server declared it, if it did


@dataclass(frozen=True)
class Moved:
    url: str
    to: str  # the address it redirects to
    status: int


@dataclass(frozen=True)
class Unreachable:
    url: str
    reason: str  # one line, for editors: "HTTP 404 Not Found", "no answer within 30 seconds"


Outcome = Fetched | Moved | Unreachable


@dataclass(frozen=True)
class Fetcher:
    timeout: float = DEFAULT_TIMEOUT
    max_mb: float = DEFAULT_MAX_MB

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1024 * 1024)

    def __call__(self, url: str) -> Outcome:
        """What the address gives now; never raises for anything the network or server does."""
        if urlsplit(url).scheme not in ("http", "https"):
            return Unreachable(url, "only http:// and https:// addresses can be watched")
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        opener = urllib.request.build_opener(_NoRedirects)
        try:
            with opener.open(request, timeout=self.timeout) as response:
                return self._read(url, response)
        except urllib.error.HTTPError as error:
            with error:  # its body is not needed; closing it leaves no open socket behind
                return _http_error(url, error)
        except urllib.error.URLError as error:
            return Unreachable(url, _reason(error.reason, self.timeout))
        except (OSError, http.client.HTTPException, ValueError) as error:
            return Unreachable(url, _reason(error, self.timeout))

    def _read(self, url: str, response: http.client.HTTPResponse) -> Outcome:
        headers: Message = response.headers
        too_big = Unreachable(url, f"larger than {self.max_mb:g} MB")
        length = headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            return too_big
        body = bytearray()
        while chunk := response.read(_CHUNK):
            body += chunk
            if len(body) > self.max_bytes:
                return too_big
        return Fetched(url, bytes(body), headers.get_content_type().lower(), headers.get_content_charset())


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Turn every redirect into an HTTPError, so the watch sees it instead of following it."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> None:
        return None


def _http_error(url: str, error: urllib.error.HTTPError) -> Outcome:
    location = error.headers.get("Location") if error.headers else None
    if error.code in REDIRECTS and location:
        to = urljoin(url, location)
        if to != url:
            return Moved(url, to, error.code)
        return Unreachable(url, f"HTTP {error.code}: it redirects to itself")
    return Unreachable(url, f"HTTP {error.code} {error.reason}".rstrip())


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} seconds"
    text = str(reason).strip() or type(reason).__name__
    return text.splitlines()[0]
