"""Models of the settings that make the site the city's own, and their German grammar.

In strategie.yml: `erscheinungsbild` (colours and logo), `bezeichnungen` (what the city calls
its levels — Leitthema, Handlungsfeld — and its council) and `repository.plattform` (the
forge the data is edited on). Every setting has a neutral default, so a strategy without
them builds a neutral site. Pure: no I/O; the logo file is read and checked in
check/appearance.py.

German nouns carry their grammatical gender (`genus`): „das Handlungsfeld“, „die
Zukunftsaufgabe“, „der Gemeinderat“. The properties below give the forms the pages need.
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field

from generator.values import Record, Title

#: A colour as six hexadecimal digits after "#" ("#1d4f91"): nothing else reaches the CSS.
HEX_COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
HexColour = Annotated[str, Field(pattern=HEX_COLOUR_PATTERN)]
#: A logo file in the strategy folder: a plain file name ending in ".svg".
LOGO_NAME_PATTERN = r"^[a-z0-9][a-z0-9_-]*\.svg$"

Gender = Literal["maskulinum", "femininum", "neutrum"]

_DEFINITE = {"maskulinum": "der", "femininum": "die", "neutrum": "das"}
_DATIVE = {"maskulinum": "dem", "femininum": "der", "neutrum": "dem"}
_GENITIVE = {"maskulinum": "des", "femininum": "der", "neutrum": "des"}
_INDEFINITE = {"maskulinum": "ein", "femininum": "eine", "neutrum": "ein"}

#: Default colours: a dark blue for the header bar and links, a brighter blue for hover and
#: focus. Both reach at least 4.5:1 against white (check/appearance.py checks every choice).
DEFAULT_PRIMARY = "#1f4e79"
DEFAULT_ACCENT = "#1a5fb4"


class Colours(Record):
    """The site's two colours; text on the primary colour is white."""

    #: Header bar (white text on it) and links in the text (on white).
    primaer: HexColour = DEFAULT_PRIMARY
    #: Links under the pointer, focus frames, highlights (on white).
    akzent: HexColour = DEFAULT_ACCENT


class Appearance(Record):
    """`erscheinungsbild` in strategie.yml."""

    farben: Colours = Colours()
    #: File name of an SVG logo in the strategy folder; without it, a neutral logo.
    logo: Annotated[str, Field(pattern=LOGO_NAME_PATTERN, max_length=60)] | None = None


class Label(Record):
    """What the city calls a level of its strategy, in singular and plural, with its gender."""

    einzahl: Title
    mehrzahl: Title
    genus: Gender

    @property
    def der(self) -> str:
        """Nominative with definite article: „das Handlungsfeld“, „die Zukunftsaufgabe“."""
        return f"{_DEFINITE[self.genus]} {self.einzahl}"

    @property
    def dem(self) -> str:
        """Dative with definite article: „dem Handlungsfeld“, „der Zukunftsaufgabe“."""
        return f"{_DATIVE[self.genus]} {self.einzahl}"

    @property
    def ein(self) -> str:
        """Nominative with indefinite article: „ein Leitthema“, „eine Zukunftsaufgabe“."""
        return f"{_INDEFINITE[self.genus]} {self.einzahl}"

    @property
    def ein_am_satzanfang(self) -> str:
        """„Ein Leitthema“, „Eine Zukunftsaufgabe“."""
        return self.ein[0].upper() + self.ein[1:]

    @property
    def einen(self) -> str:
        """Accusative with indefinite article: „ein Leitthema“, „einen Bereich“."""
        article = {"maskulinum": "einen", "femininum": "eine", "neutrum": "ein"}[self.genus]
        return f"{article} {self.einzahl}"

    @property
    def zu_dem(self) -> str:
        """„zum Leitthema“, „zur Zukunftsaufgabe“."""
        return f"{'zur' if self.genus == 'femininum' else 'zum'} {self.einzahl}"

    @property
    def im(self) -> str:
        """„im Leitthema“, „in der Zukunftsaufgabe“."""
        return f"{'in der' if self.genus == 'femininum' else 'im'} {self.einzahl}"

    @property
    def in_jedem(self) -> str:
        """„in jedem Handlungsfeld“, „in jeder Zukunftsaufgabe“."""
        return f"{'in jeder' if self.genus == 'femininum' else 'in jedem'} {self.einzahl}"

    @property
    def diesem(self) -> str:
        """At the start of a sentence: „Diesem Leitthema“, „Dieser Zukunftsaufgabe“."""
        return f"{'Dieser' if self.genus == 'femininum' else 'Diesem'} {self.einzahl}"

    @property
    def jedes(self) -> str:
        """At the start of a sentence: „Jedes Leitthema“, „Jede Zukunftsaufgabe“."""
        word = {"maskulinum": "Jeder", "femininum": "Jede", "neutrum": "Jedes"}[self.genus]
        return f"{word} {self.einzahl}"

    @property
    def des(self) -> str:
        """Genitive: „des Handlungsfelds“, „der Zukunftsaufgabe“."""
        if self.genus == "femininum":
            return f"der {self.einzahl}"
        suffix = "es" if self.einzahl.endswith(("s", "ß", "x", "z")) else "s"
        return f"des {self.einzahl}{suffix}"

    @property
    def eines(self) -> str:
        """Genitive with indefinite article: „eines Leitthemas“, „einer Zukunftsaufgabe“."""
        return self.des.replace("des ", "eines ", 1).replace("der ", "einer ", 1)

    @property
    def seinen(self) -> str:
        """The possessive before a dative plural: „mit seinen“ (Leitthema), „mit ihren“."""
        return "ihren" if self.genus == "femininum" else "seinen"

    @property
    def mehrzahl_dativ(self) -> str:
        """Dative plural: „nach Handlungsfeldern“, „nach Leitthemen“."""
        plural = self.mehrzahl
        return plural if plural.endswith(("n", "s")) else f"{plural}n"


