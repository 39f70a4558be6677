"""Load every content file, validate it, and check the files against each other.

``load_content`` runs every check, collects every problem, and raises
``ContentError`` once at the end if any is an error. Warnings (such as a
source nobody cites) come back in the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from medinfo.content.coverage import check_coverage
from medinfo.content.leaflet import check_leaflet_map, check_sign_urgency
from medinfo.content.schema import (
    Cite,
    CoverageFile,
    FaqFile,
    GlossaryEntry,
    GlossaryFile,
    LeafletMap,
    MedicalTermsFile,
    Medicine,
    MonitoringSchedule,
    PageFrontMatter,
    Source,
    SourcesFile,
    Statement,
    Topic,
    UrgentHelp,
)
from medinfo.content.validation_messages import problems_from_validation
from medinfo.content.yamlfile import YamlDocument, parse_yaml_text, read_yaml_file
from medinfo.pages import generated_pages
from medinfo.problems import ContentError, FieldPath, Problem, Report, Severity, did_you_mean

M = TypeVar("M", bound=BaseModel)

MEDICINE_FILE = "medicine.yaml"
SOURCES_FILE = "sources.yaml"
URGENT_HELP_FILE = "urgent-help.yaml"
GLOSSARY_FILE = "glossary.yaml"
MEDICAL_TERMS_FILE = "medical-terms.yaml"
FAQ_FILE = "faq.yaml"
COVERAGE_FILE = "coverage.yaml"
SEEDS_DIR = "seeds"
LEAFLET_MAP_FILE = "leaflet-map.yaml"
LEAFLET_DIR = "leaflet"
SCHEDULE_FILE = "monitoring-schedule.yaml"  # optional: without it, no monitoring tracker
TOPICS_DIR = "topics"

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FENCE = re.compile(r"^\s*(```|~~~)")


def split_front_matter(text: str) -> tuple[str | None, str]:
    """A page's front matter (the YAML between the '---' lines, or None) and the rest of the page."""
    match = _FRONT_MATTER.match(text)
    return (match.group(1) or "", text[match.end() :]) if match else (None, text)


