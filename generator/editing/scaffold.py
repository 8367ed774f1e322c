"""New entries for editors: the files behind `strategie neu massnahme` and `… handlungsfeld`.

In: the validated strategy, the project folder and the editor's choices (theme, field of
action, title, …). Out: a `NewText` — the path and the complete text to write. A new measure
gets the next free id of its theme and a file in which every field is present or commented
out, each with its German explanation from fieldref.py; required fields carry placeholders
that pass validation. A new field of action is appended to its theme's file as text, so the
rest of the file (comments, folded lines) stays exactly as it was. Nothing here prints, asks
or writes: the CLI does that, and never overwrites an existing file.
"""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from generator import model
from generator.check.fieldref import field_description
from generator.check.load import load_bytes, load_file, resolve_plain
from generator.check.placeholders import PLACEHOLDER_DESCRIPTION, PLACEHOLDER_SUMMARY
from generator.check.shape import validate_shape
from generator.check.tree import LoadedFile
from generator.check.validate import schema_comment
from generator.errors import UserError
from generator.presentation import Labels
from generator.problems import Problem, suggest

_WIDTH = 92


class ScaffoldError(UserError):
    """An editor's choice that cannot work; the message is German, problems are optional."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()) -> None:
        super().__init__(message, problems=list(problems))


@dataclass(frozen=True)
class NewText:
    """What to write: `path` relative to the project, the full text, the new entity's id."""

    path: PurePosixPath
    text: str
    id: str


# --- choices ------------------------------------------------------------------------------------


def theme_choices(strategy: model.Strategy) -> list[tuple[str, str]]:
    return [(theme.id, theme.titel) for theme in strategy.leitthemen]


def field_choices(strategy: model.Strategy, theme_id: str) -> list[tuple[str, str]]:
    return [(f.id, f.titel) for f in find_theme(strategy, theme_id).handlungsfelder]


def actor_choices(strategy: model.Strategy) -> list[tuple[str, str]]:
    return [(actor.id, actor.name) for actor in strategy.akteure]


def default_responsible(strategy: model.Strategy) -> str:
    """The first unit of the administration in akteure.yml, else the first actor: the
    registry's order is the city's, so it puts its coordinating office first."""
    actors = strategy.akteure
    for candidates in ([a for a in actors if a.art == "verwaltung"], actors):
        if candidates:
            return candidates[0].id
    raise ScaffoldError("verzeichnisse/akteure.yml enthält keinen Akteur.")


def find_theme(strategy: model.Strategy, theme_id: str) -> model.Theme:
    for theme in strategy.leitthemen:
        if theme.id == theme_id:
            return theme
    known = [theme.id for theme in strategy.leitthemen]
    label = strategy.strategie.bezeichnungen.leitthema
    raise ScaffoldError(
        f"{_capital(label.der)} „{theme_id}“ gibt es nicht.{suggest(theme_id, known)} "
        f"Möglich: {', '.join(known)}."
    )


def next_measure_id(strategy: model.Strategy, theme: model.Theme, folder: Path) -> str:
    """The theme's abbreviation and one more than the highest number in use (data or files)."""
    pattern = re.compile(rf"^{re.escape(theme.kuerzel)}-([0-9]{{2,3}})$", re.IGNORECASE)
    used = [m.id for m in strategy.massnahmen]
    used += [path.stem for path in folder.glob("*.yml")] if folder.is_dir() else []
    numbers = [int(match.group(1)) for text in used if (match := pattern.match(text))]
    return f"{theme.kuerzel}-{max(numbers, default=0) + 1:02d}"


# --- YAML text ----------------------------------------------------------------------------------

_PLAIN_SAFE = re.compile(r"[^\W\d_][\w .,;()/+–—?!„“‚‘’'-]*")


def yaml_scalar(text: str) -> str:
    """A title as YAML: plain when that reads back unchanged, else double-quoted."""
    if _PLAIN_SAFE.fullmatch(text) and not text.endswith(" ") and resolve_plain(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: str, note: str = "") -> list[str]:
    body = f"{text} {note}".strip()
    return textwrap.wrap(
        body,
        _WIDTH - len(indent),
        initial_indent="# ",
        subsequent_indent="# ",
        break_on_hyphens=False,
        break_long_words=False,
    )


def _block(
    record: type[model.Record], name: str, lines: list[str], indent: str = "", *, optional: bool
) -> list[str]:
    """A field with its explanation above it; optional fields are commented out. Top-level
    fields are separated by a blank line."""
    note = "(optional)" if optional else "(Pflicht)"
    out = [""] if not indent else []
    out += [indent + line for line in _comment(field_description(record, name), indent, note)]
    for line in lines:
        out.append(f"{indent}# {line}" if optional else f"{indent}{line}")
    return out


