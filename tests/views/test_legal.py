"""Site-info pages: Leichte Sprache, Gebärdensprache, Barrierefreiheit, Datenschutz, Impressum.

Each page exists and is in the navigation; what only the city can state shows the placeholder
„vom Herausgeber auszufüllen“ exactly where it is missing; the Leichte-Sprache page keeps its
sentences short; the footer of every built page links all of them; what the privacy statement
promises matches the site's configuration.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from project_copy import copy_project, run_strategie
from render_fixtures import load_case
from render_html import parse, to_html
from repo_paths import REPO

from generator import urls
from generator.check.validate import load_strategy
from generator.model import (
    AccessibilityStatement,
    DataProtection,
    Imprint,
    Office,
    Strategy,
)
from generator.render.engine import RenderedSite, render_site
from generator.views.legal import PLACEHOLDER, state_authority, state_enforcement, state_facts

FOOTER = REPO / "docs" / "theme" / "partials" / "copyright.html"
INFO_PAGES = {
    urls.SITE_INFO: "Über diese Website",
    urls.EASY_LANGUAGE: "Leichte Sprache",
    urls.SIGN_LANGUAGE: "Gebärdensprache",
    urls.ACCESSIBILITY: "Erklärung zur Barrierefreiheit",
    urls.PRIVACY: "Datenschutzerklärung",
    urls.IMPRINT: "Impressum",
}
#: The pages every page's footer must link, by their built path.
FOOTER_PAGES = [urls.EASY_LANGUAGE, urls.SIGN_LANGUAGE, urls.ACCESSIBILITY, urls.PRIVACY]
FOOTER_PAGES.append(urls.IMPRINT)


@pytest.fixture(scope="module")
def minimal() -> Strategy:
    return load_case("minimal")


@pytest.fixture(scope="module")
def minimal_site(minimal: Strategy) -> RenderedSite:
    return render_site(minimal)


@pytest.fixture(scope="module")
def real() -> Strategy:
    strategy, problems = load_strategy(REPO / "strategy")
    assert strategy is not None, [p.format() for p in problems]
    return strategy


def text_of(page: str) -> str:
    """The visible text of a generated page, whitespace collapsed."""
    return " ".join(parse(to_html(page)).text.split())


def section(page: str, heading: str) -> str:
    """The Markdown of one `## heading` section of a page, up to the next h2."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", page, re.M | re.S)
    assert match, f"no section „{heading}“"
    return match.group(1)


def with_document(strategy: Strategy, **changes: Any) -> Strategy:
    document = strategy.strategie.model_copy(update=changes)
    return strategy.model_copy(update={"strategie": document})


# --- pages and navigation -------------------------------------------------------------------


def test_every_info_page_is_rendered_with_its_title(minimal_site: RenderedSite) -> None:
    """The overview and the five accessibility and legal pages exist, each with its h1."""
    for path, title in INFO_PAGES.items():
        assert path in minimal_site.pages, path
        assert minimal_site.pages[path].splitlines()[1] == f"# {title}"


def test_info_pages_form_the_last_navigation_section(minimal_site: RenderedSite) -> None:
    """„Über diese Website“ ends the navigation; its index page comes first, then the others."""
    last = minimal_site.navigation[-1]
    assert list(last) == ["Über diese Website"]
    entries = [next(iter(entry.values())) for entry in last["Über diese Website"]]
    assert entries == [str(path) for path in INFO_PAGES]


def test_print_page_is_in_the_navigation_before_the_info_section(
    minimal_site: RenderedSite,
) -> None:
    """„Druckfassung“ is a top-level navigation entry, just before „Über diese Website“."""
    assert minimal_site.navigation[-2] == {"Druckfassung": str(urls.PRINT)}


def test_start_page_links_easy_language_sign_language_and_accessibility(
    minimal_site: RenderedSite,
) -> None:
    """The start page points to Leichte Sprache, Gebärdensprache, Barrierefreiheit and print."""
    start = minimal_site.pages[urls.START]
    for target in (urls.EASY_LANGUAGE, urls.SIGN_LANGUAGE, urls.ACCESSIBILITY, urls.PRINT):
        assert f"]({urls.relative_link(urls.START, target)})" in start, target


