"""The one definition of what a content file may contain.

Every model is closed (an unknown or misspelt field is an error), strict (a
number is not silently turned into text, text is not turned into a date) and
frozen. Field descriptions are written for editors; they also feed the error
messages and editors' tools.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Annotated, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from medinfo import clock
from medinfo.problems import did_you_mean

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


class ClinicalSignoff(Closed):
    by: Text = Field(
        description="The clinician's name and role.", examples=["Dr A Name, consultant neurologist"]
    )
    date: dt.date = Field(
        description="The date they signed the page off (YYYY-MM-DD).", examples=["2026-11-22"]
    )

    @field_validator("date")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        return _not_after_today(value, "a sign-off")


class Review(Closed):
    """When a page was checked, by whom, and when it must be checked again."""

    last_reviewed: dt.date = Field(
        description="The date the page was last checked (YYYY-MM-DD).", examples=["2026-11-22"]
    )
    next_review_due: dt.date = Field(
        description=f"When it must be checked again: at most {MAX_REVIEW_YEARS} years after last_reviewed.",
        examples=["2027-11-22"],
    )
    reviewed_by: Text = Field(description="Who checked it.", examples=["Site editors (not clinicians)"])
    clinical_signoff: Literal["none"] | ClinicalSignoff = Field(
        description="Write none until a clinician has signed the page off; then give 'by' and 'date'.",
        examples=["none"],
    )

    @field_validator("last_reviewed")
    @classmethod
    def _reviewed_in_past(cls, value: dt.date) -> dt.date:
        return _not_after_today(value, "a review")

    @field_validator("next_review_due")
    @classmethod
    def _due_in_order(cls, due: dt.date, info: ValidationInfo) -> dt.date:
        last = info.data.get("last_reviewed")
        if last is None:
            return due
        if due <= last:
            raise ValueError(f"must be after last_reviewed ({last.isoformat()})")
        latest = add_years(last, MAX_REVIEW_YEARS)
        if due > latest:
            raise ValueError(
                f"must be at most {MAX_REVIEW_YEARS} years after last_reviewed, "
                f"so no later than {latest.isoformat()}"
            )
        return due

    @property
    def signed_off(self) -> ClinicalSignoff | None:
        return self.clinical_signoff if isinstance(self.clinical_signoff, ClinicalSignoff) else None


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


class Change(Closed):
    """One change to a page, in plain words, shown on the 'What's changed' page."""

    date: dt.date = Field(
        description="The day the change was made (YYYY-MM-DD). Not in the future.", examples=["2026-11-22"]
    )
    summary: Text = Field(
        description="What changed, in one or two plain sentences a reader understands.",
        examples=["First published on this site."],
    )

    @field_validator("date")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        return _not_after_today(value, "a change")


Changes = Annotated[
    list[Change],
    Field(
        min_length=1,
        description=(
            "What has changed on this page, newest first: add a new entry at the top "
            "each time you change what the page says."
        ),
    ),
]


UrgentHelp.model_rebuild()  # its changes are Change entries, defined after it


def newest_first(changes: list[Change]) -> list[Change]:
    """The changes, checked to be newest first (entries on the same day may be in any order)."""
    for index, (newer, older) in enumerate(zip(changes, changes[1:], strict=False), start=1):
        if newer.date < older.date:
            raise ValueError(
                f"list the newest change first: change {index} ({newer.date.isoformat()}) is older "
                f"than change {index + 1} ({older.date.isoformat()}). Put new changes at the top."
            )
    return changes


Question = Annotated[
    str,
    Field(min_length=1, max_length=300, pattern=r"^[^<>&\"]+\?$", description="A question, ending with '?'."),
]


class PageHead(Closed):
    """The fields every page made from one content file starts with."""

    title: PlainLine = Field(description="The page heading.", examples=["Side effects"])
    description: PlainLine = Field(
        description="One sentence saying what the page covers.",
        examples=["The main side effects, how often they happen, and which ones are serious."],
    )
    review: Review = Field(description="When the page was checked, by whom, and when it is due again.")
    intro: Text | None = Field(
        None,
        description="An optional opening paragraph with no facts in it.",
        examples=["This page lists the main side effects and how often they happen."],
    )

    @field_validator("changes", check_fields=False)
    @classmethod
    def _changes_in_order(cls, value: list[Change]) -> list[Change]:
        return newest_first(value)


