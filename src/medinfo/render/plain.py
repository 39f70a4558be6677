"""Plain-language building blocks: numbers as words, dates, and text made safe for Markdown."""

from __future__ import annotations

import datetime as dt
import html
import re

# EU package leaflet frequency scale (lower bound of each band, as a fraction).
EU_FREQUENCY_SCALE: tuple[tuple[float, str], ...] = (
    (1 / 10, "very common"),
    (1 / 100, "common"),
    (1 / 1_000, "uncommon"),
    (1 / 10_000, "rare"),
)
# What each word means, as EU package leaflets say it to patients.
EU_FREQUENCY_MEANING: dict[str, str] = {
    "very common": "more than 1 in 10 people",
    "common": "up to 1 in 10",
    "uncommon": "up to 1 in 100",
    "rare": "up to 1 in 1,000",
    "very rare": "up to 1 in 10,000",
}
_DENOMINATORS = (10, 100, 1_000, 10_000, 100_000)
# A rounded figure may be this far (relative) from the real one before a finer denominator is used.
_ROUNDING_TOLERANCE = 0.25


def frequency_word(count: int, out_of: int) -> str:
    """The EU leaflet word for how often something happens."""
    share = count / out_of
    for lower_bound, word in EU_FREQUENCY_SCALE:
        if share >= lower_bound:
            return word
    return "very rare"


def frequency_scale_sentence() -> str:
    """One sentence saying what the frequency words mean on the EU scale."""
    (first, first_meaning), *rest = EU_FREQUENCY_MEANING.items()
    bands = ", ".join([f"{first} is {first_meaning}", *(f"{word} {meaning}" for word, meaning in rest)])
    return f"Words like common are from the EU scale in medicine leaflets: {bands}."


def natural_frequency(count: int, out_of: int, per: int | None = None) -> str:
    """``42, 100`` -> ``"about 4 in 10 people"``: the roundest denominator that stays close.

    ``per`` fixes the denominator, so that numbers being compared share one.
    """
    share = count / out_of
    if count == 0:
        return "no one"
    if count == out_of:
        return "everyone"
    if per is not None:
        people = int(share * per + 0.5)
        return f"about {people:,} in {per:,} people" if people else f"fewer than 1 in {per:,} people"
    for denominator in _DENOMINATORS:
        people = int(share * denominator + 0.5)
        if people < 1 or people >= denominator:
            continue
        if abs(people / denominator - share) / share <= _ROUNDING_TOLERANCE:
            return f"about {people:,} in {denominator:,} people"
    return f"fewer than 1 in {_DENOMINATORS[-1]:,} people"


def how_many_words(
    count: int, out_of: int, over: str | None, per: int | None = None, side_effect: bool = True
) -> str:
    """``"about 4 in 10 people over 6 years (very common)"``; the EU word only for side effects."""
    span = f" over {over}" if over else ""
    word = f" ({frequency_word(count, out_of)})" if side_effect else ""
    return f"{natural_frequency(count, out_of, per)}{span}{word}"


def long_date(day: dt.date) -> str:
    """``2026-11-22`` -> ``"22 November 2026"``."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """``2026-11-22`` -> ``"22 Nov 2026"``: for a line that must fit a phone's width."""
    return f"{day.day} {day:%b %Y}"


# Inline markup Python-Markdown reads anywhere in a line; each accepts a backslash
# before it. '<', '>' and '&' become HTML entities instead, so no HTML can get in.
_INLINE = re.compile(r"([\\`*_{}\[\]|#])")  # '#': a heading drops trailing '#'s
# Block markup only counts at the start of a paragraph or list item: a heading,
# a list, an admonition, or a numbered list ("1.").
_LEADING = re.compile(r"^(?:([+\-!])|(\d+)\.)")


def markdown_text(text: str) -> str:
    """Make editor text appear exactly as typed: never as HTML, never as Markdown markup.

    Line breaks and runs of spaces become single spaces, so a fact is always one paragraph.
    """
    one_line = " ".join(text.split())
    escaped = _INLINE.sub(r"\\\1", html.escape(one_line, quote=False))
    return _LEADING.sub(_escape_leading, escaped)


def _escape_leading(match: re.Match[str]) -> str:
    marker, number = match.groups()
    return f"\\{marker}" if marker else f"{number}\\."
