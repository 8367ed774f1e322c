"""Translations of the reader-facing texts, and the languages a site publishes (issue 20).

German is the source: the German files stay as they are, and each further language has a
tree of parallel files below `strategy/uebersetzungen/<sprache>/` that mirrors the German
layout and holds only text fields, under the same keys (TRANSLATION-FORMAT in CONTRIBUTING.md
and docs/feldreferenz.md). Every text is optional: what is missing falls back to German.
Lists of entries are matched by their key (`id`, `nummer`, `wert`), lists without a key by
position. Ids, dates, numbers and names are not translated. No I/O here.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from generator.values import IsoDate, MeasureId, PlainText, Record, RichText, Slug, Title

_CODES = """
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu
cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he
hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko
kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd
ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se
sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty
ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
"""
#: Two-letter language codes of ISO 639-1.
ISO_639_1 = frozenset(_CODES.split())
_CODE = re.compile(r"^[a-z]{2}$")


def _check_language(value: str) -> str:
    if not _CODE.match(value) or value not in ISO_639_1:
        raise PydanticCustomError("language_code", "not an ISO 639-1 code")
    if value == "de":
        raise PydanticCustomError("language_german", "German is the source language")
    return value


#: A language besides German, as its ISO 639-1 code ("en").
LanguageCode = Annotated[str, AfterValidator(_check_language)]


class Languages(Record):
    """`sprachen` in strategie.yml: the languages the site publishes besides German."""

    #: Languages published besides German (ISO 639-1 codes such as „en“).
    weitere: Annotated[list[LanguageCode], Field(min_length=1, max_length=20)]
    #: Languages the city declares complete: a missing or possibly outdated translation is
    #: then a warning (an error under „--strict“), otherwise a note.
    vollstaendig: list[LanguageCode] = []


class LanguageSetting(Record):
    """The `sprachen` key alone, checked apart from the rest of strategie.yml."""

    sprachen: Languages


# --- strategie.yml ----------------------------------------------------------------------------


class VisionText(Record):
    id: Slug
    titel: Title | None = None
    beschreibung: PlainText | None = None


class PrincipleText(Record):
    id: Slug
    titel: Title | None = None
    beschreibung: PlainText | None = None


class EditionText(Record):
    id: Annotated[str, Field(pattern=r"^[0-9]{4}[a-z0-9-]*$")]
    titel: Title | None = None
    beschluss: PlainText | None = None
    zusammenfassung: PlainText | None = None


class StatusText(Record):
    id: Slug
    bezeichnung: Title | None = None
    definition: PlainText | None = None


class LevelText(Record):
    wert: int
    bezeichnung: Title | None = None


class CriterionText(Record):
    id: Slug
    bezeichnung: Title | None = None
    frage: PlainText | None = None


class RatingText(Record):
    erlaeuterung: PlainText | None = None
    stufen: list[LevelText] | None = None
    kriterien: list[CriterionText] | None = None


class StrategyTranslation(Record):
    """uebersetzungen/<sprache>/strategie.yml. The city's name is not translated."""

    titel: Title | None = None
    untertitel: Title | None = None
    kurzbeschreibung: PlainText | None = None
    beschreibung: RichText | None = None
    hinweis: PlainText | None = None
    motto: Title | None = None
    visionen: list[VisionText] | None = None
    strategische_ziele: list[PlainText] | None = None
    prinzipien: list[PrincipleText] | None = None
    fortschreibungen: list[EditionText] | None = None
    status: list[StatusText] | None = None
    fortschritt: PlainText | None = None
    bewertung: RatingText | None = None


# --- leitthemen/<id>.yml ----------------------------------------------------------------------


class GoalText(Record):
    nummer: Annotated[int, Field(ge=1, le=99)]
    text: PlainText | None = None


class FieldOfActionText(Record):
    id: Slug
    titel: Title | None = None
    kurzbeschreibung: PlainText | None = None
    beschreibung: RichText | None = None
    operative_ziele: list[GoalText] | None = None


class ThemeTranslation(Record):
    """uebersetzungen/<sprache>/leitthemen/<id>.yml."""

    id: Slug
    titel: Title | None = None
    kurzbeschreibung: PlainText | None = None
    beschreibung: RichText | None = None
    strategische_ziele: list[PlainText] | None = None
    operative_ziele: list[GoalText] | None = None
    handlungsfelder: list[FieldOfActionText] | None = None


# --- massnahmen/<leitthema>/<id>.yml ----------------------------------------------------------


class TitleText(Record):
    titel: Title | None = None


class IndicatorText(Record):
    titel: Title | None = None
    einheit: Title | None = None


class MeasureTranslation(Record):
    """uebersetzungen/<sprache>/massnahmen/<leitthema>/<id>.yml."""

    id: MeasureId
    #: The German file's `aktualisiert` date this translation was made from.
    stand: IsoDate
    titel: Title | None = None
    kurzbeschreibung: PlainText | None = None
    beschreibung: RichText | None = None
    wirkung: PlainText | None = None
    beteiligung: PlainText | None = None
    meilensteine: list[TitleText] | None = None
    indikatoren: list[IndicatorText] | None = None
    links: list[TitleText] | None = None


# --- verzeichnisse/*.yml ----------------------------------------------------------------------


class ActorText(Record):
    id: Slug
    beschreibung: PlainText | None = None


class ActorsTranslation(Record):
    """uebersetzungen/<sprache>/verzeichnisse/akteure.yml (names are not translated)."""

    akteure: list[ActorText] = []


class SdgText(Record):
    nummer: Annotated[int, Field(ge=1, le=17)]
    titel: Title | None = None
    beschreibung: PlainText | None = None


class SdgsTranslation(Record):
    """uebersetzungen/<sprache>/verzeichnisse/sdgs.yml."""

    sdgs: list[SdgText] = []


class GuidelineText(Record):
    id: Slug
    titel: Title | None = None
    beschreibung: PlainText | None = None


class CharterTranslation(Record):
    """uebersetzungen/<sprache>/verzeichnisse/charta.yml."""

    leitlinien: list[GuidelineText] = []


#: Registry file name → its translation model (stadtteile.yml holds only names).
REGISTRY_TRANSLATIONS: dict[str, type[Record]] = {
    "akteure.yml": ActorsTranslation,
    "sdgs.yml": SdgsTranslation,
    "charta.yml": CharterTranslation,
}

#: Keys that say which entry a translation belongs to; they are never text.
IDENTITY_KEYS = ("id", "nummer", "wert", "stand")


class TranslationSet(Record):
    """The checked translation files of one language."""

    strategie: StrategyTranslation | None = None
    leitthemen: dict[str, ThemeTranslation] = {}
    massnahmen: dict[str, MeasureTranslation] = {}
    akteure: ActorsTranslation | None = None
    sdgs: SdgsTranslation | None = None
    charta: CharterTranslation | None = None
