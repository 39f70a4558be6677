"""The benchmark (bench/run.py) still starts, and its synthetic medicines pass the content checks.

No timing is asserted here: speed is measured by `python bench/run.py`, side by
side with its baseline, and written down in bench/README.md.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from medinfo.content.loader import load_content

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import synth  # noqa: E402


def test_every_benchmark_module_imports() -> None:
    """A renamed or moved name in the core must not break the benchmark unnoticed."""
    for name in ("plainsite", "synth", "weight"):
        __import__(name)


def test_benchmark_help_lists_the_quick_run() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "--quick" in result.stdout


def test_synthetic_content_passes_the_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDINFO_TODAY", synth.TODAY)
    project = synth.make_project(tmp_path / "project", medicines=3, topics_per_medicine=10)
    content, report = load_content(project / "content_src", project / "docs")
    assert len(content.topics) == 30
    assert len({entry.topic.order for entry in content.topics}) == 30
    assert not report.problems, [str(p) for p in report.problems]