def render_measure(
    strategy: model.Strategy,
    *,
    identifier: str,
    theme: model.Theme,
    field: model.FieldOfAction | None,
    title: str,
    responsible: str,
    today: date,
) -> str:
    """The text of a new measure file: every field present or commented out, explained."""
    m = model.Measure
    statuses = [status.id for status in strategy.strategie.status]
    status = "geplant" if "geplant" in statuses else statuses[0]
    example_actor = next((a.id for a in strategy.akteure if a.id != responsible), responsible)
    district = strategy.stadtteile[0].id if strategy.stadtteile else "stadtteil"
    criteria = [c.id for c in strategy.strategie.bewertung.kriterien]
    middle = (strategy.strategie.bewertung.minimum + strategy.strategie.bewertung.maximum) // 2
    stated = (field or theme).operative_ziele
    goals = [f"{goal.nummer}  # {' '.join(goal.text.split())}" for goal in stated]
    guideline = strategy.leitlinien[0].id if strategy.leitlinien else "leitlinie-1"
    theme_word = strategy.strategie.bezeichnungen.leitthema.der
    relative = PurePosixPath("massnahmen", theme.id, f"{identifier.lower()}.yml")
    related = next((x.id for x in strategy.massnahmen if x.leitthema == theme.id), identifier)

    def sub(record: type[model.Record], name: str, value: str, *, optional: bool) -> list[str]:
        return _block(record, name, [f"{name}:{value}"], "  ", optional=optional)

    text = [
        schema_comment(relative),
        "# Neue Maßnahme, angelegt mit „strategie neu massnahme“. Über jedem Feld steht, was",
        "# hineingehört. Platzhalter („… folgt.“) bitte ersetzen. Optionale Felder stehen mit",
        "# „# “ davor: zum Ausfüllen „# “ am Zeilenanfang löschen (Einrückung beibehalten).",
        "# Alle Felder erklärt: docs/feldreferenz.md (auch „Daten pflegen“ auf der Website).",
        *_block(m, "id", [f"id: {identifier}"], optional=False),
        *_block(m, "titel", [f"titel: {yaml_scalar(title)}"], optional=False),
        *_block(m, "kurzbeschreibung", ["kurzbeschreibung: >-", f"  {PLACEHOLDER_SUMMARY}"],
                optional=False),
        *_block(m, "beschreibung", ["beschreibung: |", f"  {PLACEHOLDER_DESCRIPTION}"],
                optional=False),
        *_block(m, "leitthema", [f"leitthema: {theme.id}"], optional=False),
        *(
            _block(m, "handlungsfeld", [f"handlungsfeld: {field.id}"], optional=False)
            if field
            else _block(m, "handlungsfeld", [f"handlungsfeld: ({theme_word} hat keine)"],
                        optional=True)
        ),
        *_block(m, "operative_ziele", ["operative_ziele:",
                *[f"  - {goal}" for goal in goals or ["1"]]], optional=True),
        *_block(m, "status", [f"status: {status}"], optional=False),
        *_block(m, "status_seit", [f"status_seit: {today.isoformat()}"], optional=False),
        *_block(m, "status_seit_genauigkeit", ["status_seit_genauigkeit: monat"], optional=True),
        *_block(m, "fortschritt", ["fortschritt: 0"], optional=True),
        *_block(m, "zeitraum", ["zeitraum:"], optional=False),
        *sub(model.TimeFrame, "beginn", f" {today.year}", optional=False),
        *sub(model.TimeFrame, "ende", f" {today.year + 2}", optional=True),
        *_block(m, "raumbezug", ["raumbezug:"], optional=False),
        *sub(model.SpatialReference, "ebene", " gesamtstadt", optional=False),
        *_block(model.SpatialReference, "stadtteile", ["stadtteile:", f"  - {district}"], "  ",
                optional=True),
        *_block(m, "verantwortlich", [f"verantwortlich: {responsible}"], optional=False),
        *_block(m, "partner", ["partner:", f"  - {example_actor}"], optional=True),
        *_block(m, "bewertung", ["bewertung:", "  quelle: nicht bewertet"], optional=False),
        *_comment(
            "Zum Bewerten die Zeile „quelle: nicht bewertet“ durch diese Angaben ersetzen:", ""
        ),
        "#   quelle: beispiel",
        f"#   stand: {today.isoformat()}",
        "#   werte:",
        *[f"#     {criterion}: {middle}" for criterion in criteria],
        *_block(m, "sdgs", ["sdgs:", "  - 11"], optional=True),
        *_block(m, "charta", ["charta:", f"  - {guideline}"], optional=True),
        *_block(m, "finanzierung", ["finanzierung:", "  - quelle: Haushalt der Stadt",
                "    programm: …", "    betrag_eur: 100000", f"    von: {today.year}",
                f"    bis: {today.year + 2}"], optional=True),
        *_block(m, "meilensteine", ["meilensteine:", "  - titel: …",
                f"    datum: {today.year + 1}-06-30", "    erreicht: false"], optional=True),
        *_block(m, "indikatoren", ["indikatoren:", "  - titel: …", "    einheit: Anzahl",
                "    basiswert: 0", f"    basisjahr: {today.year}", "    zielwert: 100",
                f"    zieljahr: {today.year + 3}"], optional=True),
        *_block(m, "beteiligung", ["beteiligung: >-", "  …"], optional=True),
        *_block(m, "wirkung", ["wirkung: >-", "  …"], optional=True),
        *_block(m, "verwandte_massnahmen", ["verwandte_massnahmen:", f"  - {related}"],
                optional=True),
        *_block(m, "links", ["links:", "  - titel: …", "    url: https://…"], optional=True),
        *_block(m, "quellen", ["quellen:", "  - titel: …", "    url: https://…",
                "    art: projektseite"], optional=True),
        *_block(m, "beispielmassnahme", ["beispielmassnahme: true"], optional=True),
        *_block(m, "aktualisiert", [f"aktualisiert: {today.isoformat()}"], optional=False),
    ]  # fmt: skip
    return "\n".join(text) + "\n"


