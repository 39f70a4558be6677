"""Run ``mkdocs build`` with a stopwatch on every hook event: where does a build's time go?

    python bench/hooktimes.py [mkdocs build options...]

Prints one JSON object to stdout: the build's wall time, the seconds spent in
each (hook file, event) pair, and the time spent importing the hook files.
The build itself runs unchanged (same command line as ``mkdocs build``).
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from mkdocs import plugins
from mkdocs.__main__ import cli

_spent: dict[str, float] = defaultdict(float)


def _timed_run_event(self: plugins.PluginCollection, name: str, item: Any = None, **kwargs: Any) -> Any:
    pass_item = item is not None
    for method in self.events[name]:
        origin = self._event_origins.get(method, "<unknown>")
        self._current_plugin = origin
        started = time.perf_counter()
        result = method(item, **kwargs) if pass_item else method(**kwargs)
        _spent[f"{Path(origin).name}:{name}"] += time.perf_counter() - started
        if result is not None:
            item = result
    self._current_plugin = None
    return item


def main(argv: list[str]) -> int:
    plugins.PluginCollection.run_event = _timed_run_event  # type: ignore[method-assign]
    started = time.perf_counter()
    status = 0
    try:
        cli.main(args=["build", *argv], standalone_mode=False)
    except SystemExit as stop:
        status = int(stop.code or 0)
    except Exception as error:  # the build failed: say so, with the figures so far
        print(f"build failed: {error}", file=sys.stderr)
        status = 1
    total = time.perf_counter() - started
    events = dict(sorted(_spent.items(), key=lambda kv: -kv[1]))
    print(json.dumps({"status": status, "build_s": total, "events_s": events}))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
