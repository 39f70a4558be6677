"""The one definition of what a content file may contain.

Every model is closed (an unknown or misspelt field is an error), strict (a
number is not silently turned into text, text is not turned into a date) and
frozen. Field descriptions are written for editors; they also feed the error
messages and editors' tools.

The models live in ``medinfo.content.models``, one module per kind of file; this
module names them all, so the rest of the code imports them from one place.
"""

from __future__ import annotations

from medinfo.content.models.coverage import (
    SEED_CLAIM_STATUSES,
    CoverageFile,
    LeafletMap,
    LeafletPassage,
    SeedClaim,
    SeedCoverage,
)
from medinfo.content.models.fields import (
    MAX_REVIEW_YEARS,
    Citation,
    Cite,
    Closed,
    LongText,
    Place,
    PlacedCitation,
    PlainLine,
    SearchWord,
    Slug,
    SourceIds,
    Text,
    WebAddress,
    cites,
    source_ids,
)
from medinfo.content.models.pages import (
    FaqEntry,
    FaqFile,
    GlossaryEntry,
    GlossaryFile,
    MedicalTermsFile,
    PageFrontMatter,
    PageHead,
    Question,
    Topic,
)
from medinfo.content.models.review import (
    Change,
    Changes,
    ClinicalSignoff,
    Review,
    add_years,
    newest_first,
)
from medinfo.content.models.schedule import (
    CourseGap,
    MonitoringSchedule,
    ScheduledTest,
)
from medinfo.content.models.sources import (
    Source,
    SourceCheck,
    SourcedText,
    SourcesFile,
)
from medinfo.content.models.statements import (
    HOW_MANY_PLACEHOLDER,
    HowMany,
    Medicine,
    Section,
    Statement,
)
from medinfo.content.models.urgent import (
    URGENCY_LEVELS,
    PhoneNumber,
    PhoneService,
    UrgencyLevel,
    UrgentHelp,
    UrgentLevel,
    UrgentSign,
)

__all__ = [
    "add_years",
    "Change",
    "Changes",
    "Citation",
    "Cite",
    "cites",
    "ClinicalSignoff",
    "Closed",
    "CourseGap",
    "CoverageFile",
    "FaqEntry",
    "FaqFile",
    "GlossaryEntry",
    "GlossaryFile",
    "HOW_MANY_PLACEHOLDER",
    "HowMany",
    "LeafletMap",
    "LeafletPassage",
    "LongText",
    "MAX_REVIEW_YEARS",
    "MedicalTermsFile",
    "Medicine",
    "MonitoringSchedule",
    "newest_first",
    "PageFrontMatter",
    "PageHead",
    "PhoneNumber",
    "PhoneService",
    "Place",
    "PlacedCitation",
    "PlainLine",
    "Question",
    "Review",
    "ScheduledTest",
    "SearchWord",
    "Section",
    "SEED_CLAIM_STATUSES",
    "SeedClaim",
    "SeedCoverage",
    "Slug",
    "Source",
    "source_ids",
    "SourceCheck",
    "SourcedText",
    "SourceIds",
    "SourcesFile",
    "Statement",
    "Text",
    "Topic",
    "URGENCY_LEVELS",
    "UrgencyLevel",
    "UrgentHelp",
    "UrgentLevel",
    "UrgentSign",
    "WebAddress",
]
