"""The "Daten" page: downloads, licence, and the field dictionary of the exports (pure).

In: a validated `Strategy`. Out: the Markdown of daten/index.md, which sits beside the
download files that exports.render_exports returns (links are relative to that folder). The
field dictionary comes from the same column list as the CSV and the workbook, and from the
Maßnahme model for the JSON file, so it cannot describe fields that do not exist.
"""

from __future__ import annotations

from typing import Any

from generator import escape
from generator.check.schemas import FILE_MODELS
from generator.derive.measures import latest_update
from generator.exports.columns import (
    CSV_FILE,
    DATA_FOLDER,
    JSON_FILE,
    JSON_SCHEMA_FILE,
    LIST_SEPARATOR,
    SCHEMA_FOLDER,
    XLSX_FILE,
    measure_columns,
)
from generator.model import Measure, Rating, Strategy
from generator.presentation import Labels
from generator.wording import format_date

#: German meaning of each field of a Maßnahme in strategie.json (and its YAML file).
MEASURE_FIELDS = {
    "id": "Kennung; ändert sich nie, die Adresse der Seite leitet sich davon ab",
    "titel": "Titel",
    "kurzbeschreibung": "Kurzbeschreibung in einfachem Text",
    "beschreibung": "ausführliche Beschreibung (Markdown ohne HTML)",
    "leitthema": "Kennung des Leitthemas",
    "handlungsfeld": "Kennung des Handlungsfelds",
    "operative_ziele": "Nummern der operativen Ziele des Handlungsfelds (oder Leitthemas), "
    "zu denen die Maßnahme beiträgt",
    "status": "Umsetzungsstand (Kennung aus strategie.status)",
    "status_seit": "Datum, seit dem der Status gilt",
    "status_seit_genauigkeit": "wie genau status_seit ist: tag, monat, jahr, angenommen "
    "(Annahme, nur das Jahr wird gezeigt) oder unbekannt (das Datum wird nicht gezeigt)",
    "fortschritt": "geschätzter Fortschritt in Prozent",
    "zeitraum": "beginn und ende (Jahre); ohne ende eine fortlaufende Aufgabe",
    "raumbezug": "ebene (quartier, stadtteil, gesamtstadt) und stadtteile",
    "verantwortlich": "Kennung der verantwortlichen Stelle (Verzeichnis akteure)",
    "partner": "Kennungen der Partner (Verzeichnis akteure)",
    "bewertung": "quelle (beispiel, offiziell), stand und werte je Kriterium – oder "
    "quelle „nicht bewertet“ mit grund",
    "sdgs": "Nummern der UN-Nachhaltigkeitsziele",
    "charta": "Kennungen der Leitlinien der Smart City Charta",
    "finanzierung": "Förderungen und Mittel: quelle, programm, betrag_eur, von, bis",
    "meilensteine": "titel, datum und erreicht (true/false)",
    "indikatoren": "titel, einheit, basiswert/basisjahr, zielwert/zieljahr, aktueller_wert, stand",
    "beteiligung": "wie die Öffentlichkeit beteiligt wird",
    "wirkung": "angestrebte Wirkung",
    "verwandte_massnahmen": "Kennungen verwandter Maßnahmen",
    "links": "weiterführende Links: titel und url",
    "quellen": "öffentliche Quellen des Inhalts: titel, url, art",
    "beispielmassnahme": "true, wenn die Maßnahme zur Veranschaulichung erfunden ist",
    "aktualisiert": "Datum der letzten Aktualisierung",
}
_JSON_TYPES = {
    "string": "Text",
    "integer": "Ganzzahl",
    "number": "Zahl",
    "boolean": "Wahrheitswert",
    "array": "Liste",
}


