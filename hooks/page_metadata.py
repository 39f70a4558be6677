"""MkDocs hook: machine-readable metadata for each page (JSON-LD and the sitemap date).

A thin adapter over ``medinfo.render.structured_data``. The theme writes the results
out: ``partials/structured-data.html`` (JSON-LD on topic pages) and
``sitemap.xml`` (``<lastmod>`` from each page's review date, so nothing in the
output depends on when the site was built).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from medinfo.content.loader import Content
from medinfo.content.schema import Review
from medinfo.render.structured_data import medical_web_page, sitemap_lastmod


def _content(config: MkDocsConfig) -> Content:
    content: Content = config["medinfo_content"]  # left there by hooks/facts.py, listed first
    return content


# Work out the page's metadata once its front matter has been read.
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content = _content(config)
    raw = page.meta.get("review")
    review = Review.model_validate(raw) if raw is not None else None
    page.meta["sitemap_lastmod"] = sitemap_lastmod(review)
    topic_pages = {entry.page_path for entry in content.topics}
    if review is not None and page.file.src_uri in topic_pages:
        page.meta["structured_data"] = medical_web_page(
            title=str(page.meta.get("title", page.title)),
            description=str(page.meta.get("description", "")),
            url=page.canonical_url,
            language=str(config.theme["language"]),
            site_name=config.site_name,
            site_url=config.site_url,
            review=review,
            medicine=content.medicine,
        )
    return markdown
