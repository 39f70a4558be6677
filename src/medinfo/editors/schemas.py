"""JSON Schema files for editors' tools, made from the one schema in ``schema.py``.

Editors' tools (VS Code with the YAML extension) read these files to show
help on hover, offer field names as you type, and underline mistakes. They are
generated, never written by hand: ``medinfo schema`` writes them and
``medinfo schema --check`` (run by the tests) fails if they are out of date.

JSON Schema cannot express every rule (a review date in the future, a source
id that does not exist, the order of change entries): ``medinfo check`` is
still the final word.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from medinfo.content.files import CONTENT_FILES, TOPIC_FILES, ContentFile
from medinfo.content.names import CONTENT_FOLDER
from medinfo.content.schema import PageFrontMatter

SCHEMA_FOLDER = "schemas"
# Draft 7: the newest version that every YAML editor extension reads.
DIALECT = "http://json-schema.org/draft-07/schema#"


@dataclass(frozen=True)
class EditorSchema:
    """One schema file and the content files it describes."""

    name: str  # file name inside schemas/
    model: type[BaseModel]
    files: tuple[str, ...]  # glob patterns from the repository root
    title: str

    @property
    def path(self) -> str:
        return f"{SCHEMA_FOLDER}/{self.name}"


def _from_table(file: ContentFile) -> EditorSchema:
    return EditorSchema(file.schema_file, file.model, (f"{CONTENT_FOLDER}/{file.name}",), file.title)


# One per content file (the table in medinfo.content.files), then the hand-written pages' front matter.
EDITOR_SCHEMAS: tuple[EditorSchema, ...] = (
    _from_table(TOPIC_FILES),
    *(_from_table(file) for file in CONTENT_FILES),
    # Front matter sits inside Markdown files, which VS Code's YAML extension does not read;
    # the schema is here for other tools and for the tests.
    EditorSchema(
        "page-front-matter.schema.json",
        PageFrontMatter,
        ("docs/**/*.md",),
        "The top of a hand-written page",
    ),
)


def json_schema(entry: EditorSchema) -> dict[str, Any]:
    """The model's JSON Schema, labelled for editors."""
    generated = _draft7(entry.model.model_json_schema(mode="validation", ref_template=_REF))
    if "$defs" in generated:
        generated["definitions"] = generated.pop("$defs")
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$comment": (
            "Made by 'medinfo schema' from src/medinfo/content/schema.py: do not edit by hand. "
            "'medinfo check' also checks what JSON Schema cannot (dates in the future, "
            "source ids, the order of changes)."
        ),
        **generated,
    }
    schema["title"] = entry.title
    return schema


_REF = "#/definitions/{model}"


def _draft7(node: Any) -> Any:
    """Draft 7 ignores words beside a "$ref"; wrap the reference so a field keeps its help text."""
    if isinstance(node, list):
        return [_draft7(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _draft7(value) for key, value in node.items()}
    if "$ref" in converted and len(converted) > 1:
        converted["allOf"] = [{"$ref": converted.pop("$ref")}]
    return converted


def schema_text(entry: EditorSchema) -> str:
    return json.dumps(json_schema(entry), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_schemas(root: Path) -> list[Path]:
    """Write every schema file under ``root/schemas``; return the files that changed."""
    folder = root / SCHEMA_FOLDER
    folder.mkdir(exist_ok=True)
    changed = []
    for entry in EDITOR_SCHEMAS:
        path = root / entry.path
        text = schema_text(entry)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale_schemas(root: Path) -> list[str]:
    """The schema files that are missing or differ from what the schema says now."""
    return [
        entry.path
        for entry in EDITOR_SCHEMAS
        if not (root / entry.path).is_file()
        or (root / entry.path).read_text(encoding="utf-8") != schema_text(entry)
    ]
