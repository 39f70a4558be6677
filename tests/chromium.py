"""Debian's Chromium, as the browser checks and the benchmark run it: sandbox-free, offline.

The settings live in the package (``medinfo.browser``), where the benchmark finds them too.
"""

from __future__ import annotations

from medinfo.browser import CHROMIUM, CHROMIUM_ARGS

# For tests that watch what a page asks for: any host but the local server fails to resolve, so
# a page that reaches out is still seen (the request is recorded) but nothing leaves the machine.
OFFLINE_ARGS = [*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "OFFLINE_ARGS"]
