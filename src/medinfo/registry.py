"""Every page of the site, from one list: a generated page is one ``GeneratedPage`` entry in
``GENERATED``, a topic is a file in content_src/topics/, a hand-written page a file in docs/.

Each entry says where the page goes, its title, the file an editor changes, its review and
changes, its place in the menu, whether it prints, and how to render it. Generation,
``medinfo check``, the build, the menu, the downloads, the review report, "What's changed"
and the edit links all loop over ``site_pages`` and ``all_pages``, so they cannot disagree
about which pages there are, and ``medinfo check`` checks the Markdown the build gives MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from medinfo.content.entries import Content
from medinfo.content.loader import load_content
from medinfo.content.names import CONTENT_FOLDER, TOPICS_DIR
from medinfo.content.schema import Change, Review
from medinfo.pages import (
    CALENDAR_PAGE,
    CALENDAR_TITLE,
    CHANGES_PAGE,
    CHANGES_TITLE,
    FAQ_PAGE,
    GLOSSARY_PAGE,
    GLOSSARY_TITLE,
    HANDOUTS_PAGE,
    HANDOUTS_TITLE,
    SOURCES_PAGE,
    SOURCES_TITLE,
    TRACKER_PAGE,
    URGENT_PAGE,
)
from medinfo.printing.handouts import render_handouts_page
from medinfo.problems import ContentError, Problem, Report
from medinfo.project import Project
from medinfo.render.calendar_page import render_calendar_page
from medinfo.render.handwritten import expand_markers, expanded_page
from medinfo.render.markdown import (
    PageChange,
    PageText,
    RenderedPage,
    changes_page,
    faq_page,
    glossary_page,
    sources_page,
    topic_page,
    urgent_page,
)
from medinfo.render.tracker import render_tracker_page

HANDOUTS_MARKER = "@handouts"  # in mkdocs.yml's menu: the pages whose entry says menu=HANDOUTS_MARKER
DOWNLOAD_HANDOUT = "Download a printable handout"

# What a generated page is rendered from: the content, and the pages rendered before it.
Render = Callable[[Content, Sequence[RenderedPage]], PageText]


@dataclass(frozen=True)
class SitePage:
    """One page of the site, as everything that lists pages needs it."""

    path: str  # inside docs/
    title: str
    edit_file: str | None  # the one file an editor changes; None for a page made from many
    review: Review | None = None
    changes: tuple[Change, ...] = ()
    hand_written: bool = False
    prints: bool = False  # has a PDF handout of its own
    download_label: str = DOWNLOAD_HANDOUT
    menu: str | None = (
        None  # the mkdocs.yml menu marker it is listed under (None: named there, or not at all)
    )
    made_from: str = ""  # where its words come from, for an editor: its file, or a folder and what in it


def _none(content: Content) -> None:
    return None


def _no_changes(content: Content) -> tuple[Change, ...]:
    return ()


def _always(content: Content) -> bool:
    return True


def _has_schedule(content: Content) -> bool:
    return content.schedule is not None


def _text(text: str) -> Callable[[Content], str]:
    return lambda content: text


@dataclass(frozen=True)
class GeneratedPage:
    """A page the site makes from content_src/ (other than the topics): adding one is adding one of these."""

    path: str  # inside docs/
    title: Callable[[Content], str]
    made_from: Callable[[Content], str]  # the file an editor changes, or a folder and what in it
    render: Render
    one_file: bool = True  # ``made_from`` is one file, so the page's "Edit" link goes to it
    review: Callable[[Content], Review | None] = _none
    changes: Callable[[Content], Sequence[Change]] = _no_changes
    menu: str | None = None  # the marker in mkdocs.yml's menu it is listed under
    prints: bool = False  # gets a PDF handout of its own
    download_label: str = DOWNLOAD_HANDOUT
    exists: Callable[[Content], bool] = _always  # e.g. only for a medicine with a monitoring schedule

    def site_page(self, content: Content) -> SitePage:
        made_from = self.made_from(content)
        return SitePage(
            self.path,
            self.title(content),
            made_from if self.one_file else None,
            self.review(content),
            tuple(self.changes(content)),
            prints=self.prints,
            download_label=self.download_label,
            menu=self.menu,
            made_from=made_from,
        )


def _schedule_title(content: Content) -> str:
    assert content.schedule is not None  # the page exists only with a schedule
    return content.schedule.title


def _schedule_file(content: Content) -> str:
    assert content.schedule_file is not None
    return content.schedule_file


def _changes(content: Content, earlier: Sequence[RenderedPage]) -> PageText:
    return changes_page([PageChange(c, p.title, p.path) for p in site_pages(content) for c in p.changes])


_TOPICS_FOLDER = f"{CONTENT_FOLDER}/{TOPICS_DIR}/"

# The generated pages after the topics, in the order the site lists them (and the search index
# holds them: it breaks ties between equal matches). Sources comes last: it lists the pages
# that cite each source, so every other page is rendered before it.
GENERATED: tuple[GeneratedPage, ...] = (
    GeneratedPage(
        FAQ_PAGE,
        title=lambda c: c.faq.title,
        made_from=lambda c: c.faq_file,
        render=lambda c, _: faq_page(c),
        review=lambda c: c.faq.review,
        changes=lambda c: c.faq.changes,
    ),
    GeneratedPage(
        URGENT_PAGE,
        title=lambda c: c.urgent_help.heading,
        made_from=lambda c: c.urgent_help_file,
        render=lambda c, _: urgent_page(c),
        review=lambda c: c.urgent_help.review,
        changes=lambda c: c.urgent_help.changes,  # the card is on every topic page too
    ),
    GeneratedPage(
        GLOSSARY_PAGE,
        title=_text(GLOSSARY_TITLE),
        made_from=lambda c: c.glossary_file,
        render=lambda c, _: glossary_page(c),
    ),
    GeneratedPage(
        CHANGES_PAGE,
        title=_text(CHANGES_TITLE),
        made_from=_text(_TOPICS_FOLDER + " (the changes: lists)"),
        one_file=False,
        render=_changes,
    ),
    GeneratedPage(
        HANDOUTS_PAGE,
        title=_text(HANDOUTS_TITLE),
        made_from=_text(_TOPICS_FOLDER + " (one handout per topic)"),
        one_file=False,
        render=lambda c, _: PageText(render_handouts_page(HANDOUTS_TITLE, c.medicine, c.medicine_file)),
        menu=HANDOUTS_MARKER,
    ),
    GeneratedPage(
        TRACKER_PAGE,
        title=_schedule_title,
        made_from=_schedule_file,
        render=lambda c, _: render_tracker_page(c),
        review=lambda c: c.schedule.review if c.schedule else None,
        changes=lambda c: c.schedule.changes if c.schedule else (),
        menu=HANDOUTS_MARKER,
        prints=True,
        download_label="Download the tracker",
        exists=_has_schedule,
    ),
    GeneratedPage(  # made from the same schedule and reviewed with it; its changes are the tracker's
        CALENDAR_PAGE,
        title=_text(CALENDAR_TITLE),
        made_from=_schedule_file,
        render=lambda c, _: render_calendar_page(c),
        review=lambda c: c.schedule.review if c.schedule else None,
        menu=HANDOUTS_MARKER,
        exists=_has_schedule,
    ),
    GeneratedPage(
        SOURCES_PAGE,
        title=_text(SOURCES_TITLE),
        made_from=lambda c: c.sources_file,
        render=lambda c, earlier: sources_page(c, list(earlier)),
    ),
)


def generated_paths() -> frozenset[str]:
    """Where the generated pages other than the topics go, whatever the content."""
    return frozenset(page.path for page in GENERATED)


def menu_markers() -> set[str]:
    """The markers in mkdocs.yml's menu that the generated pages are listed under."""
    return {page.menu for page in GENERATED if page.menu}


