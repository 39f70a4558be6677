"""Plain-language checks on page HTML: readability, percentages, the glossary."""

from __future__ import annotations

from medinfo.checks.prose import PageProse, check_pages, prose_from_html, readability_report
from medinfo.content.schema import GlossaryEntry
from medinfo.site.glossary import abbreviations, mark_first_uses

PAGE_HTML = """
<article>
<h1>Side effects</h1>
<p>Reactions to the drip are common. <a href="#source-a">[1]</a></p>
<ul><li>Chest pain</li><li>Coughing up blood</li></ul>
<figure><svg><title>picture</title></svg><figcaption>Caption words</figcaption></figure>
<h2 id="sources">Sources</h2>
<ol><li id="source-a">A Very Long Pharmacological Title About Immunomodulatory Pharmacokinetics</li></ol>
</article>
"""


def entry(term: str, *also: str) -> GlossaryEntry:
    return GlossaryEntry(term=term, explanation=f"What {term} means.", also_called=list(also), sources=["s"])


def page(text: str, name: str = "topics/x.md") -> PageProse:
    return PageProse(name, "content_src/topics/x.yaml", text)


def test_prose_is_the_sentences_only() -> None:
    assert prose_from_html(PAGE_HTML) == "Reactions to the drip are common. Chest pain. Coughing up blood."


def test_hard_page_fails_with_its_grade_and_longest_sentence() -> None:
    hard = page(
        "Alemtuzumab-mediated immunodepletion necessitates comprehensive longitudinal haematological "
        "surveillance, notwithstanding considerable interindividual pharmacodynamic variability."
    )
    easy = page("You have a blood test each month. It checks your blood.", "topics/easy.md")
    [problem] = check_pages([hard, easy], [], [], "content_src/glossary.yaml", {})
    assert problem.file == "content_src/topics/x.yaml"
    assert f"topics/x.md reads at school grade {hard.grade}" in problem.message
    assert "the limit is 8" in problem.message and "Alemtuzumab-mediated" in problem.message
    report = readability_report([easy, hard]).splitlines()
    assert report[1].endswith("topics/x.md") and report[2].endswith("topics/easy.md")  # hardest first


def test_percentage_in_prose_is_flagged_on_its_line() -> None:
    lines = {"content_src/topics/x.yaml": ["title: X", "text: It helps 42 % of people."]}
    for written in ("42 %", "42%", "42 per cent", "42 percent"):
        problems = check_pages([page(f"It helps {written} of people.")], [], [], "g.yaml", lines)
        assert len(problems) == 1 and "gives a percentage" in problems[0].message, written
    assert check_pages([page("It helps 42 of 100 people.")], [], [], "g.yaml", {}) == []


def test_medical_word_missing_from_glossary_and_unused_entry() -> None:
    glossary = [entry("thyroid"), entry("platelets", "platelet")]
    pages = [page("Your thyroid is in your neck. Lymphocytes are cells.")]
    lines = {"content_src/glossary.yaml": ["terms:", "  - term: thyroid", "  - term: platelets"]}
    problems = check_pages(pages, glossary, ["thyroid", "lymphocytes"], "content_src/glossary.yaml", lines)
    messages = sorted(str(p) for p in problems)
    assert messages == [
        "content_src/glossary.yaml:3: terms: 'platelets' is used on no page. Remove it, or use the "
        "word where it helps.",
        "content_src/topics/x.yaml:1: (page text): topics/x.md uses the medical word 'lymphocytes', "
        "which is not explained in content_src/glossary.yaml. Add it there with a plain explanation.",
    ]


def test_a_word_a_page_shows_from_a_shared_file_is_found_in_that_file() -> None:
    """The care team's name is on every page and the urgent card on every topic: a word from
    them is reported where an editor can change it, not on line 1 of the page's own file."""
    lines = {
        "content_src/topics/x.yaml": ["title: X", "text: Your team checks you."],
        "content_src/medicine.yaml": ["brand_name: Zelvora", "care_team: your lymphocyte team"],
        "content_src/urgent-help.yaml": ["levels:", "  - sign: Coughing up blood (haemoptysis)"],
    }
    shared = ("content_src/medicine.yaml", "content_src/urgent-help.yaml")
    text = "Your lymphocyte team checks you. Call if you have haemoptysis. Your team checks you at 5%."
    problems = check_pages([page(text)], [], ["lymphocyte", "haemoptysis"], "g.yaml", lines, shared)
    found = sorted((p.file, p.line, p.message.split("'")[1]) for p in problems)
    assert found == [
        ("content_src/medicine.yaml", 2, "lymphocyte"),
        ("content_src/topics/x.yaml", 1, "5%"),  # in no file: the page's own, line 1
        ("content_src/urgent-help.yaml", 2, "haemoptysis"),
    ]
    # A word in the page's own file is reported there, first.
    lines["content_src/topics/x.yaml"].append("more: your lymphocyte team")
    again = check_pages([page(text)], [], ["lymphocyte"], "g.yaml", lines, shared)
    [own] = [p for p in again if "lymphocyte" in p.message]
    assert (own.file, own.line) == ("content_src/topics/x.yaml", 3)


def test_glossary_page_does_not_count_as_using_a_term() -> None:
    glossary_page = PageProse("glossary.md", "content_src/glossary.yaml", "Platelets: cells.", True)
    problems = check_pages([glossary_page], [entry("platelets")], [], "content_src/glossary.yaml", {})
    assert [p.field for p in problems] == ["terms"]


def test_abbreviations_cover_forms_and_capitals() -> None:
    words = abbreviations([entry("platelets", "platelet")])
    assert set(words) == {"platelets", "Platelets", "platelet", "Platelet"}


def test_first_use_of_each_word_is_focusable_and_links_stay_plain() -> None:
    html = (
        '<p><abbr title="A">ITP</abbr> and <abbr title="A">ITP</abbr></p>'
        '<h2><abbr title="A">ITP</abbr></h2><p><a href="x"><abbr title="B">thyroid</abbr></a></p>'
    )
    marked = mark_first_uses(html)
    assert marked.count('tabindex="0"') == 1
    assert "<h2>ITP</h2>" in marked and '<a href="x">thyroid</a>' in marked
