"""The registry of the 16 Länder (generator/data/bundeslaender.yml) as typed, frozen values.

In: the package's data file (trusted, shipped with the software;
tests/project/test_bundeslaender.py pins its shape). Out: `Land` values by name or by the first
two digits of a Gemeindeschlüssel, and
the checks of `stadt.bundesland` and `stadt.gemeindeschluessel` against them. The legal pages
(views/legal.py) and the publication gate (check/publication.py) read the facts from here.
A fact the registry could not verify is None; its section's `offen` says what is missing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

import yaml

from generator import model
from generator.check.tree import LoadedFile
from generator.problems import Problem, problem, quote, suggest


@dataclass(frozen=True)
class Authority:
    """The data-protection supervisory authority of a Land."""

    name: str
    address: tuple[str, ...]
    url: str | None
    #: The state data-protection law, e.g. "Datenschutzgesetz Nordrhein-Westfalen", and its
    #: abbreviation; None where the registry does not know it yet.
    law_name: str | None
    law_short: str | None
    open: str | None


@dataclass(frozen=True)
class Law:
    """A state law or regulation on accessible IT of public bodies."""

    short: str | None
    name: str
    url: str | None
    open: str | None


@dataclass(frozen=True)
class Enforcement:
    """The body that runs the enforcement procedure of Directive (EU) 2016/2102 in a Land."""

    name: str
    url: str | None
    email: str | None
    phone: str | None
    address: tuple[str, ...]
    legal_basis: str | None
    procedure: str
    open: str | None


@dataclass(frozen=True)
class Land:
    id: str
    name: str
    ags_prefix: str
    authority: Authority
    laws: tuple[Law, ...]
    enforcement: Enforcement
    checked: date


def _authority(raw: dict[str, Any]) -> Authority:
    law = raw["landesgesetz"] or {}
    return Authority(
        name=raw["name"],
        address=tuple(raw["anschrift"] or ()),
        url=raw["url"],
        law_name=law.get("name"),
        law_short=law.get("kurz"),
        open=raw["offen"],
    )


def _enforcement(raw: dict[str, Any]) -> Enforcement:
    contact = raw["kontakt"] or {}
    return Enforcement(
        name=raw["name"],
        url=raw["url"],
        email=contact.get("email"),
        phone=contact.get("telefon"),
        address=tuple(contact.get("anschrift") or ()),
        legal_basis=raw["rechtsgrundlage"],
        procedure=" ".join(raw["verfahren"].split()),
        open=raw["offen"],
    )


@functools.cache
def all_laender() -> tuple[Land, ...]:
    """The 16 Länder in the official order of the Gemeindeschlüssel (01 … 16)."""
    text = (resources.files("generator") / "data" / "bundeslaender.yml").read_text("utf-8")
    raw: dict[str, Any] = yaml.safe_load(text)
    laender = [
        Land(
            id=land_id,
            name=entry["name"],
            ags_prefix=entry["ags_prefix"],
            authority=_authority(entry["datenschutz_aufsicht"]),
            laws=tuple(
                Law(short=law["kurz"], name=law["name"], url=law["url"], open=law["offen"])
                for law in entry["barrierefreiheit_gesetz"]
            ),
            enforcement=_enforcement(entry["durchsetzung"]),
            checked=entry["geprueft_am"],
        )
        for land_id, entry in raw.items()
    ]
    return tuple(sorted(laender, key=lambda land: land.ags_prefix))


def land_named(name: str) -> Land | None:
    """The Land spelled `name` as in strategie.yml (`stadt.bundesland`), or None."""
    return next((land for land in all_laender() if land.name == name), None)


def land_with_prefix(prefix: str) -> Land | None:
    """The Land whose Gemeindeschlüssel starts with `prefix` (two digits), or None."""
    return next((land for land in all_laender() if land.ags_prefix == prefix), None)


def check_city(city: model.City, loaded: LoadedFile) -> list[Problem]:
    """`stadt.bundesland` is one of the 16 Länder, and the Gemeindeschlüssel belongs to it."""

    def at(key: str) -> tuple[str, int, int]:
        position = loaded.positions.get(("stadt", key)) or loaded.positions.get(("stadt",))
        return loaded.path, (position.line if position else 1), (position.column if position else 1)

    names = [land.name for land in all_laender()]
    land = land_named(city.bundesland)
    if land is None:
        return [
            problem(
                "land_unknown",
                *at("bundesland"),
                value=quote(city.bundesland),
                suggestion=suggest(city.bundesland, names),
                known=", ".join(names),
            )
        ]
    prefix = city.gemeindeschluessel[:2]
    if prefix == land.ags_prefix:
        return []
    other = land_with_prefix(prefix)
    return [
        problem(
            "land_key_mismatch",
            *at("gemeindeschluessel"),
            value=quote(city.gemeindeschluessel),
            prefix=quote(prefix),
            other=f"das Land {quote(other.name)}" if other else "kein Land",
            land=quote(land.name),
            expected=quote(land.ags_prefix),
        )
    ]