def plan_measure(
    strategy: model.Strategy,
    strategy_dir: Path,
    *,
    theme_id: str,
    field_id: str | None,
    title: str,
    responsible: str | None,
    today: date,
) -> NewText:
    """The new measure's file; its shape is checked here, before anything is written."""
    theme = find_theme(strategy, theme_id)
    field = _find_field(theme, field_id, strategy.strategie.bezeichnungen)
    actors = [actor.id for actor in strategy.akteure]
    responsible = responsible or default_responsible(strategy)
    if responsible not in actors:
        raise ScaffoldError(
            f"Den Akteur „{responsible}“ gibt es nicht.{suggest(responsible, actors)} "
            "Die Kennungen stehen in strategy/verzeichnisse/akteure.yml."
        )
    identifier = next_measure_id(strategy, theme, strategy_dir / "massnahmen" / theme.id)
    text = render_measure(
        strategy,
        identifier=identifier,
        theme=theme,
        field=field,
        title=title,
        responsible=responsible,
        today=today,
    )
    path = PurePosixPath("strategy", "massnahmen", theme.id, f"{identifier.lower()}.yml")
    _check_shape(text, str(path), model.Measure, f"Maßnahme „{identifier}“")
    return NewText(path, text, identifier)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _find_field(
    theme: model.Theme, field_id: str | None, labels: Labels
) -> model.FieldOfAction | None:
    fields = {f.id: f for f in theme.handlungsfelder}
    theme_word, field_word = labels.leitthema, labels.handlungsfeld
    if not fields:
        if field_id:
            raise ScaffoldError(
                f"{_capital(theme_word.der)} „{theme.id}“ hat keine {field_word.mehrzahl}; "
                "lassen Sie --handlungsfeld weg."
            )
        return None
    if field_id is None:
        raise ScaffoldError(f"Geben Sie {field_word.einen} an. Möglich: {', '.join(fields)}.")
    if field_id not in fields:
        raise ScaffoldError(
            f"{_capital(field_word.der)} „{field_id}“ gibt es {theme_word.im} „{theme.id}“ nicht."
            f"{suggest(field_id, fields)} Möglich: {', '.join(fields)}."
        )
    return fields[field_id]


def _check_shape(text: str, display: str, record: type[model.Record], entity: str) -> None:
    loaded, problems = load_bytes(text.encode("utf-8"), display)
    if loaded is not None:
        _, problems = validate_shape(loaded, record, entity)
    if problems:
        raise ScaffoldError("Die Angaben ergeben keine gültige Datei:", problems)


# --- fields of action ---------------------------------------------------------------------------


def slug(title: str) -> str:
    """An id from a title: „Bürger & Beteiligung“ → „buerger-beteiligung“."""
    text = title.lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if not text[:1].isalpha():
        text = f"feld-{text}".rstrip("-")
    return text[:60].rstrip("-")


