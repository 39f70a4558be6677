"""LinkChecker over the built site, served on the loopback interface (no network needed).

The check is the one ``medinfo publish`` (and so CI) runs: ``run_linkchecker``,
LinkChecker's defaults but for its request rate to our own loopback server.
External links are not checked here (CI has no network): `make linkcheck-external`.
"""

from __future__ import annotations

import configparser
import re
import shutil
from pathlib import Path

import pytest
from serving import serve

from medinfo.site.publish import LINKCHECKER_CONFIG, run_linkchecker


@pytest.mark.e2e
def test_built_site_has_no_broken_links(real_site: Path) -> None:
    with serve(real_site) as url:
        result = run_linkchecker(url, timeout=600)
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
        result = run_linkchecker(url, timeout=600)
    assert result.returncode == 1
    assert "no-such-page" in result.stdout


def test_the_link_check_changes_only_linkcheckers_rate_to_our_own_server() -> None:
    """As strict as LinkChecker's defaults: the one setting is how fast it may ask our loopback
    server (which allows concurrent checks), so its threads fetch pages in parallel."""
    config = configparser.ConfigParser()
    config.read_string(LINKCHECKER_CONFIG)
    assert {section: dict(config[section]) for section in config.sections()} == {
        "checking": {"maxrequestspersecond": "1000"}
    }
