"""The monitoring schedule (monitoring-schedule.yaml): which tests, how often, for how long."""

from __future__ import annotations

from pydantic import Field, model_validator

from medinfo.content.models.fields import Closed, PlainLine, Slug, SourceIds, Text
from medinfo.content.models.pages import PageHead
from medinfo.content.models.review import Change


class ScheduledTest(Closed):
    """One kind of test on the monitoring tracker: how often, and for how long."""

    id: Slug = Field(description="A short name for the test, unique in the file.", examples=["blood"])
    name: PlainLine = Field(description="The test's name, as a column heading.", examples=["Blood test"])
    checks: Text | None = Field(
        None,
        description="What the test checks, in plain words (covered by the same sources).",
        examples=["counts your blood cells and checks your kidneys"],
    )
    every_months: int = Field(
        ge=1, le=12, description="How often: 1 is every month, 3 every 3 months.", examples=[1]
    )
    until_months_after_last_course: int | None = Field(
        None,
        ge=1,
        le=120,
        description=(
            "How long it goes on: months after the last course of treatment. Leave it out only when "
            "no source gives an end: the sheet then shows the test for as long as the other tests, "
            "and says that no end is given."
        ),
        examples=[48],
    )
    note: Text | None = Field(
        None,
        description=(
            "A sentence the reader needs beside this test, printed with it on the tracker, the calendar "
            "and the calendar file: for example where the advice comes from (covered by the same sources)."
        ),
        examples=["This is advised in the United States. Ask your MS team whether you need it."],
    )
    sources: SourceIds


class CourseGap(Closed):
    """How long after the first course the second one is, so the tracker covers the time between."""

    months: int = Field(ge=1, le=60, description="Months from the first course to the second.", examples=[12])
    sources: SourceIds


class MonitoringSchedule(PageHead):
    """The structured test timetable the printable monitoring tracker is made from."""

    second_course_after: CourseGap | None = Field(
        None, description="Leave out for a medicine given as a single course."
    )
    tests: list[ScheduledTest] = Field(min_length=1, description="Each test, one column on the sheet.")
    changes: list[Change] = Field(
        default_factory=list,
        description=(
            "What has changed on the tracker, newest first: add a new entry at the top each time "
            "the timetable changes."
        ),
    )

    # Unique test ids and intervals that fit the gap between courses are checked in
    # loader.check_schedule, which points at the line to fix.

    @model_validator(mode="after")
    def _some_test_ends(self) -> MonitoringSchedule:
        if all(test.until_months_after_last_course is None for test in self.tests):
            raise ValueError(
                "at least one test needs 'until_months_after_last_course', so that the sheet knows "
                "how long the tests go on"
            )
        return self

    @property
    def months_after_last_course(self) -> int:
        """How long the sheet runs after the last course: the longest-running test with an end."""
        return max(t.until_months_after_last_course or 0 for t in self.tests)

    def ends_after(self, test: ScheduledTest) -> int:
        """Months after the last course that ``test`` is shown for (the whole sheet if no end is given)."""
        return test.until_months_after_last_course or self.months_after_last_course
