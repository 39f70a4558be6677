"""Field types shared by every content file: ids, text, web addresses and citations."""

from __future__ import annotations

from typing import Annotated, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

MAX_REVIEW_YEARS = 3


Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        max_length=80,
        description="A short name made of lowercase letters, digits and hyphens.",
        examples=["infusion-reactions"],
    ),
]


# No control characters (they cannot be shown, and make the HTML invalid).
_PRINTABLE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"


Text = Annotated[str, Field(min_length=1, max_length=3000, pattern=_PRINTABLE)]


# A passage copied from a long document (the package leaflet).
LongText = Annotated[str, Field(min_length=1, max_length=12000, pattern=_PRINTABLE)]


# Titles and descriptions are also placed into HTML by the theme, which does not
# escape them; so the characters that would break the page are not allowed.
PlainLine = Annotated[str, Field(min_length=1, max_length=300, pattern=r'^[^<>&"]+$')]


SearchWord = Annotated[str, Field(min_length=1, max_length=40, pattern=r'^[^<>"]+$')]


WebAddress = Annotated[
    str,
    Field(
        pattern=r"^https://[^\s/()<>\"'\\]+\.[^\s()<>\"'\\]+$",
        max_length=500,
        examples=["https://www.ema.europa.eu/"],
    ),
]


# A place inside a source: "section 4.4", "table 3". Shown to readers as typed.
Place = Annotated[
    str,
    Field(
        min_length=1,
        max_length=60,
        pattern=r'^[^<>&"\[\]]+$',
        description="A part of the source, as readers should see it, like 'section 4.4'.",
        examples=["section 4.4"],
    ),
]


# A citation is a source id, or "id: place" for a source that lists its places.
PlacedCitation = Annotated[dict[Slug, Place], Field(min_length=1, max_length=1)]


Citation = Slug | PlacedCitation


SourceIds = Annotated[
    list[Citation],
    Field(
        min_length=1,
        description=(
            "The sources that support this, by their id in content_src/sources.yaml. To name the part "
            "of a source, write 'id: place' with a place the source lists, like '- smpc: section 4.4'."
        ),
        examples=[["ema-referral", {"smpc": "section 4.4"}]],
    ),
]


class Cite(NamedTuple):
    """One citation, read from either form an editor may write."""

    source: str
    place: str | None


def cites(entries: list[Citation]) -> list[Cite]:
    """The citations of a ``sources:`` list, in the order written."""
    return [
        Cite(entry, None) if isinstance(entry, str) else Cite(*next(iter(entry.items()))) for entry in entries
    ]


def source_ids(entries: list[Citation]) -> list[str]:
    """The source ids a ``sources:`` list cites, each once, in the order written."""
    return list(dict.fromkeys(cite.source for cite in cites(entries)))


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
