"""Is each page plain English? Readability, percentages, and medical words left unexplained.

Works on a page's HTML, so generated and hand-written pages are measured the
same way, on what the reader actually sees. Only prose counts: headings,
source lists, citation numbers and pictures are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import textstat
from bs4 import BeautifulSoup, Tag

from medinfo.checks.pagehtml import parsed
from medinfo.checks.safety import find_line
from medinfo.checks.syllables import use_lazy_pronunciations
from medinfo.content.schema import GlossaryEntry
from medinfo.problems import Problem

use_lazy_pronunciations()  # before textstat first counts syllables: see medinfo/syllables.py

MAX_GRADE = 8.0
_PERCENT = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:%|per\s?cent\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:]$")


@dataclass(frozen=True)
class PageProse:
    page: str  # where it is on the site, e.g. topics/side-effects.md
    source_file: str  # where an editor changes it
    text: str
    is_glossary: bool = False  # the glossary page names every term; it does not count as a use

    @property
    def grade(self) -> float:
        return _grade(self.text)

    @property
    def reading_ease(self) -> float:
        return round(float(textstat.flesch_reading_ease(self.text)), 1)

    @property
    def words(self) -> int:
        return int(textstat.lexicon_count(self.text))


# The grade is asked for several times a page (the report sorts by it and prints it; the rules
# check it): at 1,000 pages textstat took 1 s more than once would.
@lru_cache(maxsize=4096)
def _grade(text: str) -> float:
    return round(float(textstat.flesch_kincaid_grade(text)), 1)


def prose_from_html(html: str | BeautifulSoup) -> str:
    """The page's sentences, one block per paragraph or list item (a parsed page is taken apart)."""
    soup = parsed(html)
    article = soup.select_one("article") or soup
    for selector in ("h1, h2, h3, h4, h5, h6", "svg, figure, pre, code, script, style", ".admonition-title"):
        for element in article.select(selector):
            element.decompose()
    for item in article.select('li[id^="source-"]'):  # the list of sources
        if isinstance(item.parent, Tag):
            item.parent.decompose()
    for link in article.select('a[href^="#source-"]'):  # citation numbers
        link.decompose()
    blocks = []
    for element in article.find_all(["p", "li"]):
        if element.find(["p", "li"]):  # its text is counted with the inner blocks
            continue
        text = " ".join(element.get_text(" ").split())
        if text:
            blocks.append(text if _SENTENCE_END.search(text) else text + ".")
    return " ".join(blocks)


def readability_report(pages: Iterable[PageProse]) -> str:
    """Every page's scores, hardest first."""
    rows = sorted(pages, key=lambda p: p.grade, reverse=True)
    lines = [
        f"{'grade':>5}  {'ease':>5}  {'words':>5}  page",
        *(f"{p.grade:>5.1f}  {p.reading_ease:>5.1f}  {p.words:>5}  {p.page}" for p in rows),
    ]
    return "\n".join(lines)


def _locate(
    page: PageProse, needle: str, source_lines: dict[str, list[str]], shared_files: Sequence[str]
) -> tuple[str, int]:
    """Where an editor finds ``needle``: the page's own file, else one of the files whose words
    many pages show (the medicine's and care team's names, the urgent-help card); if none has it,
    the page's own file, line 1."""
    for file in (page.source_file, *shared_files):
        found = find_line(source_lines.get(file, []), needle)
        if found is not None:
            return file, found
    return page.source_file, 1


def _page_problems(
    page: PageProse,
    source_lines: dict[str, list[str]],
    shared_files: Sequence[str],
    medical_terms: Iterable[str],
    explained: set[str],
    glossary_file: str,
) -> list[Problem]:
    """One page's plain-language problems: its grade, percentages and unexplained medical words."""
    problems = []
    if page.grade > MAX_GRADE:
        problems.append(
            Problem(
                page.source_file,
                1,
                "(page text)",
                f"{page.page} reads at school grade {page.grade} (Flesch-Kincaid); the limit is "
                f"{MAX_GRADE:g}. Use shorter sentences and everyday words. Longest sentences: "
                + " | ".join(_longest_sentences(page.text)),
            )
        )
    for match in _PERCENT.finditer(page.text):
        problems.append(
            Problem(
                *_locate(page, match.group(0), source_lines, shared_files),
                "(page text)",
                f"{page.page} gives a percentage ('{match.group(0)}'). Give the number with "
                "'how_many' instead, so readers see words like 'about 4 in 10 people'.",
            )
        )
    for term in medical_terms:
        if term.lower() not in explained and _uses(page.text, term):
            problems.append(
                Problem(
                    *_locate(page, term, source_lines, shared_files),
                    "(page text)",
                    f"{page.page} uses the medical word '{term}', which is not explained in "
                    f"{glossary_file}. Add it there with a plain explanation.",
                )
            )
    return problems


def check_pages(
    pages: list[PageProse],
    glossary: Iterable[GlossaryEntry],
    medical_terms: Iterable[str],
    glossary_file: str,
    source_lines: dict[str, list[str]],
    shared_files: Sequence[str] = (),
) -> list[Problem]:
    """Grade above 8, percentages, medical words missing from the glossary, unused glossary entries.

    ``source_lines`` holds the lines of each page's file, and of ``shared_files``: the files whose
    words are shown on many pages, where a word not in the page's own file is looked for.
    """
    glossary = list(glossary)
    explained = {form.lower() for entry in glossary for form in (entry.term, *entry.also_called)}
    problems: list[Problem] = []

    for page in pages:
        problems += _page_problems(page, source_lines, shared_files, medical_terms, explained, glossary_file)
    for entry in glossary:
        forms = (entry.term, *entry.also_called)
        if not any(_uses(page.text, form) for page in pages if not page.is_glossary for form in forms):
            lines = source_lines.get(glossary_file, [])
            line = next((n for n, text in enumerate(lines, 1) if f"term: {entry.term}" in text), 1)
            problems.append(
                Problem(
                    glossary_file,
                    line,
                    "terms",
                    f"'{entry.term}' is used on no page. Remove it, or use the word where it helps.",
                )
            )
    return problems


def _uses(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def _longest_sentences(text: str, count: int = 2) -> list[str]:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return sorted(sentences, key=lambda s: len(s.split()), reverse=True)[:count]
