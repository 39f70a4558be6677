"""Preview refresh: from saving a YAML change to the rebuilt page under ``mkdocs serve``.

A copy of the project is served by the real ``mkdocs serve`` on a free
loopback port. Once the first build is up, a section heading in one topic's
YAML is changed and saved, and the page is fetched every 50 ms until the new
heading appears. Every loop has a time limit, and the server is always stopped.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

POLL_S = 0.05


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, needle: str, deadline: float, server: subprocess.Popen[bytes]) -> float | None:
    """Seconds until ``needle`` is on the page at ``url``; None if the deadline passes or the server stops."""
    started = time.perf_counter()
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            return None
        page = _fetch(url)
        if page is not None and needle in page:
            return time.perf_counter() - started
        time.sleep(POLL_S)
    return None


def copy_project(project: Path, target: Path) -> Path:
    """A copy an editor could change: content, hand-written pages and config (hooks stay in the repo)."""
    for name in ("content_src", "docs", "hooks"):
        shutil.copytree(
            project / name, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
        )
    shutil.copy2(project / "mkdocs.yml", target / "mkdocs.yml")
    return target


def refresh_times(
    project: Path, topic: str, heading: str, env: dict[str, str], edits: int = 3, timeout_s: float = 600
) -> dict[str, object]:
    """Serve a copy of ``project``; change ``heading`` in content_src/topics/<topic>.yaml ``edits`` times."""
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as folder:
        copy = copy_project(project, Path(folder) / "project")
        port = _free_port()
        url = f"http://127.0.0.1:{port}/topics/{topic}/"
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(copy / "mkdocs.yml"),
        ]
        log = tempfile.TemporaryFile()  # noqa: SIM115 - closed below
        server = subprocess.Popen(
            command, env=env, cwd=copy, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            first = _wait_for(url, heading, time.perf_counter() + timeout_s, server)
            if first is None:
                log.seek(0)
                raise RuntimeError(
                    "mkdocs serve did not start:\n" + log.read().decode(errors="replace")[-3000:]
                )
            time.sleep(1.0)  # let the watcher settle after the first build
            path = copy / "content_src" / "topics" / f"{topic}.yaml"
            times = []
            current = heading
            for number in range(1, edits + 1):
                new = f"{heading} take {number}"
                text = path.read_text(encoding="utf-8")
                assert f"heading: {current}" in text, f"'heading: {current}' is not in {path.name}"
                saved = time.perf_counter()
                path.write_text(text.replace(f"heading: {current}", f"heading: {new}", 1), encoding="utf-8")
                waited = _wait_for(url, new, saved + timeout_s, server)
                if waited is None:
                    log.seek(0)
                    raise RuntimeError(
                        "the change never appeared:\n" + log.read().decode(errors="replace")[-3000:]
                    )
                times.append(time.perf_counter() - saved)
                current = new
                time.sleep(1.0)  # let the live-reload server finish before the next save
            return {"first_build_s": first, "refresh_s": times}
        finally:
            try:
                os.killpg(server.pid, signal.SIGINT)  # mkdocs serve stops cleanly on Ctrl-C
                server.wait(timeout=20)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                server.kill()
                server.wait(timeout=20)
            log.close()