# --- placeholders ---------------------------------------------------------------------------


def test_missing_details_show_the_placeholder_where_they_are_missing(
    minimal_site: RenderedSite,
) -> None:
    """The minimal fixture leaves some details out: exactly those sections show the placeholder."""
    imprint = minimal_site.pages[urls.IMPRINT]
    assert PLACEHOLDER in section(imprint, "Verantwortlich für den Inhalt")
    assert PLACEHOLDER not in section(imprint, "Herausgeber")
    privacy = minimal_site.pages[urls.PRIVACY]
    server = section(privacy, "Zugriffsdaten des Webservers")
    assert f'Betrieb des Webservers: <mark class="strategie-platzhalter">{PLACEHOLDER}' in server
    assert f'Protokolldateien: <mark class="strategie-platzhalter">{PLACEHOLDER}' in server
    assert PLACEHOLDER not in section(
        privacy, "Datenschutzbeauftragte oder Datenschutzbeauftragter"
    )
    statement = minimal_site.pages[urls.ACCESSIBILITY]
    checked = section(statement, "Wie die Barrierefreiheit geprüft wurde")
    assert "Erstellt oder zuletzt überprüft am: 2. Mai 2024" in checked
    assert f'Letzte Prüfung der Website: <mark class="strategie-platzhalter">{PLACEHOLDER}' in (
        checked
    )
    # The fixture names the NRW body without its website: the registry of the Länder adds it.
    enforcement = section(statement, "Durchsetzungsverfahren")
    assert "(https://www.lbbp.nrw.de/ombudsstelle)" in enforcement
    assert PLACEHOLDER not in enforcement
    assert PLACEHOLDER not in section(statement, "Barrieren melden")


def test_without_legal_sections_every_city_detail_is_a_placeholder(minimal: Strategy) -> None:
    """With no impressum, datenschutz and barrierefreiheit and no contact e-mail, the pages say
    „vom Herausgeber auszufüllen“ for publisher, officer and feedback address; the Land's
    authority and enforcement body come from the registry of the Länder instead."""
    contact = minimal.strategie.kontakt.model_copy(update={"email": None})
    bare = with_document(
        minimal, impressum=None, datenschutz=None, barrierefreiheit=None, kontakt=contact
    )
    pages = render_site(bare).pages
    imprint, privacy = pages[urls.IMPRINT], pages[urls.PRIVACY]
    statement, easy = pages[urls.ACCESSIBILITY], pages[urls.EASY_LANGUAGE]
    for page, heading in [
        (imprint, "Herausgeber"),
        (imprint, "Verantwortlich für den Inhalt"),
        (privacy, "Verantwortliche Stelle"),
        (privacy, "Datenschutzbeauftragte oder Datenschutzbeauftragter"),
        (statement, "Barrieren melden"),
    ]:
        assert PLACEHOLDER in section(page, heading), heading
    # Leichte Sprache names the way that exists: without an e-mail, the contact's website.
    problem = section(easy, "Sie haben ein Problem mit der Internet·seite?")
    assert contact.website and f"({contact.website})" in problem, problem
    assert "Stand der Vereinbarkeit" in statement and "**teilweise vereinbar**" in statement
    assert PLACEHOLDER in pages[urls.SIGN_LANGUAGE]
    complaint = section(privacy, "Beschwerde bei der Aufsichtsbehörde")
    assert "Kavalleriestraße 2-4" in complaint and PLACEHOLDER not in complaint
    enforcement = section(statement, "Durchsetzungsverfahren")
    assert "(https://www.lbbp.nrw.de/ombudsstelle)" in enforcement
    assert PLACEHOLDER not in enforcement


