"""A topic page on a 390x844 phone: what a patient meets first.

The anchors are the NHS website's medicine pages: the urgent care card comes
early, and review dates are one quiet line under the title (the details are
at the foot of the page).
"""

from __future__ import annotations

import os
import re

import pytest
from chromium import CHROMIUM

if CHROMIUM is None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise RuntimeError("REQUIRE_BROWSER=1 but Chromium is not installed")
    pytest.skip("Chromium is not installed: page layout checks skipped", allow_module_level=True)

from collections.abc import Iterator  # noqa: E402

from playwright.sync_api import Browser, Page, ViewportSize, expect  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError  # noqa: E402

from medinfo.content.loader import Content  # noqa: E402

PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a new phone-sized browser context, closed after the test even if it fails."""
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.e2e
def test_on_a_phone_urgent_help_comes_early_and_the_review_note_is_one_line(
    page: Page, site_url: str, real_content: Content
) -> None:
    for entry in real_content.topics:
        page.goto(f"{site_url}topics/{entry.slug}/")
        urgent = page.locator("h2", has_text="Get help urgently")
        top = urgent.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
        assert top <= 1.5 * PHONE["height"], (entry.slug, top)
        note = page.locator(".review-note")
        height, line = note.evaluate(
            "e => [e.getBoundingClientRect().height, parseFloat(getComputedStyle(e).lineHeight)]"
        )
        assert height <= 48 and height < 1.5 * line, (entry.slug, height, line)  # a single line
        assert page.locator("#review-details").count() == 1  # where the note's link leads
        details = page.locator("#review-details").evaluate("e => e.getBoundingClientRect().top")
        assert details > top, entry.slug  # the full details come after the urgent card


@pytest.mark.e2e
def test_the_first_phone_screen_of_every_topic_calls_999_with_a_tap(
    page: Page, site_url: str, real_content: Content
) -> None:
    """999 and 112 as tel: links on the first screen, and one tap to the page's full card."""
    for entry in real_content.topics:
        page.goto(f"{site_url}topics/{entry.slug}/")
        for number in ("999", "112"):
            link = page.locator(f"article a[href='tel:{number}']").first
            box = link.bounding_box()
            assert box is not None and box["y"] + box["height"] <= PHONE["height"], (entry.slug, number, box)
            assert box["height"] >= 24 and box["width"] >= 24, (entry.slug, box)  # WCAG 2.2, 2.5.8
        page.locator("article .urgent-strip a[href='#get-help-urgently']").click()
        heading = page.locator("#get-help-urgently")
        top = heading.evaluate("e => e.getBoundingClientRect().top")
        assert 0 <= top < PHONE["height"] / 2, (entry.slug, top)  # the card, in view
    # Every number on the card can be tapped too: the 111 fallback included.
    assert page.locator("article .urgent-now a[href='tel:111']").count() == 1


