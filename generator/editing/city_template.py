"""The text of a new city's strategy, as `strategie init` writes it (pure; nothing is written here).

In: the city's name, Land, Gemeindeschlüssel, website and the day of setting up. Out: the
files of a minimal valid strategy — strategie.yml with every setting present or commented out
and explained, one Leitthema with one Handlungsfeld, the registries of actors and districts —
as {path below strategy/: text}. The measure is added afterwards with the same code as
`strategie neu massnahme` (editing/city_setup.py). The 17 SDGs and the Smart City Charta are
not city data: they are copied from the project the city starts from.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePosixPath

from generator.check.validate import schema_comment
from generator.editing.scaffold import yaml_scalar

#: The first theme and field of action of a new strategy; the city renames them.
THEME_ID = "erstes-leitthema"
FIELD_ID = "erstes-handlungsfeld"
ACTOR_ID = "koordinierungsstelle"
DISTRICT_ID = "stadtmitte"

_DOCUMENT = """\
{schema}
# Einstellungen und Texte der Strategie. Alle Felder sind in CONTRIBUTING.md im Abschnitt
# „Feldreferenz“ erklärt. Angelegt mit „strategie init“ am {today}. Was mit „ÄNDERN“
# markiert ist, sind Platzhalter: Ersetzen Sie sie, bevor die Website veröffentlicht wird.
# Optionale Einstellungen stehen mit „# “ davor: zum Verwenden „# “ am Zeilenanfang löschen.

stadt:
  name: {city}
  # Genau so geschrieben wie in der amtlichen Liste der 16 Länder; bestimmt die Gesetze und
  # Stellen in Datenschutzerklärung und Erklärung zur Barrierefreiheit.
  bundesland: {land}
  # Amtlicher Gemeindeschlüssel (8 Ziffern, in Anführungszeichen); die ersten beiden Ziffern
  # sind die Nummer des Landes.
  gemeindeschluessel: "{key}"
  website: {website}

# ÄNDERN: Titel und Untertitel der Website.
titel: {title}
untertitel: Strategie für die digitale Stadt
kurzbeschreibung: >-
  ÄNDERN: Zwei, drei Sätze, worum es in der Strategie geht (erscheint auf der Startseite und
  in Suchmaschinen).
beschreibung: |
  ÄNDERN: Was die Strategie ist, wer sie beschlossen hat und wie sie aufgebaut ist. Erlaubt
  sind Absätze, **fett**, *kursiv*, Listen und Links.
# Der Hinweis steht auf jeder Seite: was verbindlich ist und was nicht.
hinweis: >-
  Diese Website ist im Aufbau. Maßgeblich ist allein das vom Rat beschlossene Dokument.
# Derselbe Hinweis in Leichter Sprache, für die Seite „Leichte Sprache“ (ohne Angabe zeigt
# sie den Hinweis oben mit einer kurzen Erklärung):
# hinweis_leicht: >-
#   Diese Internet·seite ist noch nicht fertig.
# Bis zu welchem Jahr die Strategie reicht.
horizont: {horizon}
# motto: Ein kurzer Leitsatz der Strategie

visionen:
  - id: erste-vision
    titel: "ÄNDERN: Titel der ersten Vision"
    beschreibung: >-
      ÄNDERN: Was die Stadt mit dieser Vision erreichen will.

# strategische_ziele:
#   - Ein strategisches Ziel in einem Satz.

# prinzipien:
#   - id: offenheit
#     titel: Offenheit
#     beschreibung: Was dieser Grundsatz für die Umsetzung bedeutet.

# Fortschreibungen: jede vom Rat beschlossene Fassung der Strategie. Die Kennung ist die
# Version der Website (Tag „fortschreibung-<id>“ im Git-Repository).
fortschreibungen:
  - id: "{year}"
    titel: "ÄNDERN: Ratsbeschluss {year}"
    datum: {today}
    beschluss: >-
      ÄNDERN: Wer hat die Strategie wann beschlossen?
    # drucksache: Nummer der Ratsvorlage
    zusammenfassung: >-
      ÄNDERN: Was diese Fassung enthält.

# Die Status einer Maßnahme, in der Reihenfolge ihres Ablaufs. „aktiv: true“ heißt: zählt
# noch als offene Arbeit.
status:
  - id: geplant
    bezeichnung: geplant
    definition: >-
      Die Maßnahme ist vorgesehen, mit ihrer Vorbereitung wurde aber noch nicht begonnen.
    aktiv: true
  - id: in-umsetzung
    bezeichnung: in Umsetzung
    definition: >-
      Die Maßnahme wird umgesetzt; erste Ergebnisse können schon sichtbar sein.
    aktiv: true
  - id: abgeschlossen
    bezeichnung: abgeschlossen
    definition: >-
      Die Maßnahme ist umgesetzt und zählt nicht mehr als offene Arbeit.
    aktiv: false

