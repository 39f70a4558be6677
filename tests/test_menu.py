"""Topics can be listed under a heading in the menu (``menu_group``), where the first of them comes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import FIXTURE, FIXTURE_TODAY, make_fixture_project, mkdocs_build

from medinfo.content.loader import load_content, topic_menu


def test_topics_without_a_group_are_listed_on_their_own() -> None:
    content, _ = load_content(FIXTURE / "content_src", FIXTURE / "docs")  # no menu_group there
    menu = topic_menu(content.topics)
    assert menu == [{entry.topic.title: entry.page_path} for entry in content.topics]


def group_label(item: Tag) -> str:
    """The heading of a group in the menu: its label's words."""
    label = item.select_one("label")
    assert label is not None
    return label.get_text(strip=True)


@pytest.mark.e2e
def test_grouped_topics_are_listed_under_their_heading_in_order(fixture_pdfs: Path, tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    side_effects = project / "content_src" / "topics" / "side-effects.yaml"
    text = side_effects.read_text(encoding="utf-8")
    side_effects.write_text(text.replace("\norder:", "\nmenu_group: Safety\norder:", 1), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project / "mkdocs.yml", site, today=FIXTURE_TODAY)
    assert result.returncode == 0, result.stderr

    def menu_of(path: str) -> Tag:
        soup = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        menu = soup.select_one("nav.md-nav--primary")
        assert menu is not None
        return menu

    # On a page outside the group, the group is there with its pages, to open in the menu.
    nested = menu_of("topics/how-it-works").select(".md-nav__item--nested")
    safety = next(item for item in nested if group_label(item) == "Safety")
    assert "md-nav__item--pruned" not in safety["class"]
    assert [a["href"] for a in safety.select("nav a")] == ["../side-effects/"]
    # On a page in the group, the group is open and lists its pages.
    group = menu_of("topics/side-effects").select_one(".md-nav__item--active.md-nav__item--nested")
    assert group is not None
    assert "Safety" in group.get_text()
    active = group.select_one(".md-nav__link--active")
    assert active is not None and "Side effects" in active.get_text()


def test_a_small_menu_lists_every_page_and_a_large_one_is_pruned_to_the_readers_group() -> None:
    from medinfo.site.menu import PRUNE_FEATURE, PRUNE_MENU_ABOVE, menu_features

    def menu(pages: int) -> list[object]:
        return [
            {"Home": "index.md"},
            {"Topics": [{f"Topic {n}": f"topics/t{n}.md"} for n in range(pages - 1)]},
        ]

    features = ["navigation.footer"]
    assert menu_features(features, menu(PRUNE_MENU_ABOVE)) == features  # every topic: 2 taps
    assert menu_features(features, menu(PRUNE_MENU_ABOVE + 1)) == [*features, PRUNE_FEATURE]
    assert menu_features([PRUNE_FEATURE], menu(500)) == [PRUNE_FEATURE]  # not added twice
