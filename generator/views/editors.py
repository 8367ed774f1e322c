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
from generator.presentation import forge_file_address, forge_kind
from generator.views.pages import Page

#: What the page is generated from (its first line names them).
SOURCES = ("strategy/strategie.yml", "dem Datenmodell (generator/fieldref.py)")


@dataclass(frozen=True)
class EditorsPage(Page):
    template: ClassVar[str] = "editors.md.j2"
    #: The editors' guide (CONTRIBUTING.md) at the forge; None without a repository.
    guide: str | None
    #: The registries the project has, in the order the sentence names them.
    registries: tuple[str, ...]
    #: The path of the project's first measure file, as the example of the workflow.
    example_file: str
    #: „Merge Request“ on GitLab, „Pull Request“ elsewhere.
    request_term: str
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
    registries = ["Akteure", "Stadtteile"]
    registries += ["SDGs"] if strategy.sdgs else []
    registries += ["Charta-Leitlinien"] if strategy.leitlinien else []
    example = next(iter(strategy.dateien.values()), "strategy/massnahmen/thema/abc-01.yml")
    gitlab = repository is not None and forge_kind(repository.url, repository.plattform) == "gitlab"
    return EditorsPage(
        path=urls.EDITORS,
        title="Daten pflegen",
        source_files=SOURCES,
        guide=guide,
        registries=tuple(registries),
        example_file=example,
        request_term="Merge Request" if gitlab else "Pull Request",
    )
