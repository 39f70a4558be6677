"""Every page loads in Chromium under its Content Security Policy with no violation.

The browser tests are skipped, with the reason shown, when Chromium is not
installed; CI installs it and sets REQUIRE_BROWSER=1 so they cannot skip there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS
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


def open_pages(base_url: str, paths: list[str], exercise: str | None = None) -> dict[str, list[str]]:
    """Load each page in Chromium; return the policy violations seen on each."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "REQUIRE_BROWSER=1 but Chromium is not installed"
    problems: dict[str, list[str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.add_init_script(COLLECT_VIOLATIONS)
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
        for path in paths:
            page.goto(base_url + path)
            page.wait_for_load_state("networkidle")
            if path == exercise:  # run the scripts: search (a worker and a fetch), palette switch
                page.keyboard.press("/")
                page.keyboard.type("thyroid")
                page.wait_for_selector(".md-search-result__item", timeout=10_000)
                page.keyboard.press("Escape")
                page.locator("label[for^='__palette']").first.click()
            violations = page.evaluate("window.__violations") + [
                c for c in console if "Content Security" in c
            ]
            if violations:
                problems[path] = violations
            console.clear()
        browser.close()
    return problems


@pytest.mark.e2e
@needs_browser
def test_every_page_loads_with_no_policy_violation(real_site: Path, site_url: str) -> None:
    pages = sorted(p.parent.relative_to(real_site).as_posix() for p in real_site.rglob("index.html"))
    paths = ["" if p == "." else p + "/" for p in pages] + ["no-such-page/"]  # and the 404 page
    assert open_pages(site_url, paths, exercise="") == {}


@pytest.mark.e2e
@needs_browser
def test_a_script_outside_the_policy_is_caught(tmp_path: Path) -> None:
    allowed = "document.title = 'allowed';"
    page = f'<html><head><meta charset="utf-8"><script>{allowed}</script></head><body></body></html>'
    protected = with_policy(page).replace("</body>", "<script>document.title = 'smuggled';</script></body>")
    (tmp_path / "index.html").write_text(protected, encoding="utf-8")
    with serve(tmp_path) as url:
        problems = open_pages(url, [""])
    assert list(problems) == [""] and "script-src" in problems[""][0]
