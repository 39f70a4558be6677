"""The watch and the accept: each source's main text now, against the one an editor accepted.

The watch records what it saw in source-watch/ (tool-owned; editors' YAML is never written):
a source whose text differs from the accepted one gets ``changed`` (the fingerprint seen) and
``changed_on`` (the first day it was seen, kept on later runs); a redirect gets ``moved_to``.
A source never accepted is reported as new ("not yet accepted") and nothing is recorded for it:
an editor reads it and runs ``medinfo sources accept ID``, which fetches the address again and
records what is there then as accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import Enum

from medinfo.sources.content import Watched
from medinfo.sources.diff import short_diff
from medinfo.sources.fetch import Fetched, Moved, Outcome, Unreachable
from medinfo.sources.state import (
    SourceState,
    WatchState,
    accepted_text,
    fingerprint,
    load_state,
    save_accepted_text,
    save_state,
)
from medinfo.sources.text import TextError, main_text

Fetch = Callable[[str], Outcome]


class Status(Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    MOVED = "moved"
    UNREACHABLE = "unreachable"
    NEW = "new"


@dataclass(frozen=True)
class SourceResult:
    id: str
    url: str
    status: Status
    detail: str = ""  # the new address (moved), or why it could not be read (unreachable)
    diff: tuple[str, ...] = ()
    since: dt.date | None = None  # changed or moved: the day the watch first saw it
    text: str | None = None  # the main text read now (the leaflet's source: for the report)


def watch_sources(watched: Watched, fetch: Fetch, today: dt.date) -> list[SourceResult]:
    """Fetch every source in turn, compare, and record what was seen in the state."""
    before = load_state(watched.root)
    states = dict(before.sources)
    results = []
    for source_id, url in watched.sources.items():
        result, state = _watch_one(watched, source_id, url, states.get(source_id), fetch(url), today)
        results.append(result)
        if state is not None:
            states[source_id] = state
    after = WatchState(states)
    if after != before:
        save_state(watched.root, after)
    return results


def _watch_one(
    watched: Watched, source_id: str, url: str, prior: SourceState | None, outcome: Outcome, today: dt.date
) -> tuple[SourceResult, SourceState | None]:
    """The result for one source, and its new state (None: record nothing)."""
    if isinstance(outcome, Unreachable):
        return SourceResult(source_id, url, Status.UNREACHABLE, outcome.reason), prior
    base = prior or SourceState(url=url)
    since = base.changed_on if base.is_changed and base.changed_on else today
    if isinstance(outcome, Moved):
        state = replace(base, moved_to=outcome.to, changed_on=since)
        return SourceResult(
            source_id, url, Status.MOVED, f"{outcome.status} to {outcome.to}", since=since
        ), state
    try:
        text = main_text(outcome)
    except TextError as error:
        return SourceResult(source_id, url, Status.UNREACHABLE, str(error)), prior
    seen = fingerprint(text)
    if base.accepted is None:
        cleared = replace(base, changed=None, changed_on=None, moved_to=None)
        return SourceResult(source_id, url, Status.NEW, text=text), (cleared if prior else None)
    if seen == base.accepted:
        return (
            SourceResult(source_id, url, Status.UNCHANGED, text=text),
            replace(base, changed=None, changed_on=None, moved_to=None),
        )
    old = accepted_text(watched.root, source_id)
    diff = (
        tuple(short_diff(old, text)) if old is not None else ("(the accepted text is not stored: no diff)",)
    )
    state = replace(base, changed=seen, changed_on=since, moved_to=None)
    return SourceResult(source_id, url, Status.CHANGED, diff=diff, since=since, text=text), state


@dataclass(frozen=True)
class Accepted:
    id: str
    ok: bool
    message: str  # one line for the editor


def accept_sources(watched: Watched, ids: Iterable[str], fetch: Fetch, today: dt.date) -> list[Accepted]:
    """Fetch each source again and record its main text as accepted (a move or an unreachable
    address is refused: there is no text to accept)."""
    state = load_state(watched.root)
    states = dict(state.sources)
    done = []
    for source_id in ids:
        url = watched.sources[source_id]
        outcome = fetch(url)
        text, refusal = _text_to_accept(outcome)
        if text is None:
            done.append(Accepted(source_id, False, f"{source_id}: not accepted: {refusal}"))
            continue
        seen = fingerprint(text)
        prior = states.get(source_id)
        note = ""
        if prior and prior.changed and prior.changed != seen:
            note = " Its text changed again since the last watch: what was accepted is the text as it is now."
        save_accepted_text(watched.root, source_id, text)
        states[source_id] = SourceState(url=url, accepted=seen, accepted_on=today)
        done.append(Accepted(source_id, True, f"{source_id}: accepted as read on {today.isoformat()}.{note}"))
    if states != state.sources:  # nothing accepted: nothing written
        save_state(watched.root, WatchState(states))
    return done


def _text_to_accept(outcome: Outcome) -> tuple[str | None, str]:
    if isinstance(outcome, Unreachable):
        return None, f"unreachable ({outcome.reason}). Try again later."
    if isinstance(outcome, Moved):
        return None, (
            f"its address now moves to {outcome.to}. Check the new page, change the source's url in "
            "content_src/sources.yaml (in a pull request), then accept it."
        )
    assert isinstance(outcome, Fetched)
    try:
        return main_text(outcome), ""
    except TextError as error:
        return None, f"{error}."
