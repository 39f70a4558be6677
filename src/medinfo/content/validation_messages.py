"""Turn pydantic's validation errors into messages for editors.

Pydantic reports a location like ``("review", "clinical_signoff",
"ClinicalSignoff", "date")`` and a type like ``missing``. Editors need the
line, the field as they typed it, and what to write instead.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from medinfo.content.yamlfile import YamlDocument
from medinfo.problems import FieldPath, Problem

_DATE = "should be a date written as YYYY-MM-DD, like 2026-11-22 (without quotation marks)"

_MESSAGES: dict[str, str] = {
    "int_type": "should be a whole number, like 42 (without quotation marks)",
    "int_from_float": "should be a whole number, like 42",
    "bool_type": "should be true or false",
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_inexact": "should be a date only, like 2026-11-22, without a time",
    "list_type": "should be a list: one item per line, each starting with '- '",
    "model_type": "should be a group of fields ('name: value' lines indented below it)",
    "model_attributes_type": "should be a group of fields ('name: value' lines indented below it)",
    "dict_type": "should be a group of fields ('name: value' lines indented below it)",
    "string_too_short": "cannot be empty",
}

_PATTERN_MESSAGES: dict[str, str] = {
    "\\x00-\\x08": "contains an invisible control character. Delete it and type the text again",
    "^[a-z0-9]+(-[a-z0-9]+)*$": (
        "should use only lowercase letters, digits and single hyphens, like 'infusion-reactions'"
    ),
    "\\?$": "should be a question ending with '?', without the characters < > & or \"",
    "^https://": "should be a full web address starting with https://, with no spaces, brackets or quotes",
    '^[^<>&"]+$': "cannot contain the characters < > & or \" (write 'and' instead of '&')",
    ".txt$": "should be the seed document's file name, ending in .txt",
}


def problems_from_validation(
    doc: YamlDocument, model: type[BaseModel], error: ValidationError
) -> list[Problem]:
    """One problem per field that is wrong, at the line where it is written."""
    located = [(_data_path(doc.data, e["loc"], e["type"] == "missing"), e) for e in error.errors()]
    located = _drop_union_noise(located)
    by_path: dict[FieldPath, list[ErrorDetails]] = {}
    for path, details in located:
        by_path.setdefault(path, []).append(details)
    problems = []
    for path, details_list in by_path.items():
        if len(details_list) > 1:  # the value fits none of the forms the field accepts
            hint = _description(model, path)
            message = "is not in a form this field accepts." + (f" {hint}" if hint else "")
        else:
            message = _message(model, path, details_list[0])
        problems.append(doc.problem(path, message))
    return problems


def _data_path(data: Any, loc: tuple[int | str, ...], missing: bool) -> FieldPath:
    """Keep the parts of pydantic's location that exist in the data (drop union labels).

    For a missing field, the last part names the field that is not there.
    """
    path: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        absent = missing and index == len(loc) - 1
        if isinstance(current, dict) and isinstance(part, str) and (part in current or absent):
            path.append(part)
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
    return tuple(path)


def _drop_union_noise(
    located: list[tuple[FieldPath, ErrorDetails]],
) -> list[tuple[FieldPath, ErrorDetails]]:
    """For a field that may take several forms, keep only the most specific complaint."""
    paths = [path for path, _ in located]

    def has_deeper(path: FieldPath) -> bool:
        return any(len(other) > len(path) and other[: len(path)] == path for other in paths)

    kept = []
    for path, details in located:
        from_union = len(path) < len(details["loc"])
        if from_union and has_deeper(path):
            continue
        kept.append((path, details))
    return kept


def _message(model: type[BaseModel], path: FieldPath, details: ErrorDetails) -> str:
    kind = details["type"]
    ctx = details.get("ctx") or {}
    given = details.get("input")
    name = str(path[-1]) if path and isinstance(path[-1], str) else "this item"
    if kind == "missing":
        hint = _description(model, path)
        return f"'{name}' is required but missing." + (f" {hint}" if hint else "")
    if kind == "extra_forbidden":
        return _unknown_field_message(model, path, name)
    if given is None and kind not in ("value_error",):
        return "is empty. Write a value after the colon."
    if kind in _VALUE_MESSAGES:
        return _VALUE_MESSAGES[kind](ctx, given, details)
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind.startswith("union_"):
        hint = _description(model, path)
        return "is not in a form this field accepts." + (f" {hint}" if hint else "")
    return str(details["msg"])


def _unknown_field_message(model: type[BaseModel], path: FieldPath, name: str) -> str:
    allowed = sorted(allowed_fields(model, path[:-1]))
    guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    text = f"'{name}' is not a field that belongs here."
    if guess:
        text += f" Did you mean '{guess[0]}'?"
    return text + f" Fields allowed here: {', '.join(allowed)}."


def _text_message(ctx: dict[str, Any], given: Any, details: ErrorDetails) -> str:
    shown = given if not isinstance(given, (dict, list)) else "a group or list"
    return f"should be text, but is {shown!r}. Put it in quotation marks if it is meant as text."


def _pattern_message(ctx: dict[str, Any], given: Any, details: ErrorDetails) -> str:
    pattern = str(ctx.get("pattern", ""))
    for key, text in _PATTERN_MESSAGES.items():
        if key in pattern:
            return f"{text} (it is {given!r})"
    return f"is not in the expected form (it is {given!r})"


# A wrong value's message, by the kind of error: each says what the value should be.
_VALUE_MESSAGES: dict[str, Callable[[dict[str, Any], Any, ErrorDetails], str]] = {
    "string_type": _text_message,
    "literal_error": lambda ctx, given, details: (
        f"should be {ctx.get('expected', 'one of the allowed values')}"
    ),
    "string_pattern_mismatch": _pattern_message,
    "too_short": lambda ctx, given, details: f"needs at least {ctx.get('min_length', 1)} item(s)",
    "string_too_long": lambda ctx, given, details: f"is too long: at most {ctx.get('max_length')} characters",
    "greater_than_equal": lambda ctx, given, details: f"should be {ctx.get('ge')} or more",
    "greater_than": lambda ctx, given, details: f"should be more than {ctx.get('gt')}",
    "value_error": lambda ctx, given, details: str(ctx.get("error", details["msg"])),
}


def allowed_fields(model: type[BaseModel], path: FieldPath) -> set[str]:
    """The field names the schema allows at ``path`` (a mapping inside ``model``)."""
    found = _model_at(model, path)
    return set(found.model_fields) if found else set()


def _description(model: type[BaseModel], path: FieldPath) -> str:
    if not path or not isinstance(path[-1], str):
        return ""
    parent = _model_at(model, path[:-1])
    if parent is None or path[-1] not in parent.model_fields:
        return ""
    return parent.model_fields[path[-1]].description or ""


def _model_at(model: type[BaseModel], path: FieldPath) -> type[BaseModel] | None:
    """Follow a data path through the schema's type annotations to a model class."""
    current: Any = model
    for part in path:
        candidates = _models_in(current) if isinstance(part, str) else []
        if isinstance(part, int):
            current = _list_item_type(current)
            continue
        matches = [m for m in candidates if part in m.model_fields]
        if not matches:
            return None
        current = matches[0].model_fields[part].annotation
    models = _models_in(current)
    return models[0] if models else None


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]
    return []


def _list_item_type(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is list:
        return typing.get_args(annotation)[0]
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            item = _list_item_type(arg)
            if item is not None:
                return item
    return None
