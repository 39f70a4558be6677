"""Synthetic content for the scaling benchmark: N made-up medicines x T topics in one project.

The site is one medicine per MkDocs project, so "10 medicines x 10 topics" is
one project whose content_src/ has 100 topic files (ten per made-up medicine,
shaped like the real topics: an intro, three sections of short sourced
statements, numbers as natural frequencies, one risk picture per medicine,
questions to ask), plus the shared files every project has (sources with one
label and one trial per medicine, glossary, FAQ, seed coverage, urgent help,
monitoring schedule) and the hand-written pages of the made-up medicine in
tests/fixtures/zelvora. Everything passes the strict checks: every statement
is sourced, every glossary word is used, the seed is covered, and the text is
short plain sentences (well under reading grade 8) with no percentages.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import yaml

from medinfo.navmenu import kept_entries
from medinfo.registry import generated_paths

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "zelvora"
# Every synthetic review date is inside [LAST_REVIEWED, NEXT_REVIEW_DUE]: build "as of" TODAY.
LAST_REVIEWED = dt.date(2026, 1, 15)
NEXT_REVIEW_DUE = dt.date(2027, 1, 15)
TODAY = "2026-06-01"

# Ten kinds of page, like the real site's topics. Each gets three sections of three statements.
TOPIC_KINDS = [
    ("how-it-works", "How {name} works", "What {name} does in the body."),
    ("who-can-have-it", "Who can have {name}", "Who {name} is for and who should not have it."),
    ("how-it-is-given", "How {name} is given", "Where and how you have {name}."),
    ("benefits", "What {name} can do", "How well {name} worked in its trial."),
    ("side-effects", "Side effects of {name}", "The side effects of {name} and how often they happen."),
    ("tests", "Tests and checks for {name}", "The tests you need while you take {name}."),
    ("pregnancy", "{name} and having a baby", "What to know about {name} if you want a baby."),
    ("living-with", "Daily life on {name}", "Work, travel and food while you take {name}."),
    ("stopping", "Stopping {name}", "What happens when you stop {name}."),
    ("history", "The story of {name}", "How {name} came to be used."),
]

# Short plain sentences. {name} is the made-up medicine; {how_many} the natural frequency.
SENTENCES = [
    "{name} blocks a made-up protein that causes test fever.",
    "You have {name} in a clinic. A nurse stays with you the whole time.",
    "Tell your team if you feel unwell. They can help you.",
    "Most people carry on with work and school.",
    "Some people feel tired for a day or two. This is normal.",
    "You will have a blood test each month. It checks your blood cells.",
    "Ask your team before you plan a trip. They can give you a letter.",
    "Do not stop {name} on your own. Talk to your team first.",
    "Your team will tell you what to do next. Keep your notes in one place.",
]
NUMBERS = [
    "Itchy skin affects {how_many}.",
    "Test fever came back in {how_many}.",
    "Sneezing affects {how_many}.",
]


def medicine_name(index: int) -> str:
    return f"Medicine {index + 1}"


def _statement(
    sid: str, text: str, sources: list[str], how_many: dict[str, Any] | None = None
) -> dict[str, Any]:
    statement: dict[str, Any] = {"id": sid, "text": text}
    if how_many:
        statement["how_many"] = how_many
    statement["sources"] = sources
    return statement


def _topic(med: int, kind: int, order: int) -> tuple[str, dict[str, Any]]:
    slug, title, description = TOPIC_KINDS[kind % len(TOPIC_KINDS)]
    name = medicine_name(med)
    prefix = f"m{med + 1:03d}"
    label, trial = f"{prefix}-label", f"{prefix}-trial"
    sections = []
    for s in range(3):
        statements = []
        for n in range(3):
            text = SENTENCES[(kind + s * 3 + n) % len(SENTENCES)].format(name=name)
            sources = [label] if n != 1 else [label, trial]
            if n == 2:  # one number per section, as the real pages have
                how_many = {"count": 3 + 7 * s + kind, "out_of": 100, "over": "2 years"}
                if kind == 4 and s == 0:  # the side-effects page has the medicine's risk picture
                    how_many["picture"] = True
                    how_many["picture_title"] = f"On {name}"
                    how_many["picture_shows"] = f"who had it over 2 years on {name} in its trial"
                text = NUMBERS[s].format(how_many="{how_many}")
                statements.append(_statement(f"{prefix}-{slug}-{s}-{n}", text, [trial], how_many))
            else:
                statements.append(_statement(f"{prefix}-{slug}-{s}-{n}", text, sources))
        sections.append(
            {
                "heading": ["What to know", "What happens", "What to do"][s],
                **({"style": "list"} if s == 1 else {}),
                "statements": statements,
            }
        )
    topic = {
        "title": title.format(name=name),
        "description": description.format(name=name),
        "order": order,
        "menu_group": name,  # a site of many medicines lists each one's pages under its name
        "review": {
            "last_reviewed": LAST_REVIEWED,
            "next_review_due": NEXT_REVIEW_DUE,
            "reviewed_by": "Test editors",
            "clinical_signoff": "none",
        },
        "changes": [{"date": LAST_REVIEWED, "summary": "First published on this site."}],
        "intro": f"This page is about {name}. It uses short words.",
        "sections": sections,
        "questions_to_ask": [f"Is {name} right for me?", "Who do I call if I feel unwell?"],
    }
    return f"{prefix}-{slug}", topic


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # the content check refuses YAML aliases
        return True


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")


def make_content(content_dir: Path, medicines: int, topics_per_medicine: int) -> int:
    """Write a valid content_src/ with ``medicines x topics_per_medicine`` topic files; returns that count."""
    shutil.copytree(FIXTURE / "content_src", content_dir)
    shutil.rmtree(content_dir / "topics")
    for name in ("medicine.yaml",):
        (content_dir / name).unlink()
    _dump(
        content_dir / "medicine.yaml",
        {
            "brand_name": "Synthora",
            "generic_name": "benchmarkimab",
            "treats": "a made-up condition called test fever",
            "licence": {
                "text": "Synthora is for adults with test fever.",
                "sources": ["zv-label"],
            },
            "care_team": "your test fever team",
            "frequency_words_sources": ["zv-label"],
        },
    )
    # The fixture's sources (its glossary, FAQ and urgent help cite them), a label and a trial per medicine.
    sources = yaml.safe_load((FIXTURE / "content_src" / "sources.yaml").read_text(encoding="utf-8"))
    sources["sources"] = [s for s in sources["sources"] if s["id"] != "zv-trial"]  # cited by its topics only
    for med in range(medicines):
        prefix = f"m{med + 1:03d}"
        sources["sources"] += [
            {
                "id": f"{prefix}-label",
                "title": f"{medicine_name(med)} product label",
                "publisher": "Example Medicines Agency",
                "url": f"https://example.org/{prefix}/label",
                "published": dt.date(2024, 3, 1),
                "checked": {"how": "Made up for the benchmark.", "read_on": dt.date(2026, 1, 10)},
            },
            {
                "id": f"{prefix}-trial",
                "title": f"The trial of {medicine_name(med)}",
                "publisher": "Journal of Examples",
                "url": f"https://example.org/{prefix}/trial",
                "published": dt.date(2023, 6, 15),
                "checked": {"how": "Made up for the benchmark.", "read_on": dt.date(2026, 1, 10)},
            },
        ]
    _dump(content_dir / "sources.yaml", sources)
    order = 0
    first_ids: list[str] = []
    for med in range(medicines):
        for kind in range(topics_per_medicine):
            order += 1
            slug, topic = _topic(med, kind, order)
            _dump(content_dir / "topics" / f"{slug}.yaml", topic)
            if kind == 0:
                first_ids.append(topic["sections"][0]["statements"][0]["id"])
    # The fixture's FAQ, seed coverage and leaflet map name its own statement ids: point them at ours.
    faq = yaml.safe_load((FIXTURE / "content_src" / "faq.yaml").read_text(encoding="utf-8"))
    faq["questions"][0]["answer_from"] = [first_ids[0]]
    faq["questions"][1]["answer_from"] = [first_ids[-1]]
    _dump(content_dir / "faq.yaml", faq)
    coverage = yaml.safe_load((FIXTURE / "content_src" / "coverage.yaml").read_text(encoding="utf-8"))
    coverage["seeds"][0]["claims"][0]["statements"] = [first_ids[0]]
    _dump(content_dir / "coverage.yaml", coverage)
    leaflet = yaml.safe_load((FIXTURE / "content_src" / "leaflet-map.yaml").read_text(encoding="utf-8"))
    for passage in leaflet["passages"]:
        if passage.get("statements"):
            passage["statements"] = [first_ids[0]]
    _dump(content_dir / "leaflet-map.yaml", leaflet)
    _dump(
        content_dir / "monitoring-schedule.yaml",
        {
            "title": "Monitoring tracker",
            "description": "A sheet to fill in at each blood test.",
            "review": {
                "last_reviewed": LAST_REVIEWED,
                "next_review_due": NEXT_REVIEW_DUE,
                "reviewed_by": "Test editors",
                "clinical_signoff": "none",
            },
            "tests": [
                {
                    "id": "blood",
                    "name": "Blood test",
                    "every_months": 1,
                    "until_months_after_last_course": 48,
                    "sources": ["m001-label"],
                }
            ],
        },
    )
    return order


def make_project(target: Path, medicines: int, topics_per_medicine: int, code: Path = REPO) -> Path:
    """A MkDocs project with synthetic content, using the mkdocs.yml, hooks, theme and assets in ``code``."""
    from mkdocs.utils.yaml import get_yaml_loader

    target.mkdir(parents=True)
    topics = make_content(target / "content_src", medicines, topics_per_medicine)
    docs = target / "docs"
    shutil.copytree(FIXTURE / "docs", docs)
    shutil.copytree(code / "docs" / "assets", docs / "assets")
    first = f"topics/m001-{TOPIC_KINDS[0][0]}.md"
    (docs / "index.md").write_text(
        "---\ntitle: About Synthora\ndescription: Test pages about made-up medicines.\n---\n\n"
        f"This test site has {topics} pages about {medicines} made-up medicines. "
        f"Start with [the first one]({first}), or see the [sources](sources.md).\n",
        encoding="utf-8",
    )
    config = yaml.load((code / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    config["site_name"] = "Synthora benchmark site"

    def has_page(path: str) -> bool:  # keep the nav entries this project has pages for
        return path in generated_paths() or (docs / path).is_file()

    config["nav"] = kept_entries(config["nav"], has_page)
    config["hooks"] = [str(code / hook) for hook in config["hooks"]]
    config["theme"]["custom_dir"] = str(code / "docs" / "overrides")
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target
