"""Run a command and measure it: wall time, CPU time, and the peak memory of its whole process tree."""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") / 1024


@dataclass
class Measured:
    returncode: int
    wall_s: float
    cpu_s: float  # user + system time of the command and everything it waited for
    peak_rss_mb: float  # the largest total resident memory of the command and its children at once
    output: str


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        with contextlib.suppress(OSError):  # the process has just ended
            for task in Path(f"/proc/{current}/task").glob("*/children"):
                todo.extend(int(child) for child in task.read_text().split())
    return found


def _rss_kb(pid: int) -> float:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0.0


def run(command: list[str], env: dict[str, str], cwd: Path | None = None, timeout: float = 3600) -> Measured:
    """Run ``command``; its output (stdout and stderr together) is kept for error messages."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed below
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    peak_kb = 0.0
    stop = threading.Event()

    def poll() -> None:  # the tree's total, sampled: catches worker processes running side by side
        nonlocal peak_kb
        while not stop.wait(0.05):
            peak_kb = max(peak_kb, sum(_rss_kb(pid) for pid in _tree(process.pid)))

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    deadline = started + timeout
    status, usage = 0, None
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.02)
    wall = time.perf_counter() - started
    stop.set()
    poller.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    log.seek(0)
    output = log.read().decode("utf-8", errors="replace")
    log.close()
    # ru_maxrss (KiB on Linux) is the largest single process; the sampled total can only be larger.
    peak = max(peak_kb, float(usage.ru_maxrss)) / 1024
    return Measured(process.returncode, wall, usage.ru_utime + usage.ru_stime, peak, output)
