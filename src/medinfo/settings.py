"""Every environment variable the site reads, read once into one ``Settings``.

A build, ``medinfo check`` and ``medinfo publish`` each read the environment once,
at their start, and pass what they found on; nothing else in the core reads it
(the clock's ``MEDINFO_TODAY`` is read here too, through ``medinfo.clock``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from medinfo import clock
from medinfo.site.edit_links import edit_url_base

ALLOW_OVERDUE_VARIABLE = "MEDINFO_ALLOW_OVERDUE"  # =1 lets an urgent rebuild through an overdue page
MAKE_PDFS_VARIABLE = "MEDINFO_MAKE_PDFS"  # "1": make every PDF; "0": only reuse kept ones
CACHE_VARIABLE = "MEDINFO_PDF_CACHE"  # a folder for the kept PDFs, or "off"
WORKERS_VARIABLE = "MEDINFO_PDF_WORKERS"  # how many PDFs are made side by side
SITE_URL_VARIABLE = "SITE_URL"  # mkdocs.yml reads it; without it, the preview address is used


class SettingsError(ValueError):
    """An environment variable with a value the site cannot use; the message says what to set."""


@dataclass(frozen=True)
class Settings:
    today: dt.date
    allow_overdue: bool = False  # an overdue review is a warning, not an error
    make_pdfs: bool | None = None  # None: make missing PDFs, except in a preview
    pdf_cache: Path | None = None  # where kept PDFs go; None: .cache/pdf beside mkdocs.yml
    pdf_cache_off: bool = False  # keep no PDFs between builds
    pdf_workers: int | None = None  # None: as many as the machine has cores, up to a limit
    edit_url_base: str | None = None  # where "Edit this page" leads; None: no edit links
    site_url: str = ""  # SITE_URL as given, for ``medinfo publish`` to check

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings in ``environ`` (the process's environment by default); ``SettingsError``
        names the first variable that has a value the site cannot use."""
        env = os.environ if environ is None else environ
        cache = env.get(CACHE_VARIABLE, "").strip()
        try:
            return cls(
                today=clock.today(env),
                allow_overdue=env.get(ALLOW_OVERDUE_VARIABLE, "").strip() == "1",
                make_pdfs=_make_pdfs(env.get(MAKE_PDFS_VARIABLE, "").strip()),
                pdf_cache=Path(cache) if cache and cache != "off" else None,
                pdf_cache_off=cache == "off",
                pdf_workers=_workers(env.get(WORKERS_VARIABLE, "").strip()),
                edit_url_base=edit_url_base(env),
                site_url=env.get(SITE_URL_VARIABLE, "").strip(),
            )
        except SettingsError:
            raise
        except ValueError as error:
            raise SettingsError(str(error)) from None


def _make_pdfs(value: str) -> bool | None:
    if value in ("0", "1"):
        return value == "1"
    if value:
        raise SettingsError(
            f"{MAKE_PDFS_VARIABLE} is {value!r}: set it to 1 (make the PDFs) or 0 (skip them)."
        )
    return None


def _workers(value: str) -> int | None:
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise SettingsError(f"{WORKERS_VARIABLE} is {value!r}: set it to a whole number, 1 or more.")
    return int(value)
