"""Validated content -> plain-language Markdown pages.

Every piece of editor text passes through ``markdown_text`` so it shows as
typed. Each statement ends with numbered links to its sources, listed at the
foot of the page. Numbers are written once, in the YAML, and worded here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from medinfo.content.loader import Content, TopicEntry
from medinfo.content.names import CONTENT_FOLDER, TOPICS_DIR
from medinfo.content.schema import (
    HOW_MANY_PLACEHOLDER,
    Change,
    FaqFile,
    Section,
    Source,
    SourcedText,
    Statement,
    Topic,
)
from medinfo.pages import (
    CALENDAR_PAGE,
    CALENDAR_TITLE,
    CHANGES_PAGE,
    CHANGES_TITLE,
    GLOSSARY_TITLE,
    SOURCES_TITLE,
    TESTS_TOPIC,
    TRACKER_PAGE,
)
from medinfo.render.citations import Citations
from medinfo.render.iconarray import icon_array, icon_array_figure
from medinfo.render.plain import frequency_scale_sentence, how_many_words, long_date, markdown_text
from medinfo.render.urgent_card import (
    URGENT_MENU_ICON,
    URGENT_PAGE_DESCRIPTION,
    card_sources,
    urgent_help,
    urgent_level_box,
    urgent_link,
    urgent_strip,
)

# The change entries live in each topic file, so this page has no one file to edit.
CHANGES_SOURCE = f"{CONTENT_FOLDER}/{TOPICS_DIR}/"


@dataclass(frozen=True)
class PageText:
    """What a page renderer gives: the page's Markdown, front matter included, and what it cites."""

    markdown: str
    cited: tuple[str, ...] = ()  # source ids, in the order first cited


@dataclass(frozen=True)
class RenderedPage:
    path: str  # inside docs/, e.g. topics/side-effects.md
    title: str
    markdown: str
    cited: tuple[str, ...]  # source ids, in the order first cited


@dataclass(frozen=True)
class PageChange:
    """One entry of a page's changes list, with the page it changed (for What's changed)."""

    change: Change
    title: str
    path: str


def topic_page(entry: TopicEntry, content: Content) -> PageText:
    topic = entry.topic
    cite = Citations(content)
    # Search words are the page's search tags: Material ranks a tag match first.
    tags = {"tags": list(topic.search_words)} if topic.search_words else {}
    blocks = [
        _front_matter(topic.title, topic.description, entry.file, review=topic.review.model_dump(), **tags),
        urgent_strip(content),  # the first screen says how to get help now, however long the page
    ]
    if topic.intro:
        blocks.append(markdown_text(topic.intro))
    if topic.key_points:
        blocks.append(_key_points(topic, cite))
    blocks.append(urgent_help(content, cite))  # early, as on NHS medicine pages: the first screen or two
    # The same on every topic page, so after what is new on this one; a handout still says it.
    blocks.append(_medicine_summary(content, cite))
    blocks.extend(_section(section, cite) for section in topic.sections)
    if entry.page_path == TESTS_TOPIC and content.schedule is not None:
        blocks.append(_your_own_tests(content.schedule.title))
    if topic.questions_to_ask:
        blocks.append(_questions_to_ask(topic, content))
    blocks += [
        not_advice(content),
        last_changed(topic.changes, "../" + CHANGES_PAGE),
        cite.source_list(),
    ]
    return PageText(_join(blocks), cite.source_ids())


def _your_own_tests(tracker_title: str) -> str:
    """Where the page that explains the tests leads a reader who wants their own dates."""
    return (
        "## Your own test dates\n\n"
        f"- [{CALENDAR_TITLE}](../{CALENDAR_PAGE}): your test months, worked out from the dates of "
        "your courses, to print or to add to your phone's calendar.\n"
        f"- [{markdown_text(tracker_title)}](../{TRACKER_PAGE}): a sheet to print and tick at each test."
    )


def faq_page(content: Content) -> PageText:
    """Questions people ask: answers reuse the topics' own statements, so they never disagree."""
    faq: FaqFile = content.faq
    cite = Citations(content)
    blocks = [_front_matter(faq.title, faq.description, content.faq_file, review=faq.review.model_dump())]
    if faq.intro:
        blocks.append(markdown_text(faq.intro))
    blocks.append(urgent_link(content))  # the card itself is one tap away: this page is long enough
    # Grouped under the topic that answers each question first, in the topics' order; each
    # answer opens and closes (folds-and-print.js opens them all for paper).
    groups: dict[str, list[str]] = {entry.topic.title: [] for entry in content.topics}
    for entry in faq.questions:
        topics: list[TopicEntry] = []
        lines = [
            # Not searched: each answer is a topic page's own statements, found there.
            f'<details class="question faq-answer" id="{entry.id}" data-search-exclude markdown="1">',
            f"<summary>{markdown_text(entry.question)}</summary>",
        ]
        for statement_id in entry.answer_from:
            topic, statement = content.statement(statement_id)
            lines += ["", sourced_statement(statement, cite)]
            if topic not in topics:
                topics.append(topic)
        lines += [line for statement in entry.more for line in ("", sourced_statement(statement, cite))]
        links = ", ".join(f"[{markdown_text(t.topic.title)}]({t.page_path})" for t in topics)
        lines += ["", f"Read more: {links}.", "", "</details>"]
        groups[topics[0].topic.title].append("\n".join(lines))
    for title, questions in groups.items():
        if questions:
            blocks.append("\n\n".join([f"## {markdown_text(title)}", *questions]))
    blocks += [
        not_advice(content),
        last_changed(faq.changes, CHANGES_PAGE),
        cite.source_list(),
    ]
    return PageText(_join(blocks), cite.source_ids())


