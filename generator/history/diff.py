"""Semantic diff of two strategies: what changed, in the words of the data.

In: two validated `Strategy` values (old, new). Out: a `StrategyDiff` — measures added,
removed and changed field by field; themes, fields of action, registries and the strategy
document the same way. Pure: no I/O and no git (revisions.py reads revisions); the German
text for the terminal and the Markdown for a pull-request comment are in diff_format.py.

Entities are matched by id, so a renamed measure is a change of its title, not a removal.
Every field is compared generically, so a field added to the model later shows up without
changes here. Values are shown as readers know them: a status by its name („in Umsetzung“),
actors and districts by name, progress in percent, dates as 25.06.2020; long texts only as
„geändert“ (the file diff shows the wording).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator import model
from generator.check.field_labels import field_label
from generator.wording import format_date_numeric, format_euro, format_float

# --- Result types -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueChange:
    """A value that was set (old None), changed, or removed (new None); shown as text."""

    field: str
    label: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ItemsChange:
    """Entries added to or removed from a list (order-insensitive)."""

    field: str
    label: str
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True)
class TextChange:
    """A long text whose wording changed, or a list whose order alone changed."""

    field: str
    label: str
    what: str = "geändert"


Change = ValueChange | ItemsChange | TextChange


@dataclass(frozen=True)
class Entity:
    """An entity that exists on one side only."""

    id: str
    title: str


@dataclass(frozen=True)
class EntityChanges:
    """The changes of an entity that exists on both sides; `title` is the new title and
    `old_title` the previous one when it was renamed (its change is in `changes` too)."""

    id: str
    title: str
    changes: tuple[Change, ...]
    old_title: str | None = None


@dataclass(frozen=True)
class CollectionDiff:
    """Added, removed and changed entities of one kind; `name` is the German plural."""

    name: str
    added: tuple[Entity, ...] = ()
    removed: tuple[Entity, ...] = ()
    changed: tuple[EntityChanges, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True)
class StrategyDiff:
    measures: CollectionDiff
    themes: CollectionDiff
    fields_of_action: CollectionDiff
    #: Akteure, Stadtteile, SDGs, Charta-Leitlinien.
    registries: tuple[CollectionDiff, ...]
    #: Changes in strategie.yml.
    document: tuple[Change, ...]

    @property
    def empty(self) -> bool:
        parts = (self.measures, self.themes, self.fields_of_action, *self.registries)
        return all(part.empty for part in parts) and not self.document


# --- German labels ----------------------------------------------------------------------------

#: A single entry of a list of records, for labels like „Meilenstein „Konzept“ Datum“.
_SINGULAR = {
    "meilensteine": "Meilenstein",
    "indikatoren": "Indikator",
    "links": "Link",
    "quellen": "Quelle",
    "visionen": "Vision",
    "prinzipien": "Prinzip",
    "fortschreibungen": "Fortschreibung",
    "status": "Status",
    "kriterien": "Kriterium",
    "stufen": "Stufe",
    "handlungsfelder": "Handlungsfeld",
}
#: Nested keys whose label is enough without the parent's („Beginn“, not „Zeitraum Beginn“).
_STANDALONE = {"zeitraum", "raumbezug"}
#: Long texts: a change is reported without the wording.
_LONG_TEXTS = {
    "kurzbeschreibung",
    "beschreibung",
    "beteiligung",
    "wirkung",
    "hinweis",
    "erlaeuterung",
    "definition",
    "frage",
    "beschluss",
    "zusammenfassung",
    "namensnennung",
    "grund",
}
#: Text values shown in quotes (names and titles), the rest (ids, words) as they are.
_QUOTED = {"titel", "untertitel", "name", "kurzname", "bezeichnung", "motto", "programm"}
_LEVELS = {"quartier": "Quartier", "stadtteil": "Stadtteil", "gesamtstadt": "Gesamtstadt"}
_SHORT = 70  # characters of a long text shown when it is added or removed


def quoted(text: str, limit: int = _SHORT) -> str:
    """„text“ on one line; longer than limit, cut at a word boundary and ended with „…“."""
    return f"„{shortened(' '.join(text.split()), limit)}“"


def shortened(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its words that fit followed by „…“ (a
    single overlong word is cut, as nothing else fits)."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " " and " " in head:
        head = head[: head.rindex(" ")]
    return head.rstrip(" ,;:–-") + "…"


class _Names:
    """How ids are shown: names from both strategies, the new one taking precedence."""

    def __init__(self, old: model.Strategy, new: model.Strategy) -> None:
        self.names: dict[str, dict[str, str]] = {}
        for strategy in (old, new):
            self._add("status", ((s.id, s.bezeichnung) for s in strategy.strategie.status))
            self._add("akteure", ((a.id, a.name) for a in strategy.akteure))
            self._add("stadtteile", ((d.id, d.name) for d in strategy.stadtteile))
            self._add("leitthema", ((t.id, t.titel) for t in strategy.leitthemen))
            fields = (f for t in strategy.leitthemen for f in t.handlungsfelder)
            self._add("handlungsfeld", ((f.id, f.titel) for f in fields))
            self._add("charta", ((g.id, g.titel) for g in strategy.leitlinien))
            criteria = strategy.strategie.bewertung.kriterien
            self._add("kriterien", ((c.id, c.bezeichnung) for c in criteria))
        labels = new.strategie.bezeichnungen  # the levels as the city names them now
        self.level_words = {
            "leitthema": labels.leitthema.einzahl,
            "leitthemen": labels.leitthema.mehrzahl,
            "handlungsfeld": labels.handlungsfeld.einzahl,
            "handlungsfelder": labels.handlungsfeld.mehrzahl,
        }

    def label(self, key: str) -> str:
        """The German label of a key; the levels in the city's own words."""
        return self.level_words.get(key) or _label(key)

    def _add(self, kind: str, pairs: Iterable[tuple[str, str]]) -> None:
        self.names.setdefault(kind, {}).update(pairs)

    def of(self, kind: str, identifier: str) -> str:
        return self.names.get(kind, {}).get(identifier, identifier)