fortschritt: >-
  Der Fortschritt gibt in Prozent (0 bis 100) an, welcher Anteil der geplanten Arbeiten einer
  Maßnahme erreicht ist. Die verantwortliche Stelle schätzt ihn zum angegebenen Stand ein.

# Bewertung der Maßnahmen: Skala, Kriterien und ihre Gewichte. Die Priorität ist der
# gewichtete Mittelwert der Kriterien. ÄNDERN, wenn die Stadt anders bewertet.
bewertung:
  minimum: 1
  maximum: 3
  stufen:
    - wert: 1
      bezeichnung: gering
    - wert: 2
      bezeichnung: mittel
    - wert: 3
      bezeichnung: hoch
  kriterien:
    - id: wirkung
      bezeichnung: Wirkung
      frage: Wie viel trägt die Maßnahme zu den Zielen der Strategie bei?
      gewicht: 1
    - id: umsetzbarkeit
      bezeichnung: Umsetzbarkeit
      frage: Wie gut lässt sich die Maßnahme mit den vorhandenen Mitteln umsetzen?
      gewicht: 1
  erlaeuterung: >-
    Jede Maßnahme wird nach zwei Kriterien auf einer Skala von 1 (gering) bis 3 (hoch)
    eingeschätzt; die Priorität ist der Mittelwert.
  # Achsen der Prioritätenmatrix auf der Seite „Auswertung“ (Kennungen der Kriterien).
  # matrix:
  #   waagerecht:
  #     - umsetzbarkeit
  #   senkrecht:
  #     - wirkung

# Lizenz der Inhalte und Daten (Fußzeile, Impressum, Downloads). ÄNDERN, falls die Stadt
# eine andere Lizenz verwendet, etwa dl-de/by-2-0.
lizenz:
  id: CC-BY-4.0
  name: Creative Commons Namensnennung 4.0 International
  url: https://creativecommons.org/licenses/by/4.0/deed.de
  namensnennung: {attribution}

# Wer Fragen zur Strategie beantwortet. Die E-Mail-Adresse (als mailto:-Link) ist zugleich
# der Weg, Barrieren zu melden, solange barrierefreiheit.kontakt fehlt.
kontakt:
  stelle: "ÄNDERN: Name der koordinierenden Stelle"
  # email: mailto:strategie@stadt.example
  website: {website}

# Wo die Daten liegen, für die Links „Quelle bearbeiten“. plattform: github oder gitlab (auch
# OpenCoDE); ohne Angabe github bei Adressen auf github.com, sonst gitlab.
# repository:
#   url: https://github.com/ORGANISATION/REPOSITORY
#   branch: main
#   plattform: github

# Erscheinungsbild der Website. Farben als „#rrggbb“ mit mindestens 4,5:1 Kontrast gegen
# Weiß; ein Logo ist eine SVG-Datei in diesem Ordner (ohne Angabe ein neutrales Logo).
# erscheinungsbild:
#   farben:
#     primaer: "#1f4e79"
#     akzent: "#1a5fb4"
#   logo: logo.svg

# Wie die Stadt die Ebenen ihrer Strategie und ihren Rat nennt; ohne Angabe Leitthema,
# Handlungsfeld und Rat. genus (maskulinum, femininum, neutrum) wählt die Artikel.
# bezeichnungen:
#   leitthema:
#     einzahl: Zukunftsaufgabe
#     mehrzahl: Zukunftsaufgaben
#     genus: femininum
#   handlungsfeld:
#     einzahl: Handlungsfeld
#     mehrzahl: Handlungsfelder
#     genus: neutrum
#   rat:
#     name: Gemeinderat
#     genus: maskulinum

# Erster Tag des Verlaufs: Commits davor zeigen „Änderungen“ und Feed nicht. Gesetzt auf den
# Tag der Einrichtung, damit kein Verlauf des Projekts erscheint, aus dem kopiert wurde.
historie_ab: {today}

# Sprachen, in denen die Website außer Deutsch erscheint (Codes nach ISO 639-1). Die
# Übersetzungen liegen unter strategy/uebersetzungen/<sprache>/ (docs/feldreferenz.md);
# „vollstaendig“ macht fehlende Übersetzungen zu Warnungen.
# sprachen:
#   weitere: [en]
#   vollstaendig: [en]