class Topic(PageHead):
    """One topic page."""

    order: int = Field(ge=1, description="Where the page goes in the menu: 1 comes first.", examples=[4])
    menu_group: PlainLine | None = Field(
        None,
        description="Optional: a heading in the menu to list this page under. Pages with the same "
        "heading are listed together, where the first of them comes. Leave it out to list the page "
        "on its own.",
        examples=["Safety"],
    )
    sections: list[Section] = Field(min_length=1, description="The parts of the page, each with a heading.")
    key_points: list[Slug] = Field(
        default_factory=list,
        min_length=3,
        max_length=5,
        description=(
            "Optional: 3 to 5 of this page's own statements, by id, shown first in a 'Key points' "
            "box with their sources. The box repeats them word for word, so it never says more "
            "than the page."
        ),
        examples=[["mon-monthly", "mon-liver", "mon-thyroid"]],
    )
    questions_to_ask: list[Question] = Field(
        default_factory=list,
        description="Questions readers could ask their care team. They state no facts, so need no sources.",
        examples=[["What happens if I miss a test?"]],
    )
    search_words: list[SearchWord] = Field(
        default_factory=list,
        description=(
            "Optional: words readers type into the site's search (like 'liver' or 'blood test') that "
            "should find this page first. Each must be in one of the page's statements, so no search "
            "word promises what the page does not say."
        ),
        examples=[["liver", "blood test"]],
    )

    @field_validator("search_words")
    @classmethod
    def _search_words_on_the_page(cls, words: list[str], info: ValidationInfo) -> list[str]:
        if "sections" not in info.data:
            return words  # the sections have mistakes of their own, reported with their fields
        sections: list[Section] = info.data["sections"]
        text = " ".join(s.text for section in sections for s in section.statements).lower()
        missing = [word for word in words if word.lower() not in text]
        if missing:
            raise ValueError(
                f"{', '.join(missing)}: not in the page's statements (a search word must be one the "
                "page uses)"
            )
        return words

    changes: Changes

    @field_validator("key_points")
    @classmethod
    def _key_points_are_on_this_page(cls, ids: list[str], info: ValidationInfo) -> list[str]:
        if "sections" not in info.data:
            return ids  # the sections have mistakes of their own, reported with their fields
        own = [statement.id for section in info.data["sections"] for statement in section.statements]
        for statement_id in ids:
            if statement_id not in own:
                hint = did_you_mean(statement_id, own)
                raise ValueError(
                    f"'{statement_id}' is not the id of a statement on this page "
                    f"(a key point repeats one of the page's own statements).{hint}"
                )
        if len(set(ids)) < len(ids):
            raise ValueError("a statement is listed twice; list each key point once")
        return ids


class GlossaryEntry(Closed):
    """A medical word and its plain explanation, shown when a reader hovers, focuses or taps it."""

    term: PlainLine = Field(description="The word as it appears on the pages.", examples=["thyroid"])
    explanation: PlainLine = Field(
        description="A short plain explanation (one sentence).",
        examples=["A gland in your neck that controls how your body uses energy."],
    )
    also_called: list[PlainLine] = Field(
        default_factory=list,
        description="Other forms of the word used on the pages.",
        examples=[["white blood cell"]],
    )
    sources: SourceIds


class GlossaryFile(Closed):
    terms: list[GlossaryEntry] = Field(min_length=1, description="Every medical word, with its explanation.")


class MedicalTermsFile(Closed):
    """The one list of medical words that must be explained in the glossary wherever they appear."""

    medical_terms: list[PlainLine] = Field(
        min_length=1,
        description="Medical words, one per item. A page that uses one needs it in glossary.yaml.",
        examples=[["monoclonal antibody"]],
    )


