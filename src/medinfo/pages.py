"""Where the site's generated pages go, and their fixed titles: written once, for the links
between pages. What each page is (the file an editor changes, its review, menu place and
renderer) is its entry in ``medinfo.registry``.
"""

from __future__ import annotations

SOURCES_PAGE = "sources.md"
URGENT_PAGE = "urgent-help.md"  # the urgent-help card on a page of its own, for search and the home page
FAQ_PAGE = "faq.md"
GLOSSARY_PAGE = "glossary.md"
CHANGES_PAGE = "changes.md"
HANDOUTS_PAGE = "handouts.md"
TRACKER_PAGE = "monitoring-tracker.md"  # only for a medicine with a monitoring schedule
CALENDAR_PAGE = "my-test-calendar.md"  # the same: the reader's own test dates, from the schedule
TESTS_TOPIC = "topics/monitoring.md"  # the topic that explains the tests (linked from the calendar)

CALENDAR_TITLE = "My test calendar"
GLOSSARY_TITLE = "Glossary"
SOURCES_TITLE = "Sources"
CHANGES_TITLE = "What's changed"
HANDOUTS_TITLE = "Handouts to print"
