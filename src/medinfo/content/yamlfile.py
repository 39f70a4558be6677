"""Read editors' YAML strictly, remembering the line of every value.

PyYAML's loaders quietly keep the last of two duplicate keys, construct
objects from tags and expand aliases. Here the file is only *composed* into
nodes, and the nodes are turned into plain Python values by hand, so that:

- a duplicate key, a tag, an alias or over-deep nesting is a problem, not a surprise;
- every value keeps its line number for error messages;
- nothing in the file is ever written back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from medinfo.problems import FieldPath, Problem, describe_field

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 16

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {_TAG + "map", _TAG + "seq"}
_BOM = "\ufeff"


@dataclass
class YamlDocument:
    """Plain data from one YAML file, with the line of each field."""

    file: str
    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)

    def line_of(self, path: FieldPath) -> int:
        """The line of ``path``, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def problem(self, path: FieldPath, message: str, **kwargs: Any) -> Problem:
        return Problem(self.file, self.line_of(path), describe_field(path), message, **kwargs)


def read_yaml_file(path: Path, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Read one YAML file: the document (None if unreadable) and any problems found."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(
                display_name,
                1,
                "(whole file)",
                f"the file is {len(raw) // 1024} KB; the limit is {MAX_FILE_BYTES // 1024} KB. "
                "Split it into smaller files.",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                display_name,
                line,
                "(whole file)",
                "this file is not saved as UTF-8 text (a character on this line cannot be read). "
                "Save it again with the encoding set to UTF-8.",
            )
        ]
    return parse_yaml_text(text, display_name)


def parse_yaml_text(
    text: str, display_name: str, first_line: int = 1
) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse YAML text; ``first_line`` is the file line the text starts on (for front matter)."""

    def whole_file(line: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(display_name, line, "(whole file)", message)]

    if text.startswith(_BOM):
        return whole_file(
            first_line,
            "the file starts with an invisible byte-order mark. Save it as 'UTF-8' (not 'UTF-8 with BOM').",
        )
    if not _has_content(text):
        return whole_file(first_line, "the file is empty: it has no fields at all.")
    quick = _compose_quickly(text)
    try:
        aliases, node = quick or (_alias_lines(text), yaml.compose(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        # While scanning (e.g. an unclosed quotation mark), where the thing started helps more
        # than where YAML gave up, which may be the end of the file.
        scanning = bool(error.context and error.context.startswith("while scanning"))
        mark = (error.context_mark if scanning else None) or error.problem_mark or error.context_mark
        line = (mark.line + first_line) if mark else first_line
        return None, [Problem(display_name, line, "(YAML syntax)", explain_syntax_error(error))]
    except yaml.YAMLError as error:  # e.g. a control character in the text
        return whole_file(first_line, f"YAML cannot read this file: {error}")
    except RecursionError:
        return whole_file(first_line, f"the file is nested more than {MAX_DEPTH} levels deep.")
    if node is None:
        return whole_file(first_line, "the file is empty: it has no fields at all.")

    converter = _NodeConverter(display_name, first_line, aliases)
    data = converter.convert(node, (), 0)
    # With problems the data is still returned (the bad values as None), so other
    # files can be checked against it; the caller does not validate it further.
    return YamlDocument(display_name, data, converter.lines), converter.problems


def _compose_quickly(text: str) -> tuple[list[int], yaml.Node | None] | None:
    """Alias lines and the composed file, read by libyaml (C, about ten times faster: it
    matters at hundreds of topic files). None when the Python reader must read it instead:
    it words every syntax error the way editors are shown, and guards against deep nesting
    with Python's recursion limit, which libyaml's composer does not have."""
    if _C_LOADER is None:
        return None
    try:
        aliases, depth = [], 0
        for event in yaml.parse(text, Loader=_C_LOADER):  # an event stream: no recursion
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return None
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                aliases.append(int(event.start_mark.line))
        return aliases, yaml.compose(text, Loader=_C_LOADER)
    except yaml.YAMLError:
        return None


_C_LOADER = getattr(yaml, "CSafeLoader", None)


def _alias_lines(text: str) -> list[int]:
    """0-based lines where an alias is used, found before anything is expanded."""
    return [
        int(event.start_mark.line)
        for event in yaml.parse(text, Loader=yaml.SafeLoader)
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None
    ]


def _has_content(text: str) -> bool:
    """True when the text has anything besides blank lines, comments and ``---``."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped not in ("---", "..."):
            return True
    return False


