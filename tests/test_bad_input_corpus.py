"""The bad-input corpus: every mistake YAML allows ends in a clear message and loses nothing.

Each case patches a copy of the made-up medicine's project and runs ``medinfo
check`` in-process: it runs every rule the strict build runs, with the same
words. Each asserts a failure, a message naming the file, line and field in
plain words, no traceback, and that no file was changed. A few cases also run
the command CI and deployment use (``medinfo publish``) and assert that no site
was written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURE_TODAY, SITE_URL, make_fixture_project

from medinfo.cli import main

TOPIC = "content_src/topics/side-effects.yaml"
WORKS = "content_src/topics/how-it-works.yaml"
SOURCES = "content_src/sources.yaml"
FAQ = "content_src/faq.yaml"
COVERAGE = "content_src/coverage.yaml"
ABOUT = "docs/about.md"

Edit = Callable[[Path], None]


def replace(file: str, old: str, new: str) -> Edit:
    def edit(root: Path) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def write(file: str, content: str | bytes) -> Edit:
    def edit(root: Path) -> None:
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return edit


def transform(file: str, change: Callable[[bytes], bytes]) -> Edit:
    def edit(root: Path) -> None:
        path = root / file
        path.write_bytes(change(path.read_bytes()))

    return edit


@dataclass(frozen=True)
class Case:
    name: str
    edit: Edit
    file: str
    line: int | str  # a number, or text to find on the line (in the edited file)
    field: str
    message: str

    def expected_prefix(self, root: Path) -> str:
        line = self.line
        if isinstance(line, str):
            lines = (root / self.file).read_text(encoding="utf-8", errors="replace").splitlines()
            line = next(n for n, text in enumerate(lines, 1) if line in text)
        return f"{self.file}:{line}: {self.field}: "


def billion_laughs() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def deep_nesting() -> str:
    return "title: " + "[" * 40 + "x" + "]" * 40 + "\n"


LONG_WORD = "a" * 3500
SIGNOFF = "clinical_signoff:\n    by: Dr Test Example, consultant in test fever\n    date: 2026-01-20"

CASES = [
    # --- YAML syntax and layout
    Case(
        "unclosed quote",
        replace(TOPIC, "title: Side effects of Zelvora", 'title: "Side effects'),
        TOPIC,
        1,
        "(YAML syntax)",
        "a quotation mark is opened but never closed",
    ),
    Case(
        "colon in unquoted text",
        replace(TOPIC, "reviewed_by: Test editors", "reviewed_by: Test: editors"),
        TOPIC,
        "reviewed_by",
        "(YAML syntax)",
        "there is a colon (:) where YAML does not expect one",
    ),
    Case(
        "tab indentation",
        replace(TOPIC, "  reviewed_by: Test editors", "\treviewed_by: Test editors"),
        TOPIC,
        "reviewed_by",
        "(YAML syntax)",
        "this line contains a tab character",
    ),
    Case(
        "wrong indentation",
        replace(TOPIC, "  reviewed_by: Test editors", "   reviewed_by: Test editors"),
        TOPIC,
        "reviewed_by",
        "(YAML syntax)",
        "Check the indentation",
    ),
    Case(
        "list item out of line",
        replace(TOPIC, "      - id: zv-se-sneeze", "     - id: zv-se-sneeze"),
        TOPIC,
        "zv-se-sneeze",
        "(YAML syntax)",
        "YAML cannot read this line",
    ),
    Case(
        "unclosed bracket",
        replace(TOPIC, "sources: [zv-trial]", "sources: [zv-trial"),
        TOPIC,
        "zv-se-sneeze",
        "(YAML syntax)",
        "YAML cannot read this line",
    ),
    Case(
        "two documents in one file",
        replace(TOPIC, "order: 2\n", "order: 2\n---\ntitle: again\n"),
        TOPIC,
        "---",
        "(YAML syntax)",
        "more than one document",
    ),
    # --- duplicate keys, at every depth
    Case(
        "duplicate key, top level",
        replace(TOPIC, "order: 2\n", "order: 2\norder: 3\n"),
        TOPIC,
        "order: 3",
        "order",
        "'order' appears twice in the same group (first on line 3)",
    ),
    Case(
        "duplicate key, in review",
        replace(
            TOPIC, "  reviewed_by: Test editors\n", "  reviewed_by: Test editors\n  reviewed_by: Others\n"
        ),
        TOPIC,
        "reviewed_by: Others",
        "review.reviewed_by",
        "'reviewed_by' appears twice",
    ),
    Case(
        "duplicate key, in a statement",
        replace(
            TOPIC,
            "        sources: [zv-trial]\n",
            "        sources: [zv-trial]\n        sources: [zv-label]\n",
        ),
        TOPIC,
        "sources: [zv-label]",
        "sections[1].statements[1].sources",
        "'sources' appears twice",
    ),
    Case(
        "duplicate key, in how_many",
        replace(TOPIC, "          count: 42\n", "          count: 42\n          count: 24\n"),
        TOPIC,
        "count: 24",
        "sections[1].statements[1].how_many.count",
        "'count' appears twice",
    ),
    Case(
        "duplicate key, in a source",
        replace(
            SOURCES,
            "    publisher: Journal of Examples\n",
            "    publisher: Journal of Examples\n    publisher: Other\n",
        ),
        SOURCES,
        "publisher: Other",
        "sources[2].publisher",
        "'publisher' appears twice",
    ),
    # --- unknown keys and near-miss typos
    Case(
        "typo with suggestion",
        replace(TOPIC, "next_review_due:", "next_reveiw_due:"),
        TOPIC,
        "next_reveiw_due",
        "review.next_reveiw_due",
        "Did you mean 'next_review_due'?",
    ),
    Case(
        "typo in a statement",
        replace(TOPIC, "        sources: [zv-trial]\n", "        sourcse: [zv-trial]\n"),
        TOPIC,
        "sourcse",
        "sections[1].statements[1].sourcse",
        "Did you mean 'sources'?",
    ),
    Case(
        "unknown top-level key",
        replace(TOPIC, "order: 2", "order: 2\nauthor: Me"),
        TOPIC,
        "author: Me",
        "author",
        "'author' is not a field that belongs here",
    ),
    # --- wrong types
    Case(
        "text where a number belongs",
        replace(TOPIC, "order: 2", "order: second"),
        TOPIC,
        "order: second",
        "order",
        "should be a whole number",
    ),
    Case(
        "quoted number",
        replace(TOPIC, "count: 42", 'count: "42"'),
        TOPIC,
        'count: "42"',
        "sections[1].statements[1].how_many.count",
        "should be a whole number",
    ),
    Case(
        "number where text belongs",
        replace(TOPIC, "reviewed_by: Test editors", "reviewed_by: 2026"),
        TOPIC,
        "reviewed_by",
        "review.reviewed_by",
        "should be text, but is 2026",
    ),
    Case(
        "one id instead of a list",
        replace(TOPIC, "sources: [zv-trial]", "sources: zv-trial"),
        TOPIC,
        "sources: zv-trial",
        "sections[1].statements[1].sources",
        "should be a list",
    ),
    Case(
        "a list instead of a group",
        replace(TOPIC, "    style: list\n", "    style: [list]\n"),
        TOPIC,
        "style: [list]",
        "sections[1].style",
        "should be 'paragraphs' or 'list'",
    ),
    Case(
        "empty value",
        replace(TOPIC, "reviewed_by: Test editors", "reviewed_by:"),
        TOPIC,
        "reviewed_by",
        "review.reviewed_by",
        "is empty. Write a value after the colon.",
    ),
    # --- missing required fields
    Case(
        "missing title",
        replace(TOPIC, "title: Side effects of Zelvora\n", ""),
        TOPIC,
        1,
        "title",
        "'title' is required but missing",
    ),
    Case(
        "missing reviewer",
        replace(TOPIC, "  reviewed_by: Test editors\n", ""),
        TOPIC,
        "review:",
        "review.reviewed_by",
        "'reviewed_by' is required but missing",
    ),
    Case(
        "statement without sources",
        replace(TOPIC, "        sources: [zv-trial]\n", ""),
        TOPIC,
        "id: zv-se-itch",
        "sections[1].statements[1].sources",
        "'sources' is required but missing",
    ),
    # --- dates
    Case(
        "30 February",
        replace(TOPIC, "last_reviewed: 2026-02-01", "last_reviewed: 2026-02-30"),
        TOPIC,
        "last_reviewed",
        "review.last_reviewed",
        "'2026-02-30' is not a real calendar date",
    ),
    Case(
        "month 13",
        replace(TOPIC, "next_review_due: 2027-02-01", "next_review_due: 2027-13-01"),
        TOPIC,
        "next_review_due",
        "review.next_review_due",
        "'2027-13-01' is not a real calendar date",
    ),
    Case(
        "date written in words",
        replace(TOPIC, "last_reviewed: 2026-02-01", "last_reviewed: 1 Feb 2026"),
        TOPIC,
        "last_reviewed",
        "review.last_reviewed",
        "should be a date written as YYYY-MM-DD",
    ),
    Case(
        "dates in the wrong order",
        replace(TOPIC, "next_review_due: 2027-02-01", "next_review_due: 2025-01-01"),
        TOPIC,
        "next_review_due",
        "review.next_review_due",
        "must be after last_reviewed (2026-02-01)",
    ),
    Case(
        "review interval over 3 years",
        replace(TOPIC, "next_review_due: 2027-02-01", "next_review_due: 2029-06-01"),
        TOPIC,
        "next_review_due",
        "review.next_review_due",
        "must be at most 3 years after last_reviewed",
    ),
    Case(
        "review dated in the future",
        replace(TOPIC, "last_reviewed: 2026-02-01", "last_reviewed: 2026-07-01"),
        TOPIC,
        "last_reviewed",
        "review.last_reviewed",
        "is in the future",
    ),
    Case(
        "sign-off dated in the future",
        replace(WORKS, "date: 2026-01-20", "date: 2026-12-24"),
        WORKS,
        "date: 2026-12-24",
        "review.clinical_signoff.date",
        "a sign-off can only be recorded",
    ),
    Case(
        "sign-off without a name",
        replace(WORKS, "    by: Dr Test Example, consultant in test fever\n", ""),
        WORKS,
        "clinical_signoff",
        "review.clinical_signoff.by",
        "'by' is required but missing",
    ),
    # --- source ids
    Case(
        "dangling source id",
        replace(TOPIC, "sources: [zv-trial]", "sources: [zv-trail]"),
        TOPIC,
        "zv-trail",
        "sections[1].statements[1].sources[1]",
        "Did you mean 'zv-trial'?",
    ),
    Case(
        "duplicate source id",
        replace(
            SOURCES,
            "  - id: zv-trial",
            "  - id: zv-label # copied by mistake\n"
            "    title: Copy\n    publisher: P\n    url: https://example.org/c\n"
            "    checked: {how: Read it all., read_on: 2026-01-01}\n  - id: zv-trial",
        ),
        SOURCES,
        "copied by mistake",
        "sources[2].id",
        "the id 'zv-label' is used twice (first on line 2)",
    ),
    Case(
        "unused source (a warning, which fails the strict build)",
        replace(
            SOURCES,
            "sources:\n",
            "sources:\n  - id: zv-unused\n    title: T\n    publisher: P\n"
            "    url: https://example.org/u\n    checked: {how: Read it all., read_on: 2026-01-01}\n",
        ),
        SOURCES,
        "id: zv-unused",
        "sources[1].id",
        "warning: no page cites the source 'zv-unused'",
    ),
    Case(
        "a place the source does not list",
        replace(TOPIC, "zv-label: section 4]", "zv-label: section 7]"),
        TOPIC,
        "section 7",
        "sections[1].statements[2].sources[2].zv-label",
        "'section 7' is not one of the places of 'zv-label'",
    ),
    Case(
        "duplicate statement id",
        replace(TOPIC, "id: zv-se-sneeze", "id: zv-works-blocks"),
        TOPIC,
        "id: zv-works-blocks",
        "sections[1].statements[2].id",
        "is already used",
    ),
    # --- empty, encoding, size
    Case("empty file", write(TOPIC, ""), TOPIC, 1, "(whole file)", "the file is empty"),
    Case(
        "whitespace-only file", write(TOPIC, "  \n\t\n   \n"), TOPIC, 1, "(whole file)", "the file is empty"
    ),
    Case(
        "not UTF-8",
        transform(TOPIC, lambda b: b.replace(b"Itchy skin", b"Itchy sk\xefn")),
        TOPIC,
        "Itchy sk",
        "(whole file)",
        "not saved as UTF-8 text",
    ),
    Case(
        "byte-order mark",
        transform(TOPIC, lambda b: b"\xef\xbb\xbf" + b),
        TOPIC,
        1,
        "(whole file)",
        "invisible byte-order mark",
    ),
    Case(
        "file over the size limit",
        transform(TOPIC, lambda b: b + b"# " + b"x" * 300_000 + b"\n"),
        TOPIC,
        1,
        "(whole file)",
        "the limit is 256 KB",
    ),
    Case(
        "control character in text",
        replace(TOPIC, "Itchy skin affects {how_many}.", '"Itchy\\x07 skin affects {how_many}."'),
        TOPIC,
        "Itchy",
        "sections[1].statements[1].text",
        "invisible control character",
    ),
    Case(
        "word too long",
        replace(TOPIC, "Itchy skin affects", f"{LONG_WORD} affects"),
        TOPIC,
        "aaaa",
        "sections[1].statements[1].text",
        "is too long: at most 3000 characters",
    ),
    # --- structure attacks
    Case(
        "deep nesting",
        write(TOPIC, deep_nesting()),
        TOPIC,
        1,
        "title" + "[1]" * 16,
        "nested more than 16 levels",
    ),
    Case("billion laughs", write(TOPIC, billion_laughs()), TOPIC, 2, "a1[1]", "aliases (*name) and anchors"),
    Case(
        "python object tag",
        replace(
            TOPIC,
            "reviewed_by: Test editors",
            "reviewed_by: !!python/object/apply:os.system ['touch /tmp/pwned']",
        ),
        TOPIC,
        "reviewed_by",
        "review.reviewed_by",
        "YAML tags such as '!!python/object/apply:os.system'",
    ),
    Case(
        "custom tag",
        replace(TOPIC, "reviewed_by: Test editors", "reviewed_by: !include other.yaml"),
        TOPIC,
        "reviewed_by",
        "review.reviewed_by",
        "YAML tags such as '!include' are not allowed",
    ),
    # --- HTML and Markdown where it cannot be shown safely
    Case(
        "HTML in a title",
        replace(TOPIC, "title: Side effects of Zelvora", "title: Side effects <script>x()</script>"),
        TOPIC,
        1,
        "title",
        "cannot contain the characters < > & or",
    ),
    Case(
        "javascript: link in a hand-written page",
        replace(ABOUT, "A test site.", "A [test](javascript:alert(1)) site."),
        ABOUT,
        "javascript:",
        "(page text)",
        "the page contains a 'javascript:' address on <a>",
    ),
    Case(
        "raw script in a hand-written page",
        replace(ABOUT, "A test site.", "A test site.\n\n<script>alert(1)</script>"),
        ABOUT,
        "<script>",
        "(page text)",
        "the page contains a <script> element",
    ),
    Case(
        "event handler in a hand-written page",
        replace(ABOUT, "A test site.", 'A <b onmouseover="x()">test</b> site.'),
        ABOUT,
        "onmouseover",
        "(page text)",
        "an event handler (onmouseover=)",
    ),
    Case(
        "heading in a hand-written page",
        replace(ABOUT, "A test site.", "# About\n\nA test site."),
        ABOUT,
        "# About",
        "(page text)",
        "remove this '# ' heading",
    ),
    # --- wrong places and references
    Case(
        "topic file in the wrong folder",
        write("content_src/extra-topic.yaml", "title: X\n"),
        "content_src/extra-topic.yaml",
        1,
        "(file name)",
        "this file is not used",
    ),
    Case(
        "topic file with the wrong ending",
        write("content_src/topics/extra.yml", "title: X\n"),
        "content_src/topics/extra.yml",
        1,
        "(file name)",
        "topic files must be named like",
    ),
    Case(
        "question answered by a missing statement",
        replace(FAQ, "answer_from: [zv-works-blocks]", "answer_from: [zv-nothing]"),
        FAQ,
        "zv-nothing",
        "questions[1].answer_from[1]",
        "no topic has a statement with the id 'zv-nothing'",
    ),
    Case(
        "seed claim not mapped",
        transform("content_src/seeds/999_zelvora.txt", lambda b: b + b"It works overnight.\n"),
        COVERAGE,
        "file: 999_zelvora.txt",
        "seeds[1].file",
        'not mapped to any claim: "It works overnight."',
    ),
    # --- plain language, checked on the built page
    Case(
        "percentage in patient text",
        replace(WORKS, "that causes test fever.", "in 95% of people."),
        WORKS,
        "95%",
        "(page text)",
        "gives a percentage ('95%')",
    ),
    Case(
        "hard to read",
        replace(
            WORKS,
            "Zelvora blocks",
            "Examplimab-mediated immunomodulation necessitates "
            "comprehensive longitudinal haematological surveillance notwithstanding considerable "
            "interindividual pharmacodynamic variability. Zelvora blocks",
        ),
        WORKS,
        1,
        "(page text)",
        "reads at school grade",
    ),
    Case(
        "medical word missing from the glossary",
        replace("content_src/medical-terms.yaml", "  - protein\n", "  - protein\n  - examplimab\n"),
        # The pages show the medicine's generic name: reported where an editor finds it.
        "content_src/medicine.yaml",
        "generic_name: examplimab",
        "(page text)",
        "uses the medical word 'examplimab'",
    ),
]


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


# The whole path CI and deployment take, kept for a few kinds of mistake: every
# case above goes through the same loader and checks in-process, much faster.
PUBLISHED = (
    "unclosed quote",
    "dangling source id",
    "unused source (a warning, which fails the strict build)",
    "percentage in patient text",
    "raw script in a hand-written page",
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_fails_the_check_clearly_and_changes_no_file(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_fixture_project(tmp_path / "project")
    case.edit(project)
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    code = main(["check", "--content", str(project / "content_src"), "--docs", str(project / "docs")])
    output = capsys.readouterr()
    # A warning lets the check pass (editors see it); the strict build fails on it (below).
    assert code == (0 if "warning:" in case.message else 1), output.out + output.err
    prefix = case.expected_prefix(project)
    assert any(prefix in line and case.message in line for line in output.err.splitlines()), (
        prefix,
        output.err,
    )
    assert "Traceback" not in output.err
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before, "a check changes no file"


def test_the_published_cases_are_in_the_corpus() -> None:
    assert set(PUBLISHED) <= {case.name for case in CASES}


@pytest.mark.e2e
@pytest.mark.parametrize("case", [c for c in CASES if c.name in PUBLISHED], ids=list(PUBLISHED))
def test_bad_input_fails_publishing_clearly_and_writes_no_site(
    fixture_pdfs: Path, case: Case, tmp_path: Path
) -> None:
    project = make_fixture_project(tmp_path / "project", kept_pdfs=fixture_pdfs)
    case.edit(project)
    site = tmp_path / "published" / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "medinfo",
            "publish",
            "--no-link-check",
            "--config",
            str(project / "mkdocs.yml"),
            "--site",
            str(site),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "MEDINFO_TODAY": FIXTURE_TODAY, "SITE_URL": SITE_URL},
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    prefix = case.expected_prefix(project)
    assert any(prefix in line and case.message in line for line in output.splitlines()), (prefix, output)
    assert "Traceback" not in output
    assert not site.exists(), "a failed build must not write a site"
    assert list(site.parent.iterdir()) == [], "no half-built folder may be left behind"