# --- Generic comparison -----------------------------------------------------------------------

#: Keys that identify an entry in a list of records, in order of preference.
_RECORD_KEYS = ("id", "nummer", "wert", "titel", "quelle", "url")


def _record_key(record: dict[str, Any]) -> str | None:
    for key in _RECORD_KEYS:
        if record.get(key) is not None:
            return str(record[key])
    return None


class _Comparer:
    def __init__(self, names: _Names) -> None:
        self.names = names
        self.changes: list[Change] = []

    def compare(self, path: tuple[str, ...], old: Any, new: Any) -> None:
        if old == new:
            return
        if isinstance(old, dict | None) and isinstance(new, dict | None):
            old_map, new_map = old or {}, new or {}
            for key in dict.fromkeys([*old_map, *new_map]):
                self.compare((*path, key), old_map.get(key), new_map.get(key))
        elif isinstance(old, list | None) and isinstance(new, list | None):
            self._compare_lists(path, old or [], new or [])
        else:
            self._compare_values(path, old, new)

    def _compare_values(self, path: tuple[str, ...], old: Any, new: Any) -> None:
        field, label = _field(path), self.label(path)
        if _is_long(path[-1], old) and _is_long(path[-1], new):
            self.changes.append(TextChange(field, label))
            return
        shown_old = None if old is None else self.show(path, old)
        shown_new = None if new is None else self.show(path, new)
        self.changes.append(ValueChange(field, label, shown_old, shown_new))

    def _compare_lists(self, path: tuple[str, ...], old: list[Any], new: list[Any]) -> None:
        if all(isinstance(entry, dict) for entry in (*old, *new)):
            old_keys = [_record_key(entry) for entry in old]
            new_keys = [_record_key(entry) for entry in new]
            if _unique(old_keys) and _unique(new_keys):
                self._compare_records(
                    path,
                    dict(zip(old_keys, old, strict=True)),
                    dict(zip(new_keys, new, strict=True)),
                )
                return
        shown_old = [self.show(path, entry) for entry in old]
        shown_new = [self.show(path, entry) for entry in new]
        added = tuple((Counter(shown_new) - Counter(shown_old)).elements())
        removed = tuple((Counter(shown_old) - Counter(shown_new)).elements())
        if added or removed:
            self.changes.append(ItemsChange(_field(path), self.label(path), added, removed))
        elif shown_old != shown_new:
            self.changes.append(TextChange(_field(path), self.label(path), "Reihenfolge geändert"))

    def _compare_records(
        self, path: tuple[str, ...], old: dict[Any, Any], new: dict[Any, Any]
    ) -> None:
        added = tuple(self.show(path, new[key]) for key in new if key not in old)
        removed = tuple(self.show(path, old[key]) for key in old if key not in new)
        if added or removed:
            self.changes.append(ItemsChange(_field(path), self.label(path), added, removed))
        common = [key for key in new if key in old]
        for key in common:
            self.compare((*path, f"[{key}]"), old[key], new[key])
        if not added and not removed and common != [key for key in old if key in new]:
            self.changes.append(TextChange(_field(path), self.label(path), "Reihenfolge geändert"))

    def label(self, path: tuple[str, ...]) -> str:
        """„Bewertung Dringlichkeit“, „Meilenstein „Konzept“ Datum“, „Beginn“."""
        if len(path) == 3 and path[:2] == ("bewertung", "werte"):
            return f"Bewertung {self.names.of('kriterien', path[2])}"
        words: list[str] = []
        for index, segment in enumerate(path):
            if segment.startswith("["):
                parent = path[index - 1]
                if parent == "handlungsfelder":  # an entry of a theme's list
                    words[-1] = self.names.level_words["handlungsfeld"]
                else:
                    words[-1] = _SINGULAR.get(parent, self.names.label(parent))
                words.append(self._item_name(path[: index + 1]))
            elif segment not in _STANDALONE or index == len(path) - 1:
                words.append(self.names.label(segment))
        return " ".join(word for word in words if word)

    def _item_name(self, path: tuple[str, ...]) -> str:
        key = path[-1][1:-1]
        return key if path[-2] in ("fortschreibungen", "stufen") else quoted(key)

    def show(self, path: tuple[str, ...], value: Any) -> str:
        """A value as a reader knows it (names for ids, German numbers and dates)."""
        key = next(segment for segment in reversed(path) if not segment.startswith("["))
        if isinstance(value, dict):
            return _record_title(value)
        if isinstance(value, bool):
            if key == "erreicht":
                return "erreicht" if value else "nicht erreicht"
            return "ja" if value else "nein"
        if isinstance(value, date):
            return format_date_numeric(value)
        if isinstance(value, int | float):
            return _number(key, value)
        text = self._named(path, key, str(value))
        if (
            key in _QUOTED
            or _is_long(key, text)
            or key in ("operative_ziele", "strategische_ziele")
        ):
            return quoted(text)
        return text

    def _named(self, path: tuple[str, ...], key: str, text: str) -> str:
        if key == "status" and len(path) == 1:
            return self.names.of("status", text)
        if key in ("verantwortlich", "partner"):
            return self.names.of("akteure", text)
        if key in ("stadtteile", "leitthema", "handlungsfeld", "charta"):
            return self.names.of(key, text)
        if key == "ebene":
            return _LEVELS.get(text, text)
        return text


