"""The data model of a city strategy: frozen, strict pydantic models, no I/O.

In: plain mappings as the loader produced them (validate.py feeds them in).
Out: typed, immutable objects that every later stage (derive, render) reads.

YAML key = model field = template variable. The data vocabulary is German because the
editors are German; everything else in the code is English. Glossary (German ↔ English):

    Strategie            strategy (the whole document, `Strategy`)
    Stadt                city
    Vision               vision for 2030
    Prinzip              principle
    Fortschreibung       edition (a council-approved version of the strategy)
    Leitthema            theme (top level, `Theme`)
    Handlungsfeld        field of action (`FieldOfAction`)
    Maßnahme/massnahme   measure (`Measure`)
    operatives Ziel      operational goal
    Akteur               actor: department, municipal company, partner, body
    Stadtteil            district
    SDG                  UN Sustainable Development Goal
    Charta-Leitlinie     guideline of the German Smart City Charta
    Status               status (vocabulary defined in strategie.yml)
    Bewertung            rating (four criteria; scale and weights defined in strategie.yml)
    Kriterium            rating criterion (Wichtigkeit, Dringlichkeit, …)
    Fortschritt          progress in percent
    Zeitraum             time frame (years)
    Raumbezug            spatial level (Quartier, Stadtteil, Gesamtstadt)
    Meilenstein, Indikator   milestone, indicator
    Quelle               public source a measure is based on
    Stand                "as of" date

Cross-references (ids pointing at other files) are checked in validate.py, not here: a model
only knows its own file.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

# Re-exported (`as`): the value types are part of the model's interface (`model.Record`).
from generator.legal_model import AccessibilityStatement as AccessibilityStatement
from generator.legal_model import DataProtection as DataProtection
from generator.legal_model import Imprint as Imprint
from generator.legal_model import Office as Office
from generator.presentation import Appearance, Forge, Labels, StatusMeaning
from generator.translation_model import Languages, TranslationSet
from generator.values import ABBREVIATION_PATTERN as ABBREVIATION_PATTERN
from generator.values import EARLIEST_DATE as EARLIEST_DATE
from generator.values import LATEST_DATE as LATEST_DATE
from generator.values import MEASURE_ID_PATTERN as MEASURE_ID_PATTERN
from generator.values import SLUG_PATTERN as SLUG_PATTERN
from generator.values import DatePrecision as DatePrecision
from generator.values import GoalNumber as GoalNumber
from generator.values import IsoDate, MeasureId, PlainText, RichText, Slug, Title, Url, Year
from generator.values import Record as Record
from generator.values import SourcePosition as SourcePosition

# --- strategie.yml ----------------------------------------------------------------------------


class City(Record):
    name: Title
    bundesland: Title
    #: Amtlicher Gemeindeschlüssel, 8 digits, used for open-data geocoding.
    gemeindeschluessel: Annotated[str, Field(pattern=r"^[0-9]{8}$")]
    website: Url


class Vision(Record):
    id: Slug
    titel: Title
    beschreibung: PlainText


class Principle(Record):
    id: Slug
    titel: Title
    beschreibung: PlainText


class Edition(Record):
    """A Fortschreibung: a version of the strategy approved by the council."""

    id: Annotated[str, Field(pattern=r"^[0-9]{4}[a-z0-9-]*$")]
    titel: Title
    datum: IsoDate
    beschluss: PlainText
    drucksache: Title | None = None
    zusammenfassung: PlainText


class Status(Record):
    id: Slug
    bezeichnung: Title
    definition: PlainText
    #: Whether measures in this status still count as open work.
    aktiv: bool
    bedeutung: StatusMeaning | None = None  # selects its colour (presentation.py)


class ScaleLevel(Record):
    wert: int
    bezeichnung: Title


class Criterion(Record):
    id: Slug
    bezeichnung: Title
    frage: PlainText
    gewicht: Annotated[float, Field(gt=0, le=10)] | Annotated[int, Field(gt=0, le=10)]


class PriorityMatrixSetting(Record):
    """The criteria the priority matrix plots: each axis is their weighted mean."""

    waagerecht: Annotated[list[Slug], Field(min_length=1)]
    senkrecht: Annotated[list[Slug], Field(min_length=1)]


class RatingScheme(Record):
    """The rating scale and criteria; priority = weighted mean of the criteria values."""

    minimum: int
    maximum: int
    stufen: Annotated[list[ScaleLevel], Field(min_length=2)]
    kriterien: Annotated[list[Criterion], Field(min_length=1)]
    erlaeuterung: PlainText
    #: Axes of the priority matrix on the Auswertung; without it, Umsetzbarkeit against the
    #: mean of Wichtigkeit and Dringlichkeit (if the scheme has these criteria).
    matrix: PriorityMatrixSetting | None = None


class Licence(Record):
    id: Title
    name: Title
    url: Url
    namensnennung: PlainText


class Contact(Record):
    stelle: Title
    email: Url | None = None
    website: Url | None = None


class Repository(Record):
    """Where the data lives, for "edit this page" links to the YAML source."""

    url: Url
    branch: Title
    #: github or gitlab (also OpenCoDE); without it, taken from the address (github.com or not).
    plattform: Forge | None = None


class StrategyDocument(Record):
    """The content of strategie.yml."""

    stadt: City
    titel: Title
    untertitel: Title
    kurzbeschreibung: PlainText
    beschreibung: RichText
    #: How binding the content is (a demonstration, the council decision prevails): shown in
    #: the frame of every page, its first sentence there, in full in the Impressum. Without
    #: it, no page shows a notice.
    hinweis: PlainText | None = None
    #: The same notice in Leichte Sprache, for the Leichte-Sprache page.
    hinweis_leicht: PlainText | None = None
    horizont: Year
    motto: Title | None = None
    visionen: Annotated[list[Vision], Field(min_length=1)]
    strategische_ziele: list[PlainText] = []
    prinzipien: list[Principle] = []
    fortschreibungen: Annotated[list[Edition], Field(min_length=1)]
    status: Annotated[list[Status], Field(min_length=1)]
    fortschritt: PlainText
    bewertung: RatingScheme
    lizenz: Licence
    kontakt: Contact
    repository: Repository | None = None
    #: The first day of this strategy's history: earlier commits (say, of the project this
    #: repository was copied from) are not shown on the Änderungen page and in the feed.
    historie_ab: IsoDate | None = None
    impressum: Imprint | None = None
    datenschutz: DataProtection | None = None
    barrierefreiheit: AccessibilityStatement | None = None
    erscheinungsbild: Appearance = Appearance()
    bezeichnungen: Labels = Labels()


# --- leitthemen/<id>.yml ----------------------------------------------------------------------


class OperativeGoal(Record):
    """An operative goal, stated once and numbered within its Handlungsfeld (or theme)."""

    nummer: GoalNumber
    text: PlainText


class FieldOfAction(Record):
    """A Handlungsfeld within a Leitthema."""

    id: Slug
    titel: Title
    kurzbeschreibung: PlainText
    beschreibung: RichText | None = None
    operative_ziele: list[OperativeGoal] = []


class Theme(Record):
    """A Leitthema with its Handlungsfelder (one file per Leitthema)."""

    id: Slug
    nummer: Annotated[int, Field(ge=1, le=99)]
    kuerzel: Annotated[str, Field(pattern=ABBREVIATION_PATTERN)]
    titel: Title
    kurzbeschreibung: PlainText
    beschreibung: RichText
    strategische_ziele: list[PlainText] = []
    #: Only for a theme without Handlungsfelder: its measures refer to these.
    operative_ziele: list[OperativeGoal] = []
    #: May be empty for a cross-cutting theme whose measures belong to the theme directly
    #: (such as a real-world laboratory area).
    handlungsfelder: list[FieldOfAction] = []


# --- massnahmen/<leitthema>/<id>.yml ----------------------------------------------------------


class TimeFrame(Record):
    beginn: Year
    #: Missing end: an ongoing task ("fortlaufend").
    ende: Year | None = None


class SpatialReference(Record):
    ebene: Literal["quartier", "stadtteil", "gesamtstadt"]
    stadtteile: list[Slug] = []


class Rating(Record):
    """The four (or, per strategie.yml, n) criteria values of a measure."""

    quelle: Literal["beispiel", "offiziell"]
    stand: IsoDate
    werte: dict[Slug, int]


class NotRated(Record):
    quelle: Literal["nicht bewertet"]
    grund: PlainText | None = None


def _rating_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        return "nicht-bewertet" if value.get("quelle") == "nicht bewertet" else "bewertet"
    if isinstance(value, Rating):
        return "bewertet"
    if isinstance(value, NotRated):
        return "nicht-bewertet"
    return None


RatingEntry = Annotated[
    Annotated[Rating, Tag("bewertet")] | Annotated[NotRated, Tag("nicht-bewertet")],
    Discriminator(_rating_kind),
]


class Funding(Record):
    quelle: Title
    programm: Title | None = None
    betrag_eur: Annotated[int, Field(ge=0)] | None = None
    von: Year | None = None
    bis: Year | None = None


class Milestone(Record):
    titel: Title
    datum: IsoDate
    erreicht: bool


class Indicator(Record):
    titel: Title
    einheit: Title
    basiswert: float | int | None = None
    basisjahr: Year | None = None
    zielwert: float | int | None = None
    zieljahr: Year | None = None
    aktueller_wert: float | int | None = None
    stand: IsoDate | None = None


class Link(Record):
    titel: Title
    url: Url


class Source(Record):
    """A public source a measure's content is based on, and what kind of source it is."""

    titel: Title
    url: Url
    art: Literal[
        "strategie", "projektseite", "pressemitteilung", "presse", "foerdergeber", "sonstige"
    ]


