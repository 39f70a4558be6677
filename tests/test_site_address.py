"""Paper must lead back to the real site: a publish needs SITE_URL, and a preview says it is one.

A build without SITE_URL uses the local preview address. A nurse who printed
from it would hand out a QR code to her own computer, so publishing refuses
to run without a public address, and a preview's printed pages and handouts
say "Preview: not for handing out" instead of giving an address and QR code.
"""

from __future__ import annotations

from pathlib import Path

import pdfs
import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_TODAY, SITE_URL, make_fixture_project, mkdocs_build

from medinfo.cli import main
from medinfo.printing.qr import is_preview_address
from medinfo.site.publish import is_placeholder_address

PREVIEW = "Preview: not for handing out"


@pytest.mark.parametrize(
    ("address", "preview"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://localhost:8000/topics/", True),
        ("http://[::1]:8000/", True),
        ("", True),
        ("https://ms-info.example.org/", False),
        ("https://example.github.io/lemtrada/", False),
    ],
)
def test_which_addresses_are_a_local_preview(address: str, preview: bool) -> None:
    assert is_preview_address(address) is preview


@pytest.mark.parametrize(
    ("address", "placeholder"),
    [
        ("https://example.org/", True),
        ("https://www.example.com/x/", True),
        ("https://a.test/", True),
        ("https://b.localhost/", True),
        ("http://127.0.0.5:8000/", True),
        ("https://ms-patient-info.uk/", False),
        ("https://example.github.io/lemtrada/", False),  # an organisation may be called 'example'
        ("https://myexample.org/", False),
    ],
)
def test_which_addresses_are_placeholders(address: str, placeholder: bool) -> None:
    assert is_placeholder_address(address) is placeholder


@pytest.mark.parametrize(
    "setting",
    [
        None,
        "",
        "http://127.0.0.1:8000/",
        "ms-info.example.org",
        "https://ms-info.example.org/",
        "https://example.com/",
        "https://docs.example.net/lemtrada/",
        "https://lemtrada.test/",
        "https://site.invalid/",
        "https://127.0.0.2/",
    ],
)
def test_publish_without_a_public_address_stops_before_building(
    setting: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if setting is None:
        monkeypatch.delenv("SITE_URL")
    else:
        monkeypatch.setenv("SITE_URL", setting)
    project = make_fixture_project(tmp_path / "project")
    site = tmp_path / "site"
    status = main(["publish", "--config", str(project / "mkdocs.yml"), "--site", str(site)])
    error = capsys.readouterr().err
    assert status == 1
    assert error.startswith("Not published: SITE_URL is"), error  # names the variable
    assert "Building" not in error  # it stopped before the build
    assert not site.exists() and not list(tmp_path.glob(".site-*"))


@pytest.mark.e2e
def test_a_preview_build_says_so_on_paper_and_gives_no_qr_code(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path / "project")
    site = tmp_path / "site"
    result = mkdocs_build(
        project / "mkdocs.yml", site, today=FIXTURE_TODAY, SITE_URL="", MEDINFO_MAKE_PDFS="1"
    )
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup(
        (site / "topics" / "side-effects" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    origin = page.select_one(".print-origin")
    assert origin is not None and PREVIEW in " ".join(origin.get_text().split())
    assert origin.select_one("svg") is None and "Printed from" not in origin.get_text()
    handout = next((site / "handouts").glob("*-side-effects.pdf"))
    words = pdfs.text(handout, 1)
    assert PREVIEW in words and "Printed from" not in words and "127.0.0.1" not in words


@pytest.mark.e2e
def test_a_build_for_the_public_address_prints_it(fixture_site: Path) -> None:
    page = (fixture_site / "topics" / "side-effects" / "index.html").read_text(encoding="utf-8")
    assert f"Printed from {SITE_URL}topics/side-effects/" in " ".join(
        BeautifulSoup(page, "html.parser").get_text().split()
    )
    assert PREVIEW not in page
