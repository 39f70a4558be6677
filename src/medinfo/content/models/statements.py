"""The medicine (medicine.yaml) and the statements pages are made of, with their numbers."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from medinfo.content.models.fields import Closed, PlainLine, Slug, SourceIds, Text
from medinfo.content.models.sources import SourcedText


class Medicine(Closed):
    """The medicine the site is about."""

    brand_name: Text = Field(description="The name on the box.", examples=["Zelvora"])
    generic_name: Text = Field(description="The name of the medicine inside.", examples=["examplimab"])
    treats: Text = Field(
        description="What it treats, in plain words, as it reads after 'a medicine for'.",
        examples=["relapsing-remitting multiple sclerosis (MS) in adults"],
    )
    licence: SourcedText = Field(description="Who can have it, in a sentence, with its sources.")
    care_team: Text = Field(
        description="Who readers should ask, as it reads in a sentence.", examples=["your MS team"]
    )
    frequency_words_sources: SourceIds = Field(
        description=(
            "Where the words very common, common, uncommon, rare and very rare are defined. The site "
            "explains them after the first side-effect number on each page, with these sources."
        ),
        examples=[[{"smpc": "section 4.8"}]],
    )
    key_facts: list[Slug] = Field(
        default_factory=list,
        max_length=5,
        description=(
            "Optional: up to 5 statements from the topic pages, by id, shown on the home page where "
            "it writes <!-- key-facts -->, word for word with their sources and a link to their page."
        ),
        examples=[["mon-monthly", "se-infusion-reactions"]],
    )


class HowMany(Closed):
    """A frequency, stored once as numbers; the words are worked out from it."""

    count: int = Field(ge=0, description="How many people it happened to.", examples=[42])
    out_of: int = Field(gt=0, description="Out of how many people.", examples=[100])
    over: Text | None = Field(None, description="The time span, if known.", examples=["6 years"])
    per: Literal[10, 100, 1000, 10000] | None = Field(
        None,
        description=(
            "Say the number out of this many people. Use the same 'per' for numbers that "
            "are compared, so readers compare like with like."
        ),
        examples=[100],
    )
    picture: bool = Field(
        False, description="Also show the number as a picture of 100 people (1,000 for rare events)."
    )
    picture_title: PlainLine | None = Field(
        None,
        max_length=40,
        description=(
            "With picture: true, a few words shown above the picture, so pictures side by side "
            "are told apart at a glance."
        ),
        examples=["On Lemtrada"],
    )
    picture_shows: PlainLine | None = Field(
        None,
        max_length=200,
        description=(
            "With picture: true, what a filled figure means, so the picture reads on its own with its "
            "title: the outcome, the time and the trial (the title says which medicine, and a picture "
            "beside it the comparison). The caption under the picture is '13 of 100 people' followed "
            "by these words. Keep it short: it sits under a picture half a phone wide."
        ),
        examples=["whose disability got worse in 2 years of the CARE-MS II trial"],
    )
    side_effect: bool = Field(
        True,
        description=(
            "Add the EU leaflet word (very common ... very rare). Set to false for a result that "
            "is not a side effect, such as how many people's disability got worse."
        ),
    )

    @model_validator(mode="after")
    def _count_fits(self) -> HowMany:
        if self.count > self.out_of:
            raise ValueError(f"'count' ({self.count}) cannot be more than 'out_of' ({self.out_of})")
        if self.picture and not self.picture_title:
            raise ValueError(
                "a picture needs a 'picture_title': a few words to show above it, like 'On Lemtrada'"
            )
        if self.picture and not self.picture_shows:
            raise ValueError(
                "a picture needs 'picture_shows': what a filled figure means, with the time and the "
                "trial, like 'whose disability got worse in 2 years of the CARE-MS II trial'"
            )
        return self


HOW_MANY_PLACEHOLDER = "{how_many}"


class Statement(Closed):
    """One fact, in plain English, with its sources."""

    id: Slug = Field(description="A name for this statement, unique across the site.")
    text: Text = Field(
        description=(
            "The fact in plain English. If it has 'how_many', write {how_many} where the "
            "number should go: it becomes words like 'about 4 in 10 people'."
        ),
        examples=["Thyroid problems affect {how_many}."],
    )
    how_many: HowMany | None = Field(
        None, description="A number of people, if the fact has one: 'count', 'out_of' and 'over'."
    )
    sources: SourceIds

    @model_validator(mode="after")
    def _placeholder_matches(self) -> Statement:
        uses = self.text.count(HOW_MANY_PLACEHOLDER)
        if self.how_many is not None and uses != 1:
            raise ValueError(f"the text must contain {HOW_MANY_PLACEHOLDER} once, where the number goes")
        if self.how_many is None and uses:
            raise ValueError(f"the text uses {HOW_MANY_PLACEHOLDER} but there is no 'how_many'")
        return self


class Section(Closed):
    heading: Text = Field(description="The section heading.", examples=["Reactions to the drip"])
    intro: Text | None = Field(
        None,
        description="An optional opening sentence (no sources needed if it states no fact).",
        examples=["The side effects page tells you more about each one."],
    )
    style: Literal["paragraphs", "list"] = Field(
        "paragraphs", description="Show the statements as short paragraphs or as a bulleted list."
    )
    statements: list[Statement] = Field(min_length=1, description="The facts in this section, in order.")
