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
from collections.abc import Iterable
from dataclasses import dataclass, field


class Severity(enum.Enum):
    ERROR = "Fehler"
    WARNING = "Warnung"


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
        "Die Kennung {id} passt nicht zum Leitthema {theme}: Kennungen dort beginnen mit {prefix}.",
    ),
    "field_of_action_theme": (
        Severity.ERROR,
        "handlungsfeld: {value} gehört zum Leitthema {other_theme}, nicht zu {theme}.",
    ),
    "field_of_action_missing": (
        Severity.ERROR,
        "Das Leitthema {theme} hat Handlungsfelder; geben Sie mit handlungsfeld an, zu welchem "
        "die Maßnahme gehört. Möglich: {known}.",
    ),
    "field_of_action_not_allowed": (
        Severity.ERROR,
        "Das Leitthema {theme} hat keine Handlungsfelder; löschen Sie die Zeile handlungsfeld.",
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
        "Das Handlungsfeld {id} hat noch keine Maßnahme.",
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
    # --- reading a workbook (workbook_reader.py, xlsx_import.py); {path} is the file ---
    "workbook_missing": (Severity.ERROR, "Die Datei {path} gibt es nicht."),
    "workbook_file_unreadable": (
        Severity.ERROR,
        "Die Datei {path} kann nicht gelesen werden ({reason}). Geben Sie den Pfad einer "
        "Arbeitsmappe (.xlsx) an.",
    ),
    "workbook_not_xlsx": (
        Severity.ERROR,
        "Die Datei {path} ist keine lesbare Excel-Arbeitsmappe (.xlsx). Speichern Sie sie im "
        "Format „Excel-Arbeitsmappe (.xlsx)“.",
    ),
    "workbook_file_too_large": (
        Severity.ERROR,
        "Die Datei {path} ist mit {size} zu groß (höchstens {limit}). Exportieren Sie die "
        "Arbeitsmappe neu mit „strategie export xlsx“ und tragen Sie Ihre Änderungen dort ein.",
    ),
    "workbook_too_many_parts": (
        Severity.ERROR,
        "Die Datei {path} besteht aus {count} Teilen (höchstens {limit}); so ist keine "
        "Arbeitsmappe aus „strategie export xlsx“ aufgebaut. Exportieren Sie die Arbeitsmappe "
        "neu und tragen Sie Ihre Änderungen dort ein.",
    ),
    "workbook_too_large_unpacked": (
        Severity.ERROR,
        "Die Datei {path} wäre entpackt {size} groß (höchstens {limit}) und wird deshalb nicht "
        "gelesen. Exportieren Sie die Arbeitsmappe neu mit „strategie export xlsx“ und tragen "
        "Sie Ihre Änderungen dort ein.",
    ),
    "workbook_packed_too_tightly": (
        Severity.ERROR,
        "In der Datei {path} ist der Teil {part} {ratio}-fach gepackt (höchstens {limit}-fach); "
        "so etwas entsteht beim Speichern einer Tabelle nicht, die Datei wird aus "
        "Sicherheitsgründen nicht gelesen. Exportieren Sie die Arbeitsmappe neu mit „strategie "
        "export xlsx“ und tragen Sie Ihre Änderungen dort ein.",
    ),
    "workbook_part_missing": (
        Severity.ERROR,
        "Die Datei {path} ist unvollständig: Der Teil {part} fehlt. Öffnen Sie sie in Excel und "
        "speichern Sie sie erneut als „Excel-Arbeitsmappe (.xlsx)“.",
    ),
    "workbook_damaged": (
        Severity.ERROR,
        "Die Datei {path} ist beschädigt und lässt sich nicht lesen. Öffnen Sie sie in Excel und "
        "speichern Sie sie erneut als „Excel-Arbeitsmappe (.xlsx)“, oder exportieren Sie neu "
        "mit „strategie export xlsx“.",
    ),
    "workbook_xml_error": (
        Severity.ERROR,
        "Die Datei {path} ist beschädigt: Im Teil {part} ist das XML in Zeile {line}, Spalte "
        "{column} fehlerhaft. Öffnen Sie sie in Excel und speichern Sie sie erneut als "
        "„Excel-Arbeitsmappe (.xlsx)“, oder exportieren Sie neu mit „strategie export xlsx“.",
    ),
    "workbook_doctype": (
        Severity.ERROR,
        "Die Datei {path} enthält im Teil {part} eine Dokumenttyp-Deklaration (DOCTYPE). "
        "Tabellenprogramme schreiben so etwas nicht; die Datei wird aus Sicherheitsgründen "
        "nicht gelesen. Exportieren Sie neu mit „strategie export xlsx“.",
    ),
    "workbook_sheet_missing": (
        Severity.ERROR,
        "In {path} fehlt das Blatt {sheet}. Verwenden Sie eine Arbeitsmappe aus „strategie "
        "export xlsx“ und benennen Sie das Blatt nicht um.",
    ),
    "workbook_not_a_worksheet": (
        Severity.ERROR,
        "In {path} ist {sheet} kein Tabellenblatt (sondern etwa ein Diagramm). Verwenden Sie "
        "eine Arbeitsmappe aus „strategie export xlsx“.",
    ),
    "workbook_too_many_rows": (
        Severity.ERROR,
        "In {path} steht im Blatt {sheet} in Zelle {cell} noch etwas; gelesen werden nur die "
        "Zeilen 1 bis {limit}. Löschen Sie alles unterhalb der Tabelle (Zeilen markieren, dann "
        "„Zellen löschen“) und speichern Sie erneut.",
    ),
    "workbook_too_many_columns": (
        Severity.ERROR,
        "In {path} steht im Blatt {sheet} in Zelle {cell} noch etwas; gelesen werden nur die "
        "Spalten A bis {last}. Löschen Sie alles rechts der Tabelle (Spalten markieren, dann "
        "„Zellen löschen“) und speichern Sie erneut.",
    ),
    "workbook_snapshot_formula": (
        Severity.ERROR,
        "In {path} enthält das versteckte Blatt {sheet} in Zelle {cell} eine Formel: Es wurde "
        "außerhalb von „strategie export xlsx“ verändert. Exportieren Sie neu und tragen Sie "
        "Ihre Änderungen dort ein.",
    ),
    "workbook_formula": (
        Severity.ERROR,
        "Die Zelle enthält die Formel {formula} (Ergebnis {result}). Übernommen werden nur "
        "Werte: Tragen Sie den Wert selbst ein (in Excel: Zelle kopieren, dann „Einfügen → "
        "Werte einfügen“).",
    ),
    "workbook_formula_without_result": (
        Severity.ERROR,
        "Die Zelle enthält die Formel {formula} ohne gespeichertes Ergebnis; gelesen würde "
        "eine leere Zelle. Übernommen werden nur Werte: Tragen Sie den Wert selbst ein (in "
        "Excel: Zelle kopieren, dann „Einfügen → Werte einfügen“).",
    ),
}


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, with its position. Ordered by file, line, column for printing."""

    file: str
    line: int
    column: int
    code: str = field(compare=True)
    message: str = field(compare=True)
    severity: Severity = field(compare=False, default=Severity.ERROR)

    def format(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity.value}: {self.message}"

    def github_annotation(self) -> str:
        """The problem as a GitHub workflow command, escaped as @actions/core does: nothing
        from a file name or message can end the command or start another one."""
        level = "error" if self.severity is Severity.ERROR else "warning"
        where = f"file={_escape_property(self.file)},line={self.line},col={self.column}"
        return f"::{level} {where}::{_escape_data(self.message)}"


def _escape_data(text: str) -> str:
    """A workflow command's message, as `escapeData` in @actions/core (command.ts)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value, as `escapeProperty` in @actions/core."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def problem(code: str, file: str, line: int, column: int, **params: object) -> Problem:
    """Build a Problem from the catalogue; unknown codes and missing parameters are bugs."""
    severity, template = MESSAGES[code]
    return Problem(file, line, column, code, template.format(**params), severity)


def message(code: str, **params: object) -> str:
    """The German text of a catalogue message without a file position (workbook import)."""
    return MESSAGES[code][1].format(**params)


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
    """Whether the run fails: any error, or under --strict any warning as well."""
    return any(strict or p.severity is Severity.ERROR for p in problems)


class DataProblems(Exception):
    """Raised by a stage that cannot go on because the data has problems."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)
