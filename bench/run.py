"""Performance benchmark: build overhead of the hooks, scaling, page weight, link check, preview refresh.

    python bench/run.py            # the full run (about a quarter of an hour on a 2-core machine)
    python bench/run.py --quick    # every figure, on smaller inputs and one run each (under 2 minutes)

Prints a table and writes bench/results.json. Every figure is measured in the
same run as its baseline; nothing here is a pass/fail test. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Run as a script, bench/ is first on sys.path: its sibling modules import by their names.
import measure
import synth

from medinfo.content_dates import newest_review_date

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent

PYTHON = sys.executable
# Issue 23, "Fast on a cheap phone and for editors".
TARGETS: dict[str, tuple[str, float]] = {
    "hooks_overhead_ratio": ("<=", 5),  # cold: every PDF made, over plain MkDocs of the same pages
    "build_ratio_1000": ("<=", 1.5),  # build_s_1000 over build_s_1000_plain (pages only)
    "peak_rss_mb_1000": ("<", 300),
    "first_load_kb_gzip_max": ("<=", 80),
    "first_load_requests_max": ("<=", 10),
    "linkcheck_s": ("<=", 10),
    "preview_refresh_s": ("<=", 1.5),
    "lcp_s_max": ("<=", 2.5),  # Lighthouse mobile, the slowest kind of page
}
# Each kind of page a reader can land on, as a path inside the built site.
PAGE_KINDS = {
    "home": "",
    "topic": "topics/side-effects/",
    "faq": "faq/",
    "glossary": "glossary/",
    "sources": "sources/",
    "handouts": "handouts/",
    "calendar": "my-test-calendar/",
    "urgent": "urgent-help/",
    "tracker": "monitoring-tracker/",
    "404": "404.html",
}
PREVIEW_TOPIC, PREVIEW_HEADING = "monitoring", "Why you need tests"


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def environment(today: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MEDINFO_TODAY": today}
    env.pop("MEDINFO_ALLOW_OVERDUE", None)
    return env


def machine() -> dict[str, Any]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    memory = Path("/proc/meminfo").read_text().split("\n", 1)[0] if Path("/proc/meminfo").is_file() else ""
    kib = re.search(r"(\d+)", memory)
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "weasyprint", "textstat", "LinkChecker", "playwright"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:
            versions[package] = "not installed"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(int(kib.group(1)) / 1024 / 1024, 1) if kib else None,
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": versions,
        "commit": commit.stdout.strip() or None,
    }


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def build(config: Path, site: Path, env: dict[str, str], instrumented: bool = True) -> dict[str, Any]:
    """A strict build in a fresh process: wall and CPU time, peak memory, and the time in each hook event."""
    shutil.rmtree(site, ignore_errors=True)
    runner = [str(BENCH / "hooktimes.py")] if instrumented else ["-m", "mkdocs", "build"]
    command = [PYTHON, *runner, "--strict", "-q", "-f", str(config), "-d", str(site)]
    result = measure.run(command, env, cwd=config.parent)
    if result.returncode != 0:
        raise RuntimeError(f"build of {config} failed:\n{result.output[-4000:]}")
    figures: dict[str, Any] = {
        "wall_s": result.wall_s,
        "cpu_s": result.cpu_s,
        "peak_rss_mb": result.peak_rss_mb,
    }
    if instrumented:
        line = [x for x in result.output.splitlines() if x.startswith('{"status"')][-1]
        figures["events_s"] = json.loads(line)["events_s"]
    return figures


def median(runs: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(run[key] for run in runs))


def median_events(runs: list[dict[str, Any]]) -> dict[str, float]:
    names = {name for run in runs for name in run.get("events_s", {})}
    events = {name: statistics.median(run["events_s"].get(name, 0.0) for run in runs) for name in names}
    return {
        name: round(seconds, 3)
        for name, seconds in sorted(events.items(), key=lambda kv: -kv[1])
        if seconds >= 0.01
    }


def pdf_seconds(events: dict[str, float]) -> float:
    """The PDF step's time: the hooks make the PDFs on MkDocs' ``env`` event (once every page is
    rendered), in whichever hook file handles it (handouts.py before, site_events.py now)."""
    return sum(seconds for name, seconds in events.items() if name.endswith(":env"))


def overhead(project: Path, work: Path, env: dict[str, str], runs: int, results: dict[str, Any]) -> Path:
    """The real site with its hooks against the same pages as plain MkDocs, interleaved; returns its site.

    With hooks, two ways: "cold", every PDF made (as CI does from a fresh clone), and "warm",
    the PDFs reused from the build before (an editor's next build, or CI with its cache kept).
    """
    import plainsite

    plain_config = plainsite.make_plain_project(project, work / "plain")
    cold_env = {**env, "MEDINFO_PDF_CACHE": "off", "MEDINFO_MAKE_PDFS": "1"}
    warm_env = {**env, "MEDINFO_PDF_CACHE": str(work / "pdf-store"), "MEDINFO_MAKE_PDFS": "1"}
    say("overhead: a first build that keeps its PDFs (not timed)")
    build(project / "mkdocs.yml", work / "site", warm_env)
    cold_runs, warm_runs, plain_runs = [], [], []
    for number in range(1, runs + 1):
        say(f"overhead run {number}/{runs}: real site with hooks, every PDF made")
        cold_runs.append(build(project / "mkdocs.yml", work / "site", cold_env))
        say(f"overhead run {number}/{runs}: real site with hooks, PDFs kept from the build before")
        warm_runs.append(build(project / "mkdocs.yml", work / "site", warm_env))
        say(f"overhead run {number}/{runs}: same pages, plain MkDocs")
        plain_runs.append(build(plain_config, work / "plain-site", env, instrumented=False))
    cold_s, warm_s, plain_s = (median(r, "wall_s") for r in (cold_runs, warm_runs, plain_runs))
    events = median_events(cold_runs)
    pdf_s = pdf_seconds(events)
    results.update(
        {
            "hooks_overhead_ratio": cold_s / plain_s,
            "hooks_build_s": cold_s,
            "plain_build_s": plain_s,
            "hooks_overhead_ratio_cpu": median(cold_runs, "cpu_s") / median(plain_runs, "cpu_s"),
            "pdf_s": pdf_s,
            "hooks_overhead_ratio_without_pdfs": (cold_s - pdf_s) / plain_s,
            "hooks_overhead_ratio_warm": warm_s / plain_s,
            "hooks_build_s_warm": warm_s,
            "hooks_events_s": events,
            "hooks_events_s_warm": median_events(warm_runs),
            "overhead_runs": {"cold": cold_runs, "warm": warm_runs, "plain": plain_runs},
        }
    )
    return work / "site"


def scale(
    project: Path,
    work: Path,
    sizes: list[tuple[str, int, int]],
    runs: int,
    results: dict[str, Any],
    save: Callable[[], None],
) -> None:
    """Strict builds of synthetic projects: (key suffix, medicines, topics per medicine).

    The pages only (MEDINFO_MAKE_PDFS=0): a PDF costs about half a second of layout, so
    1,000 handouts would be minutes on their own. Each size is also built as plain MkDocs
    (the same pages, no hooks), interleaved, median of ``runs``: what the theme costs at
    that size. The smaller project is built once more with every PDF made
    (``build_s_100_with_pdfs``), which gives the cost per handout.
    """
    import plainsite

    pages_env = {**environment(synth.TODAY), "MEDINFO_MAKE_PDFS": "0", "MEDINFO_PDF_CACHE": "off"}
    pdfs_env = {**pages_env, "MEDINFO_MAKE_PDFS": "1"}
    details = {}
    jobs = [(suffix, medicines, topics, pages_env, runs) for suffix, medicines, topics in sizes]
    small = sizes[0]
    jobs.append((f"{small[0]}_with_pdfs", small[1], small[2], pdfs_env, 1))
    for suffix, medicines, topics, env, times in jobs:
        synthetic = synth.make_project(work / f"synthetic-{suffix}", medicines, topics, code=project)
        with_pdfs = env is pdfs_env
        plain_config = (
            None if with_pdfs else plainsite.make_plain_project(synthetic, work / f"plain-{suffix}")
        )
        hooks_runs, plain_runs = [], []
        for number in range(1, times + 1):
            what = "with every PDF" if with_pdfs else "pages only"
            say(f"scale {number}/{times}: {medicines} medicines x {topics} topics, {what}")
            hooks_runs.append(build(synthetic / "mkdocs.yml", synthetic / "site", env))
            if plain_config:
                say(f"scale {number}/{times}: the same pages as plain MkDocs, no hooks")
                plain_runs.append(
                    build(plain_config, work / f"plain-{suffix}" / "site", env, instrumented=False)
                )
        site = synthetic / "site"
        index = site / "search" / "search_index.json"
        details[suffix] = {
            "medicines": medicines,
            "topics_per_medicine": topics,
            "topic_pages": medicines * topics,
            "html_pages": len(list(site.rglob("*.html"))),
            "pdfs": len(list(site.rglob("*.pdf"))),
            "build_s": median(hooks_runs, "wall_s"),
            "build_runs_s": [run["wall_s"] for run in hooks_runs],
            "cpu_s": median(hooks_runs, "cpu_s"),
            "peak_rss_mb": max(run["peak_rss_mb"] for run in hooks_runs),
            "pdf_s": pdf_seconds(median_events(hooks_runs)),
            "search_index_kb_gzip": len(gzip.compress(index.read_bytes(), 6, mtime=0)) / 1024,
            "events_s": median_events(hooks_runs),
        }
        results[f"build_s_{suffix}"] = details[suffix]["build_s"]
        results[f"peak_rss_mb_{suffix}"] = details[suffix]["peak_rss_mb"]
        if plain_runs:
            details[suffix]["plain_build_s"] = median(plain_runs, "wall_s")
            details[suffix]["plain_build_runs_s"] = [run["wall_s"] for run in plain_runs]
            results[f"build_s_{suffix}_plain"] = details[suffix]["plain_build_s"]
            shutil.rmtree(work / f"plain-{suffix}", ignore_errors=True)
        results["scale"] = details
        save()
        shutil.rmtree(synthetic, ignore_errors=True)
    small_key, large_key = sizes[0][0], sizes[1][0]
    ratio = results[f"build_s_{large_key}"] / results[f"build_s_{small_key}"]
    results[f"scale_ratio_{large_key}_{small_key}"] = ratio
    results[f"build_ratio_{large_key}"] = (
        results[f"build_s_{large_key}"] / results[f"build_s_{large_key}_plain"]
    )
    plain_ratio = results[f"build_s_{large_key}_plain"] / results[f"build_s_{small_key}_plain"]
    results[f"scale_ratio_{large_key}_{small_key}_plain"] = plain_ratio
    with_pdfs_key = f"{small_key}_with_pdfs"
    if details[with_pdfs_key]["pdfs"]:
        results["pdf_s_each"] = details[with_pdfs_key]["pdf_s"] / details[with_pdfs_key]["pdfs"]


def weight(site: Path, results: dict[str, Any]) -> None:
    import weight as page_weight

    from medinfo.browser import CHROMIUM

    if CHROMIUM is None:
        say("page weight: skipped, Chromium is not installed (apt-get install chromium)")
        results["first_load_note"] = "not measured: Chromium is not installed"
        return
    say("page weight: loading each kind of page in Chromium")
    pages = page_weight.first_loads(site, PAGE_KINDS)
    worst = max(pages.values(), key=lambda p: p["kb_gzip"])
    results["first_load_kb_gzip_max"] = worst["kb_gzip"]
    results["first_load_requests_max"] = max(p["requests"] for p in pages.values())
    results["first_load_worst_page"] = worst["path"] or "/"
    results["search_kb_gzip_max"] = max(p["search_kb_gzip"] for p in pages.values())
    results["search_index_loaded_on_visit"] = any(p["search_index_loaded_on_visit"] for p in pages.values())
    results["first_load"] = pages


def lighthouse(site: Path, results: dict[str, Any]) -> None:
    import lighthouse as page_paint

    from medinfo.browser import CHROMIUM

    command = page_paint.lighthouse_command()
    if CHROMIUM is None or command is None:
        missing = "Chromium (apt-get install chromium)" if CHROMIUM is None else "Lighthouse"
        say(f"lighthouse: skipped, {missing} is not installed (see bench/lighthouse.py)")
        results["lcp_note"] = f"not measured: {missing} is not installed"
        return
    say("lighthouse: each kind of page, mobile, served with gzip")
    pages = page_paint.lighthouse(site, PAGE_KINDS, command)
    slowest = max(pages.values(), key=lambda p: p["lcp_s"])
    results["lcp_s_max"] = slowest["lcp_s"]
    results["lcp_slowest_page"] = slowest["path"] or "/"
    results["lighthouse_performance_min"] = min(p["performance"] for p in pages.values())
    results["lighthouse"] = pages


def linkcheck(site: Path, results: dict[str, Any]) -> None:
    from medinfo.site.localserver import serve
    from medinfo.site.publish import run_linkchecker

    say("link check: LinkChecker over the real site on the loopback interface, as medinfo publish runs it")
    with serve(site) as url:
        started = time.perf_counter()
        done = run_linkchecker(url, timeout=900)
        results["linkcheck_s"] = time.perf_counter() - started
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", done.stdout)
    results["linkcheck_urls"] = int(checked.group(2)) if checked else None
    if done.returncode != 0:
        raise RuntimeError("LinkChecker found problems:\n" + done.stdout[-3000:])


def preview(project: Path, env: dict[str, str], edits: int, results: dict[str, Any]) -> None:
    import preview as preview_refresh

    say(f"preview: mkdocs serve, then {edits} YAML edit(s)")
    figures = preview_refresh.refresh_times(project, PREVIEW_TOPIC, PREVIEW_HEADING, env, edits=edits)
    results["preview_refresh_s"] = statistics.median(figures["refresh_s"])  # type: ignore[arg-type]
    results["preview_refresh_runs_s"] = figures["refresh_s"]
    results["preview_first_build_s"] = figures["first_build_s"]


def meets(value: float, op: str, limit: float) -> bool:
    return value < limit if op == "<" else value <= limit


def table(results: dict[str, Any]) -> str:
    rows = [("figure", "value", "target", "met")]
    for key, (op, limit) in TARGETS.items():
        value = results.get(key)
        met = "-" if value is None else ("yes" if meets(value, op, limit) else "NO")
        rows.append((key, "-" if value is None else f"{value:.2f}", f"{op} {limit:g}", met))
    extras = [
        "build_s_1000",
        "scale_ratio_1000_100",
        "build_s_100",
        "build_s_100_plain",
        "build_s_1000_plain",
        "scale_ratio_1000_100_plain",
        "build_s_100_with_pdfs",
        "pdf_s_each",
        "hooks_build_s",
        "plain_build_s",
        "pdf_s",
        "hooks_overhead_ratio_without_pdfs",
        "hooks_overhead_ratio_warm",
        "hooks_build_s_warm",
        "hooks_overhead_ratio_cpu",
        "peak_rss_mb_100",
        "preview_first_build_s",
        "search_kb_gzip_max",
    ]
    for key in extras:
        if key in results:
            rows.append((key, f"{results[key]:.2f}", "", ""))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    scale_info = results.get("scale", {})
    for suffix, info in scale_info.items():
        lines.append(
            f"scale {suffix}: {info['medicines']} x {info['topics_per_medicine']} topics = "
            f"{info['html_pages']} HTML pages + {info['pdfs']} PDFs; {info['build_s']:.1f} s "
            f"(PDFs {info['pdf_s']:.1f} s), {info['cpu_s']:.1f} s CPU, {info['peak_rss_mb']:.0f} MB, "
            f"search index {info['search_index_kb_gzip']:.1f} KB gzip"
        )
    lines.append(
        f"load average (1, 5, 15 min): before {results['load_before']}, after {results['load_after']}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="one run each, smaller synthetic sites (a couple of minutes)"
    )
    parser.add_argument(
        "--runs", type=int, help="builds of each kind for the overhead ratio (default 5, quick 1)"
    )
    parser.add_argument("--out", type=Path, default=BENCH / "results.json", help="where to write the figures")
    parser.add_argument(
        "--project",
        type=Path,
        default=REPO,
        help="the checkout to measure (mkdocs.yml, content_src/, docs/, hooks/): default this one; "
        "give an older checkout to compare before and after a change",
    )
    parser.add_argument(
        "--only",
        default="overhead,weight,lighthouse,linkcheck,preview,scale",
        help="comma-separated steps to run (default: all)",
    )
    parser.add_argument("--table", type=Path, help="only print the table of an earlier results.json")
    parser.add_argument(
        "--update",
        action="store_true",
        help="keep the figures already in --out and replace only those of the steps run now (with --only)",
    )
    args = parser.parse_args(argv)
    if args.table:
        print(table(json.loads(args.table.read_text(encoding="utf-8"))))
        return 0
    steps = set(args.only.split(","))
    runs = args.runs or (1 if args.quick else 5)
    # Quick: 1 x 1 and 1 x 10 topics (the same 10-fold step as the full run's 10 x 10 and 100 x 10).
    sizes = [("100", 1, 1), ("1000", 1, 10)] if args.quick else [("100", 10, 10), ("1000", 100, 10)]
    project = args.project.resolve()
    today = newest_review_date(project / "content_src", project / "docs").isoformat()
    env = environment(today)
    results: dict[str, Any] = {
        "command": " ".join(["python", "bench/run.py", *(argv if argv is not None else sys.argv[1:])]),
        "mode": "quick" if args.quick else "full",
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "project": str(project),
        "today": today,
        "machine": machine(),
        "load_before": load(),
    }
    if args.update and args.out.is_file():
        earlier = json.loads(args.out.read_text(encoding="utf-8"))
        results = {**earlier, "updated": {**earlier.get("updated", {}), args.only: results}}
    if args.quick:
        results["note"] = (
            "quick run: build_s_100 and build_s_1000 are 1 x 1 and 1 x 10 topics, not 10 x 10 and 100 x 10; "
            "one run of each build. Use the full run for the figures in bench/README.md."
        )
    started = time.perf_counter()

    def save() -> None:  # after every step, so an interrupted run keeps what it measured
        results["load_after"] = load()
        results["benchmark_s"] = time.perf_counter() - started
        results["targets"] = {
            key: {"target": f"{op} {limit:g}", "met": meets(results[key], op, limit)}
            for key, (op, limit) in TARGETS.items()
            if key in results
        }
        args.out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="medinfo-bench-") as folder:
        work = Path(folder)
        site: Path | None = None
        if steps & {"overhead", "weight", "lighthouse", "linkcheck"}:
            site = overhead(project, work, env, runs if "overhead" in steps else 1, results)
            save()
        steps_run: dict[str, Callable[[], None]] = {  # the longest, the scaling builds, last
            "weight": lambda: weight(site, results),  # type: ignore[arg-type]
            "lighthouse": lambda: lighthouse(site, results),  # type: ignore[arg-type]
            "linkcheck": lambda: linkcheck(site, results),  # type: ignore[arg-type]
            "preview": lambda: preview(project, env, 1 if args.quick else 3, results),
            "scale": lambda: scale(project, work, sizes, 1 if args.quick else 3, results, save),
        }
        for name, step in steps_run.items():
            if name in steps:
                step()
                results["load_during_" + name] = load()
                save()
    save()
    print(table(results))
    print(f"\nWritten to {args.out} in {results['benchmark_s']:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