class Council(Record):
    """The council that decides on the strategy: „Rat“, „Gemeinderat“, „Stadtrat“,
    „Stadtverordnetenversammlung“ …"""

    name: Title = "Rat"
    genus: Gender = "maskulinum"

    @property
    def der(self) -> str:
        """„der Rat“, „die Stadtverordnetenversammlung“."""
        return f"{_DEFINITE[self.genus]} {self.name}"

    @property
    def dem(self) -> str:
        """„dem Rat“, „der Stadtverordnetenversammlung“ (after „von“: see `vom`)."""
        return f"{_DATIVE[self.genus]} {self.name}"

    @property
    def vom(self) -> str:
        """„vom Rat“, „von der Stadtverordnetenversammlung“."""
        return f"vom {self.name}" if self.genus != "femininum" else f"von der {self.name}"

    @property
    def des(self) -> str:
        """Genitive: „des Rats“, „des Gemeinderats“, „der Stadtverordnetenversammlung“."""
        if self.genus == "femininum":
            return f"der {self.name}"
        suffix = "es" if self.name.endswith(("s", "ß", "x", "z")) else "s"
        return f"des {self.name}{suffix}"

    @property
    def beschluss(self) -> str:
        """„Beschluss des Rats“."""
        return f"Beschluss {self.des}"


class Labels(Record):
    """`bezeichnungen` in strategie.yml: names of the levels and of the council."""

    leitthema: Label = Label(einzahl="Leitthema", mehrzahl="Leitthemen", genus="neutrum")
    handlungsfeld: Label = Label(
        einzahl="Handlungsfeld", mehrzahl="Handlungsfelder", genus="neutrum"
    )
    rat: Council = Council()


Forge = Literal["github", "gitlab"]

#: What a status means, for its colour on bars and charts (`status[].bedeutung`): the same
#: meaning has the same colour in every city, whatever the order of its status list.
StatusMeaning = Literal[
    "geplant", "vorbereitung", "umsetzung", "abgeschlossen", "ruht", "eingestellt"
]
#: Colour slot of each meaning (strategie-seiten.css: --strategie-status-N; charts/svg.py).
MEANING_STYLES: dict[str, int] = {
    "geplant": 0,
    "vorbereitung": 1,
    "umsetzung": 2,
    "abgeschlossen": 3,
    "ruht": 4,
    "eingestellt": 5,
}
#: The meaning of the usual status ids, for a status list without `bedeutung`.
MEANING_OF_ID: dict[str, str] = {
    "geplant": "geplant",
    "in-vorbereitung": "vorbereitung",
    "in-umsetzung": "umsetzung",
    "abgeschlossen": "abgeschlossen",
    "verschoben": "ruht",
    "eingestellt": "eingestellt",
}


def forge_kind(url: str, plattform: Forge | None) -> Forge:
    """The forge a repository is on: as set, else GitHub for github.com and GitLab otherwise
    (OpenCoDE and a city's own GitLab)."""
    if plattform is not None:
        return plattform
    return "github" if urlsplit(url).hostname == "github.com" else "gitlab"


def forge_name(url: str, plattform: Forge | None) -> str:
    """The forge's name for readers: „GitHub“, „GitLab“ or „OpenCoDE“."""
    host = urlsplit(url).hostname or ""
    if host == "opencode.de" or host.endswith(".opencode.de"):
        return "OpenCoDE"
    return {"github": "GitHub", "gitlab": "GitLab"}[forge_kind(url, plattform)]


def forge_file_address(
    url: str, plattform: Forge | None, action: str, branch: str, path: str
) -> str:
    """The web address to show ("blob") or edit ("edit") a file on a branch; GitLab puts "/-"
    before the action. Branch and path must already be quoted for a URL."""
    separator = "/-" if forge_kind(url, plattform) == "gitlab" else ""
    return f"{url.rstrip('/')}{separator}/{action}/{branch}/{path}"


#: Licences whose id strategie.yml may use with a known address: id → (addresses of the
#: licence text, without "https://" and trailing "/"; the DCAT-AP.de licence IRI). Another
#: id is allowed; it has no check and DCAT names its own address.
KNOWN_LICENCES: dict[str, tuple[tuple[str, ...], str]] = {
    "dl-de/by-2-0": (
        ("www.govdata.de/dl-de/by-2-0",),
        "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
    ),
    "dl-de/zero-2-0": (
        ("www.govdata.de/dl-de/zero-2-0",),
        "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
    ),
    "cc-by-4.0": (
        (
            "creativecommons.org/licenses/by/4.0",
            "creativecommons.org/licenses/by/4.0/deed.de",
            "creativecommons.org/licenses/by/4.0/legalcode",
            "creativecommons.org/licenses/by/4.0/legalcode.de",
        ),
        "http://dcat-ap.de/def/licenses/cc-by/4.0",
    ),
    "cc0-1.0": (
        (
            "creativecommons.org/publicdomain/zero/1.0",
            "creativecommons.org/publicdomain/zero/1.0/deed.de",
            "creativecommons.org/publicdomain/zero/1.0/legalcode",
        ),
        "http://dcat-ap.de/def/licenses/cc-zero",
    ),
}


def licence_address(url: str) -> str:
    """A licence's address compared without scheme, trailing "/" and case."""
    return url.lower().removeprefix("https://").removeprefix("http://").rstrip("/")
