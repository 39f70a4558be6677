"""English stemming for the theme's search: each page's search worker is ours, which adds each
typed word's stem to the query and then runs the theme's own worker (docs/assets/search-stemming.js).

The theme (Material) has no English stemmer that works with its search-as-you-type: it searches
every typed word as a prefix, which a stemmed index no longer matches ('emergency*' does not
find 'emerg'). Adding the stem to the query, against the unstemmed index, finds every form.
"""

from __future__ import annotations

import re

STEMMING_WORKER = "assets/search-stemming.js"
# The theme's page config: "search": "<base>assets/javascripts/workers/search.<hash>.min.js".
_THEME_WORKER = re.compile(
    r'(?P<lead>"search":\s*")(?P<base>[^"]*?)assets/javascripts/workers/(?P<name>search\.[0-9a-f]+\.min\.js)"'
)


def with_stemming_worker(page: str) -> str:
    """The page with the theme's search worker swapped for ours (which loads the theme's)."""
    return _THEME_WORKER.sub(
        lambda match: f'{match["lead"]}{match["base"]}{STEMMING_WORKER}?theme={match["name"]}"', page, count=1
    )
