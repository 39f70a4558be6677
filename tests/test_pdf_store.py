"""PDFs are kept and reused only while nothing that decides their bytes has changed.

And a preview (``mkdocs serve``, or ``MEDINFO_MAKE_PDFS=0``) makes no new PDF:
its pages say the handout is made when the site is built, with no dead link.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_TODAY, make_fixture_project, mkdocs_build

from medinfo.printing.pdf import PdfStore, html_to_pdf

BASE = "http://127.0.0.1:8000/topics/"
HTML = '<p>Box</p><img src="../assets/box.svg" alt="">'
BOX = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def site_files(box: bytes) -> dict[str, bytes]:
    return {"http://127.0.0.1:8000/assets/box.svg": box}


@pytest.mark.e2e
def test_a_kept_pdf_is_reused_by_the_next_build_with_the_same_bytes(tmp_path: Path) -> None:
    files = site_files(BOX)
    made = html_to_pdf(HTML, BASE, files.get, PdfStore(tmp_path))
    later = PdfStore(tmp_path)  # a new process: only the folder is shared
    assert later.find(HTML, BASE, files.get) == made
    assert later.find(HTML + "<p>changed</p>", BASE, files.get) is None  # other HTML
    assert later.find(HTML, "http://example.org/", files.get) is None  # another address


@pytest.mark.e2e
def test_a_changed_site_file_means_a_new_pdf(tmp_path: Path) -> None:
    store = PdfStore(tmp_path)
    first = html_to_pdf(HTML, BASE, site_files(BOX).get, store)
    wider = BOX.replace(b'width="10" height="10"/>', b'width="10" height="5"/>')
    assert PdfStore(tmp_path).find(HTML, BASE, site_files(wider).get) is None
    second = html_to_pdf(HTML, BASE, site_files(wider).get, PdfStore(tmp_path))
    assert second.data != first.data


@pytest.mark.e2e
def test_a_damaged_or_half_written_pdf_is_not_used(tmp_path: Path) -> None:
    files = site_files(BOX)
    html_to_pdf(HTML, BASE, files.get, PdfStore(tmp_path))
    (kept,) = tmp_path.glob("*.pdf")
    kept.write_bytes(kept.read_bytes()[:-100])  # a build stopped while writing, or a damaged disk
    assert PdfStore(tmp_path).find(HTML, BASE, files.get) is None
    (facts,) = tmp_path.glob("*.json")
    facts.write_text("{not json", encoding="utf-8")
    assert PdfStore(tmp_path).find(HTML, BASE, files.get) is None


@pytest.mark.e2e
def test_pdfs_not_used_by_a_build_are_deleted(tmp_path: Path) -> None:
    files = site_files(BOX)
    html_to_pdf(HTML, BASE, files.get, PdfStore(tmp_path))
    store = PdfStore(tmp_path)
    html_to_pdf("<p>Only this one now</p>", BASE, files.get, store)
    store.forget_unused()
    assert len(list(tmp_path.glob("*.pdf"))) == 1
    assert store.find("<p>Only this one now</p>", BASE, files.get) is not None


@pytest.mark.e2e
def test_a_preview_makes_no_pdf_and_says_when_it_will_be_made(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path / "project")
    site = tmp_path / "site"
    result = mkdocs_build(
        project / "mkdocs.yml",
        site,
        today=FIXTURE_TODAY,
        MEDINFO_MAKE_PDFS="0",
        MEDINFO_PDF_CACHE=str(tmp_path / "empty-store"),
    )
    assert result.returncode == 0, result.stderr
    assert list(site.rglob("*.pdf")) == []
    topic = BeautifulSoup(
        (site / "topics/side-effects/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert topic.select(".print-tools a[href$='.pdf']") == []
    tools = topic.select_one(".print-tools")
    assert tools is not None and "it is made when the site is built" in tools.get_text()
    handouts = BeautifulSoup((site / "handouts/index.html").read_text(encoding="utf-8"), "html.parser")
    listed = handouts.select(".print-downloads li")
    assert listed and all("made when the site is built" in item.get_text() for item in listed)
    assert handouts.select(".print-downloads a") == []


@pytest.mark.e2e
def test_a_wrong_setting_is_a_clear_error(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path / "project")
    result = mkdocs_build(
        project / "mkdocs.yml", tmp_path / "site", today=FIXTURE_TODAY, MEDINFO_MAKE_PDFS="yes"
    )
    assert result.returncode != 0
    assert "MEDINFO_MAKE_PDFS is 'yes': set it to 1 (make the PDFs) or 0 (skip them)." in result.stderr
    assert "Traceback" not in result.stderr


def test_new_fonts_or_text_libraries_mean_new_pdfs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The key covers what WeasyPrint draws with, not only its own version."""
    from medinfo.printing import pdf

    before = pdf._key(HTML, BASE)
    assert "weasyprint" in pdf._renderer() and "pango" in pdf._renderer()
    for name, value in (("_installed_fonts", lambda: "another font"), ("_library_file", lambda n: n + " 2")):
        monkeypatch.setattr(pdf, name, value)
        pdf._renderer.cache_clear()
        assert pdf._key(HTML, BASE) != before, name
        monkeypatch.undo()
        pdf._renderer.cache_clear()
    assert pdf._key(HTML, BASE) == before


@pytest.mark.e2e
def test_a_pdf_started_early_is_the_one_collected(tmp_path: Path) -> None:
    """start_pdf hands a document to the workers while the build goes on; html_to_pdfs then
    takes that PDF rather than making it again, with the bytes a fresh render gives."""
    from medinfo.printing import pdf

    page = "<h1>Handout</h1>" + "<p>Text to lay out.</p>" * 20
    store = PdfStore()
    pdf.start_pdf(page, BASE, store, workers=2)
    assert len(pdf._started) == 1
    made = pdf.html_to_pdfs({"one": (page, BASE)}, store=store, workers=2)
    assert pdf._started == {}
    assert made["one"] == html_to_pdf(page, BASE)
    pdf.start_pdf(page, BASE, store, workers=2)  # kept now: nothing more to start
    assert pdf._started == {}
