"""A reader's own test dates (issue 14's core): worked out from the YAML schedule, checked course dates."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import REPO, real_today

from medinfo.content.loader import Content, load_content
from medinfo.personal_schedule import (
    EARLIEST_COURSE,
    PLAN_AHEAD_MONTHS,
    Course,
    add_months,
    course_problems,
    due_months,
    schedule_end,
)

D = dt.date
TWO_COURSES = [Course(D(2025, 3, 10), D(2025, 3, 14)), Course(D(2026, 3, 10), D(2026, 3, 12))]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2025, 1, 31), 1, D(2025, 2, 28)),  # a shorter month: its last day
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # a leap year
        (D(2025, 12, 15), 1, D(2026, 1, 15)),  # into the next year
        (D(2025, 3, 10), 60, D(2030, 3, 10)),
    ],
)
def test_months_are_counted_on_the_calendar(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_two_courses_give_monthly_tests_until_48_months_after_the_last_drip(real_content: Content) -> None:
    schedule = real_content.schedule
    assert schedule is not None
    rows = due_months(TWO_COURSES, schedule)
    # Worked out by hand: the last drip is 12 March 2026, so the tests go on until 12 March 2030;
    # monthly from 10 March 2025 that is months 0 to 60.
    assert schedule_end(TWO_COURSES, schedule) == D(2030, 3, 12)
    assert [row.month for row in rows] == list(range(61))
    assert rows[0].date == D(2025, 3, 10) and rows[-1].date == D(2030, 3, 10)
    assert rows[11].date == D(2026, 2, 10)
    for row in rows:
        assert {"blood", "liver", "urine"} <= set(row.test_ids)  # every month, the liver too
        assert ("thyroid" in row.test_ids) == (row.month % 3 == 0)  # every 3 months
        assert ("skin" in row.test_ids) == (row.month % 12 == 0)  # once a year: months 0, 12 ... 60


def test_the_schedule_comes_from_the_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content_dir = tmp_path / "content_src"
    shutil.copytree(REPO / "content_src", content_dir)
    yaml_file = content_dir / "monitoring-schedule.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    thyroid = text.index("id: thyroid")
    yaml_file.write_text(
        text[:thyroid] + text[thyroid:].replace("every_months: 3", "every_months: 6", 1), encoding="utf-8"
    )
    monkeypatch.setenv("MEDINFO_TODAY", real_today())
    schedule = load_content(content_dir)[0].schedule
    assert schedule is not None
    thyroid_months = [row.month for row in due_months(TWO_COURSES, schedule) if "thyroid" in row.test_ids]
    assert thyroid_months == list(range(0, 61, 6))


def test_course_dates_that_cannot_be_used_are_explained_at_their_field(real_content: Content) -> None:
    schedule = real_content.schedule
    assert schedule is not None
    today = D(2026, 12, 3)
    assert course_problems(TWO_COURSES, schedule, today) == []
    booked = [Course(D(2027, 1, 4), D(2027, 1, 8))]  # a course booked for next month can be planned
    assert course_problems(booked, schedule, today) == []
    far = add_months(today, PLAN_AHEAD_MONTHS) + dt.timedelta(days=1)
    too_far = [Course(far, far + dt.timedelta(days=4))]
    assert [(p.course, p.field, p.refused) for p in course_problems(too_far, schedule, today)] == [
        (1, "first_day", True),
        (1, "last_drip", True),
    ]
    typo = [Course(D(225, 3, 10), D(2025, 3, 14))]  # 0225 for 2025
    (problem,) = course_problems(typo, schedule, today)
    assert (problem.field, problem.message) == ("first_day", "Check the year: this date is too long ago.")
    assert D(2013, 9, 1) == EARLIEST_COURSE
    backwards = [Course(D(2025, 3, 14), D(2025, 3, 10))]
    assert [p.message for p in course_problems(backwards, schedule, today)] == [
        "The last drip comes before the first day of this course."
    ]
    # One year later by the clinic's diary (364 days) is a note to check, not a refusal.
    close = [TWO_COURSES[0], Course(TWO_COURSES[0].first_day + dt.timedelta(days=364), D(2026, 3, 11))]
    (problem,) = course_problems(close, schedule, today)
    assert (problem.course, problem.field, problem.refused) == (2, "first_day", False)
    assert problem.message.startswith("Courses are usually 12 months apart.")
    overlapping = [TWO_COURSES[0], Course(D(2025, 3, 12), D(2025, 3, 15))]
    assert [p.message for p in course_problems(overlapping, schedule, today)] == [
        "This course starts before course 1 ends."
    ]