@pytest.mark.e2e
def test_the_tracker_fits_a_360px_phone_without_widening_the_page(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{site_url}monitoring-tracker/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # the page never widens
    sheet = page.locator(".tracker-table-scroll").first
    # The sheet scrolls sideways in its own box, which a keyboard can reach to scroll it too.
    assert sheet.evaluate("e => e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX === 'auto'")
    assert sheet.get_attribute("tabindex") == "0" and sheet.get_attribute("aria-label")


@pytest.mark.e2e
def test_citation_marks_are_easy_to_tap_and_show_their_source_where_the_reader_is(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}topics/side-effects/")
    sources = page.locator("article details.source-list")
    assert not sources.evaluate("d => d.open")  # folded: the sources do not fill the page
    sizes_of = "links => links.map(a => [a.getBoundingClientRect().width, a.getBoundingClientRect().height])"
    sizes = page.locator("article a.citation").evaluate_all(sizes_of)
    assert len(sizes) > 20
    assert min(min(size) for size in sizes) >= 24, min(sizes)
    # Tap a mark halfway down: its source shows in view, and the page neither jumps nor grows.
    mark = page.locator("article a.citation").nth(len(sizes) // 2)
    mark.scroll_into_view_if_needed()
    before = page.evaluate("[scrollY, document.documentElement.scrollHeight]")
    mark.click()
    popup = page.get_by_role("dialog", name=f"Source {mark.inner_text().strip('[]')}")
    expect(popup).to_be_visible()
    assert page.evaluate("[scrollY, document.documentElement.scrollHeight]") == before
    assert page.evaluate("location.hash") == ""
    entry = page.locator(str(mark.get_attribute("href")))
    listed = entry.evaluate(
        "e => { const c = e.cloneNode(true); c.querySelectorAll('.citation-backs').forEach(b => b.remove());"
        " return c.textContent.trim(); }"
    )
    assert " ".join(listed.split()) in " ".join(popup.inner_text().split())
    box = popup.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    assert popup.evaluate("p => p.contains(document.activeElement)")  # focus went to the source
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)
    assert mark.evaluate("m => m === document.activeElement")  # and back to the mark
    # From the box, the whole list: it opens on the source, which links back to the mark.
    mark_id = mark.get_attribute("id")
    mark.click()
    popup.get_by_role("link", name="All the sources of this page").click()
    assert sources.evaluate("d => d.open")
    target = page.evaluate("location.hash.slice(1)")
    source_top = page.locator(f'[id="{target}"]').evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= source_top < PHONE["height"], source_top
    back_sizes = page.locator("article a.citation-back").evaluate_all(sizes_of)
    assert min(min(size) for size in back_sizes) >= 24, min(back_sizes)
    back = page.locator(f'[id="{target}"] a.citation-back[href="#{mark_id}"]')
    assert back.count() == 1, (target, mark_id)
    back.click()
    assert page.evaluate("location.hash") == f"#{mark_id}"
    top = mark.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"], top  # the reader is back at the statement they left


GROUPS = ["About Lemtrada", "Having treatment", "Living with it", "Print and handouts", "About this site"]


@pytest.mark.e2e
def test_the_menu_is_grouped_and_every_page_links_to_the_next(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}topics/side-effects/")
    title = page.locator(".md-header__title .md-ellipsis").first
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth"), "the site's name is cut off"
    menu = page.locator("button.site-menu-button")
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    top_level = ".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link"
    labels = page.locator(top_level).evaluate_all("links => links.map(link => link.textContent)")
    shown = [" ".join(label.split()) for label in labels]
    for group in GROUPS:
        assert group in shown, (group, shown)
    assert shown.index("About Lemtrada") < shown.index("Having treatment") < shown.index("Living with it")
    page.goto(f"{site_url}topics/side-effects/")
    footer = page.locator(".md-footer__link")
    assert footer.count() == 2  # previous and next
    assert "New immune problems" in footer.last.inner_text()


@pytest.mark.e2e
def test_a_reader_who_asks_for_less_motion_gets_none(browser: Browser, site_url: str) -> None:
    """Dizziness is common with MS: with the device's "reduce motion" on, the phone menu, search
    and the menu's groups open at once instead of sliding (the theme's own rule; the site's CSS
    must not bring the motion back)."""
    moving = ".md-sidebar--primary, .md-search__inner, .md-nav__toggle ~ .md-nav"
    durations = (
        "all => all.map(e => Math.max(...getComputedStyle(e).transitionDuration.split(',').map(parseFloat)))"
    )
    for motion in ("no-preference", "reduce"):
        context = browser.new_context(viewport=PHONE, reduced_motion=motion)
        page = context.new_page()
        page.goto(f"{site_url}topics/side-effects/")
        longest = page.locator(moving).evaluate_all(durations)
        context.close()
        assert len(longest) >= 3, motion
        if motion == "reduce":
            assert all(seconds < 0.001 for seconds in longest), longest
        else:  # they slide (Material's 0.125-0.25 s): so the setting is what stops them
            assert all(seconds >= 0.1 for seconds in longest), longest


@pytest.mark.e2e
def test_every_topic_is_two_taps_from_the_phone_menu_and_urgent_help_stands_apart(
    page: Page, site_url: str, real_content: Content
) -> None:
    page.emulate_media(reduced_motion="reduce")  # the taps count, not the menu's slide (tested above)
    for entry in real_content.topics:
        page.goto(site_url)
        page.locator("button.site-menu-button").click()
        taps = 0
        group = entry.topic.menu_group
        top = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")
        if group:
            top.filter(has_text=re.compile(rf"^\s*{re.escape(group)}\s*$")).click()
            taps += 1
        title = entry.topic.title  # as the menu lists it (topic_menu)
        page.locator(".md-nav--primary").get_by_role("link", name=title, exact=True).click()
        taps += 1
        page.wait_for_url(f"{site_url}topics/{entry.slug}/")
        assert taps <= 2, entry.slug
    # Get help urgently: the one menu entry with an icon, bold and in its own colour.
    page.goto(f"{site_url}topics/side-effects/")
    page.locator("button.site-menu-button").click()
    links = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")
    urgent = links.filter(has_text="Get help urgently")
    home = links.filter(has_text="Home")
    assert urgent.locator("svg").count() == 1 and home.locator("svg").count() == 0
    style = "e => [getComputedStyle(e).fontWeight, getComputedStyle(e).color]"
    assert urgent.evaluate(style) != home.evaluate(style)
    assert int(urgent.evaluate(style)[0]) >= 700


@pytest.mark.e2e
def test_questions_open_and_close_and_all_print_open(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}faq/")
    answers = page.locator("article details.faq-answer")
    assert answers.count() >= 10
    assert answers.evaluate_all("all => all.every(a => !a.open)")  # a short list of questions
    height_closed = page.evaluate("document.querySelector('article').scrollHeight")
    first = answers.first
    first.locator("summary").click()
    assert first.evaluate("a => a.open")
    assert first.locator("a.citation").first.is_visible()  # its sources come with it
    first.locator("summary").click()
    assert not first.evaluate("a => a.open")
    page.emulate_media(media="print")
    # The media-query change event arrives asynchronously: wait for it (fails after 5 s).
    page.wait_for_function(
        "() => [...document.querySelectorAll('article details')].every(a => a.open)",
        timeout=5000,
    )  # paper shows every answer, and the source list
    assert page.evaluate("document.querySelector('article').scrollHeight") > height_closed


@pytest.mark.e2e
@pytest.mark.parametrize("words", ["emergency", "999", "A&E", "ambulance"])
def test_searching_emergency_words_finds_urgent_help(page: Page, site_url: str, words: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})  # the search box shows on a desktop
    page.goto(site_url)
    page.keyboard.press("/")  # Material's shortcut: open search
    page.keyboard.type(words)
    # Results come in as each letter is typed: wait for the whole word's results, then look.
    top_five = "[...document.querySelectorAll('.md-search-result__item')].slice(0, 5)"
    try:
        page.wait_for_function(
            f"() => {top_five}.some(item => item.innerText.includes('Get help urgently'))",
            timeout=10_000,
        )
    except PlaywrightTimeoutError:
        results = page.locator(".md-search-result__item").all_inner_texts()
        pytest.fail(f"no urgent help in the first five results for {words!r}: {results[:5]}")


