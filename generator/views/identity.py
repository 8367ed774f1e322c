"""The site's identity from strategie.yml: name, description, licence line, colours, logo.

In: a validated `Strategy`. Out: `SiteIdentity` — the settings the engine needs (for MkDocs:
site_name, site_description, copyright, theme.logo and theme.favicon, one stylesheet) and
the two files written beside the pages: the stylesheet with the city's colours and the logo.
The MkDocs hook (site/mkdocs_hook.py) sets them; mkdocs.base.yml holds no city setting.

MkDocs and Material insert site_name, site_description and copyright into pages without
escaping, some into attributes (`aria-label="{{ config.site_name }}"`), so each value is
made safe for both here: "<", ">", '"' and an "&" that could start a reference are written
as references; plain text from the data holds no markup anyway (values.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from generator import escape
from generator.model import Strategy

#: Where the generated stylesheet and the logo go, relative to the docs folder (and the site).
STYLESHEET = PurePosixPath("assets/erscheinungsbild.css")
LOGO = PurePosixPath("assets/logo.svg")

#: The neutral logo used when strategie.yml names none: a simple city silhouette, drawn in
#: white for the coloured header bar.
DEFAULT_LOGO = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">
  <g fill="#ffffff">
    <rect x="2" y="11" width="6" height="11"/>
    <rect x="9" y="4" width="6" height="18"/>
    <rect x="16" y="8" width="6" height="14"/>
  </g>
</svg>
"""


@dataclass(frozen=True)
class SiteIdentity:
    """What names and marks the site, as the engine's settings and two files."""

    #: The strategy's title: <title>, header, logo label.
    name: str
    #: The meta description.
    description: str
    #: The footer line: publisher, title and the licence of the content and data.
    licence_line: str
    #: Stylesheet text with the city's colours (STYLESHEET).
    stylesheet: str
    #: SVG text of the logo (LOGO): the city's, checked, or the neutral default.
    logo: str

    def engine_settings(self) -> dict[str, Any]:
        """The MkDocs settings (safe to insert unescaped) that the hook applies."""
        return {
            "site_name": config_text(self.name),
            "site_description": config_text(self.description),
            "copyright": config_text(self.licence_line),
            "logo": str(LOGO),
            "stylesheet": str(STYLESHEET),
        }

    def files(self) -> dict[PurePosixPath, str]:
        return {STYLESHEET: self.stylesheet, LOGO: self.logo}


def build_identity(strategy: Strategy) -> SiteIdentity:
    document = strategy.strategie
    imprint = document.impressum
    publisher = (
        imprint.herausgeber.name
        if imprint and imprint.herausgeber
        else f"Stadt {document.stadt.name}"
    )
    licence = document.lizenz
    return SiteIdentity(
        name=document.titel,
        description=" ".join(document.kurzbeschreibung.split()),
        licence_line=licence_line(publisher, document.titel, licence.name, licence.id),
        stylesheet=colour_stylesheet(
            document.erscheinungsbild.farben.primaer, document.erscheinungsbild.farben.akzent
        ),
        logo=strategy.logo or DEFAULT_LOGO,
    )


def licence_line(publisher: str, title: str, licence_name: str, licence_id: str) -> str:
    """„Stadt X · Titel · Inhalte und Daten: Name der Lizenz (id)“ — the one licence line,
    from `lizenz` in strategie.yml, as every other place names the licence (data page,
    imprint, print edition, DCAT, downloads)."""
    return f"{publisher} · {title} · Inhalte und Daten: {licence_name} ({licence_id})"


def colour_stylesheet(primary: str, accent: str) -> str:
    """Material's colour variables set to the city's colours (both "#rrggbb", checked).

    Without `theme.palette` Material defines these on :root; this sheet comes after its own.
    """
    return (
        "/* Erzeugt aus strategy/strategie.yml (erscheinungsbild.farben). */\n"
        ":root {\n"
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {primary};\n"
        f"  --md-primary-fg-color--dark: {primary};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        "  --md-primary-bg-color--light: #ffffffb3;\n"
        f"  --md-accent-fg-color: {accent};\n"
        f"  --md-accent-fg-color--transparent: {accent}1a;\n"
        f"  --md-typeset-a-color: {primary};\n"
        "}\n"
    )


def config_text(text: str) -> str:
    """Text for a MkDocs setting that the theme inserts unescaped, in text and attributes."""
    cleaned = escape.ENTITY_AMPERSAND.sub("&amp;", escape.clean_text(text))
    return cleaned.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
