"""Risk pictures: the figures match the numbers, and the text alternative says the same."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from medinfo.render.iconarray import icon_array, icon_array_figure

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("count", "out_of", "per", "filled", "total"),
    [
        (42, 100, None, 42, 100),
        (9, 10, None, 90, 100),
        (2, 100, None, 2, 100),
        (3, 1000, None, 3, 1000),  # rare: 1,000 figures, or it would round to none
        (127, 1000, 100, 13, 100),  # compared numbers share one denominator
        (211, 1000, 100, 21, 100),
    ],
)
def test_figures_match_the_number(count: int, out_of: int, per: int | None, filled: int, total: int) -> None:
    array = icon_array(count, out_of, per)
    assert (array.filled, array.total) == (filled, total)


def test_figure_is_named_by_its_visible_caption() -> None:
    caption = "Thyroid problems affected about 4 in 10 people <over> 6 years."
    figure = ET.fromstring(icon_array_figure(icon_array(42, 100), caption, "picture-x"))
    svg = figure.find(f"{SVG}svg")
    assert svg is not None and svg.get("role") == "img"
    figcaption = figure.find("figcaption")
    assert figcaption is not None and figcaption.text == caption  # escaped in the HTML, same words
    assert svg.get("aria-labelledby") == figcaption.get("id")
    # One path per kind of figure; each person is two shapes (head and body), each starting with a move.
    people = {path.get("class"): path.get("d", "").count("M") // 2 for path in svg.findall(f"{SVG}path")}
    assert people == {"icon-array__filled": 42, "icon-array__empty": 58}