class Measure(Record):
    """A Maßnahme (one file per measure)."""

    id: MeasureId
    titel: Title
    kurzbeschreibung: PlainText
    beschreibung: RichText
    #: Must equal the folder the file is in (massnahmen/<leitthema>/).
    leitthema: Slug
    #: Required when the Leitthema has Handlungsfelder, absent when it has none.
    handlungsfeld: Slug | None = None
    #: Numbers of operative goals of its Handlungsfeld (or of its theme without one).
    operative_ziele: list[GoalNumber] = []
    status: Slug
    status_seit: IsoDate
    #: How exact `status_seit` is; pages show „seit 2020 (angenommen)“ or „Datum unbekannt“.
    status_seit_genauigkeit: DatePrecision = "tag"
    fortschritt: Annotated[int, Field(ge=0, le=100)] | None = None
    zeitraum: TimeFrame
    raumbezug: SpatialReference
    verantwortlich: Slug
    partner: list[Slug] = []
    bewertung: RatingEntry
    sdgs: list[Annotated[int, Field(ge=1, le=17)]] = []
    charta: list[Slug] = []
    finanzierung: list[Funding] = []
    meilensteine: list[Milestone] = []
    indikatoren: list[Indicator] = []
    beteiligung: PlainText | None = None
    wirkung: PlainText | None = None
    verwandte_massnahmen: list[MeasureId] = []
    links: list[Link] = []
    quellen: list[Source] = []
    #: True for a measure written to illustrate a field of action, not taken from a source.
    beispielmassnahme: bool = False
    aktualisiert: IsoDate


