"""Command line for editors and CI: check the content without building the site.

medinfo check            # or: python -m medinfo check
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from medinfo.checks.page_checks import page_problems
from medinfo.checks.prose import MAX_GRADE, PageProse, prose_from_html, readability_report
from medinfo.content.names import CONTENT_FOLDER
from medinfo.editors.commands import (
    EDITOR_COMMANDS,
    add_editor_commands,
    load_or_explain,
    run_editor_command,
)
from medinfo.editors.review_report import overdue_problems
from medinfo.printing.qr import is_preview_address
from medinfo.problems import ContentError
from medinfo.project import Project
from medinfo.settings import Settings, SettingsError
from medinfo.site.publish import PublishError, publish
from medinfo.sources.command import add_sources_command, run_sources_command


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="medinfo", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check every content file and hand-written page")
    check.add_argument("--content", type=Path, default=Path(CONTENT_FOLDER), help="facts folder")
    check.add_argument("--docs", type=Path, default=Path("docs"), help="hand-written pages folder")
    publish_cmd = commands.add_parser(
        "publish",
        help="build the site strictly and check its links; replace the output folder only if all passed",
    )
    publish_cmd.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    publish_cmd.add_argument("--site", type=Path, default=Path("site"), help="output folder")
    publish_cmd.add_argument("--no-link-check", action="store_true", help="skip the link check")
    render = commands.add_parser(
        "render",
        help="write every page as Markdown into OUT/docs/, with OUT/mkdocs.yml to build them without hooks",
    )
    render.add_argument("out", type=Path, help="an empty or new folder")
    render.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    render.add_argument(
        "--site-url",
        metavar="URL",
        help="the address the pages will be published at (default: mkdocs.yml's, the preview address)",
    )
    readability = commands.add_parser(
        "readability", help="print every page's reading level from a built site, hardest first"
    )
    readability.add_argument("site", type=Path, nargs="?", default=Path("site"), help="built site folder")
    add_editor_commands(commands)
    add_sources_command(commands)
    args = parser.parse_args(argv)
    if args.command == "sources":
        return run_sources_command(args)
    if args.command in EDITOR_COMMANDS:
        return run_editor_command(args)
    if args.command == "readability":
        return run_readability(args.site)
    if args.command == "render":
        return run_render(args.config, args.out, args.site_url)
    if args.command == "publish":
        return run_publish(args.config, args.site, not args.no_link_check)
    return run_check(args.content, args.docs)


def run_publish(config: Path, site: Path, check_links: bool) -> int:
    try:
        publish(config, site, check_links)
    except (PublishError, SettingsError) as error:
        print(f"Not published: {error}. The site in {site}/ was left as it was.", file=sys.stderr)
        return 1
    print(f"Published to {site}/.")
    return 0


def run_render(config: Path, out: Path, site_url: str | None = None) -> int:
    from medinfo.site.build import BuildError
    from medinfo.site.mkdocs_adapter import write_plain_project  # the only command that needs MkDocs

    if site_url is not None:
        try:
            site_url = checked_site_url(site_url)
        except ValueError as error:
            print(f"medinfo: --site-url {site_url!r} {error}", file=sys.stderr)
            return 2
    if out.exists() and any(out.iterdir()):
        print(f"medinfo: {out}/ is not empty. Give a new or empty folder.", file=sys.stderr)
        return 2
    try:
        generated = write_plain_project(config, out, site_url)
    except ContentError as error:
        print(error.report.summary(), file=sys.stderr)
        print("Nothing was written. Fix the lines above and run it again.", file=sys.stderr)
        return 1
    except (BuildError, SettingsError) as error:
        print(f"medinfo: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {len(generated)} generated pages and the hand-written ones to {out}/docs/.")
    print(_site_url_note(out, given=site_url is not None))
    print(f"Build it with plain MkDocs (no hooks), here or moved anywhere: mkdocs build -f {out}/mkdocs.yml")
    return 0


_EXAMPLE_URL = "https://your-trust.nhs.uk/lemtrada/"


def checked_site_url(url: str) -> str:
    """``url`` as MkDocs' site_url, ending in /; ValueError saying what is wrong with it."""
    problem = "is not a web address: give one like " + _EXAMPLE_URL
    try:
        parts = urlsplit(url)
        _ = parts.port  # reading it checks the port is a number
    except ValueError:
        raise ValueError(problem) from None
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in url):
        raise ValueError(problem)
    if parts.query or parts.fragment:
        raise ValueError("has a ? or #: give the site's address alone, like " + _EXAMPLE_URL)
    return url if url.endswith("/") else url + "/"


def _site_url_note(out: Path, given: bool) -> str:
    """Which address the written pages name (canonical links, sitemap), read back from what was written."""
    written = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url") or ""
    if given:
        return f"site_url is {written}."
    kind = "the preview address" if is_preview_address(written) else "from mkdocs.yml"
    return f"No --site-url given: site_url is {written} ({kind}); give --site-url URL to change it."


def run_readability(site: Path) -> int:
    """The same measure the build applies, read back from the built pages."""
    pages = []
    for html_file in sorted(site.rglob("index.html")):
        where = html_file.parent.relative_to(site).as_posix()
        text = prose_from_html(html_file.read_text(encoding="utf-8"))
        pages.append(PageProse("(home)" if where == "." else where, str(html_file), text))
    if not pages:
        print(f"medinfo: no built pages in {site}/. Run 'make build' first.", file=sys.stderr)
        return 2
    print(readability_report(pages))
    hard = [p for p in pages if p.grade > MAX_GRADE]
    for page in hard:
        print(f"{page.page}: above grade {MAX_GRADE:g}", file=sys.stderr)
    return 1 if hard else 0


FIX_AND_CHECK_AGAIN = "Nothing was changed. Fix the lines above and run the check again."


def run_check(content_dir: Path, docs_dir: Path) -> int:
    try:
        settings = Settings.from_environ()  # read once; the build reads the same
    except SettingsError as error:
        print(f"medinfo: {error}", file=sys.stderr)
        return 2
    loaded = load_or_explain(content_dir, docs_dir, FIX_AND_CHECK_AGAIN, content_error_status=1)
    if isinstance(loaded, int):
        return loaded
    content, report = loaded
    # What the strict build would also refuse: the pages' plain language and safety, overdue reviews.
    project = Project.from_folders(content_dir, docs_dir)
    report.extend(page_problems(content, docs_dir, project.root))
    report.extend(
        overdue_problems(content, project.docs_folder, project.root, settings.today, settings.allow_overdue)
    )
    if report.errors:
        print(report.summary(), file=sys.stderr)
        print(FIX_AND_CHECK_AGAIN, file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    print(
        f"Content check passed: {len(content.topics)} topics, {len(content.sources)} sources, "
        f"{len(content.pages)} hand-written pages, {len(report.warnings)} warning(s)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
