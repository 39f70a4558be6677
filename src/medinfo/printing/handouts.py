"""Printable handouts: one document per topic, the tracker, and a combined starter pack.

Each handout reuses the page's own rendered content (the same facts with the
same numbered sources) and adds what paper needs: the review dates and
sign-off status, where it was printed from with a QR code back to the
current version, and a box for the nurse to write in the care team's details.
This module only writes HTML; ``medinfo.printing.pdf`` turns it into PDF.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import yaml
from bs4 import BeautifulSoup
from markupsafe import Markup

from medinfo import clock
from medinfo.checks.review import ReviewBanner, review_banner
from medinfo.content.loader import Content
from medinfo.content.schema import Medicine, Review
from medinfo.printing.list_columns import in_two_columns
from medinfo.printing.pack_sources import share_card_and_sources
from medinfo.printing.qr import is_preview_address, qr_svg
from medinfo.render.plain import long_date, markdown_text
from medinfo.render.templating import read_template_file, render_template

HANDOUTS_DIR = "handouts"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Attributes that name or point at an id inside a page: prefixed in the pack, so
# two topics' "#source-smpc" anchors stay apart.
_ID_ATTRIBUTE = re.compile(r'\b(id|href)="(#?)([^"#]*)"')
_SVG_START = re.compile(r"<svg\b[^>]*>")


@dataclass(frozen=True)
class PageForPrint:
    """One site page, as the hook hands it over: its rendered HTML and where it lives."""

    slug: str
    title: str
    address: str  # the page's public address, for "Printed from" and the QR code
    review: Review | None
    body_html: str  # made by the site's own Markdown renderer, so trusted
    source_note: str | None = None  # a cited source changed and is being reread (render.source_note)
    # Its glossary words with their explanations, if the build collected them when it marked them
    # (None: read from ``body_html``), so the page need not be parsed again for them.
    words: tuple[tuple[str, str], ...] | None = None

    def words_explained(self) -> list[tuple[str, str]]:
        return list(self.words) if self.words is not None else words_explained(self.body_html)


@dataclass(frozen=True)
class _Part:
    anchor: str
    title: str
    address: str
    qr: Markup
    preview: bool  # built without SITE_URL: no QR code, and paper says it is not for handing out
    review: ReviewBanner | None
    source_note: str | None
    body: Markup
    words: list[tuple[str, str]]  # the glossary words it uses, with their explanations


def handout_path(medicine: Medicine, slug: str) -> str:
    """``handouts/<brand name>-<topic>.pdf``: the medicine's name is in the file a nurse downloads."""
    return f"{HANDOUTS_DIR}/{_slug(medicine.brand_name)}-{slug}.pdf"


def pack_path(medicine: Medicine) -> str:
    return f"{HANDOUTS_DIR}/starting-{_slug(medicine.brand_name)}.pdf"


def pack_title(medicine: Medicine) -> str:
    return f"Starting {medicine.brand_name}"


def handout_html(page: PageForPrint, medicine: Medicine) -> str:
    """A stand-alone handout for one page."""
    return _document(
        page.title, medicine, [_part(page, medicine, "", page.body_html, page.words_explained())]
    )


def pack_html(pages: list[PageForPrint], content: Content, address: str) -> str:
    """Every page in one document, after a cover with contents and a team box.

    The urgent-help card comes once, first; the sources once, last (pack_sources).
    """
    medicine = content.medicine
    prefixes = [f"{page.slug}--" for page in pages]
    shared = share_card_and_sources(
        [(prefix, prefix_ids(page.body_html, prefix)) for prefix, page in zip(prefixes, pages, strict=True)],
        content,
    )
    parts = [
        _part(page, medicine, prefix, body)
        for page, prefix, body in zip(pages, prefixes, shared.bodies, strict=True)
    ]
    reviews = [page.review for page in pages if page.review]
    replace_by = min((r.next_review_due for r in reviews), default=None)
    cover = {
        "title": pack_title(medicine),
        "address": address,
        "qr": _qr(address),
        "preview": is_preview_address(address),
        "replace_by": long_date(replace_by) if replace_by else None,
        "signed_off": sum(1 for r in reviews if r.signed_off),
        "reviewed": len(reviews),
        "card_title": content.urgent_help.heading,
        "card": Markup(in_two_columns(shared.card)),  # made by the site's own renderer, like the bodies
        # The card's most urgent level on the cover too, so page 1 says when to call 999.
        "emergency": Markup(in_two_columns(_first_level(shared.card))),
        "sources": Markup(shared.sources),
    }
    return _document(pack_title(medicine), medicine, parts, cover=cover)