def test_complete_legal_sections_leave_no_placeholder(minimal: Strategy) -> None:
    """Once the city has entered everything, no legal page shows a placeholder any more."""
    office = Office(
        name="Stadt Musterstadt",
        anschrift=["Rathausplatz 1", "12345 Musterstadt"],
        email="mailto:info@musterstadt.example.org",
        website="https://www.musterstadt.example.org",
    )
    complete = with_document(
        minimal,
        impressum=Imprint(
            herausgeber=office,
            vertreten_durch="Der Bürgermeister",
            inhaltlich_verantwortlich=Office(name="Erika Muster", anschrift=["Rathausplatz 1"]),
        ),
        datenschutz=DataProtection(
            beauftragte=Office(name="Datenschutzbeauftragte", email="mailto:ds@example.org"),
            hosting="IT-Dienstleister der Stadt",
            speicherdauer_protokolle="7 Tage",
            aufsichtsbehoerde=Office(name="LDI NRW", website="https://www.ldi.nrw.de"),
        ),
        barrierefreiheit=AccessibilityStatement(
            erstellt=date(2026, 1, 5),
            geprueft=date(2026, 1, 4),
            kontakt=Office(name="Amt für Digitales", email="mailto:barrierefrei@example.org"),
            durchsetzungsstelle=Office(name="Ombudsstelle", website="https://www.example.org"),
        ),
    )
    pages = render_site(complete).pages
    for path in (urls.IMPRINT, urls.PRIVACY, urls.ACCESSIBILITY, urls.EASY_LANGUAGE):
        assert PLACEHOLDER not in pages[path], path
        assert "vom Herausgeber zu prüfen" not in pages[path], path


def test_feedback_goes_to_the_general_contact_without_an_own_one(minimal: Strategy) -> None:
    """Without barrierefreiheit.kontakt, barriers are reported to the strategy's kontakt."""
    statement = AccessibilityStatement()
    pages = render_site(with_document(minimal, barrierefreiheit=statement)).pages
    feedback = section(pages[urls.ACCESSIBILITY], "Barrieren melden")
    assert "Amt für Digitales<br>" in feedback
    assert "(mailto:digital@musterstadt.example.org)" in feedback


def test_accessibility_statement_states_status_method_and_enforcement(
    minimal_site: RenderedSite,
) -> None:
    """Conformance status, the checks that run, a mailto feedback route and the NRW Ombudsstelle."""
    text = text_of(minimal_site.pages[urls.ACCESSIBILITY])
    for expected in [
        "Diese Website ist mit den Anforderungen teilweise vereinbar.",
        "EN 301 549",
        "WCAG) 2.1 auf den Stufen A und AA",
        "Videos in Deutscher Gebärdensprache fehlen noch.",
        "axe-core",
        "Chromium",
        "Tastaturtests",
        "Die Karte der Stadtteile hat noch keine Beschreibung in Textform.",
        "E-Mail: barrierefrei@musterstadt.example.org",
        "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen",
        "Rechtsgrundlage des Verfahrens: §§ 10d, 10e BGG NRW und §§ 9 ff. BITV NRW.",
    ]:
        assert expected in text, expected
    assert "(mailto:barrierefrei@musterstadt.example.org)" in minimal_site.pages[urls.ACCESSIBILITY]


def test_privacy_statement_covers_logs_rights_and_complaint(minimal_site: RenderedSite) -> None:
    """No cookies, no tracking, server logs, rights under Art. 15–21 and the complaint route."""
    text = text_of(minimal_site.pages[urls.PRIVACY])
    for expected in [
        "Die Website setzt keine Cookies.",
        "kein Tracking",
        "kein Einwilligungsbanner",
        "die IP-Adresse Ihres Geräts",
        "Art. 6 Abs. 1 Buchstabe e DSGVO in Verbindung mit dem Datenschutzrecht des Landes "
        "Nordrhein-Westfalen (Datenschutzgesetz Nordrhein-Westfalen, DSG NRW)",
        "sessionStorage",
        "?h=",
        *(f"(Art. {n} DSGVO)" for n in (15, 16, 17, 18, 20, 21)),
        "Art. 77 DSGVO",
        "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen",
        "datenschutz@musterstadt.example.org",
    ]:
        assert expected in text, expected


def test_imprint_names_the_laws_and_the_central_imprint(minimal_site: RenderedSite) -> None:
    """§ 5 DDG, § 18 MStV, the city's central imprint and the publisher with address."""
    page = minimal_site.pages[urls.IMPRINT]
    text = text_of(page)
    assert "§ 5 Digitale-Dienste-Gesetz (DDG)" in text
    assert "§ 18 Abs. 2 MStV" in text
    assert "(https://www.musterstadt.example.org/impressum)" in page
    assert "Stadt Musterstadt Rathausplatz 1 12345 Musterstadt" in text


