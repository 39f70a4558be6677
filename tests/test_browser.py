"""In a real browser (Debian's Chromium): the banner script warns once the date has passed.

Skipped, with the reason shown, when Chromium is not installed; `.ci/run`
installs it and sets REQUIRE_BROWSER=1 so that CI fails rather than skips.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import CHROMIUM
from serving import serve

if CHROMIUM is None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise RuntimeError("REQUIRE_BROWSER=1 but Chromium is not installed")
    pytest.skip("Chromium is not installed: browser checks skipped", allow_module_level=True)

from playwright.sync_api import Browser, Page  # noqa: E402


@pytest.fixture(scope="module")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    with serve(fixture_site) as url:
        yield url


def open_on(browser: Browser, url: str, day: dt.date) -> Page:
    """Open ``url`` in a browser whose clock says it is ``day``."""
    page = browser.new_page()
    page.clock.install(time=dt.datetime.combine(day, dt.time(12, 0)))
    page.goto(url)
    return page


def warning_visible(page: Page) -> bool:
    return page.locator(".review-banner__warning").is_visible()


# The made-up medicine was built on 2026-06-01, when no page was overdue.
@pytest.mark.e2e
@pytest.mark.parametrize(
    ("day", "works_overdue", "side_effects_overdue"),
    [
        (dt.date(2026, 6, 2), False, False),
        (dt.date(2027, 1, 15), False, False),  # due today: not yet overdue
        (dt.date(2027, 1, 16), True, False),
        (dt.date(2027, 3, 1), True, True),
    ],
)
def test_banner_switches_to_warning_in_the_readers_browser(
    browser: Browser,
    fixture_url: str,
    day: dt.date,
    works_overdue: bool,
    side_effects_overdue: bool,
) -> None:
    for path, overdue in (
        ("topics/how-it-works/", works_overdue),
        ("topics/side-effects/", side_effects_overdue),
    ):
        page = open_on(browser, fixture_url + path, day)
        assert warning_visible(page) is overdue, (path, day)
        classes = page.locator("aside.review-banner").get_attribute("class") or ""
        assert ("review-banner--overdue" in classes) is overdue
        # The one-line note under the title says so too, in amber, not the urgent card's red.
        note = page.locator(".review-note")
        assert ("Overdue for review" in note.inner_text()) is overdue, (path, day)
        assert ("review-note--overdue" in (note.get_attribute("class") or "")) is overdue
        if overdue:
            background = note.evaluate("e => getComputedStyle(e).backgroundColor")
            red, green, _ = (int(part) for part in background[4:-1].split(",")[:3])
            assert red > 200 and green > 200, background  # light amber: red and green both high
        page.close()


@pytest.mark.e2e
def test_glossary_explanation_shows_on_keyboard_focus(browser: Browser, fixture_url: str) -> None:
    page = browser.new_page()
    page.goto(fixture_url + "topics/how-it-works/")
    for _ in range(60):  # tab until the first glossary word has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    # A selector, not wait_for_function: Playwright evaluates a function's text
    # with eval(), which the site's Content Security Policy rightly refuses.
    tooltip_id = page.locator(":focus[aria-describedby]").get_attribute("aria-describedby")
    tooltip = page.locator(f"#{tooltip_id}")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text() == "A made-up illness used to test this website."
    page.close()
