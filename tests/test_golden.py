"""Golden files: the made-up medicine's YAML -> the exact Markdown the hooks generate.

A change in rendering shows up here as a readable diff. To accept an intended
change: UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py, then review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import FIXTURE

from medinfo.content.loader import load_content
from medinfo.registry import render_pages

GOLDEN = Path(__file__).parent / "golden" / "zelvora"


def rendered_pages() -> dict[str, str]:
    """Every page the core generates for the made-up medicine, by file name."""
    content, _ = load_content(FIXTURE / "content_src", FIXTURE / "docs")
    return {Path(page.path).name: page.markdown for page in render_pages(content)}


@pytest.mark.parametrize("name", sorted(rendered_pages()))
def test_rendered_markdown_matches_golden_file(name: str) -> None:
    actual = rendered_pages()[name]
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_every_rendered_page_has_a_golden_file() -> None:
    assert sorted(rendered_pages()) == sorted(p.name for p in GOLDEN.glob("*.md"))


def test_the_eu_frequency_scale_is_explained_once_where_a_word_first_appears() -> None:
    """'(common)' means little without the scale: the first side-effect number on a page says it."""
    pages = rendered_pages()
    side_effects = pages["side-effects.md"]
    sentence = "Words like common are from the EU scale in medicine leaflets: very common is more than 1 in"
    assert side_effects.count(sentence) == 1
    # The scale is a fact too: its sources (medicine.yaml) are in the one group of marks that
    # ends the statement and the scale, not between them.
    line = next(line for line in side_effects.splitlines() if sentence in line)
    before, after = line.split(sentence)
    assert ".citation" not in before
    mark = r" \[\\\[\d+\\\]\]\(#[a-z0-9-]+\)\{ #[a-z0-9-]+ \.citation \}"
    assert re.fullmatch(rf"[^\[]*very rare up to 1 in 10,000\.({mark})+", after), after
    assert "(#source-zv-label-section-4)" in after
    first_word = side_effects.index("(very common)")
    assert first_word < side_effects.index(sentence) < side_effects.index("(uncommon)")
    assert sentence not in pages["how-it-works.md"]  # no side-effect numbers there