# What patients type, and the page that must come first. Pages earn their place through their
# 'search_words' (search tags, which Material ranks first): urgent-help.yaml and each topic's.
FIRST_RESULTS = [
    ("emergency", "Get help urgently"),
    ("999", "Get help urgently"),
    ("ambulance", "Get help urgently"),
    ("A&E", "Get help urgently"),
    ("liver", "Tests and checks"),
    ("blood test", "Tests and checks"),
    ("blood tests", "Tests and checks"),
    ("hair loss", "All the side effects in the leaflet"),
    ("unwell", "Get help urgently"),
    # Found by its stem only: the site says "headache", never "headaches".
    ("headaches", "Get help urgently"),
]
# The words people use in the questions page's questions: each finds at least one page.
FAQ_WORDS = ["safe", "courses", "pregnant", "breastfeeding", "infections", "vaccines", "food", "report"]


def search(page: Page, site_url: str, words: str) -> list[str]:
    """The titles of the search results for ``words``, typed as a reader types them."""
    page.set_viewport_size({"width": 1280, "height": 800})  # the search box shows on a desktop
    page.goto(site_url)
    page.keyboard.press("/")  # Material's shortcut: open search
    page.locator(".md-search__input").fill(words)  # the whole query at once: one answer to wait for
    page.keyboard.press("End")  # the theme reads the box on a key's release, as when a reader types
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"matching document|^No page uses"))
    titles = page.locator(".md-search-result__item h1")
    if "matching document" in meta.inner_text():  # the count comes a moment before the list
        titles.first.wait_for()
    return titles.all_inner_texts()


@pytest.mark.e2e
@pytest.mark.parametrize(("words", "first"), FIRST_RESULTS)
def test_search_puts_the_right_page_first(page: Page, site_url: str, words: str, first: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})  # the search box shows on a desktop
    page.goto(site_url)
    page.keyboard.press("/")  # Material's shortcut: open search
    page.keyboard.type(words)
    title = ".md-search-result__item h1"
    try:  # results come in as each letter is typed: wait for the whole query's first result
        page.wait_for_function(
            f"() => (document.querySelector({title!r}) || {{}}).innerText === {first!r}", timeout=10_000
        )
    except PlaywrightTimeoutError:
        results = page.locator(title).all_inner_texts()
        pytest.fail(f"{words!r}: first results {results[:3]}, expected {first!r}")


