"""The editors' page of the site: how the data is maintained, and the field reference.

In: the validated `Strategy` (for the repository address). Out: the `EditorsPage` view for
`mitmachen.md` (template `editors.md.j2`). The field reference itself is generated from the
models by check/fieldref.py, the same text that docs/feldreferenz.md carries, so the site and
the repository cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import quote

from generator import urls
from generator.model import Strategy
from generator.presentation import forge_file_address
from generator.views.pages import Page

#: What the page is generated from (its first line names them).
SOURCES = ("strategy/strategie.yml", "dem Datenmodell (generator/fieldref.py)")


@dataclass(frozen=True)
class EditorsPage(Page):
    template: ClassVar[str] = "editors.md.j2"
    #: The editors' guide (CONTRIBUTING.md) at the forge; None without a repository.
    guide: str | None
    #: The heading level of the field reference's sections (under the page's h2).
    reference_level: int = 3


def build_editors_page(strategy: Strategy) -> EditorsPage:
    """German page for editors: the workflow in brief and the full field reference."""
    repository = strategy.strategie.repository
    guide = None
    if repository is not None:
        guide = forge_file_address(
            repository.url,
            repository.plattform,
            "blob",
            quote(repository.branch, safe=""),
            "CONTRIBUTING.md",
        )
    return EditorsPage(path=urls.EDITORS, title="Daten pflegen", source_files=SOURCES, guide=guide)
