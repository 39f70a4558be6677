"""End to end: real ``mkdocs build --strict`` runs, checked in the HTML they write."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import FIXTURE_TODAY, REPO, make_fixture_project, mkdocs_build, real_today

from medinfo.content.loader import Content
from medinfo.content.schema import cites, source_ids
from medinfo.render.citations import citation_anchor
from medinfo.render.markdown import plain_statement


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def words(soup: Tag) -> str:
    return " ".join(soup.get_text().split())


def label(item: Tag) -> str:
    """A menu entry's words: its link's, or its group's label's."""
    name = item.find(["a", "label"])
    assert name is not None
    return " ".join(name.get_text(" ").split())


# --- The real site ---------------------------------------------------------------


@pytest.mark.e2e
def test_every_topic_states_each_fact_with_its_sources(real_site: Path, real_content: Content) -> None:
    content = real_content
    assert len(content.topics) >= 6
    for entry in content.topics:
        soup = page(real_site, f"topics/{entry.slug}")
        text = words(soup)
        for section in entry.topic.sections:
            for statement in section.statements:
                expected = plain_statement(statement)
                assert expected in text, f"{entry.slug}: {statement.id} missing"
                for cite in cites(statement.sources):
                    anchor = citation_anchor(cite)
                    assert soup.select(f'a[href="#{anchor}"]'), (entry.slug, cite)
                    listed = soup.find(id=anchor)
                    assert listed, (entry.slug, cite)
                    if cite.place:  # the place is shown in words next to the source
                        source = content.source(cite.source)
                        assert f"{source.short_name}, {cite.place}" in words(listed), (entry.slug, cite)


def mark_groups(block: object) -> int:
    """How many separate groups of citation marks a paragraph or list item holds (marks with
    only spaces between them are one group)."""
    runs, in_run = 0, False
    for child in block.children:  # type: ignore[attr-defined]
        if isinstance(child, str) and not child.strip():
            continue
        is_mark = getattr(child, "name", None) == "a" and "citation" in (child.get("class") or [])
        runs += is_mark and not in_run
        in_run = is_mark
    return runs


@pytest.mark.e2e
def test_marks_come_as_one_group_per_paragraph_and_the_card_lists_its_sources_once(
    real_site: Path, real_content: Content
) -> None:
    pages = sorted(real_site.rglob("index.html"))
    assert len(pages) >= 20
    for file in pages:
        article = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select_one("article")
        assert article is not None, file
        crowded = [block.get_text()[:60] for block in article.select("p, li") if mark_groups(block) > 1]
        assert crowded == [], file
    for entry in real_content.topics:
        soup = page(real_site, f"topics/{entry.slug}")
        levels = soup.select(".admonition[class*='urgent-']:not(.urgent-strip)")
        assert len(levels) == len(real_content.urgent_help.levels), entry.slug
        assert not any(level.select("a.citation") for level in levels), entry.slug  # lists left clear
        under = levels[-1].find_next_sibling()
        assert under is not None and "card-sources" in under["class"], entry.slug
        # Every sign, action and phone number's source, once each, in one group.
        marks = [str(a["href"]) for a in under.select("a.citation")]
        assert len(marks) == len(set(marks)) >= 3 and mark_groups(under) == 1, entry.slug
        card_cites = {
            f"#{citation_anchor(cite)}"
            for level in real_content.urgent_help.levels
            for item in [*level.signs, *([level.action] if level.action else [])]
            for cite in cites(item.sources)
        }
        assert card_cites <= set(marks), entry.slug


@pytest.mark.e2e
def test_seed_documents_are_never_cited_on_a_page(real_site: Path, real_content: Content) -> None:
    """Readers cannot follow a seed document, so pages cite only public sources with an address."""
    assert all(source.url.startswith("https://") for source in real_content.sources)
    for entry in real_content.topics:
        text = page(real_site, f"topics/{entry.slug}").get_text()
        assert "seed document" not in text.lower() and ".txt" not in text, entry.slug


@pytest.mark.e2e
def test_topic_pages_have_banner_urgent_help_and_not_advice_note(
    real_site: Path, real_content: Content
) -> None:
    content = real_content
    for entry in content.topics:
        soup = page(real_site, f"topics/{entry.slug}")
        banner = soup.select_one("aside.review-banner")
        assert banner is not None, entry.slug
        assert banner["data-next-review-due"] == entry.topic.review.next_review_due.isoformat()
        banner_text = words(banner)
        assert "Last reviewed" in banner_text and "Next review due" in banner_text
        assert entry.topic.review.reviewed_by in banner_text
        if entry.topic.review.signed_off is None:
            assert "Not yet checked by a clinician" in banner_text
        urgent = soup.find("h2", id="get-help-urgently")
        assert urgent is not None and urgent.get_text(strip=True) == "Get help urgently"
        levels = soup.select(".admonition.urgent-emergency, .admonition.urgent-now, .admonition.urgent-soon")
        assert [next(c for c in level["class"] if c.startswith("urgent-")) for level in levels] == [
            "urgent-emergency",
            "urgent-now",
            "urgent-soon",
        ], entry.slug
        assert "Emergency: call 999 (UK) or 112 (EU) now if you have" in words(levels[0]), entry.slug
        assert "call 111 (NHS)" in words(levels[1]), entry.slug
        assert "does not replace advice from your MS team" in words(soup)
        assert soup.h1 is not None and soup.h1.get_text() == entry.topic.title
        assert len(soup.find_all("h1")) == 1


@pytest.mark.e2e
def test_nav_groups_the_topics_as_a_patient_thinks(real_site: Path, real_content: Content) -> None:
    """Home, urgent help, the topics under their groups (in order), questions, glossary, print, the site."""
    groups = list(dict.fromkeys(entry.topic.menu_group for entry in real_content.topics))
    assert None not in groups and len(groups) == 3
    for path in ("sources", "topics/side-effects"):
        items = page(real_site, path).select("nav.md-nav--primary > ul.md-nav__list > li.md-nav__item")
        nav = [label(item) for item in items]
        rest = ["Questions people ask", "Glossary", "Print and handouts", "About this site"]
        assert nav == ["Home", "Get help urgently", *groups, *rest], path
    # Each topic is listed in its group, in order, where its group is open.
    for entry in real_content.topics:
        menu = page(real_site, f"topics/{entry.slug}").select_one(
            ".md-nav__item--active.md-nav__item--nested"
        )
        assert menu is not None and entry.topic.menu_group is not None
        assert entry.topic.menu_group in menu.get_text()
        listed = [" ".join(a.get_text().split()) for a in menu.select("a.md-nav__link")]
        group = [e.topic.title for e in real_content.topics if e.topic.menu_group == entry.topic.menu_group]
        assert [title for title in listed if title in group] == group


@pytest.mark.e2e
def test_ema_page_presents_2020_outcome_as_current_and_2019_as_history(real_site: Path) -> None:
    soup = page(real_site, "topics/ema-safety-review")
    headings = [h.get_text(" ", strip=True) for h in soup.select("article h2")]
    now = next(i for i, h in enumerate(headings) if "now" in h.lower() and "2020" in h)
    history = next(i for i, h in enumerate(headings) if "2019" in h and "replaced" in h.lower())
    assert now < history
    text = words(soup)
    two_medicines = text.index("at least two other MS medicines")
    assert text.index(headings[history]) < two_medicines  # the two-medicine rule is only history


@pytest.mark.e2e
def test_sources_page_lists_every_source_with_the_pages_citing_it(
    real_site: Path, real_content: Content
) -> None:
    content = real_content
    soup = page(real_site, "sources")
    for source in content.sources:
        entry = soup.find(id=f"source-{source.id}")
        assert entry is not None, source.id
    side_effects = next(e for e in content.topics if e.slug == "side-effects")
    cited = {
        s for sec in side_effects.topic.sections for st in sec.statements for s in source_ids(st.sources)
    }
    for source_id in cited:
        heading = soup.find(id=f"source-{source_id}")
        assert heading is not None, source_id
        links = []  # every link in this source's part of the page, up to the next source
        for element in heading.find_all_next(["a", "h2"]):
            if element.name == "h2":
                break
            links.append(element["href"])
        assert any("topics/side-effects/" in href for href in links), source_id


@pytest.mark.e2e
def test_hand_written_pages_show_their_review_banner(real_site: Path) -> None:
    for path in ("", "about"):
        assert page(real_site, path).select_one("aside.review-banner") is not None


@pytest.mark.e2e
def test_nothing_generated_is_written_into_the_sources(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path / "project")

    def files() -> dict[str, bytes]:
        # .cache/ is the build's own store of PDFs (git ignores it); everything else is a source.
        return {
            str(p.relative_to(project)): p.read_bytes()
            for p in sorted(project.rglob("*"))
            if p.is_file() and p.relative_to(project).parts[0] != ".cache"
        }

    before = files()
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", today=FIXTURE_TODAY)
    assert result.returncode == 0, result.stderr
    assert files() == before
    assert (tmp_path / "site" / "topics" / "side-effects" / "index.html").is_file()
    assert list((project / ".cache" / "pdf").glob("*.pdf"))  # the PDFs were kept where git ignores them


# --- A made-up medicine, through the same code -------------------------------------


@pytest.mark.e2e
def test_second_medicine_builds_into_its_own_pages(fixture_site: Path) -> None:
    side_effects = page(fixture_site, "topics/side-effects")
    text = words(side_effects)
    assert "Zelvora (examplimab) is a medicine for a made-up condition called test fever" in text
    assert "Itchy skin affects about 4 in 10 people over 2 years (very common)." in text
    assert "Sneezing affects about 3 in 1,000 people (uncommon)." in text
    assert "does not replace advice from your test fever team" in text
    assert "Lemtrada" not in text and "alemtuzumab" not in text.lower()
    works = words(page(fixture_site, "topics/how-it-works"))
    assert "Signed off by Dr Test Example, consultant in test fever on 20 January 2026" in works


@pytest.mark.e2e
def test_page_without_review_dates_has_no_banner(fixture_site: Path) -> None:
    assert page(fixture_site, "about").select_one("aside.review-banner") is None


def test_hooks_name_no_medicine() -> None:
    for path in (REPO / "hooks").rglob("*.py"):
        text = path.read_text(encoding="utf-8").lower()
        assert "lemtrada" not in text and "alemtuzumab" not in text, path


# --- Bad input and overdue pages, in a real build -----------------------------------


@pytest.mark.e2e
def test_html_typed_into_a_fact_shows_as_text(fixture_pdfs: Path, tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    topic = project / "content_src" / "topics" / "side-effects.yaml"
    attack = "<script>alert('fact')</script> <img src=x onerror=alert(1)>"
    text = topic.read_text(encoding="utf-8")
    text = text.replace("Itchy skin affects {how_many}.", f'"{attack} {{how_many}}"')
    text = text.replace("reviewed_by: Test editors", 'reviewed_by: "<b>Editors</b> & <script>x()</script>"')
    topic.write_text(text, encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", today=FIXTURE_TODAY)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "topics" / "side-effects" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('fact')&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;Editors&lt;/b&gt; &amp; &lt;script&gt;x()&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Editors" not in html


@pytest.mark.e2e
def test_content_error_fails_the_build_once_with_every_problem_and_no_traceback(
    tmp_path: Path,
) -> None:
    project = make_fixture_project(tmp_path / "project")
    topic = project / "content_src" / "topics" / "side-effects.yaml"
    topic.write_text(
        topic.read_text(encoding="utf-8")
        .replace("order: 2", "order: two")
        .replace("[zv-trial]", "[zv-trail]"),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = mkdocs_build(project / "mkdocs.yml", site, today=FIXTURE_TODAY)
    assert result.returncode == 1
    assert "content_src/topics/side-effects.yaml:3: order: should be a whole number" in result.stderr
    assert "there is no source with the id 'zv-trail' in sources.yaml" in result.stderr
    assert "Content check: 2 error(s), 0 warning(s)." in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists(), "a failed content check must not write a site"


def _banner(site: Path, path: str) -> Tag:
    soup = page(site, path).select_one("aside.review-banner")
    assert soup is not None
    return soup


@pytest.mark.e2e
def test_overdue_page_fails_strict_build(fixture_pdfs: Path, tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", today="2027-01-20")
    assert result.returncode == 1
    assert (
        "content_src/topics/how-it-works.yaml:6: review.next_review_due: this page was due for review "
        "on 15 January 2027 and is overdue" in result.stderr
    )
    assert "side-effects.yaml:6: review.next_review_due" not in result.stderr  # due 1 February 2027


@pytest.mark.e2e
def test_overdue_page_shows_the_warning_when_the_build_is_allowed_through(
    fixture_pdfs: Path, tmp_path: Path
) -> None:
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    site = tmp_path / "site"
    result = mkdocs_build(project / "mkdocs.yml", site, today="2027-01-20", MEDINFO_ALLOW_OVERDUE="1")
    assert result.returncode == 0, result.stderr
    overdue = _banner(site, "topics/how-it-works")
    assert "review-banner--overdue" in overdue["class"]
    warning = overdue.select_one(".review-banner__warning")
    assert warning is not None and not warning.has_attr("hidden")
    assert "Warning: this page is overdue for review." in words(warning)
    assert "15 January 2027" in words(warning) and "your test fever team" in words(warning)
    current = _banner(site, "topics/side-effects")
    assert "review-banner--due-soon" in current["class"]
    hidden = current.select_one(".review-banner__warning")
    assert hidden is not None and hidden.has_attr("hidden")


def medinfo_check(project: Path, today: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``medinfo check`` run in a project as an editor runs it, on ``today``."""
    return subprocess.run(
        [sys.executable, "-m", "medinfo", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "MEDINFO_TODAY": today, **env},
    )


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("hand_written", "made_from"),
    [
        ("faq.md", "content_src/faq.yaml"),
        ("glossary.md", "content_src/glossary.yaml"),
        ("topics/side-effects.md", "content_src/topics/side-effects.yaml"),
        ("changes.md", "content_src/topics/ (the changes: lists)"),
        ("handouts.md", "content_src/topics/ (one handout per topic)"),
    ],
)
def test_a_hand_written_page_on_a_generated_pages_path_fails_check_and_build(
    tmp_path: Path, hand_written: str, made_from: str
) -> None:
    """Before, docs/faq.md passed both and was then silently replaced by the generated page."""
    project = make_fixture_project(tmp_path / "project")
    page_file = project / "docs" / hand_written
    page_file.parent.mkdir(parents=True, exist_ok=True)
    page_file.write_text("---\ntitle: Mine\ndescription: A page I wrote.\n---\n\nText.\n", encoding="utf-8")
    expected = (
        f"docs/{hand_written}:1: (file name): the site makes this page from {made_from}, "
        "so this file would never be shown."
    )
    check = medinfo_check(project, FIXTURE_TODAY)
    assert check.returncode == 1 and expected in check.stderr, check.stderr
    build = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", today=FIXTURE_TODAY)
    assert build.returncode != 0 and expected in build.stderr


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file, which must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problem_lines(text: str) -> list[str]:
    """Every ``file:line: field: message`` line in a check's or a build's output, in sorted order
    (each tool reports in its own page order), duplicates kept: compared line by line."""
    return sorted(re.findall(r"^(?:WARNING -  )?(\S+:\d+: .+)$", text, re.MULTILINE))


