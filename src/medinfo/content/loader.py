"""Load every content file, validate it, and check the files against each other.

``load_content`` reads each file in the table of content files (``medinfo.content.files``),
then runs the checks across files that the table names, collects every problem, and raises
``ContentError`` once at the end if any is an error. Warnings (such as a source nobody cites)
come back in the report.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from medinfo.content.cross_checks import LoadedFiles
from medinfo.content.entries import Content, TopicEntry, topic_menu
from medinfo.content.files import CONTENT_FILES, TOPIC_FILES
from medinfo.content.names import (
    FAQ,
    GLOSSARY,
    MEDICAL_TERMS,
    MEDICINE,
    SCHEDULE,
    SOURCES,
    TOPICS_DIR,
    URGENT_HELP,
)
from medinfo.content.schema import (
    FaqFile,
    GlossaryFile,
    MedicalTermsFile,
    Medicine,
    MonitoringSchedule,
    PageFrontMatter,
    SourcesFile,
    Topic,
    UrgentHelp,
)
from medinfo.content.validation_messages import problems_from_validation
from medinfo.content.yamlfile import YamlDocument, parse_yaml_text, read_yaml_file
from medinfo.problems import ContentError, Problem, Report
from medinfo.project import display_path, root_of

__all__ = ["Content", "TopicEntry", "load_content", "split_front_matter", "topic_menu"]

M = TypeVar("M", bound=BaseModel)

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FENCE = re.compile(r"^\s*(```|~~~)")


def split_front_matter(text: str) -> tuple[str | None, str]:
    """A page's front matter (the YAML between the '---' lines, or None) and the rest of the page."""
    match = _FRONT_MATTER.match(text)
    return (match.group(1) or "", text[match.end() :]) if match else (None, text)


def load_content(content_dir: Path, docs_dir: Path | None = None) -> tuple[Content, Report]:
    """Read and check all content. Raises ContentError listing every error."""
    loader = _Loader(root_of(content_dir))
    read = {
        file.name: loader.model(content_dir / file.name, file.model)
        for file in CONTENT_FILES
        if file.required or (content_dir / file.name).is_file()
    }
    topic_docs = loader.topics(content_dir / TOPICS_DIR)
    loader.stray_files(content_dir)
    files = LoadedFiles(
        content_dir=content_dir,
        files=dict(read),
        topics=topic_docs,
        unreadable=loader.unreadable,
        topics_folder=loader.display(content_dir / TOPICS_DIR),
        clean=not loader.report.errors,
        cites_sources=tuple(file.name for file in CONTENT_FILES if file.cites_sources),
        report=loader.report,
    )
    pages = loader.pages(docs_dir) if docs_dir else {}
    for file in (*CONTENT_FILES, TOPIC_FILES):
        for check in file.checks:
            check(files)
    content = None if loader.report.errors else _content(files, pages, loader)
    if content is None:
        raise ContentError(loader.report)
    return content, loader.report


def _content(files: LoadedFiles, pages: dict[str, PageFrontMatter], loader: _Loader) -> Content | None:
    """The content, once every file is valid; None if a required one is not."""
    medicine = files.model(MEDICINE, Medicine)
    sources = files.model(SOURCES, SourcesFile)
    urgent = files.model(URGENT_HELP, UrgentHelp)
    glossary = files.model(GLOSSARY, GlossaryFile)
    terms = files.model(MEDICAL_TERMS, MedicalTermsFile)
    faq = files.model(FAQ, FaqFile)
    if not (medicine and sources and urgent and glossary and terms and faq):
        return None
    schedule = files.model(SCHEDULE, MonitoringSchedule)
    shown = {name: loader.display(files.content_dir / name) for name in files.files}
    return Content(
        medicine=medicine,
        sources=tuple(sources.sources),
        urgent_help=urgent,
        topics=tuple(sorted((t for t, _ in files.valid_topics()), key=lambda t: (t.topic.order, t.slug))),
        pages=pages,
        glossary=tuple(glossary.terms),
        medical_terms=tuple(terms.medical_terms),
        faq=faq,
        medicine_file=shown[MEDICINE],
        sources_file=shown[SOURCES],
        glossary_file=shown[GLOSSARY],
        faq_file=shown[FAQ],
        urgent_help_file=shown[URGENT_HELP],
        schedule=schedule,
        schedule_file=shown[SCHEDULE] if schedule else None,
    )


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.report = Report()
        self.unreadable: set[str] = set()  # files YAML could not read in full

    def display(self, path: Path) -> str:
        return display_path(path, self.root)

    def model(self, path: Path, model: type[M]) -> tuple[YamlDocument | None, M | None]:
        """A file, read and validated (a missing one is an error)."""
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
        expected = {file.name for file in CONTENT_FILES}
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

    def pages(self, docs_dir: Path) -> dict[str, PageFrontMatter]:
        """The hand-written pages' front matter (the page registry refuses one on a generated page's path)."""
        pages = {}
        for path in sorted(docs_dir.rglob("*.md")):
            src = path.relative_to(docs_dir).as_posix()
            page = self._front_matter(path, self.display(path))
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
