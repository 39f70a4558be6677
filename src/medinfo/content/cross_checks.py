"""Checks of the content files against each other: citations name real sources and places,
statement ids are unique and every reference to one exists, topics have their own order, the
schedule's tests fit between courses, and the seed documents and the leaflet are accounted for.

Each check takes the files as read (``LoadedFiles``) and gives its problems; the table of
content files (``medinfo.content.files``) says which checks each file has. The raw YAML is
read where it can be, so one broken entry does not hide every other problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from medinfo.content.coverage import check_coverage
from medinfo.content.entries import TopicEntry
from medinfo.content.leaflet import check_leaflet_map, check_sign_urgency
from medinfo.content.names import (
    COVERAGE,
    FAQ,
    LEAFLET_DIR,
    LEAFLET_MAP,
    MEDICINE,
    SCHEDULE,
    SEEDS_DIR,
    SOURCES,
    URGENT_HELP,
)
from medinfo.content.schema import (
    Cite,
    CoverageFile,
    FaqFile,
    LeafletMap,
    Medicine,
    MonitoringSchedule,
    Statement,
    UrgentHelp,
)
from medinfo.content.yamlfile import YamlDocument
from medinfo.problems import FieldPath, Report, Severity, did_you_mean

M = TypeVar("M", bound=BaseModel)


@dataclass
class LoadedFiles:
    """Every content file as read: its YAML (for line numbers) and its model (None if invalid)."""

    content_dir: Path
    files: dict[str, tuple[YamlDocument | None, BaseModel | None]]
    topics: list[tuple[YamlDocument, TopicEntry | None]]
    unreadable: set[str]  # files YAML could not read in full, as shown to editors
    topics_folder: str  # as shown to editors
    clean: bool  # no errors so far: only then is a source nobody cites worth a warning
    cites_sources: tuple[str, ...] = ()  # the files whose 'sources:' lists name sources.yaml's ids
    report: Report = field(default_factory=Report)

    def doc(self, name: str) -> YamlDocument | None:
        return self.files.get(name, (None, None))[0]

    def model(self, name: str, kind: type[M]) -> M | None:
        model = self.files.get(name, (None, None))[1]
        return model if isinstance(model, kind) else None

    def valid_topics(self) -> list[tuple[TopicEntry, YamlDocument]]:
        return [(entry, doc) for doc, entry in self.topics if entry]

    @cached_property
    def topic_statement_ids(self) -> set[str]:
        """From the raw data, so a topic that fails other checks does not make references look wrong."""
        return {sid for doc, _ in self.topics for sid in _statement_ids(doc.data)}

    @property
    def all_statement_ids(self) -> set[str]:
        faq = self.doc(FAQ)
        return self.topic_statement_ids | set(_statement_ids(faq.data if faq else None))

    @property
    def references_checkable(self) -> bool:
        """If a topic file could not be read, every reference into it would look wrong."""
        return not any(shown.startswith(self.topics_folder) for shown in self.unreadable)


Check = Callable[[LoadedFiles], None]


def check_citations(files: LoadedFiles) -> None:
    """Source ids: unique, all cited ids registered, and (if all is well) all registered ids cited.

    Read from the registry file's raw data, so one mistyped source does not stop every other
    citation from being checked.
    """
    sources_doc = files.doc(SOURCES)
    if sources_doc is None:
        return
    cited = [files.files[name] for name in files.cites_sources if name in files.files]  # optional ones too
    cited += [(doc, entry.topic if entry else None) for doc, entry in files.topics]
    _check_registry(files, sources_doc)
    places = _registry_places(sources_doc)
    used: set[str] = set()
    warn_unused = files.clean
    for doc, model in cited:
        if doc is None or model is None:
            warn_unused = False  # a broken file may be the one that cites a source
        if doc is None:
            continue
        for path, cites_here in _citations(doc.data):
            used.update(cite.source for _, cite in cites_here)
            _check_cited(files.report, doc, path, cites_here, places)
    if warn_unused:
        _warn_unused(files.report, sources_doc, used)


def _check_registry(files: LoadedFiles, sources_doc: YamlDocument) -> None:
    first_line: dict[str, int] = {}
    for index, source_id in _registry(sources_doc):
        line = sources_doc.line_of(("sources", index, "id"))
        if source_id in first_line:
            files.report.add(
                sources_doc.problem(
                    ("sources", index, "id"),
                    f"the id '{source_id}' is used twice (first on line {first_line[source_id]}). "
                    "Each source needs its own id.",
                )
            )
        first_line.setdefault(source_id, line)


def _warn_unused(report: Report, sources_doc: YamlDocument, used: set[str]) -> None:
    for index, source_id in _registry(sources_doc):
        if source_id not in used:
            report.add(
                sources_doc.problem(
                    ("sources", index, "id"),
                    f"no page cites the source '{source_id}'. Cite it or remove it.",
                    severity=Severity.WARNING,
                )
            )


def _check_cited(
    report: Report,
    doc: YamlDocument,
    path: FieldPath,
    cited: list[tuple[FieldPath, Cite]],
    places: dict[str, list[str]],
) -> None:
    """Each citation names a registered source, and a place only from that source's 'places'."""
    for where, (source_id, place) in cited:
        if source_id not in places:
            hint = did_you_mean(source_id, places)
            report.add(
                doc.problem(
                    path + where, f"there is no source with the id '{source_id}' in sources.yaml.{hint}"
                )
            )
        elif place is not None and not places[source_id]:
            report.add(
                doc.problem(
                    path + where + (source_id,),
                    f"the source '{source_id}' lists no places, so cite it without one: write just "
                    f"'{source_id}', or add 'places' to it in sources.yaml.",
                )
            )
        elif place is not None and place not in places[source_id]:
            hint = did_you_mean(place, places[source_id])
            report.add(
                doc.problem(
                    path + where + (source_id,),
                    f"'{place}' is not one of the places of '{source_id}' in sources.yaml.{hint} "
                    f"Its places are: {', '.join(places[source_id])}.",
                )
            )


