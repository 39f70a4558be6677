"""The package leaflet map: every passage accounted for, and the urgent card at the leaflet's urgency."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURE_TODAY, REPO, Project, make_fixture_project, mkdocs_build
from test_build import medinfo_check

from medinfo.content.leaflet import leaflet_urgency
from medinfo.content.loader import load_content

MAP = "content_src/leaflet-map.yaml"
LEAFLET = "content_src/leaflet/zelvora-leaflet.txt"
URGENT = "content_src/urgent-help.yaml"


def test_the_leaflets_urgency_words_give_the_card_level() -> None:
    assert leaflet_urgency("Get help right away if you have neck pain.") == (
        "emergency",
        "get help right away",
    )
    assert leaflet_urgency("Get medical  help right\naway if ...") == (
        "emergency",
        "get medical help right away",
    )
    assert leaflet_urgency("call your doctor immediately to report") == ("now", "immediately")
    assert leaflet_urgency("Tell your doctor right away if you have a fever") == ("now", "right away")
    assert leaflet_urgency("report this to your doctor") is None


def test_text_added_to_the_leaflet_that_no_passage_holds_fails_after_the_passage_before_it(
    project: Project,
) -> None:
    project.replace(LEAFLET, "Sneezing is rare.\n", "Sneezing is rare.\nHair loss is common.\n")
    line = project.line_of(MAP, "text: 4. Possible side effects")
    assert project.errors() == [
        f"{MAP}:{line}: passages[3].text: this part of the leaflet (zelvora-leaflet.txt) is in no "
        'passage: "Hair loss is common.". Add a passage for it, with the statements that carry it or '
        "why it is not for this site. It comes after this passage."
    ]


def test_a_passage_whose_words_changed_in_a_new_leaflet_fails_and_names_its_statements(
    project: Project,
) -> None:
    project.replace(LEAFLET, "Sneezing is rare.", "Sneezing is uncommon.")
    line = project.line_of(MAP, "text: 4. Possible side effects")
    errors = project.errors()
    assert (
        f"{MAP}:{line}: passages[3].text: this text is not in the leaflet (zelvora-leaflet.txt): it "
        "changed, or was taken out, since it was mapped. Find the passage in the new leaflet, check "
        "that the statements it names still agree with it (zv-se-itch, zv-se-sneeze), then copy its "
        "new words here. If it was taken out, remove this passage."
    ) in errors
    # The new words are in no passage either, so the editor sees what to copy.
    assert any(
        'is in no passage: "4. Possible side effects Itchy skin is very common. Sneezing is uncommon."' in e
        for e in errors
    )


def test_a_passage_naming_a_statement_that_does_not_exist_fails(project: Project) -> None:
    project.replace(MAP, "statements: [zv-se-itch, zv-se-sneeze]", "statements: [zv-se-itch, zv-se-sneez]")
    line = project.line_of(MAP, "zv-se-sneez]")
    assert project.errors() == [
        f"{MAP}:{line}: passages[3].statements[2]: there is no statement with the id 'zv-se-sneez'. "
        "Did you mean 'zv-se-sneeze'?"
    ]


def test_a_passage_nothing_carries_and_no_reason_leaves_out_fails(project: Project) -> None:
    project.replace(MAP, "    not_for_this_site: The leaflet's title.\n", "")
    line = project.line_of(MAP, "- id: title")
    assert project.errors() == [
        f"{MAP}:{line}: passages[1]: say which statements carry this passage ('statements'), or why the "
        "site leaves it out ('not_for_this_site'). A sign on the urgent-help card that names this "
        "passage also carries it."
    ]


def test_a_sign_below_the_leaflets_urgency_fails(project: Project) -> None:
    """The leaflet says 'get help right away' for trouble breathing: it cannot sit at 'now'."""
    project.replace(URGENT, "leaflet: [s4-temperature]", "leaflet: [s4-temperature, s4-breathing]")
    line = project.line_of(URGENT, "s4-temperature, s4-breathing]")
    assert project.errors() == [
        f'{URGENT}:{line}: levels[2].signs[1].leaflet[2]: the leaflet says "get help right away" in the '
        "passage 's4-breathing', so this sign belongs at the 'emergency' level, not 'now'. Move it up, "
        "to the 'emergency' level."
    ]


def test_a_sign_naming_a_passage_that_does_not_exist_fails(project: Project) -> None:
    project.replace(URGENT, "leaflet: [s4-temperature]", "leaflet: [s4-temprature]")
    line = project.line_of(URGENT, "s4-temprature")
    errors = project.errors()
    assert (
        f"{URGENT}:{line}: levels[2].signs[1].leaflet[1]: there is no passage with the id 's4-temprature' "
        f"in {MAP}. Did you mean 's4-temperature'?"
    ) in errors
    # ...and so the passage the sign meant is carried by nothing.
    assert f"{MAP}:{project.line_of(MAP, '- id: s4-temperature')}: passages[5]: say which" in errors[0]
    assert len(errors) == 2


def test_a_sign_more_urgent_than_the_leaflet_passes(project: Project) -> None:
    """Stronger than the leaflet is allowed: only a weaker level could leave someone waiting."""
    project.replace(URGENT, "leaflet: [s4-breathing]", "leaflet: [s4-breathing, s4-temperature]")
    load_content(project.root / "content_src", project.root / "docs")


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (LEAFLET, "Store in a fridge.", "Store in a fridge. Do not drive after a dose.", "is in no passage"),
        (LEAFLET, "Sneezing is rare.", "Sneezing is uncommon.", "this text is not in the leaflet"),
        (MAP, "[zv-works-blocks]", "[zv-works-block]", "there is no statement with the id 'zv-works-block'"),
    ],
)
def test_medinfo_check_and_the_build_refuse_the_leaflet_map_problems(
    tmp_path: Path, file: str, old: str, new: str, expected: str
) -> None:
    project = make_fixture_project(tmp_path / "project")
    path = project / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    # The file, the line and the field, then the message: the same line from both.
    line = re.compile(
        rf"^(?:WARNING -  )?({re.escape(MAP)}:\d+: passages\[\d+\]\.\w+(?:\[\d+\])?: .*{expected}.*)$", re.M
    )
    check = medinfo_check(project, FIXTURE_TODAY)
    checked = line.search(check.stderr)
    assert check.returncode == 1 and checked, check.stderr
    site = tmp_path / "site"
    build = mkdocs_build(project / "mkdocs.yml", site, today=FIXTURE_TODAY)
    built = line.search(build.stderr)
    assert build.returncode == 1 and built, build.stderr
    assert built[1] == checked[1]
    assert not site.exists()


def test_the_real_leaflet_is_the_shared_authority_word_for_word() -> None:
    """The project's copy of the EU leaflet is the text the team was given, unchanged."""
    shared = REPO.parent / "shared" / "sources" / "eu-package-leaflet-lemtrada.txt"
    if not shared.is_file():
        pytest.skip("the shared sources folder is not beside this checkout")
    ours = REPO / "content_src" / "leaflet" / "eu-package-leaflet-lemtrada.txt"
    assert ours.read_bytes() == shared.read_bytes()
