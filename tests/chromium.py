"""Debian's Chromium, as the browser checks and the benchmark run it: sandbox-free, offline.

The settings live in the package (``medinfo.browser``), where the benchmark finds them too.
"""

from __future__ import annotations

from medinfo.browser import CHROMIUM, CHROMIUM_ARGS

__all__ = ["CHROMIUM", "CHROMIUM_ARGS"]