def test_laws_of_another_state_come_from_the_registry() -> None:
    """Another Land gets its own laws, authority and enforcement body, never NRW's."""
    laws = state_facts("Bayern")
    assert [law.short for law in laws.accessibility_laws] == ["BayBGG", "BayDiV"]
    assert laws.data_protection_law == "Bayerisches Datenschutzgesetz, BayDSG"
    assert laws.legal_basis == "§ 11 BayDiV"
    assert laws.procedure and "NRW" not in laws.procedure
    authority = state_authority("Bayern")
    assert authority and authority.name.startswith("Der Bayerische Landesbeauftragte")
    enforcement = state_enforcement("Bayern")
    assert enforcement and "Landesamt für Digitalisierung" in enforcement.name


def test_an_unknown_state_gets_no_facts() -> None:
    """A name outside the 16 Länder (only possible without validation) yields no facts at all."""
    laws = state_facts("Atlantis")
    assert laws.accessibility_laws == () and laws.procedure is None
    assert state_authority("Atlantis") is None and state_enforcement("Atlantis") is None


def test_pages_of_another_state_name_its_bodies_and_say_what_is_missing(
    minimal: Strategy,
) -> None:
    """A city in Mecklenburg-Vorpommern: its laws and bodies; the unknown contact route of its
    enforcement body is stated as missing, and no NRW law or body appears."""
    city = minimal.strategie.stadt.model_copy(
        update={"bundesland": "Mecklenburg-Vorpommern", "gemeindeschluessel": "13003000"}
    )
    statement = AccessibilityStatement(kontakt=Office(name="Amt", email="mailto:a@example.org"))
    privacy = DataProtection()
    pages = render_site(
        with_document(minimal, stadt=city, barrierefreiheit=statement, datenschutz=privacy)
    ).pages
    accessibility, privacy_page = pages[urls.ACCESSIBILITY], pages[urls.PRIVACY]
    text = text_of(accessibility)
    assert "Landesbehindertengleichstellungsgesetz Mecklenburg-Vorpommern (LBGG M-V)" in text
    enforcement = section(accessibility, "Durchsetzungsverfahren")
    assert "Anlauf- und Überwachungsstelle" in enforcement
    assert "noch offen: Website oder E-Mail-Adresse der Stelle" in enforcement
    assert "Rechtsgrundlage des Verfahrens: § 2 Abs. 1 BITVO M-V." in enforcement
    complaint = section(privacy_page, "Beschwerde bei der Aufsichtsbehörde")
    assert "Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern" in complaint
    for page in (accessibility, privacy_page):
        assert "NRW" not in page and "Nordrhein-Westfalen" not in page


# --- Leichte Sprache ------------------------------------------------------------------------

#: Abbreviations that Leichte Sprache avoids (an id like "VER-01" is quoted, not abbreviated).
_ABBREVIATION = re.compile(
    r"\b(z\. ?B|bzw|usw|ggf|evtl|ca|d\. ?h|u\. ?a|Nr|Abs|Art)\.|\b[A-Z]{2,}\b"
)
_SENTENCE_END = re.compile(r"(?<=[.?!:])\s+|\n")


def easy_sentences(page: str) -> list[list[str]]:
    """The sentences of the Leichte-Sprache page's text, as lists of words.

    Headings, list items and lines are sentences of their own; a colon ends one too (it
    introduces the next line in Leichte Sprache); links count as the words of their text.
    """
    body = page.split("\n", 2)[2]
    html = to_html(body).replace("<br />", "\n").replace("<br>", "\n")
    html = re.sub(r"</(h\d|li|p)>", "\n", html)
    text = re.sub(r"<[^>]+>", "", html)
    parts = [part.strip() for part in _SENTENCE_END.split(text)]
    return [part.split() for part in parts if part]


@pytest.mark.parametrize("case", ["minimal", "real"])
def test_easy_language_sentences_are_short(
    case: str, minimal_site: RenderedSite, real: Strategy
) -> None:
    """Leichte Sprache: on average at most 12 words a sentence, none longer than 18."""
    site = minimal_site if case == "minimal" else render_site(real)
    sentences = easy_sentences(site.pages[urls.EASY_LANGUAGE])
    lengths = [len(words) for words in sentences]
    assert len(sentences) > 40
    assert statistics.mean(lengths) <= 12, statistics.mean(lengths)
    longest = max(sentences, key=len)
    assert len(longest) <= 18, " ".join(longest)


