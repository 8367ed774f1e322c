"""Synthetic strategies of any size for benchmarks: deterministic, valid, realistic German text.

    .venv/bin/python benchmarks/synthetic.py --massnahmen 3000 [--seed 2020] ZIELORDNER

writes ZIELORDNER as a strategy folder of the same shape as strategy/: strategie.yml (taken
from the real one, with its editions, statuses and rating scheme), leitthemen/<id>.yml,
massnahmen/<leitthema>/<id>.yml and verzeichnisse/ (the real registries; the actor registry
grows with the data, as a regional portal has more departments and partners than one city).

Shape, for N measures: 6 to 20 Leitthemen (more for more measures; at most 999 measures per
Leitthema, the limit of the id pattern), about 20 measures per Handlungsfeld (so that the
pruned navigation of a page stays the same size however large the strategy grows), the last
Leitthema without Handlungsfelder (like Gelsenkirchen's Open Innovation Lab) with a few
measures of its own. Every measure fills every field: ratings (or "nicht bewertet" for about
one in ten), milestones, indicators, funding, links, sources (or marked as Beispielmaßnahme),
related measures, districts.

The same seed and size always give byte-identical files: text comes from the word lists
below and `random.Random(seed)`; nothing is read from the network.
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
import sys
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

PROJECT = Path(__file__).resolve().parents[1]
REAL_STRATEGY = PROJECT / "strategy"

#: Upper bound of measures per Leitthema: ids are "ABC-001" with at most three digits.
MAX_PER_THEME = 999
MIN_THEMES, MAX_THEMES = 6, 20
#: Average measures per Handlungsfeld; the real strategy has about four, a large portal more.
MEASURES_PER_FIELD = 20
#: Measures of the Leitthema without Handlungsfelder (capped: they share one nav level).
CROSS_CUTTING_SHARE, CROSS_CUTTING_MAX = 0.05, 25
#: About one actor per this many measures (at least the real registry).
MEASURES_PER_ACTOR = 40
LATEST_UPDATE = date(2026, 10, 31)

# --- Word lists ----------------------------------------------------------------------------------

#: Leitthemen: title, abbreviation, heads of measure titles (things), their objects.
# fmt: off
THEMES: list[tuple[str, str, list[str], list[str]]] = [
    (
        "Digitale Verwaltung und Bürgerservice",
        "VER",
        ["Online-Antrag", "Terminvergabe", "Bürgerportal", "Servicekonto", "E-Akte",
         "Chatbot", "Bezahlfunktion", "Formularassistent", "Behördenkompass"],
        ["Meldewesen", "Gewerbeanmeldung", "Wohngeld", "Parkausweise", "Personalausweise",
         "Baugenehmigungen", "Fundsachen", "Kfz-Zulassung", "Elterngeld"],
    ),
    (
        "Bildung und Lernen",
        "BIL",
        ["Lernplattform", "Medienkonzept", "Tablet-Ausstattung", "Makerspace",
         "Fortbildungsreihe", "Schul-WLAN", "Lernwerkstatt", "Mediencoaching"],
        ["Grundschulen", "Gesamtschulen", "Berufskollegs", "Volkshochschule",
         "Stadtbibliothek", "Offene Ganztagsschulen", "Förderschulen"],
    ),
    (
        "Mobilität und Verkehr",
        "MOB",
        ["Mobilstation", "Parkleitsystem", "Verkehrsdatenplattform", "Radverkehrszählung",
         "Ampelvorrangschaltung", "Carsharing-Angebot", "Fahrgastinformation",
         "Lastenradverleih", "On-Demand-Shuttle"],
        ["Innenstadt", "Hauptbahnhof", "Gewerbegebiete", "Schulwege", "Busbahnhöfe",
         "Radschnellwege", "Quartiersgaragen", "Pendlerparkplätze"],
    ),
    (
        "Energie und Klimaschutz",
        "ENK",
        ["Energiemonitoring", "Solarkataster", "Wärmeplanung", "Lastmanagement",
         "Ladeinfrastruktur", "Klimaportal", "Stromspeicher", "Mieterstrommodell"],
        ["städtische Gebäude", "Schulen", "Sporthallen", "Straßenbeleuchtung",
         "Wohnquartiere", "Kläranlagen", "Betriebshöfe"],
    ),
    (
        "Umwelt und Stadtgrün",
        "UMW",
        ["Sensornetz", "Baumkataster", "Bewässerungssteuerung", "Luftmessnetz",
         "Lärmkarte", "Hitzewarnsystem", "Gewässermonitoring", "Stadtklimamodell"],
        ["Parks", "Stadtbäume", "Grünflächen", "Bachläufe", "Friedhöfe", "Spielplätze",
         "Innenhöfe"],
    ),
    (
        "Wirtschaft und Arbeit",
        "WIR",
        ["Gründungsportal", "Coworking-Angebot", "Fachkräfteplattform", "Standortportal",
         "Digitalisierungsberatung", "Innovationswettbewerb", "Onlinemarktplatz"],
        ["Handwerksbetriebe", "Einzelhandel", "Start-ups", "Industrie", "Gastronomie",
         "Kreativwirtschaft", "Logistik"],
    ),
    (
        "Gesundheit und Pflege",
        "GES",
        ["Telemedizin-Angebot", "Pflegeplattform", "Gesundheitslotse", "Notfallinformation",
         "Präventionsportal", "Impfterminvergabe", "Hausnotruf"],
        ["Pflegeheime", "Arztpraxen", "Krankenhäuser", "ambulante Dienste",
         "Gesundheitsamt", "Apotheken"],
    ),
    (
        "Kultur und Freizeit",
        "KUL",
        ["Veranstaltungskalender", "Digitalisierung der Sammlung", "Museumsapp",
         "Kulturportal", "Online-Ticketing", "Audioguide", "Virtuelle Ausstellung"],
        ["Museen", "Theater", "Musikschule", "Stadtarchiv", "Kulturzentren", "Bibliotheken"],
    ),
    (
        "Wohnen und Quartiere",
        "WOH",
        ["Quartiersplattform", "Nachbarschaftsapp", "Leerstandskataster",
         "Wohnungsbörse", "Quartiersbüro", "Mieterportal", "Smart-Home-Beratung"],
        ["Altbauquartiere", "Siedlungen", "Neubaugebiete", "Zechensiedlungen",
         "Wohnanlagen"],
    ),
    (
        "Sicherheit und Bevölkerungsschutz",
        "SIC",
        ["Warnsystem", "Lagebild", "Einsatzleitsoftware", "Sirenennetz", "Pegelmessung",
         "Krisenkommunikation", "Notstromkonzept"],
        ["Feuerwehr", "Rettungsdienst", "Ordnungsamt", "Großveranstaltungen",
         "Hochwassergebiete"],
    ),
    (
        "Soziales und Teilhabe",
        "SOZ",
        ["Digitallotsen", "Sozialatlas", "Beratungsportal", "Leihgeräte-Programm",
         "Seniorentreff digital", "Übersetzungsdienst", "Teilhabeplattform"],
        ["Seniorinnen und Senioren", "Zugewanderte", "Menschen mit Behinderung",
         "Alleinerziehende", "Jugendliche", "Wohnungslose"],
    ),
    (
        "Daten und digitale Infrastruktur",
        "DAT",
        ["Urbane Datenplattform", "Open-Data-Portal", "Glasfaserausbau", "LoRaWAN-Netz",
         "Rechenzentrum", "Geodatendienst", "Schnittstellenkatalog", "Digitaler Zwilling"],
        ["Verwaltung", "Stadtwerke", "Schulen", "Gewerbegebiete", "öffentlicher Raum",
         "Stadtteile"],
    ),
    (
        "Stadtplanung und Bauen",
        "BAU",
        ["Bauantrag online", "3D-Stadtmodell", "Baustellenkoordination",
         "Planungsbeteiligung", "Flächenmonitoring", "Brückenmonitoring"],
        ["Bebauungspläne", "Brücken", "Straßenbau", "Stadterneuerung", "Brachflächen"],
    ),
    (
        "Handel und Tourismus",
        "HAN",
        ["Innenstadt-App", "Gutscheinsystem", "Frequenzmessung", "Tourismusportal",
         "Lieferplattform", "Gästeführung digital"],
        ["Innenstädte", "Wochenmärkte", "Stadtteilzentren", "Hotels", "Ausflugsziele"],
    ),
    (
        "Sport und Bewegung",
        "SPO",
        ["Hallenbelegung online", "Sportstättenportal", "Bewegungsparcours",
         "Vereinsplattform", "Schwimmkursbuchung"],
        ["Sportvereine", "Schwimmbäder", "Sportplätze", "Bewegungsräume"],
    ),
    (
        "Familie und Jugend",
        "FAM",
        ["Kita-Platzvergabe", "Familienportal", "Jugendbeteiligung online",
         "Ferienprogramm digital", "Elterninformation"],
        ["Kitas", "Jugendzentren", "Familienzentren", "Spielplätze", "Kinderbetreuung"],
    ),
    (
        "Wasser und Abwasser",
        "WAS",
        ["Kanalsensorik", "Starkregenkarte", "Leckageortung", "Regenwassermanagement",
         "Trinkwassermonitoring"],
        ["Kanalnetz", "Regenrückhaltebecken", "Trinkwassernetz", "Pumpwerke"],
    ),
    (
        "Kreislaufwirtschaft",
        "KRW",
        ["Füllstandssensoren", "Abfall-App", "Tauschbörse", "Reparaturnetzwerk",
         "Sperrmüllbuchung", "Tourenplanung"],
        ["Wertstoffhöfe", "Depotcontainer", "Straßenreinigung", "Sammelstellen"],
    ),
    (
        "Wissenschaft und Innovation",
        "INN",
        ["Reallabor", "Testfeld", "Transferstelle", "Innovationsfonds", "Hackathon",
         "Forschungskooperation"],
        ["Hochschulen", "Forschungsinstitute", "Technologiezentren", "Gründerzentren"],
    ),
    (
        "Ernährung und Stadtlandwirtschaft",
        "ERN",
        ["Urban-Gardening-Karte", "Regionalmarkt online", "Schulverpflegung digital",
         "Lebensmittelretter-App"],
        ["Gemeinschaftsgärten", "Schulmensen", "Hofläden", "Wochenmärkte"],
    ),
]
# fmt: on

#: The cross-cutting Leitthema without Handlungsfelder.
CROSS_CUTTING = (
    "Reallabor und Modellprojekte",
    "RLB",
    ["Modellprojekt", "Testlauf", "Prototyp", "Machbarkeitsstudie"],
    ["Technologiepark", "Innovationsquartier", "Campus"],
)

FIELD_ADJECTIVES = [
    "Digitale",
    "Vernetzte",
    "Offene",
    "Nachhaltige",
    "Intelligente",
    "Bürgernahe",
    "Sichere",
    "Barrierefreie",
]
FIELD_NOUNS = [
    "Angebote",
    "Dienste",
    "Infrastruktur",
    "Prozesse",
    "Beteiligung",
    "Steuerung",
    "Daten",
    "Kommunikation",
    "Zusammenarbeit",
    "Planung",
]
TITLE_LINKS = ["für", "in", "an", "rund um"]
VERBS = [
    "baut",
    "erprobt",
    "entwickelt",
    "vernetzt",
    "modernisiert",
    "erweitert",
    "schafft",
    "verbessert",
]
#: Partners in the dative ("gemeinsam mit …").
ACTORS_TEXT = [
    "der Stadtverwaltung",
    "den Stadtwerken",
    "der Hochschule",
    "örtlichen Vereinen",
    "der Wirtschaftsförderung",
    "den Quartiersbüros",
    "dem Rechenzentrum",
    "ehrenamtlich Engagierten",
]
BENEFITS = [
    "Wege und Wartezeiten werden kürzer",
    "Informationen sind rund um die Uhr verfügbar",
    "Entscheidungen beruhen auf aktuellen Daten",
    "Ressourcen werden sparsamer eingesetzt",
    "mehr Menschen können sich beteiligen",
    "Abläufe in der Verwaltung werden einfacher",
    "Kosten sinken dauerhaft",
    "die Angebote werden barrierefrei nutzbar",
]
SENTENCES = [
    "Die Stadt {verb} gemeinsam mit {actor} ein Angebot für {object}.",
    "Das Ziel: {benefit}.",
    "Im ersten Schritt wird {head} in ausgewählten Stadtteilen erprobt.",
    "Die Erfahrungen aus dem Pilotbetrieb fließen in die Ausweitung auf die ganze Stadt ein.",
    "Bürgerinnen und Bürger werden über Workshops und eine Online-Befragung beteiligt.",
    "Die erhobenen Daten werden, soweit rechtlich möglich, als offene Daten veröffentlicht.",
    "Datenschutz und Informationssicherheit sind von Beginn an Teil der Planung.",
    "Für {object} entsteht so ein verlässlicher Überblick über Bedarf und Nutzung.",
    "Die Lösung setzt auf offene Standards, damit andere Kommunen sie nachnutzen können.",
    "Die Umsetzung ist bis {year} geplant; danach geht das Angebot in den Regelbetrieb.",
    "Schulungen sorgen dafür, dass die Beschäftigten {head} sicher nutzen können.",
    "Eine Auswertung nach dem ersten Jahr zeigt, ob die erhofften Wirkungen eintreten.",
    "Dabei arbeitet die Stadt eng mit {actor} zusammen.",
    "Wer kein eigenes Gerät hat, findet Unterstützung in den Bürgerbüros und Bibliotheken.",
]
GOALS = [
    "{head} ist für {object} flächendeckend verfügbar.",
    "Die Zahl der digital erledigten Vorgänge steigt jedes Jahr.",
    "Entscheidungen zu {object} stützen sich auf aktuelle Daten.",
    "Die Angebote sind barrierefrei und in leichter Sprache verfügbar.",
    "Der Ressourcenverbrauch für {object} sinkt messbar.",
]
MILESTONES = [
    "Konzept abgestimmt",
    "Fördermittel bewilligt",
    "Ausschreibung abgeschlossen",
    "Pilotbetrieb gestartet",
    "Auswertung des Pilotbetriebs veröffentlicht",
    "Regelbetrieb aufgenommen",
]
INDICATORS = [
    ("Angeschlossene Standorte", "Standorte"),
    ("Nutzende pro Monat", "Personen"),
    ("Digital erledigte Vorgänge", "Prozent"),
    ("Eingesparte Energie", "MWh pro Jahr"),
    ("Veröffentlichte Datensätze", "Datensätze"),
]
FUNDERS = [
    ("Land Nordrhein-Westfalen", "Digitale Modellregionen NRW"),
    ("Bund", "Modellprojekte Smart Cities"),
    ("Europäische Union", "EFRE/JTF NRW"),
    ("Stadt", None),
]
SOURCE_KINDS = ["strategie", "projektseite", "pressemitteilung", "presse", "foerdergeber"]
STATUS_WEIGHTS = {
    "geplant": 3,
    "in-vorbereitung": 3,
    "in-umsetzung": 5,
    "abgeschlossen": 3,
    "verschoben": 1,
    "eingestellt": 1,
}
ACTOR_KINDS = [
    ("Fachbereich", "verwaltung"),
    ("Stadtbetrieb", "beteiligung"),
    ("Partner", "partner"),
]
ACTOR_TOPICS = [
    "Digitalisierung",
    "Bürgerdienste",
    "Stadtentwicklung",
    "Klima und Umwelt",
    "Bildung",
    "Mobilität",
    "Soziales",
    "Wirtschaft",
    "Kultur",
    "Infrastruktur",
]
ACTOR_REGIONS = ["Nord", "Süd", "Ost", "West", "Mitte", "Region", "Kreis", "Land"]


# --- YAML output --------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style as editors write it: `|` for paragraphs, `>-` for long lines, no aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # list items indented under their key


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if "\n" in text:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    if len(text) > 70:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=">")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text)


_Dumper.add_representer(str, _represent_text)


def _dump(data: dict[str, Any], schema: str, depth: int) -> str:
    comment = f"# yaml-language-server: $schema={'../' * depth}schemas/{schema}.schema.json\n"
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=88)
    return comment + body


# --- The generator -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """What was written, for messages and benchmark tables."""

    themes: int
    fields: int
    measures: int
    actors: int


def theme_count(measures: int) -> int:
    """6 Leitthemen up to 3,000 measures, then one more per 500 (at most 20)."""
    wanted = max(MIN_THEMES, min(MAX_THEMES, math.ceil(measures / 500)))
    if measures > wanted * MAX_PER_THEME:
        raise ValueError(f"at most {MAX_THEMES * MAX_PER_THEME} measures fit the id pattern")
    return wanted


def write_strategy(
    target: Path, measures: int, seed: int = 2020, source: Path = REAL_STRATEGY
) -> Summary:
    """Write a valid strategy folder with `measures` measures to `target` (replaced), with the
    settings and registries of the strategy folder `source` (the optional ones only if there)."""
    if measures < MIN_THEMES:
        raise ValueError(f"at least {MIN_THEMES} measures (one per Leitthema)")
    rng = random.Random(f"{seed}:{measures}")
    if target.exists():
        shutil.rmtree(target)
    (target / "leitthemen").mkdir(parents=True)
    (target / "verzeichnisse").mkdir()
    shutil.copy2(source / "strategie.yml", target / "strategie.yml")
    if (source / "schemas").is_dir():
        shutil.copytree(source / "schemas", target / "schemas")
    document = yaml.safe_load((source / "strategie.yml").read_text(encoding="utf-8"))
    registries = source / "verzeichnisse"
    for name in ("stadtteile.yml", "sdgs.yml", "charta.yml"):
        if (registries / name).is_file():
            shutil.copy2(registries / name, target / "verzeichnisse" / name)
    district_entries = _registry(registries / "stadtteile.yml")["stadtteile"]
    districts = [d["id"] for d in district_entries]
    guidelines: list[str] = []
    if (registries / "charta.yml").is_file():
        guidelines = [g["id"] for g in _registry(registries / "charta.yml")["leitlinien"]]
    sdgs: list[int] = []
    if (registries / "sdgs.yml").is_file():
        sdgs = [g["nummer"] for g in _registry(registries / "sdgs.yml")["sdgs"]]
    actors = _write_actors(target, measures, rng, registries / "akteure.yml")

    plan = _plan(measures, rng)
    context = _Context(
        rng=rng,
        statuses=[s["id"] for s in document["status"]],
        criteria=[c["id"] for c in document["bewertung"]["kriterien"]],
        scale=(document["bewertung"]["minimum"], document["bewertung"]["maximum"]),
        active={s["id"] for s in document["status"] if s["aktiv"]},
        districts=districts,
        district_names=[d["name"] for d in district_entries],
        guidelines=guidelines,
        actors=actors,
        sdgs=sdgs,
    )
    field_total = 0
    for theme in plan:
        _write_theme(target, theme)
        field_total += len(theme.fields)
        folder = target / "massnahmen" / theme.id
        folder.mkdir(parents=True)
        for measure in _measures(theme, context):
            (folder / f"{measure['id'].lower()}.yml").write_text(
                _dump(measure, "massnahme", 2), encoding="utf-8"
            )
    return Summary(len(plan), field_total, measures, len(actors))


def _registry(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass
class _Field:
    id: str
    title: str
    goals: list[str]
    measures: int


@dataclass
class _Theme:
    id: str
    number: int
    abbreviation: str
    title: str
    heads: list[str]
    objects: list[str]
    fields: list[_Field]
    #: Measures directly under the theme (only the cross-cutting one, which has no fields).
    direct: int


@dataclass
class _Context:
    rng: random.Random
    statuses: list[str]
    criteria: list[str]
    scale: tuple[int, int]
    active: set[str]
    districts: list[str]
    district_names: list[str]
    guidelines: list[str]
    actors: list[str]
    #: The SDG numbers of the registry (empty without sdgs.yml).
    sdgs: list[int]


def _slug(text: str) -> str:
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.lower().replace(umlaut, spelled)
    words = "".join(c if c.isalnum() and c.isascii() else " " for c in text).split()
    return "-".join(w for w in words if w not in {"und", "der", "die", "das"})[:50].strip("-")


def _plan(measures: int, rng: random.Random) -> list[_Theme]:
    """Split `measures` over Leitthemen and Handlungsfelder (no measures drawn yet)."""
    count = theme_count(measures)
    cross = min(CROSS_CUTTING_MAX, max(1, round(measures * CROSS_CUTTING_SHARE)))
    topical = THEMES[: count - 1]
    shares = _split(measures - cross, len(topical), rng, spread=0.25)
    themes: list[_Theme] = []
    used_fields: set[str] = set()
    for number, ((title, abbreviation, heads, objects), share) in enumerate(
        zip(topical, shares, strict=True), start=1
    ):
        theme_id = _slug(title)
        field_count = max(2, round(share / MEASURES_PER_FIELD))
        field_count = min(field_count, share)
        fields = []
        titles = _field_titles(heads, objects, field_count, rng)
        for field_title, field_share in zip(
            titles, _split(share, field_count, rng, spread=0.4), strict=True
        ):
            field_id = _slug(field_title)
            while field_id in used_fields:
                field_id = f"{field_id[:45]}-{abbreviation.lower()}{len(used_fields)}"
            used_fields.add(field_id)
            goals = [_fill(rng.choice(GOALS), rng, heads, objects) for _ in range(3)]
            fields.append(_Field(field_id, field_title, sorted(set(goals)), field_share))
        themes.append(_Theme(theme_id, number, abbreviation, title, heads, objects, fields, 0))
    title, abbreviation, heads, objects = CROSS_CUTTING
    themes.append(_Theme(_slug(title), count, abbreviation, title, heads, objects, [], cross))
    return themes


def _split(total: int, parts: int, rng: random.Random, spread: float) -> list[int]:
    """`total` as `parts` positive integers that vary by about ±`spread`."""
    weights = [1 + rng.uniform(-spread, spread) for _ in range(parts)]
    raw = [total * w / sum(weights) for w in weights]
    counts = [max(1, int(r)) for r in raw]
    index = 0
    while sum(counts) < total:
        counts[index % parts] += 1
        index += 1
    while sum(counts) > total:
        largest = counts.index(max(counts))
        counts[largest] -= 1
    return counts


def _field_titles(
    heads: list[str], objects: list[str], count: int, rng: random.Random
) -> list[str]:
    combos = [f"{a} {n}" for a in FIELD_ADJECTIVES for n in FIELD_NOUNS]
    combos += [f"{o[0].upper()}{o[1:]}" for o in objects]
    rng.shuffle(combos)
    titles = combos[:count]
    round_number = 2
    while len(titles) < count:
        titles += [f"{t} {round_number}" for t in combos[: count - len(titles)]]
        round_number += 1
    return titles


def _fill(template: str, rng: random.Random, heads: list[str], objects: list[str]) -> str:
    return template.format(
        verb=rng.choice(VERBS),
        actor=rng.choice(ACTORS_TEXT),
        object=rng.choice(objects),
        head=rng.choice(heads),
        benefit=rng.choice(BENEFITS),
        year=rng.randint(2025, 2030),
    )


def _write_theme(target: Path, theme: _Theme) -> None:
    rng = random.Random(theme.id)
    data: dict[str, Any] = {
        "id": theme.id,
        "nummer": theme.number,
        "kuerzel": theme.abbreviation,
        "titel": theme.title,
        "kurzbeschreibung": _paragraph(rng, theme.heads, theme.objects, 2),
        "beschreibung": "\n\n".join(
            _wrapped(_paragraph(rng, theme.heads, theme.objects, 3)) for _ in range(2)
        ),
        "strategische_ziele": [
            _fill(rng.choice(GOALS), rng, theme.heads, theme.objects) for _ in range(2)
        ],
    }
    if theme.fields:
        data["handlungsfelder"] = [
            {
                "id": field.id,
                "titel": field.title,
                "kurzbeschreibung": _paragraph(rng, theme.heads, theme.objects, 2),
                "operative_ziele": [
                    {"nummer": number, "text": goal}
                    for number, goal in enumerate(field.goals, start=1)
                ],
            }
            for field in theme.fields
        ]
    (target / "leitthemen" / f"{theme.id}.yml").write_text(
        _dump(data, "leitthema", 1), encoding="utf-8"
    )


def _paragraph(rng: random.Random, heads: list[str], objects: list[str], sentences: int) -> str:
    chosen = rng.sample(SENTENCES, sentences)
    return " ".join(_fill(sentence, rng, heads, objects) for sentence in chosen)


def _wrapped(paragraph: str) -> str:
    """A paragraph of Markdown broken into lines, as editors keep them in YAML."""
    return textwrap.fill(paragraph, width=86, break_on_hyphens=False)


def _measures(theme: _Theme, context: _Context) -> list[dict[str, Any]]:
    groups: list[tuple[_Field | None, int]] = [(f, f.measures) for f in theme.fields]
    if theme.direct:
        groups.append((None, theme.direct))
    total = sum(size for _, size in groups)
    ids = [f"{theme.abbreviation}-{n:03d}" for n in range(1, total + 1)]
    measures = []
    position = 0
    for field, size in groups:
        for _ in range(size):
            measures.append(_measure(ids[position], ids, theme, field, context))
            position += 1
    return measures


def _measure(
    measure_id: str, ids: list[str], theme: _Theme, field: _Field | None, context: _Context
) -> dict[str, Any]:
    rng = context.rng
    head, obj = rng.choice(theme.heads), rng.choice(theme.objects)
    title = f"{head} {rng.choice(TITLE_LINKS)} {obj}"
    if rng.random() < 0.3:
        title += f" in {rng.choice(context.district_names)}"
    updated = LATEST_UPDATE - timedelta(days=rng.randint(0, 900))
    status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
    if status not in context.statuses:
        status = context.statuses[0]
    begin = rng.randint(2018, min(2026, updated.year + 1))
    data: dict[str, Any] = {
        "id": measure_id,
        "titel": title,
        "kurzbeschreibung": _paragraph(rng, [head], [obj], 2),
        "beschreibung": _description(rng, head, obj),
        "leitthema": theme.id,
    }
    if field is not None:
        data["handlungsfeld"] = field.id
        numbers = list(range(1, len(field.goals) + 1))
        data["operative_ziele"] = rng.sample(numbers, min(len(numbers), 2))
    data["status"] = status
    data["status_seit"] = updated - timedelta(days=rng.randint(0, 700))
    if status == "abgeschlossen":
        data["fortschritt"] = 100
    elif status in context.active:
        data["fortschritt"] = rng.choice([0, 10, 25, 40, 50, 60, 75, 90])
    frame: dict[str, Any] = {"beginn": begin}
    if rng.random() < 0.8:
        frame["ende"] = begin + rng.randint(0, 6)
    data["zeitraum"] = frame
    level = rng.choice(["gesamtstadt", "gesamtstadt", "stadtteil", "quartier"])
    spatial: dict[str, Any] = {"ebene": level}
    if level != "gesamtstadt":
        spatial["stadtteile"] = sorted(rng.sample(context.districts, rng.randint(1, 3)))
    data["raumbezug"] = spatial
    responsible, *partners = rng.sample(context.actors, 4)
    data["verantwortlich"] = responsible
    partners = partners[: rng.randint(0, 3)]
    if partners:
        data["partner"] = partners
    low, high = context.scale
    if rng.random() < 0.1:
        data["bewertung"] = {
            "quelle": "nicht bewertet",
            "grund": "Die Maßnahme ist nach dem Ratsbeschluss hinzugekommen.",
        }
    else:
        stand = updated - timedelta(days=rng.randint(0, 400))
        data["bewertung"] = {
            # Example ratings may not predate the measure (check rating_before_start);
            # an official rating of a planned measure may.
            "quelle": "beispiel" if stand.year >= begin else "offiziell",
            "stand": stand,
            "werte": {c: rng.randint(low, high) for c in context.criteria},
        }
    if context.sdgs:  # the SDG registry is optional
        data["sdgs"] = sorted(rng.sample(context.sdgs, rng.randint(1, min(3, len(context.sdgs)))))
    if context.guidelines:  # the Charta registry is optional
        data["charta"] = sorted(rng.sample(context.guidelines, rng.randint(1, 2)))
    funder, programme = rng.choice(FUNDERS)
    funding: dict[str, Any] = {"quelle": funder}
    if programme:
        funding["programm"] = programme
    funding["betrag_eur"] = rng.randint(2, 400) * 5000
    funding["von"] = begin
    funding["bis"] = begin + rng.randint(0, 4)
    data["finanzierung"] = [funding]
    data["meilensteine"] = _milestones(rng, begin, updated)
    indicator, unit = rng.choice(INDICATORS)
    base = rng.randint(0, 50)
    data["indikatoren"] = [
        {
            "titel": indicator,
            "einheit": unit,
            "basiswert": base,
            "basisjahr": begin,
            "zielwert": base + rng.randint(10, 200),
            "zieljahr": 2030,
            "aktueller_wert": base + rng.randint(0, 10),
            "stand": updated,
        }
    ]
    data["beteiligung"] = _fill(SENTENCES[4], rng, [head], [obj])
    benefit = rng.choice(BENEFITS)
    data["wirkung"] = f"{benefit[0].upper()}{benefit[1:]}."
    others = [other for other in rng.sample(ids, min(len(ids), 4)) if other != measure_id]
    related = sorted(others[: rng.randint(0, 3)])
    if related:
        data["verwandte_massnahmen"] = related
    slug = measure_id.lower()
    data["links"] = [{"titel": f"Projektseite {head}", "url": f"https://www.stadt.example/{slug}"}]
    if rng.random() < 0.7:
        data["quellen"] = [
            {
                "titel": f"Bericht zu {head}",
                "url": f"https://www.stadt.example/quellen/{slug}",
                "art": rng.choice(SOURCE_KINDS),
            }
        ]
    else:
        data["beispielmassnahme"] = True
    data["aktualisiert"] = updated
    return data


def _description(rng: random.Random, head: str, obj: str) -> str:
    paragraphs = [_wrapped(_paragraph(rng, [head], [obj], rng.randint(3, 4))) for _ in range(2)]
    if rng.random() < 0.5:
        items = rng.sample(BENEFITS, 3)
        paragraphs.insert(1, "Das soll erreicht werden:\n\n" + "\n".join(f"- {i}" for i in items))
    if rng.random() < 0.5:
        paragraphs[0] = paragraphs[0].replace(head, f"**{head}**", 1)
    return "\n\n".join(paragraphs)


def _milestones(rng: random.Random, begin: int, updated: date) -> list[dict[str, Any]]:
    day = date(begin, 1, 1) + timedelta(days=rng.randint(30, 200))
    milestones = []
    for title in MILESTONES[: rng.randint(1, 4)]:
        milestones.append({"titel": title, "datum": day, "erreicht": day <= updated})
        day += timedelta(days=rng.randint(90, 400))
    return milestones


def _write_actors(target: Path, measures: int, rng: random.Random, source: Path) -> list[str]:
    """The actors of `source` plus generated ones: about one per MEASURES_PER_ACTOR measures."""
    real = _registry(source)["akteure"]
    wanted = max(len(real), measures // MEASURES_PER_ACTOR)
    actors = list(real)
    ids = {a["id"] for a in real}
    number = 1
    while len(actors) < wanted:
        kind, art = rng.choice(ACTOR_KINDS)
        name = f"{kind} {rng.choice(ACTOR_TOPICS)} {rng.choice(ACTOR_REGIONS)} {number}"
        actor_id = _slug(name)
        number += 1
        if actor_id in ids:
            continue
        ids.add(actor_id)
        actors.append(
            {
                "id": actor_id,
                "name": name,
                "art": art,
                "beschreibung": f"{name}: zuständig für Vorhaben der Vernetzten Stadt.",
            }
        )
    if len(actors) == len(real):
        shutil.copy2(source, target / "verzeichnisse" / "akteure.yml")
    else:
        (target / "verzeichnisse" / "akteure.yml").write_text(
            _dump({"akteure": actors}, "akteure", 1), encoding="utf-8"
        )
    return [a["id"] for a in actors]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ziel", type=Path, help="Zielordner (wird ersetzt)")
    parser.add_argument("--massnahmen", type=int, default=1000, help="Zahl der Maßnahmen")
    parser.add_argument("--seed", type=int, default=2020)
    arguments = parser.parse_args(argv)
    summary = write_strategy(arguments.ziel, arguments.massnahmen, arguments.seed)
    print(
        f"{arguments.ziel}: {summary.themes} Leitthemen, {summary.fields} Handlungsfelder, "
        f"{summary.measures} Maßnahmen, {summary.actors} Akteure"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
