"""The environment is read once, into Settings: each variable's meaning, and a clear message
naming a variable whose value the site cannot use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import FIXTURE_TODAY, make_fixture_project

from medinfo.project import Project
from medinfo.settings import Settings, SettingsError
from medinfo.site.build import SiteBuild
from medinfo.site.stages import PageIn


def test_every_variable_is_read_into_one_object() -> None:
    settings = Settings.from_environ(
        {
            "MEDINFO_TODAY": "2027-01-02",
            "MEDINFO_ALLOW_OVERDUE": "1",
            "MEDINFO_MAKE_PDFS": "0",
            "MEDINFO_PDF_CACHE": "/tmp/pdfs",
            "MEDINFO_PDF_WORKERS": "3",
            "GITHUB_REPOSITORY": "org/site",
            "SITE_URL": " https://example.nhs.uk/ ",
        }
    )
    assert settings == Settings(
        today=dt.date(2027, 1, 2),
        allow_overdue=True,
        make_pdfs=False,
        pdf_cache=Path("/tmp/pdfs"),
        pdf_workers=3,
        edit_url_base="https://github.com/org/site/edit/main/",
        site_url="https://example.nhs.uk/",
    )
    assert Settings.from_environ({"MEDINFO_PDF_CACHE": "off"}).pdf_cache_off
    assert Settings.from_environ({}).make_pdfs is None  # decided by whether it is a preview


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("MEDINFO_TODAY", "7 Dec", "MEDINFO_TODAY='7 Dec' is not a date; write it as YYYY-MM-DD"),
        (
            "MEDINFO_MAKE_PDFS",
            "yes",
            "MEDINFO_MAKE_PDFS is 'yes': set it to 1 (make the PDFs) or 0 (skip them).",
        ),
        ("MEDINFO_PDF_WORKERS", "0", "MEDINFO_PDF_WORKERS is '0': set it to a whole number, 1 or more."),
        ("EDIT_URL_BASE", "javascript:alert(1)", "EDIT_URL_BASE must start with https://"),
    ],
)
def test_a_value_the_site_cannot_use_names_its_variable(variable: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError) as error:
        Settings.from_environ({variable: value})
    assert str(error.value).startswith(message)


def test_the_build_uses_its_settings_not_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once loaded, a build asks its Settings: a later change to the environment changes nothing."""
    monkeypatch.setenv("MEDINFO_TODAY", FIXTURE_TODAY)  # the content's own date checks ask the clock
    project = Project.from_config_file(make_fixture_project(tmp_path / "project") / "mkdocs.yml")
    settings = Settings.from_environ(
        {"MEDINFO_TODAY": FIXTURE_TODAY, "EDIT_URL_BASE": "https://example.org/e/"}
    )
    build, _ = SiteBuild.load(project, site_url="", site_name="Test", language="en", settings=settings)
    monkeypatch.setenv("EDIT_URL_BASE", "https://elsewhere.org/")
    monkeypatch.setenv("MEDINFO_MAKE_PDFS", "not read")
    page = PageIn(path="faq.md", title="Questions", meta={}, address="https://example.org/faq/")
    assert build.page_markdown(page).edit_url == "https://example.org/e/content_src/faq.yaml"
