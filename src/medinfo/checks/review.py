"""Review dates: is a page current, due soon or overdue, and what its banner says."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from medinfo.content.schema import Review
from medinfo.problems import Problem
from medinfo.render.plain import long_date, short_date

DUE_SOON_DAYS = 30


class ReviewStatus(StrEnum):
    CURRENT = "current"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"


def review_status(
    next_review_due: dt.date, today: dt.date, due_soon_days: int = DUE_SOON_DAYS
) -> ReviewStatus:
    """Overdue the day after the due date; due soon within ``due_soon_days`` of it."""
    if today > next_review_due:
        return ReviewStatus.OVERDUE
    if (next_review_due - today).days <= due_soon_days:
        return ReviewStatus.DUE_SOON
    return ReviewStatus.CURRENT


@dataclass(frozen=True)
class ReviewBanner:
    """What the review-date banner shows; the template only lays it out."""

    last_reviewed: str
    next_review_due: str
    next_review_due_short: str  # for the one-line note at the top of the page, once overdue
    next_review_due_iso: str
    reviewed_by: str
    clinical_signoff: str
    status: ReviewStatus
    days_left: int
    care_team: str
    # The one-line note: says what the check was, so it never reads like a clinical review.
    note: str
    # The newest change made after the last review, if any: readers are told it was not reviewed.
    changed_since_review: str | None = None

    @property
    def overdue(self) -> bool:
        return self.status is ReviewStatus.OVERDUE


def review_banner(
    review: Review, today: dt.date, care_team: str, last_changed: dt.date | None = None
) -> ReviewBanner:
    signoff = review.signed_off
    clinician = "clinician signed off" if signoff else "not by a clinician"
    changed = last_changed if last_changed and last_changed > review.last_reviewed else None
    return ReviewBanner(
        last_reviewed=long_date(review.last_reviewed),
        next_review_due=long_date(review.next_review_due),
        next_review_due_short=short_date(review.next_review_due),
        next_review_due_iso=review.next_review_due.isoformat(),
        reviewed_by=review.reviewed_by,
        clinical_signoff=(
            f"Signed off by {signoff.by} on {long_date(signoff.date)}"
            if signoff
            else "Not yet checked by a clinician"
        ),
        status=review_status(review.next_review_due, today),
        days_left=(review.next_review_due - today).days,
        care_team=care_team,
        note=f"Facts checked {short_date(review.last_reviewed)} · {clinician}",
        changed_since_review=long_date(changed) if changed else None,
    )


def overdue_problem(source_file: str, root: Path, review: Review, today: dt.date) -> Problem | None:
    """The rule for a page past its review date, as ``medinfo check`` and the build both apply it."""
    if review_status(review.next_review_due, today) is not ReviewStatus.OVERDUE:
        return None
    path = root / source_file
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    line = next((n for n, text in enumerate(lines, 1) if "next_review_due:" in text), 1)
    message = overdue_message(long_date(review.next_review_due))
    return Problem(source_file, line, "review.next_review_due", message)


def overdue_message(next_review_due: str) -> str:
    """What the build and the content check say about a page past its review date."""
    return (
        f"this page was due for review on {next_review_due} and is overdue. "
        "Review it and update 'review' (readers see an overdue warning meanwhile)."
    )