def urgent_page(content: Content) -> PageText:
    """The urgent-help card alone, for search ('999', 'A&E') and the home page's link.

    The search words are the page's search tags: Material ranks a tag match first,
    and reads a tag as typed, where the page's text would hold 'A&amp;E'.
    """
    urgent = content.urgent_help
    cite = Citations(content)
    search_tags = {"tags": list(urgent.search_words)} if urgent.search_words else {}
    front = _front_matter(
        urgent.heading,
        URGENT_PAGE_DESCRIPTION,
        content.urgent_help_file,
        icon=URGENT_MENU_ICON,  # the theme shows it in the menu, where the page stands apart (site.css)
        **search_tags,
    )
    lead = (
        markdown_text(urgent.page_intro)
        if urgent.page_intro
        else f"If you have had {markdown_text(content.medicine.brand_name)}, these signs need help quickly."
    )
    lead += " The card is the same on every topic page."
    blocks = [front, lead]
    blocks += [urgent_level_box(level, content) for level in urgent.levels]
    blocks.append(card_sources(content, cite))
    blocks.append(not_advice(content))
    if urgent.changes:
        blocks.append(last_changed(urgent.changes, CHANGES_PAGE))
    blocks.append(cite.source_list())
    return PageText(_join(blocks), cite.source_ids())


def glossary_page(content: Content) -> PageText:
    cite = Citations(content)
    title = GLOSSARY_TITLE
    front = _front_matter(
        title,
        "Plain explanations of the medical words used on this site.",
        content.glossary_file,
        tooltips=False,  # every word here is already explained in full
    )
    lines = ["Medical words used on this site, and what they mean."]
    lines.append("")
    for entry in sorted(content.glossary, key=lambda e: e.term.lower()):
        forms = ", ".join(markdown_text(a) for a in entry.also_called)
        also = f" (also: {forms})" if forms else ""
        lines.append(
            f"- **{markdown_text(entry.term)}**{also}: {markdown_text(entry.explanation)} "
            f"{cite.links(entry.sources)}"
        )
    blocks = [front, "\n".join(lines), cite.source_list()]
    return PageText(_join(blocks), cite.source_ids())


def changes_page(changes: list[PageChange]) -> PageText:
    """Every change entry of every page that keeps a changes list, newest first, grouped by day."""
    entries = sorted(changes, key=lambda item: item.change.date, reverse=True)  # same day: page order
    front = _front_matter(
        CHANGES_TITLE,
        "Every change to what the pages of this site say, newest first.",
        CHANGES_SOURCE,
        search=_NOT_SEARCHED,
    )
    lines = ["Every time we change what a page says, we write it down here. The newest changes come first."]
    day = None
    for change, title, path in ((e.change, e.title, e.path) for e in entries):
        if change.date != day:
            day = change.date
            lines += ["", f"## {long_date(day)} {{ #changed-{day.isoformat()} }}", ""]
        lines.append(f"- [{markdown_text(title)}]({path}): {markdown_text(change.summary)}")
    return PageText(_join([front, "\n".join(lines)]))


def last_changed(changes: list[Change], changes_page: str) -> str:
    """The newest change's date, linking to the day on the 'What's changed' page."""
    day = changes[0].date
    return (
        f"Last changed: {long_date(day)}. [See what changed]({changes_page}#changed-{day.isoformat()}).\n"
        "{ .last-changed }"  # not on a handout: its header has the review dates, and paper has no links
    )


def sources_page(content: Content, pages: list[RenderedPage]) -> PageText:
    """Every registered source, with the pages that cite it.

    Titles are the publishers' words, so they go in the headings; the sentences
    under them are this site's own, and are held to the plain-language checks.
    """
    front = _front_matter(
        SOURCES_TITLE,
        "Every source this site uses, and the pages that cite it.",
        content.sources_file,
        search=_NOT_SEARCHED,
    )
    lines = [
        "Every fact on this site comes from one of these sources. "
        "Each page lists its own sources at the bottom."
    ]
    for source in content.sources:
        title = markdown_text(source.title)
        heading = f"[{title}]({source.url})" if source.url else title
        lines += ["", f"## {heading} {{ #source-{source.id} }}", "", _source_facts(source)]
        citing = [p for p in pages if source.id in p.cited]
        if citing:
            lines += ["", "Cited on these pages:", ""]
            lines += [f"- [{markdown_text(p.title)}]({p.path})" for p in citing]
    return PageText(_join([front, "\n".join(lines)]))


