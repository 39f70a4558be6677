"""The site's own stylesheets and scripts: one minified bundle of each when published, and the
files only one page loads (My test calendar's) minified where they are."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO

from medinfo.site.own_assets import BUNDLE_CSS, BUNDLE_JS, minify_css, minify_js

OWN = REPO / "docs" / "assets"


def test_minifying_drops_comments_and_indents_and_keeps_the_code() -> None:
    css = "/* why */\n.a {\n  color: red; /* the brand */\n}\n\n\n.b { content: 'x' }\n"
    assert minify_css(css) == ".a {\ncolor: red; \n}\n.b { content: 'x' }\n"
    js = '// what it does\n(function () {\n  // a step\n  var url = "https://example.org";\n})();\n'
    assert minify_js(js) == '(function () {\nvar url = "https://example.org";\n})();\n'


@pytest.mark.e2e
def test_published_pages_load_the_bundles_and_only_the_calendar_loads_its_own_files(real_site: Path) -> None:
    for page in ("index.html", "topics/side-effects/index.html", "my-test-calendar/index.html"):
        soup = BeautifulSoup((real_site / page).read_text(encoding="utf-8"), "html.parser")
        styles = [str(link["href"]) for link in soup.select("link[rel=stylesheet]")]
        scripts = [str(script["src"]) for script in soup.select("script[src]")]
        own = [
            s
            for s in styles + scripts
            if "assets/" in s and "stylesheets/" not in s and "javascripts/" not in s
        ]
        calendar = ["test-calendar.css", "test-calendar.js"] if page.startswith("my-test") else []
        # search-on-demand.js must run before the theme's script, so it is not in the bundle.
        assert sorted(Path(s).name for s in own) == sorted(
            [Path(BUNDLE_CSS).name, Path(BUNDLE_JS).name, "search-on-demand.js", *calendar]
        ), page
    for source in ("site.css", "print.css", "keyboard.js"):  # bundled: not published on their own
        assert (OWN / source).is_file() and not (real_site / "assets" / source).exists()


@pytest.mark.e2e
@pytest.mark.parametrize(
    "name",
    [
        "test-calendar.js",
        "test-calendar.css",
        "search-on-demand.js",
        "search-worker.js",
        BUNDLE_JS,
        BUNDLE_CSS,
    ],
)
def test_published_own_files_have_no_comments_or_indents(real_site: Path, name: str) -> None:
    text = (real_site / "assets" / Path(name).name).read_text(encoding="utf-8")
    assert not re.search(r"^[ \t]*//|/\*|^[ \t]+\S", text, re.MULTILINE), name
    source = OWN / Path(name).name
    if source.is_file():  # a page's own file: the same code, smaller
        assert len(text) < 0.8 * len(source.read_text(encoding="utf-8"))


@pytest.mark.e2e
def test_published_pages_carry_the_favicon_and_do_not_fetch_it(real_site: Path) -> None:
    """One request fewer on every first visit: the 0.2 KB SVG icon is written into each page."""
    expected = "data:image/svg+xml;base64," + base64.b64encode((OWN / "favicon.svg").read_bytes()).decode()
    for page in ("index.html", "topics/side-effects/index.html", "my-test-calendar/index.html", "404.html"):
        soup = BeautifulSoup((real_site / page).read_text(encoding="utf-8"), "html.parser")
        assert [str(link["href"]) for link in soup.select("link[rel=icon]")] == [expected], page


def test_only_an_svg_favicon_is_written_into_pages(tmp_path: Path) -> None:
    from medinfo.site.own_assets import inline_favicon

    png = tmp_path / "icon.png"
    png.write_bytes(b"\x89PNG")
    assert inline_favicon(png) is None  # only an SVG is written into the page
    assert inline_favicon(tmp_path / "missing.svg") is None