def site_pages(content: Content, docs_folder: str = "docs") -> list[SitePage]:
    """Every page: the topics, the generated pages in ``GENERATED`` order, then the hand-written ones.

    Only pages that have review dates or changes of their own say so; the glossary,
    sources, "What's changed" and handouts list are made from the others.
    """
    pages = [
        SitePage(
            entry.page_path,
            entry.topic.title,
            entry.file,
            entry.topic.review,
            tuple(entry.topic.changes),
            prints=True,
            made_from=entry.file,
        )
        for entry in content.topics
    ]
    pages += [page.site_page(content) for page in GENERATED if page.exists(content)]
    taken = {page.path for page in pages}
    for path, front in sorted(content.pages.items()):
        if path not in taken:  # a clash is refused by ``clashes``; the generated page wins
            written = f"{docs_folder.rstrip('/')}/{path}"
            pages.append(
                SitePage(path, front.title, written, front.review, hand_written=True, made_from=written)
            )
    return pages


def clashes(content: Content, docs_folder: str = "docs") -> list[Problem]:
    """A hand-written page on a generated page's path would never be shown: each is an error."""
    generated = {
        page.path: page.made_from for page in site_pages(content, docs_folder) if not page.hand_written
    }
    return [
        Problem(
            f"{docs_folder.rstrip('/')}/{path}",
            1,
            "(file name)",
            f"the site makes this page from {generated[path]}, so this file would never be "
            "shown. Change that file instead, or give this page another file name.",
        )
        for path in sorted(content.pages)
        if path in generated
    ]