@pytest.mark.e2e
def test_medinfo_check_and_the_build_run_the_same_rules(fixture_pdfs: Path, tmp_path: Path) -> None:
    """One project breaking every rule at once: the check and the build list exactly the same problems.

    A rule run by only one of them would make the two lists differ. (The two-page
    handout limit is the one rule only a build can run: it needs the PDF.)
    """
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    content = project / "content_src"

    topic = content / "topics" / "side-effects.yaml"
    edit(topic, "Itchy skin affects {how_many}.", "Itchy skin affects {how_many} (42%).")  # a percentage
    about = project / "docs" / "about.md"
    edit(
        about,
        "A test site.",
        "A test site. <script>alert(1)</script>\n\n"  # active content, and a hard sentence
        "Notwithstanding considerable interindividual pharmacokinetic variability, "
        "immunological reconstitution characteristically necessitates comprehensive, "
        "longitudinal haematological surveillance throughout subsequent administration intervals.",
    )
    edit(content / "medical-terms.yaml", "  - protein\n", "  - protein\n  - lymphocyte\n")
    edit(about, "It has no review dates", "Your lymphocyte count may fall. It has no review dates")
    edit(
        content / "glossary.yaml",
        "terms:\n",
        "terms:\n  - term: plasma\n    explanation: The liquid part of blood.\n    sources: [zv-label]\n",
    )
    day = "2027-01-16"  # the made-up medicine's 'How it works' was due on 15 January 2027

    check = medinfo_check(project, day)
    build = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", today=day)
    assert check.returncode == 1 and build.returncode != 0
    found = _problem_lines(check.stderr)
    expected = {
        "content_src/topics/side-effects.yaml:18: (page text): topics/side-effects.md gives a percentage",
        "docs/about.md:6: (page text): the page contains a <script> element.",
        "docs/about.md:1: (page text): about.md reads at school grade",
        "docs/about.md:8: (page text): about.md uses the medical word 'lymphocyte'",
        "content_src/glossary.yaml:2: terms: 'plasma' is used on no page.",
        "content_src/topics/how-it-works.yaml:6: review.next_review_due: this page was due for review",
    }
    for start in expected:
        assert any(line.startswith(start) for line in found), (start, "\n".join(sorted(found)))
    assert found == _problem_lines(build.stderr)


