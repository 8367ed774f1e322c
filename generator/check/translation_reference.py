"""The field reference of the translation files and of `sprachen` (docs/feldreferenz.md).

In: the translation models. Out: Markdown between its own two markers in
docs/feldreferenz.md, renewed by `strategie feldreferenz` (the site's „Daten pflegen“ page
shows only the German files' reference, so a German-only site stays as it was).
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from generator import translation_model as tm
from generator.check.translation_schemas import SPRACHEN_DESCRIPTION, describe_field
from generator.check.translations import KINDS
from generator.translation_walk import entry_key, field_shape

START_MARKER = "<!-- uebersetzungen:start -->"
END_MARKER = "<!-- uebersetzungen:end -->"

_WHERE = {
    "strategie": ("Strategie", "strategie.yml"),
    "leitthema": ("Leitthema", "leitthemen/<kennung>.yml"),
    "massnahme": ("Maßnahme", "massnahmen/<leitthema>/<kennung>.yml"),
    "akteure": ("Akteure", "verzeichnisse/akteure.yml"),
    "sdgs": ("SDGs", "verzeichnisse/sdgs.yml"),
    "charta": ("Charta-Leitlinien", "verzeichnisse/charta.yml"),
}


def _kind(record: type[BaseModel], name: str) -> str:
    shape, inner = field_shape(record, name)
    if name in tm.IDENTITY_KEYS:
        return "Kennung (wie im Deutschen)" if name != "stand" else "Datum"
    if shape == "entries":
        key = entry_key(inner)
        fields = ", ".join(f"`{n}`" for n in inner.model_fields)
        how = (
            f"zugeordnet über `{key}`" if key else "nach Reihenfolge, gleich lang wie im Deutschen"
        )
        return f"Liste von Einträgen ({fields}); {how}"
    if shape == "entry":
        return "Abschnitt (" + ", ".join(f"`{n}`" for n in inner.model_fields) + ")"
    if shape == "texts":
        return "Liste von Texten, nach Reihenfolge, gleich lang wie im Deutschen"
    metadata = str(record.model_fields[name].annotation)
    return "Markdown-Text" if "_reject_rich_markup" in metadata else "Text"


def render_translation_reference() -> str:
    """The reference of the translation files as Markdown (level-3 headings)."""
    lines = [
        "<!-- Erzeugt aus generator/translation_model.py mit „strategie feldreferenz“; nicht "
        "von Hand ändern. -->",
        "",
        "### Sprachen: `sprachen` in `strategy/strategie.yml`",
        "",
        SPRACHEN_DESCRIPTION,
        "",
        "| Feld | Pflicht | Bedeutung |",
        "|---|---|---|",
        "| `weitere` | ja | Sprachen außer Deutsch, als Codes nach ISO 639-1 (`en`, `fr`, …); "
        "`de` ist nicht erlaubt. |",
        "| `vollstaendig` | nein | Sprachen aus `weitere`, deren Übersetzung vollständig sein "
        "soll: fehlende und möglicherweise veraltete Übersetzungen sind dann Warnungen (mit "
        "`--strict` Fehler), sonst Hinweise. |",
    ]
    for kind, (model_class, _) in KINDS.items():
        title, where = _WHERE[kind]
        lines += [
            "",
            f"### Übersetzung {title}: `strategy/uebersetzungen/<sprache>/{where}`",
            "",
            "| Feld | Art | Bedeutung |",
            "|---|---|---|",
        ]
        for name in model_class.model_fields:
            cells = [f"`{name}`", _kind(model_class, name), describe_field(model_class, name)]
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


_SECTION = re.compile(re.escape(START_MARKER) + r"\n.*?" + re.escape(END_MARKER), re.DOTALL)


def update_document(text: str) -> str:
    """The document with the part between the markers replaced by the current reference;
    a document without these markers (written before translations existed) stays as it is."""
    if not _SECTION.search(text):
        return text
    replacement = f"{START_MARKER}\n{render_translation_reference()}{END_MARKER}"
    return _SECTION.sub(lambda _: replacement, text, count=1)
