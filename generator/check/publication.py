"""The publication gate: the legal facts a published site must state, each checked by name.

In: a validated `Strategy` and the strategy folder (to point at lines in strategie.yml). Out:
one `Problem` per missing fact, at the line of the section it belongs in (or of its parent
section, or line 1 when the whole section is missing). `strategie check --veroeffentlichung`
and `strategie veroeffentlichen --fassung` refuse while any is found; `strategie build` and the
preview do not ask, so a city can look at its site before everything is entered.

The rule: every detail the legal pages would otherwise show as „vom Herausgeber auszufüllen“
or „noch offen“ is a missing fact here (tests/check/test_publication.py holds both sides together).
The Land's bodies come from the registry of the Länder (check/laender.py); where it lacks a
contact route, the city enters the body itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator import model
from generator.check.laender import land_named
from generator.check.load import load_file
from generator.check.tree import LoadedFile
from generator.problems import Problem, problem, quote


@dataclass(frozen=True)
class _Missing:
    """One missing fact: where it belongs (a key path in strategie.yml) and why it is needed."""

    path: tuple[str, ...]
    why: str


def _office_missing(
    office: model.Office | None, path: tuple[str, ...], what: str, *, address: bool, email: bool
) -> list[_Missing]:
    if office is None:
        return [_Missing(path, what)]
    missing = []
    if address and not office.anschrift:
        missing.append(_Missing((*path, "anschrift"), f"{what} (es fehlt die Postanschrift)"))
    if email and not office.email:
        missing.append(_Missing((*path, "email"), f"{what} (es fehlt die E-Mail-Adresse)"))
    return missing


def _imprint(document: model.StrategyDocument) -> list[_Missing]:
    imprint = document.impressum or model.Imprint()
    missing = _office_missing(
        imprint.herausgeber,
        ("impressum", "herausgeber"),
        "den Herausgeber mit Anschrift verlangt § 5 DDG im Impressum",
        address=True,
        email=False,
    )
    publisher_email = imprint.herausgeber.email if imprint.herausgeber else None
    if not publisher_email and not document.kontakt.email:
        missing.append(
            _Missing(
                ("impressum", "herausgeber", "email"),
                "eine E-Mail-Adresse für die schnelle Kontaktaufnahme verlangt § 5 DDG "
                "(hier oder unter kontakt.email)",
            )
        )
    if not imprint.vertreten_durch:
        missing.append(
            _Missing(
                ("impressum", "vertreten_durch"),
                "wer die Stadt vertritt, gehört nach § 5 DDG ins Impressum",
            )
        )
    missing += _office_missing(
        imprint.inhaltlich_verantwortlich,
        ("impressum", "inhaltlich_verantwortlich"),
        "eine inhaltlich verantwortliche Person mit Anschrift verlangt § 18 Abs. 2 MStV",
        address=True,
        email=False,
    )
    return missing


def _privacy(document: model.StrategyDocument) -> list[_Missing]:
    privacy = document.datenschutz or model.DataProtection()
    missing = _office_missing(
        privacy.beauftragte,
        ("datenschutz", "beauftragte"),
        "die Kontaktdaten der oder des Datenschutzbeauftragten verlangt Art. 13 DSGVO",
        address=False,
        email=True,
    )
    if not privacy.hosting:
        missing.append(
            _Missing(
                ("datenschutz", "hosting"),
                "die Datenschutzerklärung nennt, wer den Webserver betreibt",
            )
        )
    if not privacy.speicherdauer_protokolle:
        missing.append(
            _Missing(
                ("datenschutz", "speicherdauer_protokolle"),
                "wie lange die Zugriffsprotokolle gespeichert werden, verlangt Art. 13 DSGVO",
            )
        )
    return missing


def _accessibility(document: model.StrategyDocument) -> list[_Missing]:
    statement = document.barrierefreiheit or model.AccessibilityStatement()
    missing = []
    if statement.erstellt is None:
        missing.append(
            _Missing(
                ("barrierefreiheit", "erstellt"),
                "die Erklärung zur Barrierefreiheit nennt, wann sie erstellt wurde",
            )
        )
    if statement.geprueft is None:
        missing.append(
            _Missing(
                ("barrierefreiheit", "geprueft"),
                "die Erklärung zur Barrierefreiheit nennt, wann die Website zuletzt geprüft wurde",
            )
        )
    feedback = statement.kontakt
    if not (feedback.email if feedback else document.kontakt.email):
        path = ("barrierefreiheit", "kontakt", "email") if feedback else ("kontakt", "email")
        missing.append(
            _Missing(
                path,
                "die Erklärung zur Barrierefreiheit braucht eine E-Mail-Adresse, über die "
                "Barrieren gemeldet werden (Feedback-Mechanismus nach Richtlinie (EU) 2016/2102)",
            )
        )
    return missing


def _land(document: model.StrategyDocument) -> list[_Missing]:
    """The enforcement body must be reachable: by website or e-mail, from the city or the
    registry (which completes the city's entry only when both name the same body)."""
    land = land_named(document.stadt.bundesland)
    statement = document.barrierefreiheit or model.AccessibilityStatement()
    own = statement.durchsetzungsstelle
    if land is None:
        return []
    body = land.enforcement
    same = own is None or own.name == body.name
    reachable = bool(own and (own.website or own.email)) or (same and bool(body.url or body.email))
    if reachable:
        return []
    return [
        _Missing(
            ("barrierefreiheit", "durchsetzungsstelle"),
            f"die Erklärung zur Barrierefreiheit nennt die Durchsetzungsstelle des Landes "
            f"{quote(land.name)} mit Website oder E-Mail-Adresse; das Verzeichnis der Länder "
            f"kennt für {quote(body.name)} noch keine – tragen Sie die Stelle mit name und "
            "website oder email selbst ein",
        )
    ]


def missing_legal_facts(document: model.StrategyDocument) -> list[tuple[str, str]]:
    """Each missing fact as (dotted key in strategie.yml, why it is needed), in page order."""
    found = _imprint(document) + _privacy(document) + _accessibility(document) + _land(document)
    return [(".".join(m.path), m.why) for m in found]


def publication_problems(
    document: model.StrategyDocument, strategy_dir: Path, display_root: str = "strategy"
) -> list[Problem]:
    """The missing legal facts as problems at their place in strategie.yml."""
    display = f"{display_root}/strategie.yml"
    loaded, _ = load_file(strategy_dir / "strategie.yml", display)
    problems = []
    for key, why in missing_legal_facts(document):
        line, column = _position(loaded, tuple(key.split(".")))
        if line == 1 and loaded is not None:
            line, column = _commented(strategy_dir / "strategie.yml", key.split(".")[0])
        problems.append(problem("publication_missing", display, line, column, key=key, why=why))
    return problems


def _position(loaded: LoadedFile | None, path: tuple[str, ...]) -> tuple[int, int]:
    """The line of the key, else of the nearest section above it that exists, else line 1."""
    if loaded is None:
        return 1, 1
    keys: tuple[str | int, ...] = path
    while keys:
        at = loaded.key_positions.get(keys) or loaded.positions.get(keys)
        if at is not None:
            return at.line, at.column
        keys = keys[:-1]
    return 1, 1


def _commented(path: Path, section: str) -> tuple[int, int]:
    """The line of a commented-out section („# impressum:“, as `strategie init` writes it),
    where the editor only has to remove the „# “; else line 1."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1, 1
    marker = re.compile(rf"#\s*{re.escape(section)}:\s*$")
    return next(((n, 1) for n, text in enumerate(lines, 1) if marker.fullmatch(text)), (1, 1))
