"""Risk pictures: icon arrays of 100 (or 1,000) people as inline SVG.

Filled figures are the people it happened to; outlined figures are everyone
else. Fill versus outline reads in black and white and for colour-blind
readers; colours come from ``currentColor`` so dark mode works too. The
picture's text alternative is the same sentence as its visible caption.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

# A person (head, then body) drawn in a 10 x 10 box whose top left corner is (x, y).
# Only the two moves are absolute, so one picture is one path per kind of figure:
# a renderer draws 2 shapes, not 100 or 1,000 (WeasyPrint took about 8 ms per figure).
_PERSON = (
    "M{head_x:g} {head_y:g}a1.9 1.9 0 1 1 0 3.8a1.9 1.9 0 1 1 0-3.8z"
    "M{body_x:g} {body_y:g}v-3.2a2.8 2.2 0 0 1 5.6 0v3.2z"
)
RARE_BELOW = 1 / 100  # rarer than this: show 1,000 people, or the filled figures would round to 0


@dataclass(frozen=True)
class IconArray:
    filled: int
    total: int
    columns: int

    @property
    def rows(self) -> int:
        return -(-self.total // self.columns)


def icon_array(count: int, out_of: int, per: int | None = None) -> IconArray:
    """How many of 100 (or 1,000) figures to fill for ``count`` in ``out_of``."""
    total = per if per in (100, 1000) else (1000 if count / out_of < RARE_BELOW else 100)
    filled = int(count / out_of * total + 0.5)
    return IconArray(filled=filled, total=total, columns=10 if total == 100 else 40)


def icon_array_figure(array: IconArray, caption: str, figure_id: str, title: str | None = None) -> str:
    """An accessible ``<figure>``: a short title above, the SVG named by its visible title and caption."""
    cell = 12
    width, height = array.columns * cell, array.rows * cell
    people: dict[str, list[str]] = {"filled": [], "empty": []}
    for index in range(array.total):
        x, y = (index % array.columns) * cell, (index // array.columns) * cell
        kind = "filled" if index < array.filled else "empty"
        people[kind].append(_PERSON.format(head_x=x + 5, head_y=y + 0.6, body_x=x + 2.2, body_y=y + 9.6))
    paths = "".join(
        f'<path class="icon-array__{kind}" d="{"".join(shapes)}"/>'
        for kind, shapes in people.items()
        if shapes
    )
    caption_id = f"{figure_id}-caption"
    title_id = f"{figure_id}-title"
    # A non-breaking hyphen: "beta-1a" stays on one line.
    title_text = html.escape(title.replace("-", "\u2011")) if title else ""
    heading = f'<p class="icon-array__title" id="{title_id}">{title_text}</p>\n' if title else ""
    named_by = f"{title_id} {caption_id}" if title else caption_id
    return (
        f'<figure class="icon-array icon-array--{array.total}" id="{figure_id}">\n'
        + heading
        + f'<svg role="img" aria-labelledby="{named_by}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg">{paths}</svg>\n'
        f'<figcaption id="{caption_id}">{html.escape(caption)}</figcaption>\n'
        "</figure>"
    )
