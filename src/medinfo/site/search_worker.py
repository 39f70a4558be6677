"""The site's search worker in place of the theme's (docs/assets/search-worker.js): it loads the
theme's worker only when the reader first searches, and adds English stemming to each query.

The theme (Material) starts its worker on every page load, and has no English stemmer that
works with its search-as-you-type: it searches every typed word as a prefix, which a stemmed
index no longer matches ('emergency*' does not find 'emerg'). Adding each word's stem to the
query, against the unstemmed index, finds every form. The index itself is held back until
search is opened by docs/assets/search-on-demand.js, loaded before the theme's script.
"""

from __future__ import annotations

import re

SITE_WORKER = "assets/search-worker.js"
# The theme's page config: "search": "<base>assets/javascripts/workers/search.<hash>.min.js".
_THEME_WORKER = re.compile(
    r'(?P<lead>"search":\s*")(?P<base>[^"]*?)assets/javascripts/workers/(?P<name>search\.[0-9a-f]+\.min\.js)"'
)


def with_site_search_worker(page: str) -> str:
    """The page with the theme's search worker swapped for the site's (which loads the theme's)."""
    return _THEME_WORKER.sub(
        lambda match: f'{match["lead"]}{match["base"]}{SITE_WORKER}?theme={match["name"]}"', page, count=1
    )