def test_easy_language_avoids_abbreviations_and_addresses_the_reader(
    real: Strategy,
) -> None:
    """No abbreviations like „z. B.“ or „DGS“; the reader is addressed as „Sie“."""
    page = render_site(real).pages[urls.EASY_LANGUAGE]
    text = text_of(page)
    without_ids = re.sub(r"\b[A-Z]{2,5}-[0-9]{2,3}\b", "", text)
    found = [m.group(0) for m in _ABBREVIATION.finditer(without_ids)]
    assert found == [], found
    assert text.count(" Sie ") >= 10


# --- footer ---------------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.footer: list[str] = []
        self._in_footer = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "nav" and "strategie-fusszeile" in (attributes.get("class") or ""):
            self._in_footer += 1
        elif tag == "a" and self._in_footer:
            self.footer.append(attributes.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._in_footer:
            self._in_footer -= 1


def test_footer_partial_links_the_generated_pages() -> None:
    """The footer override names exactly the generator's paths (as .html), in this order."""
    partial = FOOTER.read_text(encoding="utf-8")
    paths = re.findall(r'\("(info/[a-z-]+\.html)", "[^"]+"\)', partial)
    assert paths == [str(p.with_suffix(".html")) for p in FOOTER_PAGES]
    assert "| url" in partial, "links must be made relative to the page with the url filter"


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bundled strategy built with `strategie build --out` from a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("projekt"))
    site = project.parent / "gebaut"
    result = run_strategie(project, "build", "--out", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    yield site


def test_every_built_page_links_the_legal_pages_in_its_footer(built_site: Path) -> None:
    """Every HTML page of the build has the footer links, and each resolves to a built page."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20  # any strategy: start, legal, method, evaluation, measure pages …
    wanted = {str(p.with_suffix(".html")) for p in FOOTER_PAGES}
    for page in pages:
        if page.name == "404.html":
            continue  # served at any address, with root-relative links
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        targets = {
            (page.parent / href).resolve().relative_to(built_site.resolve()).as_posix()
            for href in parser.footer
        }
        assert targets == wanted, page.relative_to(built_site)
    for target in wanted:
        assert (built_site / target).is_file(), target


def test_built_legal_page_marks_itself_current_in_the_footer(built_site: Path) -> None:
    """On the Impressum, its own footer link carries aria-current="page"."""
    html = (built_site / "info" / "impressum.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="impressum\.html" aria-current="page">Impressum</a>', html)
    assert html.count('aria-current="page"') == 1


def test_print_page_is_left_out_of_the_search_index(built_site: Path) -> None:
    """The Druckfassung repeats every measure; search must lead to the measure pages instead."""
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"druckfassung.html' not in index.replace(" ", "")
    assert '"location":"info/impressum.html' in index.replace(" ", "")


# --- privacy claims against the configuration ------------------------------------------------


def test_privacy_claims_match_the_configuration() -> None:
    """What the statement promises holds in mkdocs.base.yml: no analytics, no consent, no
    palette toggle, no linked content tabs, no announcement bar — nothing Material would
    keep in localStorage or send elsewhere."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.base.yml").read_text(encoding="utf-8"), Loader=Loader)
    extra = config.get("extra") or {}
    theme = config["theme"]
    assert "analytics" not in extra and "consent" not in extra
    assert not isinstance(theme.get("palette"), list), "a palette toggle stores the choice"
    assert "content.tabs.link" not in theme.get("features", [])
    assert theme.get("font") is False
    for template in (REPO / "docs" / "theme").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "block announce" not in text, f"{template}: an announcement stores its dismissal"
        assert "localStorage" not in text, template


def test_generated_info_pages_name_their_source() -> None:
    """Each info page's first line names strategie.yml (the city edits its facts there)."""
    pages = render_site(load_case("minimal")).pages
    for path in INFO_PAGES:
        assert pages[path].startswith("<!-- Erzeugt aus strategy/strategie.yml"), path
