"""Problems found in the data: what, where, how bad — and the German message catalogue.

In: a message code and its parameters, plus a position. Out: `Problem` values that the CLI
formats as `file:line:col: Fehler: …` (and as GitHub annotations in Actions).

Every message an editor can see is in MESSAGES, keyed by a stable code. Tests pin each code
with at least one broken input (tests/problems/). Parameters are quoted by the caller with
`quote()` so that values stand out and stay on one line.
"""

from __future__ import annotations

import difflib
import enum
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.messages_derived import DERIVED_MESSAGES
from generator.messages_site import SITE_MESSAGES
from generator.problems_translation import TRANSLATION_MESSAGES
from generator.problems_workbook import WORKBOOK_MESSAGES


class Severity(enum.Enum):
    ERROR = "Fehler"
    WARNING = "Warnung"
    #: Information that never fails a run, not even under --strict.
    NOTE = "Hinweis"


#: code → (severity, German template). Templates use str.format with named parameters.
MESSAGES: dict[str, tuple[Severity, str]] = {
    # --- reading files (load.py) ---
    "file_unreadable": (Severity.ERROR, "Die Datei kann nicht gelesen werden ({reason})."),
    "file_encoding": (
        Severity.ERROR,
        "Die Datei ist nicht in UTF-8 gespeichert (ungültiges Byte {byte}). Speichern Sie sie "
        "im Editor mit der Kodierung „UTF-8“.",
    ),
    "file_too_large": (
        Severity.ERROR,
        "Die Datei ist mit {size} Bytes zu groß (höchstens {limit}). Teilen Sie den Inhalt "
        "auf mehrere Dateien auf.",
    ),
    "file_empty": (Severity.ERROR, "Die Datei ist leer. Erwartet wird {expected}."),
    "yaml_tab": (
        Severity.ERROR,
        "Tabulatorzeichen sind in YAML zum Einrücken nicht erlaubt. Ersetzen Sie es durch "
        "Leerzeichen (zwei je Ebene).",
    ),
    "yaml_syntax": (
        Severity.ERROR,
        "Die YAML-Syntax ist hier fehlerhaft: {detail}. Prüfen Sie Einrückung, Doppelpunkte "
        "und Anführungszeichen in dieser und der vorigen Zeile.",
    ),
    "yaml_control_character": (
        Severity.ERROR,
        "Hier steht das unsichtbare Steuerzeichen {character}, das in YAML nicht erlaubt ist "
        "(oft aus kopiertem Text). Löschen Sie es; da man es nicht sieht, löschen Sie am "
        "besten den Text um diese Stelle und tippen ihn neu ein.",
    ),
    "yaml_escape": (
        Severity.ERROR,
        "In Text mit doppelten Anführungszeichen steht hier eine ungültige Escape-Sequenz: "
        "{detail}. Ist ein Rückstrich „\\“ als Text gemeint, schreiben Sie ihn doppelt "
        "(„\\\\“) oder setzen Sie den Text in einfache Anführungszeichen; sonst löschen Sie "
        "die Escape-Sequenz.",
    ),
    "yaml_multiple_documents": (
        Severity.ERROR,
        "Die Datei enthält mehr als ein YAML-Dokument (Trennlinie „---“). Erlaubt ist genau "
        "eines; legen Sie für weitere Inhalte eine eigene Datei an.",
    ),
    "yaml_duplicate_key": (
        Severity.ERROR,
        "Der Schlüssel {key} kommt doppelt vor (zuerst in Zeile {first_line}). Jeder "
        "Schlüssel darf je Abschnitt nur einmal stehen; löschen oder benennen Sie einen um.",
    ),
    "yaml_anchor": (
        Severity.ERROR,
        "Anker und Verweise ({token}) sind nicht erlaubt. Schreiben Sie den Wert an jeder "
        "Stelle vollständig aus.",
    ),
    "yaml_merge_key": (
        Severity.ERROR,
        "Der Zusammenführungs-Schlüssel „<<“ ist nicht erlaubt. Schreiben Sie die Werte "
        "vollständig aus.",
    ),
    "yaml_tag": (
        Severity.ERROR,
        "Typangaben wie {tag} sind nicht erlaubt. Entfernen Sie sie; Text setzen Sie in "
        "Anführungszeichen.",
    ),
    "yaml_ambiguous_bool": (
        Severity.ERROR,
        "Der Wert {value} ist mehrdeutig: Manche Programme lesen ihn als Ja/Nein-Wert. "
        "Schreiben Sie true oder false – oder, wenn Text gemeint ist, {quoted}.",
    ),
    "yaml_ambiguous_number": (
        Severity.ERROR,
        "Der Wert {value} ist mehrdeutig: Manche Programme lesen ihn als Zahl in einer "
        "anderen Schreibweise ({reading}). Setzen Sie ihn in Anführungszeichen: {quoted}.",
    ),
    "yaml_too_deep": (
        Severity.ERROR,
        "Die Daten sind hier tiefer als {limit} Ebenen verschachtelt. Vereinfachen Sie "
        "die Struktur.",
    ),
    "yaml_key_not_text": (
        Severity.ERROR,
        "Schlüssel müssen Text sein, hier steht {key}. Setzen Sie ihn in Anführungszeichen "
        "oder prüfen Sie die Einrückung.",
    ),
    # --- shape of a file (validate.py, from pydantic error types) ---
    "missing_key": (Severity.ERROR, "Pflichtfeld {key} fehlt in {entity}.{example}"),
    "unknown_key": (Severity.ERROR, "Unbekanntes Feld {key} in {entity}.{suggestion}"),
    "wrong_type": (Severity.ERROR, "{field}: erwartet wird {expected}, gefunden {found}.{hint}"),
    "not_in_choices": (
        Severity.ERROR,
        "{field}: {value} ist nicht erlaubt. Erlaubt: {choices}.{suggestion}",
    ),
    "pattern_mismatch": (Severity.ERROR, "{field}: {value} hat nicht die Form {form}."),
    "number_range": (
        Severity.ERROR,
        "{field}: {value} ist nicht erlaubt, der Wert muss {rule} sein.",
    ),
    "invalid_value": (Severity.ERROR, "{field}: der Wert {value} ist hier nicht gültig."),
    "text_too_long": (
        Severity.ERROR,
        "{field} ist mit {length} Zeichen zu lang (höchstens {limit}). Kürzen Sie den Text.",
    ),
    "text_empty": (
        Severity.ERROR,
        "{field} ist leer. Tragen Sie einen Text ein oder löschen Sie das Feld, falls es "
        "optional ist.",
    ),
    "list_too_short": (Severity.ERROR, "{field} braucht mindestens {entries}."),
    "text_markup": (
        Severity.ERROR,
        "{field} enthält HTML, Skript- oder Vorlagen-Syntax ({found}). Schreiben Sie reinen "
        "Text; Hervorhebungen und Links gehen in Beschreibungen mit Markdown.",
    ),
    "text_reference": (
        Severity.ERROR,
        "{field} enthält die HTML-Zeichenreferenz {found}. Reiner Text gilt Zeichen für "
        "Zeichen, wie er dasteht; eine Zeichenreferenz würde die Website an manchen Stellen "
        "als Zeichen, an anderen als Text zeigen. Schreiben Sie das Zeichen selbst (etwa „<“ statt "
        "„&lt;“, „&“ statt „&amp;“) oder ein Leerzeichen hinter „&“.",
    ),
    "url_scheme": (
        Severity.ERROR,
        "{field}: {value} ist keine erlaubte Adresse. Erlaubt sind nur Links mit https:// "
        "und mailto:.",
    ),
    "date_format": (
        Severity.ERROR,
        "{field}: {value} ist kein Datum in der Form JJJJ-MM-TT (zum Beispiel 2020-06-25).",
    ),
    "date_impossible": (Severity.ERROR, "{field}: den Tag {value} gibt es nicht."),
    "date_range": (
        Severity.ERROR,
        "{field}: {value} liegt außerhalb des erlaubten Zeitraums 1990 bis 2100. Meist ist die "
        "Jahreszahl vertippt; korrigieren Sie sie (Form JJJJ-MM-TT).",
    ),
    "rating_kind": (
        Severity.ERROR,
        "bewertung: erwartet wird ein Abschnitt mit quelle, stand und werte – oder "
        "„quelle: nicht bewertet“. Beispiel:\n{example}",
    ),
    # --- cross-checks (validate.py) ---
    "duplicate_id": (
        Severity.ERROR,
        "Die Kennung {id} ist doppelt vergeben (auch in {other}). Kennungen müssen eindeutig "
        "sein; wählen Sie eine freie.",
    ),
    "unknown_reference": (
        Severity.ERROR,
        "{field}: {kind} {value} gibt es nicht.{suggestion} Bekannt sind: {known}.",
    ),
    "measure_file_name": (
        Severity.ERROR,
        "Der Dateiname passt nicht zur Kennung {id}. Benennen Sie die Datei in {expected} um.",
    ),
    "measure_folder": (
        Severity.ERROR,
        "Die Maßnahme liegt im Ordner {folder}, gehört aber laut leitthema zu {theme}. "
        "Verschieben Sie die Datei nach {expected}.",
    ),
    "measure_prefix": (
        Severity.ERROR,
        "Die Kennung {id} passt nicht {zum_theme} {theme}: Kennungen dort beginnen mit {prefix}.",
    ),
    "field_of_action_theme": (
        Severity.ERROR,
        "handlungsfeld: {value} gehört {zum_theme} {other_theme}, nicht zu {theme}.",
    ),
    "field_of_action_missing": (
        Severity.ERROR,
        "{das_theme} {theme} hat {fields}; geben Sie mit handlungsfeld an, {zu_welchem} die "
        "Maßnahme gehört. Möglich: {known}.",
    ),
    "field_of_action_not_allowed": (
        Severity.ERROR,
        "{das_theme} {theme} hat keine {fields}; löschen Sie die Zeile handlungsfeld.",
    ),
    "rating_criteria": (
        Severity.ERROR,
        "bewertung.werte: {detail} Erwartet werden genau die Kriterien aus strategie.yml: {known}.",
    ),
    "rating_range": (
        Severity.ERROR,
        "bewertung.werte.{criterion}: {value} liegt außerhalb der Skala {minimum} bis {maximum}.",
    ),
    "scale_inconsistent": (
        Severity.ERROR,
        "bewertung.stufen: die Stufen müssen genau die Werte {minimum} bis {maximum} je einmal "
        "beschreiben.",
    ),
    "time_frame_order": (
        Severity.ERROR,
        "zeitraum: das Ende {end} liegt vor dem Beginn {start}.",
    ),
    "funding_order": (Severity.ERROR, "finanzierung: „bis“ {end} liegt vor „von“ {start}."),
    "date_in_future": (
        Severity.ERROR,
        "{field}: {value} liegt nach dem Stand der Maßnahme (aktualisiert: {stand}). "
        "Korrigieren Sie das Datum oder aktualisieren Sie „aktualisiert“.",
    ),
    "date_precision": (
        Severity.ERROR,
        "status_seit: {value} passt nicht zur Genauigkeit {precision}: ist nur {known} bekannt, "
        "steht hier dessen erster Tag. Tragen Sie {expected} ein.",
    ),
    "rating_before_start": (
        Severity.ERROR,
        "bewertung.stand: die Beispielbewertung vom {stand} ist älter als die Maßnahme (Beginn "
        "{start}). Setzen Sie „quelle: nicht bewertet“ mit Grund oder das Datum der Bewertung.",
    ),
    "unknown_goal": (
        Severity.ERROR,
        "operative_ziele: ein operatives Ziel {number} gibt es {where} nicht; vorhanden: {known}.",
    ),
    "duplicate_goal_number": (
        Severity.ERROR,
        "nummer: {number} ist doppelt; jedes Ziel braucht eine eigene.",
    ),
    "status_progress": (
        Severity.WARNING,
        "fortschritt ist {progress} %, der Status aber {status}. Passen Sie eines von beiden an.",
    ),
    "self_reference": (
        Severity.ERROR,
        "verwandte_massnahmen: die Maßnahme verweist auf sich selbst. Löschen Sie {id} aus der "
        "Liste.",
    ),
    "duplicate_entry": (
        Severity.ERROR,
        "{field}: {value} steht mehrfach in der Liste. Jeder Eintrag darf nur einmal stehen.",
    ),
    "districts_level": (
        Severity.WARNING,
        "raumbezug: bei der Ebene {level} sollten stadtteile angegeben sein.",
    ),
    "no_measures": (
        Severity.WARNING,
        "{das_field} {id} hat noch keine Maßnahme.",
    ),
    "consequence_unchecked": (
        Severity.WARNING,
        "Die Verweise auf {id} ({places}) werden erst geprüft, wenn diese Datei fehlerfrei "
        "ist. Beheben Sie zuerst den Fehler hier.",
    ),
    "missing_file": (
        Severity.ERROR,
        "Die Datei fehlt. Jede Strategie braucht {path}.",
    ),
    "file_name_invalid": (
        Severity.ERROR,
        "Der Name dieser Datei oder ihres Ordners enthält {what}. Solche Namen lassen sich "
        "nicht sicher anzeigen und werden nicht gelesen; benennen Sie die Datei oder den Ordner "
        "um (Buchstaben, Ziffern und Bindestriche, Endung „.yml“).",
    ),
    "stray_file": (
        Severity.WARNING,
        "Diese Datei wird nicht gelesen: {reason}.",
    ),
    "schema_comment": (
        Severity.WARNING,
        "Die erste Zeile sollte auf das Schema verweisen, damit Editoren Fehler sofort zeigen: "
        "{expected}",
    ),
    "placeholder": (
        Severity.WARNING,
        "{field}: hier steht noch der Platzhalter {value} von „strategie neu“. Ersetzen Sie "
        "ihn durch den richtigen Text (ein optionales Feld können Sie auch löschen); bis dahin "
        "schlägt „strategie check --strict“ fehl.",
    ),
    # --- the city's Land (check/laender.py) ---
    "land_unknown": (
        Severity.ERROR,
        "stadt.bundesland: {value} ist kein deutsches Land.{suggestion} Die Rechtstexte der "
        "Website hängen vom Land ab; schreiben Sie den Namen genau so wie einer von: {known}.",
    ),
    "land_key_mismatch": (
        Severity.ERROR,
        "stadt.gemeindeschluessel: {value} beginnt mit {prefix}, der Nummer für {other}; "
        "Gemeindeschlüssel in {land} beginnen mit {expected}. Prüfen Sie den Gemeindeschlüssel "
        "(Gemeindeverzeichnis des Statistischen Bundesamts) und stadt.bundesland.",
    ),
    # --- the publication gate (check/publication.py) ---
    "publication_missing": (
        Severity.ERROR,
        "Für die Veröffentlichung fehlt {key}: {why}. Tragen Sie die Angabe in strategie.yml "
        "ein; bis dahin zeigt die Vorschau die Stelle als „vom Herausgeber auszufüllen“.",
    ),
    "schemas_stale": (
        Severity.NOTE,
        "Das Schema passt nicht mehr zu den Daten (etwa neue Akteure, Stadtteile oder "
        "Maßnahmen) oder zum Datenmodell, sodass Editoren beim Tippen falsche Fehler oder "
        "Vorschläge zeigen. Erzeugen Sie es mit „strategie schemas“ neu und übernehmen Sie die "
        "geänderten Dateien aus strategy/schemas/.",
    ),
    "import_line_breaks": (
        Severity.NOTE,
        "Die Zeilenumbrüche in dieser Zelle wurden durch Leerzeichen ersetzt, denn {field} ist "
        "{kind}. Absätze und Listen gehören in die Beschreibung (beschreibung in {file}).",
    ),
    # --- reading a workbook: problems_workbook.py (all errors) ---
    **{code: (Severity.ERROR, text) for code, text in WORKBOOK_MESSAGES.items()},
}