def render_data_page(strategy: Strategy) -> str:
    """Markdown for daten/index.md: German, one h1, generated-from comment first."""
    document = strategy.strategie
    licence = document.lizenz
    labels = document.bezeichnungen
    stand = latest_update(strategy.massnahmen)
    md = escape.markdown_text

    def link(path: Any) -> str:
        relative = path.relative_to(DATA_FOLDER).as_posix()
        return f"[{md(relative)}]({relative})"

    sources = "strategy/strategie.yml, strategy/leitthemen/, strategy/massnahmen/ und "
    sources += "strategy/verzeichnisse/"
    lines = [
        f"<!-- Erzeugt aus {escape.html_comment_text(sources)} – bitte dort ändern. -->",
        "# Daten",
        "",
        f"Die Strategie „{md(document.titel)}“ steht hier als offene Daten zum Herunterladen "
        f"bereit, frei weiterverwendbar unter der Lizenz {md(licence.name)}."
        + (f" Stand der Daten: {_format_date(stand)}." if stand else ""),
        "",
        "Jede Fassung der Strategie hat ihre eigenen Dateien; ihre Adressen bleiben für diese "
        "Fassung gleich.",
        "",
        "## Downloads",
        "",
        "| Datei | Format | Inhalt |",
        "| --- | --- | --- |",
        f"| {link(JSON_FILE)} | JSON | Die ganze Strategie in einer Datei: "
        f"{md(labels.leitthema.mehrzahl)} mit {md(labels.handlungsfeld.mehrzahl_dativ)} und "
        "Maßnahmen, Verzeichnisse. |",
        f"| {link(JSON_SCHEMA_FILE)} | JSON Schema | Die Struktur von strategie.json. |",
        f"| {link(CSV_FILE)} | CSV | Alle Maßnahmen als Tabelle, eine Zeile je Maßnahme. |",
        f"| {link(XLSX_FILE)} | XLSX (Excel) | Dieselbe Tabelle als Arbeitsmappe, mit einem "
        "Blatt „Hinweise“. |",
        f"| {link(DATA_FOLDER / 'dcat.rdf')} | RDF/XML (DCAT-AP.de) | Beschreibung der Daten "
        "für Datenportale. |",
        "",
        "Die Datendateien der Strategie (YAML) folgen diesen JSON-Schemas: "
        + ", ".join(link(SCHEMA_FOLDER / name) for name in _schema_names())
        + ".",
        "",
        "## Lizenz",
        "",
        f"Die Daten stehen unter der [{md(licence.name)}]({escape.markdown_url(licence.url)}) "
        f"({md(licence.id)}). Bei jeder Weiterverwendung ist als Quelle anzugeben: "
        f"„{md(licence.namensnennung)}“, dazu ein Verweis auf den Lizenztext.",
        "",
        "## Hinweis zu den Bewertungen",
        "",
        *_rating_note(strategy),
        "",
        *([md(document.hinweis), ""] if document.hinweis else []),
        "## Spalten der Tabelle",
        "",
        f"{link(CSV_FILE)} und {link(XLSX_FILE)} haben eine Kopfzeile mit den Spaltennamen und "
        "darunter eine Zeile je Maßnahme. Die CSV-Datei ist in UTF-8 kodiert (ohne BOM), "
        "Trennzeichen ist das Komma, jeder Text steht in Anführungszeichen (RFC 4180), "
        "Zahlen, Datumsangaben und Wahrheitswerte stehen ohne. Mehrere Werte in einer Zelle "
        f"sind durch „{LIST_SEPARATOR.strip()}“ und ein Leerzeichen getrennt. Datumsangaben "
        "haben die Form JJJJ-MM-TT, Dezimalzahlen einen Punkt, Wahrheitswerte lauten true oder "
        "false; eine leere Zelle bedeutet „keine Angabe“.",
        "",
        "Keine Zelle ist eine Formel. Beginnt ein Text in der CSV-Datei mit `=`, `+`, `-`, "
        "`@`, einem Tabulator oder einem Wagenrücklauf (auch in voller Breite wie `＝`), steht "
        "davor ein Apostroph `'`, damit Tabellenprogramme ihn nicht als Formel ausführen "
        "(Regel der OWASP gegen CSV-Injection); unverändert steht jeder Text in "
        f"{link(JSON_FILE)}. In der Arbeitsmappe ist jeder Text eine ausdrückliche Textzelle und "
        "steht dort ohne Apostroph, genau wie in den Daten.",
        "",
        "| Spalte | Bedeutung | Format |",
        "| --- | --- | --- |",
        *(
            f"| `{column.key}` | {md(column.meaning)} | {column.kind} |"
            for column in measure_columns(strategy)
        ),
        "",
        "## Aufbau von strategie.json",
        "",
        "Oberste Ebene: `stand` (Datum der neuesten Aktualisierung), `strategie` (Inhalt von "
        "strategie.yml: Stadt, Visionen, Fortschreibungen, Status-Definitionen, "
        f"Bewertungsverfahren, Lizenz), `leitthemen` (je {md(labels.leitthema.einzahl)} "
        f"{'ihre' if labels.leitthema.genus == 'femininum' else 'seine'} `handlungsfelder` und "
        "`massnahmen`) und `verzeichnisse` (`akteure`, `stadtteile`, `sdgs`, `leitlinien`). "
        "Die Felder heißen wie in den YAML-Dateien. Felder einer Maßnahme:",
        "",
        "| Feld | Bedeutung | Format | Pflicht |",
        "| --- | --- | --- | --- |",
        *_measure_field_rows(labels),
    ]
    return "\n".join(lines) + "\n"


