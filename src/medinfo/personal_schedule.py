"""A reader's own test dates, worked out from their course dates and the monitoring schedule.

Everything comes from monitoring-schedule.yaml: how often each test is, how
long it goes on after the last course, and the shortest gap between courses.
Nothing here is medical advice of its own; the MS team's plan comes first.

The "My test calendar" page (issue 14) does the same sums in the reader's
browser, so the dates never leave their device; this module is the reference
the page's tests compare it with, and it checks course dates the same way.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from medinfo.content.schema import MonitoringSchedule


@dataclass(frozen=True)
class Course:
    """One course of treatment, as the reader enters it."""

    first_day: dt.date
    last_drip: dt.date


@dataclass(frozen=True)
class DueMonth:
    """One month of tests: its number (0 is the month the first course starts), date and tests."""

    month: int
    date: dt.date
    test_ids: tuple[str, ...]


# The rules for course dates, here once: the page's script reads them from the page's data
# (render/calendar_page.py), and the browser tests compare the page with this module.
# A date before September 2013, when the team's fact sheet (shared/sources/FACTS.md, a secondary
# source) puts the first EU authorisation, is taken as a typing mistake, such as 0225 for 2025.
# Readers are told only to check the year: the site states no authorisation date.
EARLIEST_COURSE = dt.date(2013, 9, 1)
# A course already booked can be planned for, up to this many months ahead.
PLAN_AHEAD_MONTHS = 12


@dataclass(frozen=True)
class CourseProblem:
    """A course date that cannot be used, or (``refused`` False) one to check, with the field it
    belongs to and what to do."""

    course: int  # 1 is the first course
    field: str  # "first_day" or "last_drip"
    message: str
    refused: bool = True


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month, ``months`` later; a shorter month's last day (31 Jan -> 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (counted the way add_months counts)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months if add_months(start, months) <= end else months - 1


def course_problems(
    courses: list[Course], schedule: MonitoringSchedule, today: dt.date
) -> list[CourseProblem]:
    """Why these course dates cannot be used, and what to check in them; empty when all is well.
    Only the problems with ``refused`` stop the months being worked out."""
    problems = []
    gap = schedule.second_course_after.months if schedule.second_course_after else None
    latest = add_months(today, PLAN_AHEAD_MONTHS)
    for number, course in enumerate(courses, start=1):
        for field, day in (("first_day", course.first_day), ("last_drip", course.last_drip)):
            if day < EARLIEST_COURSE:
                problems.append(CourseProblem(number, field, "Check the year: this date is too long ago."))
            elif day > latest:
                problems.append(
                    CourseProblem(
                        number,
                        field,
                        f"This date is more than {PLAN_AHEAD_MONTHS} months ahead. Check the year.",
                    )
                )
        if course.last_drip < course.first_day:
            problems.append(
                CourseProblem(number, "last_drip", "The last drip comes before the first day of this course.")
            )
        if number > 1:
            before = courses[number - 2]
            if course.first_day <= before.last_drip:
                problems.append(
                    CourseProblem(number, "first_day", f"This course starts before course {number - 1} ends.")
                )
            elif gap is not None and months_between(before.first_day, course.first_day) < gap:
                # Clinics book 'one year later' around their own diaries: a note, not a refusal.
                problems.append(
                    CourseProblem(
                        number,
                        "first_day",
                        f"Courses are usually {gap} months apart. Check this date with your MS team.",
                        refused=False,
                    )
                )
    return problems


def schedule_end(courses: list[Course], schedule: MonitoringSchedule) -> dt.date:
    """When the tests end: the longest-running test, counted from the last drip."""
    return add_months(courses[-1].last_drip, schedule.months_after_last_course)


def due_months(courses: list[Course], schedule: MonitoringSchedule) -> list[DueMonth]:
    """Every month with a test, from the first course until the tests end.

    A test every N months falls in months 0, N, 2N ... counted from the first
    course's first day, for as long as it goes on after the last drip.
    """
    start = courses[0].first_day
    last_drip = courses[-1].last_drip
    rows = []
    month = 0
    while (date := add_months(start, month)) <= schedule_end(courses, schedule):
        due = tuple(
            test.id
            for test in schedule.tests
            if month % test.every_months == 0 and date <= add_months(last_drip, schedule.ends_after(test))
        )
        if due:
            rows.append(DueMonth(month, date, due))
        month += 1
    return rows
