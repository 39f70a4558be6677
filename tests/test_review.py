"""Review dates: when a page is current, due soon or overdue, and what its banner says."""

from __future__ import annotations

import datetime as dt

import pytest

from medinfo.checks.review import DUE_SOON_DAYS, ReviewStatus, review_banner, review_status
from medinfo.content.schema import Review

DUE = dt.date(2027, 11, 22)


@pytest.fixture(autouse=True)
def after_last_review(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDINFO_TODAY", "2026-12-01")


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (DUE - dt.timedelta(days=DUE_SOON_DAYS + 1), ReviewStatus.CURRENT),
        (DUE - dt.timedelta(days=DUE_SOON_DAYS), ReviewStatus.DUE_SOON),
        (DUE, ReviewStatus.DUE_SOON),  # due today is not yet overdue
        (DUE + dt.timedelta(days=1), ReviewStatus.OVERDUE),
    ],
)
def test_review_status(today: dt.date, status: ReviewStatus) -> None:
    assert review_status(DUE, today) is status


def _review(**changes: object) -> Review:
    data: dict[str, object] = {
        "last_reviewed": dt.date(2026, 11, 22),
        "next_review_due": DUE,
        "reviewed_by": "Site editors",
        "clinical_signoff": "none",
    }
    return Review.model_validate({**data, **changes})


def test_banner_without_signoff_says_so() -> None:
    banner = review_banner(_review(), dt.date(2026, 12, 1), "your MS team")
    assert banner.last_reviewed == "22 November 2026"
    assert banner.next_review_due == "22 November 2027"
    assert banner.clinical_signoff == "Not yet checked by a clinician"
    assert banner.status is ReviewStatus.CURRENT and not banner.overdue


def test_banner_with_signoff_names_clinician_and_date() -> None:
    signoff = {"by": "Dr A Name, neurologist", "date": dt.date(2026, 11, 30)}
    banner = review_banner(_review(clinical_signoff=signoff), dt.date(2026, 12, 1), "your MS team")
    assert banner.clinical_signoff == "Signed off by Dr A Name, neurologist on 30 November 2026"


def test_banner_is_overdue_after_due_date() -> None:
    banner = review_banner(_review(), dt.date(2027, 11, 23), "your MS team")
    assert banner.overdue and banner.days_left == -1


def test_clock_reads_the_override(monkeypatch: pytest.MonkeyPatch) -> None:
    from medinfo import clock

    monkeypatch.setenv("MEDINFO_TODAY", "2030-01-02")
    assert clock.today() == dt.date(2030, 1, 2)
    monkeypatch.setenv("MEDINFO_TODAY", "someday")
    with pytest.raises(ValueError, match="MEDINFO_TODAY"):
        clock.today()


def test_the_review_line_says_what_was_checked_and_that_no_clinician_has() -> None:
    today = dt.date(2026, 12, 1)
    assert review_banner(_review(), today, "your MS team").note == (
        "Facts checked 22 Nov 2026 · not by a clinician"
    )
    signed = _review(
        clinical_signoff={"by": "Dr A. Nurse, MS specialist nurse", "date": dt.date(2026, 11, 25)}
    )
    assert review_banner(signed, today, "your MS team").note.endswith("· clinician signed off")


def test_a_change_after_the_last_review_is_told() -> None:
    today = dt.date(2026, 12, 1)
    assert review_banner(_review(), today, "x", dt.date(2026, 11, 22)).changed_since_review is None
    assert (
        review_banner(_review(), today, "x", dt.date(2026, 11, 30)).changed_since_review == "30 November 2026"
    )
