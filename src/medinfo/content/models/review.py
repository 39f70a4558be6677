"""Review dates, clinical sign-off and the record of changes, shared by every page."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from medinfo import clock
from medinfo.content.models.fields import MAX_REVIEW_YEARS, Closed, Text


class ClinicalSignoff(Closed):
    by: Text = Field(
        description="The clinician's name and role.", examples=["Dr A Name, consultant neurologist"]
    )
    date: dt.date = Field(
        description="The date they signed the page off (YYYY-MM-DD).", examples=["2026-11-22"]
    )

    @field_validator("date")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        return _not_after_today(value, "a sign-off")


class Review(Closed):
    """When a page was checked, by whom, and when it must be checked again."""

    last_reviewed: dt.date = Field(
        description="The date the page was last checked (YYYY-MM-DD).", examples=["2026-11-22"]
    )
    next_review_due: dt.date = Field(
        description=f"When it must be checked again: at most {MAX_REVIEW_YEARS} years after last_reviewed.",
        examples=["2027-11-22"],
    )
    reviewed_by: Text = Field(description="Who checked it.", examples=["Site editors (not clinicians)"])
    clinical_signoff: Literal["none"] | ClinicalSignoff = Field(
        description="Write none until a clinician has signed the page off; then give 'by' and 'date'.",
        examples=["none"],
    )

    @field_validator("last_reviewed")
    @classmethod
    def _reviewed_in_past(cls, value: dt.date) -> dt.date:
        return _not_after_today(value, "a review")

    @field_validator("next_review_due")
    @classmethod
    def _due_in_order(cls, due: dt.date, info: ValidationInfo) -> dt.date:
        last = info.data.get("last_reviewed")
        if last is None:
            return due
        if due <= last:
            raise ValueError(f"must be after last_reviewed ({last.isoformat()})")
        latest = add_years(last, MAX_REVIEW_YEARS)
        if due > latest:
            raise ValueError(
                f"must be at most {MAX_REVIEW_YEARS} years after last_reviewed, "
                f"so no later than {latest.isoformat()}"
            )
        return due

    @property
    def signed_off(self) -> ClinicalSignoff | None:
        return self.clinical_signoff if isinstance(self.clinical_signoff, ClinicalSignoff) else None


class Change(Closed):
    """One change to a page, in plain words, shown on the 'What's changed' page."""

    date: dt.date = Field(
        description="The day the change was made (YYYY-MM-DD). Not in the future.", examples=["2026-11-22"]
    )
    summary: Text = Field(
        description="What changed, in one or two plain sentences a reader understands.",
        examples=["First published on this site."],
    )

    @field_validator("date")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        return _not_after_today(value, "a change")


Changes = Annotated[
    list[Change],
    Field(
        min_length=1,
        description=(
            "What has changed on this page, newest first: add a new entry at the top "
            "each time you change what the page says."
        ),
    ),
]


def newest_first(changes: list[Change]) -> list[Change]:
    """The changes, checked to be newest first (entries on the same day may be in any order)."""
    for index, (newer, older) in enumerate(zip(changes, changes[1:], strict=False), start=1):
        if newer.date < older.date:
            raise ValueError(
                f"list the newest change first: change {index} ({newer.date.isoformat()}) is older "
                f"than change {index + 1} ({older.date.isoformat()}). Put new changes at the top."
            )
    return changes


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _not_after_today(value: dt.date, what: str) -> dt.date:
    today = clock.today()
    if value > today:
        raise ValueError(
            f"{value.isoformat()} is in the future: {what} can only be recorded once it has "
            f"happened (today is {today.isoformat()})"
        )
    return value
