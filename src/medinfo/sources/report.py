"""The watch's report: for the terminal, as Markdown (a GitHub issue's body) and as JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from medinfo.sources.leaflet_watch import LeafletComparison, PassageResult, PassageStatus
from medinfo.sources.watch import SourceResult, Status


@dataclass(frozen=True)
class WatchReport:
    today: dt.date
    sources: list[SourceResult]
    leaflet_source: str | None = None  # the leaflet's source id (leaflet-map.yaml's 'source')
    leaflet: LeafletComparison | None = None  # only with --leaflet

    @property
    def differs(self) -> bool:
        """Something for an editor to reread: exit status 1. A source never accepted counts: until
        an editor reads and accepts it, the watch has nothing to compare it with, so a change to it
        would go unseen week after week."""
        to_read = (Status.CHANGED, Status.MOVED, Status.NEW)
        return any(r.status in to_read for r in self.sources) or bool(self.leaflet and self.leaflet.differs)

    def summary(self) -> str:
        counts = Counter(r.status.value for r in self.sources)
        parts = ", ".join(f"{counts[s.value]} {s.value}" for s in Status if counts[s.value])
        return f"Source watch on {self.today.isoformat()}: {len(self.sources)} source(s): {parts or 'none'}."

    def advice(self) -> list[str]:
        """What the editor does next, in plain words."""
        lines = []
        changed = [r.id for r in self.sources if r.status is Status.CHANGED]
        new = [r.id for r in self.sources if r.status is Status.NEW]
        if changed:
            lines.append(
                "Reread what changed, change the facts that need it in a pull request, then run: "
                f"medinfo sources accept {' '.join(changed)}"
            )
        if any(r.status is Status.MOVED for r in self.sources):
            lines.append(
                "A moved source: check the new address, then change its url in content_src/sources.yaml."
            )
        if new:
            lines.append(
                f"Not yet accepted (never recorded): {', '.join(new)}. Read them, then run: "
                f"medinfo sources accept {' '.join(new)}"
            )
        if self.leaflet_source in changed and self.leaflet is None:
            lines.append(
                f"The package leaflet's source ({self.leaflet_source}) changed. Save the new leaflet's text "
                "and run: medinfo sources watch --leaflet FILE, to see the passages and statements to reread."
            )
        if self.leaflet and self.leaflet.differs:
            lines.append("Leaflet: reread the statements named for each changed or gone passage (see above).")
        lines.append("See editors/a-source-changed.md.")
        return lines


def text_report(report: WatchReport) -> str:
    lines = [report.summary()]
    for result in report.sources:
        lines.append(f"{result.id}: {_headline(result)}")
        lines += [f"    {line}" for line in result.diff]
    if report.leaflet:
        lines += ["", *_leaflet_lines(report.leaflet, indent="    ")]
    return "\n".join([*lines, "", *report.advice()])


def markdown_report(report: WatchReport) -> str:
    lines = [f"# {report.summary()}", "", "| Source | Result |", "| --- | --- |"]
    lines += [f"| `{r.id}` | {_headline(r).replace('|', '/')} |" for r in report.sources]
    for result in report.sources:
        if result.diff:
            lines += ["", f"## `{result.id}` changed", "", "```diff", *result.diff, "```"]
    if report.leaflet:
        lines += ["", "## The package leaflet", "", *_leaflet_markdown(report.leaflet)]
    return "\n".join([*lines, "", "## What to do", "", *[f"- {line}" for line in report.advice()]]) + "\n"


def json_report(report: WatchReport) -> str:
    data: dict[str, Any] = {
        "date": report.today.isoformat(),
        "differs": report.differs,
        "sources": [
            {
                "id": r.id,
                "url": r.url,
                "status": r.status.value,
                "detail": r.detail,
                "since": r.since.isoformat() if r.since else None,
                "diff": list(r.diff),
            }
            for r in report.sources
        ],
    }
    if report.leaflet:
        data["leaflet"] = {
            "from": report.leaflet.where,
            "passages": [_passage_json(p) for p in report.leaflet.passages],
            "new_text": report.leaflet.new_text,
        }
    return json.dumps(data, indent=2)


def _headline(result: SourceResult) -> str:
    if result.status is Status.CHANGED:
        return f"changed (first seen {_date(result.since)}) {result.url}"
    if result.status is Status.MOVED:
        return f"moved: {result.url} now redirects ({result.detail}) (first seen {_date(result.since)})"
    if result.status is Status.UNREACHABLE:
        return f"unreachable: {result.detail} ({result.url})"
    if result.status is Status.NEW:
        return f"new: not yet accepted; run 'medinfo sources accept {result.id}' once you have read it"
    return "unchanged"


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "?"


def _to_do(passage: PassageResult) -> str:
    carried = [*passage.statements, *(f"urgent-help sign ({s})" for s in passage.signs)]
    if carried:
        return "reread: " + ", ".join(carried)
    return "no statement carries it" + (
        " (not for this site: check it still is not)" if passage.not_for_this_site else ""
    )


def _leaflet_lines(comparison: LeafletComparison, indent: str) -> list[str]:
    lines = [f"Package leaflet, compared with {comparison.where}:"]
    for passage in comparison.passages:
        if passage.status is PassageStatus.UNCHANGED:
            continue
        lines.append(f"passage {passage.id} ({passage.section}): {passage.status.value}; {_to_do(passage)}")
        lines += [indent + line for line in passage.diff]
    unchanged = sum(p.status is PassageStatus.UNCHANGED for p in comparison.passages)
    lines.append(f"{unchanged} of {len(comparison.passages)} passage(s) found unchanged.")
    lines += [f"new text in no passage: {_short(text)}" for text in comparison.new_text]
    return lines


def _leaflet_markdown(comparison: LeafletComparison) -> list[str]:
    lines = [f"Compared with `{comparison.where}`.", ""]
    for passage in comparison.to_reread:
        lines.append(f"- **{passage.id}** ({passage.section}): {passage.status.value}; {_to_do(passage)}")
        if passage.diff:
            lines += ["", "  ```diff", *[f"  {line}" for line in passage.diff], "  ```", ""]
    lines += [f"- new text in no passage: {_short(text)}" for text in comparison.new_text]
    return lines


def _passage_json(passage: PassageResult) -> dict[str, Any]:
    return {
        "id": passage.id,
        "status": passage.status.value,
        "similarity": passage.similarity,
        "statements": list(passage.statements),
        "signs": list(passage.signs),
        "diff": list(passage.diff),
    }


def _short(text: str, limit: int = 200) -> str:
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 3]}..."'
