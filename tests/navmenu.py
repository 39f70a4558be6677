"""mkdocs.yml's menu, cut down to the pages a smaller test or benchmark project has.

The helper lives in the package (``medinfo.navmenu``), where the benchmark finds it too.
"""

from __future__ import annotations

from medinfo.navmenu import kept_entries

__all__ = ["kept_entries"]
