"""``medinfo sources``: watch the cited sources for changes, and accept them once reread.

medinfo sources watch [--report FILE] [--json] [--leaflet FILE_OR_URL]
    exit 0: nothing changed (an unreachable source is only reported),
    1: a source changed, moved or was never accepted (or the given leaflet differs from the
    passages), 2: cannot run.
medinfo sources accept ID... | --all
    fetch each source again and record its main text as accepted; exit 1 if one could not be.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medinfo import clock
from medinfo.content.names import CONTENT_FOLDER
from medinfo.problems import did_you_mean
from medinfo.sources.content import Watched, WatchError, load_watched
from medinfo.sources.fetch import DEFAULT_MAX_MB, DEFAULT_TIMEOUT, Fetched, Fetcher
from medinfo.sources.leaflet_watch import LeafletComparison, compare_leaflet
from medinfo.sources.report import WatchReport, json_report, markdown_report, text_report
from medinfo.sources.text import TextError, decode, main_text, pdf_text
from medinfo.sources.watch import accept_sources, watch_sources


def add_sources_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sources = commands.add_parser(
        "sources", help="watch the sources for changes (medinfo sources watch), accept them once reread"
    )
    actions = sources.add_subparsers(dest="sources_command", required=True)
    watch = actions.add_parser(
        "watch",
        help="fetch every source and report what changed since it was accepted",
        description=(
            "Fetch every source's address and compare its main text with the accepted one. Exit status 0 "
            "if nothing changed, 1 if a source changed or moved, 2 if the watch could not run."
        ),
    )
    watch.add_argument("--report", type=Path, metavar="FILE", help="also write the report as Markdown")
    watch.add_argument("--json", action="store_true", help="print the report as JSON")
    watch.add_argument(
        "--leaflet",
        metavar="FILE_OR_URL",
        help="a new package leaflet's text (a .txt or .pdf file, or an address): compare it passage "
        "by passage with content_src/leaflet-map.yaml",
    )
    accept = actions.add_parser(
        "accept", help="record each source's text as it is now as reread and accepted"
    )
    accept.add_argument("ids", nargs="*", metavar="ID", help="the sources' ids in sources.yaml")
    accept.add_argument("--all", action="store_true", help="accept every source")
    for action in (watch, accept):
        action.add_argument("--content", type=Path, default=Path(CONTENT_FOLDER), help="facts folder")
        action.add_argument(
            "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds to wait for an answer"
        )
        action.add_argument(
            "--max-mb", type=float, default=DEFAULT_MAX_MB, help="refuse answers larger than this"
        )


def run_sources_command(args: argparse.Namespace) -> int:
    try:
        if args.timeout <= 0 or args.max_mb <= 0:
            raise WatchError("--timeout and --max-mb must be more than 0")
        watched = load_watched(args.content)
        fetch = Fetcher(args.timeout, args.max_mb)
        if args.sources_command == "accept":
            return _accept(watched, args.ids, args.all, fetch)
        return _watch(watched, fetch, args.report, args.json, args.leaflet)
    except (WatchError, ValueError, OSError) as error:  # ValueError: MEDINFO_TODAY is not a date
        print(f"medinfo sources: {error}", file=sys.stderr)
        return 2


def _watch(
    watched: Watched, fetch: Fetcher, report_file: Path | None, as_json: bool, leaflet: str | None
) -> int:
    new_leaflet = _leaflet_comparison(watched, leaflet, fetch) if leaflet else None
    today = clock.today()
    results = watch_sources(watched, fetch, today)
    source_id = watched.leaflet_map.source if watched.leaflet_map else None
    report = WatchReport(today, results, source_id, new_leaflet)
    print(json_report(report) if as_json else text_report(report))
    if report_file:
        report_file.write_text(markdown_report(report), encoding="utf-8")
    return 1 if report.differs else 0


def _accept(watched: Watched, ids: list[str], every: bool, fetch: Fetcher) -> int:
    if every == bool(ids):
        raise WatchError("give the ids of the sources to accept, or --all (not both)")
    unknown = [i for i in ids if i not in watched.sources]
    if unknown:
        hint = did_you_mean(unknown[0], watched.sources)
        raise WatchError(
            f"there is no source with the id '{unknown[0]}' in sources.yaml.{hint} Nothing was accepted."
        )
    done = accept_sources(watched, list(watched.sources) if every else ids, fetch, clock.today())
    for item in done:
        print(item.message, file=sys.stdout if item.ok else sys.stderr)
    return 0 if all(item.ok for item in done) else 1


def _leaflet_comparison(watched: Watched, where: str, fetch: Fetcher) -> LeafletComparison:
    if watched.leaflet_map is None:
        raise WatchError("there is no content_src/leaflet-map.yaml to compare the leaflet with")
    return compare_leaflet(watched.leaflet_map, _leaflet_text(where, fetch), where, watched.signs)


def _leaflet_text(where: str, fetch: Fetcher) -> str:
    """The new leaflet's text, from an address or a file; WatchError if it cannot be had."""
    try:
        if where.startswith(("http://", "https://")):
            outcome = fetch(where)
            if not isinstance(outcome, Fetched):
                reason = getattr(outcome, "reason", None) or f"it moves to {getattr(outcome, 'to', '?')}"
                raise WatchError(f"cannot read the leaflet at {where}: {reason}")
            return main_text(outcome)
        path = Path(where)
        if not path.is_file():
            raise WatchError(f"there is no leaflet file {where}")
        body = path.read_bytes()
        return pdf_text(body) if body.startswith(b"%PDF-") else decode(body, None)
    except TextError as error:
        raise WatchError(f"cannot read the leaflet {where}: {error}") from None
