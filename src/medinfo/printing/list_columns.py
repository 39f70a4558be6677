"""Short lists on paper in two columns, split here rather than by CSS ``columns``.

The signs to get help for and the questions to ask read down one column, then the
next, so a topic keeps to 2 sides. WeasyPrint balances CSS columns by laying the
list out again and again: that was over half of all the time spent making PDFs.
Splitting each list into two lists of about equal length, side by side, prints
the same (each item still whole, the columns about level) at a fraction of it.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

# The lists printed in two columns: in urgent-help boxes, and after a "Questions to ask" heading.
SHORT_LISTS = '.admonition[class*="urgent-"] ul, [id*="questions-to-ask"] + ul'
COLUMNS_CLASS = "list-columns"
# About how many characters one line of a half-width column holds (12pt on A4): an item's
# share of a column is counted in lines, so a long item weighs as the lines it takes.
_LINE = 42


def in_two_columns(html: str) -> str:
    """``html`` with each short list replaced by two lists in a ``div.list-columns``."""
    if "urgent-" not in html and "questions-to-ask" not in html:
        return html  # nothing to split: skip the parse
    soup = BeautifulSoup(html, "html.parser")
    lists = [ul for ul in soup.select(SHORT_LISTS) if isinstance(ul, Tag)]
    for ul in lists:
        _split(soup, ul)
    return str(soup) if lists else html


def _split(soup: BeautifulSoup, ul: Tag) -> None:
    items = ul.find_all("li", recursive=False)
    if len(items) < 2:
        return
    first = split_point([_lines(item) for item in items])
    columns = soup.new_tag("div", attrs={"class": COLUMNS_CLASS})
    right = soup.new_tag("ul")
    for item in items[first:]:
        right.append(item.extract())
    ul.replace_with(columns)
    columns.append(ul)  # the list keeps its attributes, and the first items
    columns.append(right)


def split_point(lines: list[int]) -> int:
    """How many items go in the left column: the split whose longer column is shortest,
    the left one the longer on a tie (as CSS columns fill)."""
    total = sum(lines)
    best, best_longest = len(lines), total
    left = 0
    for count in range(len(lines) + 1):
        longest = max(left, total - left)
        if longest < best_longest or (longest == best_longest and count > best):
            best, best_longest = count, longest
        if count < len(lines):
            left += lines[count]
    return best


def _lines(item: Tag) -> int:
    return max(1, -(-len(item.get_text(" ", strip=True)) // _LINE))
