"""A short unified diff of two texts, sentence by sentence, for the watch's report."""

from __future__ import annotations

import difflib

from medinfo.sources.text import sentences

MAX_DIFF_LINES = 40


def short_diff(old: str, new: str, before: str = "accepted", after: str = "now") -> list[str]:
    """The changed sentences with one sentence around each, at most MAX_DIFF_LINES lines."""
    lines = list(difflib.unified_diff(sentences(old), sentences(new), before, after, n=1, lineterm=""))
    if len(lines) <= MAX_DIFF_LINES:
        return lines
    left = len(lines) - MAX_DIFF_LINES
    return [*lines[:MAX_DIFF_LINES], f"... ({left} more lines of differences not shown)"]