SEARCH_FILES = ("search/search_index.json", "assets/search-worker.js", "/javascripts/workers/search.")


def is_search_file(url: str) -> bool:
    """The index, the site's search worker or the theme's worker it loads."""
    return any(part in url for part in SEARCH_FILES)


@pytest.mark.e2e
def test_search_loads_only_when_it_is_opened_then_finds_its_pages(page: Page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}topics/side-effects/", wait_until="networkidle")
    assert not [url for url in requested if is_search_file(url)]  # a page only read costs no search
    page.locator("label.md-header__button[for=__search]").click()
    page.keyboard.type("liver")
    expect(page.locator(".md-search-result__item h1").first).to_have_text("Tests and checks")
    loaded = [url for url in requested if is_search_file(url)]
    found = sorted(part for part in SEARCH_FILES for url in loaded if part in url)
    assert found == sorted(SEARCH_FILES), loaded  # the index, the site's worker and the theme's, once each
    # Arriving with a search in the address (?q=) opens search and loads it.
    page.goto(f"{site_url}?q=ambulance")
    expect(page.locator(".md-search-result__item h1").first).to_have_text("Get help urgently")


@pytest.mark.e2e
def test_search_finds_the_questions_pages_words_and_says_plainly_when_nothing_matches(
    page: Page, site_url: str
) -> None:
    for word in FAQ_WORDS:
        assert search(page, site_url, word), word
    assert search(page, site_url, "alcohol") == []
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile("^No page uses that word"))
    # A typed word found by its stem is not marked "not found" under the results.
    assert search(page, site_url, "headaches")
    assert page.locator(".md-search-result__terms").count() == 0


@pytest.mark.e2e
def test_the_home_pages_first_screen_names_the_medicine_and_links_to_topics(
    page: Page, site_url: str, real_content: Content
) -> None:
    page.goto(site_url)
    heading = page.locator("h1").inner_text()
    assert real_content.medicine.brand_name in heading and real_content.medicine.generic_name in heading
    topic_paths = {f"topics/{entry.slug}/" for entry in real_content.topics}
    in_view = page.locator("article a[href]").evaluate_all(
        """(links, height) => links
            .filter(a => a.getBoundingClientRect().bottom <= height)
            .map(a => a.getAttribute('href'))""",
        PHONE["height"],
    )
    assert len([href for href in in_view if href in topic_paths]) >= 3, in_view
    nurses = page.locator("article a[href='handouts/']")
    assert nurses.count() == 1  # a route for nurses to the handouts


@pytest.mark.e2e
def test_glossary_explanations_are_body_size_and_fit_a_320px_phone(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(f"{site_url}topics/immune-problems/")  # the page with the most medical words
    body_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('article.md-typeset')).fontSize)"
    )
    words = page.locator("article abbr.glossary-term[tabindex='0']:not(details:not([open]) *)")
    assert words.count() > 10
    for index in range(words.count()):
        word = words.nth(index)
        word.click()  # a tap opens the explanation
        tooltip = page.locator(f"#{word.get_attribute('aria-describedby')} .md-tooltip2__inner")
        tooltip.wait_for(state="visible")
        left, right, size = tooltip.evaluate(
            "e => [e.getBoundingClientRect().left, e.getBoundingClientRect().right,"
            " parseFloat(getComputedStyle(e).fontSize)]"
        )
        assert left >= 0 and right <= 320, (word.inner_text(), left, right)
        assert size >= body_size, (word.inner_text(), size, body_size)


@pytest.mark.e2e
def test_risk_pictures_to_compare_stand_side_by_side_from_360px(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{site_url}topics/benefits-and-risks/")
    pair = page.locator(".icon-array-group").first.locator("figure")
    assert pair.count() == 2  # Lemtrada and interferon beta-1a, from the same trial
    boxes = [figure.locator("svg").bounding_box() for figure in pair.all()]
    assert boxes[0] and boxes[1]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["width"] == boxes[1]["width"]  # level, one size
    assert boxes[1]["x"] + boxes[1]["width"] <= 360  # both on the screen at once
    for figure in pair.all():
        assert figure.locator(".icon-array__title").inner_text().strip()  # a short title above
        caption = figure.locator("figcaption")
        style, lines = caption.evaluate(
            "c => [getComputedStyle(c).fontStyle,"
            " c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight)]"
        )
        # Upright, and short enough to read beside its pair: the medicine is in the title above,
        # the outcome, time and trial in the caption (picture_shows).
        assert style == "normal" and lines <= 4.2, (style, lines)
