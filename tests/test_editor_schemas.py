"""JSON Schema for editors' tools: made from the one schema, in step with it, and right about the content."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE, REPO, Project
from jsonschema import Draft7Validator, ValidationError

from medinfo.content.loader import load_content
from medinfo.editors.schemas import EDITOR_SCHEMAS, SCHEMA_FOLDER, EditorSchema, json_schema, stale_schemas
from medinfo.problems import ContentError

TOPIC = "content_src/topics/side-effects.yaml"
SCHEMA_FOR = {entry.name: entry for entry in EDITOR_SCHEMAS}


class EditorYamlLoader(yaml.SafeLoader):
    """Reads YAML as editors' tools do (YAML 1.2): a date is text written as YYYY-MM-DD."""


EditorYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def validator(entry: EditorSchema) -> Draft7Validator:
    schema = json.loads((REPO / entry.path).read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def schema_errors(entry: EditorSchema, file: Path) -> list[str]:
    """Every complaint the schema makes about a file, including those inside 'one of these forms'."""
    text = file.read_text(encoding="utf-8")
    data = yaml.load(text.split("---", 2)[1] if file.suffix == ".md" else text, Loader=EditorYamlLoader)

    def messages(errors: Iterable[ValidationError]) -> Iterator[str]:
        for error in errors:
            yield error.message
            yield from messages(error.context or [])

    return list(messages(validator(entry).iter_errors(data)))


def files_for(entry: EditorSchema, root: Path) -> list[Path]:
    return [path for pattern in entry.files for path in sorted(root.glob(pattern))]


def test_committed_schema_files_match_the_schema() -> None:
    """The files VS Code reads are made from schema.py; regenerate with 'medinfo schema'."""
    assert stale_schemas(REPO) == []
    committed = {path.name for path in (REPO / SCHEMA_FOLDER).glob("*.json")}
    assert committed == set(SCHEMA_FOR)  # no stray hand-written copy


@pytest.mark.parametrize("entry", EDITOR_SCHEMAS, ids=lambda e: e.name)
def test_schema_is_valid_json_schema_with_help_for_every_field(entry: EditorSchema) -> None:
    schema = json_schema(entry)
    Draft7Validator.check_schema(schema)
    objects = [schema, *schema.get("definitions", {}).values()]
    for model in objects:
        for name, field in model.get("properties", {}).items():
            assert field.get("description"), f"{model['title']}.{name} has no description for hover help"
            kinds = {field.get("type")} | {option.get("type") for option in field.get("anyOf", [])}
            needs_example = kinds & {"string", "integer", "array"} and "enum" not in field
            needs_example = needs_example and "const" not in str(field.get("anyOf"))
            if needs_example and not field.get("items", {}).get("$ref"):
                assert field.get("examples"), f"{model['title']}.{name} has no example"


@pytest.mark.parametrize("entry", EDITOR_SCHEMAS, ids=lambda e: e.name)
def test_schema_accepts_all_shipped_content_and_the_fixture(entry: EditorSchema) -> None:
    files = files_for(entry, REPO) + files_for(entry, FIXTURE)
    assert files, entry.files
    for file in files:
        assert schema_errors(entry, file) == [], file


def test_vscode_settings_point_each_content_file_at_its_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    expected = {f"./{e.path}": list(e.files) for e in EDITOR_SCHEMAS if not e.files[0].endswith(".md")}
    assert settings["yaml.schemas"] == expected
    for schema_file, patterns in settings["yaml.schemas"].items():
        assert (REPO / schema_file).is_file()
        assert all(list(REPO.glob(pattern)) for pattern in patterns)
    recommended = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in recommended["recommendations"]


# Bad inputs: the validator rejects each one, and so does the editor's schema (as the editor types).
BAD_TOPICS = {
    "misspelt field": ("next_review_due:", "next_reveiw_due:", "Additional properties"),
    "number as text": ("order: 2", "order: second", "is not of type 'integer'"),
    "text as number": ("reviewed_by: Test editors", "reviewed_by: 2026", "is not of type 'string'"),
    "not a date": ("last_reviewed: 2026-02-01", 'last_reviewed: "1 Feb 2026"', "is not a 'date'"),
    "impossible date": ("last_reviewed: 2026-02-01", "last_reviewed: 2026-02-30", "is not a 'date'"),
    "bad id": ("id: zv-se-itch", "id: Itch Skin", "does not match"),
    "negative count": ("count: 42", "count: -4", "is less than the minimum"),
    "sign-off as yes": ("clinical_signoff: none", "clinical_signoff: yes", "is not valid under any"),
    "empty sources": ("sources: [zv-trial, zv-label: section 4]", "sources: []", "should be non-empty"),
    "change without date": ("  - date: 2026-02-01\n    summary:", "  - summary:", "'date' is a required"),
    "unknown style": ("style: list", "style: bullets", "is not one of"),
}


@pytest.mark.parametrize("case", sorted(BAD_TOPICS))
def test_bad_input_is_rejected_by_both_the_validator_and_the_schema(project: Project, case: str) -> None:
    old, new, schema_message = BAD_TOPICS[case]
    project.replace(TOPIC, old, new)
    with pytest.raises(ContentError):
        load_content(project.root / "content_src", project.root / "docs")
    messages = schema_errors(SCHEMA_FOR["topic.schema.json"], project.path(TOPIC))
    assert any(schema_message in message for message in messages), messages


def test_the_schema_cannot_see_everything_so_the_check_has_the_last_word(project: Project) -> None:
    """Rules across files or about today (unknown source ids, future dates) are medinfo check's job."""
    project.replace(
        TOPIC, "sources: [zv-trial, zv-label: section 4]", "sources: [zv-lable, zv-label: section 9]"
    )
    project.replace(TOPIC, "last_reviewed: 2026-02-01", "last_reviewed: 2026-05-01")
    project.replace(TOPIC, "  - date: 2026-02-01\n", "  - date: 2026-12-01\n")
    assert schema_errors(SCHEMA_FOR["topic.schema.json"], project.path(TOPIC)) == []
    errors = "\n".join(project.errors())
    assert "no source with the id 'zv-lable'" in errors
    assert "'section 9' is not one of the places of 'zv-label'" in errors
    assert "2026-12-01 is in the future" in errors
