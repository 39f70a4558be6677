"""The sources (sources.yaml): who published each, where, and how it was checked."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator, model_validator

from medinfo.content.models.fields import Closed, Place, PlainLine, Slug, SourceIds, Text, WebAddress
from medinfo.content.models.review import _not_after_today


class SourceCheck(Closed):
    """How the team checked a source: only what really happened."""

    how: Text = Field(
        description=(
            "What was read, and where: the publisher's own page, or a copy kept by another "
            "website. Say so if only part of it was read."
        ),
        examples=["We read sections 4.1 to 4.8 in a copy kept by another website, updated 15 November 2022."],
    )
    read_on: dt.date = Field(
        description="The day it was last read (YYYY-MM-DD). Not in the future.", examples=["2026-12-02"]
    )
    copies: list[WebAddress] = Field(
        default_factory=list,
        description="If the team read copies kept by other websites: their addresses.",
        examples=[["https://www.example.org/copy-of-the-product-information/"]],
    )

    @field_validator("read_on")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        return _not_after_today(value, "a reading")


class Source(Closed):
    """One entry in the sources registry: a public source a patient can follow."""

    id: Slug = Field(description="How statements refer to this source.", examples=["ema-referral"])
    title: Text = Field(
        description="The title as the publisher gives it.",
        examples=["EPAR - product information"],
    )
    publisher: Text = Field(description="Who published it.", examples=["European Medicines Agency"])
    url: WebAddress = Field(
        description="The public web address a reader can follow (https://...).",
        examples=["https://www.ema.europa.eu/"],
    )
    published: dt.date | None = Field(
        None, description="The date it was published (YYYY-MM-DD), if it gives one.", examples=["2019-04-12"]
    )
    checked: SourceCheck = Field(description="How the team checked it: what was read, where and when.")
    short_name: PlainLine | None = Field(
        None,
        description="A short name readers see before a place, like 'EU product information'.",
        examples=["EU product information"],
    )
    places: list[Place] = Field(
        default_factory=list,
        description="The parts of it that statements may cite, like 'section 4.4'. Needs a short_name.",
        examples=[["section 4.2", "section 4.4"]],
    )
    note: Text | None = Field(
        None,
        description="Anything a reader should know, in a sentence.",
        examples=["The official EU product information for doctors and for patients."],
    )

    @model_validator(mode="after")
    def _places_named(self) -> Source:
        if self.places and self.short_name is None:
            raise ValueError("a source with 'places' needs a 'short_name' to show before each place")
        twice = sorted({p for p in self.places if self.places.count(p) > 1})
        if twice:
            raise ValueError(f"each place is listed once; listed twice: {', '.join(twice)}")
        return self


class SourcesFile(Closed):
    sources: list[Source] = Field(min_length=1, description="Every source the site cites.")


class SourcedText(Closed):
    text: Text = Field(description="Plain English, short sentences.", examples=["Coughing up blood"])
    sources: SourceIds
