"""Findability and trust metadata, and privacy in the built HTML (no browser needed).

Meta descriptions from the YAML, ``lang`` on every page, JSON-LD
``MedicalWebPage`` on topic pages, sitemap dates from review dates, and no
reference to anything outside the site. The browser tests
(test_browser_checks.py) then prove the same in Chromium.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURE_TODAY, REPO, SITE_URL, make_fixture_project, mkdocs_build
from mkdocs.utils.yaml import get_yaml_loader

from medinfo.content.loader import Content
from medinfo.content.schema import ClinicalSignoff, Medicine, Review, SourcedText
from medinfo.render.structured_data import drug, medical_web_page, reviewers, sitemap_lastmod

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def all_content_text() -> str:
    files = [*(REPO / "content_src").rglob("*.yaml"), *(REPO / "docs").glob("*.md")]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_soup(site: Path, path: str) -> BeautifulSoup:
    return soup_of(site / path / "index.html")


def json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    return [json.loads(script.string or "") for script in soup.select('script[type="application/ld+json"]')]


def meta_description(soup: BeautifulSoup) -> str:
    tags = soup.select('meta[name="description"]')
    assert len(tags) == 1
    return str(tags[0]["content"])


# --- Unit: the structured data itself ----------------------------------------------

REVIEW = Review(
    last_reviewed=dt.date(2026, 1, 15),
    next_review_due=dt.date(2027, 1, 15),
    reviewed_by="Test editors",
    clinical_signoff="none",
)
MEDICINE = Medicine(
    brand_name="Zelvora",
    generic_name="examplimab",
    treats="test fever",
    licence=SourcedText(text="For adults.", sources=["zv-label"]),
    care_team="your team",
    frequency_words_sources=["zv-label"],
)


def test_reviewers_name_a_clinician_only_when_one_signed_off() -> None:
    assert reviewers(REVIEW) == [{"@type": "Organization", "name": "Test editors"}]
    signed = REVIEW.model_copy(
        update={"clinical_signoff": ClinicalSignoff(by="Dr A Name, neurologist", date=dt.date(2026, 1, 20))}
    )
    assert reviewers(signed) == [
        {"@type": "Organization", "name": "Test editors"},
        {"@type": "Person", "name": "Dr A Name, neurologist"},
    ]


def test_medical_web_page_has_review_date_reviewer_and_drug() -> None:
    data = medical_web_page(
        title="Side effects",
        description="What can happen.",
        url="https://example.org/topics/side-effects/",
        language="en",
        site_name="Zelvora test site",
        site_url="https://example.org/",
        review=REVIEW,
        medicine=MEDICINE,
    )
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == "2026-01-15"
    assert data["reviewedBy"] == [{"@type": "Organization", "name": "Test editors"}]
    assert data["about"] == {"@type": "Drug", "name": "Zelvora", "nonProprietaryName": "examplimab"}
    assert data["url"] == "https://example.org/topics/side-effects/"
    assert data["isPartOf"] == {
        "@type": "WebSite",
        "name": "Zelvora test site",
        "url": "https://example.org/",
    }
    assert drug(MEDICINE) == data["about"]


def test_sitemap_date_is_the_review_date() -> None:
    assert sitemap_lastmod(REVIEW) == "2026-01-15"
    assert sitemap_lastmod(None) is None


# --- The real site ---------------------------------------------------------------


@pytest.mark.e2e
def test_every_page_declares_its_language(real_site: Path) -> None:
    for path in html_pages(real_site):
        html = soup_of(path).html
        assert html is not None and html.get("lang") == "en", path


@pytest.mark.e2e
def test_meta_descriptions_come_from_the_yaml(real_site: Path, real_content: Content) -> None:
    for entry in real_content.topics:
        assert meta_description(page_soup(real_site, f"topics/{entry.slug}")) == entry.topic.description
    for src, front in real_content.pages.items():
        path = "" if src == "index.md" else src.removesuffix(".md")
        assert meta_description(page_soup(real_site, path)) == front.description, src
    # Every other page has its own description too, not the site-wide fallback.
    described = [meta_description(soup_of(p)) for p in html_pages(real_site) if p.name != "404.html"]
    assert all(described) and len(set(described)) == len(described)


@pytest.mark.e2e
def test_topic_pages_have_medical_web_page_json_ld(real_site: Path, real_content: Content) -> None:
    medicine = real_content.medicine
    for entry in real_content.topics:
        soup = page_soup(real_site, f"topics/{entry.slug}")
        [data] = json_ld(soup)
        review = entry.topic.review
        assert data["@type"] == "MedicalWebPage"
        assert data["name"] == entry.topic.title
        assert data["description"] == meta_description(soup)
        assert data["url"] == f"{SITE_URL}topics/{entry.slug}/"
        assert data["lastReviewed"] == review.last_reviewed.isoformat()
        assert data["about"] == {
            "@type": "Drug",
            "name": medicine.brand_name,
            "nonProprietaryName": medicine.generic_name,
        }
        names = [(who["@type"], who["name"]) for who in data["reviewedBy"]]
        assert names[0] == ("Organization", review.reviewed_by)
        if review.signed_off is None:  # no clinician is named unless one signed the page off
            assert len(names) == 1


@pytest.mark.e2e
def test_only_topic_pages_carry_json_ld(real_site: Path, real_content: Content) -> None:
    topics = {real_site / "topics" / entry.slug / "index.html" for entry in real_content.topics}
    for path in html_pages(real_site):
        if path not in topics:
            assert json_ld(soup_of(path)) == [], path


@pytest.mark.e2e
def test_sitemap_dates_are_review_dates(real_site: Path, real_content: Content) -> None:
    reviews: dict[str, Review | None] = {f"topics/{e.slug}/": e.topic.review for e in real_content.topics}
    for src, front in real_content.pages.items():
        reviews["" if src == "index.md" else src.removesuffix(".md") + "/"] = front.review
    reviews["faq/"] = real_content.faq.review
    # Other generated pages (handouts, tracker...) may have review dates of their own: any
    # date they show must still be a review date written in the content, never the build's.
    written = {review.last_reviewed.isoformat() for review in reviews.values() if review}
    written |= set(re.findall(r"last_reviewed: (\d{4}-\d{2}-\d{2})", all_content_text()))
    urls = ET.parse(real_site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    seen = set()
    for url in urls:
        loc = url.findtext(f"{SITEMAP}loc") or ""
        assert loc.startswith(SITE_URL)
        path = loc.removeprefix(SITE_URL)
        seen.add(path)
        lastmod = url.findtext(f"{SITEMAP}lastmod")
        if path in reviews:
            review = reviews[path]
            assert lastmod == (review.last_reviewed.isoformat() if review else None), path
        else:
            assert lastmod is None or lastmod in written, (path, lastmod)
    assert set(reviews) <= seen


@pytest.mark.e2e
def test_sitemap_does_not_depend_on_the_build_time(
    fixture_pdfs: Path, fixture_site: Path, tmp_path: Path
) -> None:
    """MkDocs would write the build time; SOURCE_DATE_EPOCH moves it, so a change would show."""
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    result = mkdocs_build(
        project / "mkdocs.yml", tmp_path / "site", today=FIXTURE_TODAY, SOURCE_DATE_EPOCH="1000000000"
    )
    assert result.returncode == 0, result.stderr
    before = (fixture_site / "sitemap.xml").read_bytes()
    assert (tmp_path / "site" / "sitemap.xml").read_bytes() == before
    assert b"<lastmod>2026-01-15</lastmod>" in before  # how-it-works was reviewed then
    assert b"2001-09-09" not in before


# --- A made-up medicine, signed off by a clinician -----------------------------------


@pytest.mark.e2e
def test_clinician_is_named_only_on_the_signed_off_page(fixture_site: Path) -> None:
    [works] = json_ld(page_soup(fixture_site, "topics/how-it-works"))
    assert {"@type": "Person", "name": "Dr Test Example, consultant in test fever"} in works["reviewedBy"]
    assert works["about"]["name"] == "Zelvora"
    [side_effects] = json_ld(page_soup(fixture_site, "topics/side-effects"))
    assert all(who["@type"] != "Person" for who in side_effects["reviewedBy"])


# --- Privacy in the HTML and the configuration ---------------------------------------

# Elements whose address the browser fetches by itself, without the reader asking.
FETCHED = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}


@pytest.mark.e2e
def test_pages_reference_nothing_outside_the_site(real_site: Path) -> None:
    for path in html_pages(real_site):
        soup = soup_of(path)
        addresses = [
            str(tag.get(attr))
            for name, attr in FETCHED.items()
            for tag in soup.find_all(name, attrs={attr: True})
        ]
        # <link rel=canonical/prev/next> only names a page; every other <link> is fetched.
        addresses += [
            str(link["href"])
            for link in soup.find_all("link", href=True)
            if not {"canonical", "prev", "next"} & set(link.get("rel") or [])
        ]
        for address in addresses:
            assert not urlsplit(address).netloc, f"{path}: {address}"
        assert soup.select_one('meta[name="referrer"][content="no-referrer"]') is not None, path


def test_no_external_fonts_repository_or_analytics_configured() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    assert config["theme"]["font"] is False  # Google Fonts
    assert "repo_url" not in config  # GitHub's API, from every reader's browser
    assert "analytics" not in config.get("extra", {})
    assert "consent" not in config.get("extra", {})  # nothing to consent to
