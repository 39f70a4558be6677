"""The loaded content as the rest of the code uses it: every file's model, and each topic with
its file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from medinfo.content.names import TOPICS_DIR
from medinfo.content.schema import (
    FaqFile,
    GlossaryEntry,
    Medicine,
    MonitoringSchedule,
    PageFrontMatter,
    Source,
    Statement,
    Topic,
    UrgentHelp,
)


@dataclass(frozen=True)
class TopicEntry:
    slug: str
    file: str  # as shown to editors, e.g. content_src/topics/side-effects.yaml
    topic: Topic

    @property
    def page_path(self) -> str:
        return f"{TOPICS_DIR}/{self.slug}.md"


def topic_menu(topics: Sequence[TopicEntry]) -> list[dict[str, Any]]:
    """The topics as MkDocs nav entries, in order. Topics with the same ``menu_group`` are
    listed under it, where the first of them comes: on a phone, a group opens in the menu
    with one tap, so every topic is two taps from the open menu."""
    menu: list[dict[str, Any]] = []
    groups: dict[str, list[dict[str, str]]] = {}
    for entry in topics:
        item = {entry.topic.title: entry.page_path}
        group = entry.topic.menu_group
        if group is None:
            menu.append(item)
        elif group in groups:
            groups[group].append(item)
        else:
            groups[group] = [item]
            menu.append({group: groups[group]})
    return menu


@dataclass(frozen=True)
class Content:
    """Everything the site says, validated."""

    medicine: Medicine
    sources: tuple[Source, ...]
    urgent_help: UrgentHelp
    topics: tuple[TopicEntry, ...]
    pages: dict[str, PageFrontMatter]  # hand-written pages, by path inside docs/
    glossary: tuple[GlossaryEntry, ...]
    medical_terms: tuple[str, ...]
    faq: FaqFile
    medicine_file: str
    sources_file: str
    glossary_file: str
    faq_file: str
    urgent_help_file: str
    schedule: MonitoringSchedule | None = None  # the monitoring tracker's timetable, if the medicine has one
    schedule_file: str | None = None

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def statement(self, statement_id: str) -> tuple[TopicEntry, Statement]:
        """A topic statement by id, with the topic it is on."""
        for entry in self.topics:
            for section in entry.topic.sections:
                for statement in section.statements:
                    if statement.id == statement_id:
                        return entry, statement
        raise KeyError(statement_id)
