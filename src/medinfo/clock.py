"""The one place the code asks what day it is.

Tests (and anyone previewing the site "as of" another day) set the
``MEDINFO_TODAY`` environment variable to an ISO date; it also reaches
``mkdocs build`` run in a subprocess, so end-to-end tests never rot when a
review date passes. A build reads it once, into ``medinfo.settings.Settings``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

TODAY_VARIABLE = "MEDINFO_TODAY"


def today(environ: Mapping[str, str] | None = None) -> dt.date:
    """Return today's date, or the date given in ``MEDINFO_TODAY``."""
    override = (os.environ if environ is None else environ).get(TODAY_VARIABLE, "").strip()
    if not override:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(override)
    except ValueError:
        raise ValueError(f"{TODAY_VARIABLE}={override!r} is not a date; write it as YYYY-MM-DD") from None
