"""Command line for editors and CI: check the content without building the site.

medinfo check            # or: python -m medinfo check
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .content import load_content
from .problems import ContentError


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="medinfo", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check every content file and hand-written page")
    check.add_argument("--content", type=Path, default=Path("content_src"), help="facts folder")
    check.add_argument("--docs", type=Path, default=Path("docs"), help="hand-written pages folder")
    args = parser.parse_args(argv)
    return run_check(args.content, args.docs)


def run_check(content_dir: Path, docs_dir: Path) -> int:
    try:
        content, report = load_content(content_dir, docs_dir)
    except ContentError as error:
        print(error.report.summary(), file=sys.stderr)
        print("Nothing was changed. Fix the lines above and run the check again.", file=sys.stderr)
        return 1
    except ValueError as error:  # e.g. MEDINFO_TODAY is not a date
        print(f"medinfo: {error}", file=sys.stderr)
        return 2
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    print(
        f"Content check passed: {len(content.topics)} topics, {len(content.sources)} sources, "
        f"{len(content.pages)} hand-written pages, {len(report.warnings)} warning(s)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
