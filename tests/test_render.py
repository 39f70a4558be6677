"""`medinfo render`: the generated Markdown tree, which plain MkDocs (no hooks) builds into the same pages.

This is what keeps the core engine-neutral: everything a page says comes from
the core's Markdown; the hooks only add the banner, the print header, the
download links and the checks.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, real_today

from medinfo.cli import checked_site_url, main
from medinfo.content.loader import Content
from medinfo.content.schema import cites
from medinfo.registry import render_pages
from medinfo.render.citations import citation_anchor
from medinfo.render.markdown import plain_statement
from medinfo.render.plain import markdown_text

# What only the hooks add to a page: the review note and details, the note that a source changed,
# what paper adds, and download links.
HOOK_ONLY = (
    ".review-note, .source-note, .review-banner, .print-origin, .print-team, .print-words, .print-tools,"
    " .print-downloads"
)


def _pages(site: Path) -> dict[str, tuple[list[str], list[str], str]]:
    """Each page's headings, links and words, as a reader meets them, without what only hooks add."""
    pages = {}
    for file in sorted(site.rglob("*.html")):
        article = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if article is None:
            continue
        for added in article.select(HOOK_ONLY):
            added.decompose()

        def words(element: object) -> str:
            return " ".join(element.get_text("").split())  # type: ignore[attr-defined]

        headings = [words(heading) for heading in article.select("h1, h2, h3, h4")]
        links = [str(link["href"]) for link in article.select("a[href]")]
        pages[file.relative_to(site).as_posix()] = (headings, links, words(article))
    return pages


@pytest.mark.e2e
def test_render_then_plain_mkdocs_builds_the_same_pages(
    real_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plain"
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("MEDINFO_TODAY", real_today())  # as the real site was built
    assert main(["render", str(out)]) == 0
    said = capsys.readouterr().out
    assert "mkdocs build -f" in said and "No --site-url given: site_url is" in said
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in config and "@topics" not in config
    assert (out / "docs" / "topics" / "side-effects.md").is_file()  # generated
    assert (out / "docs" / "about.md").is_file()  # hand-written
    assert not (out / "docs" / "overrides").exists()  # the theme's overrides are in out/overrides/

    plain = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml"), "-d", "site"],
        cwd=out,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "MEDINFO_TODAY": real_today()},
    )
    assert plain.returncode == 0, plain.stderr
    with_hooks, without = _pages(real_site), _pages(out / "site")
    assert len(with_hooks) >= 20  # every topic, the generated pages and the hand-written ones
    assert sorted(without) == sorted(with_hooks)
    different = [page for page in with_hooks if with_hooks[page] != without[page]]
    assert different == []


PUBLISHED = "https://ms-patient-info.uk/"


@pytest.mark.e2e
def test_a_render_with_a_site_url_builds_with_plain_mkdocs_after_it_is_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    written, moved = tmp_path / "written", tmp_path / "moved" / "elsewhere"
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("MEDINFO_TODAY", real_today())
    assert main(["render", str(written), "--site-url", PUBLISHED]) == 0
    assert f"site_url is {PUBLISHED}" in capsys.readouterr().out
    shutil.move(written, moved)

    text = (moved / "mkdocs.yml").read_text(encoding="utf-8")
    assert "/work" not in text and str(REPO) not in text and str(tmp_path) not in text
    config = yaml.safe_load(text)
    assert config["site_url"] == PUBLISHED
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"
    assert (moved / "overrides" / "main.html").is_file()
    named = [*config["extra_css"], *config["extra_javascript"], config["theme"]["favicon"]]
    assert [asset for asset in named if not (moved / "docs" / asset).is_file()] == []

    site, config_file = moved / "site", moved / "mkdocs.yml"
    plain = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site)],
        cwd=tmp_path,  # neither the checkout nor the folder: nothing may depend on where it runs
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "MEDINFO_TODAY": real_today()},
    )
    assert plain.returncode == 0, plain.stderr
    assert f"<loc>{PUBLISHED}topics/side-effects/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    html = (site / "topics" / "side-effects" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    canonical = page.select_one('link[rel="canonical"]')
    assert canonical is not None and canonical["href"] == f"{PUBLISHED}topics/side-effects/"
    assert (site / "assets" / "site.css").is_file()


