"""Citation marks and a page's list of sources: each statement's sources, numbered in the order
a page first cites them, with a list at the foot of the page to come back from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from medinfo.content.entries import Content
from medinfo.content.schema import Citation, Cite, Source, cites
from medinfo.render.plain import long_date, markdown_text


@dataclass
class Citations:
    """Numbers the citations of one page in the order they are first cited.

    A source cited at a place ("section 4.4") gets a number of its own for each
    place, so the list at the foot of the page says where each fact is.
    """

    content: Content
    order: list[Cite] = field(default_factory=list)
    uses: dict[Cite, int] = field(default_factory=dict)  # how often each has been cited so far
    # The first side-effect number on a page says what its frequency word means.
    scale_explained: bool = False

    def links(self, entries: list[Citation]) -> str:
        """One group of marks, each a link to its entry in the source list with an id to come
        back to; a citation given twice in ``entries`` gets one mark."""
        marks = []
        for cite in dict.fromkeys(cites(entries)):
            if cite not in self.order:
                self.order.append(cite)
            number = self.order.index(cite) + 1
            self.uses[cite] = self.uses.get(cite, 0) + 1
            anchor = citation_anchor(cite)
            back = f"cited-{anchor}-{self.uses[cite]}"
            marks.append(f"[\\[{number}\\]](#{anchor}){{ #{back} .citation }}")
        return " ".join(marks)

    def source_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(cite.source for cite in self.order))

    def source_list(self, *, heading: bool = True, back_links: bool = True) -> str:
        """The numbered list of this page's citations, for the foot of the page.

        Folded on screen, so the sources do not fill a third of the page; a citation
        mark opens it (folds-and-print.js) and paper shows it in full. The starter pack's one
        list has no heading of its own and no links back (its marks are renumbered).
        """
        count = len(self.order)
        # Not in the search index: every page repeats its sources; the sources page lists them once.
        lines = ["## Sources { data-search-exclude }", ""] if heading else []
        lines += [
            '<details class="source-list" markdown="1">',
            f"<summary>The {count} source{'s' if count != 1 else ''} of this page</summary>",
            "",
        ]
        first_number: dict[str, int] = {}
        for number, cite in enumerate(self.order, start=1):
            source = self.content.source(cite.source)
            where = _place_words(source, cite.place)
            if cite.source in first_number:  # described in full once per page
                entry = f"{where}. The same document as source {first_number[cite.source]}."
            elif cite.place is None:
                entry = _describe_source(source)
            else:
                entry = f"{where}. {_describe_source(source)}"
            first_number.setdefault(cite.source, number)
            lines += [
                f"{number}. {entry}{self._back_links(cite, number) if back_links else ''}",
                f"    {{ #{citation_anchor(cite)} }}",
            ]
        lines += ["", "</details>"]
        return "\n".join(lines)

    def _back_links(self, cite: Cite, number: int) -> str:
        """Links back to each place the page cites it, so a reader who followed a mark can return."""
        anchor = citation_anchor(cite)
        uses = self.uses.get(cite, 0)
        if uses == 1:
            links = f"[Back to the text](#cited-{anchor}-1){{ .citation-back }}"
            return f' <span class="citation-backs">{links}</span>'
        marks = [
            f"[{use}](#cited-{anchor}-{use})"
            f'{{ .citation-back aria-label="Back to use {use} of source {number}" }}'
            for use in range(1, uses + 1)
        ]
        if not marks:
            return ""
        return f' <span class="citation-backs">Back to the text: {" ".join(marks)}</span>'


def citation_anchor(cite: Cite) -> str:
    """The id of a citation's entry in a page's source list."""
    if cite.place is None:
        return f"source-{cite.source}"
    return f"source-{cite.source}-" + re.sub(r"[^a-z0-9]+", "-", cite.place.lower()).strip("-")


def _place_words(source: Source, place: str | None) -> str:
    """How a citation names its source in words: 'EU product information, section 4.4'."""
    name = markdown_text(source.short_name or source.title)
    return f"{name}, {markdown_text(place)}" if place else name


def _describe_source(source: Source) -> str:
    """A source as listed at the foot of a page: who, what (linked), when. How each
    source was checked is told once, on the sources page, to keep handouts short."""
    parts = [markdown_text(source.publisher) + ":", f"[{markdown_text(source.title)}]({source.url})."]
    if source.published:
        parts.append(f"Published {long_date(source.published)}.")
    if source.note:
        parts.append(markdown_text(source.note))
    return " ".join(parts)