def _schema_names() -> list[str]:
    return [f"{name}.schema.json" for name in FILE_MODELS]


def _rating_note(strategy: Strategy) -> list[str]:
    scheme = strategy.strategie.bewertung
    ratings = [m.bewertung for m in strategy.massnahmen if isinstance(m.bewertung, Rating)]
    examples = sum(1 for rating in ratings if rating.quelle == "beispiel")
    total = len(strategy.massnahmen)
    criteria = ", ".join(escape.markdown_text(c.bezeichnung) for c in scheme.kriterien)
    return [
        f"Jede Maßnahme wird nach den Kriterien {criteria} auf einer Skala von "
        f"{scheme.minimum} bis {scheme.maximum} eingeschätzt. Steht in `bewertung_quelle` "
        "„beispiel“, sind es **Beispielwerte** zur Veranschaulichung, keine Bewertung der "
        f"Stadt; nur „offiziell“ kennzeichnet festgelegte Werte. Derzeit tragen {examples} von "
        f"{total} Maßnahmen Beispielwerte.",
    ]


def _measure_field_rows(labels: Labels) -> list[str]:
    schema = Measure.model_json_schema(mode="validation")
    required = set(schema.get("required", []))
    theme, field = labels.leitthema, labels.handlungsfeld
    meanings = {
        **MEASURE_FIELDS,
        "leitthema": f"Kennung {theme.des}",
        "handlungsfeld": f"Kennung {field.des}",
        "operative_ziele": f"Nummern der operativen Ziele {field.des} (oder {theme.des}), "
        "zu denen die Maßnahme beiträgt",
    }
    rows = []
    for name, spec in schema["properties"].items():
        meaning = meanings.get(name, "")
        rows.append(
            f"| `{name}` | {escape.markdown_text(meaning)} | {_json_type(spec)} | "
            f"{'ja' if name in required else 'nein'} |"
        )
    return rows


def _json_type(spec: dict[str, Any]) -> str:
    """A German name for a JSON Schema type: Text, Datum, Liste von Ganzzahl, Abschnitt …"""
    options = [s for s in spec.get("anyOf", spec.get("oneOf", [spec])) if s.get("type") != "null"]
    if len(options) != 1 or "$ref" in options[0]:
        return "Abschnitt"
    option = options[0]
    if option.get("format") == "date":
        return "Datum"
    if option.get("type") == "array":
        items = option.get("items", {})
        inner = "Abschnitt" if "$ref" in items else _JSON_TYPES.get(items.get("type"), "Wert")
        return f"Liste ({inner})"
    return _JSON_TYPES.get(option.get("type", ""), "Wert")


def _format_date(value: Any) -> str:
    return format_date(value)