@pytest.mark.parametrize(
    "bad",
    [
        "ms-patient-info.uk",
        "https://",
        "ftp://ms-patient-info.uk/",
        "https://ms patient.uk/",
        "https://a.uk:x/",
    ],
)
def test_render_refuses_a_site_url_that_is_not_a_web_address(
    bad: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plain"
    monkeypatch.chdir(REPO)
    assert main(["render", str(out), "--site-url", bad]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "--site-url" in said and repr(bad) in said
    assert not out.exists()


def test_a_site_url_is_written_as_a_folder_address() -> None:
    # Addresses are joined onto it (urljoin): without the slash, 'handouts/' would replace 'lemtrada'.
    assert checked_site_url("https://your-trust.nhs.uk/lemtrada") == "https://your-trust.nhs.uk/lemtrada/"
    assert checked_site_url(PUBLISHED) == PUBLISHED


def test_render_refuses_a_folder_with_files_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    monkeypatch.chdir(REPO)
    assert main(["render", str(tmp_path)]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert [path.name for path in tmp_path.iterdir()] == ["keep.txt"]


def test_key_points_repeat_their_statements_word_for_word_with_the_same_sources(
    real_content: Content,
) -> None:
    content = real_content
    rendered = {page.path: page.markdown for page in render_pages(content)}
    for entry in content.topics:
        markdown = rendered[entry.page_path]
        box = markdown[
            markdown.index('<div class="admonition abstract key-points"') : markdown.index(
                "## Get help urgently"
            )
        ]
        items = [line for line in box.splitlines() if line.startswith("- ")]
        assert 3 <= len(items) == len(entry.topic.key_points) <= 5, entry.page_path
        statements = {st.id: st for section in entry.topic.sections for st in section.statements}
        for statement_id, item in zip(entry.topic.key_points, items, strict=True):
            statement = statements[statement_id]
            assert markdown_text(plain_statement(statement)) in item
            assert [f"(#{citation_anchor(cite)})" in item for cite in cites(statement.sources)] == [
                True
            ] * len(statement.sources), (statement_id, item)


def test_a_hand_written_page_gets_the_key_facts_and_the_card_where_it_asks(real_content: Content) -> None:
    from medinfo.render.handwritten import KEY_FACTS_MARKER, URGENT_HELP_MARKER, expand_markers

    plain = "# Home\n\nNo markers here.\n"
    assert expand_markers(plain, real_content, "index.md") == plain  # left exactly as written
    page = expand_markers(f"# Home\n\n{KEY_FACTS_MARKER}\n\n{URGENT_HELP_MARKER}\n", real_content, "index.md")
    facts = [line for line in page.splitlines() if line.startswith("- ") and "Read more:" in line]
    assert len(facts) == len(real_content.medicine.key_facts) >= 3
    for statement_id, line in zip(real_content.medicine.key_facts, facts, strict=True):
        entry, statement = real_content.statement(statement_id)
        assert markdown_text(plain_statement(statement)) in line
        assert all(f"(#{citation_anchor(cite)})" in line for cite in cites(statement.sources))
        assert line.endswith(f"Read more: [{entry.topic.title}]({entry.page_path}).")
    assert "## Get help urgently" in page and "Emergency: call [999](tel:999)" in page
    assert page.rstrip().endswith("</details>") and "## Sources" in page  # its facts, sourced
    # Links are relative to the page that shows them.
    deeper = expand_markers(KEY_FACTS_MARKER, real_content, "about/index.md")
    assert "](../topics/" in deeper
