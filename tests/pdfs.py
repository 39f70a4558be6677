"""Helpers for tests that read PDFs: poppler's pdftotext, pdfinfo and pdftoppm, and QR decoding."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
TEST_OUTPUT = REPO / "test-output"  # gitignored: PNGs of printed pages, for people to look at

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdftoppm"))


def require_poppler() -> None:
    """Skip (or, in CI, fail) when poppler-utils is not installed."""
    if POPPLER:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise RuntimeError("REQUIRE_BROWSER=1 but poppler-utils (pdftotext) is not installed")
    pytest.skip("poppler-utils is not installed: PDF checks skipped", allow_module_level=True)


def text(pdf: Path, page: int | None = None, *, raw: bool = False) -> str:
    """The PDF's words, with runs of whitespace made single spaces.

    ``raw`` reads them in the order they were written, so text set in two columns
    (the source lists) reads down each column instead of across both.
    """
    pages = ["-f", str(page), "-l", str(page)] if page else []
    order = ["-raw"] if raw else []
    result = subprocess.run(
        ["pdftotext", *order, *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


# A word's box in pdftotext is its font's ascent plus descent: 1.117 times the font size in
# Liberation Sans (Arial's metrics, the print font here); larger in DejaVu Sans, so never smaller.
_BOX_PER_POINT = 1.117
_WORD_BOX = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">')


def smallest_text_pt(pdf: Path) -> float:
    """The size, in points, of the smallest text in the PDF (from each word's box)."""
    result = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    heights = [float(y_max) - float(y_min) for y_min, y_max in _WORD_BOX.findall(result.stdout)]
    assert heights, f"{pdf} has no text"
    return round(min(heights) / _BOX_PER_POINT, 1)


def squashed(words: str) -> str:
    """Letters and digits only: line breaks and hyphenation in a PDF cannot hide a match."""
    return re.sub(r"[^a-z0-9]", "", words.lower())


def info(pdf: Path) -> dict[str, str]:
    result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)


def page_count(pdf: Path) -> int:
    return int(info(pdf)["Pages"])


def page_size_mm(pdf: Path) -> tuple[int, int]:
    width, _, height = info(pdf)["Page size"].split()[:3]
    return round(float(width) * 25.4 / 72), round(float(height) * 25.4 / 72)


def to_pngs(pdf: Path, folder: Path, name: str, dpi: int = 110, last: int | None = None) -> list[Path]:
    """Each page as a PNG in ``folder`` (replacing earlier ones of the same name)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{name}-*.png"):
        old.unlink()
    pages = ["-l", str(last)] if last else []
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", *pages, str(pdf), str(folder / name)], check=True)
    return sorted(folder.glob(f"{name}-*.png"))


def qr_codes(png: Path) -> list[str]:
    """The text of every QR code in a picture."""
    return [result.text for result in zxingcpp.read_barcodes(Image.open(png))]
