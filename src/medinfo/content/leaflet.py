"""The package leaflet, passage by passage: what the site does with each one.

The leaflet is the authority for a UK/EU reader, so every word of it must lie
in a passage of leaflet-map.yaml, and each passage names the statements that
carry it or says why the site leaves it out. A passage is copied exactly from
the leaflet text: when a new leaflet is brought in, a passage whose words
changed is no longer found, and the check names it and its statements, so
editors know exactly what to reread.

The urgent-help card's signs name the passages they come from, and a sign may
not sit at a less urgent level than the leaflet's own words there.
"""

from __future__ import annotations

from pathlib import Path

from medinfo.content.coverage import normalise, uncovered_passages
from medinfo.content.schema import URGENCY_LEVELS, LeafletMap, UrgentHelp
from medinfo.content.yamlfile import YamlDocument
from medinfo.problems import Problem, did_you_mean

# The leaflet's urgency words, most urgent first, and the card level each asks for at least.
# "get help right away" is tested before "right away", which it contains.
_URGENCY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("emergency", ("get help right away", "get medical help right away", "seek medical attention urgently")),
    ("now", ("immediately", "right away", "seek immediate medical attention")),
)


def leaflet_urgency(text: str) -> tuple[str, str] | None:
    """The most urgent card level the leaflet's words ask for, with the words; None if none do."""
    lowered = normalise(text).lower()
    for level, phrases in _URGENCY_WORDS:
        for phrase in phrases:
            if phrase in lowered:
                return level, phrase
    return None


def check_leaflet_map(
    doc: YamlDocument,
    leaflet_map: LeafletMap,
    leaflet_dir: Path,
    statement_ids: set[str],
    source_ids: set[str] | None,
    urgent: UrgentHelp | None,
) -> list[Problem]:
    """Every word of the leaflet in a passage, every passage in the leaflet and carried (by a
    statement or a sign on the urgent-help card) or left out with a reason, every statement real.
    ``source_ids`` or ``urgent`` is None when that file could not be read."""
    problems = _unique_ids(doc, leaflet_map)
    if source_ids is not None and leaflet_map.source not in source_ids:
        problems.append(
            doc.problem(
                ("source",), f"there is no source with the id '{leaflet_map.source}' in sources.yaml."
            )
        )
    problems += _passages_carried(doc, leaflet_map, statement_ids, urgent)
    path = leaflet_dir / leaflet_map.leaflet_file
    if not path.is_file():
        problems.append(
            doc.problem(
                ("leaflet_file",),
                f"there is no file '{leaflet_map.leaflet_file}' in {leaflet_dir.name}/. Put the leaflet's "
                "text there, or correct the name.",
            )
        )
        return problems
    return problems + _passages_in_leaflet(doc, leaflet_map, normalise(path.read_text(encoding="utf-8")))


def _passages_carried(
    doc: YamlDocument, leaflet_map: LeafletMap, statement_ids: set[str], urgent: UrgentHelp | None
) -> list[Problem]:
    """Each passage is carried or left out with a reason, and names only real statements."""
    problems = []
    on_card = (
        {pid for level in urgent.levels for sign in level.signs for pid in sign.leaflet} if urgent else None
    )
    for p_index, passage in enumerate(leaflet_map.passages):
        carried = passage.statements or passage.not_for_this_site
        if on_card is not None and not (carried or passage.id in on_card):
            problems.append(
                doc.problem(
                    ("passages", p_index),
                    "say which statements carry this passage ('statements'), or why the site leaves it "
                    "out ('not_for_this_site'). A sign on the urgent-help card that names this passage "
                    "also carries it.",
                )
            )
        for index, statement_id in enumerate(passage.statements):
            if statement_id not in statement_ids:
                hint = did_you_mean(statement_id, statement_ids)
                problems.append(
                    doc.problem(
                        ("passages", p_index, "statements", index),
                        f"there is no statement with the id '{statement_id}'.{hint}",
                    )
                )
    return problems


