"""Problems found in the content, collected and reported together.

Every problem names the file, the line and the field, in words an editor who
is not a programmer understands: ``path:line: field: message``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

# A field path as it appears in the data: mapping keys and 0-based list indexes.
FieldPath = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


def describe_field(path: FieldPath) -> str:
    """Show a field path to editors, with list items counted from 1.

    ``("sections", 0, "statements", 2, "sources")`` -> ``sections[1].statements[3].sources``
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text or "(whole file)"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """ " Did you mean 'x'?" for the closest of ``choices`` to a mistyped ``word``; '' if none is close."""
    guess = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" Did you mean '{guess[0]}'?" if guess else ""


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.file}:{self.line}: {self.field}: {prefix}{self.message}"


@dataclass
class Report:
    """Collects problems from every check so they can be shown all at once."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity is Severity.WARNING)

    def summary(self) -> str:
        """All problems, errors first, then a one-line count."""
        lines = [str(p) for p in self.errors + self.warnings]
        counts = f"{len(self.errors)} error(s), {len(self.warnings)} warning(s)"
        lines.append(f"Content check: {counts}.")
        return "\n".join(lines)


class ContentError(Exception):
    """Raised once, after every check has run, when the content has errors."""

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(report.summary())
