"""German messages about the settings that make the site the city's own.

Part of the message catalogue in problems.py (which merges this dictionary into MESSAGES):
code → (severity, "Fehler" or "Warnung", German template with named parameters). Kept apart
so that the catalogue's module stays small; the rules of problems.py apply (every code is
pinned by a case under tests/problems/).
"""

from __future__ import annotations

SITE_MESSAGES: dict[str, tuple[str, str]] = {
    # --- strategie build/serve --engine (site/engines.py) ---
    "engine_missing": (
        "Fehler",
        "Die Engine „{engine}“ ist in dieser Python-Umgebung nicht installiert. Installieren "
        "Sie sie mit „pip install -e '.[{extra}]'“ (die geprüften Versionen aller Engines "
        "installiert „pip install -r requirements.lock“, wie scripts/setup.sh) oder bauen Sie "
        "ohne --engine mit MkDocs.",
    ),
    # --- erscheinungsbild in strategie.yml (check/appearance.py) ---
    "colour_contrast": (
        "Fehler",
        "{field}: Die Farbe {value} steht {usage} und erreicht dort nur ein Kontrastverhältnis "
        "von {ratio}:1; für Text sind mindestens 4,5:1 nötig (WCAG 2.1, Kriterium 1.4.3). "
        "Wählen Sie einen dunkleren Farbton.",
    ),
    "logo_missing": (
        "Fehler",
        "erscheinungsbild.logo: Die Datei {path} gibt es nicht (oder sie ist keine gewöhnliche "
        "Datei). Legen Sie das Logo als SVG-Datei in den Ordner {folder} oder löschen Sie die "
        "Zeile; dann zeigt die Website ein neutrales Logo.",
    ),
    "logo_unreadable": (
        "Fehler",
        "Das Logo ist keine lesbare SVG-Datei ({found}). Speichern Sie es in Ihrem "
        "Grafikprogramm erneut als SVG (UTF-8).",
    ),
    "logo_unsafe": (
        "Fehler",
        "Das Logo enthält {found}. Aus Sicherheitsgründen nimmt die Website kein SVG mit "
        "Skripten, Ereignis-Attributen (wie onload), foreignObject, eingebettetem HTML oder "
        "Verweisen auf andere Dateien und Adressen an. Entfernen Sie diesen Teil (etwa beim "
        "Speichern als „Optimiertes SVG“) und prüfen Sie erneut.",
    ),
    # --- optional registries (validate.py) ---
    "registry_absent": (
        "Fehler",
        "{field}: Die Maßnahme verweist auf {values}, aber die Strategie hat kein Verzeichnis "
        "{path}. Legen Sie das Verzeichnis an oder löschen Sie die Angaben unter {field}.",
    ),
    "licence_mismatch": (
        "Fehler",
        "lizenz.url: Die Adresse {url} ist nicht der Text der Lizenz {id}; die Website nennt "
        "beides, die Angaben widersprächen sich. Tragen Sie {expected} ein oder die Kennung der "
        "Lizenz, die unter {url} steht.",
    ),
}
