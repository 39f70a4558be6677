"""The starter pack prints the urgent-help card once and one source list.

Each page's HTML carries its own card, its own "does not replace advice" note
and its own numbered source list. In the pack, the card is taken from the first
page that has one and put first, with the note (said once, of the pack); every
page loses its copies and its list; and every citation mark is renumbered
against one list for the whole pack, in the order the marks come. A mark keeps
pointing at the same source and place (the anchor), so no statement loses a source.
"""

from __future__ import annotations

from dataclasses import dataclass

import markdown
from bs4 import BeautifulSoup, Tag

from medinfo.content.loader import Content
from medinfo.content.schema import Citation, Cite
from medinfo.render.citations import Citations, citation_anchor
from medinfo.render.markdown import not_advice
from medinfo.render.urgent_card import URGENT_ANCHOR

SOURCES_ANCHOR = "sources"


@dataclass(frozen=True)
class SharedParts:
    card: str  # the urgent-help card's levels and the note, marks numbered for the pack ("" if no card)
    bodies: list[str]  # each page's HTML without its card and source list, marks renumbered
    sources: str  # the pack's one source list, as HTML


def share_card_and_sources(bodies: list[tuple[str, str]], content: Content) -> SharedParts:
    """``bodies`` are (id prefix, page HTML with its ids prefixed), in the pack's order."""
    by_anchor = _cites_by_anchor(content)
    pack = Citations(content)
    soups = [(prefix, BeautifulSoup(html, "html.parser")) for prefix, html in bodies]
    card = ""
    for prefix, soup in soups:
        levels = _cut_section(soup, prefix + URGENT_ANCHOR)
        if levels and not card:
            card_soup = BeautifulSoup("".join(str(level) for level in levels), "html.parser")
            _renumber(card_soup, prefix, by_anchor, pack)
            card = str(card_soup)
    for prefix, soup in soups:
        _cut_section(soup, prefix + SOURCES_ANCHOR)
        for note in soup.select(".not-advice"):
            note.decompose()
        _renumber(soup, prefix, by_anchor, pack)
    if card:
        card += _html(not_advice(content, "pack"))
    return SharedParts(card, [str(soup) for _, soup in soups], _html(pack.source_list(heading=False)))


def _cites_by_anchor(content: Content) -> dict[str, Cite]:
    """Every citation a page can make (a source, or a source at one of its places), by its anchor."""
    every = [Cite(s.id, place) for s in content.sources for place in [None, *s.places]]
    return {citation_anchor(cite): cite for cite in every}


def _cut_section(soup: BeautifulSoup, heading_id: str) -> list[Tag]:
    """Remove a section (its h2 and everything up to the next h2); return what came under the heading."""
    heading = soup.find("h2", id=heading_id)
    if not isinstance(heading, Tag):
        return []
    under = []
    for sibling in list(heading.next_siblings):
        if isinstance(sibling, Tag) and sibling.name in {"h1", "h2"}:
            break
        under.append(sibling.extract())
    heading.decompose()
    return [element for element in under if isinstance(element, Tag)]


def _renumber(soup: BeautifulSoup, prefix: str, by_anchor: dict[str, Cite], pack: Citations) -> None:
    """Number each mark in the pack's list, in order; its link leads to the pack's list."""
    for mark in soup.select("a.citation"):
        anchor = str(mark.get("href", "")).removeprefix("#").removeprefix(prefix)
        cite = by_anchor[anchor]  # every mark the renderer writes points at a known citation
        entry: Citation = cite.source if cite.place is None else {cite.source: cite.place}
        pack.links([entry])
        mark.string = f"[{pack.order.index(cite) + 1}]"
        mark["href"] = f"#{anchor}"


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["admonition", "attr_list", "md_in_html"])
