"""What the source watch knows, in files the tools own (never editors' YAML).

``source-watch/fingerprints.json`` holds, for each source id, the fingerprint of its
main text when an editor last accepted it, and, once the watch sees other text, the
day it first saw it. ``source-watch/accepted/<id>.txt`` is the accepted main text, so
the watch can show what changed. ``medinfo sources watch`` records changes here;
``medinfo sources accept`` records the current text as reread; the build reads it
to tell readers that a page's source changed and is being checked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

STATE_DIR = "source-watch"  # beside mkdocs.yml
STATE_FILE = "fingerprints.json"
TEXT_DIR = "accepted"


def fingerprint(text: str) -> str:
    """The fingerprint of a source's main text: its words, whatever the spacing."""
    return "sha256:" + hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SourceState:
    url: str
    accepted: str | None = None  # the fingerprint an editor accepted; None: never fetched yet
    accepted_on: dt.date | None = None
    changed: str | None = None  # the fingerprint the watch saw instead; None: no change seen
    changed_on: dt.date | None = None  # the day the watch first saw it
    moved_to: str | None = None  # where the address now redirects, if it does

    @property
    def is_changed(self) -> bool:
        """Changed or moved since an editor last accepted it."""
        return self.changed is not None or self.moved_to is not None


@dataclass(frozen=True)
class WatchState:
    sources: dict[str, SourceState] = field(default_factory=dict)

    def changed_on(self) -> dict[str, dt.date]:
        """Each source changed (or moved) and not yet accepted, with the day the watch first saw it."""
        return {
            source_id: state.changed_on
            for source_id, state in self.sources.items()
            if state.is_changed and state.changed_on is not None
        }


def state_dir(root: Path) -> Path:
    return root / STATE_DIR


def load_state(root: Path) -> WatchState:
    """The watch's state in the project at ``root``; empty if the watch never ran."""
    path = state_dir(root) / STATE_FILE
    if not path.is_file():
        return WatchState()
    raw = json.loads(path.read_text(encoding="utf-8"))
    return WatchState({source_id: _source(entry) for source_id, entry in raw.get("sources", {}).items()})


def save_state(root: Path, state: WatchState) -> None:
    """Write the state at once or not at all (a half-written file would hide changes)."""
    data = {"sources": {source_id: _json(entry) for source_id, entry in sorted(state.sources.items())}}
    _write_atomically(state_dir(root) / STATE_FILE, json.dumps(data, indent=2, sort_keys=True) + "\n")


def accepted_text(root: Path, source_id: str) -> str | None:
    path = state_dir(root) / TEXT_DIR / f"{source_id}.txt"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def save_accepted_text(root: Path, source_id: str, text: str) -> None:
    _write_atomically(state_dir(root) / TEXT_DIR / f"{source_id}.txt", text)


def _source(entry: dict[str, Any]) -> SourceState:
    dates = {
        key: dt.date.fromisoformat(entry[key]) if entry.get(key) else None
        for key in ("accepted_on", "changed_on")
    }
    return SourceState(
        url=entry["url"],
        accepted=entry.get("accepted"),
        changed=entry.get("changed"),
        moved_to=entry.get("moved_to"),
        **dates,
    )


def _json(state: SourceState) -> dict[str, Any]:
    return {
        key: value.isoformat() if isinstance(value, dt.date) else value
        for key, value in asdict(state).items()
    }


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, path)
