"""Where Chromium is and how to start it headless: Debian's Chromium, sandbox-free and offline.

The browser tests (tests/) and the benchmark's page weight (bench/weight.py)
start it the same way, with Playwright: ``playwright.chromium.launch(
executable_path=CHROMIUM, args=CHROMIUM_ARGS)``. Playwright itself is a test
and benchmark tool, not a dependency of the package, so it is not imported here.
"""

from __future__ import annotations

import shutil
from typing import Final

# The browser's program, or None when Chromium is not installed (apt-get install chromium).
CHROMIUM: Final[str | None] = shutil.which("chromium") or shutil.which("chromium-browser")
# Flags for a sandboxed, offline machine: no background calls to Google's services.
CHROMIUM_ARGS: Final[list[str]] = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