@pytest.mark.e2e
def test_check_and_build_report_the_same_lines_for_every_kind_of_page(
    fixture_pdfs: Path, tmp_path: Path
) -> None:
    """A fault in each kind of page: a generated topic, the calendar (from the schedule), the
    handouts page, and a hand-written page whose markers (key facts, the urgent card) change what
    it says. The check runs the build's own pages and Markdown, so the two lists match line for line.
    """
    from test_tracker import SCHEDULE

    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    content = project / "content_src"
    (content / "monitoring-schedule.yaml").write_text(
        SCHEDULE.replace("checks: counts your sneezes", "checks: counts your sneezes (42%)"), encoding="utf-8"
    )

    edit(
        content / "topics" / "side-effects.yaml",
        "Itchy skin affects {how_many}.",
        "Itchy skin {how_many} (1%).",
    )
    edit(content / "medical-terms.yaml", "  - protein\n", "  - protein\n  - lymphocyte\n")
    # The team's name is on every generated page, the handouts page among them.
    edit(content / "medicine.yaml", "care_team: your test fever team", "care_team: your lymphocyte team")
    # Only with its markers expanded does the home page carry the key facts and the card, so
    # its reading grade (in the message) is the build's only if the check expands them too.
    edit(
        project / "docs" / "index.md",
        "See the [sources]",
        "<!-- key-facts -->\n\n<!-- urgent-help -->\n\nNotwithstanding considerable "
        "interindividual variability, immunological reconstitution necessitates comprehensive "
        "surveillance.\n\nSee the [sources]",
    )
    edit(project / "docs" / "about.md", "A test site.", "A test site. <script>alert(1)</script>")

    check = medinfo_check(project, FIXTURE_TODAY)
    build = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", today=FIXTURE_TODAY)
    assert check.returncode == 1 and build.returncode != 0
    found, built = _problem_lines(check.stderr), _problem_lines(build.stderr)
    faults = [  # (file, page, what): one in each kind of page
        ("content_src/topics/side-effects.yaml", "topics/side-effects.md", "gives a percentage"),
        ("content_src/monitoring-schedule.yaml", "monitoring-tracker.md", "gives a percentage"),
        # The care team's name is on both: reported where the word is, in medicine.yaml.
        ("content_src/medicine.yaml", "my-test-calendar.md", "uses the medical word 'lymphocyte'"),
        ("content_src/medicine.yaml", "handouts.md", "uses the medical word 'lymphocyte'"),
        ("docs/index.md", "index.md", "reads at school grade"),
        ("docs/about.md", "", "the page contains a <script> element"),
    ]
    for file, page, what in faults:
        pattern = re.compile(rf"{re.escape(file)}:\d+: \(page text\): {re.escape(page)}.*{re.escape(what)}")
        assert any(pattern.match(line) for line in found), (file, page, what, [line[:90] for line in found])
    assert found == built


