"""Printing the site from a real browser (Debian's Chromium, headless) gives a clean document.

Every topic page is printed to PDF exactly as a reader's "Print" would (no
background graphics); the PDF's text is checked, its first page is turned
into a PNG under test-output/print/ (for people to look at too), and the QR
code is read back from the picture. Skipped when Chromium is missing, unless
REQUIRE_BROWSER=1 (as in CI).
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfs
import pytest
from conftest import SITE_URL
from playwright.sync_api import Browser

from medinfo.content.loader import Content
from medinfo.content.schema import source_ids
from medinfo.printing.handouts import words_explained
from medinfo.render.plain import long_date, short_date

pdfs.require_poppler()

ADDRESS = SITE_URL  # the public address the test builds are made for
PRINTS = pdfs.TEST_OUTPUT / "print"
# Words that only navigation, search, buttons and the theme's chrome contain.
NOT_ON_PAPER = [
    r"\bSearch\b",
    "Skip to content",
    "Switch to dark mode",
    "Switch to light mode",
    "Handouts to print",
    "About this site",
    "Print this page",
    "Download a printable handout",
    "Made with",
    "#source-",
]
ELEVEN_POINT_PX = 11 * 96 / 72


def print_page(browser: Browser, url: str, pdf: Path, paper: str = "A4") -> Path:
    """Print like a reader: the browser's print dialog, default settings, to a PDF file."""
    page = browser.new_page()
    page.goto(url, wait_until="load")
    pdf.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(pdf), format=paper, print_background=False)
    page.close()
    return pdf


def urgent_levels(content: Content) -> list[tuple[str, str]]:
    """Each urgent-help level's first words and its last sign, to find both on paper."""
    urgent = content.urgent_help
    return [(urgent.phone_words(level.heading)[:25], level.signs[-1].text[:25]) for level in urgent.levels]


def pages_of(pdf: Path) -> list[str]:
    """Each page's text, page 1 first: read once per PDF, then searched for every level."""
    return [pdfs.text(pdf, page=n) for n in range(1, pdfs.page_count(pdf) + 1)]


def page_of(pages: list[str], words: str) -> set[int]:
    """The pages (numbered from 1) on which ``words`` appear."""
    return {n for n, text in enumerate(pages, start=1) if words in text}


@pytest.mark.e2e
def test_every_topic_page_prints_clean_with_review_dates_address_and_qr_code(
    browser: Browser, site_url: str, real_site: Path, real_content: Content
) -> None:
    for entry in real_content.topics:
        pdf = print_page(browser, f"{site_url}topics/{entry.slug}/", PRINTS / f"{entry.slug}.pdf")
        words = pdfs.text(pdf)
        for pattern in NOT_ON_PAPER:
            assert not re.search(pattern, words), f"{entry.slug}: {pattern!r} printed"
        review = entry.topic.review
        pages = pages_of(pdf)
        first = pages[0]
        assert first.startswith(entry.topic.title), entry.slug
        # The one-line note under the title; the full review details at the foot.
        last = short_date(review.last_reviewed)
        # Says what the check was, so it never reads as a clinical review.
        note = f"Facts checked {last} · not by a clinician"
        assert note in first, entry.slug
        assert f"Last reviewed {long_date(review.last_reviewed)}" in words
        assert f"Next review due {long_date(review.next_review_due)}" in words
        assert "Clinical sign-off Not yet checked by a clinician" in words
        address = f"{ADDRESS}topics/{entry.slug}/"
        assert f"Printed from {address}" in first
        # Page 1 is the handout's page 1: when to call 999, and a box for the MS team's details.
        assert "999" in first and "Emergency: call 999" in first, entry.slug
        assert re.search(r"Your MS team\s+Name:\s+Phone:", first), entry.slug
        # And, as in the handout, the page's glossary words explained at its foot.
        html = (real_site / "topics" / entry.slug / "index.html").read_text(encoding="utf-8")
        glossary = words_explained(html)
        assert glossary, entry.slug
        explained = pdfs.squashed(words[words.index("Words explained") :])
        for word, explanation in glossary:  # the start of each (the text of two columns interleaves)
            start = " ".join(explanation.split()[:3])
            assert pdfs.squashed(f"{word}: {start}") in explained, (entry.slug, word)
        first_page = pdfs.to_pngs(pdf, PRINTS, entry.slug, dpi=100, last=1)  # the QR code's page
        assert pdfs.qr_codes(first_page[0]) == [address], entry.slug
        # Each level of "Get help urgently" is never split across two sheets.
        for first, last in urgent_levels(real_content):
            assert len(page_of(pages, first)) == 1, (entry.slug, first)
            assert page_of(pages, first) == page_of(pages, last), (entry.slug, first)


