"""A source's main text, from the bytes its address gave: for a web page, the page's content
without menus, scripts or dates that change on each visit (trafilatura); for a PDF, its text
(pypdf); for plain text, the text. Text in another encoding than UTF-8 is read in its declared
or detected one, never refused.
"""

from __future__ import annotations

import codecs
import io
import re

import charset_normalizer
import pypdf
import trafilatura
from pypdf.errors import PyPdfError

from medinfo.sources.fetch import Fetched

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do we.
_AS_WINDOWS_1252 = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")


class TextError(Exception):
    """The bytes could not be turned into text (a broken PDF): one line for editors."""


def main_text(fetched: Fetched) -> str:
    """The text the watch compares; TextError if there is none to be had."""
    body = fetched.body
    if fetched.content_type == "application/pdf" or body.startswith(b"%PDF-"):
        return pdf_text(body)
    is_html = fetched.content_type in HTML_TYPES or _looks_like_html(body)
    text = decode(body, fetched.charset, html=is_html)
    return html_main_text(text) if is_html else tidy(text)


def html_main_text(html: str) -> str:
    """The page's content without its menus, header, footer and scripts."""
    text = trafilatura.extract(
        html, favor_precision=True, include_comments=False, include_tables=True, deduplicate=False
    )
    if not text:  # no main part found: every word of the page, rather than none
        text = trafilatura.html2txt(html)
    return tidy(text or "")


def pdf_text(body: bytes) -> str:
    try:
        reader = pypdf.PdfReader(io.BytesIO(body))
        if reader.is_encrypted and not reader.decrypt(""):
            raise TextError("the PDF is locked with a password, so its text cannot be read")
        return tidy("\n".join(page.extract_text() or "" for page in reader.pages))
    except TextError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise TextError(f"the PDF cannot be read ({type(error).__name__}: {error})") from None


def decode(body: bytes, declared: str | None, html: bool = False) -> str:
    """The bytes as text: in the declared encoding (the server's, else the page's own <meta>),
    else UTF-8, else the encoding charset_normalizer detects, else UTF-8 with replacement marks."""
    candidates = [declared]
    if html and (meta := _META_CHARSET.search(body[:4096])):
        candidates.append(meta.group(1).decode("ascii"))
    candidates.append("utf-8-sig")
    for label in candidates:
        encoding = _encoding(label)
        if encoding:
            try:
                return body.decode(encoding)
            except UnicodeDecodeError:
                continue
    best = charset_normalizer.from_bytes(body).best()
    return str(best) if best is not None else body.decode("utf-8", errors="replace")


def tidy(text: str) -> str:
    """One paragraph per line, spaces collapsed, no empty lines."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def sentences(text: str) -> list[str]:
    """The text one sentence per line, so a diff shows the sentence that changed, not a paragraph."""
    return [part for line in text.splitlines() for part in _SENTENCE_END.split(line) if part]


def _encoding(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None  # a name no one knows: try the next way


def _looks_like_html(body: bytes) -> bool:
    start = body[:1024].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<body" in start
