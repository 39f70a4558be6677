"""A new package leaflet against leaflet-map.yaml's passages: which passages are still there word
for word, which were reworded (the closest stretch of the new text, found with difflib), which
are gone, and what new text no passage holds. Each changed or gone passage names its statements:
the editor's list of what to reread.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from enum import Enum

from medinfo.content.coverage import normalise
from medinfo.content.schema import LeafletMap, LeafletPassage
from medinfo.sources.diff import short_diff

SIMILAR_ENOUGH = 0.6  # difflib's ratio at or above which a stretch is the passage reworded
_PUNCTUATION = re.compile(r"^\W+|\W+$")


class PassageStatus(Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    GONE = "gone"


@dataclass(frozen=True)
class PassageResult:
    id: str
    section: str
    status: PassageStatus
    statements: tuple[str, ...]
    not_for_this_site: bool
    signs: tuple[str, ...] = ()  # the urgent-help card's signs that name it
    similarity: float = 1.0
    new_text: str = ""
    diff: tuple[str, ...] = ()


@dataclass(frozen=True)
class LeafletComparison:
    where: str  # the file or address the new text came from
    passages: list[PassageResult] = field(default_factory=list)
    new_text: list[str] = field(default_factory=list)  # stretches of the new leaflet in no passage

    @property
    def to_reread(self) -> list[PassageResult]:
        return [p for p in self.passages if p.status is not PassageStatus.UNCHANGED]

    @property
    def differs(self) -> bool:
        return bool(self.to_reread or self.new_text)


def compare_leaflet(
    leaflet_map: LeafletMap, text: str, where: str, signs: dict[str, list[str]] | None = None
) -> LeafletComparison:
    """Each passage of the map found in ``text`` as it is, reworded, or not at all.

    Passages found word for word claim their words first; then each other passage, in the
    leaflet's order, claims the unclaimed stretch most like it, if it is similar enough."""
    signs = signs or {}
    words = _Words(normalise(text).split())
    results: dict[int, PassageResult] = {}
    for index, passage in enumerate(leaflet_map.passages):
        if words.claim_exact(passage.text):
            results[index] = _result(passage, signs, PassageStatus.UNCHANGED)
    for index, passage in enumerate(leaflet_map.passages):
        if index not in results:
            results[index] = _reworded_or_gone(passage, signs, words, where)
    return LeafletComparison(where, [results[i] for i in range(len(leaflet_map.passages))], words.unclaimed())


def _reworded_or_gone(
    passage: LeafletPassage, signs: dict[str, list[str]], words: _Words, where: str
) -> PassageResult:
    span, ratio = _closest(words.keys, words.free, _keys(passage.text))
    if span is None or ratio < SIMILAR_ENOUGH:
        return _result(passage, signs, PassageStatus.GONE, ratio)
    found = words.claim(span)
    diff = short_diff(normalise(passage.text), found, "leaflet-map.yaml", where)
    return _result(passage, signs, PassageStatus.CHANGED, ratio, found, tuple(diff))


class _Words:
    """The new leaflet's words, and which of them a passage has claimed."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.keys = [_key(word) for word in words]
        self.free = [True] * len(words)

    def claim_exact(self, passage_text: str) -> bool:
        span = _exact(self.keys, self.free, _keys(passage_text))
        if span:
            self.claim(span)
        return span is not None

    def claim(self, span: tuple[int, int]) -> str:
        self.free[span[0] : span[1]] = [False] * (span[1] - span[0])
        return " ".join(self.words[span[0] : span[1]])

    def unclaimed(self) -> list[str]:
        """The stretches of text that no passage holds."""
        stretches = (" ".join(self.words[a:b]) for a, b in _runs(self.free))
        return [stretch for stretch in stretches if re.search(r"\w", stretch)]


def _result(
    passage: LeafletPassage,
    signs: dict[str, list[str]],
    status: PassageStatus,
    similarity: float = 1.0,
    new_text: str = "",
    diff: tuple[str, ...] = (),
) -> PassageResult:
    return PassageResult(
        passage.id,
        passage.section,
        status,
        tuple(passage.statements),
        passage.not_for_this_site is not None,
        tuple(signs.get(passage.id, ())),
        round(similarity, 2),
        new_text,
        diff,
    )


def _key(word: str) -> str:
    """A word as compared: without the punctuation around it, in lower case."""
    return _PUNCTUATION.sub("", word).lower() or word


def _keys(text: str) -> list[str]:
    return [_key(word) for word in normalise(text).split()]


def _exact(keys: list[str], free: list[bool], passage: list[str]) -> tuple[int, int] | None:
    """Where the passage's words stand, all of them unclaimed and in order."""
    size = len(passage)
    for start in range(len(keys) - size + 1):
        if (
            keys[start] == passage[0]
            and keys[start : start + size] == passage
            and all(free[start : start + size])
        ):
            return start, start + size
    return None


def _closest(keys: list[str], free: list[bool], passage: list[str]) -> tuple[tuple[int, int] | None, float]:
    """The unclaimed stretch most like the passage, with difflib's similarity (0 to 1)."""
    best: tuple[tuple[int, int] | None, float] = (None, 0.0)
    for run_start, run_end in _runs(free):
        run = keys[run_start:run_end]
        anchor = difflib.SequenceMatcher(None, run, passage, autojunk=False).find_longest_match()
        if anchor.size == 0:
            continue
        slack = max(3, len(passage) // 4)  # room for words added before or after
        low = max(0, anchor.a - anchor.b - slack)
        high = min(len(run), anchor.a + (len(passage) - anchor.b) + slack)
        window = run[low:high]
        blocks = [
            b
            for b in difflib.SequenceMatcher(None, window, passage, autojunk=False).get_matching_blocks()
            if b.size
        ]
        # From the first word that matches to the last, and as many words again on each side
        # as the passage has unmatched there (a reworded first or last word belongs to it).
        start = max(0, low + blocks[0].a - blocks[0].b)
        end = min(
            len(run), low + blocks[-1].a + blocks[-1].size + len(passage) - blocks[-1].b - blocks[-1].size
        )
        ratio = difflib.SequenceMatcher(None, run[start:end], passage, autojunk=False).ratio()
        if ratio > best[1]:
            best = ((run_start + start, run_start + end), ratio)
    return best


def _runs(free: list[bool]) -> list[tuple[int, int]]:
    """The stretches of unclaimed words, as (start, end) word positions."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, is_free in enumerate([*free, False]):
        if is_free and start is None:
            start = index
        elif not is_free and start is not None:
            runs.append((start, index))
            start = None
    return runs
