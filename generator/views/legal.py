"""Views of the site-info pages: accessibility offers and the legal pages (pure).

In: a `SiteIndex`. Out: one page view each for „Über diese Website“, Leichte Sprache,
Gebärdensprache, the Erklärung zur Barrierefreiheit, the Datenschutzerklärung and the
Impressum. The city's facts come from the optional sections `impressum`, `datenschutz` and
`barrierefreiheit` of strategie.yml; the templates show what is missing as
„vom Herausgeber auszufüllen“ (`PLACEHOLDER`). Everything the software itself guarantees
(no cookies, no third-party requests, how the site is tested) is written in the templates.

Which laws apply depends on the state (Bundesland): `state_laws` names them for
Nordrhein-Westfalen and falls back to a general wording for any other state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from generator import urls
from generator.model import (
    AccessibilityStatement,
    DataProtection,
    Imprint,
    Office,
    StrategyDocument,
)
from generator.views.pages import Page
from generator.views.site import Link, SiteIndex

#: What a legal page shows where only the city can fill in a detail.
PLACEHOLDER = "vom Herausgeber auszufüllen"


@dataclass(frozen=True)
class StateLaws:
    """The state's laws the legal pages cite, worded to follow "nach" (dative)."""

    accessibility: str
    #: Where the enforcement procedure is regulated, if known.
    enforcement: str | None
    data_protection: str


_STATE_LAWS = {
    "Nordrhein-Westfalen": StateLaws(
        accessibility="dem Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW) und "
        "der Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW)",
        enforcement="§§ 10d und 10e BGG NRW und §§ 9 ff. BITV NRW",
        data_protection="dem Datenschutzgesetz Nordrhein-Westfalen (DSG NRW)",
    ),
}


def state_laws(state: str) -> StateLaws:
    """The laws of `state`; a general wording for states without an entry."""
    return _STATE_LAWS.get(
        state,
        StateLaws(
            accessibility=f"den Vorschriften des Landes {state} zur barrierefreien "
            "Informationstechnik",
            enforcement=None,
            data_protection=f"dem Datenschutzgesetz des Landes {state}",
        ),
    )


@dataclass(frozen=True)
class ContactView:
    """A body or person as shown on a legal page: name, address lines, how to reach it."""

    name: str
    address: tuple[str, ...]
    phone: str | None
    #: The mailto: link, and the address as readers see it.
    email: str | None
    email_text: str | None
    website: str | None
    #: The website as readers see it, without "https://".
    website_text: str | None


def contact_view(office: Office | None) -> ContactView | None:
    if office is None:
        return None
    return ContactView(
        name=office.name,
        address=tuple(office.anschrift),
        phone=office.telefon,
        email=office.email,
        email_text=_email_text(office.email),
        website=office.website,
        website_text=_website_text(office.website),
    )


def _email_text(url: str | None) -> str | None:
    if url is None:
        return None
    return url.removeprefix("mailto:").split("?")[0]


def _website_text(url: str | None) -> str | None:
    if url is None:
        return None
    return url.removeprefix("https://").rstrip("/")


@dataclass(frozen=True)
class InfoLinks:
    """Links from one site-info page to the others and to the main pages."""

    info: Link
    easy_language: Link
    sign_language: Link
    accessibility: Link
    privacy: Link
    imprint: Link
    print: Link
    start: Link
    catalogue: Link
    themes: Link


def _info_links(site: SiteIndex, at: PurePosixPath) -> InfoLinks:
    return InfoLinks(
        info=site.link(at, urls.SITE_INFO, "Über diese Website"),
        easy_language=site.link(at, urls.EASY_LANGUAGE, "Leichte Sprache"),
        sign_language=site.link(at, urls.SIGN_LANGUAGE, "Gebärdensprache"),
        accessibility=site.link(at, urls.ACCESSIBILITY, "Erklärung zur Barrierefreiheit"),
        privacy=site.link(at, urls.PRIVACY, "Datenschutzerklärung"),
        imprint=site.link(at, urls.IMPRINT, "Impressum"),
        print=site.link(at, urls.PRINT, "Druckfassung"),
        start=site.link(at, urls.START, "Startseite"),
        catalogue=site.link(at, urls.CATALOGUE, "Maßnahmenkatalog"),
        themes=site.link(at, urls.THEMES, "Leitthemen"),
    )


@dataclass(frozen=True)
class SiteFacts:
    """What every site-info page draws on: the strategy's settings and links to its siblings."""

    document: StrategyDocument
    links: InfoLinks
    #: The publisher (impressum.herausgeber), if the city has entered it.
    publisher: ContactView | None
    #: Who answers questions about the strategy (kontakt in strategie.yml).
    contact: ContactView
    #: Where readers report barriers: barrierefreiheit.kontakt, else the strategy's kontakt.
    feedback: ContactView
    statement: AccessibilityStatement
    #: The state's enforcement body for accessibility (barrierefreiheit.durchsetzungsstelle).
    enforcement: ContactView | None
    laws: StateLaws


