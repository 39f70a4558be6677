"""Machine-readable facts about a page: schema.org JSON-LD and the sitemap date.

Search engines and health-information directories read these to tell who
checked a page and when. They must say no more than the page itself: the
reviewer is whoever the review metadata names, and a clinician appears only
when a clinical sign-off is recorded.

The result is plain data (dicts, lists, strings); the theme writes it into the
page with Jinja's ``tojson`` filter, which escapes it safely for a ``<script>``.
"""

from __future__ import annotations

from typing import Any

from medinfo.content.schema import Medicine, Review

SCHEMA_ORG = "https://schema.org"


def medical_web_page(
    *,
    title: str,
    description: str,
    url: str | None,
    language: str,
    site_name: str,
    site_url: str | None,
    review: Review,
    medicine: Medicine,
) -> dict[str, Any]:
    """A schema.org ``MedicalWebPage`` for one topic page."""
    data: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "MedicalWebPage",
        "name": title,
        "description": description,
        "inLanguage": language,
        "lastReviewed": review.last_reviewed.isoformat(),
        "reviewedBy": reviewers(review),
        "about": drug(medicine),
    }
    if url:
        data["url"] = url
    website: dict[str, Any] = {"@type": "WebSite", "name": site_name}
    if site_url:
        website["url"] = site_url
    data["isPartOf"] = website
    return data


def reviewers(review: Review) -> list[dict[str, str]]:
    """Who checked the page: the named reviewer, plus the clinician only if one signed it off."""
    # reviewed_by is free text naming a team ("Site editors ...") or a person; the
    # schema keeps no distinction, so it is described as the organisation that checked it.
    found = [{"@type": "Organization", "name": review.reviewed_by}]
    signoff = review.signed_off
    if signoff is not None:
        found.append({"@type": "Person", "name": signoff.by})
    return found


def drug(medicine: Medicine) -> dict[str, str]:
    """The medicine a page is about, by its brand and generic names."""
    return {
        "@type": "Drug",
        "name": medicine.brand_name,
        "nonProprietaryName": medicine.generic_name,
    }


def sitemap_lastmod(review: Review | None) -> str | None:
    """The sitemap date of a page: the day it was last reviewed, never the build time."""
    return review.last_reviewed.isoformat() if review is not None else None
