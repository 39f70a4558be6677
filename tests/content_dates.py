"""The day the tests build "as of", read from the content itself.

The helper lives in the package (``medinfo.content_dates``), where the benchmark finds it too.
"""

from __future__ import annotations

from medinfo.content_dates import newest_review_date

__all__ = ["newest_review_date"]
