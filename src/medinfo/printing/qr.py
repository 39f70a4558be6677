"""QR codes as inline SVG, made at build time: no image files, no third-party service."""

from __future__ import annotations

import functools

import segno


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
