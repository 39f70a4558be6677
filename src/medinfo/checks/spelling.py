"""Spelling: every word readers see, checked against an English dictionary and the project's word list.

The dictionary (pyspellchecker's English word list) does not know medical
words, names, or British spellings such as 'recognise'. Those go in the
project word list, ``content_src/spelling-words.txt``, one per line, after an
editor has checked that they are spelt right. Only readers' text is checked:
ids, source lists and web addresses are not words, publishers' titles and
quotes copied from seed documents are not ours to correct, and words in
capitals (EMA, MS) are taken as abbreviations.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spellchecker import SpellChecker

from medinfo.content.yamlfile import YamlDocument, parse_yaml_text, read_yaml_file
from medinfo.problems import FieldPath, Problem, describe_field

WORD_LIST = "spelling-words.txt"
SEEDS = "seeds"
# Fields whose values are not words for readers, or are other people's words.
NOT_PROSE = {"id", "sources", "url", "seed_file", "answer_from", "key_points", "key_facts", "leaflet"}
NOT_PROSE_IN = {
    "sources.yaml": {"title"},  # publishers' titles, shown as they gave them
    "coverage.yaml": {"file", "quote", "statements"},  # quotes copied exactly from the seeds; ids
    # The leaflet's own words, and ids.
    "leaflet-map.yaml": {"leaflet_file", "source", "text", "statements", "section"},
}

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_NOT_WORDS = [
    re.compile(r"`[^`]*`"),  # code
    re.compile(r"<[^>]*>"),  # HTML tags
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"https?://\S+"),  # bare web addresses
    re.compile(r"\{[^}]*\}"),  # attribute lists like { #id }
    re.compile(r"\[[^\]]*\]:\s*\S+"),  # link reference definitions
]


@dataclass(frozen=True)
class Text:
    file: str
    line: int
    field: str
    text: str


def load_word_list(path: Path) -> set[str]:
    """The project's words: one per line; '#' starts a comment; case does not matter."""
    if not path.is_file():
        return set()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word.lower())
    return words


def check_spelling(content_dir: Path, docs_dir: Path | None, shown_root: Path) -> list[Problem]:
    """One problem per unknown word, at its line: content files first, then hand-written pages."""
    checker = SpellChecker(language="en")
    project_words = load_word_list(content_dir / WORD_LIST)
    texts = list(_content_texts(content_dir, shown_root))
    if docs_dir is not None:
        texts += _page_texts(docs_dir, shown_root)
    problems = []
    for item in texts:
        for word in unknown_words(item.text, checker, project_words):
            problems.append(Problem(item.file, item.line, item.field, _message(word, project_words)))
    return problems


def unknown_words(text: str, checker: SpellChecker, project_words: set[str]) -> Iterator[str]:
    """The words in ``text`` that neither the dictionary nor the project word list knows."""
    seen: set[str] = set()
    for raw in _WORD.findall(text):
        word = raw.replace("’", "'").strip("'")
        if word.isupper() or word[:-1].isupper() or len(word) < 2:  # EMA, DMTs, single letters
            continue
        lower = word.lower()
        base = lower.removesuffix("'s")
        if base in seen or base in project_words or lower in project_words:
            continue
        if checker.known([base]) or checker.known([lower]):
            continue
        seen.add(base)
        yield word


def _message(word: str, project_words: set[str]) -> str:
    # Suggest from the project's own words: the dictionary's guesses are slow and often odd.
    guesses = difflib.get_close_matches(word.lower(), sorted(project_words), n=1, cutoff=0.8)
    hint = f" Did you mean '{guesses[0]}'?" if guesses else ""
    return (
        f"'{word}' is not in the dictionary or the project word list.{hint} If it is spelt right "
        f"(a medical word, a name, a British spelling), add it to content_src/{WORD_LIST}."
    )


def _content_texts(content_dir: Path, shown_root: Path) -> Iterator[Text]:
    for path in sorted(content_dir.rglob("*.yaml")):
        if SEEDS in path.relative_to(content_dir).parts:
            continue
        doc, problems = read_yaml_file(path, _shown(path, shown_root))
        if doc is None or problems:
            continue  # 'medinfo check' reports files it cannot read
        skip = NOT_PROSE | NOT_PROSE_IN.get(path.name, set())
        yield from _strings(doc, doc.data, (), skip)


def _strings(doc: YamlDocument, value: Any, path: FieldPath, skip: set[str]) -> Iterator[Text]:
    if isinstance(value, str):
        yield Text(doc.file, doc.line_of(path), describe_field(path), value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from _strings(doc, item, path + (key,), skip)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(doc, item, path + (index,), skip)


def _page_texts(docs_dir: Path, shown_root: Path) -> Iterable[Text]:
    texts: list[Text] = []
    for path in sorted(docs_dir.rglob("*.md")):
        shown = _shown(path, shown_root)
        source = path.read_text(encoding="utf-8", errors="replace")
        body_start = 1
        match = _FRONT_MATTER.match(source)
        if match:
            doc, problems = parse_yaml_text(match.group(1) or "", shown, first_line=2)
            if doc is not None and not problems and isinstance(doc.data, dict):
                front = {k: v for k, v in doc.data.items() if k in ("title", "description")}
                texts += _strings(doc, front, (), set())
            body_start = source[: match.end()].count("\n") + 1
            source = source[match.end() :]
        texts += _markdown_lines(source, shown, body_start)
    return texts


def _markdown_lines(body: str, shown: str, first_line: int) -> Iterator[Text]:
    in_fence = False
    for number, line in enumerate(body.splitlines(), start=first_line):
        if re.match(r"^\s*(```|~~~)", line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for pattern in _NOT_WORDS:
            line = pattern.sub(" ", line)
        yield Text(shown, number, "(page text)", line)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
