"""The site's menu: mkdocs.yml's, with its markers filled in, and whether the theme prunes it."""

from __future__ import annotations

from typing import Any

from medinfo.content.entries import Content, topic_menu
from medinfo.registry import menu_markers, site_pages

# Above this many pages the menu is pruned: listing every page on every page costs the theme
# about a million menu entries at 1,000 pages, and a reader could not scan such a list anyway.
PRUNE_MENU_ABOVE = 60
PRUNE_FEATURE = "navigation.prune"
TOPICS_MARKER = "@topics"  # in the menu: one entry per topic, in order


def site_menu(nav: list[Any], content: Content) -> list[Any]:
    """mkdocs.yml's menu with its markers replaced: the topics, and each page the registry
    lists under a marker (such as the handouts pages under ``@handouts``)."""
    under_marker: dict[str, list[Any]] = {marker: [] for marker in menu_markers()}
    for page in site_pages(content):
        if page.menu is not None:
            under_marker.setdefault(page.menu, []).append({page.title: page.path})
    expanded: list[Any] = []
    for item in nav:
        if item == TOPICS_MARKER:
            expanded += topic_menu(content.topics)
        elif isinstance(item, str) and item in under_marker:
            expanded += under_marker[item]
        elif isinstance(item, dict):  # a group: its markers are filled in too
            expanded.append(
                {
                    title: site_menu(entries, content) if isinstance(entries, list) else entries
                    for title, entries in item.items()
                }
            )
        else:
            expanded.append(item)
    return expanded


def menu_features(features: list[str], menu: list[Any]) -> list[str]:
    """The theme's features for this menu: a menu of more than ``PRUNE_MENU_ABOVE`` pages
    holds only the reader's own group open, the other groups as one link each (Material's
    ``navigation.prune``); a smaller one holds every page, so each is two taps away."""
    if _menu_pages(menu) > PRUNE_MENU_ABOVE and PRUNE_FEATURE not in features:
        return [*features, PRUNE_FEATURE]
    return features


def _menu_pages(menu: list[Any]) -> int:
    """How many pages a menu lists, in all its groups."""
    count = 0
    for item in menu:
        entries = next(iter(item.values())) if isinstance(item, dict) else item
        count += _menu_pages(entries) if isinstance(entries, list) else 1
    return count
