"""Views of the site-info pages: accessibility offers and the legal pages (pure).

In: a `SiteIndex`. Out: one page view each for „Über diese Website“, Leichte Sprache,
Gebärdensprache, the Erklärung zur Barrierefreiheit, the Datenschutzerklärung and the
Impressum. The city's facts come from the optional sections `impressum`, `datenschutz` and
`barrierefreiheit` of strategie.yml; the templates show what is missing as
„vom Herausgeber auszufüllen“ (`PLACEHOLDER`). Everything the software itself guarantees
(no cookies, no third-party requests, how the site is tested) is written in the templates.

Which laws and bodies apply depends on the state (Bundesland): `state_facts`,
`state_authority` and `state_enforcement` take them from the registry of the 16 Länder
(generator/data/bundeslaender.yml); the city's own entries in strategie.yml take precedence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from generator import urls
from generator.check.laender import land_named
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
class LawView:
    """A state law or regulation as the accessibility statement lists it (nominative)."""

    name: str
    short: str | None
    url: str | None


@dataclass(frozen=True)
class StateFacts:
    """What the legal pages say about the city's Land, from the registry of the 16 Länder
    (check/laender.py); None where the registry does not know a fact yet."""

    #: The Land's name as in strategie.yml.
    name: str
    #: The state laws on accessible IT of public bodies; empty for an unknown Land.
    accessibility_laws: tuple[LawView, ...]
    #: The state data-protection law as "name, abbreviation", if known.
    data_protection_law: str | None
    #: How the enforcement procedure works, in the Land's own terms.
    procedure: str | None
    #: Where the enforcement procedure is regulated, if known.
    legal_basis: str | None


def state_facts(state: str) -> StateFacts:
    """The facts the registry holds for `state` (a validated strategy always names one of the
    16 Länder; anything else gets no facts and the pages show what is missing)."""
    land = land_named(state)
    if land is None:
        return StateFacts(state, (), None, None, None)
    authority = land.authority
    law = None
    if authority.law_name:
        law = authority.law_name + (f", {authority.law_short}" if authority.law_short else "")
    return StateFacts(
        name=land.name,
        accessibility_laws=tuple(LawView(x.name, x.short, x.url) for x in land.laws),
        data_protection_law=law,
        procedure=land.enforcement.procedure,
        legal_basis=land.enforcement.legal_basis,
    )


def state_authority(state: str) -> ContactView | None:
    """The Land's data-protection supervisory authority from the registry, if known."""
    land = land_named(state)
    if land is None:
        return None
    authority = land.authority
    return _registry_contact(authority.name, authority.address, None, None, authority.url)


def state_enforcement(state: str) -> ContactView | None:
    """The Land's enforcement body for accessibility from the registry, if known."""
    land = land_named(state)
    if land is None:
        return None
    body = land.enforcement
    email = f"mailto:{body.email}" if body.email else None
    return _registry_contact(body.name, body.address, body.phone, email, body.url)


def _completed(own: ContactView | None, registry: ContactView | None) -> ContactView | None:
    """The city's own entry for a state body, else the registry's; where both name the same
    body, what the city left out (address, phone, e-mail, website) comes from the registry."""
    if own is None or registry is None or own.name != registry.name:
        return own or registry
    return ContactView(
        name=own.name,
        address=own.address or registry.address,
        phone=own.phone or registry.phone,
        email=own.email or registry.email,
        email_text=own.email_text if own.email else registry.email_text,
        website=own.website or registry.website,
        website_text=own.website_text if own.website else registry.website_text,
    )


def _registry_contact(
    name: str, address: tuple[str, ...], phone: str | None, email: str | None, url: str | None
) -> ContactView:
    return ContactView(
        name=name,
        address=address,
        phone=phone,
        email=email,
        email_text=_email_text(email),
        website=url,
        website_text=_website_text(url),
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
        themes=site.link(at, urls.THEMES, site.labels.leitthema.mehrzahl),
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
    #: The state's enforcement body for accessibility: barrierefreiheit.durchsetzungsstelle,
    #: else the registry's entry for the Land.
    enforcement: ContactView | None
    laws: StateFacts


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
        enforcement=_completed(
            contact_view(statement.durchsetzungsstelle),
            state_enforcement(document.stadt.bundesland),
        ),
        laws=state_facts(document.stadt.bundesland),
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
        authority=_completed(
            contact_view(privacy.aufsichtsbehoerde),
            state_authority(site.document.stadt.bundesland),
        ),
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
