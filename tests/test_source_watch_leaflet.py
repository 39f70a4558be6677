"""medinfo sources watch --leaflet: a new package leaflet compared passage by passage with
leaflet-map.yaml, naming the statements to reread. Offline: files, and the loopback server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE, FIXTURE_TODAY, Project
from loopback_sources import Answer, publisher

from medinfo.cli import main
from medinfo.content.schema import LeafletMap
from medinfo.sources.leaflet_watch import PassageStatus, compare_leaflet

LEAFLET = FIXTURE / "content_src" / "leaflet" / "zelvora-leaflet.txt"


def leaflet_map() -> LeafletMap:
    data = yaml.safe_load((FIXTURE / "content_src" / "leaflet-map.yaml").read_text(encoding="utf-8"))
    return LeafletMap.model_validate(data)


def new_leaflet() -> str:
    """The leaflet with one passage reworded (s4-common), one taken out (s1-what) and a line added."""
    text = LEAFLET.read_text(encoding="utf-8")
    for old, new in [
        ("Sneezing is rare.", "Sneezing is uncommon."),
        ("1. What Zelvora is\nZelvora blocks the test fever signal.\n", ""),
        ("5. How to store", "Do not drive on the day of your drip.\n\n5. How to store"),
    ]:
        assert old in text
        text = text.replace(old, new)
    return text


def test_each_passage_is_found_unchanged_changed_or_gone() -> None:
    result = compare_leaflet(
        leaflet_map(), new_leaflet(), "new.txt", {"s4-breathing": ["emergency: Trouble breathing"]}
    )
    statuses = {p.id: p.status for p in result.passages}
    assert statuses == {
        "title": PassageStatus.UNCHANGED,
        "s1-what": PassageStatus.GONE,
        "s4-common": PassageStatus.CHANGED,
        "s4-breathing": PassageStatus.UNCHANGED,
        "s4-temperature": PassageStatus.UNCHANGED,
        "s5-storage": PassageStatus.UNCHANGED,
    }
    changed = next(p for p in result.passages if p.id == "s4-common")
    assert changed.new_text.endswith("Itchy skin is very common. Sneezing is uncommon.")
    assert "-Sneezing is rare." in changed.diff and "+Sneezing is uncommon." in changed.diff
    assert changed.statements == ("zv-se-itch", "zv-se-sneeze")
    assert result.new_text == ["Do not drive on the day of your drip."]
    assert [p.id for p in result.to_reread] == ["s1-what", "s4-common"]


def test_the_same_leaflet_differs_in_nothing() -> None:
    same = compare_leaflet(
        leaflet_map(), LEAFLET.read_text(encoding="utf-8").replace("\n", "  \n"), "same.txt"
    )
    assert not same.differs and all(p.status is PassageStatus.UNCHANGED for p in same.passages)


def test_a_passage_rewritten_beyond_recognition_is_gone_and_its_words_are_new_text() -> None:
    text = LEAFLET.read_text(encoding="utf-8").replace(
        "Call your doctor immediately if you have a very high temperature.",
        "Fevers above 40 degrees need a phone call to the clinic at once.",
    )
    result = compare_leaflet(
        leaflet_map(), text, "new.txt", {"s4-temperature": ["now: A very high temperature"]}
    )
    gone = next(p for p in result.passages if p.id == "s4-temperature")
    assert gone.status is PassageStatus.GONE and gone.signs == ("now: A very high temperature",)
    assert result.new_text == ["Fevers above 40 degrees need a phone call to the clinic at once."]


def medinfo(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MEDINFO_TODAY": FIXTURE_TODAY}
    return subprocess.run(
        [sys.executable, "-m", "medinfo", "sources", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_command_names_the_statements_to_reread(project: Project, tmp_path: Path) -> None:
    with publisher() as server:
        project.replace("content_src/sources.yaml", "https://example.org/zelvora/label", server.url("/label"))
        project.replace("content_src/sources.yaml", "https://example.org/zest", server.url("/zest"))
        server.answers["/leaflet.txt"] = Answer(new_leaflet().encode("utf-8"), content_type="text/plain")
        new_file = tmp_path / "new-leaflet.txt"
        new_file.write_text(new_leaflet(), encoding="utf-8")
        report = tmp_path / "report.md"
        for where in (str(new_file), server.url("/leaflet.txt")):
            result = medinfo(project.root, "watch", "--leaflet", where, "--report", str(report))
            assert result.returncode == 1, result.stdout + result.stderr
            out = result.stdout
            assert "passage s1-what (section 1): gone; reread: zv-works-blocks" in out
            assert "passage s4-common (section 4): changed; reread: zv-se-itch, zv-se-sneeze" in out
            assert "    +Sneezing is uncommon." in out
            assert 'new text in no passage: "Do not drive on the day of your drip."' in out
            assert "4 of 6 passage(s) found unchanged." in out
            markdown = report.read_text(encoding="utf-8")
            assert "- **s4-common** (section 4): changed; reread: zv-se-itch, zv-se-sneeze" in markdown


def test_the_unchanged_leaflet_passes(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.replace(
        "content_src/sources.yaml", "https://example.org/zelvora/label", "http://127.0.0.1:9/label"
    )
    project.replace("content_src/sources.yaml", "https://example.org/zest", "http://127.0.0.1:9/zest")
    status = main(
        ["sources", "watch", "--content", str(project.path("content_src")), "--leaflet", str(LEAFLET)]
    )
    out = capsys.readouterr().out
    assert status == 0, out
    assert "6 of 6 passage(s) found unchanged." in out and "zv-label: unreachable" in out


def test_a_leaflet_that_cannot_be_read_stops_the_watch(project: Project) -> None:
    result = medinfo(project.root, "watch", "--leaflet", "no-such-leaflet.txt")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "medinfo sources: there is no leaflet file no-such-leaflet.txt\n"
