"""The "My test calendar" page: the reader's own test months, worked out in their browser.

The page's form carries the monitoring schedule as data (``data-schedule``, from
monitoring-schedule.yaml, nothing typed here) for assets/test-calendar.js (added
by the page's template, docs/overrides/test-calendar.html), which does the sums the way
``medinfo.personal_schedule`` does them and makes the calendar file. Without
JavaScript the page still shows the general schedule: months after the last drip.
No date the reader types leaves their device.
"""

from __future__ import annotations

import html
import json
from typing import Any

import yaml

from medinfo.content.loader import Content
from medinfo.pages import CALENDAR_TITLE, TESTS_TOPIC
from medinfo.personal_schedule import EARLIEST_COURSE, PLAN_AHEAD_MONTHS
from medinfo.render.citations import Citations
from medinfo.render.markdown import PageText, not_advice
from medinfo.render.plain import markdown_text
from medinfo.render.tracker import schedule_line
from medinfo.render.urgent_card import emergency_box

COURSES = 4  # the first course and up to 3 more


def _tests_topic(content: Content) -> str | None:
    """The title of the topic that explains the tests, if the medicine has one."""
    return next((e.topic.title for e in content.topics if e.page_path == TESTS_TOPIC), None)


def calendar_data(content: Content) -> dict[str, Any]:
    """What the page's script needs, from the schedule: each test's interval and length."""
    schedule = content.schedule
    assert schedule is not None, "only medicines with a monitoring schedule get a calendar"
    gap = schedule.second_course_after
    return {
        "medicine": content.medicine.brand_name,
        "careTeam": content.medicine.care_team,
        # Where each row links: the page that explains the tests, as the built site addresses it.
        "testsPage": "../" + TESTS_TOPIC.removesuffix(".md") + "/" if _tests_topic(content) else None,
        "courseGapMonths": gap.months if gap else None,
        # The date rules, from medinfo.personal_schedule (the one place they are written).
        "earliestCourse": EARLIEST_COURSE.isoformat(),
        "planAheadMonths": PLAN_AHEAD_MONTHS,
        "tests": [
            {
                "id": test.id,
                "name": test.name,
                "everyMonths": test.every_months,
                "untilMonthsAfterLastCourse": schedule.ends_after(test),
                "note": test.note,
            }
            for test in schedule.tests
        ],
    }


def render_calendar_page(content: Content) -> PageText:
    """The page's Markdown, front matter included, and what it cites. Needs ``content.schedule``."""
    schedule = content.schedule
    assert schedule is not None, "only medicines with a monitoring schedule get a calendar"
    cite = Citations(content)
    team = markdown_text(content.medicine.care_team)
    front = {
        "title": CALENDAR_TITLE,
        "description": "Your own test dates, from the dates of your courses, to print or add to your phone.",
        "source_file": content.schedule_file or "",
        "review": schedule.review.model_dump(),
        "template": "test-calendar.html",  # adds assets/test-calendar.js to this page only
    }
    blocks = [
        "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---",
        "Enter the dates of your courses. This page works out the months of your tests, "
        "to print or to add to your phone's calendar. Your dates stay on this device: "
        "nothing is sent anywhere.\n{ .test-calendar__intro }",  # not on paper: it is about the form
        f'!!! warning reminder "A reminder, not medical advice"\n\n    The plan from {team} comes first. '
        f"Check each date with {team}.",
        emergency_box(content),  # on side 1 of the printed sheet, as on every handout
    ]
    lines = ["## Your tests", ""]
    lines += [schedule_line(test, cite) for test in schedule.tests]
    explained = _tests_topic(content)
    if explained is not None:
        lines += [
            "",
            f"Each test is explained on [{markdown_text(explained)}]({TESTS_TOPIC}).",
            "{ .test-calendar__explained }",  # a link: not on paper, where side 1 has no room to spare
        ]
    blocks.append("\n".join(lines))
    blocks.append(_form_html(json.dumps(calendar_data(content), ensure_ascii=False)))
    blocks.append(not_advice(content))
    blocks.append(cite.source_list())
    return PageText("\n\n".join(blocks) + "\n", cite.source_ids())


def _form_html(schedule_json: str) -> str:
    """The course-date fields: hidden until the script shows them (without it they could do nothing)."""
    rows = []
    for number in range(1, COURSES + 1):
        optional = "" if number == 1 else " (if you have had it, or it is booked)"
        rows.append(
            f'<fieldset class="test-calendar__course"><legend>Course {number}{optional}</legend>'
            f'<p><label for="course-{number}-first">First day</label> '
            f'<input type="date" id="course-{number}-first" name="course-{number}-first" '
            f'aria-describedby="course-{number}-first-message"> '
            f'<span class="test-calendar__message" id="course-{number}-first-message"></span></p>'
            f'<p><label for="course-{number}-last">Last drip</label> '
            f'<input type="date" id="course-{number}-last" name="course-{number}-last" '
            f'aria-describedby="course-{number}-last-message"> '
            f'<span class="test-calendar__message" id="course-{number}-last-message"></span></p>'
            "</fieldset>"
        )
    return (
        "## Your dates\n\n"
        f'<form class="test-calendar" id="test-calendar" hidden data-schedule="{html.escape(schedule_json)}">'
        "\n" + "\n".join(rows) + '\n<p><label><input type="checkbox" id="remember-dates"> '
        "Remember my dates on this device</label></p>"
        '\n<p><button type="submit" class="md-button md-button--primary">Show my test dates</button> '
        '<button type="button" class="md-button" id="download-calendar" disabled>'
        "Download a calendar file (.ics)</button> "
        '<button type="button" class="md-button" id="forget-dates">Forget my dates</button></p>'
        "\n<p>The calendar file has an event for each month with tests, with a reminder at 9 in the "
        "morning the day before. Open it on your phone to add the events to your calendar.</p>"
        '\n<p class="test-calendar__status" id="test-calendar-status" role="status"></p>'
        "\n</form>\n"
        '<div id="test-calendar-result"></div>\n'
        "<noscript><p>Your browser is not running this page's script, so it cannot work out your own "
        "dates. The list above gives the general schedule.</p></noscript>"
    )