def load_site(content_dir: Path, docs_dir: Path) -> tuple[Content, Report]:
    """The content, with the hand-written pages checked against the generated ones: what
    ``medinfo check`` and the build both load. Raises ``ContentError`` listing every error."""
    content, report = load_content(content_dir, docs_dir)
    report.extend(clashes(content, Project.from_folders(content_dir, docs_dir).docs_folder))
    if report.errors:
        raise ContentError(report)
    return content, report


def render_pages(content: Content) -> list[RenderedPage]:
    """Every generated page, rendered in ``site_pages`` order, each seeing the pages before it."""
    rendered = []
    for entry in content.topics:
        text = topic_page(entry, content)
        rendered.append(RenderedPage(entry.page_path, entry.topic.title, text.markdown, text.cited))
    for page in GENERATED:
        if page.exists(content):
            text = page.render(content, tuple(rendered))
            rendered.append(RenderedPage(page.path, page.title(content), text.markdown, text.cited))
    return rendered


def generated_markdown(content: Content) -> dict[str, str]:
    """Each generated page's Markdown, front matter included, by its path inside docs/."""
    return {page.path: page.markdown for page in render_pages(content)}


@dataclass(frozen=True)
class Page:
    """One page: what every list of pages needs (``site``), and how to make its Markdown."""

    site: SitePage
    render: Callable[[], str]  # the page's final Markdown, front matter included

    @property
    def path(self) -> str:
        return self.site.path


def hand_written_markdown(content: Content, path: str, markdown: str) -> str:
    """A hand-written page's Markdown as readers get it: its markers expanded."""
    return expand_markers(markdown, content, path)


def all_pages(content: Content, docs_dir: Path) -> list[Page]:
    """Every page, in the order ``site_pages`` lists them, each able to give its Markdown."""
    generated = cache(lambda: generated_markdown(content))  # made together: sources cite all

    def made(path: str) -> Callable[[], str]:
        return lambda: generated()[path]

    def written(path: str) -> Callable[[], str]:
        return lambda: hand_written_markdown(content, path, (docs_dir / path).read_text(encoding="utf-8"))

    return [
        Page(page, written(page.path) if page.hand_written else made(page.path))
        for page in site_pages(content, docs_dir.name)
    ]


def hand_written_cited(content: Content, docs_dir: Path) -> dict[str, tuple[str, ...]]:
    """The sources each hand-written page cites: those of the blocks its markers ask for."""
    return {
        path: expanded_page((docs_dir / path).read_text(encoding="utf-8"), content, path).cited
        for path in content.pages
    }
