"""The allowed values of the data, as Markdown tables for the editors' guide (pure).

In: the validated `Strategy`. Out: tables of the ids that measures refer to – statuses,
Leitthemen with their Handlungsfelder, actors, districts, Charta guidelines, SDGs – generated
from the registries, so the guide lists exactly what the check accepts. CONTRIBUTING.md
carries them between two markers; `strategie feldreferenz` rewrites that part (and the field
reference in docs/feldreferenz.md), and a test fails when it is stale.
"""

from __future__ import annotations

import re

from generator.model import Strategy

START_MARKER = "<!-- werte:start -->"
END_MARKER = "<!-- werte:end -->"
_SECTION = re.compile(re.escape(START_MARKER) + r"\n.*?" + re.escape(END_MARKER), re.DOTALL)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_allowed_values(strategy: Strategy) -> str:
    """The tables, each under a level-3 heading, ending with a newline."""
    document = strategy.strategie
    theme_word, field_word = document.bezeichnungen.leitthema, document.bezeichnungen.handlungsfeld
    lines = [
        "<!-- Erzeugt aus strategy/ mit „strategie feldreferenz“; nicht von Hand ändern. -->",
        "",
        "### Status (`status`)",
        "",
        "| Kennung | Bezeichnung | Bedeutung |",
        "|---|---|---|",
    ]
    lines += [
        f"| `{s.id}` | {_cell(s.bezeichnung)} | {_cell(s.definition)} |" for s in document.status
    ]
    lines += [
        "",
        f"### {theme_word.mehrzahl} und {field_word.mehrzahl} (`handlungsfeld`, Ordner unter "
        "`massnahmen/`)",
        "",
        f"| {theme_word.einzahl} (Ordner) | Kürzel | {field_word.mehrzahl} |",
        "|---|---|---|",
    ]
    for theme in strategy.leitthemen:
        fields = ", ".join(f"`{field.id}`" for field in theme.handlungsfelder) or "–"
        lines.append(f"| `{theme.id}` ({_cell(theme.titel)}) | {theme.kuerzel} | {fields} |")
    lines += [
        "",
        "### Akteure (`verantwortlich`, `partner`)",
        "",
        "| Kennung | Name |",
        "|---|---|",
    ]
    lines += [f"| `{actor.id}` | {_cell(actor.name)} |" for actor in strategy.akteure]
    lines += [
        "",
        "### Weitere Verzeichnisse",
        "",
        "- **Stadtteile** (`raumbezug.stadtteile`): "
        + ", ".join(f"`{district.id}`" for district in strategy.stadtteile),
        "- **Charta-Leitlinien** (`charta`): "
        + ", ".join(f"`{guideline.id}`" for guideline in strategy.leitlinien),
        "- **SDGs** (`sdgs`): die Nummern "
        + _number_range([goal.nummer for goal in strategy.sdgs]),
        "",
    ]
    return "\n".join(lines)


def _number_range(numbers: list[int]) -> str:
    ordered = sorted(numbers)
    if ordered and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]} bis {ordered[-1]}"
    return ", ".join(str(number) for number in ordered)


def update_document(text: str, strategy: Strategy) -> str:
    """`text` with the section between the markers replaced; ValueError without markers."""
    if not _SECTION.search(text):
        raise ValueError("markers missing")
    replacement = f"{START_MARKER}\n{render_allowed_values(strategy)}{END_MARKER}"
    return _SECTION.sub(lambda _: replacement, text, count=1)
