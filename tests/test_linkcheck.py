"""LinkChecker over the built site, served on the loopback interface (no network needed).

External links are not checked here (CI has no network): `make linkcheck-external`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from serving import serve

LINKCHECKER = str(Path(sys.executable).with_name("linkchecker"))


def linkcheck(url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [LINKCHECKER, "--no-status", "--threads", "4", url],
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.e2e
def test_built_site_has_no_broken_links(real_site: Path) -> None:
    with serve(real_site) as url:
        result = linkcheck(url)
    assert result.returncode == 0, result.stdout + result.stderr
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", result.stdout)
    assert checked, result.stdout
    pages = len(list(real_site.rglob("*.html")))
    assert int(checked.group(2)) >= pages  # it really crawled the site
    assert "0 errors found" in result.stdout


@pytest.mark.e2e
def test_a_broken_link_is_reported(real_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    about = site / "about" / "index.html"
    about.write_text(
        about.read_text(encoding="utf-8").replace("</article>", '<a href="../no-such-page/">x</a></article>'),
        encoding="utf-8",
    )
    with serve(site) as url:
        result = linkcheck(url)
    assert result.returncode == 1
    assert "no-such-page" in result.stdout


@pytest.mark.e2e
def test_the_publish_link_check_checks_in_parallel_as_strictly(real_site: Path, tmp_path: Path) -> None:
    """``medinfo publish`` lifts LinkChecker's wait between requests to our own loopback server:
    it still crawls every page, and still reports a broken link."""
    from medinfo.site.publish import run_linkchecker

    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    with serve(site) as url:
        good = run_linkchecker(url, timeout=600)
    assert good.returncode == 0, good.stdout + good.stderr
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", good.stdout)
    assert checked and int(checked.group(2)) >= len(list(site.rglob("*.html")))
    about = site / "about" / "index.html"
    about.write_text(
        about.read_text(encoding="utf-8").replace("</article>", '<a href="../no-such-page/">x</a></article>'),
        encoding="utf-8",
    )
    with serve(site) as url:
        broken = run_linkchecker(url, timeout=600)
    assert broken.returncode == 1
    assert "no-such-page" in broken.stdout