@pytest.mark.e2e
def test_mkdocs_and_properdocs_build_the_same_site(tmp_path: Path) -> None:
    """MkDocs 1.x is frozen; ProperDocs 1.6.7 (its maintained fork) must build the same pages.

    Only the generator tag in each page may differ.
    """
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        sites[engine] = tmp_path / engine
        result = subprocess.run(
            [str(Path(sys.executable).with_name(engine)), "build", "--strict", "-f", str(REPO / "mkdocs.yml")]
            + ["-d", str(sites[engine])],
            cwd=REPO,
            capture_output=True,
            text=True,
            env={
                **os.environ,
                "NO_MKDOCS_2_WARNING": "1",
                "MEDINFO_MAKE_PDFS": "0",
                "MEDINFO_TODAY": real_today(),
            },
        )
        assert result.returncode == 0, (engine, result.stderr[-2000:])

    def files(site: Path) -> dict[str, bytes]:
        return {
            p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
        }

    built, forked = files(sites["mkdocs"]), files(sites["properdocs"])
    assert built.keys() == forked.keys()
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    different = [
        name for name in built if generator.sub(b"", built[name]) != generator.sub(b"", forked[name])
    ]
    assert different == []
    assert b'content="mkdocs-ProperDocs 1.6.7' in forked["index.html"]