def _passages_in_leaflet(doc: YamlDocument, leaflet_map: LeafletMap, text: str) -> list[Problem]:
    """Each passage is still in the leaflet's text, and every part of the text is in a passage."""
    problems = []
    found: list[tuple[int, int]] = []  # (where the passage starts in the text, its index)
    for p_index, passage in enumerate(leaflet_map.passages):
        start = text.find(normalise(passage.text))
        if start == -1:
            problems.append(
                doc.problem(("passages", p_index, "text"), _changed_message(leaflet_map, p_index))
            )
        else:
            found.append((start, p_index))
    quotes = [normalise(leaflet_map.passages[i].text) for _, i in found]
    for stretch in uncovered_passages(text, quotes):
        problems.append(_unmapped(doc, leaflet_map, text, stretch, sorted(found)))
    return problems


def check_sign_urgency(
    urgent_doc: YamlDocument, urgent: UrgentHelp, map_doc: YamlDocument, leaflet_map: LeafletMap
) -> list[Problem]:
    """Each sign's passages exist, and the sign is at least as urgent as the leaflet's words there."""
    passages = {p.id: p for p in leaflet_map.passages}
    problems = []
    for l_index, level in enumerate(urgent.levels):
        for s_index, sign in enumerate(level.signs):
            for index, passage_id in enumerate(sign.leaflet):
                where = ("levels", l_index, "signs", s_index, "leaflet", index)
                passage = passages.get(passage_id)
                if passage is None:
                    hint = did_you_mean(passage_id, passages)
                    problems.append(
                        urgent_doc.problem(
                            where, f"there is no passage with the id '{passage_id}' in {map_doc.file}.{hint}"
                        )
                    )
                    continue
                asked = leaflet_urgency(passage.text)
                if asked and URGENCY_LEVELS.index(asked[0]) < URGENCY_LEVELS.index(level.level):
                    problems.append(
                        urgent_doc.problem(
                            where,
                            f"the leaflet says \"{asked[1]}\" in the passage '{passage_id}', so this sign "
                            f"belongs at the '{asked[0]}' level, not '{level.level}'. Move it up, to the "
                            f"'{asked[0]}' level.",
                        )
                    )
    return problems


def _unique_ids(doc: YamlDocument, leaflet_map: LeafletMap) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for index, passage in enumerate(leaflet_map.passages):
        if passage.id in first:
            problems.append(
                doc.problem(
                    ("passages", index, "id"),
                    f"the id '{passage.id}' is also used by passage {first[passage.id]}. "
                    "Give each passage its own id.",
                )
            )
        first.setdefault(passage.id, index + 1)
    return problems


def _changed_message(leaflet_map: LeafletMap, index: int) -> str:
    passage = leaflet_map.passages[index]
    carried = (
        f"check that the statements it names still agree with it ({', '.join(passage.statements)})"
        if passage.statements
        else "check that it is still not for this site"
    )
    return (
        f"this text is not in the leaflet ({leaflet_map.leaflet_file}): it changed, or was taken out, "
        f"since it was mapped. Find the passage in the new leaflet, {carried}, then copy its new words "
        "here. If it was taken out, remove this passage."
    )


def _unmapped(
    doc: YamlDocument, leaflet_map: LeafletMap, text: str, stretch: str, found: list[tuple[int, int]]
) -> Problem:
    """A stretch of leaflet text in no passage, reported after the passage it follows."""
    shown = stretch if len(stretch) <= 120 else stretch[:117] + "..."
    where = text.find(stretch)
    before = [index for start, index in found if start < where]
    message = (
        f'this part of the leaflet ({leaflet_map.leaflet_file}) is in no passage: "{shown}". Add a '
        "passage for it, with the statements that carry it or why it is not for this site."
    )
    if before:
        return doc.problem(("passages", before[-1], "text"), message + " It comes after this passage.")
    return doc.problem(("leaflet_file",), message)
