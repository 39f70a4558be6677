"""The day the tests and the benchmark build "as of", read from the content itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml


def newest_review_date(*folders: Path) -> dt.date:
    """The newest review or sign-off date in the content (YAML files and Markdown front matter).

    Tests and the benchmark build "as of" that day: nothing in the content is
    in the future and, unless a page really went stale, nothing is overdue, so
    they do not rot as the calendar moves on.
    """
    dates: list[dt.date] = []

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("last_reviewed", "date") and isinstance(item, dt.date):
                    dates.append(item)
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for folder in folders:
        for path in folder.rglob("*.yaml"):
            collect(yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in folder.rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            if text.startswith("---"):
                collect(yaml.safe_load(text.split("---", 2)[1]))
    return max(dates)