def _number(key: str, value: float) -> str:
    if key == "fortschritt":
        return f"{value} %"
    if key == "sdgs":
        return f"SDG {value}"
    if key == "betrag_eur":
        return format_euro(value)
    return format_float(value) if isinstance(value, float) else str(value)


def _record_title(record: dict[str, Any]) -> str:
    for key in ("titel", "name", "bezeichnung", "quelle", "text"):
        if isinstance(record.get(key), str):
            title = quoted(record[key])
            return f"{record['wert']} {title}" if "wert" in record else title
    return ", ".join(f"{key}: {value}" for key, value in record.items() if value is not None)


def _label(key: str) -> str:
    return field_label(key)


def _is_long(key: str, value: Any) -> bool:
    return isinstance(value, str) and (key in _LONG_TEXTS or len(value) > _SHORT)


def _unique(keys: Sequence[str | None]) -> bool:
    return None not in keys and len(set(keys)) == len(keys)


def _field(path: tuple[str, ...]) -> str:
    return ".".join(path).replace(".[", "[")


Entries = dict[str, tuple[str, dict[str, Any]]]


def _entries(entities: Iterable[model.Record], title: str = "titel") -> Entries:
    """{id: (title, data)} of a list of entities (SDGs are identified by their number)."""
    found: Entries = {}
    for entity in entities:
        data = entity.model_dump()
        found[str(data.get("id") or data["nummer"])] = (str(data[title]), data)
    return found