class FaqEntry(Closed):
    id: Slug = Field(description="A name for this question, unique in the file.")
    question: Question = Field(examples=["How does it work?"])
    answer_from: list[Slug] = Field(
        min_length=1,
        description="The ids of statements (on topic pages) that answer it: their words are reused.",
        examples=[["hw-what-it-is", "hw-antibody"]],
    )
    more: list[Statement] = Field(
        default_factory=list,
        description="Extra statements that only this answer needs, each with an id, text and sources.",
    )


class FaqFile(PageHead):
    """The 'Questions people ask' page."""

    questions: list[FaqEntry] = Field(min_length=1, description="The questions, in the order they appear.")
    changes: Changes


SEED_CLAIM_STATUSES = ("covered", "out of date", "not about this medicine", "unsupported", "not a claim")


class SeedClaim(Closed):
    """One claim in a seed document, and what the site does with it."""

    quote: Text = Field(
        description="The claim's words, copied exactly from the seed document.",
        examples=["Comments are closed."],
    )
    status: Literal["covered", "out of date", "not about this medicine", "unsupported", "not a claim"] = (
        Field(description="What the site does with the claim.")
    )
    statements: list[Slug] = Field(
        default_factory=list,
        description="The statements that cover it (or, if it is out of date, that say the current thing).",
        examples=[["hw-what-it-is"]],
    )
    why: Text | None = Field(
        None,
        description="Why it is left out (needed unless it is covered).",
        examples=["A note at the end of the web page, not a claim."],
    )

    @model_validator(mode="after")
    def _explained(self) -> SeedClaim:
        if self.status in ("covered", "out of date") and not self.statements:
            raise ValueError(f"a claim that is '{self.status}' needs 'statements'")
        if self.status != "covered" and not self.why:
            raise ValueError(f"say 'why' the claim is '{self.status}'")
        return self


class SeedCoverage(Closed):
    file: str = Field(
        pattern=r"^[A-Za-z0-9_.-]+\.txt$",
        description="The seed file in content_src/seeds/.",
        examples=["000_92a263f5205d2db8.txt"],
    )
    claims: list[SeedClaim] = Field(min_length=1, description="Every claim in the file, in order.")


class CoverageFile(Closed):
    """Maps every claim in every seed document to the site, or to why it is left out."""

    seeds: list[SeedCoverage] = Field(min_length=1, description="One entry per seed document.")


class LeafletPassage(Closed):
    """One passage of the package leaflet, and the statements on the site that carry it."""

    id: Slug = Field(description="A name for this passage, unique in the file.", examples=["s2-vaccines"])
    section: PlainLine = Field(
        description="The leaflet's own section it is in, as readers see it cited.", examples=["section 2"]
    )
    text: LongText = Field(
        description=(
            "The passage, copied exactly from the leaflet text (line breaks do not matter). If the "
            "leaflet changes, the check points here."
        ),
        examples=["You must NOT receive certain types of vaccines (live viral vaccines)"],
    )
    statements: list[Slug] = Field(
        default_factory=list,
        description="The statements on the site that say what this passage says, by id.",
        examples=[["bys-live-vaccines"]],
    )
    not_for_this_site: Text | None = Field(
        None,
        description="Instead of 'statements': why the site does not say it, for readers to trust.",
        examples=["How the hospital stores the medicine: nothing for a patient to do."],
    )

    @model_validator(mode="after")
    def _one_answer(self) -> LeafletPassage:
        # Neither is checked with the urgent-help card, whose signs may carry a passage.
        if self.statements and self.not_for_this_site:
            raise ValueError(
                "give either 'statements' (the statements that carry this passage) or "
                "'not_for_this_site' (why the site leaves it out), not both"
            )
        return self