# --- Pflichtangaben vor der Veröffentlichung --------------------------------------------------
# Was hier fehlt, zeigt die Vorschau als „vom Herausgeber auszufüllen“; „strategie check
# --veroeffentlichung“ nennt jede fehlende Angabe, und „strategie veroeffentlichen --fassung“
# bricht ab, solange eine fehlt. Aufsichtsbehörde und Durchsetzungsstelle des Landes kommen
# aus dem Verzeichnis der Länder; tragen Sie sie nur ein, um fehlende Angaben zu ergänzen.
#
# impressum:
#   herausgeber:
#     name: Stadt {city_plain}
#     anschrift:
#       - Straße Hausnummer
#       - PLZ Ort
#     email: mailto:info@stadt.example
#     website: {website}
#   vertreten_durch: Die Oberbürgermeisterin oder der Oberbürgermeister
#   inhaltlich_verantwortlich:
#     name: Vorname Name, Funktion
#     anschrift:
#       - Straße Hausnummer
#       - PLZ Ort
#   zentrales_impressum: https://…
#
# datenschutz:
#   beauftragte:
#     name: Behördliche Datenschutzbeauftragte
#     email: mailto:datenschutz@stadt.example
#   hosting: Name des Betreibers des Webservers
#   speicherdauer_protokolle: 7 Tage
#   zentrale_erklaerung: https://…
#   aufsichtsbehoerde:
#     name: …
#     website: https://…
#
# barrierefreiheit:
#   vereinbarkeit: teilweise vereinbar
#   erstellt: {today}
#   geprueft: {today}
#   kontakt:
#     name: Stelle, die Meldungen zu Barrieren bearbeitet
#     email: mailto:barrierefreiheit@stadt.example
#   einschraenkungen:
#     - Eine bekannte Barriere, die die Erklärung nennen soll.
#   durchsetzungsstelle:
#     name: …
#     website: https://…
"""

_THEME = """\
{schema}
# Ein Leitthema mit seinen Handlungsfeldern. ÄNDERN: Titel, Texte und Kennungen; die Kennung
# (id) bestimmt Dateiname, Ordner der Maßnahmen und Adresse der Seite.
id: {theme}
nummer: 1
# Kürzel, mit dem die Kennungen der Maßnahmen beginnen (ABC → ABC-01).
kuerzel: ERS
titel: "ÄNDERN: Erstes Leitthema"
kurzbeschreibung: ÄNDERN – worum es in diesem Leitthema geht, in einem Satz.
beschreibung: |
  ÄNDERN: Was die Stadt in diesem Leitthema erreichen will.
# strategische_ziele:
#   - Ein Ziel des Leitthemas in einem Satz.
handlungsfelder:
  - id: {field}
    titel: "ÄNDERN: Erstes Handlungsfeld"
    kurzbeschreibung: ÄNDERN – worum es in diesem Handlungsfeld geht.
    operative_ziele:
      - nummer: 1
        text: ÄNDERN – ein überprüfbares Ziel des Handlungsfelds.
"""

_ACTORS = """\
{schema}
# Die Stellen, die Maßnahmen verantworten oder mitwirken: Verwaltung, städtische
# Gesellschaften, Partner, Gremien. Maßnahmen verweisen mit der Kennung (id) darauf.
akteure:
  - id: {actor}
    name: "ÄNDERN: Name der koordinierenden Stelle"
    art: verwaltung
"""

_DISTRICTS = """\
{schema}
# Die Stadtteile, auf die sich Maßnahmen beziehen können (raumbezug.stadtteile).
stadtteile:
  - id: {district}
    name: "ÄNDERN: Name eines Stadtteils"
"""


def strategy_files(
    *, city: str, land: str, key: str, website: str, today: date
) -> dict[PurePosixPath, str]:
    """The files of a new minimal strategy (without a measure), by path below strategy/."""
    values = {
        "city": yaml_scalar(city),
        "city_plain": " ".join(city.split()),
        "title": yaml_scalar(f"Digitale Strategie {city}"),
        "attribution": yaml_scalar(f"Stadt {city}"),
        "land": yaml_scalar(land),
        "key": key,
        "website": yaml_scalar(website),
        "today": today.isoformat(),
        "year": today.year,
        "horizon": today.year + 10,
        "theme": THEME_ID,
        "field": FIELD_ID,
        "actor": ACTOR_ID,
        "district": DISTRICT_ID,
    }
    texts = {
        PurePosixPath("strategie.yml"): _DOCUMENT,
        PurePosixPath("leitthemen", f"{THEME_ID}.yml"): _THEME,
        PurePosixPath("verzeichnisse", "akteure.yml"): _ACTORS,
        PurePosixPath("verzeichnisse", "stadtteile.yml"): _DISTRICTS,
    }
    return {
        path: text.format(schema=schema_comment(path), **values) for path, text in texts.items()
    }
