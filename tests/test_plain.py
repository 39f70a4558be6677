"""Numbers as words, and editor text that always shows as typed."""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from medinfo.render.plain import (
    frequency_word,
    how_many_words,
    long_date,
    markdown_text,
    natural_frequency,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("count", "out_of", "words"),
    [
        (42, 100, "about 4 in 10 people"),
        (90, 100, "about 9 in 10 people"),
        (3, 100, "about 3 in 100 people"),
        (2, 100, "about 2 in 100 people"),
        (3, 1000, "about 3 in 1,000 people"),
        (15, 100, "about 15 in 100 people"),  # "2 in 10" would be a third too high
        (95, 100, "about 95 in 100 people"),  # never "10 in 10" for less than everyone
        (1, 3, "about 3 in 10 people"),
        (7, 70_000, "about 1 in 10,000 people"),
        (1, 1_000_000, "fewer than 1 in 100,000 people"),
        (0, 50, "no one"),
        (50, 50, "everyone"),
    ],
)
def test_natural_frequency(count: int, out_of: int, words: str) -> None:
    assert natural_frequency(count, out_of) == words


@pytest.mark.parametrize(
    ("count", "out_of", "word"),
    [
        (1, 10, "very common"),  # EU scale: very common is 1 in 10 or more
        (99, 1000, "common"),
        (1, 100, "common"),
        (9, 1000, "uncommon"),
        (1, 1000, "uncommon"),
        (1, 1001, "rare"),
        (1, 10_000, "rare"),
        (1, 10_001, "very rare"),
    ],
)
def test_eu_frequency_word_bands(count: int, out_of: int, word: str) -> None:
    assert frequency_word(count, out_of) == word


def test_how_many_words_names_the_time_span() -> None:
    assert how_many_words(42, 100, "6 years") == "about 4 in 10 people over 6 years (very common)"
    assert how_many_words(3, 1000, None) == "about 3 in 1,000 people (uncommon)"
    assert how_many_words(127, 1000, "2 years", per=100, side_effect=False) == (
        "about 13 in 100 people over 2 years"
    )


def test_long_date() -> None:
    assert long_date(dt.date(2027, 3, 5)) == "5 March 2027"


def _site_extensions() -> list[str]:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    return [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]


def _rendered_text(source: str) -> str:
    html = markdown.markdown(source, extensions=_site_extensions())
    assert html.startswith("<p>") and html.endswith("</p>"), html
    return html[3:-4]


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script>",
        "# not a heading",
        "- not a list",
        "1. not a numbered list",
        "!!! note not an admonition",
        "*not bold* _not italic_ `not code` [not](a link) ![not](an image)",
        "{: #not-an-attribute } | not | a | table |",
        "a \\ backslash, an &amp; entity and a < b > c",
        "<!-- not a comment --> <https://not.an.autolink>",
        string.punctuation,
    ],
)
def test_editor_text_renders_as_typed(text: str) -> None:
    expected = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert _rendered_text(markdown_text(text)) == expected


def test_line_breaks_in_editor_text_become_spaces() -> None:
    assert markdown_text("one\n  two\tthree") == "one two three"
