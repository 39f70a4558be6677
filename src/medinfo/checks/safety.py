"""Markup that must never reach a reader, whoever typed it.

Text from the YAML is always escaped, so this guards the hand-written pages:
a script or a ``javascript:`` link there would run in a patient's browser.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from medinfo.checks.pagehtml import parsed

_EVENT_PREFIX = "on"  # onclick=, onerror=, ...


def unsafe_markup(html: str | BeautifulSoup) -> list[tuple[str, str]]:
    """Each piece of active content in a page's body: what it is, and text to find it by."""
    soup = parsed(html)
    found = [
        (f"a <{tag.name}> element", f"<{tag.name}")
        for tag in soup.find_all(["script", "iframe", "object", "embed"])
    ]
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith(_EVENT_PREFIX):
                found.append((f"an event handler ({name}=) on <{tag.name}>", f"{name}="))
            elif name.lower() in ("href", "src", "action") and text.strip().lower().startswith("javascript:"):
                found.append((f"a 'javascript:' address on <{tag.name}>", "javascript:"))
    return found


def find_line(lines: list[str], needle: str) -> int | None:
    """The first line (from 1) containing ``needle``, ignoring case; None if none does."""
    return next((n for n, line in enumerate(lines, 1) if needle.lower() in line.lower()), None)


def line_of(lines: list[str], needle: str) -> int:
    """The first line (from 1) containing ``needle``, ignoring case; 1 if none does."""
    return find_line(lines, needle) or 1
