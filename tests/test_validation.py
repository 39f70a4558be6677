"""Editors' mistakes: every one is reported as path:line: field: message, all together."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE, Project

from medinfo.content.loader import load_content
from medinfo.problems import Severity

TOPIC = "content_src/topics/side-effects.yaml"
WORKS = "content_src/topics/how-it-works.yaml"
SOURCES = "content_src/sources.yaml"


def test_fixture_content_is_valid(tmp_path: Path) -> None:
    content, report = load_content(FIXTURE / "content_src", FIXTURE / "docs")
    assert [t.slug for t in content.topics] == ["how-it-works", "side-effects"]
    assert report.problems == []


def test_misspelt_field_names_the_line_and_suggests_the_right_name(project: Project) -> None:
    project.replace(TOPIC, "next_review_due:", "next_reveiw_due:")
    line = project.line_of(TOPIC, "next_reveiw_due")
    errors = project.errors()
    assert (
        f"{TOPIC}:{line}: review.next_reveiw_due: 'next_reveiw_due' is not a field that belongs "
        "here. Did you mean 'next_review_due'?"
    ) in "\n".join(errors)
    assert any("review.next_review_due: 'next_review_due' is required but missing" in e for e in errors)


def test_wrong_type(project: Project) -> None:
    project.replace(TOPIC, "order: 2", "order: second")
    assert project.errors() == [
        f"{TOPIC}:3: order: should be a whole number, like 42 (without quotation marks)"
    ]


def test_text_field_given_a_number(project: Project) -> None:
    project.replace(TOPIC, "reviewed_by: Test editors", "reviewed_by: 2026")
    line = project.line_of(TOPIC, "reviewed_by")
    assert project.errors() == [
        f"{TOPIC}:{line}: review.reviewed_by: should be text, but is 2026. "
        "Put it in quotation marks if it is meant as text."
    ]


def test_missing_required_field(project: Project) -> None:
    project.replace(TOPIC, "  reviewed_by: Test editors\n", "")
    line = project.line_of(TOPIC, "review:")
    [error] = project.errors()
    assert error.startswith(f"{TOPIC}:{line}: review.reviewed_by: 'reviewed_by' is required but missing.")
    assert "Who checked it." in error  # the field's own description tells the editor what to write


def test_impossible_calendar_date(project: Project) -> None:
    project.replace(TOPIC, "last_reviewed: 2026-02-01", "last_reviewed: 2026-02-30")
    line = project.line_of(TOPIC, "last_reviewed")
    assert project.errors() == [
        f"{TOPIC}:{line}: review.last_reviewed: '2026-02-30' is not a real calendar date. "
        "Write a date that exists, as YYYY-MM-DD."
    ]


def test_quoted_date_is_not_a_date(project: Project) -> None:
    project.replace(TOPIC, "last_reviewed: 2026-02-01", 'last_reviewed: "1 Feb 2026"')
    assert project.errors() == [
        f"{TOPIC}:5: review.last_reviewed: should be a date written as YYYY-MM-DD, like 2026-11-22 "
        "(without quotation marks)"
    ]


def test_next_review_before_last_review(project: Project) -> None:
    project.replace(TOPIC, "next_review_due: 2027-02-01", "next_review_due: 2026-01-01")
    line = project.line_of(TOPIC, "next_review_due")
    assert project.errors() == [
        f"{TOPIC}:{line}: review.next_review_due: must be after last_reviewed (2026-02-01)"
    ]


def test_review_interval_over_three_years(project: Project) -> None:
    project.replace(TOPIC, "next_review_due: 2027-02-01", "next_review_due: 2029-02-02")
    line = project.line_of(TOPIC, "next_review_due")
    assert project.errors() == [
        f"{TOPIC}:{line}: review.next_review_due: must be at most 3 years after last_reviewed, "
        "so no later than 2029-02-01"
    ]


def test_review_in_the_future_cannot_be_claimed(project: Project) -> None:
    project.replace(WORKS, "date: 2026-01-20", "date: 2026-07-01")  # today is 2026-06-01
    line = project.line_of(WORKS, "date: 2026-07-01")
    assert project.errors() == [
        f"{WORKS}:{line}: review.clinical_signoff.date: 2026-07-01 is in the future: a sign-off can "
        "only be recorded once it has happened (today is 2026-06-01)"
    ]


def test_signoff_must_be_none_or_name_and_date(project: Project) -> None:
    project.replace(TOPIC, "clinical_signoff: none", "clinical_signoff: yes")
    line = project.line_of(TOPIC, "clinical_signoff")
    assert project.errors() == [
        f"{TOPIC}:{line}: review.clinical_signoff: is not in a form this field accepts. Write none "
        "until a clinician has signed the page off; then give 'by' and 'date'."
    ]


def test_signoff_without_date(project: Project) -> None:
    project.replace(WORKS, "    date: 2026-01-20\n", "")
    line = project.line_of(WORKS, "clinical_signoff:")
    [error] = project.errors()
    assert error.startswith(f"{WORKS}:{line}: review.clinical_signoff.date: 'date' is required but missing.")


def test_unknown_source_id_suggests_the_nearest(project: Project) -> None:
    project.replace(TOPIC, "sources: [zv-trial]", "sources: [zv-trail]")
    line = project.line_of(TOPIC, "zv-trail")
    assert project.errors() == [
        f"{TOPIC}:{line}: sections[1].statements[1].sources[1]: there is no source with the id "
        "'zv-trail' in sources.yaml. Did you mean 'zv-trial'?"
    ]


def test_a_citation_may_name_a_place_the_source_lists(project: Project) -> None:
    project.replace(
        TOPIC, "sources: [zv-trial, zv-label: section 4]", "sources: [zv-trial, zv-label: section 44]"
    )
    line = project.line_of(TOPIC, "section 44")
    assert project.errors() == [
        f"{TOPIC}:{line}: sections[1].statements[2].sources[2].zv-label: 'section 44' is not one of the "
        "places of 'zv-label' in sources.yaml. Did you mean 'section 4'? "
        "Its places are: section 2, section 4."
    ]


def test_a_citation_names_no_place_for_a_source_without_places(project: Project) -> None:
    project.replace(TOPIC, "sources: [zv-trial, zv-label: section 4]", "sources: [zv-trial: table 2]")
    line = project.line_of(TOPIC, "zv-trial: table 2")
    assert project.errors() == [
        f"{TOPIC}:{line}: sections[1].statements[2].sources[1].zv-trial: the source 'zv-trial' lists no "
        "places, so cite it without one: write just 'zv-trial', or add 'places' to it in sources.yaml."
    ]


def test_a_source_needs_a_public_address_and_a_record_of_how_it_was_checked(project: Project) -> None:
    # A seed document (a file only the team holds) cannot be a source on a page.
    project.replace(SOURCES, "    url: https://example.org/zest\n", "    seed_file: 999_zelvora.txt\n")
    project.replace(SOURCES, "      read_on: 2026-01-10\n      copies", "      copies")
    errors = project.errors()
    line = project.line_of(SOURCES, "id: zv-trial")
    assert (
        f"{SOURCES}:{line}: sources[2].url: 'url' is required but missing. The public web address a "
        "reader can follow (https://...)." in errors
    )
    assert any("sources[2].seed_file: 'seed_file' is not a field that belongs here." in e for e in errors)
    assert any("sources[2].checked.read_on: 'read_on' is required but missing." in e for e in errors)


def test_a_reading_cannot_be_dated_in_the_future(project: Project) -> None:
    project.replace(SOURCES, "read_on: 2026-01-10\n      copies", "read_on: 2999-01-10\n      copies")
    line = project.line_of(SOURCES, "read_on: 2999-01-10")
    [error] = project.errors()
    assert error.startswith(
        f"{SOURCES}:{line}: sources[2].checked.read_on: 2999-01-10 is in the future: a reading"
    )


def test_duplicate_source_id(project: Project) -> None:
    text = project.path(SOURCES).read_text(encoding="utf-8")
    first_entry = text[text.index("  - id: zv-label") : text.index("  - id: zv-trial")]
    project.path(SOURCES).write_text(text + first_entry, encoding="utf-8")
    line = project.line_of(SOURCES, "id: zv-label", occurrence=2)
    assert project.errors() == [
        f"{SOURCES}:{line}: sources[3].id: the id 'zv-label' is used twice (first on line 2). "
        "Each source needs its own id."
    ]


def test_duplicate_statement_id_across_files(project: Project) -> None:
    project.replace(TOPIC, "id: zv-se-sneeze", "id: zv-works-blocks")
    line = project.line_of(TOPIC, "id: zv-works-blocks")
    first = project.line_of(WORKS, "id: zv-works-blocks")
    errors = project.errors()
    assert (
        f"{TOPIC}:{line}: sections[1].statements[2].id: the statement id 'zv-works-blocks' is "
        f"already used ({WORKS} line {first}). Statement ids must be unique across the site."
    ) in errors
    # The leaflet map named the statement whose id was overwritten: it says so too.
    assert len(errors) == 2 and "there is no statement with the id 'zv-se-sneeze'" in errors[0]


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("order: 2\n", "order: 2\norder: 3\n", "order"),  # top level
        (
            "  reviewed_by: Test editors\n",
            "  reviewed_by: Test editors\n  reviewed_by: Others\n",
            "review.reviewed_by",
        ),
        (
            "          count: 42\n",
            "          count: 42\n          count: 24\n",
            "sections[1].statements[1].how_many.count",
        ),
    ],
)
def test_duplicate_yaml_key_at_any_depth(project: Project, old: str, new: str, field: str) -> None:
    project.replace(TOPIC, old, new)
    key = field.rsplit(".", 1)[-1]
    first = project.line_of(TOPIC, f"{key}:")
    assert project.errors() == [
        f"{TOPIC}:{first + 1}: {field}: '{key}' appears twice in the same group (first on line "
        f"{first}). Keep one of them: otherwise one value would be silently lost."
    ]


@pytest.mark.parametrize("text", ["", "   \n\n", "# only a comment\n", "---\n"])
def test_empty_file(project: Project, text: str) -> None:
    project.path(TOPIC).write_text(text, encoding="utf-8")
    assert project.errors() == [f"{TOPIC}:1: (whole file): the file is empty: it has no fields at all."]


def test_file_not_saved_as_utf8(project: Project) -> None:
    path = project.path(TOPIC)
    line = project.line_of(TOPIC, "Itchy skin")
    path.write_bytes(path.read_bytes().replace(b"Itchy skin", b"Itchy sk\xefn"))
    assert project.errors() == [
        f"{TOPIC}:{line}: (whole file): this file is not saved as UTF-8 text (a character on this line "
        "cannot be read). Save it again with the encoding set to UTF-8."
    ]


def test_byte_order_mark(project: Project) -> None:
    path = project.path(TOPIC)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert project.errors() == [
        f"{TOPIC}:1: (whole file): the file starts with an invisible byte-order mark. "
        "Save it as 'UTF-8' (not 'UTF-8 with BOM')."
    ]


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['echo hacked']",
        "!!python/name:os.system",
        "!custom thing",
        "!!binary aGVsbG8=",
    ],
)
def test_yaml_tags_that_construct_objects_are_refused(project: Project, tagged: str) -> None:
    project.replace(TOPIC, "reviewed_by: Test editors", f"reviewed_by: {tagged}")
    line = project.line_of(TOPIC, "reviewed_by")
    [error] = project.errors()
    assert error.startswith(f"{TOPIC}:{line}: review.reviewed_by: YAML tags such as ")
    assert error.endswith("are not allowed. Remove the tag and write plain text.")


def test_anchors_and_aliases_are_refused(project: Project) -> None:
    project.replace(TOPIC, "title: Side effects of Zelvora", "title: &name Side effects")
    project.replace(TOPIC, "reviewed_by: Test editors", "reviewed_by: *name")
    line = project.line_of(TOPIC, "reviewed_by")
    assert project.errors() == [
        f"{TOPIC}:{line}: review.reviewed_by: YAML aliases (*name) and anchors (&name) are not "
        "allowed: write the value out."
    ]


def test_billion_laughs_is_refused_quickly(project: Project) -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    project.path(TOPIC).write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = project.errors()
    assert errors and all("aliases (*name) and anchors (&name) are not allowed" in e for e in errors)


def test_tab_indentation(project: Project) -> None:
    project.replace(TOPIC, "  reviewed_by: Test editors", "\treviewed_by: Test editors")
    line = project.line_of(TOPIC, "reviewed_by")
    assert project.errors() == [
        f"{TOPIC}:{line}: (YAML syntax): YAML cannot read this line: this line contains a tab "
        "character. Use spaces to indent, never tabs."
    ]


def test_how_many_placeholder_must_match(project: Project) -> None:
    project.replace(TOPIC, "Itchy skin affects {how_many}.", "Itchy skin is common.")
    line = project.line_of(TOPIC, "id: zv-se-itch")
    assert project.errors() == [
        f"{TOPIC}:{line}: sections[1].statements[1]: the text must contain {{how_many}} once, "
        "where the number goes"
    ]


def test_title_with_html_is_refused(project: Project) -> None:
    project.replace(TOPIC, "title: Side effects of Zelvora", "title: Side effects <b>now</b>")
    assert project.errors() == [
        f"{TOPIC}:1: title: cannot contain the characters < > & or \" (write 'and' instead of '&') "
        "(it is 'Side effects <b>now</b>')"
    ]


def test_yaml_file_in_the_wrong_folder(project: Project) -> None:
    shutil.copy(project.path(TOPIC), project.path("content_src/side-effects.yaml"))
    [error] = project.errors()
    assert error.startswith("content_src/side-effects.yaml:1: (file name): this file is not used.")


def test_hand_written_page_front_matter_is_checked_with_file_lines(project: Project) -> None:
    project.replace("docs/index.md", "  next_review_due: 2027-01-15", "  next_review_due: 2027-13-01")
    project.replace("docs/about.md", "description: Who writes this test site.\n", "")
    errors = project.errors()
    assert errors == [
        "docs/about.md:2: description: 'description' is required but missing. "
        "One sentence saying what the page covers.",
        "docs/index.md:6: review.next_review_due: '2027-13-01' is not a real calendar date. "
        "Write a date that exists, as YYYY-MM-DD.",
    ]


def test_hand_written_page_without_front_matter_or_with_its_own_title(project: Project) -> None:
    project.path("docs/about.md").write_text("# About\n\nText.\n", encoding="utf-8")
    project.replace("docs/index.md", "\nStart with", "\n# About Zelvora\n\nStart with")
    errors = project.errors()
    heading = project.line_of("docs/index.md", "# About Zelvora")
    assert errors[0].startswith("docs/about.md:1: (front matter): the page must start with a block")
    assert errors[1].startswith(f"docs/index.md:{heading}: (page text): remove this '# ' heading")


def test_every_problem_is_reported_together(project: Project) -> None:
    project.replace(TOPIC, "order: 2", "order: second")
    project.replace(WORKS, "sources: [zv-label]", "sources: [nope]")
    project.replace(SOURCES, "published: 2023-06-15", "published: 2023-06-31")
    errors = project.errors()
    assert [e.split(":")[0] for e in errors] == [SOURCES, WORKS, TOPIC]
    assert "there is no source with the id 'nope'" in errors[1]


def test_unused_source_is_a_warning_not_an_error(project: Project) -> None:
    project.replace(
        SOURCES,
        "sources:\n",
        "sources:\n  - id: zv-unused\n    title: T\n    publisher: P\n"
        "    url: https://example.org/u\n    checked: {how: Read it all., read_on: 2026-01-01}\n",
    )
    content, report = load_content(project.root / "content_src", project.root / "docs")
    assert [str(p) for p in report.problems] == [
        f"{SOURCES}:2: sources[1].id: warning: no page cites the source 'zv-unused'. Cite it or remove it."
    ]
    assert report.problems[0].severity is Severity.WARNING


def test_check_command_lists_problems_without_traceback(project: Project) -> None:
    project.replace(TOPIC, "order: 2", "order: second")
    result = subprocess.run(
        [sys.executable, "-m", "medinfo", "check", "--content", "content_src", "--docs", "docs"],
        cwd=project.root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert f"{TOPIC}:3: order: should be a whole number" in result.stderr
    assert "Content check: 1 error(s), 0 warning(s)." in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_check_command_passes_on_good_content() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "medinfo", "check"],
        cwd=FIXTURE,
        capture_output=True,
        text=True,
        env={"MEDINFO_TODAY": "2026-06-01", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert "Content check passed: 2 topics, 2 sources, 2 hand-written pages" in result.stdout


def test_urgent_levels_come_most_urgent_first_and_name_known_phone_services(project: Project) -> None:
    urgent = "content_src/urgent-help.yaml"
    text = project.path(urgent).read_text(encoding="utf-8")
    emergency = text[text.index("  - level: emergency") : text.index("  - level: now")]
    project.path(urgent).write_text(text.replace(emergency, "") + emergency, encoding="utf-8")
    assert project.errors() == [
        f"{urgent}:1: (whole file): list each level once, most urgent first (emergency, now, soon); "
        "they are: now, emergency"
    ]
    project.path(urgent).write_text(
        text.replace("Call {emergency} now", "Call {ambulance} now"), encoding="utf-8"
    )
    assert project.errors() == [
        f"{urgent}:1: (whole file): the emergency level writes {{ambulance}}, but phone_numbers has no "
        "service with the id 'ambulance' (it has: emergency)"
    ]


def test_an_urgent_search_word_the_card_does_not_use_is_refused_at_its_line(project: Project) -> None:
    urgent = "content_src/urgent-help.yaml"
    project.replace(urgent, "levels:", "search_words: [ambulance, poison]\nlevels:")
    line = project.line_of(urgent, "search_words:")
    assert project.errors() == [
        f"{urgent}:{line}: search_words: ambulance, poison: not in the card or the page's intro "
        "(a search word must be one the page uses)"
    ]
    # A word the page's intro uses is one the page uses.
    project.replace(
        urgent, "search_words: [ambulance, poison]", "page_intro: Poison or not?\nsearch_words: [poison]"
    )
    content, _ = load_content(project.root / "content_src", project.root / "docs")
    assert content.urgent_help.search_words == ["poison"]


def test_a_key_point_must_be_a_statement_on_its_own_page(project: Project) -> None:
    topic = "content_src/topics/side-effects.yaml"
    text = project.path(topic).read_text(encoding="utf-8")
    project.replace(topic, "sections:", "key_points: [zv-se-itch, zv-se-sneeze, zv-se-snooze]\nsections:")
    line = project.line_of(topic, "key_points:")
    assert project.errors() == [
        f"{topic}:{line}: key_points: 'zv-se-snooze' is not the id of a statement on this page "
        "(a key point repeats one of the page's own statements). Did you mean 'zv-se-sneeze'?"
    ]
    project.path(topic).write_text(text, encoding="utf-8")
    project.replace(topic, "sections:", "key_points: [zv-se-itch]\nsections:")
    assert [error.split(": ", 2)[1:] for error in project.errors()] == [
        ["key_points", "needs at least 3 item(s)"]
    ]


def test_a_key_fact_must_be_a_statement_on_a_topic_page(project: Project) -> None:
    medicine = "content_src/medicine.yaml"
    project.replace(medicine, "care_team:", "key_facts: [zv-se-itch, zv-se-snooze]\ncare_team:")
    line = project.line_of(medicine, "key_facts:")
    assert project.errors() == [
        f"{medicine}:{line}: key_facts[2]: no topic has a statement with the id 'zv-se-snooze'. "
        "Did you mean 'zv-se-sneeze'?"
    ]


def test_a_topic_search_word_the_page_does_not_use_is_refused_at_its_line(project: Project) -> None:
    project.replace(TOPIC, "questions_to_ask:", "search_words: [itchy, dragons]\nquestions_to_ask:")
    line = project.line_of(TOPIC, "search_words:")
    assert project.errors() == [
        f"{TOPIC}:{line}: search_words: dragons: not in the page's statements (a search word must be one "
        "the page uses)"
    ]


def test_a_picture_that_does_not_say_what_it_shows_is_refused(project: Project) -> None:
    project.replace(TOPIC, "          picture_shows: who sneezed on Zelvora in the ZEST trial\n", "")
    line = project.line_of(TOPIC, "how_many:", occurrence=2)
    assert project.errors() == [
        f"{TOPIC}:{line}: sections[1].statements[2].how_many: a picture needs 'picture_shows': what a "
        "filled figure means, with the time and the trial, like 'whose disability got worse in 2 years "
        "of the CARE-MS II trial'"
    ]
