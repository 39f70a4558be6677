"""The monitoring tracker is worked out from the timetable in YAML, checked like every content file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE, REPO

from medinfo.content.loader import Content, load_content
from medinfo.content.schema import MonitoringSchedule, source_ids
from medinfo.problems import ContentError
from medinfo.registry import render_pages
from medinfo.render.calendar_page import calendar_data, render_calendar_page
from medinfo.render.tracker import how_often, how_to_use, render_tracker_page, tracker_parts

SCHEDULE = """\
title: Test tracker
description: A sheet to tick off your test fever checks.
review:
  last_reviewed: 2026-02-01
  next_review_due: 2027-02-01
  reviewed_by: Test editors
  clinical_signoff: none
second_course_after:
  months: 6
  sources: [zv-label]
tests:
  - id: skin
    name: Skin check
    every_months: 2
    until_months_after_last_course: 12
    sources: [zv-label]
  - id: sneeze
    name: Sneeze count
    checks: counts your sneezes
    every_months: 1
    until_months_after_last_course: 18
    sources: [zv-trial]
"""


def project_with_schedule(tmp_path: Path, text: str = SCHEDULE) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    (root / "content_src" / "monitoring-schedule.yaml").write_text(text, encoding="utf-8")
    return root


def load(root: Path) -> Content:
    return load_content(root / "content_src", root / "docs")[0]


def errors(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load(root)
    return [str(problem) for problem in caught.value.report.errors]


def due_months(schedule: MonitoringSchedule, part: int, test_id: str) -> list[int]:
    column = [t.id for t in schedule.tests].index(test_id)
    return [row.month for row in tracker_parts(schedule)[part].rows if row.due[column]]


# --- The real timetable -----------------------------------------------------------


def test_real_tracker_runs_from_first_course_to_48_months_after_the_last(real_content: Content) -> None:
    schedule = real_content.schedule
    assert schedule is not None
    first, after = tracker_parts(schedule)
    assert [row.month for row in first.rows] == list(range(1, 13))
    assert [row.month for row in after.rows] == list(range(1, 49))
    for part in (0, 1):
        months = [row.month for row in tracker_parts(schedule)[part].rows]
        assert due_months(schedule, part, "blood") == months
        assert due_months(schedule, part, "urine") == months
    assert due_months(schedule, 0, "thyroid") == [3, 6, 9, 12]
    assert due_months(schedule, 1, "thyroid") == list(range(3, 49, 3))
    # The leaflet's yearly cervical screening has no end in any source: it runs with the sheet.
    assert due_months(schedule, 0, "cervical") == [12]
    assert due_months(schedule, 1, "cervical") == [12, 24, 36, 48]


def test_real_timetable_is_sourced_from_registered_sources(real_content: Content) -> None:
    schedule = real_content.schedule
    assert schedule is not None and schedule.second_course_after is not None
    registered = {s.id for s in real_content.sources}
    for test in schedule.tests:
        assert test.sources and set(source_ids(test.sources)) <= registered
    assert set(source_ids(schedule.second_course_after.sources)) <= registered


def test_real_timetable_has_monthly_liver_tests_to_48_months(real_content: Content) -> None:
    """The EU timetable since 2020: liver blood tests every month, like the blood count."""
    schedule = real_content.schedule
    assert schedule is not None
    liver = next(test for test in schedule.tests if test.id == "liver")
    assert (liver.every_months, liver.until_months_after_last_course) == (1, 48)
    assert {"eu-leaflet", "smpc"} <= set(source_ids(liver.sources))
    # Sources that do not say "monthly" (before and during; periodically) are not cited for it.
    assert not {"mhra-2019", "health-canada-2019"} & set(source_ids(liver.sources))


def test_tracker_page_says_how_often_with_numbered_sources(real_content: Content) -> None:
    markdown = render_tracker_page(real_content).markdown
    assert "review:" in markdown and "source_file: content_src/monitoring-schedule.yaml" in markdown
    assert (
        "**Liver blood test** (checks your liver): every month, from your first course until 48 months "
        "after your last course. "
        # Numbered after the urgent-help card's sources (one use each, under the card): it comes first.
        "[\\[1\\]](#source-eu-leaflet-section-2){ #cited-source-eu-leaflet-section-2-2 .citation } "
        "[\\[11\\]](#source-smpc-section-4-4){ #cited-source-smpc-section-4-4-1 .citation }"
    ) in markdown
    assert (
        "**Cervical screening** (such as a smear test, which looks for changes in the cervix (the neck of "
        "the womb)): every year, from your first course. The sources we read give no end, so this sheet "
        "shows it for as long as your other tests."
    ) in markdown
    assert "## Part 1: From your first course to your second course" in markdown
    assert "## Part 2: The 48 months after your last course" in markdown
    # Blood, liver and urine every month, thyroid every 3 months, cervical screening and skin every
    # year: 12 + 48 months.
    assert markdown.count('<span class="tick-box"') == (12 * 3 + 4 + 2) + (48 * 3 + 16 + 8)
    assert "{ #source-smpc-section-4-4 }" in markdown and "{ #source-eu-leaflet-section-2 }" in markdown
    assert "## Get help urgently" in markdown


# --- Worked out from the numbers, for any medicine ----------------------------------


def test_sheet_follows_the_numbers_in_the_file(tmp_path: Path) -> None:
    schedule = load(project_with_schedule(tmp_path)).schedule
    assert schedule is not None
    first, after = tracker_parts(schedule)
    assert (first.heading, len(first.rows)) == ("From your first course to your second course", 6)
    assert (after.heading, len(after.rows)) == ("The 18 months after your last course", 18)
    assert due_months(schedule, 0, "skin") == [2, 4, 6]
    assert due_months(schedule, 1, "skin") == [2, 4, 6, 8, 10, 12]  # ends 12 months after the last course
    assert due_months(schedule, 1, "sneeze") == list(range(1, 19))
    assert how_often(schedule.tests[0]) == (
        "every 2 months, from your first course until 12 months after your last course"
    )

    steps = how_to_use(schedule, "your test fever team")
    assert "If you do not have a second course, carry on in part 2 from month 7." in steps
    assert "Your test fever team will tell you the dates of your tests." in steps[-1]


def test_a_test_with_no_end_in_its_sources_runs_as_long_as_the_sheet(tmp_path: Path) -> None:
    text = SCHEDULE.replace("    until_months_after_last_course: 12\n", "", 1)
    schedule = load(project_with_schedule(tmp_path, text)).schedule
    assert schedule is not None
    assert due_months(schedule, 1, "skin") == list(range(2, 19, 2))  # with the 18-month sneeze count
    assert how_often(schedule.tests[0]) == (
        "every 2 months, from your first course. The sources we read give no end, so this sheet shows "
        "it for as long as your other tests"
    )
    assert (
        calendar_data(load(project_with_schedule(tmp_path / "again", text)))["tests"][0][
            "untilMonthsAfterLastCourse"
        ]
        == 18
    )


def test_a_timetable_where_no_test_ends_is_refused(tmp_path: Path) -> None:
    text = SCHEDULE.replace("    until_months_after_last_course: 12\n", "").replace(
        "    until_months_after_last_course: 18\n", ""
    )
    assert errors(project_with_schedule(tmp_path, text)) == [
        "content_src/monitoring-schedule.yaml:1: (whole file): at least one test needs "
        "'until_months_after_last_course', so that the sheet knows how long the tests go on"
    ]


def test_single_course_medicine_has_one_part(tmp_path: Path) -> None:
    text = SCHEDULE.replace("second_course_after:\n  months: 6\n  sources: [zv-label]\n", "")
    schedule = load(project_with_schedule(tmp_path, text)).schedule
    assert schedule is not None
    parts = tracker_parts(schedule)
    assert [(p.number, len(p.rows)) for p in parts] == [(1, 18)]
    assert not any("second course" in step for step in how_to_use(schedule, "your team"))


def test_medicine_without_schedule_has_no_tracker() -> None:
    content = load(FIXTURE)
    assert content.schedule is None and content.schedule_file is None


# --- Checked like every other content file ------------------------------------------


def test_misspelt_field_is_reported_with_its_line(tmp_path: Path) -> None:
    root = project_with_schedule(tmp_path, SCHEDULE.replace("every_months: 2", "every_month: 2"))
    assert (
        "content_src/monitoring-schedule.yaml:14: tests[1].every_month: 'every_month' is not a field that "
        "belongs here. Did you mean 'every_months'?"
    ) in " ".join(errors(root))


def test_unknown_source_is_reported(tmp_path: Path) -> None:
    root = project_with_schedule(tmp_path, SCHEDULE.replace("sources: [zv-trial]", "sources: [zv-trail]"))
    found = errors(root)
    assert any(
        "monitoring-schedule.yaml:22" in e and "no source with the id 'zv-trail'" in e for e in found
    ), found


def test_duplicate_test_ids_are_refused_at_the_second_one(tmp_path: Path) -> None:
    found = errors(project_with_schedule(tmp_path, SCHEDULE.replace("id: sneeze", "id: skin")))
    assert found == [
        "content_src/monitoring-schedule.yaml:17: tests[2].id: the id 'skin' is also used by test 1. "
        "Give each test its own id."
    ]


def test_an_interval_that_does_not_fit_the_course_gap_is_refused_at_its_line(tmp_path: Path) -> None:
    found = errors(project_with_schedule(tmp_path, SCHEDULE.replace("every_months: 2", "every_months: 4")))
    assert found == [
        "content_src/monitoring-schedule.yaml:14: tests[1].every_months: every 4 months does not fit the "
        "6 months between courses (second_course_after), so the sheet would lose this test's rhythm at the "
        "next course. Use one of: 1, 2, 3, 6. If the sources give another interval, ask a developer."
    ]


def test_review_in_the_future_is_refused(tmp_path: Path) -> None:
    text = SCHEDULE.replace("last_reviewed: 2026-02-01", "last_reviewed: 2026-12-01")
    found = " ".join(errors(project_with_schedule(tmp_path, text)))
    assert "monitoring-schedule.yaml:4: review.last_reviewed" in found and "in the future" in found


def test_schedule_file_is_not_a_stray_file(tmp_path: Path) -> None:
    root = project_with_schedule(tmp_path)
    load(root)  # no "this file is not used" error
    (root / "content_src" / "monitoring.yaml").write_text("x: 1\n", encoding="utf-8")
    found = " ".join(errors(root))
    assert "monitoring-schedule.yaml" in found and "this file is not used" in found


def test_the_calendar_links_to_the_tests_page_only_when_the_medicine_has_one(
    tmp_path: Path, real_content: Content
) -> None:
    made_up = load(project_with_schedule(tmp_path))  # Zelvora has no page about its tests
    assert calendar_data(made_up)["testsPage"] is None
    assert "Each test is explained on" not in render_calendar_page(made_up).markdown
    assert calendar_data(real_content)["testsPage"] == "../topics/monitoring/"
    assert (
        "Each test is explained on [Tests and checks](topics/monitoring.md)."
        in render_calendar_page(real_content).markdown
    )


def test_tests_and_checks_and_the_home_page_lead_to_my_test_calendar(real_content: Content) -> None:
    tests_page = next(p for p in render_pages(real_content) if p.path == "topics/monitoring.md")
    assert "[My test calendar](../my-test-calendar.md)" in tests_page.markdown
    assert "[Monitoring tracker](../monitoring-tracker.md)" in tests_page.markdown
    assert "(my-test-calendar.md)" in (REPO / "docs" / "index.md").read_text(encoding="utf-8")
