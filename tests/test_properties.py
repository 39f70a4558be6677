"""Property-based: any Unicode text in any text field is shown as that same text, or refused clearly.

Text goes through the real pipeline (YAML file -> validation -> Markdown -> the
site's Markdown extensions -> HTML). Either the validator refuses it with a
message naming the file, or the page shows exactly the text typed (with runs
of whitespace as one space) and no markup appears that was not there before.
A few examples also go through a real ``mkdocs build --strict``.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURE, FIXTURE_TODAY, REPO, make_fixture_project, mkdocs_build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import get_yaml_loader

from medinfo.content.loader import load_content
from medinfo.problems import ContentError
from medinfo.registry import render_pages
from medinfo.site.glossary import abbreviations

TOPIC = Path("content_src/topics/side-effects.yaml")

# Surrogates cannot be saved as UTF-8, and control characters are refused with their own
# message (see the bad-input corpus); everything else in Unicode is fair game.
CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"))
MARKUP = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "</p>",
        "<!--",
        "&amp;",
        "&lt;",
        "*",
        "**",
        "_",
        "`",
        "```",
        "~~~",
        "[a](javascript:x)",
        "![i](x.png)",
        "[^1]",
        "*[HTML]: x",
        "# ",
        "## ",
        "- ",
        "1. ",
        "> ",
        "!!! note",
        "---",
        "|",
        "{: #id }",
        "{#x}",
        "\\",
        "<https://x.y>",
        "\u202e",
        "\u0301",
        "\u200b",
        "\u00a0",
        "\n",
        "\t",
        "  ",
        '--8<-- "x"',
        ":",
        "'",
        '"',
    ]
)
TEXT = (
    st.lists(st.one_of(st.text(CHARACTERS, max_size=10), MARKUP), min_size=1, max_size=8)
    .map("".join)
    .filter(lambda t: t.strip() and "{how_many}" not in t)
)


def site_markdown_extensions() -> tuple[list[str], dict[str, Any]]:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    names, configs = [], {}
    for item in config["markdown_extensions"]:
        name = item if isinstance(item, str) else next(iter(item))
        names.append(name)
        if isinstance(item, dict):
            configs[name] = item[name] or {}
    return names, configs


EXTENSIONS, EXTENSION_CONFIGS = site_markdown_extensions()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("properties") / "project"
    shutil.copytree(FIXTURE, root)
    return root


def set_field(root: Path, path: tuple[str | int, ...], value: str) -> None:
    original = yaml.safe_load((FIXTURE / TOPIC).read_text(encoding="utf-8"))
    target = original
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    (root / TOPIC).write_text(yaml.safe_dump(original, allow_unicode=True, sort_keys=False), encoding="utf-8")


def rendered_page(root: Path) -> BeautifulSoup:
    content, _ = load_content(root / "content_src", root / "docs")
    page = next(p for p in render_pages(content) if p.path == "topics/side-effects.md")
    body, _meta = get_data(page.markdown)
    configs = {**EXTENSION_CONFIGS, "abbr": {"glossary": abbreviations(content.glossary)}}
    return BeautifulSoup(
        markdown.markdown(body, extensions=EXTENSIONS, extension_configs=configs), "html.parser"
    )


def visible(text: str) -> str:
    return " ".join(text.split())


def tags(soup: BeautifulSoup) -> Counter[str]:
    return Counter(tag.name for tag in soup.find_all(True) if tag.name != "abbr")


FIELDS = {
    "statement text": ("sections", 0, "statements", 1, "text"),
    "section heading": ("sections", 0, "heading"),
    "page intro": ("intro",),
    "question to ask": ("questions_to_ask", 0),
}


@pytest.mark.parametrize("field", FIELDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_text_shows_as_typed_or_is_refused_clearly(workspace: Path, field: str, text: str) -> None:
    path = FIELDS[field]
    if field == "question to ask":
        text = text + "?"
    set_field(workspace, path, text)
    try:
        soup = rendered_page(workspace)
    except ContentError as error:  # refused: with a message naming the file and the field
        assert any(str(TOPIC) in str(p) for p in error.report.errors)
        return
    assert visible(text) in visible(soup.get_text())
    set_field(workspace, path, "plain words?" if field == "question to ask" else "plain words")
    assert tags(soup) == tags(rendered_page(workspace)), "the text added markup"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(statement=TEXT, reviewer=TEXT, heading=TEXT)
def test_real_build_never_crashes_and_shows_the_text(
    fixture_pdfs: Path, tmp_path_factory: pytest.TempPathFactory, statement: str, reviewer: str, heading: str
) -> None:
    project = make_fixture_project(tmp_path_factory.mktemp("build") / "project", kept_pdfs=fixture_pdfs)
    set_field(project, ("sections", 0, "statements", 1, "text"), statement)
    data = yaml.safe_load((project / TOPIC).read_text(encoding="utf-8"))
    data["sections"][0]["heading"] = heading
    data["review"]["reviewed_by"] = reviewer
    (project / TOPIC).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = project.parent / "site"
    result = mkdocs_build(project / "mkdocs.yml", site, today=FIXTURE_TODAY)
    assert "Traceback" not in result.stderr
    if result.returncode != 0:  # refused, or the plain-language checks failed: always with a message
        assert "content_src/" in result.stderr or "WARNING" in result.stderr
        return
    soup = BeautifulSoup((site / "topics/side-effects/index.html").read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("article")
    assert body is not None
    article = visible(body.get_text())
    for text in (statement, reviewer, heading):
        assert visible(text) in article
    assert not soup.select("article script, article img, article iframe")
