"""The note a page shows while one of its sources has changed and no editor has reread it.

The source watch (``medinfo sources watch``) records in tool-owned state the day it first
saw a source's text change (or its address move); ``medinfo sources accept`` clears it
once an editor has reread it. A page that cites such a source says so under its review
line, on screen, on paper and in its PDF handout, until then. Nobody edits YAML for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from medinfo.render.plain import long_date


@dataclass(frozen=True)
class SourceNote:
    """What the note says; the templates only lay it out."""

    text: str
    first_changed: dt.date  # the earliest day one of the page's sources was seen changed
    sources: tuple[str, ...]  # the page's changed sources, in the order the page first cites them

    @property
    def first_changed_iso(self) -> str:
        return self.first_changed.isoformat()


def source_note(cited: Iterable[str], changed_on: Mapping[str, dt.date]) -> SourceNote | None:
    """The note for a page citing ``cited``, given each changed, not yet reread source's day
    first seen (``WatchState.changed_on()``); None if none of the page's sources changed."""
    changed = tuple(source for source in dict.fromkeys(cited) if source in changed_on)
    if not changed:
        return None
    days = sorted({changed_on[source] for source in changed})
    first = long_date(days[0])
    if len(changed) == 1:
        text = f"A source of this page changed on {first}; the editors are checking it."
    elif len(days) == 1:
        text = f"{len(changed)} sources of this page changed on {first}; the editors are checking them."
    else:
        text = (
            f"{len(changed)} sources of this page changed, the first on {first}; "
            "the editors are checking them."
        )
    return SourceNote(text, days[0], changed)