# The settings that make the site the city's own (erscheinungsbild, bezeichnungen, optional
# registries) keep their messages in messages_site.py, so that this module stays small.
MESSAGES.update({code: (Severity(kind), text) for code, (kind, text) in SITE_MESSAGES.items()})
# Translations and `sprachen` (check/translations.py): problems_translation.py.
MESSAGES.update(
    {code: (Severity(kind), text) for code, (kind, text) in TRANSLATION_MESSAGES.items()}
)
MESSAGES.update({code: (Severity(kind), text) for code, (kind, text) in DERIVED_MESSAGES.items()})


#: Problems that keep a file from being read at all (or a required file from existing).
#: They are the cause of whatever else goes wrong, so they are listed first.
_UNREADABLE_CODES = frozenset(
    code for code in MESSAGES if code.startswith(("yaml_", "file_")) or code == "missing_file"
)


def rank(code: str) -> int:
    """Where a problem stands in the list: 0 a file that cannot be read, 1 everything else,
    2 the notes on what could not be checked because of a broken file (check/checker.py)."""
    if code in _UNREADABLE_CODES:
        return 0
    return 2 if code.startswith("consequence_") else 1


@functools.total_ordering
@dataclass(frozen=True)
class Problem:
    """One finding, with its position. Ordered by cause (files that cannot be read first, see
    `rank`), then by file, line and column for printing."""

    file: str
    line: int
    column: int
    code: str = field(compare=True)
    message: str = field(compare=True)
    severity: Severity = field(compare=False, default=Severity.ERROR)

    def sort_key(self) -> tuple[int, str, int, int, str, str]:
        return (rank(self.code), self.file, self.line, self.column, self.code, self.message)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def format(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity.value}: {self.message}"

    def github_annotation(self) -> str:
        """The problem as a GitHub workflow command, escaped as @actions/core does: nothing
        from a file name or message can end the command or start another one."""
        level = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(self.severity, "notice")
        where = f"file={_escape_property(self.file)},line={self.line},col={self.column}"
        return f"::{level} {where}::{_escape_data(self.message)}"