# --- verzeichnisse/*.yml ----------------------------------------------------------------------


class Actor(Record):
    id: Slug
    name: Title
    kurzname: Title | None = None
    art: Literal["verwaltung", "beteiligung", "partner", "gremium"]
    beschreibung: PlainText | None = None
    website: Url | None = None


class ActorRegistry(Record):
    akteure: Annotated[list[Actor], Field(min_length=1)]


class District(Record):
    id: Slug
    name: Title
    stadtbezirk: Title | None = None


class DistrictRegistry(Record):
    stadtteile: Annotated[list[District], Field(min_length=1)]


class Goal(Record):
    """One of the 17 UN Sustainable Development Goals."""

    nummer: Annotated[int, Field(ge=1, le=17)]
    titel: Title
    beschreibung: PlainText


class GoalRegistry(Record):
    sdgs: Annotated[list[Goal], Field(min_length=1)]


class CharterGuideline(Record):
    id: Slug
    nummer: Annotated[int, Field(ge=1, le=99)]
    titel: Title
    beschreibung: PlainText


class CharterRegistry(Record):
    leitlinien: Annotated[list[CharterGuideline], Field(min_length=1)]


# --- The whole strategy, after validation ------------------------------------------------------


class Strategy(Record):
    """Everything, validated and cross-checked. Lists are sorted (themes by number,
    measures by id); render code may rely on that order."""

    strategie: StrategyDocument
    leitthemen: list[Theme]
    massnahmen: list[Measure]
    akteure: list[Actor]
    stadtteile: list[District]
    sdgs: list[Goal]
    leitlinien: list[CharterGuideline]
    #: Path of each measure's YAML file relative to the repository root, by measure id.
    dateien: dict[str, str]
    #: The checked SVG text of `erscheinungsbild.logo` (check/appearance.py); None: default.
    logo: str | None = None
    #: `sprachen` in strategie.yml (kept apart from `strategie`, so that a strategy without
    #: it exports and shows exactly as before); None: German only.
    sprachen: Languages | None = None
    #: The checked translation files by language (check/translations.py).
    uebersetzungen: dict[str, TranslationSet] = {}
