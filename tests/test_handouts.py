"""Printable handouts: one PDF per topic (at most 2 A4 pages), the tracker and the starter pack.

Checked in real ``mkdocs build --strict`` output: the PDFs' text (with
poppler's pdftotext), their page counts and sizes, the QR codes read back
from pictures of the pages, and the links and sizes shown on the site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfs
import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_TODAY, SITE_URL, make_fixture_project, mkdocs_build
from PIL import Image
from weasyprint import HTML  # type: ignore[import-untyped]  # as in medinfo.printing.pdf
from weasyprint.formatting_structure import boxes  # type: ignore[import-untyped]

from medinfo.content.loader import Content
from medinfo.content.schema import cites
from medinfo.printing.handouts import PageForPrint, handout_html, pack_html, words_explained
from medinfo.printing.pdf import PdfError, html_to_pdf
from medinfo.render.iconarray import icon_array, icon_array_figure
from medinfo.render.markdown import plain_statement
from medinfo.render.plain import long_date

pdfs.require_poppler()

ADDRESS = SITE_URL  # the public address the test builds are made for
A4_MM = (210, 297)
MAX_PAGES = 4  # every topic handout: two sheets, both sides (most take one); the tracker is not held to it
SOURCES_MIN_PT = 8.5  # the numbered source list may be smaller than the facts, never smaller than this
PNG_FOLDER = pdfs.TEST_OUTPUT / "handouts"


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def statement_texts(entry_topic: object) -> list[str]:
    """Each statement as the site words it (numbers in words), without its source marks."""
    return [
        plain_statement(statement)
        for section in entry_topic.sections  # type: ignore[attr-defined]
        for statement in section.statements
    ]


def handout_file(site: Path, soup: BeautifulSoup, page_path: str) -> tuple[Path, str]:
    link = soup.select_one(".print-tools a[href$='.pdf']")
    assert link is not None, page_path
    return (site / page_path / str(link["href"])).resolve(), " ".join(link.get_text().split())


# --- Topic handouts -----------------------------------------------------------------


@pytest.mark.e2e
def test_every_topic_links_its_handout_with_its_real_size(real_site: Path, real_content: Content) -> None:
    for entry in real_content.topics:
        pdf, label = handout_file(
            real_site, soup_of(real_site, f"topics/{entry.slug}"), f"topics/{entry.slug}"
        )
        assert pdf == real_site / "handouts" / f"lemtrada-{entry.slug}.pdf"
        size_kb = max(1, round(pdf.stat().st_size / 1024))
        assert label == f"Download a printable handout (PDF, {size_kb} KB)"
        assert pdf.read_bytes().startswith(b"%PDF-")


@pytest.mark.e2e
def test_each_handout_fits_two_a4_sheets_with_every_fact_and_its_sources(
    real_site: Path, real_content: Content
) -> None:
    for entry in real_content.topics:
        pdf = real_site / "handouts" / f"lemtrada-{entry.slug}.pdf"
        pages = pdfs.page_count(pdf)
        assert pages <= MAX_PAGES, f"{entry.slug}: {pages} pages"
        assert pdfs.page_size_mm(pdf) == A4_MM
        # Page by page, without the footers, so a paragraph running onto the next sheet still matches.
        footer = re.compile(rf"{re.escape(entry.topic.title)} \u2014 next review due .*? Page \d+ of \d+")
        body = " ".join(footer.sub(" ", pdfs.text(pdf, page=n, raw=True)) for n in range(1, pages + 1))
        words = pdfs.squashed(body)
        for text in statement_texts(entry.topic):
            assert pdfs.squashed(text) in words, f"{entry.slug}: {text[:60]}"
        for cite in {c for sec in entry.topic.sections for st in sec.statements for c in cites(st.sources)}:
            source = real_content.source(cite.source)
            assert pdfs.squashed(source.title) in words, (entry.slug, cite)
            # Each source by name; its long address is a scan away (the header says so), not printed.
            assert pdfs.squashed(source.url) not in words, (entry.slug, cite)
            if cite.place:  # and the part of the source, in words
                assert pdfs.squashed(f"{source.short_name}, {cite.place}") in words, (entry.slug, cite)
        assert pdfs.squashed("for the latest version, with a link to each source") in words


@pytest.mark.e2e
def test_each_handout_carries_review_dates_address_and_team_box(
    real_site: Path, real_content: Content
) -> None:
    for entry in real_content.topics:
        pdf = real_site / "handouts" / f"lemtrada-{entry.slug}.pdf"
        first = pdfs.text(pdf, page=1)
        review = entry.topic.review
        assert entry.topic.title in first
        assert f"Last reviewed: {long_date(review.last_reviewed)}" in first
        assert f"Next review due: {long_date(review.next_review_due)}" in first
        assert f"Reviewed by: {review.reviewed_by}" in first
        assert "Clinical sign-off: Not yet checked by a clinician" in first  # none is signed off yet
        assert f"Printed from {ADDRESS}topics/{entry.slug}/" in first
        assert "Your MS team Name: Phone:" in first
        # The urgent-help card starts on page 1 with its 999 level (as on NHS care cards: first, not
        # last). Its other levels follow straight after: with every sign the leaflet says needs the
        # MS team straight away, the whole card at 12pt is too long for page 1 as well.
        card = [
            pdfs.squashed(real_content.urgent_help.phone_words(lv.heading))
            for lv in real_content.urgent_help.levels
        ]
        assert card[0] in pdfs.squashed(first)
        first_two = pdfs.squashed(pdfs.text(pdf, page=1) + pdfs.text(pdf, page=2))
        positions = [first_two.index(heading) for heading in card]
        assert positions == sorted(positions), entry.slug
        for number in range(1, pdfs.page_count(pdf) + 1):  # every sheet says when it must be replaced
            assert f"next review due {long_date(review.next_review_due)}" in pdfs.text(pdf, page=number)


@pytest.mark.e2e
def test_each_handout_ends_by_explaining_the_glossary_words_it_uses(
    real_site: Path, real_content: Content
) -> None:
    for entry in real_content.topics:
        words = words_explained(printable(real_site, real_content, entry.slug).body_html)
        assert len(words) >= 3, entry.slug
        pdf = real_site / "handouts" / f"lemtrada-{entry.slug}.pdf"
        # The list may start on the page before the last; it is what the handout ends with.
        pages = [pdfs.text(pdf, page=n, raw=True) for n in range(1, pdfs.page_count(pdf) + 1)]
        last = " ".join(pages[-2:])
        assert "Words explained" in last, entry.slug
        ending = pdfs.squashed(last[last.index("Words explained") :])
        for word, explanation in words:
            assert pdfs.squashed(word + explanation) in ending, (entry.slug, word)


@pytest.mark.e2e
def test_handout_qr_code_leads_back_to_the_page(real_site: Path, real_content: Content) -> None:
    for entry in real_content.topics:
        pdf = real_site / "handouts" / f"lemtrada-{entry.slug}.pdf"
        first_page = pdfs.to_pngs(pdf, PNG_FOLDER, f"handout-{entry.slug}", last=1)  # the QR code's page
        assert len(first_page) == 1, pdf
        assert pdfs.qr_codes(first_page[0]) == [f"{ADDRESS}topics/{entry.slug}/"]


# --- The starter pack and the tracker ------------------------------------------------


@pytest.mark.e2e
def test_pack_has_a_cover_contents_and_every_topic_and_the_tracker(
    real_site: Path, real_content: Content
) -> None:
    pack = real_site / "handouts" / "starting-lemtrada.pdf"
    pngs = pdfs.to_pngs(pack, PNG_FOLDER, "pack", last=2)
    assert pdfs.qr_codes(pngs[0]) == [f"{ADDRESS}handouts/"]
    cover = pdfs.text(pack, page=1)
    assert cover.startswith("Lemtrada (alemtuzumab): information for patients Starting Lemtrada")
    assert f"Printed from {ADDRESS}handouts/" in cover
    due = min(entry.topic.review.next_review_due for entry in real_content.topics)
    assert f"Replace this pack by {long_date(due)}." in cover
    assert "None of these sections has been checked by a clinician yet." in cover
    assert "Your MS team Name: Phone:" in cover
    titles = ["Get help urgently"] + [entry.topic.title for entry in real_content.topics]
    titles += ["Monitoring tracker", "Sources"]
    contents = cover[cover.index("Contents") :]
    starts = []
    for number, title in enumerate(titles, start=1):
        match = re.search(rf"{number}\. {re.escape(title)}[ .]*page (\d+)", contents)
        assert match, title
        starts.append(int(match.group(1)))
        assert title in pdfs.text(pack, page=starts[-1])[:200], f"{title} is not on page {starts[-1]}"
    assert starts == sorted(starts) and starts[:2] == [2, 3]  # the urgent-help card, then the pages
    assert pdfs.page_count(pack) >= starts[-1]


@pytest.mark.e2e
def test_page_1_of_the_tracker_and_the_pack_says_when_to_call_999(
    real_site: Path, real_content: Content
) -> None:
    emergency = pdfs.squashed(
        real_content.urgent_help.phone_words(real_content.urgent_help.levels[0].heading)
    )
    for name in ("lemtrada-monitoring-tracker.pdf", "starting-lemtrada.pdf"):
        assert emergency in pdfs.squashed(pdfs.text(real_site / "handouts" / name, page=1)), name


@pytest.mark.e2e
def test_pack_prints_the_urgent_card_and_the_sources_once(real_site: Path, real_content: Content) -> None:
    pack = real_site / "handouts" / "starting-lemtrada.pdf"
    text = [pdfs.text(pack, page=n) for n in range(1, pdfs.page_count(pack) + 1)]
    emergency = real_content.urgent_help.phone_words(real_content.urgent_help.levels[0].heading)
    # The card's 999 level on the cover (page 1), and the whole card once, on page 2.
    assert pdfs.squashed(text[0]).count(pdfs.squashed(emergency)) == 1
    assert pdfs.squashed(" ".join(text[1:])).count(pdfs.squashed(emergency)) == 1
    assert text[1].startswith("Get help urgently")  # page 2, straight after the cover
    assert " ".join(text).count("does not replace advice") == 1
    assert text[-1].startswith("Sources")
    # The same, in the pack's HTML: one card, one list, and every mark numbered against that list.
    pages = [printable(real_site, real_content, entry.slug) for entry in real_content.topics]
    html = BeautifulSoup(pack_html(pages, real_content, f"{ADDRESS}handouts/"), "html.parser")
    assert len(html.select(".urgent-emergency")) == 2  # on the cover, and in the card
    assert len(html.select(".urgent-now")) == 1 and len(html.select(".not-advice")) == 1
    lists = html.select("details.source-list")
    assert len(lists) == 1
    listed = [str(item["id"]) for item in lists[0].select("ol > li")]
    assert len(listed) == len(set(listed)) > 20
    marks = html.select("a.citation")
    assert len(marks) > 200
    for mark in marks:
        anchor = str(mark["href"]).removeprefix("#")
        assert mark.get_text() == f"[{listed.index(anchor) + 1}]", (mark, anchor)
    assert {str(mark["href"]).removeprefix("#") for mark in marks} == set(listed)  # no entry goes unused


@pytest.mark.e2e
def test_tracker_page_and_pdf_list_every_month_with_boxes(real_site: Path) -> None:
    soup = soup_of(real_site, "monitoring-tracker")
    tables = soup.select("table.tracker-table")
    assert [len(t.select("tbody tr")) for t in tables] == [12, 48]
    headings = [th.get_text() for th in tables[0].select("thead th")]
    assert headings == [
        "Month",
        "Month and year",
        "Blood test",
        "Liver blood test",
        "Urine test",
        "Thyroid blood test",
        "Cervical screening",
        "Skin check",
        "Notes",
    ]
    assert soup.select_one("aside.review-banner") is not None
    pdf, label = handout_file(real_site, soup, "monitoring-tracker")
    assert pdf.name == "lemtrada-monitoring-tracker.pdf" and label.startswith("Download the tracker (PDF, ")
    pdfs.to_pngs(pdf, PNG_FOLDER, "tracker")
    words = pdfs.text(pdf)
    assert "Part 1: From your first course to your second course" in words
    assert "Part 2: The 48 months after your last course" in words
    for heading in headings:
        assert words.count(heading) >= 2, heading  # each part's table, and its continuation pages
    assert f"Printed from {ADDRESS}monitoring-tracker/" in words
    assert "First course:" in words and "Second course:" in words


@pytest.mark.e2e
def test_handouts_page_lists_every_pdf_with_size_and_pages(real_site: Path, real_content: Content) -> None:
    soup = soup_of(real_site, "handouts")
    items = [" ".join(li.get_text().split()) for li in soup.select(".print-downloads li")]
    assert len(items) == len(real_content.topics) + 2
    assert items[0].startswith("Starting Lemtrada (PDF, ")
    for item, link in zip(items, soup.select(".print-downloads a"), strict=True):
        pdf = (real_site / "handouts" / str(link["href"])).resolve()
        pages = pdfs.page_count(pdf)
        size_kb = max(1, round(pdf.stat().st_size / 1024))
        assert item.endswith(f"(PDF, {size_kb} KB, {pages} {'page' if pages == 1 else 'pages'})"), item
        # No small print on any of them: captions, footers and sources included.
        assert pdfs.smallest_text_pt(pdf) >= 10, item


# --- Any medicine, rebuilt the same --------------------------------------------------


@pytest.mark.e2e
def test_second_medicine_gets_handouts_and_a_pack_but_no_tracker(fixture_site: Path) -> None:
    folder = fixture_site / "handouts"
    assert sorted(p.name for p in folder.glob("*.pdf")) == [
        "starting-zelvora.pdf",
        "zelvora-how-it-works.pdf",
        "zelvora-side-effects.pdf",
    ]
    assert not (fixture_site / "monitoring-tracker").exists()
    works = pdfs.text(folder / "zelvora-how-it-works.pdf")
    assert (
        "Clinical sign-off: Signed off by Dr Test Example, consultant in test fever on 20 January 2026"
        in works
    )
    assert "Your test fever team Name: Phone:" in works
    cover = pdfs.text(folder / "starting-zelvora.pdf", page=1)
    assert "1 of 2 sections have been signed off by a clinician" in cover
    for pdf in folder.glob("*.pdf"):
        assert "lemtrada" not in pdfs.text(pdf).lower()


@pytest.mark.e2e
def test_pdfs_are_byte_identical_when_rebuilt(fixture_site: Path, tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path / "project")
    again = tmp_path / "site"
    result = mkdocs_build(project / "mkdocs.yml", again, today=FIXTURE_TODAY)
    assert result.returncode == 0, result.stderr
    first = sorted((fixture_site / "handouts").glob("*.pdf"))
    assert first
    for pdf in first:
        assert (again / "handouts" / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name


# --- The PDF maker on its own ---------------------------------------------------------


@pytest.mark.e2e
@pytest.mark.parametrize(
    "reference",
    [
        '<img src="https://example.org/tracker.png" alt="">',
        '<img src="file:///etc/hostname" alt="">',
        '<link rel="stylesheet" href="http://127.0.0.1:9/evil.css">',
    ],
)
def test_pdf_maker_reads_nothing_outside_the_site(reference: str) -> None:
    with pytest.raises(PdfError, match="not part of the site"):
        html_to_pdf(f"<html><head></head><body><p>Hi</p>{reference}</body></html>", ADDRESS)


@pytest.mark.e2e
def test_pdf_maker_reads_the_sites_own_files() -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    )
    asked: list[str] = []

    def lookup(url: str) -> bytes | None:
        asked.append(url)
        return svg if url == f"{ADDRESS}assets/box.svg" else None

    pdf = html_to_pdf('<p>Box</p><img src="../assets/box.svg" alt="">', f"{ADDRESS}topics/", lookup)
    assert pdf.pages == 1 and pdf.data.startswith(b"%PDF-")
    assert asked == [f"{ADDRESS}assets/box.svg"]


def _text_sizes(html: str) -> list[tuple[float, str, bool]]:
    """(font size in pt, text, whether it is in the source list) of every piece of text
    laid out in the page bodies, footers left out."""
    found: list[tuple[float, str, bool]] = []

    def walk(box: boxes.Box, in_sources: bool) -> None:
        if isinstance(box, boxes.MarginBox):
            return
        element = getattr(box, "element", None)
        if element is not None and str(element.get("id", "")).startswith("source-"):
            in_sources = True  # each source is an <li id="source-...">
        if isinstance(box, boxes.TextBox) and box.text.strip():
            found.append((box.style["font_size"] * 0.75, box.text, in_sources))
        for child in getattr(box, "children", []):
            walk(child, in_sources)

    for page in HTML(string=html).render().pages:
        walk(page._page_box, False)
    return found


def printable(real_site: Path, real_content: Content, slug: str) -> PageForPrint:
    """A topic page as the build hands it to the handouts: its article, without what the hooks add."""
    entry = next(e for e in real_content.topics if e.slug == slug)
    article = soup_of(real_site, f"topics/{slug}").select_one("article")
    assert article is not None, slug
    for selector in ("h1", "aside.review-banner", ".print-origin", ".print-tools", ".md-content__button"):
        for element in article.select(selector):
            element.decompose()
    return PageForPrint(
        slug, entry.topic.title, f"{ADDRESS}topics/{slug}/", entry.topic.review, article.decode_contents()
    )


@pytest.mark.e2e
def test_handout_text_is_at_least_12pt(real_site: Path, real_content: Content) -> None:
    page = printable(real_site, real_content, "side-effects")
    sizes = _text_sizes(handout_html(page, real_content.medicine))
    assert len(sizes) > 100
    small = [(size, text) for size, text, sources in sizes if size < (SOURCES_MIN_PT if sources else 12)]
    assert not small, small[:5]
    assert any(sources for _, _, sources in sizes)  # the source list was found and checked


def _first_page_pixels(pdf_bytes: bytes, folder: Path, name: str) -> bytes:
    pdf = folder / f"{name}.pdf"
    pdf.write_bytes(pdf_bytes)
    png = pdfs.to_pngs(pdf, folder, name, dpi=100, last=1)[0]
    return Image.open(png).convert("L").tobytes()


@pytest.mark.e2e
def test_risk_pictures_print_filled_and_outlined_figures(real_content: Content, tmp_path: Path) -> None:
    """5 in 100 and 95 in 100 must print differently: without the styles inside the SVG,
    WeasyPrint fills every figure in and both pictures print the same."""
    pictures = []
    for count in (5, 95):
        figure = icon_array_figure(icon_array(count, 100), "The same caption.", "picture")
        page = PageForPrint("pictures", "Pictures", f"{ADDRESS}pictures/", None, figure)
        pdf = html_to_pdf(handout_html(page, real_content.medicine), ADDRESS)
        pictures.append(_first_page_pixels(pdf.data, tmp_path, f"picture-{count}"))
    differing = sum(1 for a, b in zip(*pictures, strict=True) if abs(a - b) > 96)
    assert differing > 1000, differing


@pytest.mark.e2e
def test_a_topic_too_long_for_two_sheets_of_a4_stops_the_strict_build(
    fixture_pdfs: Path, tmp_path: Path
) -> None:
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    topic = project / "content_src" / "topics" / "how-it-works.yaml"
    statements = "".join(
        f"      - id: zv-long-{n}\n"
        f"        text: Zelvora blocks a made-up protein that causes test fever, say test notes {n}.\n"
        "        sources: [zv-label]\n"
        for n in range(400)
    )
    topic.write_text(topic.read_text(encoding="utf-8") + statements, encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", today=FIXTURE_TODAY)
    assert result.returncode != 0
    message = re.search(r"content_src/topics/how-it-works\.yaml:1: \(whole page\): .*", result.stderr)
    assert message, result.stderr[-3000:]
    assert re.search(r"its printable handout is \d+ sides of A4; the limit is 4\.", message.group(0))
    assert "Traceback" not in result.stderr
