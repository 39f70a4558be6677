"""The content files, one entry each: its name, its model, what it refers to and the checks run
on it (like Carpentries' ``CHECKERS``). Loading, the stray-file check and the editors' JSON
schemas read this table, so a new kind of content file is one entry here.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from medinfo.content.cross_checks import (
    Check,
    check_citations,
    check_faq_answers,
    check_key_facts,
    check_leaflet,
    check_schedule,
    check_seed_coverage,
    check_statement_ids,
    check_topic_order,
    check_urgency,
)
from medinfo.content.names import (
    COVERAGE,
    FAQ,
    GLOSSARY,
    LEAFLET_MAP,
    MEDICAL_TERMS,
    MEDICINE,
    SCHEDULE,
    SOURCES,
    TOPICS_DIR,
    URGENT_HELP,
)
from medinfo.content.schema import (
    CoverageFile,
    FaqFile,
    GlossaryFile,
    LeafletMap,
    MedicalTermsFile,
    Medicine,
    MonitoringSchedule,
    SourcesFile,
    Topic,
    UrgentHelp,
)


@dataclass(frozen=True)
class ContentFile:
    name: str  # inside content_src/; "topics/*.yaml" for the topic files
    model: type[BaseModel]
    title: str  # for editors' tools: what the file is
    schema_file: str  # its JSON schema in schemas/, for editors' tools
    refers_to: str = ""  # what its ids point at, in words (for the next engineer)
    cites_sources: bool = False  # its 'sources:' lists name sources.yaml's ids
    required: bool = True
    checks: tuple[Check, ...] = ()  # run after every file is read, in this table's order


CONTENT_FILES: tuple[ContentFile, ...] = (
    ContentFile(
        MEDICINE,
        Medicine,
        "The medicine",
        "medicine.schema.json",
        refers_to="topic statements (key_facts)",
        cites_sources=True,
        checks=(check_key_facts,),
    ),
    ContentFile(SOURCES, SourcesFile, "The sources", "sources.schema.json", checks=(check_citations,)),
    ContentFile(
        URGENT_HELP,
        UrgentHelp,
        "The urgent help box",
        "urgent-help.schema.json",
        refers_to="leaflet passages (leaflet)",
        cites_sources=True,
    ),
    ContentFile(GLOSSARY, GlossaryFile, "The glossary", "glossary.schema.json", cites_sources=True),
    ContentFile(
        MEDICAL_TERMS,
        MedicalTermsFile,
        "The medical words to explain",
        "medical-terms.schema.json",
    ),
    ContentFile(
        FAQ,
        FaqFile,
        "The questions page",
        "faq.schema.json",
        refers_to="topic statements (answer_from)",
        cites_sources=True,
        checks=(check_faq_answers,),
    ),
    ContentFile(
        COVERAGE,
        CoverageFile,
        "What the seed documents say",
        "coverage.schema.json",
        refers_to="statements, and the seed documents' text",
        checks=(check_seed_coverage,),
    ),
    ContentFile(
        LEAFLET_MAP,
        LeafletMap,
        "What each passage of the package leaflet becomes",
        "leaflet-map.schema.json",
        refers_to="statements and sources, and the leaflet's text",
        checks=(check_leaflet, check_urgency),
    ),
    ContentFile(
        SCHEDULE,
        MonitoringSchedule,
        "The monitoring tracker's timetable",
        "monitoring-schedule.schema.json",
        cites_sources=True,
        required=False,
        checks=(check_schedule,),
    ),
)
TOPIC_FILES = ContentFile(
    f"{TOPICS_DIR}/*.yaml",
    Topic,
    "A topic page",
    "topic.schema.json",
    refers_to="statements",
    cites_sources=True,
    checks=(check_statement_ids, check_topic_order),
)