def display_path(path: Path, root: Path) -> str:
    """A path as editors see it in messages: from the project's folder when it is inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


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


def load_content(content_dir: Path, docs_dir: Path | None = None) -> tuple[Content, Report]:
    """Read and check all content. Raises ContentError listing every error."""
    loader = _Loader(content_dir.parent)
    medicine_doc, medicine = loader.model(content_dir / MEDICINE_FILE, Medicine)
    sources_doc, sources = loader.model(content_dir / SOURCES_FILE, SourcesFile)
    urgent_doc, urgent = loader.model(content_dir / URGENT_HELP_FILE, UrgentHelp)
    glossary_doc, glossary = loader.model(content_dir / GLOSSARY_FILE, GlossaryFile)
    _, terms = loader.model(content_dir / MEDICAL_TERMS_FILE, MedicalTermsFile)
    faq_doc, faq = loader.model(content_dir / FAQ_FILE, FaqFile)
    coverage_doc, coverage = loader.model(content_dir / COVERAGE_FILE, CoverageFile)
    leaflet_doc, leaflet_map = loader.model(content_dir / LEAFLET_MAP_FILE, LeafletMap)
    schedule_path = content_dir / SCHEDULE_FILE
    schedule_doc, schedule = (
        loader.model(schedule_path, MonitoringSchedule) if schedule_path.is_file() else (None, None)
    )
    topic_docs = loader.topics(content_dir / TOPICS_DIR)
    topics = [(entry, doc) for doc, entry in topic_docs if entry]
    loader.stray_files(content_dir)
    generated = generated_pages(
        ((t.page_path, t.file) for t, _ in topics),
        faq_file=loader.display(content_dir / FAQ_FILE),
        urgent_file=loader.display(content_dir / URGENT_HELP_FILE),
        glossary_file=loader.display(content_dir / GLOSSARY_FILE),
        sources_file=loader.display(content_dir / SOURCES_FILE),
        topics_dir=loader.display(content_dir / TOPICS_DIR),
        schedule_file=loader.display(schedule_path) if schedule_path.is_file() else None,
    )
    pages = loader.pages(docs_dir, generated) if docs_dir else {}

    cited_docs: list[tuple[YamlDocument | None, BaseModel | None]] = [
        (medicine_doc, medicine),
        (urgent_doc, urgent),
        (glossary_doc, glossary),
        (faq_doc, faq),
        *([(schedule_doc, schedule)] if schedule_doc else []),
        *((doc, entry.topic if entry else None) for doc, entry in topic_docs),
    ]
    if sources_doc:
        loader.check_citations(sources_doc, cited_docs, warn_unused=not loader.report.errors)
    statement_docs: list[tuple[YamlDocument, BaseModel]] = [(doc, entry.topic) for entry, doc in topics]
    if faq_doc and faq:
        statement_docs.append((faq_doc, faq))
    # From the raw data, so a topic that fails other checks does not make references look wrong.
    topic_statement_ids = {sid for doc, _ in topic_docs for sid in _statement_ids(doc.data)}
    loader.check_statement_ids(statement_docs)
    loader.check_topic_order(topics)
    if schedule_doc and schedule:
        loader.check_schedule(schedule_doc, schedule)
    # If a topic file could not be read, every reference into it would look wrong.
    references_checkable = not any(
        f.startswith(loader.display(content_dir / TOPICS_DIR)) for f in loader.unreadable
    )
    if faq_doc and faq and references_checkable:
        loader.check_faq_answers(faq_doc, faq, topic_statement_ids)
    if medicine_doc and medicine and references_checkable:
        loader.check_references(medicine_doc, ("key_facts",), medicine.key_facts, topic_statement_ids)
    all_ids = topic_statement_ids | set(_statement_ids(faq_doc.data if faq_doc else None))
    if coverage_doc and coverage and references_checkable:
        loader.report.extend(check_coverage(coverage_doc, coverage, content_dir / SEEDS_DIR, all_ids))
    if leaflet_doc and leaflet_map and references_checkable:
        loader.report.extend(
            check_leaflet_map(
                leaflet_doc,
                leaflet_map,
                content_dir / LEAFLET_DIR,
                all_ids,
                {source_id for _, source_id in _registry(sources_doc)} if sources_doc else None,
                urgent,
            )
        )
    if leaflet_doc and leaflet_map and urgent_doc and urgent:
        loader.report.extend(check_sign_urgency(urgent_doc, urgent, leaflet_doc, leaflet_map))

    if loader.report.errors or not (medicine and sources and urgent and glossary and terms and faq):
        raise ContentError(loader.report)
    content = Content(
        medicine=medicine,
        sources=tuple(sources.sources),
        urgent_help=urgent,
        topics=tuple(sorted((t for t, _ in topics), key=lambda t: (t.topic.order, t.slug))),
        pages=pages,
        glossary=tuple(glossary.terms),
        medical_terms=tuple(terms.medical_terms),
        faq=faq,
        medicine_file=loader.display(content_dir / MEDICINE_FILE),
        sources_file=loader.display(content_dir / SOURCES_FILE),
        glossary_file=loader.display(content_dir / GLOSSARY_FILE),
        faq_file=loader.display(content_dir / FAQ_FILE),
        urgent_help_file=loader.display(content_dir / URGENT_HELP_FILE),
        schedule=schedule,
        schedule_file=loader.display(schedule_path) if schedule else None,
    )
    return content, loader.report


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.report = Report()
        self.unreadable: set[str] = set()  # files YAML could not read in full

    def display(self, path: Path) -> str:
        return display_path(path, self.root)

    def model(self, path: Path, model: type[M]) -> tuple[YamlDocument | None, M | None]:
        if not path.is_file():
            self.report.add(Problem(self.display(path), 1, "(whole file)", "this required file is missing."))
            return None, None
        doc, problems = read_yaml_file(path, self.display(path))
        self.report.extend(problems)
        if doc is None or problems:
            self.unreadable.add(self.display(path))
            return doc, None
        return doc, self.validate(doc, model)

    def validate(self, doc: YamlDocument, model: type[M]) -> M | None:
        if not isinstance(doc.data, dict):
            self.report.add(doc.problem((), "the file should be a group of 'name: value' fields at the top."))
            return None
        try:
            return model.model_validate(doc.data)
        except ValidationError as error:
            self.report.extend(problems_from_validation(doc, model, error))
            return None

    def topics(self, folder: Path) -> list[tuple[YamlDocument, TopicEntry | None]]:
        """Every readable topic file, with its topic if it is valid."""
        found: list[tuple[YamlDocument, TopicEntry | None]] = []
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            shown = self.display(path)
            if path.suffix != ".yaml" or not _SLUG.match(path.stem):
                self.report.add(
                    Problem(
                        shown,
                        1,
                        "(file name)",
                        "topic files must be named like 'side-effects.yaml': lowercase letters, "
                        "digits and hyphens, ending in .yaml.",
                    )
                )
                continue
            doc, topic = self.model(path, Topic)
            if doc:
                found.append((doc, TopicEntry(path.stem, shown, topic) if topic else None))
        if not found and not any(p.file.startswith(self.display(folder)) for p in self.report.problems):
            self.report.add(Problem(self.display(folder), 1, "(folder)", "there are no topic files here."))
        return found

    def stray_files(self, content_dir: Path) -> None:
        """A YAML file in the wrong place would silently be left out of the site."""
        expected = {
            MEDICINE_FILE,
            SOURCES_FILE,
            URGENT_HELP_FILE,
            GLOSSARY_FILE,
            MEDICAL_TERMS_FILE,
            FAQ_FILE,
            COVERAGE_FILE,
            LEAFLET_MAP_FILE,
            SCHEDULE_FILE,
        }
        for path in sorted(content_dir.rglob("*")):
            relative = path.relative_to(content_dir)
            if path.is_dir() or relative.parts[0] == TOPICS_DIR:
                continue
            if path.suffix in (".yaml", ".yml") and relative.as_posix() not in expected:
                self.report.add(
                    Problem(
                        self.display(path),
                        1,
                        "(file name)",
                        f"this file is not used. Topics go in {self.display(content_dir / TOPICS_DIR)}/; "
                        f"the other files are {', '.join(sorted(expected))}.",
                    )
                )

    def pages(self, docs_dir: Path, generated: dict[str, str]) -> dict[str, PageFrontMatter]:
        """The hand-written pages' front matter; a page on a generated page's path is an error."""
        pages = {}
        for path in sorted(docs_dir.rglob("*.md")):
            src = path.relative_to(docs_dir).as_posix()
            shown = self.display(path)
            if src in generated:
                self.report.add(
                    Problem(
                        shown,
                        1,
                        "(file name)",
                        f"the site makes this page from {generated[src]}, so this file would never be "
                        "shown. Change that file instead, or give this page another file name.",
                    )
                )
                continue
            page = self._front_matter(path, shown)
            if page:
                pages[src] = page
        return pages

    def _front_matter(self, path: Path, shown: str) -> PageFrontMatter | None:
        text = path.read_text(encoding="utf-8", errors="replace")
        front, body = split_front_matter(text)
        if front is None:
            self.report.add(
                Problem(
                    shown,
                    1,
                    "(front matter)",
                    "the page must start with a block between two '---' lines giving at least "
                    "'title:' and 'description:'.",
                )
            )
            return None
        doc, problems = parse_yaml_text(front, shown, first_line=2)
        self.report.extend(problems)
        page = self.validate(doc, PageFrontMatter) if doc and not problems else None
        body_start = text[: len(text) - len(body)].count("\n") + 1
        self._no_top_heading(body, shown, body_start)
        return page

    def _no_top_heading(self, body: str, shown: str, first_line: int) -> None:
        in_fence = False
        for number, line in enumerate(body.splitlines(), start=first_line):
            if _FENCE.match(line):
                in_fence = not in_fence
            elif not in_fence and re.match(r"^# \S", line):
                self.report.add(
                    Problem(
                        shown,
                        number,
                        "(page text)",
                        "remove this '# ' heading: the page title comes from 'title:' at the top. "
                        "Use '## ' for headings inside the page.",
                    )
                )

    def check_citations(
        self,
        sources_doc: YamlDocument,
        cited_docs: list[tuple[YamlDocument | None, BaseModel | None]],
        warn_unused: bool,
    ) -> None:
        """Source ids: unique, all cited ids registered, and (if all is well) all registered ids cited.

        Read from the registry file's raw data, so one mistyped source does not
        stop every other citation from being checked.
        """
        registry = _registry(sources_doc)
        first_line: dict[str, int] = {}
        for index, source_id in registry:
            line = sources_doc.line_of(("sources", index, "id"))
            if source_id in first_line:
                self.report.add(
                    sources_doc.problem(
                        ("sources", index, "id"),
                        f"the id '{source_id}' is used twice (first on line {first_line[source_id]}). "
                        "Each source needs its own id.",
                    )
                )
            first_line.setdefault(source_id, line)
        places = _registry_places(sources_doc)
        used: set[str] = set()
        for doc, model in cited_docs:
            if doc is None or model is None:
                warn_unused = False  # a broken file may be the one that cites a source
            if doc is None:
                continue
            for path, cited in _citations(doc.data):
                used.update(cite.source for _, cite in cited)
                self._check_cited(doc, path, cited, places)
        if not warn_unused:
            return
        for index, source_id in registry:
            if source_id not in used:
                self.report.add(
                    sources_doc.problem(
                        ("sources", index, "id"),
                        f"no page cites the source '{source_id}'. Cite it or remove it.",
                        severity=Severity.WARNING,
                    )
                )

    def _check_cited(
        self,
        doc: YamlDocument,
        path: FieldPath,
        cited: list[tuple[FieldPath, Cite]],
        places: dict[str, list[str]],
    ) -> None:
        """Each citation names a registered source, and a place only from that source's 'places'."""
        for where, (source_id, place) in cited:
            if source_id not in places:
                hint = did_you_mean(source_id, places)
                self.report.add(
                    doc.problem(
                        path + where, f"there is no source with the id '{source_id}' in sources.yaml.{hint}"
                    )
                )
            elif place is not None and not places[source_id]:
                self.report.add(
                    doc.problem(
                        path + where + (source_id,),
                        f"the source '{source_id}' lists no places, so cite it without one: write just "
                        f"'{source_id}', or add 'places' to it in sources.yaml.",
                    )
                )
            elif place is not None and place not in places[source_id]:
                hint = did_you_mean(place, places[source_id])
                self.report.add(
                    doc.problem(
                        path + where + (source_id,),
                        f"'{place}' is not one of the places of '{source_id}' in sources.yaml.{hint} "
                        f"Its places are: {', '.join(places[source_id])}.",
                    )
                )

    def check_statement_ids(self, docs: list[tuple[YamlDocument, BaseModel]]) -> None:
        first: dict[str, str] = {}
        for doc, model in docs:
            for path, statement in _statements(model):
                where = f"{doc.file} line {doc.line_of(path + ('id',))}"
                if statement.id in first:
                    self.report.add(
                        doc.problem(
                            path + ("id",),
                            f"the statement id '{statement.id}' is already used ({first[statement.id]}). "
                            "Statement ids must be unique across the site.",
                        )
                    )
                first.setdefault(statement.id, where)

    def check_faq_answers(self, doc: YamlDocument, faq: FaqFile, statement_ids: set[str]) -> None:
        """Answers reuse topic statements by id: each id must exist."""
        for q_index, entry in enumerate(faq.questions):
            self.check_references(
                doc, ("questions", q_index, "answer_from"), entry.answer_from, statement_ids
            )

    def check_references(
        self, doc: YamlDocument, path: tuple[str | int, ...], ids: list[str], statement_ids: set[str]
    ) -> None:
        """A list of topic statements by id (answers, key facts): each id must exist."""
        for index, statement_id in enumerate(ids):
            if statement_id not in statement_ids:
                hint = did_you_mean(statement_id, statement_ids)
                self.report.add(
                    doc.problem(
                        (*path, index), f"no topic has a statement with the id '{statement_id}'.{hint}"
                    )
                )

    def check_schedule(self, doc: YamlDocument, schedule: MonitoringSchedule) -> None:
        """Each test has its own id, and its interval fits the months between courses, so the
        tracker and the calendar keep each test's rhythm from one course to the next."""
        first: dict[str, int] = {}
        for index, test in enumerate(schedule.tests):
            if test.id in first:
                self.report.add(
                    doc.problem(
                        ("tests", index, "id"),
                        f"the id '{test.id}' is also used by test {first[test.id]}. "
                        "Give each test its own id.",
                    )
                )
            first.setdefault(test.id, index + 1)
        gap = schedule.second_course_after
        if gap is None:
            return
        fitting = ", ".join(str(n) for n in range(1, 13) if gap.months % n == 0)
        for index, test in enumerate(schedule.tests):
            if gap.months % test.every_months:
                self.report.add(
                    doc.problem(
                        ("tests", index, "every_months"),
                        f"every {test.every_months} months does not fit the {gap.months} months between "
                        "courses (second_course_after), so the sheet would lose this test's rhythm at the "
                        f"next course. Use one of: {fitting}. If the sources give another interval, ask "
                        "a developer.",
                    )
                )

    def check_topic_order(self, topics: list[tuple[TopicEntry, YamlDocument]]) -> None:
        first: dict[int, str] = {}
        for entry, doc in topics:
            order = entry.topic.order
            if order in first:
                self.report.add(
                    doc.problem(
                        ("order",),
                        f"order {order} is also used by {first[order]}. Give each topic its own number.",
                    )
                )
            first.setdefault(order, entry.file)


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
