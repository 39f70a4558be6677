"""Risk pictures: icon arrays of 100 (or 1,000) people as inline SVG.

Filled figures are the people it happened to; outlined figures are everyone
else. Fill versus outline reads in black and white and for colour-blind
readers; colours come from ``currentColor`` so dark mode works too. The
picture's text alternative is the same sentence as its visible caption.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

# A person: head and body, drawn in a 10 x 10 box.
_PERSON = "M5 0.6a1.9 1.9 0 1 1 0 3.8a1.9 1.9 0 1 1 0-3.8zM2.2 9.6v-3.2a2.8 2.2 0 0 1 5.6 0v3.2z"
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


def icon_array_figure(array: IconArray, caption: str, figure_id: str) -> str:
    """An accessible ``<figure>``: the SVG is named by its visible caption."""
    cell = 12
    width, height = array.columns * cell, array.rows * cell
    people = []
    for index in range(array.total):
        x, y = (index % array.columns) * cell, (index // array.columns) * cell
        kind = "filled" if index < array.filled else "empty"
        people.append(f'<use href="#{figure_id}-person" x="{x}" y="{y}" class="icon-array__{kind}"/>')
    caption_id = f"{figure_id}-caption"
    return (
        f'<figure class="icon-array icon-array--{array.total}" id="{figure_id}">\n'
        f'<svg role="img" aria-labelledby="{caption_id}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<defs><path id="{figure_id}-person" d="{_PERSON}"/></defs>' + "".join(people) + "</svg>\n"
        f'<figcaption id="{caption_id}">{html.escape(caption)}</figcaption>\n'
        "</figure>"
    )
