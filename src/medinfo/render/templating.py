"""The core's HTML templates (handouts, tracker tables), with autoescaping on."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).parent / "templates"


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_template(name: str, **context: Any) -> str:
    return _environment().get_template(name).render(**context)


def read_template_file(name: str) -> str:
    """A plain file beside the templates (a stylesheet), read as text."""
    return (TEMPLATES / name).read_text(encoding="utf-8")
