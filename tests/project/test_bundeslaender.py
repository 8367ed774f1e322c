"""The registry of the 16 Länder (generator/data/bundeslaender.yml): shape and honesty.

The file is data for the legal pages: per Land the data-protection authority, the state laws on
accessible IT and the enforcement body. These tests pin its structure (16 entries in the official
order of the Amtlicher Gemeindeschlüssel), that every link is https, that every stated fact has a
source and that every missing fact says what is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from importlib import resources
from typing import Any

import yaml
from repo_paths import REPO

#: The official order: first two digits of the Amtlicher Gemeindeschlüssel → Land.
AGS_ORDER = {
    "01": "Schleswig-Holstein",
    "02": "Hamburg",
    "03": "Niedersachsen",
    "04": "Bremen",
    "05": "Nordrhein-Westfalen",
    "06": "Hessen",
    "07": "Rheinland-Pfalz",
    "08": "Baden-Württemberg",
    "09": "Bayern",
    "10": "Saarland",
    "11": "Berlin",
    "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen",
    "15": "Sachsen-Anhalt",
    "16": "Thüringen",
}

IDS = {
    "schleswig-holstein",
    "hamburg",
    "niedersachsen",
    "bremen",
    "nordrhein-westfalen",
    "hessen",
    "rheinland-pfalz",
    "baden-wuerttemberg",
    "bayern",
    "saarland",
    "berlin",
    "brandenburg",
    "mecklenburg-vorpommern",
    "sachsen",
    "sachsen-anhalt",
    "thueringen",
}

LAND_KEYS = {
    "name",
    "ags_prefix",
    "datenschutz_aufsicht",
    "barrierefreiheit_gesetz",
    "durchsetzung",
    "geprueft_am",
}
AUTHORITY_KEYS = {"name", "anschrift", "url", "landesgesetz", "quellen", "offen"}
LAW_KEYS = {"kurz", "name", "url", "quellen", "offen"}
ENFORCEMENT_KEYS = {
    "name",
    "url",
    "kontakt",
    "rechtsgrundlage",
    "verfahren",
    "quellen",
    "offen",
}


def _load() -> dict[str, Any]:
    text = (resources.files("generator") / "data" / "bundeslaender.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


REGISTRY = _load()


def _sections(land: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every part of a Land that states facts: the authority, each law, the enforcement body."""
    yield "datenschutz_aufsicht", land["datenschutz_aufsicht"]
    for i, law in enumerate(land["barrierefreiheit_gesetz"]):
        yield f"barrierefreiheit_gesetz[{i}]", law
    yield "durchsetzung", land["durchsetzung"]


def _urls(section: dict[str, Any]) -> Iterator[str]:
    """The links of a section: its `url` and its sources (notes may quote old http links)."""
    if section.get("url") is not None:
        yield section["url"]
    yield from section.get("quellen") or []


def test_registry_has_exactly_the_16_laender() -> None:
    """The ids are exactly the 16 stable Land ids, no more, no fewer."""
    assert set(REGISTRY) == IDS


def test_ags_prefixes_follow_the_official_order() -> None:
    """Each Land carries the AGS prefix of the official order, and each prefix occurs once."""
    by_prefix = {land["ags_prefix"]: land["name"] for land in REGISTRY.values()}
    assert len(by_prefix) == len(REGISTRY)
    assert by_prefix == AGS_ORDER


def test_each_land_has_the_documented_keys() -> None:
    """Every Land and every section has exactly the keys the top comment documents."""
    for land_id, land in REGISTRY.items():
        assert set(land) == LAND_KEYS, land_id
        assert set(land["datenschutz_aufsicht"]) == AUTHORITY_KEYS, land_id
        assert land["barrierefreiheit_gesetz"], f"{land_id}: no accessibility law listed"
        for law in land["barrierefreiheit_gesetz"]:
            assert set(law) == LAW_KEYS, land_id
        assert set(land["durchsetzung"]) == ENFORCEMENT_KEYS, land_id


def test_every_link_is_https() -> None:
    """Every url and every source is an https address."""
    for land_id, land in REGISTRY.items():
        for where, section in _sections(land):
            for url in _urls(section):
                assert isinstance(url, str), (land_id, where, url)
                assert url.startswith("https://"), (land_id, where, url)


def test_every_stated_fact_has_a_source() -> None:
    """A section that states any fact lists at least one source for it."""
    for land_id, land in REGISTRY.items():
        for where, section in _sections(land):
            facts = {k: v for k, v in section.items() if k not in ("quellen", "offen")}
            if any(v is not None for v in facts.values()):
                assert section["quellen"], f"{land_id}.{where}: facts without a source"


def test_every_missing_fact_says_what_is_open() -> None:
    """A section with a null fact explains in `offen` what could not be verified."""
    for land_id, land in REGISTRY.items():
        for where, section in _sections(land):
            missing = [k for k, v in section.items() if v is None and k not in ("offen", "kurz")]
            if missing:
                offen = section["offen"]
                assert isinstance(offen, str) and offen.strip(), (land_id, where, missing)


def test_every_land_names_its_authority_and_enforcement_body() -> None:
    """The two bodies the legal pages must name are known for every Land, as is the procedure."""
    for land_id, land in REGISTRY.items():
        assert land["datenschutz_aufsicht"]["name"], land_id
        assert land["durchsetzung"]["name"], land_id
        assert land["durchsetzung"]["verfahren"], land_id


def test_every_land_was_checked_on_a_date() -> None:
    """`geprueft_am` is a real date, so a recheck can be dated too."""
    for land_id, land in REGISTRY.items():
        assert isinstance(land["geprueft_am"], date), land_id


def test_bundled_city_key_matches_its_land() -> None:
    """The bundled city's Gemeindeschlüssel starts with the AGS prefix of its Bundesland."""
    stadt = yaml.safe_load((REPO / "strategy" / "strategie.yml").read_text("utf-8"))["stadt"]
    land = next(v for v in REGISTRY.values() if v["name"] == stadt["bundesland"])
    assert stadt["gemeindeschluessel"][:2] == land["ags_prefix"]