# PyYAML's wording -> what an editor needs to do about it.
_SYNTAX_HINTS: list[tuple[str, str]] = [
    (
        r"found character '\\t'",
        "this line contains a tab character. Use spaces to indent, never tabs.",
    ),
    (
        r"mapping values are not allowed here",
        "there is a colon (:) where YAML does not expect one. Check the indentation, or put "
        'text that contains ": " inside quotation marks.',
    ),
    (
        r"could not find expected ':'",
        "a line is missing its colon (name: value), or its indentation does not match the lines around it.",
    ),
    (
        r"expected <block end>|expected <block mapping start>|did not find expected key",
        "the indentation here does not line up with the lines above. Each field in a group "
        "must start in the same column.",
    ),
    (
        r"did not find expected '-' indicator|expected <block sequence",
        "a list item does not line up with the items above it.",
    ),
    (
        r"found undefined alias|found unacceptable character|found unknown escape",
        "this line has a character YAML cannot read. Put the text inside quotation marks.",
    ),
    (
        r"found unexpected end of stream|while scanning a quoted scalar",
        "a quotation mark is opened but never closed.",
    ),
    (
        r"expected a single document",
        "the file contains more than one document (a line with only '---' in the middle). Keep one.",
    ),
    (
        r"while parsing a flow",
        "a bracket [ or { is opened but not closed, or a value inside it is misplaced.",
    ),
]


def explain_syntax_error(error: yaml.MarkedYAMLError) -> str:
    """Turn PyYAML's syntax error into a plain instruction."""
    detail = f"{error.context or ''} {error.problem or ''}"
    for pattern, hint in _SYNTAX_HINTS:
        if re.search(pattern, detail):
            return f"YAML cannot read this line: {hint}"
    return f"YAML cannot read this line: {(error.problem or 'syntax error').strip()}."


class _NodeConverter:
    """Turns composed YAML nodes into plain values, noting every problem."""

    def __init__(self, file: str, first_line: int, alias_lines: list[int]) -> None:
        self.file = file
        self.offset = first_line
        # An alias composes to the very node it names, so its own line is lost; aliases
        # are met in document order, so the n-th repeated node is the n-th alias.
        self._alias_lines = iter(alias_lines)
        self.lines: dict[FieldPath, int] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._scalars = yaml.SafeLoader("")

    def _problem(self, line: int, path: FieldPath, message: str) -> None:
        self.problems.append(Problem(self.file, line, describe_field(path), message))

    def _line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + self.offset

    def convert(self, node: yaml.Node, path: FieldPath, depth: int) -> Any:
        line = self._line(node)
        if id(node) in self._seen:
            line = next(self._alias_lines, 0) + self.offset
            self.lines.setdefault(path, line)
            self._problem(
                line,
                path,
                "YAML aliases (*name) and anchors (&name) are not allowed: write the value out.",
            )
            return None
        self.lines.setdefault(path, line)
        self._seen.add(id(node))
        if depth > MAX_DEPTH:
            self._problem(line, path, f"the values are nested more than {MAX_DEPTH} levels deep.")
            return None
        if node.tag not in _SCALAR_TAGS | _COLLECTION_TAGS:
            self._problem(
                line,
                path,
                f"YAML tags such as '{node.tag.replace(_TAG, '!!')}' are not allowed. "
                "Remove the tag and write plain text.",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = self._line(key_node)
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == _TAG + "str"):
                self._problem(line, path, "a field name must be a plain word followed by a colon.")
                continue
            key = str(key_node.value)
            if key in first_seen:
                self._problem(
                    line,
                    path + (key,),
                    f"'{key}' appears twice in the same group (first on line {first_seen[key]}). "
                    "Keep one of them: otherwise one value would be silently lost.",
                )
                continue
            first_seen[key] = line
            self.lines[path + (key,)] = line
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        try:
            return self._scalars.construct_object(node)
        except ValueError:
            if node.tag == _TAG + "timestamp":
                message = (
                    f"'{node.value}' is not a real calendar date. Write a date that exists, as YYYY-MM-DD."
                )
            else:
                message = f"'{node.value}' cannot be read as a value."
            self._problem(self._line(node), path, message)
            return None
