"""The code stays tidy: ruff's rules and strict mypy on the core, as CI runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)


def test_ruff() -> None:
    result = run(str(BIN / "ruff"), "check", "hooks", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_core_and_the_hooks() -> None:
    hooks = sorted(str(path.relative_to(REPO)) for path in (REPO / "hooks").glob("*.py"))
    result = run(str(BIN / "mypy"), "src/medinfo", *hooks)
    assert result.returncode == 0, result.stdout + result.stderr
