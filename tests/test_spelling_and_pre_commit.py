"""Spelling with a project word list, and the pre-commit checks editors can run before they commit."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, Project
from spellchecker import SpellChecker

from medinfo.checks.spelling import WORD_LIST, check_spelling, load_word_list, unknown_words
from medinfo.cli import main

BIN = Path(sys.executable).parent
TOPIC = "content_src/topics/side-effects.yaml"


def spelling(root: Path) -> list[str]:
    return [str(p) for p in check_spelling(root / "content_src", root / "docs", root)]


def test_real_content_is_spelt_right() -> None:
    assert spelling(REPO) == []


def test_word_list_covers_every_medical_word() -> None:
    """Every medical word (and glossary form) passes, so a page can start using it."""
    terms = yaml.safe_load((REPO / "content_src/medical-terms.yaml").read_text(encoding="utf-8"))
    glossary = yaml.safe_load((REPO / "content_src/glossary.yaml").read_text(encoding="utf-8"))
    words = list(terms["medical_terms"])
    words += [form for entry in glossary["terms"] for form in [entry["term"], *entry.get("also_called", [])]]
    project_words = load_word_list(REPO / "content_src" / WORD_LIST)
    checker = SpellChecker(language="en")
    assert [w for term in words for w in unknown_words(term, checker, project_words)] == []


def test_word_list_has_no_words_the_dictionary_already_knows() -> None:
    checker = SpellChecker(language="en")
    project_words = load_word_list(REPO / "content_src" / WORD_LIST)
    assert sorted(checker.known(project_words)) == []


def test_a_misspelt_word_is_reported_at_its_line_with_a_guess(project: Project) -> None:
    (project.root / "content_src" / WORD_LIST).write_text("# test words\nZelvora\nexamplimab\nZEST\n")
    assert spelling(project.root) == []
    project.replace(TOPIC, "Itchy skin affects {how_many}.", "Itchy skin afects {how_many} on Zelvorra.")
    line = project.line_of(TOPIC, "afects")
    assert spelling(project.root) == [
        f"{TOPIC}:{line}: sections[1].statements[1].text: 'afects' is not in the dictionary or the "
        "project word list. If it is spelt right (a medical word, a name, a British spelling), add it "
        f"to content_src/{WORD_LIST}.",
        f"{TOPIC}:{line}: sections[1].statements[1].text: 'Zelvorra' is not in the dictionary or the "
        "project word list. Did you mean 'zelvora'? If it is spelt right (a medical word, a name, a "
        f"British spelling), add it to content_src/{WORD_LIST}.",
    ]


def test_pages_are_checked_but_not_code_addresses_ids_or_abbreviations(project: Project) -> None:
    (project.root / "content_src" / WORD_LIST).write_text("Zelvora\nexamplimab\n")
    about = project.path("docs/about.md")
    about.write_text(
        about.read_text(encoding="utf-8")
        + "\nSee `zv-se-itch` at <https://example.org/zvx> and [the label](https://example.org/lbl).\n"
        + "The EMA and DMTs. { #anchr }\n\nA wrod.\n",
        encoding="utf-8",
    )
    problems = spelling(project.root)
    assert len(problems) == 1 and problems[0].startswith("docs/about.md:")
    assert "'wrod'" in problems[0]


def test_spelling_command_exit_status(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["spelling", "--content", str(project.root / "content_src"), "--docs", str(project.root / "docs")]
    (project.root / "content_src" / WORD_LIST).unlink()
    assert main(args) == 1  # without the made-up medicine's word list, 'Zelvora' is unknown
    assert "add it to content_src/spelling-words.txt" in capsys.readouterr().err
    (project.root / "content_src" / WORD_LIST).write_text("Zelvora\nexamplimab\n")
    assert main(args) == 0
    assert capsys.readouterr().out == "Spelling check passed.\n"


# --- pre-commit ------------------------------------------------------------------------------


def pre_commit_config() -> dict[str, object]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert isinstance(config, dict)
    return config


def test_pre_commit_config_is_valid() -> None:
    result = subprocess.run(
        [str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_runs_the_validator_yaml_checks_and_spelling() -> None:
    hooks = {hook["id"]: hook for repo in pre_commit_config()["repos"] for hook in repo["hooks"]}  # type: ignore[attr-defined]
    assert {"medinfo-check", "medinfo-spelling", "medinfo-schema", "check-yaml", "codespell"} <= set(hooks)
    assert hooks["medinfo-check"]["entry"] == "make --no-print-directory check"
    assert hooks["medinfo-spelling"]["entry"] == "make --no-print-directory spelling"
    for hook_id in ("medinfo-check", "medinfo-spelling"):
        assert re.search(hooks[hook_id]["files"], "content_src/topics/side-effects.yaml")
        assert re.search(hooks[hook_id]["files"], "docs/about.md")
    # The same versions as requirements.txt, so the hook and the tests agree.
    pins = dict(
        line.split("==") for line in (REPO / "requirements.txt").read_text().splitlines() if "==" in line
    )
    assert hooks["codespell"]["additional_dependencies"] == [f"codespell=={pins['codespell']}"]


def test_codespell_passes_as_pre_commit_runs_it() -> None:
    hook = next(
        hook
        for repo in pre_commit_config()["repos"]  # type: ignore[attr-defined]
        for hook in repo["hooks"]
        if hook["id"] == "codespell"
    )
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True)
    excluded = [pre_commit_config()["exclude"], hook["exclude"]]
    files = [
        name
        for name in tracked.stdout.splitlines()
        if not any(re.search(str(pattern), name) for pattern in excluded) and (REPO / name).is_file()
    ]
    assert "CONTRIBUTING.md" in files or files  # guides and code are included
    result = subprocess.run(
        [sys.executable, "-m", "codespell_lib", *hook["args"], *files],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
