"""The editors' page of the site: how the data is maintained, and the field reference.

In: the validated `Strategy` (for the repository address). Out: the Markdown of
`mitmachen.md`. The field reference itself is generated from the models by fieldref.py, the
same text that docs/feldreferenz.md carries, so the site and the repository cannot drift apart.
"""

from __future__ import annotations

from urllib.parse import quote

from generator import escape
from generator.check.fieldref import render_field_reference
from generator.model import Strategy
from generator.presentation import forge_file_address, forge_kind


def render_editor_page(strategy: Strategy) -> str:
    """German page for editors: the workflow in brief and the full field reference."""
    repository = strategy.strategie.repository
    theme = escape.markdown_text(strategy.strategie.bezeichnungen.leitthema.einzahl)
    registries = ["Akteure", "Stadtteile"]
    registries += ["SDGs"] if strategy.sdgs else []
    registries += ["Charta-Leitlinien"] if strategy.leitlinien else []
    example = next(iter(strategy.dateien.values()), "strategy/massnahmen/<leitthema>/abc-01.yml")
    gitlab = repository is not None and forge_kind(repository.url, repository.plattform) == "gitlab"
    request = "Merge Request" if gitlab else "Pull Request"
    lines = [
        "<!-- Erzeugt aus strategy/strategie.yml und dem Datenmodell (generator/fieldref.py) "
        "– bitte dort ändern. -->",
        "# Daten pflegen",
        "",
        "Alle Inhalte dieser Website stehen als Textdateien (YAML) im Ordner `strategy/` des "
        f"Projekts: eine Datei je Maßnahme, eine je {theme}, "
        f"dazu die Verzeichnisse der {', '.join(registries[:-1])} und {registries[-1]}. Wer eine "
        "Maßnahme ändern will, ändert ihre Datei; die Website entsteht daraus neu.",
        "",
        "So läuft eine Änderung ab:",
        "",
        f"1. Datei der Maßnahme öffnen – sie heißt wie die Kennung, zum Beispiel `{example}`.",
        "2. Werte ändern, zum Beispiel Status, Fortschritt oder das Datum „aktualisiert“.",
        f"3. Die Änderung als Vorschlag ({request}) einreichen. Die automatische Prüfung "
        "meldet jedes Problem mit Datei, Zeile und einem Hinweis zur Behebung.",
        "4. Die koordinierende Stelle prüft den Vorschlag und übernimmt ihn.",
        "",
    ]
    if repository is not None:
        guide = forge_file_address(
            repository.url,
            repository.plattform,
            "blob",
            quote(repository.branch, safe=""),
            "CONTRIBUTING.md",
        )
        lines += [
            "Die ausführliche Anleitung Schritt für Schritt steht im "
            f"[Leitfaden für Redakteurinnen und Redakteure]({escape.markdown_url(guide)}).",
            "",
        ]
    lines += [
        "## Feldreferenz",
        "",
        "Welche Felder es gibt, welche Pflicht sind und welche Werte erlaubt sind:",
        "",
        render_field_reference(level=3).split("\n", 1)[1].lstrip("\n"),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