@pytest.mark.e2e
def test_web_addresses_are_printed_after_links_but_not_for_links_inside_the_page(
    browser: Browser, site_url: str, real_content: Content
) -> None:
    pdf = print_page(browser, f"{site_url}topics/side-effects/", PRINTS / "side-effects.pdf")
    words = pdfs.squashed(pdfs.text(pdf))
    entry = next(e for e in real_content.topics if e.slug == "side-effects")
    cited = {s for sec in entry.topic.sections for st in sec.statements for s in source_ids(st.sources)}
    for source_id in cited:
        url = real_content.source(source_id).url
        assert pdfs.squashed(f"({url})") in words, source_id
    assert "[1] (#" not in pdfs.text(pdf)


@pytest.mark.e2e
def test_tracker_and_hand_written_pages_print_with_address(browser: Browser, site_url: str) -> None:
    for path, name in (("monitoring-tracker/", "tracker"), ("", "home"), ("about/", "about")):
        pdf = print_page(browser, site_url + path, PRINTS / f"{name}.pdf")
        words = pdfs.text(pdf)
        assert f"Printed from {ADDRESS}{path}" in words, name
        assert "Next review due" in words, name
        for pattern in NOT_ON_PAPER:
            if not words.startswith(pattern):  # a page's own title is printed, of course
                assert not re.search(pattern, words), f"{name}: {pattern!r} printed"
        pdfs.to_pngs(pdf, PRINTS, name, dpi=80, last=2)


@pytest.mark.e2e
def test_prints_on_us_letter_too(browser: Browser, site_url: str, real_content: Content) -> None:
    pdf = print_page(browser, f"{site_url}topics/side-effects/", PRINTS / "letter-side-effects.pdf", "Letter")
    assert pdfs.page_size_mm(pdf) == (216, 279)
    words = pdfs.text(pdf)
    assert f"Printed from {ADDRESS}topics/side-effects/" in words and "Next review due" in words
    pages = pages_of(pdf)
    for first, last in urgent_levels(real_content):
        assert page_of(pages, first) == page_of(pages, last), first


@pytest.mark.e2e
def test_printed_text_is_black_at_least_11pt_and_links_are_underlined(
    browser: Browser, site_url: str, real_content: Content
) -> None:
    page = browser.new_page()
    page.emulate_media(media="print")
    for entry in real_content.topics:
        page.goto(f"{site_url}topics/{entry.slug}/")
        styles = page.evaluate(
            """() => [...document.querySelectorAll('article *')]
                .filter(el => el.getClientRects().length &&
                        [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
                .map(el => { const s = getComputedStyle(el);
                  return {tag: el.tagName, text: el.textContent.trim().slice(0, 40),
                          size: parseFloat(s.fontSize), color: s.color,
                          underline: s.textDecorationLine.includes('underline')}; })"""
        )
        assert len(styles) > 20
        small = [s for s in styles if s["size"] < ELEVEN_POINT_PX - 0.01]
        assert not small, (entry.slug, small[:3])
        assert {s["color"] for s in styles} == {"rgb(0, 0, 0)"}, entry.slug
        assert all(s["underline"] for s in styles if s["tag"] == "A"), entry.slug
        borders = page.evaluate(
            """() => ['.admonition.urgent-emergency', '.admonition.info'].map(sel => {
                 const s = getComputedStyle(document.querySelector(sel));
                 return [parseFloat(s.borderTopWidth), s.borderTopColor, s.borderLeftColor]; })"""
        )
        (danger, *danger_colours), (info, *info_colours) = borders
        assert danger >= 2 * info, "the urgent box must stand out without colour"
        assert set(danger_colours + info_colours) == {"rgb(0, 0, 0)"}, entry.slug
    page.close()


@pytest.mark.e2e
def test_print_button_and_handout_link_on_screen_only(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}topics/monitoring/")
    button = page.get_by_role("button", name="Print this page")
    assert button.is_visible()
    assert page.get_by_role(
        "link", name=re.compile(r"^Download a printable handout \(PDF, \d+ KB\)$")
    ).is_visible()
    page.evaluate("() => { window.printCalls = 0; window.print = () => { window.printCalls += 1; }; }")
    button.click()
    assert page.evaluate("() => window.printCalls") == 1
    assert not page.locator(".print-origin").is_visible()  # the print header is for paper only
    page.emulate_media(media="print")
    assert not button.is_visible()
    assert page.locator(".print-origin").is_visible()
    page.close()
