"""The editors' guides: every example is run, exactly as written, against the validator.

Guides mark their examples with HTML comments that readers never see:

    <!-- test: use real -->                 start again from a copy of the real content (default: Zelvora)
    <!-- test: reset -->                    start again from a fresh copy
    <!-- test: in FILE -->                  the block below is in FILE, exactly as shown
    <!-- test: replace -->                  ...and is replaced by this block
    <!-- test: append FILE -->              this block is added at the end of FILE
    <!-- test: insert-after FILE: LINE -->  this block goes after the first line that reads LINE
    <!-- test: new FILE -->                 FILE is created with this block
    <!-- test: check-passes -->             'medinfo check' and 'medinfo spelling' pass
    <!-- test: check-fails -->              'medinfo check' fails and prints each line of the block below
    <!-- test: spelling-fails -->           'medinfo spelling' fails and prints each line of the block below
    <!-- test: shows PAGE -->               the generated page PAGE contains each line of the block below
    <!-- test: valid-yaml -->               the block below is YAML the checker can read (a form, not a file)
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURE, FIXTURE_TODAY, REPO, real_today

from medinfo.cli import main
from medinfo.content.loader import load_content
from medinfo.content.yamlfile import parse_yaml_text
from medinfo.registry import generated_markdown

GUIDES = [REPO / "CONTRIBUTING.md", *sorted((REPO / "editors").glob("*.md"))]
TASKS = [
    "change-a-fact.md",
    "add-a-source.md",
    "record-a-review.md",
    "add-a-question.md",
    "add-a-topic.md",
    "change-the-test-timetable.md",
    "bring-in-a-new-leaflet.md",
    "a-source-changed.md",
    "preview-locally.md",
    "read-a-failed-check.md",
]
# A step, and the fenced block right below it (both may be indented, inside a numbered list).
_STEP = re.compile(
    r"^(?P<indent> *)<!-- test: (?P<op>[^\n]*?) -->\n"
    r"(?:\n?(?P=indent)```(?P<lang>\w*)\n(?P<body>.*?)^(?P=indent)```)?",
    re.DOTALL | re.MULTILINE,
)
_FENCE = re.compile(r"^ *```(\w*)$", re.MULTILINE)


@dataclass
class Step:
    op: str
    body: str


def steps(guide: Path) -> list[Step]:
    text = guide.read_text(encoding="utf-8")
    return [Step(m["op"].strip(), _dedent(m["body"] or "", m["indent"])) for m in _STEP.finditer(text)]


def _dedent(body: str, indent: str) -> str:
    return "".join(line.removeprefix(indent) for line in body.splitlines(keepends=True))


class Workspace:
    """A copy of a project that the guide's steps change, as an editor would."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
        self.tmp_path = tmp_path
        self.monkeypatch = monkeypatch
        self.capsys = capsys
        self.copies = 0
        self.start(real=False)
        self.found: tuple[Path, str] | None = None

    def start(self, real: bool) -> None:
        self.copies += 1
        self.root = self.tmp_path / f"copy{self.copies}"
        if real:
            for folder in ("content_src", "docs"):
                shutil.copytree(REPO / folder, self.root / folder)
            self.monkeypatch.setenv("MEDINFO_TODAY", real_today())
        else:
            shutil.copytree(FIXTURE, self.root)
            self.monkeypatch.setenv("MEDINFO_TODAY", FIXTURE_TODAY)
        self.real = real

    def file(self, name: str) -> Path:
        path = self.root / name
        assert path.resolve().is_relative_to(self.root.resolve()), name
        return path

    def run(self, *command: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(
            [*command, "--content", str(self.root / "content_src"), "--docs", str(self.root / "docs")]
        )
        out, err = self.capsys.readouterr()
        return code, out, err

    def apply(self, step: Step) -> None:
        op, _, argument = step.op.partition(" ")
        if op == "use":
            self.start(real=argument == "real")
        elif op == "reset":
            self.start(real=self.real)
        elif op == "in":
            text = self.file(argument).read_text(encoding="utf-8")
            assert text.count(step.body) == 1, f"not found once in {argument}:\n{step.body}"
            self.found = (self.file(argument), step.body)
        elif op == "replace":
            assert self.found, "'replace' needs an 'in' block before it"
            path, old = self.found
            path.write_text(path.read_text(encoding="utf-8").replace(old, step.body), encoding="utf-8")
            self.found = None
        elif op == "append":
            path = self.file(argument)
            text = path.read_text(encoding="utf-8")
            path.write_text(text.rstrip("\n") + "\n" + step.body, encoding="utf-8")
        elif op == "insert-after":
            name, _, line = argument.partition(": ")
            path = self.file(name)
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            index = next(i for i, text in enumerate(lines) if text.strip() == line.strip())
            lines.insert(index + 1, step.body)
            path.write_text("".join(lines), encoding="utf-8")
        elif op == "new":
            assert not self.file(argument).exists(), argument
            self.file(argument).write_text(step.body, encoding="utf-8")
        elif op == "valid-yaml":
            doc, problems = parse_yaml_text(step.body, "example")
            assert doc is not None and not problems, problems
        elif op == "check-passes":
            code, _, err = self.run("check")
            assert code == 0, err
            code, _, err = self.run("spelling")
            assert code == 0, err
        elif op in ("check-fails", "spelling-fails"):
            code, _, err = self.run("check" if op == "check-fails" else "spelling")
            assert code == 1
            printed = err.splitlines()
            for line in step.body.splitlines():
                assert line in printed, f"the guide shows:\n{line}\nbut the check printed:\n{err}"
        elif op == "shows":
            content, _ = load_content(self.root / "content_src", self.root / "docs")
            page = generated_markdown(content)[argument]
            for line in step.body.splitlines():
                assert line in page, f"{argument} does not show:\n{line}"
        else:
            raise AssertionError(f"unknown test step: {step.op}")


def test_there_is_a_guide_for_each_task_and_contributing_links_them() -> None:
    assert sorted(p.name for p in (REPO / "editors").glob("*.md")) == sorted([*TASKS, "README.md"])
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    index = (REPO / "editors" / "README.md").read_text(encoding="utf-8")
    for task in TASKS:
        assert f"editors/{task}" in contributing, task
        assert f"]({task})" in index, task


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_yaml_example_is_tested(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    yaml_blocks = [m for m in _FENCE.finditer(text) if m[1] == "yaml"]
    tested = [m for m in _STEP.finditer(text) if m["lang"] == "yaml"]
    assert len(tested) == len(yaml_blocks), f"{guide.name}: a yaml example has no test step above it"


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_guide_examples_work_as_written(
    guide: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    guide_steps = steps(guide)
    if guide.name in ("README.md", "preview-locally.md"):
        assert guide_steps == []  # no YAML to try
        return
    assert guide_steps, f"{guide.name} has no tested examples"
    workspace = Workspace(tmp_path, monkeypatch, capsys)
    for step in guide_steps:
        workspace.apply(step)
    assert guide_steps[-1].op in ("check-passes", "reset") or guide_steps[-1].op.startswith("shows")


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_links_and_commands_in_guides_exist(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+\.md)(?:#[^)]*)?\)", text):
        if not target.startswith("http"):
            assert (guide.parent / target).resolve().is_file(), f"{guide.name}: {target}"
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"`make ([a-z-]+)`", text)):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), f"{guide.name}: make {target}"
    for path in re.findall(r"`((?:content_src|docs|editors)/[\w./-]+\.(?:yaml|md|txt))`", text):
        if "zelvora" not in path:
            assert (REPO / path).is_file() or (FIXTURE / path).is_file(), f"{guide.name}: {path}"
