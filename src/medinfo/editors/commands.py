"""Editors' and CI's commands beside ``medinfo check``: the review report and the schema files.

medinfo review-report [--json] [--warn-days N]
medinfo spelling
medinfo schema [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medinfo import clock
from medinfo.checks.review import DUE_SOON_DAYS, ReviewStatus
from medinfo.checks.spelling import WORD_LIST, check_spelling
from medinfo.content.loader import Content
from medinfo.content.names import CONTENT_FOLDER
from medinfo.editors.review_report import page_reviews, review_json, review_table
from medinfo.editors.schemas import SCHEMA_FOLDER, stale_schemas, write_schemas
from medinfo.problems import ContentError, Report
from medinfo.registry import load_site

EDITOR_COMMANDS = ("review-report", "spelling", "schema")


def add_editor_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "review-report",
        help="list every page's review dates, overdue first; fails if a page is overdue",
        description=(
            "List every page with its review dates, most urgent first. Exit status 1 if a page "
            "is overdue (or, with --warn-days, due within that many days), 2 if the content has errors."
        ),
    )
    report.add_argument("--content", type=Path, default=Path(CONTENT_FOLDER), help="facts folder")
    report.add_argument("--docs", type=Path, default=Path("docs"), help="hand-written pages folder")
    report.add_argument("--json", action="store_true", help="print JSON instead of a table")
    report.add_argument(
        "--warn-days",
        type=int,
        metavar="N",
        help="also fail if a page is due for review within N days",
    )
    spelling = commands.add_parser(
        "spelling",
        help=f"check the spelling of every word readers see (project words: content_src/{WORD_LIST})",
    )
    spelling.add_argument("--content", type=Path, default=Path(CONTENT_FOLDER), help="facts folder")
    spelling.add_argument("--docs", type=Path, default=Path("docs"), help="hand-written pages folder")
    schema = commands.add_parser(
        "schema",
        help=f"write the JSON Schema files for editors' tools into {SCHEMA_FOLDER}/",
    )
    schema.add_argument("--root", type=Path, default=Path("."), help="the repository folder")
    schema.add_argument(
        "--check", action="store_true", help="change nothing; fail if the files are out of date"
    )


def run_editor_command(args: argparse.Namespace) -> int:
    if args.command == "schema":
        return run_schema(args.root, args.check)
    if args.command == "spelling":
        return run_spelling(args.content, args.docs)
    return run_review_report(args.content, args.docs, args.json, args.warn_days)


def load_or_explain(
    content_dir: Path, docs_dir: Path, advice: str, content_error_status: int
) -> tuple[Content, Report] | int:
    """The content, or the exit status once every problem is printed for the editor.

    Problems in the content are followed by ``advice``; a bad MEDINFO_TODAY exits with 2.
    """
    try:
        return load_site(content_dir, docs_dir)
    except ContentError as error:
        print(error.report.summary(), file=sys.stderr)
        print(advice, file=sys.stderr)
        return content_error_status
    except ValueError as error:  # e.g. MEDINFO_TODAY is not a date
        print(f"medinfo: {error}", file=sys.stderr)
        return 2


def run_review_report(content_dir: Path, docs_dir: Path, as_json: bool, warn_days: int | None) -> int:
    advice = "Fix the content first ('medinfo check'), then run the report again."
    loaded = load_or_explain(content_dir, docs_dir, advice, content_error_status=2)
    if isinstance(loaded, int):
        return loaded
    content, _ = loaded
    today = clock.today()
    if warn_days is not None and warn_days < 0:
        print("medinfo: --warn-days must be 0 or more", file=sys.stderr)
        return 2
    due_soon_days = DUE_SOON_DAYS if warn_days is None else warn_days
    rows = page_reviews(content, docs_folder(docs_dir, content_dir), today, due_soon_days)
    print(review_json(rows, today, due_soon_days) if as_json else review_table(rows, today, due_soon_days))
    failing = [row for row in rows if row.status is ReviewStatus.OVERDUE]
    if warn_days is not None:
        failing += [row for row in rows if row.status is ReviewStatus.DUE_SOON]
    for row in failing:
        assert row.review is not None and row.days_left is not None
        when = (
            f"was due on {row.review.next_review_due.isoformat()} ({-row.days_left} day(s) ago)"
            if row.days_left < 0
            else f"is due on {row.review.next_review_due.isoformat()} (in {row.days_left} day(s))"
        )
        print(f"{row.file}: the review {when}. Review the page and update 'review'.", file=sys.stderr)
    return 1 if failing else 0


def run_spelling(content_dir: Path, docs_dir: Path) -> int:
    problems = check_spelling(content_dir, docs_dir, content_dir.resolve().parent)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"Spelling check: {len(problems)} word(s) to look at.", file=sys.stderr)
        return 1
    print("Spelling check passed.")
    return 0


def docs_folder(docs_dir: Path, content_dir: Path) -> str:
    """The docs folder named from the same place as the content files (``docs``, not a full path)."""
    root = content_dir.resolve().parent
    folder = docs_dir.resolve()
    return folder.relative_to(root).as_posix() if folder.is_relative_to(root) else docs_dir.as_posix()


def run_schema(root: Path, check: bool) -> int:
    if check:
        stale = stale_schemas(root)
        for path in stale:
            print(f"{path}: out of date. Run 'medinfo schema' and commit the result.", file=sys.stderr)
        return 1 if stale else 0
    changed = write_schemas(root)
    for written in changed:
        print(f"Wrote {written.relative_to(root).as_posix()}")
    print(f"Schema files are up to date ({len(changed)} changed).")
    return 0
