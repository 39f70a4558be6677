"""Short lists print in two columns, split by the build (printing/list_columns.py)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from medinfo.printing.list_columns import COLUMNS_CLASS, in_two_columns, split_point

URGENT = (
    '<div class="admonition urgent-emergency"><p class="admonition-title">Call 999</p>'
    "<ul><li>Trouble breathing</li><li>Chest pain</li><li>Neck pain</li>"
    f"<li>{'A long sign that takes several lines of a half-width column. ' * 3}</li></ul></div>"
)


def test_each_short_list_becomes_two_lists_side_by_side_with_every_item_in_order() -> None:
    soup = BeautifulSoup(in_two_columns(URGENT), "html.parser")
    columns = soup.select(f".admonition .{COLUMNS_CLASS} > ul")
    assert len(columns) == 2
    left, right = ([li.get_text() for li in ul.find_all("li")] for ul in columns)
    assert left == ["Trouble breathing", "Chest pain", "Neck pain"]  # 3 lines against the long item's 4
    assert len(right) == 1 and right[0].startswith("A long sign")
    before = [li.get_text() for li in BeautifulSoup(URGENT, "html.parser").find_all("li")]
    assert left + right == before


def test_the_questions_to_ask_split_and_other_lists_do_not() -> None:
    html = (
        '<h2 id="questions-to-ask">Questions to ask</h2><ul><li>One?</li><li>Two?</li></ul>'
        '<h2 id="what-it-is">What it is</h2><ul><li>Stays</li><li>whole</li></ul>'
    )
    soup = BeautifulSoup(in_two_columns(html), "html.parser")
    assert [len(ul.find_all("li")) for ul in soup.find_all("ul")] == [1, 1, 2]
    assert soup.select_one("#questions-to-ask + div." + COLUMNS_CLASS)


def test_a_page_without_such_lists_is_returned_as_it_came() -> None:
    html = "<p>No lists here: <b>bold</b> &amp; plain.</p><ul><li>a</li><li>b</li></ul>"
    assert in_two_columns(html) is html
    one = '<div class="admonition urgent-now"><ul><li>Only one sign</li></ul></div>'
    assert "list-columns" not in in_two_columns(one)


def test_the_split_makes_the_longer_column_as_short_as_it_can_the_left_one_on_a_tie() -> None:
    assert split_point([1, 1, 1]) == 2
    assert split_point([1, 1]) == 1
    assert split_point([1, 1, 1, 1, 1, 1, 1, 1, 4, 4]) == 8
    assert split_point([5, 1, 1, 1]) == 1
    assert split_point([2, 2, 2, 2]) == 2
