"""The one definition of what a content file may contain.

Every model is closed (an unknown or misspelt field is an error), strict (a
number is not silently turned into text, text is not turned into a date) and
frozen. Field descriptions are written for editors; they also feed the error
messages and editors' tools.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from . import clock

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
# Titles and descriptions are also placed into HTML by the theme, which does not
# escape them; so the characters that would break the page are not allowed.
PlainLine = Annotated[str, Field(min_length=1, max_length=300, pattern=r'^[^<>&"]+$')]
WebAddress = Annotated[
    str,
    Field(
        pattern=r"^https://[^\s/()<>\"'\\]+\.[^\s()<>\"'\\]+$",
        max_length=500,
        examples=["https://www.ema.europa.eu/"],
    ),
]
SourceIds = Annotated[
    list[Slug],
    Field(
        min_length=1,
        description="The ids of the sources that support this, from content_src/sources.yaml.",
        examples=[["ema-referral", "smpc"]],
    ),
]


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(Closed):
    """One entry in the sources registry."""

    id: Slug = Field(description="How statements refer to this source.", examples=["ema-referral"])
    title: Text = Field(
        description="The title as the publisher gives it.",
        examples=["EPAR - product information"],
    )
    publisher: Text = Field(description="Who published it.", examples=["European Medicines Agency"])
    url: WebAddress | None = Field(
        None,
        description="The public web address a reader can follow (https://...).",
        examples=["https://www.ema.europa.eu/"],
    )
    seed_file: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9_.-]+\.txt$",
        description="For a seed document with no public address: its file name.",
        examples=["001_6380b12d6e3020da.txt"],
    )
    published: dt.date | None = Field(
        None, description="The date it was published (YYYY-MM-DD).", examples=["2019-04-12"]
    )
    accessed: dt.date | None = Field(
        None, description="The date it was last read (YYYY-MM-DD).", examples=["2026-11-22"]
    )
    note: Text | None = Field(
        None,
        description="Anything a reader should know, in a sentence.",
        examples=["The official EU product information for doctors and for patients."],
    )

    @model_validator(mode="after")
    def _where_and_when(self) -> Source:
        if self.url is None and self.seed_file is None:
            raise ValueError("give the source a 'url' (or, for a seed document, a 'seed_file')")
        if self.published is None and self.accessed is None:
            raise ValueError("give the date the source was 'published' or 'accessed'")
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


class UrgentHelp(Closed):
    """The 'Get help urgently' box shown on every topic page."""

    heading: Text = Field(description="The box's heading.", examples=["Get help urgently if you have"])
    signs: list[SourcedText] = Field(
        min_length=1, description="The warning signs, one per item, each with its sources."
    )
    action: SourcedText = Field(description="What to do, in one or two sentences, with its sources.")


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


class Topic(Closed):
    """One topic page."""

    title: PlainLine = Field(description="The page heading.", examples=["Side effects"])
    description: PlainLine = Field(
        description="One sentence saying what the page covers.",
        examples=["The main side effects, how often they happen, and which ones are serious."],
    )
    order: int = Field(ge=1, description="Where the page goes in the menu: 1 comes first.", examples=[4])
    menu_group: PlainLine | None = Field(
        None,
        description="Optional: a heading in the menu to list this page under. Pages with the same "
        "heading are listed together, where the first of them comes. Leave it out to list the page "
        "on its own.",
        examples=["Safety"],
    )
    review: Review = Field(description="When the page was checked, by whom, and when it is due again.")
    intro: Text | None = Field(
        None,
        description="An optional opening sentence with no facts in it.",
        examples=["This page lists the main side effects and how often they happen."],
    )
    sections: list[Section] = Field(min_length=1, description="The parts of the page, each with a heading.")
    questions_to_ask: list[Question] = Field(
        default_factory=list,
        description="Questions readers could ask their care team. They state no facts, so need no sources.",
        examples=[["What happens if I miss a test?"]],
    )
    changes: Changes

    @field_validator("changes")
    @classmethod
    def _changes_in_order(cls, value: list[Change]) -> list[Change]:
        return newest_first(value)


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


class FaqFile(Closed):
    """The 'Questions people ask' page."""

    title: PlainLine = Field(description="The page heading.", examples=["Questions people ask"])
    description: PlainLine = Field(
        description="One sentence saying what the page covers.",
        examples=["Short answers to common questions, taken from the topic pages."],
    )
    review: Review = Field(description="When the page was checked, by whom, and when it is due again.")
    intro: Text | None = Field(
        None,
        description="An optional opening paragraph with no facts in it.",
        examples=["These are questions people often ask."],
    )
    questions: list[FaqEntry] = Field(min_length=1, description="The questions, in the order they appear.")
    changes: Changes

    @field_validator("changes")
    @classmethod
    def _changes_in_order(cls, value: list[Change]) -> list[Change]:
        return newest_first(value)


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
    until_months_after_last_course: int = Field(
        ge=1,
        le=120,
        description="How long it goes on: months after the last course of treatment.",
        examples=[48],
    )
    sources: SourceIds


class CourseGap(Closed):
    """How long after the first course the second one is, so the tracker covers the time between."""

    months: int = Field(ge=1, le=60, description="Months from the first course to the second.", examples=[12])
    sources: SourceIds


class MonitoringSchedule(Closed):
    """The structured test timetable the printable monitoring tracker is made from."""

    title: PlainLine = Field(description="The tracker's heading.", examples=["Monitoring tracker"])
    description: PlainLine = Field(
        description="One sentence saying what the tracker is for.",
        examples=["A sheet to tick off your tests, month by month."],
    )
    review: Review = Field(description="When the tracker was checked, by whom, and when it is due again.")
    intro: Text | None = Field(
        None,
        description="An optional opening sentence with no facts in it.",
        examples=["Use this sheet to keep track of your tests."],
    )
    second_course_after: CourseGap | None = Field(
        None, description="Leave out for a medicine given as a single course."
    )
    tests: list[ScheduledTest] = Field(min_length=1, description="Each test, one column on the sheet.")

    @model_validator(mode="after")
    def _unique_test_ids(self) -> MonitoringSchedule:
        ids = [test.id for test in self.tests]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"each test needs its own id; used more than once: {', '.join(twice)}")
        gap = self.second_course_after
        uneven = [t.id for t in self.tests if gap and gap.months % t.every_months]
        if uneven:
            raise ValueError(
                "second_course_after.months must be a whole number of each test's every_months, "
                f"so the sheet keeps each test's rhythm; it is not for: {', '.join(uneven)}"
            )
        return self