def test_an_overdue_page_fails_the_check_and_the_build_alike(fixture_pdfs: Path, tmp_path: Path) -> None:
    """No rule runs in only one of them: a review past its date stops both, unless allowed."""
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    day = "2027-01-16"  # the made-up medicine's 'How it works' was due on 15 January 2027
    sentence = "this page was due for review on 15 January 2027 and is overdue."

    refused = medinfo_check(project, day)
    assert refused.returncode == 1
    assert any(
        line.startswith("content_src/topics/how-it-works.yaml:") and sentence in line
        for line in refused.stderr.splitlines()
    ), refused.stderr
    allowed = medinfo_check(project, day, MEDINFO_ALLOW_OVERDUE="1")
    assert allowed.returncode == 0 and "warning: " + sentence in allowed.stderr
    build = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", today=day)
    assert build.returncode != 0
    line = f"content_src/topics/how-it-works.yaml:6: review.next_review_due: {sentence}"
    assert line in refused.stderr and line in build.stderr  # the same words, file, line and field


@pytest.mark.e2e
def test_a_change_made_after_the_last_review_is_told_on_the_page(fixture_pdfs: Path, tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    topic = project / "content_src" / "topics" / "side-effects.yaml"
    text = topic.read_text(encoding="utf-8")
    topic.write_text(
        text.replace(
            "changes:\n  - date: 2026-02-01",
            "changes:\n  - date: 2026-03-01\n    summary: We added a line.\n  - date: 2026-02-01",
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", today=FIXTURE_TODAY)
    assert result.returncode == 0, result.stderr
    changed = _banner(tmp_path / "site", "topics/side-effects").select_one(".review-banner__changed")
    assert changed is not None
    assert "changed on 1 March 2026, after it was last reviewed" in words(changed)
    assert _banner(tmp_path / "site", "topics/how-it-works").select_one(".review-banner__changed") is None


@pytest.mark.e2e
def test_the_urgent_help_page_has_a_review_line_like_every_page(
    real_site: Path, real_content: Content
) -> None:
    review = real_content.urgent_help.review
    assert review is not None
    note = page(real_site, "urgent-help").select_one(".review-note")
    assert note is not None and "Facts checked" in words(note) and "not by a clinician" in words(note)
    assert _banner(real_site, "urgent-help") is not None
