"""The printable monitoring tracker, worked out from the structured test timetable.

Nothing on the sheet is typed by hand: the rows, the boxes to tick and the
sentences saying how often each test happens all come from
``MonitoringSchedule`` (content_src/monitoring-schedule.yaml). The sheet has
one part for the months from the first course to the second (if the medicine
has a second course) and one for the months after the last course.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from medinfo.content.loader import Content
from medinfo.content.schema import MonitoringSchedule, ScheduledTest
from medinfo.pages import CHANGES_PAGE
from medinfo.render.citations import Citations
from medinfo.render.markdown import PageText, last_changed, not_advice
from medinfo.render.plain import markdown_text
from medinfo.render.templating import render_template
from medinfo.render.urgent_card import urgent_help

COURSE_DATE_BLANKS = ("First course", "Second course", "Another course", "Another course")


@dataclass(frozen=True)
class TrackerRow:
    month: int
    due: tuple[bool, ...]  # one per test, in the order of the columns


@dataclass(frozen=True)
class TrackerPart:
    number: int
    heading: str
    rows: tuple[TrackerRow, ...]


def how_often(test: ScheduledTest) -> str:
    """``"every 3 months, from your first course until 48 months after your last course"``."""
    every = {1: "every month", 12: "every year"}.get(test.every_months, f"every {test.every_months} months")
    if test.until_months_after_last_course is None:
        # Said plainly, so the sheet's rows for it are not read as a source's advice.
        return (
            f"{every}, from your first course. The sources we read give no end, so this sheet "
            "shows it for as long as your other tests"
        )
    return (
        f"{every}, from your first course until {test.until_months_after_last_course} months "
        "after your last course"
    )


def schedule_line(test: ScheduledTest, cite: Citations) -> str:
    """One test as a Markdown list item: what it checks, how often, its note and its sources."""
    checks = f" ({markdown_text(test.checks)})" if test.checks else ""
    note = f" {markdown_text(test.note)}" if test.note else ""
    often = markdown_text(how_often(test))
    return f"- **{markdown_text(test.name)}**{checks}: {often}.{note} {cite.links(test.sources)}"


def _is_due(schedule: MonitoringSchedule, test: ScheduledTest, month: int, after_last_course: bool) -> bool:
    if after_last_course and month > schedule.ends_after(test):
        return False
    return month % test.every_months == 0


def tracker_parts(schedule: MonitoringSchedule) -> tuple[TrackerPart, ...]:
    """The months on the sheet, each with the tests due that month.

    Months are counted from the start of each part. Every gap used here is a
    multiple of the test intervals in the real timetable, so a test due every
    3 months stays 3 months apart across the two parts.
    """
    after_months = schedule.months_after_last_course
    parts: list[TrackerPart] = []
    gap = schedule.second_course_after
    if gap is not None:
        rows = tuple(
            TrackerRow(month, tuple(_is_due(schedule, t, month, False) for t in schedule.tests))
            for month in range(1, gap.months + 1)
        )
        parts.append(TrackerPart(1, "From your first course to your second course", rows))
    rows = tuple(
        TrackerRow(month, tuple(_is_due(schedule, t, month, True) for t in schedule.tests))
        for month in range(1, after_months + 1)
    )
    heading = f"The {after_months} months after your last course"
    parts.append(TrackerPart(len(parts) + 1, heading, rows))
    return tuple(parts)


def how_to_use(schedule: MonitoringSchedule, care_team: str) -> list[str]:
    """Instructions worked out from the timetable (they state no new facts)."""
    after_months = schedule.months_after_last_course
    steps = [
        "Write the date of each course in the boxes below.",
        "In each row, write the month and year. Tick each box when you have had that test.",
        "A dash (–) means that test is not due that month.",
    ]
    gap = schedule.second_course_after
    if gap is not None:
        steps += [
            f"Part 1 covers the {gap.months} months from your first course to your second. "
            f"Part 2 covers the {after_months} months after your last course.",
            f"If you do not have a second course, carry on in part 2 from month {gap.months + 1}.",
        ]
    steps += [
        f"If you have more courses, your tests go on until {after_months} months after the last one. "
        f"Ask {care_team} for a new sheet.",
        f"{care_team[:1].upper()}{care_team[1:]} will tell you the dates of your tests. "
        "Follow their plan if it is different from this sheet.",
    ]
    return steps


def course_dates_html(schedule: MonitoringSchedule) -> str:
    """Labelled blank lines where the reader writes the date of each course."""
    blanks = COURSE_DATE_BLANKS if schedule.second_course_after else COURSE_DATE_BLANKS[:1]
    return render_template("tracker-courses.html", blanks=blanks)


def part_table_html(schedule: MonitoringSchedule, part: TrackerPart) -> str:
    """One part of the sheet: a row per month, a column of boxes per test."""
    return render_template("tracker-table.html", tests=schedule.tests, part=part)


def render_tracker_page(content: Content) -> PageText:
    """The tracker page's Markdown, front matter included, and what it cites. Needs ``content.schedule``."""
    schedule = content.schedule
    assert schedule is not None, "only medicines with a monitoring schedule get a tracker"
    cite = Citations(content)
    blocks = [_front_matter(schedule, content.schedule_file or "")]
    if schedule.intro:
        blocks.append(markdown_text(schedule.intro))
    # Before the months, so paper has it on page 1 (NHS care cards: first, not last).
    blocks.append(urgent_help(content, cite))
    lines = ["## Your tests", ""]
    lines += [schedule_line(test, cite) for test in schedule.tests]
    gap = schedule.second_course_after
    if gap is not None:
        courses = f"your second course is {gap.months} months after your first."
        lines.append(f"- **Courses**: {courses} {cite.links(gap.sources)}")
    blocks.append("\n".join(lines))
    steps = how_to_use(schedule, content.medicine.care_team)
    blocks.append("## How to use this sheet\n\n" + "\n".join(f"- {markdown_text(s)}" for s in steps))
    blocks.append("## Your course dates\n\n" + course_dates_html(schedule))
    for part in tracker_parts(schedule):
        blocks.append(
            f"## Part {part.number}: {markdown_text(part.heading)}\n\n" + part_table_html(schedule, part)
        )
    blocks.append(not_advice(content))
    if schedule.changes:
        blocks.append(last_changed(schedule.changes, CHANGES_PAGE))
    blocks.append(cite.source_list())
    return PageText("\n\n".join(blocks) + "\n", cite.source_ids())


def _front_matter(schedule: MonitoringSchedule, source_file: str) -> str:
    meta: dict[str, Any] = {
        "title": schedule.title,
        "description": schedule.description,
        "source_file": source_file,
        "review": schedule.review.model_dump(),
    }
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---"