def site_facts(site: SiteIndex, at: PurePosixPath) -> SiteFacts:
    """The facts for a site-info page at `at` (links are relative to it)."""
    document = site.document
    imprint = document.impressum or Imprint()
    statement = document.barrierefreiheit or AccessibilityStatement()
    general = document.kontakt
    contact = ContactView(
        name=general.stelle,
        address=(),
        phone=None,
        email=general.email,
        email_text=_email_text(general.email),
        website=general.website,
        website_text=_website_text(general.website),
    )
    return SiteFacts(
        document=document,
        links=_info_links(site, at),
        publisher=contact_view(imprint.herausgeber),
        contact=contact,
        feedback=contact_view(statement.kontakt) or contact,
        statement=statement,
        enforcement=contact_view(statement.durchsetzungsstelle),
        laws=state_laws(document.stadt.bundesland),
    )


@dataclass(frozen=True)
class SiteInfoPage(Page):
    template = "site_info.md.j2"
    facts: SiteFacts


@dataclass(frozen=True)
class ImprintPage(Page):
    template = "legal_imprint.md.j2"
    facts: SiteFacts
    imprint: Imprint
    responsible: ContactView | None


@dataclass(frozen=True)
class PrivacyPage(Page):
    template = "legal_privacy.md.j2"
    facts: SiteFacts
    privacy: DataProtection
    officer: ContactView | None
    authority: ContactView | None
    #: Who represents the controller (impressum.vertreten_durch).
    representative: str | None


@dataclass(frozen=True)
class AccessibilityPage(Page):
    template = "legal_accessibility.md.j2"
    facts: SiteFacts


@dataclass(frozen=True)
class EasyLanguagePage(Page):
    template = "easy_language.md.j2"
    facts: SiteFacts
    theme_count: int
    #: A measure id to show as a search example.
    example_id: str | None
    #: Whether some ratings are example values.
    has_example_ratings: bool
    #: The year of the first council decision.
    first_year: int
    #: The sentences of `hinweis_leicht`, one per line; empty without it.
    easy_notice: tuple[str, ...] = ()


@dataclass(frozen=True)
class SignLanguagePage(Page):
    template = "sign_language.md.j2"
    facts: SiteFacts


def build_site_info(site: SiteIndex) -> SiteInfoPage:
    at = urls.SITE_INFO
    return SiteInfoPage(
        path=at,
        title="Über diese Website",
        source_files=(site.document_file(),),
        facts=site_facts(site, at),
    )


def build_imprint(site: SiteIndex) -> ImprintPage:
    at = urls.IMPRINT
    imprint = site.document.impressum or Imprint()
    return ImprintPage(
        path=at,
        title="Impressum",
        source_files=(site.document_file(),),
        facts=site_facts(site, at),
        imprint=imprint,
        responsible=contact_view(imprint.inhaltlich_verantwortlich),
    )


def build_privacy(site: SiteIndex) -> PrivacyPage:
    at = urls.PRIVACY
    privacy = site.document.datenschutz or DataProtection()
    imprint = site.document.impressum or Imprint()
    return PrivacyPage(
        path=at,
        title="Datenschutzerklärung",
        source_files=(site.document_file(),),
        facts=site_facts(site, at),
        privacy=privacy,
        officer=contact_view(privacy.beauftragte),
        authority=contact_view(privacy.aufsichtsbehoerde),
        representative=imprint.vertreten_durch,
    )


def build_accessibility(site: SiteIndex) -> AccessibilityPage:
    at = urls.ACCESSIBILITY
    return AccessibilityPage(
        path=at,
        title="Erklärung zur Barrierefreiheit",
        source_files=(site.document_file(),),
        facts=site_facts(site, at),
    )


def build_easy_language(site: SiteIndex) -> EasyLanguagePage:
    at = urls.EASY_LANGUAGE
    measures = site.strategy.massnahmen
    return EasyLanguagePage(
        path=at,
        title="Leichte Sprache",
        source_files=(site.document_file(),),
        facts=site_facts(site, at),
        theme_count=len(site.strategy.leitthemen),
        example_id=measures[0].id if measures else None,
        has_example_ratings=any(m.bewertung.quelle == "beispiel" for m in measures),
        first_year=min(e.datum.year for e in site.document.fortschreibungen),
        easy_notice=tuple(
            re.split(r"(?<=[.!?])\s+", " ".join((site.document.hinweis_leicht or "").split()))
        )
        if site.document.hinweis_leicht
        else (),
    )


def build_sign_language(site: SiteIndex) -> SignLanguagePage:
    at = urls.SIGN_LANGUAGE
    return SignLanguagePage(
        path=at,
        title="Gebärdensprache",
        source_files=(site.document_file(),),
        facts=site_facts(site, at),
    )


def build_site_info_pages(site: SiteIndex) -> list[Page]:
    """The site-info pages in navigation order: overview, offers, then the legal pages."""
    return [
        build_site_info(site),
        build_easy_language(site),
        build_sign_language(site),
        build_accessibility(site),
        build_privacy(site),
        build_imprint(site),
    ]
