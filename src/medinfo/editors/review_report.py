"""The review report: every page, when it was checked, and when it must be checked again.

``medinfo review-report`` prints it as a table (or JSON) for editors and for
the weekly CI run. Overdue pages come first, then the ones due soonest.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medinfo.checks.review import DUE_SOON_DAYS, ReviewStatus, overdue_problem, review_status
from medinfo.content.loader import Content
from medinfo.content.schema import Review
from medinfo.problems import Problem, Severity
from medinfo.registry import site_pages

NO_REVIEW = "no review dates"
_STATUS_WORDS = {
    ReviewStatus.OVERDUE: "OVERDUE",
    ReviewStatus.DUE_SOON: "due soon",
    ReviewStatus.CURRENT: "current",
}


@dataclass(frozen=True)
class PageReview:
    """One page's review, as of one day."""

    title: str
    file: str  # where an editor updates the review dates
    review: Review | None
    status: ReviewStatus | None
    days_left: int | None

    @property
    def status_words(self) -> str:
        return _STATUS_WORDS[self.status] if self.status else NO_REVIEW

    @property
    def signoff_words(self) -> str:
        signoff = self.review.signed_off if self.review else None
        if signoff is None:
            return "none" if self.review else ""
        return f"{signoff.by} ({signoff.date.isoformat()})"

    def as_json(self) -> dict[str, Any]:
        review = self.review
        signoff = review.signed_off if review else None
        return {
            "page": self.title,
            "file": self.file,
            "status": self.status.value if self.status else None,
            "last_reviewed": review.last_reviewed.isoformat() if review else None,
            "next_review_due": review.next_review_due.isoformat() if review else None,
            "days_left": self.days_left,
            "reviewed_by": review.reviewed_by if review else None,
            "clinical_signoff": ({"by": signoff.by, "date": signoff.date.isoformat()} if signoff else None),
        }


def page_reviews(
    content: Content, docs_folder: str, today: dt.date, due_soon_days: int = DUE_SOON_DAYS
) -> list[PageReview]:
    """Every topic page, the questions page and every hand-written page: most urgent first.

    Pages without review dates (allowed for hand-written pages) come last.
    """
    rows = [
        PageReview(
            page.title,
            page.edit_file or page.path,  # every page with review dates has its own file
            page.review,
            review_status(page.review.next_review_due, today, due_soon_days) if page.review else None,
            (page.review.next_review_due - today).days if page.review else None,
        )
        for page in site_pages(content, docs_folder)
        if page.review or page.hand_written  # a hand-written page may lack review dates: say so
    ]
    return sorted(rows, key=lambda r: (r.days_left is None, r.days_left or 0, r.file))


def overdue_problems(
    content: Content, docs_folder: str, root: Path, today: dt.date, allowed: bool = False
) -> list[Problem]:
    """A page past its review date, as the strict build sees it: an error, or a warning if allowed."""
    found = [
        overdue_problem(page.edit_file, root, page.review, today)
        for page in site_pages(content, docs_folder)
        if page.review is not None and page.edit_file is not None
    ]
    severity = Severity.WARNING if allowed else Severity.ERROR
    return [dataclasses.replace(problem, severity=severity) for problem in found if problem is not None]


REPORT_WIDTH = 100  # fits a terminal and a CI log without wrapping


def review_table(rows: list[PageReview], today: dt.date, due_soon_days: int) -> str:
    """A plain text table, one page a row with who reviewed it on the line below, then a summary.

    At most ``REPORT_WIDTH`` characters a line: long file names and reviewers wrap.
    """
    header = ("Status", "Days left", "Next review due", "Last reviewed", "File")
    body = [
        (
            row.status_words,
            "" if row.days_left is None else str(row.days_left),
            row.review.next_review_due.isoformat() if row.review else "",
            row.review.last_reviewed.isoformat() if row.review else "",
            row.file,
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header) - 1)]
    widths.append(REPORT_WIDTH - sum(widths) - 2 * len(widths))  # the file name takes what is left

    def line(cells: tuple[str, ...]) -> str:
        parts = [
            cell.rjust(width) if column == 1 else cell.ljust(width)  # numbers line up on the right
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    lines = [f"Page reviews as of {today.isoformat()}, most urgent first", ""]
    lines += [line(header), line(tuple("-" * w for w in widths))]
    for row, cells in zip(rows, body, strict=True):
        lines.append(line(cells))
        about = f"{row.title}. Reviewed by: {row.review.reviewed_by if row.review else '-'}. "
        about += f"Clinical sign-off: {row.signoff_words}."
        lines += textwrap.wrap(about, REPORT_WIDTH, initial_indent="    ", subsequent_indent="    ")
    lines += ["", *textwrap.wrap(review_summary(rows, due_soon_days), REPORT_WIDTH)]
    return "\n".join(lines)


def review_summary(rows: list[PageReview], due_soon_days: int) -> str:
    def count(status: ReviewStatus | None) -> int:
        return sum(1 for row in rows if row.status == status)

    parts = [
        f"{count(ReviewStatus.OVERDUE)} overdue",
        f"{count(ReviewStatus.DUE_SOON)} due within {due_soon_days} days",
        f"{count(ReviewStatus.CURRENT)} current",
    ]
    if count(None):
        parts.append(f"{count(None)} with {NO_REVIEW}")
    return f"{len(rows)} pages: " + ", ".join(parts) + "."


def review_json(rows: list[PageReview], today: dt.date, due_soon_days: int) -> str:
    return json.dumps(
        {
            "today": today.isoformat(),
            "due_soon_days": due_soon_days,
            "pages": [row.as_json() for row in rows],
        },
        indent=2,
        ensure_ascii=False,
    )