def check_statement_ids(files: LoadedFiles) -> None:
    """Statement ids are unique across the site (the topics and the questions page)."""
    docs: list[tuple[YamlDocument, BaseModel]] = [(doc, entry.topic) for entry, doc in files.valid_topics()]
    faq_doc, faq = files.doc(FAQ), files.model(FAQ, FaqFile)
    if faq_doc and faq:
        docs.append((faq_doc, faq))
    first: dict[str, str] = {}
    for doc, model in docs:
        for path, statement in _statements(model):
            where = f"{doc.file} line {doc.line_of(path + ('id',))}"
            if statement.id in first:
                files.report.add(
                    doc.problem(
                        path + ("id",),
                        f"the statement id '{statement.id}' is already used ({first[statement.id]}). "
                        "Statement ids must be unique across the site.",
                    )
                )
            first.setdefault(statement.id, where)


def check_topic_order(files: LoadedFiles) -> None:
    first: dict[int, str] = {}
    for entry, doc in files.valid_topics():
        order = entry.topic.order
        if order in first:
            files.report.add(
                doc.problem(
                    ("order",),
                    f"order {order} is also used by {first[order]}. Give each topic its own number.",
                )
            )
        first.setdefault(order, entry.file)


def check_schedule(files: LoadedFiles) -> None:
    """Each test has its own id, and its interval fits the months between courses, so the
    tracker and the calendar keep each test's rhythm from one course to the next."""
    doc, schedule = (
        files.doc(SCHEDULE),
        files.model(SCHEDULE, MonitoringSchedule),
    )
    if doc is None or schedule is None:
        return
    first: dict[str, int] = {}
    for index, test in enumerate(schedule.tests):
        if test.id in first:
            files.report.add(
                doc.problem(
                    ("tests", index, "id"),
                    f"the id '{test.id}' is also used by test {first[test.id]}. Give each test its own id.",
                )
            )
        first.setdefault(test.id, index + 1)
    gap = schedule.second_course_after
    if gap is None:
        return
    fitting = ", ".join(str(n) for n in range(1, 13) if gap.months % n == 0)
    for index, test in enumerate(schedule.tests):
        if gap.months % test.every_months:
            files.report.add(
                doc.problem(
                    ("tests", index, "every_months"),
                    f"every {test.every_months} months does not fit the {gap.months} months between "
                    "courses (second_course_after), so the sheet would lose this test's rhythm at the "
                    f"next course. Use one of: {fitting}. If the sources give another interval, ask "
                    "a developer.",
                )
            )


def check_faq_answers(files: LoadedFiles) -> None:
    """Answers reuse topic statements by id: each id must exist."""
    doc, faq = files.doc(FAQ), files.model(FAQ, FaqFile)
    if doc is None or faq is None or not files.references_checkable:
        return
    for index, entry in enumerate(faq.questions):
        _check_references(files, doc, ("questions", index, "answer_from"), entry.answer_from)


def check_key_facts(files: LoadedFiles) -> None:
    """The medicine's key facts are topic statements by id: each id must exist."""
    doc, medicine = files.doc(MEDICINE), files.model(MEDICINE, Medicine)
    if doc and medicine and files.references_checkable:
        _check_references(files, doc, ("key_facts",), medicine.key_facts)


