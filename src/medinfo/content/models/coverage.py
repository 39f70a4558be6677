"""What the seed documents and the package leaflet say, and which statements carry it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from medinfo.content.models.fields import Closed, LongText, PlainLine, Slug, Text

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
