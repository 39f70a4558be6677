"""The pages an editor writes: topics, the questions page, the glossary and front matter."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from medinfo.content.models.fields import Closed, PlainLine, SearchWord, Slug, SourceIds, Text
from medinfo.content.models.review import Change, Changes, Review, newest_first
from medinfo.content.models.statements import Section, Statement
from medinfo.problems import did_you_mean

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
