"""mkdocs.yml's menu, cut down to the pages a smaller project has (a test's or the benchmark's).

Shared by tests/ and bench/, so it lives in the package rather than in either.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def kept_entries(nav: list[Any], has_page: Callable[[str], bool]) -> list[Any]:
    """The entries whose page exists (markers like "@topics" always stay); a group stays if any entry does."""
    kept: list[Any] = []
    for item in nav:
        if isinstance(item, str):
            if item.startswith("@") or has_page(item):
                kept.append(item)
            continue
        title, target = next(iter(item.items()))
        if isinstance(target, list):
            entries = kept_entries(target, has_page)
            if entries:
                kept.append({title: entries})
        elif has_page(target):
            kept.append(item)
    return kept
