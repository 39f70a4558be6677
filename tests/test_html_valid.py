"""Valid HTML: the W3C Nu HTML checker (npm's vnu-jar, run with the machine's Java).

Every page of both built sites, and the site's own style sheets, must have
zero errors. Messages are only ever accepted one by one, matched exactly
(message and the exact markup it points at), each with the reason.

Skipped, with the reason shown, when Java or vnu.jar (``npm ci``) is missing;
`.ci/run` installs both and sets REQUIRE_BROWSER=1, which makes a missing
tool a failure instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")


def _missing_tool() -> str | None:
    if JAVA is None:
        return "Java is not installed (apt-get install default-jre-headless)"
    if not VNU_JAR.is_file():
        return "vnu.jar is not installed (run `npm ci --ignore-scripts`)"
    return None


MISSING = _missing_tool()
if MISSING:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"REQUIRE_BROWSER=1 but {MISSING}")
    pytest.skip(f"{MISSING}: HTML validation skipped", allow_module_level=True)


@dataclass(frozen=True)
class Accepted:
    message: str
    markup: str  # exactly what the checker highlights
    why: str


AUTOCOMPLETE_ON_CHECKBOX = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
    "“search”, “tel”, “text”, “time”, “url”, or “week”."
)
_WHY_TOGGLES = (
    "Material's two hidden checkboxes that open the menu and the search carry autocomplete=off "
    "so that Firefox does not restore them ticked (menu or search open) after a reload. They are "
    "never shown or focused (display: none), so the attribute cannot affect readers."
)
ACCEPTED = (
    Accepted(
        AUTOCOMPLETE_ON_CHECKBOX,
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        _WHY_TOGGLES,
    ),
    Accepted(
        AUTOCOMPLETE_ON_CHECKBOX,
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        _WHY_TOGGLES,
    ),
)


def highlighted(message: dict[str, Any]) -> str:
    extract = str(message.get("extract", ""))
    start = int(message.get("hiliteStart", 0))
    return extract[start : start + int(message.get("hiliteLength", 0))]


def is_accepted(message: dict[str, Any]) -> bool:
    return any(
        message.get("message") == accepted.message and highlighted(message) == accepted.markup
        for accepted in ACCEPTED
    )


def nu_check(*paths: Path) -> list[dict[str, Any]]:
    """Every message the checker gives for these files (HTML and CSS)."""
    assert JAVA is not None
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--also-check-css", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages: list[dict[str, Any]] = json.loads(result.stdout)["messages"]
    return messages


def own_stylesheets(site: Path) -> list[Path]:
    """The site's CSS (not Material's, which ships minified and is tested upstream)."""
    return sorted(p for p in (site / "assets").glob("*.css"))


@pytest.mark.e2e
def test_every_page_is_valid_html(real_site: Path, fixture_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html")) + sorted(fixture_site.rglob("*.html"))
    assert len(pages) >= 12
    messages = nu_check(*pages, *own_stylesheets(real_site))
    problems = [
        f"{m.get('url')}:{m.get('lastLine')}: {m['type']}: {m.get('message')} [{highlighted(m)}]"
        for m in messages
        if m["type"] in ("error", "non-document-error") and not is_accepted(m)
    ]
    assert not problems, "\n".join(problems)
    # The accepted messages are still there: once Material drops the attribute, drop them here.
    assert any(is_accepted(m) for m in messages)


def test_the_checker_reports_an_error() -> None:
    """The check can fail: a page with a real error is caught, and not accepted."""
    bad = Path(__file__).parent / "fixtures" / "invalid-page.html"
    messages = nu_check(bad)
    errors = [m for m in messages if m["type"] == "error" and not is_accepted(m)]
    assert errors and "autocomplete" not in errors[0]["message"]
