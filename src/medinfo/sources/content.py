"""What the watch reads from editors' YAML (never writes): the sources' ids and addresses, the
leaflet's passages, and the urgent-help card's signs that carry passages. Only these files are
read, so a mistake elsewhere in the content does not stop the watch."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from medinfo.content.names import LEAFLET_MAP, SOURCES, URGENT_HELP
from medinfo.content.schema import LeafletMap, UrgentHelp
from medinfo.content.yamlfile import YamlDocument, read_yaml_file
from medinfo.project import display_path

M = TypeVar("M", bound=BaseModel)
_CHECK = "Run 'medinfo check' to see every mistake, fix them, then run this again."


class WatchError(Exception):
    """The watch cannot run at all: one line for editors."""


@dataclass(frozen=True)
class Watched:
    root: Path  # the project's folder (content_src's parent): source-watch/ is here
    sources: dict[str, str]  # id -> url, in sources.yaml's order
    leaflet_map: LeafletMap | None = None
    signs: dict[str, list[str]] = field(default_factory=dict)  # passage id -> card signs naming it


def load_watched(content_dir: Path) -> Watched:
    """The sources and the leaflet's map; WatchError if sources.yaml cannot be read."""
    root = content_dir.resolve().parent
    sources = _addresses(content_dir / SOURCES, root)
    leaflet_map = _read(content_dir / LEAFLET_MAP, LeafletMap, root, required=False)
    urgent = _read(content_dir / URGENT_HELP, UrgentHelp, root, required=False)
    signs: dict[str, list[str]] = {}
    for level in urgent.levels if urgent else []:
        for sign in level.signs:
            for passage_id in sign.leaflet:
                signs.setdefault(passage_id, []).append(f"{level.level}: {sign.text}")
    return Watched(root, sources, leaflet_map, signs)


def _addresses(path: Path, root: Path) -> dict[str, str]:
    """Each source's id and url, and nothing else: the watch needs no more of sources.yaml, so
    another mistake in it (which 'medinfo check' reports) does not stop the watch."""
    doc = _document(path, root, required=True)
    entries = doc.data.get("sources") if doc and isinstance(doc.data, dict) else None
    found: dict[str, str] = {}
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        source_id = entry.get("id") if isinstance(entry, dict) else None
        url = entry.get("url") if isinstance(entry, dict) else None
        if not (isinstance(source_id, str) and isinstance(url, str)):
            assert doc is not None
            raise WatchError(f"{doc.problem(('sources', index), 'every source needs an id and a url.')}")
        found[source_id] = url
    if not found:
        raise WatchError(f"{display_path(path, root)} lists no sources. {_CHECK}")
    return found


def _read(path: Path, model: type[M], root: Path, required: bool) -> M | None:
    doc = _document(path, root, required)
    if doc is None:
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError:
        raise WatchError(f"{doc.file} has mistakes. {_CHECK}") from None


def _document(path: Path, root: Path, required: bool) -> YamlDocument | None:
    shown = display_path(path, root)
    if not path.is_file():
        if required:
            raise WatchError(f"{shown} is missing: run this in the project's folder, or give --content")
        return None
    doc, problems = read_yaml_file(path, shown)
    if doc is None or problems:
        raise WatchError(f"{problems[0] if problems else shown + ': cannot be read'} {_CHECK}")
    return doc
