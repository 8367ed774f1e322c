"""Every page comes from a template through the escaping check; the Daten page takes each
field's meaning from the field reference."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from render_fixtures import load_case

from generator import urls
from generator.check.field_texts import DESCRIPTIONS
from generator.check.fieldref import field_table_cell
from generator.model import Measure, Strategy
from generator.render.engine import collect_pages, render_data_page, render_site
from generator.views.site import SiteIndex


@pytest.fixture(scope="module")
def minimal() -> Strategy:
    return load_case("minimal")


def test_every_page_is_a_template_view(minimal: Strategy) -> None:
    """The rendered pages are exactly the views collect_pages returns, Daten and editors too."""
    views = {page.path for page in collect_pages(SiteIndex(minimal))}
    assert set(render_site(minimal).pages) == views
    assert {urls.DATA, urls.EDITORS} <= views
    assert all(isinstance(path, PurePosixPath) for path in views)


def test_data_page_field_meanings_are_the_field_references(minimal: Strategy) -> None:
    """Each Maßnahme field on the Daten page carries the field reference's description, but
    the three that name the levels: they use the city's labels (default: Leitthema)."""
    page = render_data_page(minimal)
    level_fields = {"leitthema", "handlungsfeld", "operative_ziele"}
    for name, description in DESCRIPTIONS[Measure].items():
        if name not in level_fields:
            assert f"| `{name}` | {field_table_cell(description)} |" in page
    assert "| `leitthema` | Kennung des Leitthemas; muss der Ordner sein" in page
    assert "| `handlungsfeld` | Kennung des Handlungsfelds; leer bei Leitthemen ohne" in page


def test_editors_page_carries_the_field_reference(minimal: Strategy) -> None:
    """The editors' page shows the field reference, with its sections under the page's h2."""
    page = render_site(minimal).pages[urls.EDITORS]
    assert page.startswith("<!-- Erzeugt aus strategy/strategie.yml und dem Datenmodell")
    assert "\n## Feldreferenz\n" in page
    assert "\n### Maßnahme: `strategy/massnahmen/<leitthema>/<kennung>.yml`\n" in page
    assert "\n#### Zeitraum\n" in page
