"""Debian's Chromium, as the browser checks and the benchmark run it: sandbox-free, offline."""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")  # None when not installed
# Flags for a sandboxed, offline machine: no background calls to Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
