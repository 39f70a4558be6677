"""The code stays tidy: ruff's rules, strict mypy, and the core's shape (MkDocs in one place, thin hooks)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)


def test_ruff() -> None:
    result = run(str(BIN / "ruff"), "check", "src", "hooks", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_core_the_hooks_the_benchmark_and_the_tests() -> None:
    hooks = sorted(str(path.relative_to(REPO)) for path in (REPO / "hooks").glob("*.py"))
    result = run(str(BIN / "mypy"), "src/medinfo", *hooks, "bench", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_adapter_imports_mkdocs() -> None:
    """A second engine is one new adapter: no other core module knows MkDocs."""
    knows_mkdocs = {
        path.relative_to(REPO / "src").as_posix()
        for path in (REPO / "src").rglob("*.py")
        if any(name == "mkdocs" or name.startswith("mkdocs.") for name in _imports(path))
    }
    assert knows_mkdocs == {"medinfo/site/mkdocs_adapter.py"}


def test_hook_files_only_connect_events() -> None:
    """No state and no rules in hooks/: only imports and ``on_*`` functions that hand over to the core."""
    for path in (REPO / "hooks").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Expr | ast.Import | ast.ImportFrom):
                continue  # the docstring and imports
            assert isinstance(node, ast.FunctionDef) and node.name.startswith("on_"), (path.name, node.lineno)
            assert len(node.body) <= 2, (path.name, node.name)  # one call, and perhaps a return
            assert not any(isinstance(inner, ast.Global | ast.If | ast.For) for inner in ast.walk(node))


# --- The core's size and shape (issue 21) -----------------------------------------------

MAX_COMPLEXITY = 15  # radon's cyclomatic complexity of one function
MAX_MODULE_LINES = 400


def test_no_function_in_the_core_is_more_complex_than_15() -> None:
    """Long chains of 'if this file and that file' were how load_content reached 47."""
    result = run(str(BIN / "radon"), "cc", "--json", "src", "hooks")
    assert result.returncode == 0, result.stderr
    too_complex = [
        f"{file}:{block['lineno']} {block['name']} ({block['complexity']})"
        for file, blocks in json.loads(result.stdout).items()
        for block in blocks
        if block["complexity"] > MAX_COMPLEXITY
    ]
    assert too_complex == []


def test_no_core_module_is_over_400_lines() -> None:
    long = {
        path.relative_to(REPO).as_posix(): lines
        for path in (REPO / "src").rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_the_core_has_no_import_cycle() -> None:
    """Each module's imports of other core modules, followed: none leads back to where it started."""
    modules = {
        ".".join(path.relative_to(REPO / "src").with_suffix("").parts).removesuffix(".__init__"): path
        for path in (REPO / "src").rglob("*.py")
    }
    graph = {
        name: {i for i in _imports(path) if i in modules and i != name} for name, path in modules.items()
    }
    done: set[str] = set()

    def cycle_from(name: str, trail: tuple[str, ...]) -> tuple[str, ...] | None:
        if name in trail:
            return (*trail[trail.index(name) :], name)
        if name in done:
            return None
        for imported in sorted(graph[name]):
            found = cycle_from(imported, (*trail, name))
            if found:
                return found
        done.add(name)
        return None

    cycles = [found for name in sorted(graph) if (found := cycle_from(name, ()))]
    assert cycles == []
