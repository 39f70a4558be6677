"""Plain language, end to end: pictures, the questions page, the glossary and the checks in real builds."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import FIXTURE_TODAY, make_fixture_project, mkdocs_build

from medinfo.content.loader import Content
from medinfo.render.markdown import plain_statement


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def text_of(soup: Tag) -> str:
    return " ".join(soup.get_text().split())


def picture_title(figure: Tag) -> str:
    title = figure.select_one(".icon-array__title")
    assert title is not None
    return title.get_text()


@pytest.mark.e2e
def test_risk_pictures_come_from_the_yaml_numbers(fixture_site: Path) -> None:
    soup = page(fixture_site, "topics/side-effects")
    itch, sneeze = soup.select(".icon-array-group figure")
    shows = {
        42: "with itchy skin over 2 years on Zelvora in the ZEST trial",
        3: "who sneezed on Zelvora in the ZEST trial",
    }
    for figure, filled, total in ((itch, 42, 100), (sneeze, 3, 1000)):
        # One path per kind of figure; each person is two shapes (head and body), each starting with a move.
        people = {path["class"][0]: path["d"].count("M") // 2 for path in figure.select("svg path")}
        assert people == {"icon-array__filled": filled, "icon-array__empty": total - filled}
        caption, title, svg = figure.figcaption, figure.select_one(".icon-array__title"), figure.svg
        assert caption is not None and title is not None and svg is not None
        # What a filled figure means, from the YAML: the picture reads on its own.
        assert caption.get_text() == f"{filled:,} of {total:,} people {shows[filled]}"
        # Named by its title and caption together.
        assert svg["aria-labelledby"] == f"{title['id']} {caption['id']}"
    assert picture_title(itch) == "Itchy skin"
    assert picture_title(sneeze) == "Sneezing"


@pytest.mark.e2e
def test_questions_to_ask_section(fixture_site: Path) -> None:
    soup = page(fixture_site, "topics/side-effects")
    heading = soup.find("h2", string=re.compile("Questions to ask your test fever team"))
    assert heading is not None
    listed = heading.find_next("ul")
    assert listed is not None
    questions = [li.get_text() for li in listed.find_all("li")]
    assert questions == ["Will the itching stop when I stop Zelvora?", "What can I do about sneezing?"]


@pytest.mark.e2e
def test_questions_page_reuses_the_topics_statements(fixture_site: Path) -> None:
    soup = page(fixture_site, "faq")
    text = text_of(soup)
    # Grouped under the topic that answers them, each answer opening and closing.
    assert [h.get_text(" ", strip=True) for h in soup.select("article h2")][:2] == [
        "How Zelvora works",
        "Side effects of Zelvora",
    ]
    # A long page: the urgent-help card is one tap away, in a box before the questions.
    first_box = soup.select_one("article .admonition.danger")
    assert first_box is not None and first_box.select_one('a[href="../urgent-help/"]') is not None
    questions = [s.get_text(" ", strip=True) for s in soup.select("article details.faq-answer > summary")]
    assert questions == ["How does Zelvora work?", "Will my skin itch?"]
    assert "Itchy skin affects about 4 in 10 people over 2 years (very common)." in text
    assert "A cream can help with itching." in text
    assert soup.select_one('a[href="../topics/side-effects/"]') is not None
    assert soup.select_one("aside.review-banner") is not None


@pytest.mark.e2e
def test_glossary_page_and_tooltips(fixture_site: Path) -> None:
    glossary = page(fixture_site, "glossary")
    item = next(
        li for li in glossary.select("article li") if li.strong and li.strong.get_text() == "test fever"
    )
    assert "A made-up illness used to test this website." in item.get_text()
    assert glossary.select("article abbr") == []
    works = page(fixture_site, "topics/how-it-works")
    first = works.select("article abbr.glossary-term")
    assert first[0]["title"] == "A made-up illness used to test this website."
    focusable = [a.get_text() for a in works.select('article abbr[tabindex="0"]')]
    assert focusable == ["test fever", "protein"]  # one tab stop per word, at its first use


@pytest.mark.e2e
def test_real_site_reports_every_pages_readability(real_site: Path, real_content: Content) -> None:
    log = (real_site.parent / "build.log").read_text(encoding="utf-8")
    report = log[log.index("Readability, hardest page first") :]
    grades = [float(m.group(1)) for m in re.finditer(r"^\s+(\d+\.\d)\s", report, re.MULTILINE)]
    pages = len(list(real_site.rglob("index.html")))
    assert len(grades) >= pages - 1  # every page but the 404 page
    assert grades == sorted(grades, reverse=True) and max(grades) <= 8.0
    for entry in real_content.topics:
        assert entry.page_path in report


@pytest.mark.e2e
def test_real_site_numbers_are_words_and_pictures(real_site: Path, real_content: Content) -> None:
    pictured = 0
    for entry in real_content.topics:
        soup = page(real_site, f"topics/{entry.slug}")
        article = soup.select_one("article")
        assert article is not None, entry.slug
        assert not re.search(r"\d\s*%", text_of(article)), entry.slug
        for section in entry.topic.sections:
            for statement in section.statements:
                if statement.how_many and statement.how_many.picture:
                    figure = soup.find(id=f"picture-{statement.id}")
                    assert figure is not None, statement.id
                    assert plain_statement(statement) in text_of(soup)  # the sentence, above the picture
                    expected = statement.how_many.picture_title
                    assert expected is not None, statement.id
                    assert picture_title(figure) == expected.replace("-", "\u2011")
                    pictured += 1
    assert pictured >= 3


def _build_with(fixture_pdfs: Path, tmp_path: Path, path: str, old: str, new: str) -> str:
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    target = project / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new), encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", today=FIXTURE_TODAY)
    assert result.returncode == 1
    return result.stderr


@pytest.mark.e2e
def test_hard_to_read_page_fails_the_build(fixture_pdfs: Path, tmp_path: Path) -> None:
    hard = (
        "Examplimab-mediated immunomodulation necessitates comprehensive longitudinal haematological "
        "surveillance, notwithstanding considerable interindividual pharmacodynamic variability."
    )
    log = _build_with(
        fixture_pdfs,
        tmp_path,
        "content_src/topics/how-it-works.yaml",
        "Zelvora blocks",
        hard + " Zelvora blocks",
    )
    assert (
        "content_src/topics/how-it-works.yaml:1: (page text): topics/how-it-works.md reads at school grade"
        in log
    )


@pytest.mark.e2e
def test_percentage_in_a_hand_written_page_fails_the_build(fixture_pdfs: Path, tmp_path: Path) -> None:
    log = _build_with(
        fixture_pdfs, tmp_path, "docs/about.md", "A test site.", "A test site that is 95% accurate."
    )
    assert "docs/about.md:" in log and "gives a percentage ('95%')" in log


@pytest.mark.e2e
def test_readability_command_reports_the_built_site(fixture_site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "medinfo", "readability", str(fixture_site)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["grade", "ease", "words", "page"]
    pages = {line.split()[-1] for line in lines[1:]}
    assert {"topics/side-effects", "faq", "glossary", "(home)"} <= pages
    grades = [float(line.split()[0]) for line in lines[1:]]
    assert grades == sorted(grades, reverse=True)