def _first_level(card_html: str) -> str:
    """The urgent-help card's first (most urgent) level, as HTML; '' if there is no card."""
    box = BeautifulSoup(card_html, "html.parser").select_one(".admonition")
    return str(box) if box else ""


def _document(
    title: str,
    medicine: Medicine,
    parts: list[_Part],
    cover: Mapping[str, object] | None = None,
) -> str:
    """A handout has the team box under its header; the pack has one, on its cover."""
    return render_template(
        "handout.html",
        title=title,
        medicine=medicine,
        parts=parts,
        cover=cover,
        team_heading=team_heading(medicine),
        css=Markup(read_template_file("handout.css")),
    )


def team_heading(medicine: Medicine) -> str:
    """The heading of the box a nurse writes the team's details in: "Your MS team"."""
    team = medicine.care_team
    return team[:1].upper() + team[1:]


def words_explained(body_html: str) -> list[tuple[str, str]]:
    """The glossary words a page uses, with their explanations, in the order they first come.

    On screen an explanation opens from the word; paper cannot, so a handout lists them.
    """
    found: dict[str, str] = {}  # explanation -> the word as first used (forms share one explanation)
    for abbr in BeautifulSoup(body_html, "html.parser").select("abbr.glossary-term[title]"):
        found.setdefault(str(abbr["title"]), abbr.get_text())
    return [(word, explanation) for explanation, word in found.items()]


def _part(
    page: PageForPrint,
    medicine: Medicine,
    prefix: str,
    body_html: str,
    words: list[tuple[str, str]] | None = None,
) -> _Part:
    banner = review_banner(page.review, clock.today(), medicine.care_team) if page.review else None
    body = in_two_columns(style_inline_svgs(body_html))
    return _Part(
        anchor=f"{prefix}top" if prefix else "top",
        title=page.title,
        address=page.address,
        qr=_qr(page.address),
        preview=is_preview_address(page.address),
        review=banner,
        source_note=page.source_note,
        body=Markup(body),
        words=words_explained(body_html) if words is None else words,  # the pack's bodies lost the card
    )


def _qr(address: str) -> Markup:
    return Markup("") if is_preview_address(address) else Markup(qr_svg(address))


def style_inline_svgs(html: str) -> str:
    """Put the picture styles inside each inline SVG: WeasyPrint does not apply the page's
    CSS to SVG content, so a risk picture would otherwise print every figure filled in."""
    style = f"<style>{read_template_file('handout-svg.css')}</style>"
    return _SVG_START.sub(lambda match: match.group(0) + style, html)


def prefix_ids(html: str, prefix: str) -> str:
    """Give every id, and every link to an id on the same page, a prefix."""

    def rename(match: re.Match[str]) -> str:
        attribute, hash_mark, value = match.groups()
        if attribute == "id":
            return f'id="{prefix}{value}"'
        if hash_mark and value:
            return f'href="#{prefix}{value}"'
        return match.group(0)

    return _ID_ATTRIBUTE.sub(rename, html)


def _slug(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def render_handouts_page(content_title: str, medicine: Medicine, medicine_file: str) -> str:
    """The page that lists every handout (the list itself is added by the theme, with file sizes).

    Its words an editor can change (the medicine's name, the care team's) are in ``medicine_file``:
    the page's problems name that file, as other generated pages name theirs.
    """
    front = {
        "title": content_title,
        "description": f"Printable handouts about {medicine.brand_name} for MS nurses and patients.",
        "source_file": medicine_file,
    }
    return (
        "---\n"
        + yaml.safe_dump(front, sort_keys=False, allow_unicode=True)
        + "---\n\n"
        + "Each topic handout is a PDF of one page of this site, in 12-point type. "
        + "Most fit on two sides of A4; the list below says how many pages each one has. "
        + "The monitoring tracker is longer: it has a row to tick for every month of tests. "
        + "It shows when the page was last reviewed, whether a clinician has checked it, "
        + "and where it was printed from, with a QR code back to the latest version. "
        + f"There is a box to write in the details of {markdown_text(medicine.care_team)}.\n\n"
        + f'The pack "{markdown_text(pack_title(medicine))}" puts every handout together '
        + "after a cover page with contents, with the urgent-help card and the sources "
        + "printed once each.\n\n"
        + "Paper does not update: print a new copy when a page is reviewed.\n"
    )