def _escape_data(text: str) -> str:
    """A workflow command's message, as `escapeData` in @actions/core (command.ts)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value, as `escapeProperty` in @actions/core."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


#: The words for the levels in messages, as the default `bezeichnungen` give them; a check
#: that knows the strategy's own labels passes them (check/crosscheck.py: level_words).
DEFAULT_LEVEL_WORDS: dict[str, str] = {
    "das_theme": "Das Leitthema",
    "zum_theme": "zum Leitthema",
    "fields": "Handlungsfelder",
    "zu_welchem": "zu welchem",
    "das_field": "Das Handlungsfeld",
}


def problem(code: str, file: str, line: int, column: int, **params: object) -> Problem:
    """Build a Problem from the catalogue; unknown codes and missing parameters are bugs."""
    severity, template = MESSAGES[code]
    return Problem(
        file, line, column, code, template.format(**{**DEFAULT_LEVEL_WORDS, **params}), severity
    )


def message(code: str, **params: object) -> str:
    """The German text of a catalogue message without a file position (workbook import)."""
    return MESSAGES[code][1].format(**{**DEFAULT_LEVEL_WORDS, **params})


def quote(value: object) -> str:
    """Quote a value from the data for a message: „…“, on one line, shortened if long."""
    text = value if isinstance(value, str) else repr(value)
    text = " ".join(str(text).split())
    if len(text) > 60:
        text = text[:57] + "…"
    return f"„{text}“"


def suggest(value: str, candidates: Iterable[str]) -> str:
    """A „Meinten Sie …?“ hint with the closest candidate, or an empty string."""
    matches = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return f" Meinten Sie {quote(matches[0])}?" if matches else ""


def has_errors(problems: Iterable[Problem], *, strict: bool) -> bool:
    """Whether the run fails: any error, or under --strict any warning as well (notes never)."""
    failing = (Severity.ERROR, Severity.WARNING) if strict else (Severity.ERROR,)
    return any(p.severity in failing for p in problems)
