"""QR codes as inline SVG, made at build time: no image files, no third-party service."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

import segno

# Hosts that only the machine that built the site can reach: a local preview.
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}


def is_preview_address(address: str) -> bool:
    """Is this a local preview's address (no ``SITE_URL`` given)? Paper printed from it leads nowhere."""
    host = (urlsplit(address).hostname or "").lower()
    return not host or host in _LOCAL_HOSTS or host.endswith(".localhost")


@functools.cache  # every page's code is asked for twice: print header, handout
def qr_svg(address: str) -> str:
    """An SVG QR code for ``address``, with the standard 4-module quiet zone.

    Error correction level M survives a small smudge or fold on paper. The SVG
    has no fixed size: CSS sizes it.
    """
    code = segno.make(address, error="m", micro=False)
    svg: str = code.svg_inline(
        scale=1,
        border=4,
        dark="#000",
        light="#fff",
        title=f"QR code for {address}",
        svgclass="qr-code",
        lineclass=None,
        omitsize=True,
    )
    return svg
