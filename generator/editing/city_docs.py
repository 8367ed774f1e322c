"""README.md and CONTRIBUTING.md of a new city, made from the project it starts from (pure).

In: the texts of the source project's README and CONTRIBUTING, the source's measure ids (its
examples), and the new city's validated strategy. Out: the same guides with the new city's
name and title at the top, the source's example measures replaced by the new city's first
measure, the bundled site's screenshots left out, and the tables of allowed values in
CONTRIBUTING made from the new data. The rest — how the software works — stays as it is, so
the new project's own tests (every command documented in the README) keep passing.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from generator import model
from generator.check import allowed_values

README = PurePosixPath("README.md")
CONTRIBUTING = PurePosixPath("CONTRIBUTING.md")
#: The guides `strategie init` writes instead of copying.
CITY_DOCS = frozenset({README, CONTRIBUTING})

#: The opening of the source's README: its title, a code block of commands, its introduction
#: and screenshots, up to the first section („## …“).
_README_OPENING = re.compile(r"\A# [^\n]*\n(?P<body>.*?)(?=^## )", re.S | re.M)
_CODE_BLOCK = re.compile(r"^```.*?^```\n", re.S | re.M)


def city_docs(
    texts: dict[PurePosixPath, str], source_ids: Iterable[str], strategy: model.Strategy
) -> dict[PurePosixPath, str]:
    """The new city's README and CONTRIBUTING from the source's (those that exist)."""
    first = strategy.massnahmen[0] if strategy.massnahmen else None
    written: dict[PurePosixPath, str] = {}
    for path, text in texts.items():
        if first is not None:
            text = own_examples(text, source_ids, first.id, strategy.dateien[first.id])
        if path == README:
            text = _readme_opening(text, strategy.strategie)
        elif path == CONTRIBUTING:
            with contextlib.suppress(ValueError):  # without the markers: the text stays
                text = allowed_values.update_document(text, strategy)
        written[path] = text
    return written


def own_examples(text: str, source_ids: Iterable[str], measure_id: str, measure_file: str) -> str:
    """`text` with every example of the source's measures („VER-03“, its file
    strategy/massnahmen/verwaltung/ver-03.yml, a branch „ver-03-…“) replaced by the new city's
    measure and its file."""
    ids = sorted(set(source_ids), key=len, reverse=True)
    if not ids:
        return text
    alternatives = "|".join(re.escape(i) for i in ids)
    lower = "|".join(re.escape(i.lower()) for i in ids)
    text = re.sub(rf"strategy/massnahmen/[a-z0-9-]+/(?:{lower})\.yml", measure_file, text)
    text = re.sub(rf"\b(?:{alternatives})\b", measure_id, text)
    return re.sub(rf"\b(?:{lower})\b", measure_id.lower(), text)


def _readme_opening(text: str, document: model.StrategyDocument) -> str:
    """The README's title and introduction for the new city; the commands stay."""
    found = _README_OPENING.match(text)
    if found is None:
        return text
    commands = _CODE_BLOCK.search(found.group("body"))
    opening = [
        f"# Strategie als Daten – {document.titel}",
        "",
        *([commands.group(0)] if commands else []),
        "",
        f"Die Stadt {document.stadt.name} pflegt ihre Strategie „{document.untertitel}“ als "
        "YAML-Dateien in Git (Ordner `strategy/`); daraus entsteht eine barrierearme, "
        "durchsuchbare, versionierte Website, die auch offline funktioniert. Angelegt mit "
        "`strategie init`; die Schritte bis zur ersten Veröffentlichung stehen in "
        "`docs/neue-stadt-einrichten.md`.",
        "",
        "Bilder der eigenen Website für diese Datei nimmt `bash scripts/readme-bilder.sh` aus "
        "einem frischen Bau auf (braucht Chromium); die Bilder in `docs/bilder/` stammen bis "
        "dahin aus dem Projekt, von dem aus die Stadt gestartet ist.",
        "",
        "",
    ]
    return "\n".join(opening).replace("\n\n\n", "\n\n") + text[found.end() :]