class LeafletMap(Closed):
    """Every passage of the package leaflet, mapped to the site's statements or to why not."""

    leaflet_file: str = Field(
        pattern=r"^[A-Za-z0-9_.-]+\.txt$",
        description="The leaflet's text, a file in content_src/leaflet/.",
        examples=["eu-package-leaflet-lemtrada.txt"],
    )
    source: Slug = Field(
        description="The leaflet's id in sources.yaml, whose record says where this text was read.",
        examples=["eu-leaflet"],
    )
    passages: list[LeafletPassage] = Field(
        min_length=1, description="Every passage of the leaflet, in the leaflet's order."
    )


class PageFrontMatter(Closed):
    """The block between '---' lines at the top of a hand-written page in docs/."""

    title: PlainLine = Field(description="The page heading.", examples=["About this site"])
    description: PlainLine = Field(
        description="One sentence saying what the page covers.",
        examples=["Who writes this site, where the facts come from, and how the pages are checked."],
    )
    review: Review | None = Field(
        None, description="When the page was checked, by whom, and when it is due again."
    )
    hide: list[Literal["navigation", "toc", "footer", "path"]] | None = Field(
        None,
        description="Parts of the page layout to hide, such as the menu ('navigation').",
        examples=[["toc"]],
    )


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _not_after_today(value: dt.date, what: str) -> dt.date:
    today = clock.today()
    if value > today:
        raise ValueError(
            f"{value.isoformat()} is in the future: {what} can only be recorded once it has "
            f"happened (today is {today.isoformat()})"
        )
    return value


class ScheduledTest(Closed):
    """One kind of test on the monitoring tracker: how often, and for how long."""

    id: Slug = Field(description="A short name for the test, unique in the file.", examples=["blood"])
    name: PlainLine = Field(description="The test's name, as a column heading.", examples=["Blood test"])
    checks: Text | None = Field(
        None,
        description="What the test checks, in plain words (covered by the same sources).",
        examples=["counts your blood cells and checks your kidneys"],
    )
    every_months: int = Field(
        ge=1, le=12, description="How often: 1 is every month, 3 every 3 months.", examples=[1]
    )
    until_months_after_last_course: int | None = Field(
        None,
        ge=1,
        le=120,
        description=(
            "How long it goes on: months after the last course of treatment. Leave it out only when "
            "no source gives an end: the sheet then shows the test for as long as the other tests, "
            "and says that no end is given."
        ),
        examples=[48],
    )
    note: Text | None = Field(
        None,
        description=(
            "A sentence the reader needs beside this test, printed with it on the tracker, the calendar "
            "and the calendar file: for example where the advice comes from (covered by the same sources)."
        ),
        examples=["This is advised in the United States. Ask your MS team whether you need it."],
    )
    sources: SourceIds


class CourseGap(Closed):
    """How long after the first course the second one is, so the tracker covers the time between."""

    months: int = Field(ge=1, le=60, description="Months from the first course to the second.", examples=[12])
    sources: SourceIds


class MonitoringSchedule(PageHead):
    """The structured test timetable the printable monitoring tracker is made from."""

    second_course_after: CourseGap | None = Field(
        None, description="Leave out for a medicine given as a single course."
    )
    tests: list[ScheduledTest] = Field(min_length=1, description="Each test, one column on the sheet.")
    changes: list[Change] = Field(
        default_factory=list,
        description=(
            "What has changed on the tracker, newest first: add a new entry at the top each time "
            "the timetable changes."
        ),
    )

    # Unique test ids and intervals that fit the gap between courses are checked in
    # loader.check_schedule, which points at the line to fix.

    @model_validator(mode="after")
    def _some_test_ends(self) -> MonitoringSchedule:
        if all(test.until_months_after_last_course is None for test in self.tests):
            raise ValueError(
                "at least one test needs 'until_months_after_last_course', so that the sheet knows "
                "how long the tests go on"
            )
        return self

    @property
    def months_after_last_course(self) -> int:
        """How long the sheet runs after the last course: the longest-running test with an end."""
        return max(t.until_months_after_last_course or 0 for t in self.tests)

    def ends_after(self, test: ScheduledTest) -> int:
        """Months after the last course that ``test`` is shown for (the whole sheet if no end is given)."""
        return test.until_months_after_last_course or self.months_after_last_course
