"""Seed coverage: every claim in every seed document is mapped to the site, or to why not.

The rule is exact, so nothing slips through: every word of a seed document
must lie inside some ``quote`` in coverage.yaml, every quote must be copied
exactly from its seed, and every statement id it names must exist.
"""

from __future__ import annotations

import re
from pathlib import Path

from medinfo.content.schema import CoverageFile
from medinfo.content.yamlfile import YamlDocument
from medinfo.problems import Problem

_WORD = re.compile(r"\w")


def normalise(text: str) -> str:
    """Whitespace as single spaces, so quotes need not copy line breaks."""
    return " ".join(text.split())


def uncovered_passages(text: str, quotes: list[str]) -> list[str]:
    """The stretches of ``text`` that contain words but lie in no quote."""
    covered = [False] * len(text)
    for quote in quotes:
        start = text.find(quote)
        while quote and start != -1:
            covered[start : start + len(quote)] = [True] * len(quote)
            start = text.find(quote, start + 1)
    passages: list[str] = []
    current: list[str] = []
    for char, is_covered in zip(text, covered, strict=True):
        if is_covered:
            passages.append("".join(current))
            current = []
        else:
            current.append(char)
    passages.append("".join(current))
    return [p.strip() for p in passages if _WORD.search(p)]


def check_coverage(
    doc: YamlDocument, coverage: CoverageFile, seeds_dir: Path, statement_ids: set[str]
) -> list[Problem]:
    problems: list[Problem] = []
    mapped: set[str] = set()
    for s_index, seed in enumerate(coverage.seeds):
        mapped.add(seed.file)
        path = seeds_dir / seed.file
        if not path.is_file():
            problems.append(
                doc.problem(
                    ("seeds", s_index, "file"),
                    f"there is no seed document '{seed.file}' in {seeds_dir.name}/.",
                )
            )
            continue
        text = normalise(path.read_text(encoding="utf-8"))
        quotes = []
        for c_index, claim in enumerate(seed.claims):
            quote = normalise(claim.quote)
            if quote in text:
                quotes.append(quote)
            else:
                problems.append(
                    doc.problem(
                        ("seeds", s_index, "claims", c_index, "quote"),
                        f"these words are not in {seed.file}. Copy the claim exactly from the seed.",
                    )
                )
            for index, statement_id in enumerate(claim.statements):
                if statement_id not in statement_ids:
                    problems.append(
                        doc.problem(
                            ("seeds", s_index, "claims", c_index, "statements", index),
                            f"there is no statement with the id '{statement_id}'.",
                        )
                    )
        for passage in uncovered_passages(text, quotes):
            shown = passage if len(passage) <= 100 else passage[:97] + "..."
            problems.append(
                doc.problem(
                    ("seeds", s_index, "file"),
                    f'this part of {seed.file} is not mapped to any claim: "{shown}"',
                )
            )
    for path in sorted(seeds_dir.glob("*.txt")):
        if path.name not in mapped:
            problems.append(doc.problem(("seeds",), f"the seed document '{path.name}' is not mapped at all."))
    return problems
