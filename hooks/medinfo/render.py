"""Validated content -> plain-language Markdown pages.

Every piece of editor text passes through ``markdown_text`` so it shows as
typed. Each statement ends with numbered links to its sources, listed at the
foot of the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .content import Content, TopicEntry
from .plain import how_many_words, long_date, markdown_text
from .schema import HOW_MANY_PLACEHOLDER, Section, Source, SourcedText, Statement, Topic

SOURCES_PAGE = "sources.md"


@dataclass
class _Citations:
    """Numbers the sources of one page in the order they are first cited."""

    content: Content
    order: list[str] = field(default_factory=list)

    def links(self, source_ids: list[str]) -> str:
        marks = []
        for source_id in source_ids:
            if source_id not in self.order:
                self.order.append(source_id)
            number = self.order.index(source_id) + 1
            marks.append(f"[\\[{number}\\]](#source-{source_id})")
        return " ".join(marks)

    def sources(self) -> list[Source]:
        return [self.content.source(source_id) for source_id in self.order]


def render_topic(entry: TopicEntry, content: Content) -> str:
    """The Markdown for one topic page, front matter included."""
    return _render_topic(entry, content)[0]


def _render_topic(entry: TopicEntry, content: Content) -> tuple[str, list[str]]:
    """The page's Markdown, and the ids of the sources it cites."""
    topic = entry.topic
    cite = _Citations(content)
    blocks = [_front_matter(topic, entry.file), _medicine_summary(content, cite)]
    if topic.intro:
        blocks.append(markdown_text(topic.intro))
    blocks.extend(_section(section, cite) for section in topic.sections)
    blocks.append(_urgent_help(content, cite))
    blocks.append(_not_advice(content))
    blocks.append(_source_list(cite.sources()))
    return "\n\n".join(blocks) + "\n", cite.order


def _medicine_summary(content: Content, cite: _Citations) -> str:
    """One sentence on every topic page, so a page found by search stands on its own."""
    medicine = content.medicine
    names = f"**{markdown_text(medicine.brand_name)}** ({markdown_text(medicine.generic_name)})"
    return f"{names} is a medicine for {markdown_text(medicine.treats)}. {_sourced(medicine.licence, cite)}"


def _front_matter(topic: Topic, source_file: str) -> str:
    meta: dict[str, Any] = {
        "title": topic.title,
        "description": topic.description,
        "source_file": source_file,
        "review": topic.review.model_dump(),
    }
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---"


def _section(section: Section, cite: _Citations) -> str:
    lines = [f"## {markdown_text(section.heading)}"]
    if section.intro:
        lines += ["", markdown_text(section.intro)]
    statements = [_statement(s, cite) for s in section.statements]
    if section.style == "list":
        lines += [""] + [f"- {text}" for text in statements]
    else:
        for text in statements:
            lines += ["", text]
    return "\n".join(lines)


def _statement(statement: Statement, cite: _Citations) -> str:
    text = markdown_text(statement.text)
    if statement.how_many:
        number = statement.how_many
        words = markdown_text(how_many_words(number.count, number.out_of, number.over))
        text = text.replace(markdown_text(HOW_MANY_PLACEHOLDER), words)
    return f"{text} {cite.links(list(statement.sources))}"


def _sourced(item: SourcedText, cite: _Citations) -> str:
    return f"{markdown_text(item.text)} {cite.links(list(item.sources))}"


def _urgent_help(content: Content, cite: _Citations) -> str:
    urgent = content.urgent_help
    lines = [f'!!! danger "{markdown_text(urgent.heading)}"', ""]
    lines += [f"    - {_sourced(sign, cite)}" for sign in urgent.signs]
    lines += ["", f"    {_sourced(urgent.action, cite)}"]
    return "\n".join(lines)


def _not_advice(content: Content) -> str:
    team = markdown_text(content.medicine.care_team)
    return (
        f'!!! info "This page does not replace advice from {team}"\n\n'
        f"    It gives general information. Always follow the advice of {team}, "
        "who know you and your treatment."
    )


def _source_list(sources: list[Source]) -> str:
    lines = ["## Sources", ""]
    for number, source in enumerate(sources, start=1):
        lines += [f"{number}. {_describe_source(source)}", f"    {{ #source-{source.id} }}"]
    return "\n".join(lines)


def _describe_source(source: Source) -> str:
    title = markdown_text(source.title)
    linked = (
        f"[{title}]({source.url})"
        if source.url
        else f"{title} (seed document {markdown_text(source.seed_file or '')})"
    )
    parts = [markdown_text(source.publisher) + ":", linked + "."]
    if source.published:
        parts.append(f"Published {long_date(source.published)}.")
    if source.accessed:
        parts.append(f"Read on {long_date(source.accessed)}.")
    if source.note:
        parts.append(markdown_text(source.note))
    return " ".join(parts)


def render_sources_page(content: Content) -> str:
    """Every registered source, with the pages that cite it."""
    cited_on: dict[str, list[TopicEntry]] = {s.id: [] for s in content.sources}
    for entry in content.topics:
        for source_id in _render_topic(entry, content)[1]:
            cited_on[source_id].append(entry)
    front = {
        "title": "Sources",
        "description": "Every source this site uses, and the pages that cite it.",
        "source_file": content.sources_file,
    }
    lines = [
        "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---",
        "",
        "Every fact on this site comes from one of these sources. "
        "Each page lists its own sources at the bottom.",
    ]
    for source in content.sources:
        lines += ["", f"## {markdown_text(source.title)} {{ #source-{source.id} }}", ""]
        lines.append(_describe_source(source))
        pages = cited_on[source.id]
        if pages:
            links = ", ".join(f"[{markdown_text(p.topic.title)}]({p.page_path})" for p in pages)
            lines += ["", f"Cited on: {links}."]
    return "\n".join(lines) + "\n"
