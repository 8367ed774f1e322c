"""The Leichte-Sprache page keeps its rules: no relative clauses, consistent middle dots,
„Links“ only for hyperlinks, an honest sender and a real contact route (or a clear note)."""

from __future__ import annotations

import re

import pytest
from render_fixtures import load_case
from render_html import parse, to_html
from repo_paths import REPO

from generator import urls
from generator.check.validate import load_strategy
from generator.model import AccessibilityStatement, Contact, Strategy
from generator.render.engine import render_site

#: Compounds the page always writes with a middle dot.
DOTTED = ("Internet·seite", "Barriere·freiheit", "barriere·frei", "Gebärden·sprache")
#: Proper names and e-mail addresses from the data, exempt from the page's spelling.
PROPER_NAME = re.compile(r"Ombudsstelle für barrierefreie Informationstechnik[^.:]*|\S+@\S+")
#: A comma followed by a relative pronoun starts a relative clause.
RELATIVE_CLAUSE = re.compile(r", (?:die|der|das|dem|den|deren|dessen|welche[rsnm]?) ")


@pytest.fixture(scope="module")
def real() -> Strategy:
    strategy, problems = load_strategy(REPO / "strategy")
    assert strategy is not None, [p.format() for p in problems]
    return strategy


def easy_text(strategy: Strategy) -> str:
    page = render_site(strategy).pages[urls.EASY_LANGUAGE]
    return " ".join(parse(to_html(page)).text.split())


def with_contact(strategy: Strategy, contact: Contact) -> Strategy:
    document = strategy.strategie.model_copy(
        update={"kontakt": contact, "barrierefreiheit": AccessibilityStatement()}
    )
    return strategy.model_copy(update={"strategie": document})


@pytest.mark.parametrize("case", ["minimal", "real"])
def test_no_relative_clauses_and_dots_everywhere(case: str, real: Strategy) -> None:
    """No relative clause; the long compounds carry their middle dot every time, link texts
    included."""
    text = easy_text(real if case == "real" else load_case("minimal"))
    text = re.sub(PROPER_NAME, "", text)  # the official name of the state's body stays as it is
    assert RELATIVE_CLAUSE.findall(text) == []
    for dotted in DOTTED:
        assert dotted.replace("·", "") not in text, dotted
    assert "Internet·seite" in text and "Erklärung zur Barriere·freiheit" in text


def test_links_means_hyperlinks_and_the_site_claims_no_sender(real: Strategy) -> None:
    """„Links“ is never a side of the screen; the page does not say the city made the site."""
    text = easy_text(real)
    assert not re.search(r"\bLinks auf\b|\boben links\b|\blinks oben\b", text)
    assert "Die Internet·seite ist von der Stadt" not in text
    assert f"Der Plan ist von der Stadt {real.strategie.stadt.name}." in text


def test_contact_route_from_the_data_or_a_clear_note(real: Strategy) -> None:
    """An e-mail address, else the contact's website, else a note that the city adds it."""
    mail = easy_text(with_contact(real, Contact(stelle="Amt", email="mailto:amt@example.org")))
    assert "Die Adresse ist: amt@example.org" in mail
    website = with_contact(real, Contact(stelle="Amt", website="https://amt.example.org/"))
    page = render_site(website).pages[urls.EASY_LANGUAGE]
    assert "[Internet·seite von der Stelle](https://amt.example.org/)" in page
    none = easy_text(with_contact(real, Contact(stelle="Amt")))
    assert "Die Stadt schreibt hier noch auf: So erreichen Sie die Stadt." in none
    assert "vom Herausgeber auszufüllen" not in none.split("Sie haben ein Problem")[1][:300]
