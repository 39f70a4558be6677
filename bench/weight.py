"""Page weight: what a first visit to each kind of page downloads, in a real browser.

The built site is served on the loopback interface (``medinfo.site.localserver``)
and Debian's Chromium, driven by Playwright, opens each kind of page in a new,
empty browser profile (nothing cached), at a phone's screen size. Every
response is recorded (HTML, CSS, JS, fonts, images, the search index) and its
body compressed with gzip level 6, as a web server would send it: that is the
first load. Then the search box is opened and a word typed, and what that
loads (the search index and the theme's worker, held back until search is
opened) is counted apart, as the cost of searching. The worst page is the
figure that matters.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from medinfo.browser import CHROMIUM, CHROMIUM_ARGS
from medinfo.site.localserver import serve

PHONE = {"width": 360, "height": 740}


def _load(context: Any, url: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
    """Every response of a first visit, then those of opening search; and whether the index
    came before search was opened."""
    seen: list[Any] = []
    context.on("response", lambda response: seen.append(response))  # the page's and its workers'
    page = context.new_page()
    page.goto(url, wait_until="networkidle", timeout=60_000)
    page.wait_for_timeout(500)  # anything a script starts after the load
    visit = len(seen)
    index_on_visit = any(r.url.endswith("search_index.json") for r in seen)
    page.locator('label[for="__search"]').first.click()
    page.locator("input.md-search__input").fill("blood")
    page.keyboard.press("End")  # the theme reads the box on a key's release
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # the search worker may fetch its index only now
    page.wait_for_load_state("networkidle")
    loaded = _sizes(seen)
    page.close()
    return loaded[:visit], loaded[visit:], index_on_visit


def _sizes(responses: list[Any]) -> list[dict[str, Any]]:
    loaded = []
    for response in responses:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            body = b""
        loaded.append(
            {
                "url": response.url,
                "status": response.status,
                "type": response.request.resource_type,
                "bytes": len(body),
                "gzip_bytes": len(gzip.compress(body, compresslevel=6, mtime=0)),
            }
        )
    return loaded


def first_loads(site: Path, pages: dict[str, str]) -> dict[str, dict[str, Any]]:
    """For each kind of page (name -> path inside the site): requests, KB and KB gzipped of a first visit."""
    if CHROMIUM is None:
        raise RuntimeError("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, Any]] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for kind, path in pages.items():
                context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]  # an empty cache
                loaded, searching, index_on_visit = _load(context, base + path)
                context.close()
                largest = sorted(loaded, key=lambda r: -r["gzip_bytes"])[:4]
                results[kind] = {
                    "path": path,
                    "requests": len(loaded),
                    "kb": round(sum(r["bytes"] for r in loaded) / 1024, 1),
                    "kb_gzip": round(sum(r["gzip_bytes"] for r in loaded) / 1024, 1),
                    "search_index_loaded_on_visit": index_on_visit,
                    "search_requests": len(searching),
                    "search_kb_gzip": round(sum(r["gzip_bytes"] for r in searching) / 1024, 1),
                    "largest_kb_gzip": {
                        r["url"].removeprefix(base) or "/": round(r["gzip_bytes"] / 1024, 1) for r in largest
                    },
                }
        finally:
            browser.close()
    return results
