"""The urgent-help card (urgent-help.yaml): its levels, signs and phone numbers."""

from __future__ import annotations

import re
import typing
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from medinfo.content.models.fields import Closed, PlainLine, SearchWord, Slug, SourceIds, Text
from medinfo.content.models.review import Change, Review, newest_first
from medinfo.content.models.sources import SourcedText


class PhoneNumber(Closed):
    number: str = Field(
        pattern=r"^[0-9]{2,6}$", description="The number to dial, digits only.", examples=["999"]
    )
    where: PlainLine = Field(description="Where it is the number to call, in a word or two.", examples=["UK"])


class PhoneService(Closed):
    """A service readers can phone; its numbers are shown wherever a text writes {id}."""

    id: Slug = Field(
        description="The name to write in braces in a text, like {emergency}.", examples=["emergency"]
    )
    numbers: list[PhoneNumber] = Field(min_length=1, description="Its numbers, the main one first.")
    sources: SourceIds


UrgencyLevel = Literal["emergency", "now", "soon"]


URGENCY_LEVELS: tuple[str, ...] = typing.get_args(UrgencyLevel)  # most urgent first


_PHONE_PLACEHOLDER = re.compile(r"\{([a-z0-9-]+)\}")


class UrgentSign(SourcedText):
    """One warning sign on the card, and the leaflet passages that say how urgent it is."""

    leaflet: list[Slug] = Field(
        default_factory=list,
        description=(
            "The passages of the package leaflet this sign comes from, by their id in "
            "content_src/leaflet-map.yaml. The check refuses a level less urgent than the leaflet's "
            "own words there ('get help right away' is emergency; 'immediately' or 'right away' is now)."
        ),
        examples=[["s2-serious-after-drip"]],
    )


class UrgentLevel(Closed):
    """One level of urgency (like an NHS care card): its words, its warning signs, what to do."""

    level: UrgencyLevel = Field(
        description=(
            "emergency (call an ambulance now), now (contact the MS team straight away; if they cannot "
            "be reached, 111 or A&E) or soon (tell the MS team soon)."
        ),
        examples=["emergency"],
    )
    heading: Text = Field(
        description="Who to call and when, before the signs. Write {id} for a phone service's numbers.",
        examples=["Call {emergency} now if you have"],
    )
    signs: list[UrgentSign] = Field(
        min_length=1, description="The warning signs, one per item, each worded as its sources give it."
    )
    action: SourcedText | None = Field(
        None, description="Optional: what else to do, in a sentence, with its sources."
    )


def _phone_placeholders(level: UrgentLevel) -> list[str]:
    """The phone services a level's heading and action name, as {id}, in the order written."""
    texts = [level.heading] + ([level.action.text] if level.action else [])
    return [name for text in texts for name in _PHONE_PLACEHOLDER.findall(text)]


class UrgentHelp(Closed):
    """The 'Get help urgently' card shown on every topic page and handout, in levels."""

    heading: PlainLine = Field(description="The card's heading.", examples=["Get help urgently"])
    phone_numbers: list[PhoneService] = Field(
        min_length=1, description="The phone services the levels name, with their numbers."
    )
    levels: list[UrgentLevel] = Field(
        min_length=1, description="The levels, most urgent first: emergency, now, soon."
    )
    review: Review | None = Field(
        None,
        description=(
            "When the card was last checked against its sources, by whom, and when it is due again "
            "(shown on the 'Get help urgently' page, like every page's review date)."
        ),
    )
    page_intro: Text | None = Field(
        None,
        description=(
            "The first words of the 'Get help urgently' page, above the card: who it is for. "
            "Without it, the page starts with a sentence the build writes."
        ),
        examples=["If you feel unwell after Lemtrada, these signs need help quickly."],
    )
    search_words: list[SearchWord] = Field(
        default_factory=list,
        description=(
            "Words a reader in a hurry may type into the site's search (like 999 or A&E); "
            "searching any of them finds the 'Get help urgently' page first. Each must appear "
            "in the card or the page's intro, so no search word promises what the page does not say."
        ),
        examples=[["emergency", "999", "A&E", "ambulance"]],
    )
    changes: list[Change] = Field(
        default_factory=list,
        description=(
            "What has changed on the card, newest first: add a new entry at the top each time "
            "what it says changes. Shown on the 'What's changed' page, under Get help urgently."
        ),
    )

    @model_validator(mode="after")
    def _levels_numbers_and_search_words(self) -> UrgentHelp:
        given = [level.level for level in self.levels]
        expected = [name for name in URGENCY_LEVELS if name in given]
        if given != expected:
            raise ValueError(
                f"list each level once, most urgent first ({', '.join(URGENCY_LEVELS)}); "
                f"they are: {', '.join(given)}"
            )
        known = {service.id for service in self.phone_numbers}
        for level in self.levels:
            for name in _phone_placeholders(level):
                if name not in known:
                    raise ValueError(
                        f"the {level.level} level writes {{{name}}}, but phone_numbers has no "
                        f"service with the id '{name}' (it has: {', '.join(sorted(known))})"
                    )
        return self

    @field_validator("changes")
    @classmethod
    def _changes_in_order(cls, value: list[Change]) -> list[Change]:
        return newest_first(value)

    @field_validator("search_words")
    @classmethod
    def _search_words_in_card(cls, words: list[str], info: ValidationInfo) -> list[str]:
        if not {"heading", "phone_numbers", "levels"} <= info.data.keys():
            return words  # the card has mistakes of its own, reported with their fields
        card = UrgentHelp.model_construct(
            heading=info.data["heading"], phone_numbers=info.data["phone_numbers"], levels=info.data["levels"]
        ).card_text()
        page = f"{info.data.get('page_intro') or ''} {card}"
        missing = [word for word in words if word.lower() not in page.lower()]
        if missing:
            raise ValueError(
                f"{', '.join(missing)}: not in the card or the page's intro (a search word must be "
                "one the page uses)"
            )
        return words

    def card_text(self) -> str:
        """Every word of the card as a reader sees it, phone numbers put in."""
        texts = [self.heading]
        for level in self.levels:
            texts += [level.heading] + [sign.text for sign in level.signs]
            texts += [level.action.text] if level.action else []
        return " ".join(self.phone_words(text) for text in texts)

    def services_in(self, level: UrgentLevel) -> list[PhoneService]:
        """The phone services a level's heading or action names, in the order listed."""
        named = _phone_placeholders(level)
        return [service for service in self.phone_numbers if service.id in named]

    def phone_words(self, text: str) -> str:
        """The text with each {id} replaced by its numbers: '999 (UK) or 112 (EU)'."""
        services = {service.id: service for service in self.phone_numbers}

        def words(match: re.Match[str]) -> str:
            service = services.get(match.group(1))
            if service is None:
                return match.group(0)
            return " or ".join(f"{n.number} ({n.where})" for n in service.numbers)

        return _PHONE_PLACEHOLDER.sub(words, text)
