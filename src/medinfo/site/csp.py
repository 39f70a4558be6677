"""Content Security Policy: only this site's own files may run, plus the theme's known inline scripts.

The theme writes a few small inline scripts whose text depends on the page's
depth, so each page's policy allows exactly the SHA-256 hashes of its own
inline scripts. JSON data blocks (the theme's config, structured data) are
never executed and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_DATA_TYPE = re.compile(r"""type\s*=\s*["']application/(ld\+)?json["']""", re.IGNORECASE)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)

# Everything comes from this site; nothing else is needed (fonts are local, no analytics).
_DIRECTIVES = (
    "default-src 'none'",
    "script-src 'self'{hashes}",
    "style-src 'self'",
    "img-src 'self' data:",  # the theme's icons are data: URLs in its CSS
    "font-src 'self'",
    "connect-src 'self'",  # the search index
    "worker-src 'self'",  # the search runs in a worker
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
)
# Only honoured in an HTTP header, not in a <meta> tag.
_HEADER_ONLY = ("frame-ancestors 'none'",)


def inline_script_hashes(page: str) -> list[str]:
    """CSP source expressions for the page's executable inline scripts, in order, once each."""
    found: list[str] = []
    for match in _SCRIPT.finditer(page):
        attrs = match.group("attrs")
        if "src=" in attrs.lower() or _DATA_TYPE.search(attrs):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in found:
            found.append(source)
    return found


def policy(script_hashes: Iterable[str], header: bool = False) -> str:
    hashes = "".join(f" {h}" for h in script_hashes)
    directives = [d.format(hashes=hashes) for d in _DIRECTIVES]
    return "; ".join(directives + (list(_HEADER_ONLY) if header else []))


def with_policy(page: str) -> str:
    """The page with its policy as a <meta> tag, placed before any script can run."""
    content = html.escape(policy(inline_script_hashes(page)), quote=False)  # has no double quotes
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    match = _CHARSET.search(page)
    if match:
        return page[: match.end()] + meta + page[match.end() :]
    return page.replace("<head>", "<head>" + meta, 1)


def headers_file(script_hashes: Iterable[str]) -> str:
    """A ``_headers`` file (Netlify, Cloudflare Pages) sending the policy as a real header."""
    lines = [
        "/*",
        f"  Content-Security-Policy: {policy(sorted(set(script_hashes)), header=True)}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: no-referrer",
    ]
    return "\n".join(lines) + "\n"