def plan_field_of_action(
    strategy: model.Strategy,
    strategy_dir: Path,
    *,
    theme_id: str,
    title: str,
    identifier: str | None,
) -> NewText:
    """The theme file with a new field of action appended to its list of fields."""
    theme = find_theme(strategy, theme_id)
    identifier = identifier or slug(title)
    taken = {f.id: t.id for t in strategy.leitthemen for f in t.handlungsfelder}
    theme_word = strategy.strategie.bezeichnungen.leitthema
    field_word = strategy.strategie.bezeichnungen.handlungsfeld
    if identifier in taken:
        raise ScaffoldError(
            f"Die Kennung „{identifier}“ hat schon {field_word.einen} {theme_word.im} "
            f"„{taken[identifier]}“. Wählen Sie mit --id eine andere."
        )
    direct = [m.id for m in strategy.massnahmen if m.leitthema == theme.id]
    if not theme.handlungsfelder and direct:
        raise ScaffoldError(
            f"{_capital(theme_word.der)} „{theme.id}“ hat keine {field_word.mehrzahl}; "
            f"{'ihre' if theme_word.genus == 'femininum' else 'seine'} {len(direct)} "
            f"Maßnahmen gehören direkt {theme_word.zu_dem}. Kämen {field_word.mehrzahl} hinzu, "
            f"müssten alle Maßnahmen {'einer' if field_word.genus == 'femininum' else 'einem'} "
            "davon zugeordnet werden – legen Sie sie deshalb von Hand an."
        )
    relative = PurePosixPath("leitthemen", f"{theme.id}.yml")
    source = strategy_dir / relative
    loaded, problems = load_file(source, f"strategy/{relative}")
    if loaded is None:
        raise ScaffoldError("Die Datei des Leitthemas lässt sich nicht lesen:", problems)
    old_text = source.read_text(encoding="utf-8")
    new_text = _append_field(old_text, loaded, identifier, title)
    display = f"strategy/{relative}"
    _check_shape(new_text, display, model.Theme, f"Leitthema „{theme.id}“")
    return NewText(PurePosixPath(display), new_text, identifier)


def _field_lines(identifier: str, title: str, indent: str) -> list[str]:
    f = model.FieldOfAction
    inner = indent + "  "
    return [
        f"{indent}- id: {identifier}",
        *[inner + line for line in _comment(field_description(f, "titel"), inner, "(Pflicht)")],
        f"{inner}titel: {yaml_scalar(title)}",
        *_block(f, "kurzbeschreibung", ["kurzbeschreibung: >-", f"  {PLACEHOLDER_SUMMARY}"],
                inner, optional=False),
        *_block(f, "beschreibung", ["beschreibung: |", "  …"], inner, optional=True),
        *_block(f, "operative_ziele", ["operative_ziele:", "  - nummer: 1", "    text: …"], inner,
                optional=True),
    ]  # fmt: skip


_EMPTY_LIST_KEY = re.compile(r"^handlungsfelder:\s*(\[\s*\])?\s*(#.*)?$")


def _append_field(text: str, loaded: LoadedFile, identifier: str, title: str) -> str:
    lines = text.splitlines()
    key = loaded.key_positions.get(("handlungsfelder",))
    data = loaded.data if isinstance(loaded.data, dict) else {}
    if key is None:
        return (
            "\n".join([*lines, "handlungsfelder:", *_field_lines(identifier, title, "  ")]) + "\n"
        )
    first = loaded.positions.get(("handlungsfelder", 0))
    if not data.get("handlungsfelder") or first is None:
        if not _EMPTY_LIST_KEY.match(lines[key.line - 1]):
            raise ScaffoldError(_BY_HAND)
        lines[key.line - 1] = "handlungsfelder:"
        lines[key.line : key.line] = _field_lines(identifier, title, "  ")
        return "\n".join(lines) + "\n"
    item_line = lines[first.line - 1]
    if first.line == key.line or not item_line.lstrip().startswith("-"):
        raise ScaffoldError(_BY_HAND)
    indent = item_line[: len(item_line) - len(item_line.lstrip(" "))]
    later = [p.line for path, p in loaded.key_positions.items() if len(path) == 1]
    end = min((line for line in later if line > key.line), default=len(lines) + 1) - 1
    while end > key.line and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    lines[end:end] = _field_lines(identifier, title, indent)
    return "\n".join(lines) + "\n"


_BY_HAND = (
    "Die Liste handlungsfelder ist in einer Form geschrieben, die sich nicht sicher "
    "ergänzen lässt (etwa in eckigen Klammern). Ergänzen Sie das Handlungsfeld von Hand."
)
