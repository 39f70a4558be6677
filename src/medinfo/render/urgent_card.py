"""The urgent-help card: one box per level, most urgent first, with tappable phone numbers, and
the shorter forms of it (the first-screen box, the emergency box on paper, a link to the page)."""

from __future__ import annotations

import re

from medinfo.content.entries import Content
from medinfo.content.schema import Citation, UrgentLevel
from medinfo.pages import URGENT_PAGE
from medinfo.render.citations import Citations
from medinfo.render.plain import markdown_text

URGENT_PAGE_DESCRIPTION = "Who to call, and how quickly, if you have a sign that needs help soon."
URGENT_ANCHOR = "get-help-urgently"  # the urgent-help card's heading, on every page that has it
CARD_SOURCES_WORDS = "Where the advice on this card comes from:"
URGENT_MENU_ICON = "material/phone-alert"


_URGENCY_STYLE = {"emergency": "danger", "now": "warning", "soon": "note"}


def urgent_help(content: Content, cite: Citations) -> str:
    """The urgent-help card: a heading, then one box per level, most urgent first."""
    urgent = content.urgent_help
    # Not in the search index: the same on every page; searching finds the urgent-help page.
    blocks = [f"## {markdown_text(urgent.heading)} {{ #{URGENT_ANCHOR} data-search-exclude }}"]
    blocks += [urgent_level_box(level, content) for level in urgent.levels]
    blocks.append(card_sources(content, cite))
    return "\n\n".join(blocks)


def card_sources(content: Content, cite: Citations) -> str:
    """The urgent-help card's sources, once, under the card: marks inside its short lists of
    signs would crowd them (each sign keeps its own sources in the YAML and on the sources page)."""
    urgent = content.urgent_help
    entries: list[Citation] = []
    for level in urgent.levels:
        entries += [entry for sign in level.signs for entry in sign.sources]
        entries += level.action.sources if level.action else []
        entries += [entry for service in urgent.services_in(level) for entry in service.sources]
    return f"{CARD_SOURCES_WORDS} {cite.links(entries)}\n{{ .card-sources }}"


def emergency_box(content: Content) -> str:
    """The card's most urgent level alone, with a link to the whole card and its sources: for a
    page that cannot carry the whole card but must still say, first, when to call 999."""
    heading = markdown_text(content.urgent_help.heading)
    first = urgent_level_box(content.urgent_help.levels[0], content)
    # Inside the box, as its last line, so the box and where to find the rest stay together.
    more = f"Every warning sign, who to call for each, and the sources: [{heading}]({URGENT_PAGE})."
    return f"{first}\n\n    {more}"


def urgent_link(content: Content) -> str:
    """A short box leading to the urgent-help page, where a page does not carry the card itself."""
    heading = markdown_text(content.urgent_help.heading)
    what = URGENT_PAGE_DESCRIPTION[:1].lower() + URGENT_PAGE_DESCRIPTION[1:]
    return f'!!! danger "Feeling unwell?"\n\n    **[{heading}]({URGENT_PAGE})**: {what}'


def phone_links(content: Content, text: str) -> str:
    """Editor text as Markdown, with each {id} as its numbers, each a link a phone can call:
    '[999](tel:999) (UK) or [112](tel:112) (EU)'."""
    services = {service.id: service for service in content.urgent_help.phone_numbers}
    parts = re.split(r"\{([a-z0-9-]+)\}", text)
    out = []
    for index, part in enumerate(parts):
        if index % 2 == 0:  # the words between numbers, keeping a space where one was
            words = markdown_text(part)
            lead = " " if part[:1].isspace() else ""
            trail = " " if part[-1:].isspace() and words else ""
            out.append(lead + words + trail)
        elif part in services:
            numbers = services[part].numbers
            out.append(
                " or ".join(f"[{n.number}](tel:{n.number}) ({markdown_text(n.where)})" for n in numbers)
            )
        else:
            out.append(markdown_text("{" + part + "}"))
    return "".join(out)


def urgent_strip(content: Content) -> str:
    """A short box for a topic page's first screen: the emergency numbers, tappable, and one tap
    to the page's full card (the card itself comes after the key points)."""
    first = content.urgent_help.levels[0]
    heading = phone_links(content, first.heading)
    return (
        '!!! danger urgent-strip "Feeling unwell?"\n\n'
        f"    {heading} [one of these warning signs](#{URGENT_ANCHOR})."
    )


def urgent_level_box(level: UrgentLevel, content: Content) -> str:
    """One level's box: its heading, its signs and what to do. Its sources are listed under
    the whole card (``card_sources``)."""
    title = phone_links(content, level.heading).replace('"', "&quot;")
    lines = [f'!!! {_URGENCY_STYLE[level.level]} urgent-{level.level} "{title}"', ""]
    lines += [f"    - {markdown_text(sign.text)}" for sign in level.signs]
    if level.action:
        lines += ["", "    " + phone_links(content, level.action.text)]
    return "\n".join(lines)
