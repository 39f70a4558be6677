"""Build the site for publishing, all or nothing.

The site is built into a temporary folder beside the output folder, its
links are checked there, and only if the strict build and the link check both
passed does it replace the output folder. A failed build leaves the
previously published site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from medinfo.printing.qr import is_preview_address
from medinfo.settings import MAKE_PDFS_VARIABLE, SITE_URL_VARIABLE, Settings
from medinfo.site.localserver import serve


class PublishError(Exception):
    pass


# Names reserved for examples and tests (RFC 2606, RFC 6761): never a real published site.
_PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net")
_PLACEHOLDER_ENDINGS = (".test", ".invalid", ".localhost", ".example")


def is_placeholder_address(url: str) -> bool:
    """An address that cannot be where the site is really published: a reserved example name,
    a test or local name, or a loopback address. Paper printed with it would lead nowhere."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if is_preview_address(url) or host.startswith("127.") or host == "::1":
        return True
    return any(host == d or host.endswith("." + d) for d in _PLACEHOLDER_DOMAINS) or host.endswith(
        _PLACEHOLDER_ENDINGS
    )


def check_site_url(url: str) -> str:
    """The public address a published site must be built with (SITE_URL); PublishError if there is none."""
    if not url:
        raise PublishError(
            f"{SITE_URL_VARIABLE} is not set. Give the address the site will be published at, for "
            f"example: {SITE_URL_VARIABLE}=https://your-trust.nhs.uk/lemtrada/ make build. Every QR code, "
            "'Printed from' line, canonical link and the sitemap use it; without it they would point "
            "at this computer. To look at the site here, use make serve"
        )
    if not url.startswith(("https://", "http://")) or is_preview_address(url):
        raise PublishError(
            f"{SITE_URL_VARIABLE} is {url!r}: give the public address the site will be published at, "
            "starting with https://, not an address on this computer"
        )
    if is_placeholder_address(url):
        raise PublishError(
            f"{SITE_URL_VARIABLE} is {url!r}, a placeholder (example, test or loopback) address: give "
            "the public address the site will be published at. Every QR code and 'Printed from' line "
            "on paper uses it"
        )
    return url


def publish(config_file: Path, site_dir: Path, check_links: bool = True) -> None:
    """Build ``config_file`` into ``site_dir`` atomically. Raises PublishError, leaving site_dir alone."""
    check_site_url(Settings.from_environ().site_url)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Same parent folder, so the final swap is a rename on one file system.
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    try:
        print("Building the site strictly (every PDF handout too)...", file=sys.stderr, flush=True)
        _build(config_file, staging)
        if check_links:
            print("Checking every link with LinkChecker...", file=sys.stderr, flush=True)
            _check_links(staging)
        _swap_in(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _build(config_file: Path, target: Path) -> None:
    # Every PDF handout is made (or reused unchanged): a published site never lacks one.
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", MAKE_PDFS_VARIABLE: "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--clean",
        "-f",
        str(config_file),
        "-d",
        str(target),
    ]
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        raise PublishError("the strict build failed (see the messages above)")


# LinkChecker waits 0.1-0.6 s between two requests to one host, so it fetched the site's
# addresses one at a time (155 of them: 18.6 s). A host that sends the header "LinkChecker:
# allow-concurrent-checks", as our loopback server does, may be checked at the rate asked for:
# its threads then fetch in parallel. Each address is still checked once, as strictly (the
# rest of LinkChecker's configuration is its default).
LINKCHECKER_CONFIG = "[checking]\nmaxrequestspersecond=1000\n"


def run_linkchecker(url: str, timeout: float | None = None) -> subprocess.CompletedProcess[str]:
    """LinkChecker over the site served at ``url`` (by ``medinfo.site.localserver``)."""
    linkchecker = Path(sys.executable).with_name("linkchecker")
    with tempfile.TemporaryDirectory(prefix="medinfo-linkcheck-") as folder:
        config = Path(folder) / "linkcheckerrc"  # read before LinkChecker drops root's rights
        config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
        command = [str(linkchecker), "--no-status", "-f", str(config), url]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def _check_links(site: Path) -> None:
    with serve(site) as url:
        result = run_linkchecker(url)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise PublishError("the link check found broken links (see above)")


def _swap_in(staging: Path, site_dir: Path) -> None:
    os.chmod(staging, 0o755)  # mkdtemp's folder is private; a web server must be able to read the site
    built = staging.with_name(staging.name + "-ready")
    staging.rename(built)
    old = site_dir.with_name(f".{site_dir.name}-previous")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    built.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