def _source_facts(source: Source) -> str:
    parts = [f"From {markdown_text(source.publisher)}."]
    if source.published:
        parts.append(f"Published {long_date(source.published)}.")
    if source.note:
        parts.append(markdown_text(source.note))
    parts.append(f"**How we checked it:** {_checked_words(source)}")
    if source.places:
        places = ", ".join(markdown_text(p) for p in source.places)
        parts.append(f"Pages of this site can point to these parts of it: {places}.")
    return " ".join(parts)


def _join(blocks: list[str]) -> str:
    return "\n\n".join(blocks) + "\n"


# Left out of the search index, which every first visit downloads (Material loads it at once):
# pages and parts that repeat what other pages say, or that nobody searches for.
_NOT_SEARCHED = {"exclude": True}


def _front_matter(title: str, description: str, source_file: str, **extra: Any) -> str:
    meta: dict[str, Any] = {"title": title, "description": description, "source_file": source_file, **extra}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---"


def _medicine_summary(content: Content, cite: Citations) -> str:
    """One sentence on every topic page, so a page found by search stands on its own."""
    medicine = content.medicine
    names = f"**{markdown_text(medicine.brand_name)}** ({markdown_text(medicine.generic_name)})"
    sentence = (
        f"{names} is a medicine for {markdown_text(medicine.treats)}. {_sourced(medicine.licence, cite)}"
    )
    return sentence + "\n{ data-search-exclude }"  # the same on every topic page: not searched


def _section(section: Section, cite: Citations) -> str:
    lines = [f"## {markdown_text(section.heading)}"]
    if section.intro:
        lines += ["", markdown_text(section.intro)]
    statements = [sourced_statement(s, cite) for s in section.statements]
    if section.style == "list":
        lines += [""] + [f"- {text}" for text in statements]
    else:
        for text in statements:
            lines += ["", text]
    pictures = [_picture(s) for s in section.statements if s.how_many and s.how_many.picture]
    if pictures:  # together, so pictures that are compared stand side by side
        lines += ["", '<div class="icon-array-group">', *pictures, "</div>"]
    return "\n".join(lines)


def plain_statement(statement: Statement) -> str:
    """The statement as a reader sees it, without markup: the numbers in words."""
    text = " ".join(statement.text.split())
    if statement.how_many:
        number = statement.how_many
        words = how_many_words(number.count, number.out_of, number.over, number.per, number.side_effect)
        text = text.replace(HOW_MANY_PLACEHOLDER, words)
    return text


def sourced_statement(statement: Statement, cite: Citations) -> str:
    """A statement as a page shows it: its words, its citation marks (and, the first time a page
    gives a side-effect number, what the EU frequency words mean)."""
    text = markdown_text(plain_statement(statement))
    number = statement.how_many
    sources = statement.sources
    if number is not None and number.side_effect and not cite.scale_explained:
        cite.scale_explained = True
        # One group of marks at the end, for both sentences, so marks do not crowd the words.
        text = f"{text} {markdown_text(frequency_scale_sentence())}"
        sources = [*sources, *cite.content.medicine.frequency_words_sources]
    return f"{text} {cite.links(sources)}"


def _key_points(topic: Topic, cite: Citations) -> str:
    """The page's chosen statements, word for word with their sources, in a box at the top."""
    statements = {st.id: st for section in topic.sections for st in section.statements}
    # Written as HTML, not "!!!", so it can be left out of search: it repeats the page.
    lines = [
        '<div class="admonition abstract key-points" data-search-exclude markdown="1">',
        '<p class="admonition-title">Key points</p>',
        "",
    ]
    lines += [f"- {sourced_statement(statements[statement_id], cite)}" for statement_id in topic.key_points]
    return "\n".join([*lines, "", "</div>"])


def _picture(statement: Statement) -> str:
    number = statement.how_many
    assert number is not None
    array = icon_array(number.count, number.out_of, number.per)
    # Says what the filled figures are (outcome, trial, time, comparison), so it reads on its own.
    caption = f"{array.filled:,} of {array.total:,} people {number.picture_shows}"
    return icon_array_figure(array, caption, f"picture-{statement.id}", title=number.picture_title)


def _sourced(item: SourcedText, cite: Citations) -> str:
    return f"{markdown_text(item.text)} {cite.links(item.sources)}"


def _questions_to_ask(topic: Topic, content: Content) -> str:
    team = markdown_text(content.medicine.care_team)
    lines = [f"## Questions to ask {team}", ""]
    lines += [f"- {markdown_text(question)}" for question in topic.questions_to_ask]
    return "\n".join(lines)


def not_advice(content: Content, what: str = "page") -> str:
    team = markdown_text(content.medicine.care_team)
    return (
        f'!!! info not-advice "This {what} does not replace advice from {team}"\n\n'
        f"    It gives general information. Always follow the advice of {team}, "
        "who know you and your treatment."
    )


def _checked_words(source: Source) -> str:
    check = source.checked
    copies = " ".join(f"[Copy {n}]({url})." for n, url in enumerate(check.copies, start=1))
    text = f"{markdown_text(check.how)} Last read on {long_date(check.read_on)}."
    return f"{text} {copies}" if copies else text
