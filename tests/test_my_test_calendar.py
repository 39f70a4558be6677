"""My test calendar (issue 14) in real Chromium: the reader's own test months, the calendar file,
bad dates explained at their field, and nothing leaving the device or stored unless asked."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from chromium import CHROMIUM
from conftest import SITE_URL

if CHROMIUM is None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise RuntimeError("REQUIRE_BROWSER=1 but Chromium is not installed")
    pytest.skip("Chromium is not installed: calendar checks skipped", allow_module_level=True)

from collections.abc import Iterator  # noqa: E402

import icalendar  # noqa: E402
import pdfs  # noqa: E402
from playwright.sync_api import Browser, Page, ViewportSize  # noqa: E402

from medinfo.content.loader import Content  # noqa: E402
from medinfo.personal_schedule import Course, due_months  # noqa: E402

PHONE: ViewportSize = {"width": 390, "height": 844}
STORE = "test-calendar-dates"
D = dt.date
COURSES = [Course(D(2025, 3, 10), D(2025, 3, 14)), Course(D(2026, 3, 10), D(2026, 3, 12))]
FOUR_COURSES = [
    Course(D(2021, 3, 10), D(2021, 3, 14)),
    Course(D(2022, 3, 10), D(2022, 3, 12)),
    Course(D(2023, 4, 10), D(2023, 4, 12)),
    Course(D(2024, 5, 10), D(2024, 5, 12)),
]


@pytest.fixture
def requests() -> list[str]:
    """The address of every request the calendar page makes (filled by the ``page`` fixture)."""
    return []


@pytest.fixture
def page(browser: Browser, site_url: str, requests: list[str]) -> Iterator[Page]:
    """The calendar page on a phone, in a fresh context (empty storage), with every request recorded."""
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site_url}my-test-calendar/")
    page.wait_for_load_state("networkidle")
    yield page
    context.close()


def fix_today(page: Page, day: dt.date) -> None:
    """The page's 'today' (its script's new Date()), so tests do not change with the real date."""
    page.clock.set_fixed_time(dt.datetime(day.year, day.month, day.day, 12, 0))


def enter(page: Page, courses: list[Course]) -> None:
    for number, course in enumerate(courses, start=1):
        page.fill(f"#course-{number}-first", course.first_day.isoformat())
        page.fill(f"#course-{number}-last", course.last_drip.isoformat())
    page.click("#test-calendar button[type=submit]")


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def when(component: icalendar.Component, name: str) -> dt.date | dt.timedelta:
    """The value of a date, date-time or duration property (DTSTART, DTSTAMP, TRIGGER)."""
    prop = component[name]
    assert isinstance(prop, icalendar.vDDDTypes), (name, prop)
    value = prop.dt
    assert isinstance(value, dt.date | dt.timedelta), (name, value)
    return value


def download(page: Page, tmp_path: Path, name: str) -> icalendar.Calendar:
    with page.expect_download() as event:
        page.click("#download-calendar")
    file = tmp_path / name
    event.value.save_as(file)
    return icalendar.Calendar.from_ical(file.read_bytes())


@pytest.mark.e2e
def test_the_rows_are_the_readers_own_test_months(page: Page, real_content: Content) -> None:
    assert real_content.schedule is not None
    today = D(2026, 12, 6)
    fix_today(page, today)
    enter(page, COURSES)
    expected = due_months(COURSES, real_content.schedule)  # worked out in Python, not by the page
    names = {test.id: test.name for test in real_content.schedule.tests}
    # The next month with tests first, then the months to come; the months already past fold away.
    coming = [row for row in expected if row.date >= today]
    past = [row for row in expected if row.date < today]
    next_tests = page.locator(".test-calendar__next").inner_text()
    assert next_tests == f"Your next tests: {long_date(coming[0].date)}: " + ", ".join(
        names[i] for i in coming[0].test_ids
    )
    assert page.locator("details.test-calendar__past").get_attribute("open") is None
    assert f"Months already past ({len(past)})" in page.locator("details.test-calendar__past").inner_text()
    rows = page.locator(".test-calendar__table tbody tr")  # the months to come, then the folded ones
    in_page_order = coming + past
    assert rows.count() == len(expected) == 61
    for index in (0, 1, 3, 30, 60):
        cells = rows.nth(index).locator("td").all_inner_texts() if index < len(coming) else None
        row = in_page_order[index]
        if cells is not None:  # the folded rows are not shown, so not read as text
            assert cells[:3] == [
                str(row.month),
                long_date(row.date),
                ", ".join(names[i] for i in row.test_ids),
            ]
        assert rows.nth(index).locator("a").first.get_attribute("href") == "../topics/monitoring/"
    status = page.locator("#test-calendar-status").inner_text()
    assert "61 months with tests, until 12 March 2030" in status


@pytest.mark.e2e
def test_the_calendar_file_has_an_all_day_event_per_test_month_with_stable_uids(
    page: Page, real_content: Content, tmp_path: Path
) -> None:
    assert real_content.schedule is not None
    enter(page, COURSES)
    first = download(page, tmp_path, "first.ics")
    events = list(first.walk("VEVENT"))
    expected = due_months(COURSES, real_content.schedule)
    tests = {test.id: test for test in real_content.schedule.tests}
    assert [when(event, "DTSTART") for event in events] == [row.date for row in expected]
    for event, row in zip(events, expected, strict=True):
        assert type(when(event, "DTSTART")) is dt.date  # all day: no time, no time zone
        made = when(event, "DTSTAMP")  # when the file was made, in UTC (RFC 5545 with METHOD)
        assert isinstance(made, dt.datetime) and made.tzinfo is not None
        assert abs(made - dt.datetime.now(dt.UTC)) < dt.timedelta(hours=1)
        assert when(event, "DTEND") == row.date + dt.timedelta(days=1)
        description = str(event["DESCRIPTION"])
        assert "check the date with your MS team" in description
        due = [tests[test_id] for test_id in row.test_ids]
        assert all(test.name in description for test in due)  # names this month's tests
        assert all(test.note in description for test in due if test.note)  # and what to ask about them
        # One reminder, at 9 in the morning the day before (the event starts at midnight).
        assert [when(alarm, "TRIGGER") for alarm in event.walk("VALARM")] == [dt.timedelta(hours=-15)]
    raw = (tmp_path / "first.ics").read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF line ends
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75  # RFC 5545: at most 75 octets a line
    # Downloading again updates the same events: the same UIDs.
    again = download(page, tmp_path, "again.ics")
    assert [e["UID"] for e in again.walk("VEVENT")] == [e["UID"] for e in events]


@pytest.mark.e2e
def test_a_further_course_moves_the_end_and_keeps_the_events_already_added(
    page: Page, real_content: Content, tmp_path: Path
) -> None:
    assert real_content.schedule is not None
    two = [Course(D(2023, 1, 9), D(2023, 1, 13)), Course(D(2024, 1, 9), D(2024, 1, 11))]
    three = [*two, Course(D(2025, 2, 3), D(2025, 2, 5))]
    enter(page, two)
    before = [str(e["UID"]) for e in download(page, tmp_path, "two.ics").walk("VEVENT")]
    enter(page, three)
    after = list(download(page, tmp_path, "three.ics").walk("VEVENT"))
    assert [str(e["UID"]) for e in after][: len(before)] == before  # the same months, updated in place
    assert when(after[-1], "DTSTART") == due_months(three, real_content.schedule)[-1].date == D(2029, 1, 9)


@pytest.mark.e2e
def test_the_file_follows_dates_changed_after_the_months_were_shown(
    page: Page, real_content: Content, tmp_path: Path
) -> None:
    assert real_content.schedule is not None
    enter(page, COURSES)
    one = COURSES[:1]
    page.fill("#course-2-first", "")
    page.fill("#course-2-last", "")  # then straight to the download, without "Show my test dates"
    events = list(download(page, tmp_path, "changed.ics").walk("VEVENT"))
    assert [when(e, "DTSTART") for e in events] == [
        row.date for row in due_months(one, real_content.schedule)
    ]
    assert page.locator(".test-calendar__table tbody tr").count() == len(events)  # the page agrees


@pytest.mark.e2e
def test_bad_dates_get_a_message_by_their_field_and_nothing_is_worked_out(page: Page) -> None:
    overlapping = [COURSES[0], Course(D(2025, 3, 12), D(2025, 3, 15))]
    enter(page, overlapping)
    assert page.locator("#course-2-first-message").inner_text() == "This course starts before course 1 ends."
    assert page.locator("#course-2-first").get_attribute("aria-invalid") == "true"
    assert page.locator(".test-calendar__table").count() == 0
    assert page.locator("#download-calendar").is_disabled()
    page.fill("#course-2-first", "")
    page.fill("#course-2-last", "")
    page.fill("#course-1-first", "2099-01-04")
    page.click("#test-calendar button[type=submit]")
    assert "more than 12 months ahead" in page.locator("#course-1-first-message").inner_text()
    assert "need checking" in page.locator("#test-calendar-status").inner_text()  # announced (role=status)
    # The reader is taken to the date to fix, whose message is read with it (aria-describedby).
    assert page.evaluate("document.activeElement.id") == "course-1-first"


@pytest.mark.e2e
def test_real_bookings_are_taken_and_impossible_years_refused(
    page: Page, real_content: Content, tmp_path: Path
) -> None:
    assert real_content.schedule is not None
    today = D(2026, 12, 6)
    fix_today(page, today)
    # The clinic books course 2 'one year later', 364 days on: a note to check, and the months.
    close = [COURSES[0], Course(COURSES[0].first_day + dt.timedelta(days=364), D(2026, 3, 11))]
    enter(page, close)
    note = page.locator("#course-2-first-message").inner_text()
    assert note == "Courses are usually 12 months apart. Check this date with your MS team."
    assert page.locator("#course-2-first").get_attribute("aria-invalid") is None
    assert page.locator(".test-calendar__table tbody tr").count() == len(
        due_months(close, real_content.schedule)
    )
    # A year typed as 0225 is refused by its field, and nothing is worked out.
    page.fill("#course-2-first", "")
    page.fill("#course-2-last", "")
    page.fill("#course-1-first", "0225-03-10")
    page.click("#test-calendar button[type=submit]")
    assert (
        page.locator("#course-1-first-message").inner_text() == "Check the year: this date is too long ago."
    )
    assert page.locator(".test-calendar__table").count() == 0
    # A course booked for next month can be planned: its first tests are the next ones.
    booked = [Course(D(2027, 1, 11), D(2027, 1, 15))]
    page.fill("#course-1-first", "")
    enter(page, booked)
    assert page.locator(".test-calendar__next").inner_text().startswith("Your next tests: 11 January 2027")
    calendar = download(page, tmp_path, "booked.ics")
    assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == "Lemtrada tests"  # how phones list it


@pytest.mark.e2e
def test_dates_stay_on_the_device_and_are_kept_only_when_asked(
    page: Page, requests: list[str], site_url: str
) -> None:
    loaded = len(requests)
    enter(page, COURSES)
    assert page.evaluate(f"localStorage.getItem('{STORE}')") is None  # not asked: nothing kept
    page.check("#remember-dates")
    page.click("#test-calendar button[type=submit]")
    assert "2025-03-10" in page.evaluate(f"localStorage.getItem('{STORE}')")
    page.reload()
    assert page.input_value("#course-2-first") == "2026-03-10"  # remembered on this device
    page.click("#forget-dates")
    assert page.evaluate(f"localStorage.getItem('{STORE}')") is None
    assert page.input_value("#course-1-first") == ""
    after_load = requests[loaded:]
    # Working out and forgetting made no request at all; the reload fetched only this site's files.
    assert all(url.startswith(site_url) for url in after_load), after_load
    assert page.context.cookies() == []


@pytest.mark.e2e
def test_without_javascript_the_general_schedule_shows(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}my-test-calendar/")
    assert not page.locator("#test-calendar").is_visible()  # the fields could do nothing
    text = page.locator("article").inner_text()
    assert (
        "Liver blood test (checks your liver): every month, from your first course until 48 months "
        "after your last course" in text
    )
    assert "Skin check (looks at your skin for signs of melanoma, a skin cancer): every year" in text
    assert "cannot work out your own dates" in text
    context.close()


@pytest.mark.e2e
@pytest.mark.parametrize("courses", [COURSES[:1], COURSES, FOUR_COURSES], ids=["1 course", "2", "4"])
def test_printed_the_tests_and_999_are_side_1_then_the_months_to_tick(
    page: Page, tmp_path: Path, real_content: Content, courses: list[Course]
) -> None:
    assert real_content.schedule is not None
    enter(page, courses)
    pdf = tmp_path / "calendar.pdf"
    page.pdf(path=str(pdf), format="A4")  # the browser's print, as a reader prints
    # One sheet for one or two courses; four courses' months run onto a second sheet at 10pt.
    sides = pdfs.page_count(pdf)
    assert sides == 2 if len(courses) <= 2 else sides <= 4, sides
    first = pdfs.text(pdf, page=1)
    second = " ".join(pdfs.text(pdf, page=n) for n in range(2, sides + 1))  # the months, and the sources
    address = f"Printed from {SITE_URL}my-test-calendar/"
    checked = real_content.schedule.review.last_reviewed
    review = f"Facts checked {checked.day} {checked:%b %Y}"  # the schedule's review line
    assert address in first and review in first
    assert "Your tests" in first and "Sources" in second  # under the months: side 1 is full
    assert pdfs.smallest_text_pt(pdf) >= 10  # nothing in small print: many people with MS see poorly
    # When to call 999 is on side 1, as on page 1 of every handout.
    emergency = real_content.urgent_help.phone_words(real_content.urgent_help.levels[0].heading)
    assert pdfs.squashed(emergency) in pdfs.squashed(first)
    # The review details as a line at the head of both sides: side 1 has no room for the box.
    due = real_content.schedule.review.next_review_due
    assert f"next review due {long_date(due)}" in second
    assert "Show my test dates" not in first + second  # no fields or buttons on paper
    # Side 2 stands alone: the reader's own dates, every month with a box to tick, where it came from.
    assert f"course 1 from {long_date(courses[0].first_day)} to {long_date(courses[0].last_drip)}" in second
    assert address in second and review in second
    rows = due_months(courses, real_content.schedule)
    for row in (rows[0], rows[len(rows) // 2], rows[-1]):
        assert f"{row.date.day} {row.date:%b} {row.date.year}".replace("Sep ", "Sept ") in second
    assert page.locator(".test-calendar__grid .tick-box").count() == sum(len(r.test_ids) for r in rows)
