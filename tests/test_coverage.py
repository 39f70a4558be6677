"""Seed coverage: every claim in a seed is mapped, to a real statement or to a reason."""

from __future__ import annotations

from conftest import Project

from medinfo.content.coverage import uncovered_passages

COVERAGE = "content_src/coverage.yaml"


def test_uncovered_passages_are_what_no_quote_covers() -> None:
    text = "One claim. Two claims, and a third."
    assert uncovered_passages(text, ["One claim.", "Two claims"]) == [", and a third."]
    assert uncovered_passages(text, [text]) == []


def test_a_claim_nobody_mapped_fails(project: Project) -> None:
    seed = project.path("content_src/seeds/999_zelvora.txt")
    extra = "Zelvora cures everyone in a week.\n"
    seed.write_text(seed.read_text(encoding="utf-8") + extra, encoding="utf-8")
    line = project.line_of(COVERAGE, "file: 999_zelvora.txt")
    assert project.errors() == [
        f"{COVERAGE}:{line}: seeds[1].file: this part of 999_zelvora.txt is not mapped to any claim: "
        '"Zelvora cures everyone in a week."'
    ]


def test_a_mapped_statement_that_does_not_exist_fails(project: Project) -> None:
    project.replace(COVERAGE, "statements: [zv-works-blocks]", "statements: [zv-works-block]")
    line = project.line_of(COVERAGE, "zv-works-block]")
    assert project.errors() == [
        f"{COVERAGE}:{line}: seeds[1].claims[1].statements[1]: there is no statement with the id "
        "'zv-works-block'."
    ]


def test_a_quote_not_copied_exactly_fails(project: Project) -> None:
    project.replace(COVERAGE, "quote: It is 100% safe, says the maker.", "quote: It is totally safe.")
    errors = project.errors()
    line = project.line_of(COVERAGE, "It is totally safe.")
    assert len(errors) == 2
    assert (
        f"{COVERAGE}:{line}: seeds[1].claims[2].quote: these words are not in 999_zelvora.txt. "
        "Copy the claim exactly from the seed."
    ) in errors
    assert any('not mapped to any claim: "It is 100% safe, says the maker."' in e for e in errors)


def test_left_out_claim_needs_a_reason(project: Project) -> None:
    project.replace(COVERAGE, "        why: An advert for the newsletter.\n", "")
    line = project.line_of(COVERAGE, "quote: Read more in our newsletter!")
    assert project.errors() == [
        f"{COVERAGE}:{line}: seeds[1].claims[3]: say 'why' the claim is 'not a claim'"
    ]


def test_a_seed_file_with_no_mapping_fails(project: Project) -> None:
    project.path("content_src/seeds/998_other.txt").write_text("Another claim.\n", encoding="utf-8")
    assert project.errors() == [
        f"{COVERAGE}:1: seeds: the seed document '998_other.txt' is not mapped at all."
    ]


def test_faq_answers_must_name_real_statements(project: Project) -> None:
    project.replace("content_src/faq.yaml", "answer_from: [zv-works-blocks]", "answer_from: [zv-works-blok]")
    line = project.line_of("content_src/faq.yaml", "zv-works-blok")
    assert project.errors() == [
        f"content_src/faq.yaml:{line}: questions[1].answer_from[1]: no topic has a statement with the "
        "id 'zv-works-blok'. Did you mean 'zv-works-blocks'?"
    ]
