"""Every page loads in Chromium under its Content Security Policy with no violation,
and, read and searched, asks nothing of any other host and keeps no cookie (privacy).

The browser tests are skipped, with the reason shown, when Chromium is not
installed; CI installs it and sets REQUIRE_BROWSER=1 so they cannot skip there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from chromium import CHROMIUM, OFFLINE_ARGS
from serving import serve

from medinfo.site.csp import headers_file, inline_script_hashes, policy, with_policy

COLLECT_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI} (${where})`);
});
"""

needs_browser = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("REQUIRE_BROWSER") != "1", reason="Chromium is not installed"
)


def test_policy_hashes_only_executable_inline_scripts() -> None:
    page = (
        '<html><head><meta charset="utf-8"><script>run()</script><script src="a.js"></script>'
        '<script type="application/ld+json">{"a": 1}</script><script>run()</script></head></html>'
    )
    hashes = inline_script_hashes(page)
    assert len(hashes) == 1 and hashes[0].startswith("'sha256-")
    protected = with_policy(page)
    assert protected.index("Content-Security-Policy") < protected.index("<script>")
    assert "script-src 'self' " + hashes[0] in protected
    assert "frame-ancestors" not in policy(hashes) and "frame-ancestors 'none'" in headers_file(hashes)


@pytest.mark.e2e
def test_built_pages_carry_the_policy_and_the_headers_file(real_site: Path) -> None:
    headers = (real_site / "_headers").read_text(encoding="utf-8")
    for page in sorted(real_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert '<meta http-equiv="Content-Security-Policy"' in html, page
        for source in inline_script_hashes(html):
            assert source in headers


@dataclass
class Visit:
    """What reading pages in Chromium did: policy violations by page, every request, and what
    was kept on the reader's device."""

    violations: dict[str, list[str]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    cookies: list[Any] = field(default_factory=list)
    storage: list[Any] = field(default_factory=list)  # localStorage's keys, sessionStorage's, cookie


def visit(base_url: str, paths: list[str], exercise: str | None = None) -> Visit:
    """Load each page in Chromium, waiting till the network is quiet; on ``exercise`` also search
    and switch the palette, the things a reader does besides reading."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "REQUIRE_BROWSER=1 but Chromium is not installed"
    seen = Visit()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=OFFLINE_ARGS)
        context = browser.new_context()
        context.add_init_script(COLLECT_VIOLATIONS)
        context.on("request", lambda request: seen.requests.append(request.url))  # pages and workers
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
        for path in paths:
            page.goto(base_url + path)
            page.wait_for_load_state("networkidle")
            if path == exercise:
                page.keyboard.press("/")
                page.keyboard.type("thyroid")
                page.wait_for_selector(".md-search-result__item", timeout=10_000)
                page.keyboard.press("Escape")
                page.locator("label[for^='__palette']:visible").first.click()
                page.wait_for_load_state("networkidle")
            violations = page.evaluate("window.__violations") + [
                c for c in console if "Content Security" in c
            ]
            if violations:
                seen.violations[path] = violations
            console.clear()
        seen.storage = page.evaluate(
            "() => [Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]"
        )
        seen.cookies = context.cookies()
        browser.close()
    return seen


@pytest.mark.e2e
@needs_browser
def test_every_page_loads_within_its_policy_asks_only_the_site_and_sets_no_cookie(
    real_site: Path, site_url: str
) -> None:
    pages = sorted(p.parent.relative_to(real_site).as_posix() for p in real_site.rglob("index.html"))
    paths = ["" if p == "." else p + "/" for p in pages] + ["404.html", "no-such-page/"]
    seen = visit(site_url, paths, exercise="topics/side-effects/")
    assert seen.violations == {}
    # Privacy. data: addresses are inline images inside the site's own CSS: no network involved.
    local = urlsplit(site_url).netloc
    outside = sorted(
        {url for url in seen.requests if not url.startswith("data:") and urlsplit(url).netloc != local}
    )
    assert not outside, "requests to other hosts:\n" + "\n".join(outside)
    assert len(seen.requests) > len(paths)  # it really recorded the pages and their files
    assert any(url.endswith("search/search_index.json") for url in seen.requests)  # search was used
    local_keys, session_keys, cookie = seen.storage
    assert seen.cookies == [] and cookie == ""
    # Only the light/dark choice, kept on the reader's device (as the privacy page says).
    assert [key.rsplit(".", 1)[-1] for key in local_keys] == ["__palette"] and session_keys == []


@pytest.mark.e2e
@needs_browser
def test_a_script_outside_the_policy_is_caught(tmp_path: Path) -> None:
    allowed = "document.title = 'allowed';"
    page = f'<html><head><meta charset="utf-8"><script>{allowed}</script></head><body></body></html>'
    protected = with_policy(page).replace("</body>", "<script>document.title = 'smuggled';</script></body>")
    (tmp_path / "index.html").write_text(protected, encoding="utf-8")
    with serve(tmp_path) as url:
        problems = visit(url, [""]).violations
    assert list(problems) == [""] and "script-src" in problems[""][0]
