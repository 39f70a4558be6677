"""Largest Contentful Paint on a phone: Lighthouse's mobile run over each kind of page.

    npm install --no-save lighthouse@12.2.3     # once; Lighthouse is not one of the site's tools
    python bench/run.py --only lighthouse --update

The built site is served on the loopback interface with gzip, as GitHub Pages
serves it, and Lighthouse (its default mobile settings: a mid-range phone on a
slow 4G connection, simulated) loads each kind of page in Debian's Chromium.
Lighthouse is found as ``node_modules/.bin/lighthouse`` or in ``LIGHTHOUSE``.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from medinfo.browser import CHROMIUM, CHROMIUM_ARGS
from medinfo.site.localserver import QuietHandler, serve

REPO = Path(__file__).resolve().parents[1]
# Text a web host compresses (GitHub Pages gzips these); images and PDFs go as they are.
_COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", "/")


class _GzipHandler(QuietHandler):
    """Sends text gzipped when the browser asks for it, as the published site's host does."""

    def send_head(self) -> Any:  # the file's body, gzipped; the handler copies it out and closes it
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not wants_gzip or not self.path.split("?")[0].endswith(_COMPRESSED):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def lighthouse_command() -> str | None:
    """Lighthouse's program: ``LIGHTHOUSE``, or the one npm installed here; None if neither."""
    found = os.environ.get("LIGHTHOUSE") or str(REPO / "node_modules" / ".bin" / "lighthouse")
    return found if Path(found).is_file() else None


def run_page(command: str, url: str) -> dict[str, Any]:
    """One page's Lighthouse mobile performance figures."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [
                command,
                url,
                "--only-categories=performance",
                f"--chrome-flags={flags}",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            timeout=300,
        )
        found = json.loads(report.read_text(encoding="utf-8"))
    audits = found["audits"]
    return {
        "performance": round(found["categories"]["performance"]["score"] * 100),
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def lighthouse(site: Path, kinds: dict[str, str], command: str) -> dict[str, dict[str, Any]]:
    """Each kind of page's figures, one Lighthouse run each (a fresh browser, nothing cached)."""
    with serve(site, _GzipHandler) as base:
        return {kind: {"path": path, **run_page(command, base + path)} for kind, path in kinds.items()}