def _check_references(files: LoadedFiles, doc: YamlDocument, path: FieldPath, ids: list[str]) -> None:
    for index, statement_id in enumerate(ids):
        if statement_id not in files.topic_statement_ids:
            hint = did_you_mean(statement_id, files.topic_statement_ids)
            files.report.add(
                doc.problem((*path, index), f"no topic has a statement with the id '{statement_id}'.{hint}")
            )


def check_seed_coverage(files: LoadedFiles) -> None:
    doc, coverage = files.doc(COVERAGE), files.model(COVERAGE, CoverageFile)
    if doc and coverage and files.references_checkable:
        seeds = files.content_dir / SEEDS_DIR
        files.report.extend(check_coverage(doc, coverage, seeds, files.all_statement_ids))


def check_leaflet(files: LoadedFiles) -> None:
    doc, leaflet_map = files.doc(LEAFLET_MAP), files.model(LEAFLET_MAP, LeafletMap)
    if doc is None or leaflet_map is None or not files.references_checkable:
        return
    sources_doc = files.doc(SOURCES)
    source_ids = {source_id for _, source_id in _registry(sources_doc)} if sources_doc else None
    urgent = files.model(URGENT_HELP, UrgentHelp)
    leaflet_dir = files.content_dir / LEAFLET_DIR
    files.report.extend(
        check_leaflet_map(doc, leaflet_map, leaflet_dir, files.all_statement_ids, source_ids, urgent)
    )


def check_urgency(files: LoadedFiles) -> None:
    """Each urgent sign is at least as urgent as the leaflet's words for it."""
    doc, leaflet_map = files.doc(LEAFLET_MAP), files.model(LEAFLET_MAP, LeafletMap)
    urgent_doc, urgent = files.doc(URGENT_HELP), files.model(URGENT_HELP, UrgentHelp)
    if doc and leaflet_map and urgent_doc and urgent:
        files.report.extend(check_sign_urgency(urgent_doc, urgent, doc, leaflet_map))


def _registry(sources_doc: YamlDocument) -> list[tuple[int, str]]:
    """(index, id) of every source entry that has a text id, valid or not otherwise."""
    entries = sources_doc.data.get("sources") if isinstance(sources_doc.data, dict) else None
    if not isinstance(entries, list):
        return []
    return [
        (index, entry["id"])
        for index, entry in enumerate(entries)
        if isinstance(entry, dict) and isinstance(entry.get("id"), str)
    ]


def _statement_ids(data: Any) -> Iterator[str]:
    """The id of every statement in a file's raw data."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("statements", "more") and isinstance(value, list):
                yield from (i["id"] for i in value if isinstance(i, dict) and isinstance(i.get("id"), str))
            else:
                yield from _statement_ids(value)
    elif isinstance(data, list):
        for item in data:
            yield from _statement_ids(item)


def _registry_places(sources_doc: YamlDocument) -> dict[str, list[str]]:
    """Each registered source id, with the places it lists (text ones only)."""
    entries = sources_doc.data["sources"] if isinstance(sources_doc.data, dict) else []
    places: dict[str, list[str]] = {}
    for index, source_id in _registry(sources_doc):
        listed = entries[index].get("places")
        places[source_id] = [p for p in listed if isinstance(p, str)] if isinstance(listed, list) else []
    return places


def _citations(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, list[tuple[FieldPath, Cite]]]]:
    """Every ``sources:`` list in a file's raw data, with the position of each citation in it,
    so that a file which fails other checks still has its citations checked."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "sources" and isinstance(value, list):
                yield (
                    path + (key,),
                    [((index,), cite) for index, entry in enumerate(value) for cite in _raw_cite(entry)],
                )
            else:
                yield from _citations(value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _citations(item, path + (index,))


def _raw_cite(entry: Any) -> list[Cite]:
    """A citation as typed, if it has a usable form (the schema reports the others)."""
    if isinstance(entry, str):
        return [Cite(entry, None)]
    if isinstance(entry, dict) and len(entry) == 1:
        ((source_id, place),) = entry.items()
        if isinstance(source_id, str) and isinstance(place, str):
            return [Cite(source_id, place)]
    return []


def _statements(model: BaseModel, path: FieldPath = ()) -> Iterator[tuple[FieldPath, Statement]]:
    if isinstance(model, Statement):
        yield path, model
        return
    for name in type(model).model_fields:
        yield from _walk(getattr(model, name), path + (name,), _statements)


def _walk(value: Any, path: FieldPath, visit: Any) -> Iterator[Any]:
    if isinstance(value, BaseModel):
        yield from visit(value, path)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _walk(item, path + (index,), visit)