def _collection(names: _Names, name: str, old: Entries, new: Entries) -> CollectionDiff:
    """Match entities by id; report those on one side only and the changes of the others."""
    changed = []
    for identifier, (title, data) in new.items():
        if identifier in old:
            old_title, old_data = old[identifier]
            comparer = _Comparer(names)
            comparer.compare((), old_data, data)
            if comparer.changes:
                renamed = old_title if old_title != title else None
                changed.append(EntityChanges(identifier, title, tuple(comparer.changes), renamed))
    return CollectionDiff(
        name,
        added=tuple(Entity(i, title) for i, (title, _) in new.items() if i not in old),
        removed=tuple(Entity(i, title) for i, (title, _) in old.items() if i not in new),
        changed=tuple(changed),
    )


def _themes(strategy: model.Strategy) -> Entries:
    entries = _entries(strategy.leitthemen)
    for _, data in entries.values():
        del data["handlungsfelder"]  # compared on their own, across themes
    return entries


def _fields_of_action(strategy: model.Strategy) -> Entries:
    """Fields of action with their theme, so that moving one to another theme is a change."""
    return {
        field.id: (field.titel, {**field.model_dump(), "leitthema": theme.id})
        for theme in strategy.leitthemen
        for field in theme.handlungsfelder
    }


def diff_strategies(old: model.Strategy, new: model.Strategy) -> StrategyDiff:
    """Everything that differs between two strategies, matched by id, in data order."""
    names = _Names(old, new)
    labels = new.strategie.bezeichnungen  # the levels as the city names them now
    document = _Comparer(names)
    document.compare((), old.strategie.model_dump(), new.strategie.model_dump())
    return StrategyDiff(
        measures=_collection(
            names, "Maßnahmen", _entries(old.massnahmen), _entries(new.massnahmen)
        ),
        themes=_collection(names, labels.leitthema.mehrzahl, _themes(old), _themes(new)),
        fields_of_action=_collection(
            names, labels.handlungsfeld.mehrzahl, _fields_of_action(old), _fields_of_action(new)
        ),
        registries=(
            _collection(
                names, "Akteure", _entries(old.akteure, "name"), _entries(new.akteure, "name")
            ),
            _collection(
                names,
                "Stadtteile",
                _entries(old.stadtteile, "name"),
                _entries(new.stadtteile, "name"),
            ),
            _collection(names, "SDGs", _entries(old.sdgs), _entries(new.sdgs)),
            _collection(
                names, "Charta-Leitlinien", _entries(old.leitlinien), _entries(new.leitlinien)
            ),
        ),
        document=tuple(document.changes),
    )
