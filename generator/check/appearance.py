"""Checks of the site settings in strategie.yml: colour contrast, the logo file, the licence.

In: the shape-checked strategie.yml and the strategy folder. Out: the logo's SVG text (or
None for the neutral default) and the problems found.

Licence: footer, Daten page, imprint, print edition, downloads and DCAT all name `lizenz`;
for a known licence id its address must be that licence's text, so id and address cannot
name two different licences.

Colours: text must reach a contrast ratio of 4.5:1 (WCAG 2.1, 1.4.3). White text stands on
the primary colour (header bar); the primary colour is the colour of links on the white page,
the accent colour that of links under the pointer.

The logo is hostile input: an official website can be defaced, and an SVG file can carry
scripts. The site shows it only as `<img>` (where no script in it runs), and this check
refuses every SVG with a script, an event handler attribute, foreignObject, embedded HTML, a
DOCTYPE or entity, a stylesheet instruction or a reference to anything outside the file, so
that the copy the site publishes is harmless when opened on its own, too.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from pathlib import Path

from generator import model
from generator.check.tree import LoadedFile
from generator.presentation import KNOWN_LICENCES, Colours, licence_address
from generator.problems import Problem, problem, quote
from generator.wording import format_decimal

#: Largest logo file read, in bytes.
MAX_LOGO_BYTES = 200_000
MIN_CONTRAST = 4.5
WHITE = "#ffffff"

_SVG_NAMESPACE = "http://www.w3.org/2000/svg"
#: Elements that run code or embed other documents.
_FORBIDDEN_ELEMENTS = {
    "script",
    "foreignobject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
    "audio",
    "video",
}
#: Namespaces whose elements are content from elsewhere (HTML inside SVG).
_FORBIDDEN_NAMESPACES = {"http://www.w3.org/1999/xhtml"}
#: In style text and attribute values: external resources and script addresses.
_EXTERNAL_IN_STYLE = re.compile(
    r"url\s*\(\s*['\"]?\s*(?!#)|@import|expression\s*\(|javascript\s*:", re.IGNORECASE
)
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def check_appearance(
    document: model.StrategyDocument, loaded: LoadedFile, strategy_dir: Path
) -> tuple[str | None, list[Problem]]:
    """Contrast of the colours, and the logo file read and checked (its text, or None)."""
    problems = _contrast_problems(document.erscheinungsbild.farben, loaded)
    problems += _licence_problems(document.lizenz, loaded)
    name = document.erscheinungsbild.logo
    if name is None:
        return None, problems
    where = _at(loaded, ("erscheinungsbild", "logo"))
    folder = str(Path(loaded.path).parent)
    display = f"{folder}/{name}"
    path = strategy_dir / name
    if path.is_symlink() or not path.is_file():
        problems.append(problem("logo_missing", *where, path=quote(display), folder=quote(folder)))
        return None, problems
    data = path.read_bytes()
    if len(data) > MAX_LOGO_BYTES:
        problems.append(
            problem("file_too_large", display, 1, 1, size=len(data), limit=MAX_LOGO_BYTES)
        )
        return None, problems
    found = svg_problem(data)
    if found is not None:
        code, line, column, detail = found
        problems.append(problem(code, display, line, column, found=detail))
        return None, problems
    return data.decode("utf-8"), problems


def svg_problem(data: bytes) -> tuple[str, int, int, str] | None:
    """Why an SVG file is refused, as (message code, line, column, German detail), or None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return "logo_unreadable", 1, 1, f"kein UTF-8 (Byte {error.start + 1})"
    declaration = _DECLARATION.search(text)
    if declaration:
        line, column = _line_column(text, declaration.start())
        return "logo_unsafe", line, column, f"eine Deklaration {quote(declaration.group(0))}"
    scanner = _SvgScanner()
    try:
        scanner.parse(data)
    except xml.parsers.expat.ExpatError as error:
        return "logo_unreadable", error.lineno, error.offset + 1, "das XML ist hier fehlerhaft"
    if scanner.found is not None:
        return scanner.found
    if not scanner.root_is_svg:
        return "logo_unreadable", 1, 1, "das Wurzelelement ist nicht <svg> im SVG-Namensraum"
    return None


class _SvgScanner:
    """Reads an SVG with expat and remembers the first forbidden part and where it is."""

    def __init__(self) -> None:
        self.found: tuple[str, int, int, str] | None = None
        self.root_is_svg: bool | None = None
        self._in_style = False
        self._parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        self._parser.StartElementHandler = self._start
        self._parser.EndElementHandler = self._end
        self._parser.CharacterDataHandler = self._text
        self._parser.ProcessingInstructionHandler = self._instruction
        self._parser.StartDoctypeDeclHandler = self._doctype
        self._parser.EntityDeclHandler = self._entity
        self._parser.ExternalEntityRefHandler = self._external_entity

    def parse(self, data: bytes) -> None:
        self._parser.Parse(data, True)

    def _refuse(self, detail: str) -> None:
        if self.found is None:
            line = self._parser.CurrentLineNumber
            column = self._parser.CurrentColumnNumber + 1
            self.found = ("logo_unsafe", line, column, detail)

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if self.root_is_svg is None:
            self.root_is_svg = namespace == _SVG_NAMESPACE and local == "svg"
        if local.lower() in _FORBIDDEN_ELEMENTS:
            self._refuse(f"das Element <{local}>")
        elif namespace in _FORBIDDEN_NAMESPACES:
            self._refuse(f"das HTML-Element <{local}>")
        self._in_style = local == "style"
        for attribute, value in attributes.items():
            attribute_local = attribute.rpartition(" ")[2]
            if attribute_local.lower().startswith("on"):
                self._refuse(f"das Ereignis-Attribut {quote(attribute_local)}")
            elif attribute_local == "href" and not value.strip().startswith("#"):
                self._refuse(f"den Verweis {quote(value)}")
            elif _EXTERNAL_IN_STYLE.search(value):
                self._refuse(f"den Verweis im Attribut {quote(attribute_local)}")

    def _end(self, name: str) -> None:
        self._in_style = False

    def _text(self, text: str) -> None:
        if self._in_style and _EXTERNAL_IN_STYLE.search(text):
            self._refuse("einen Verweis im Stil-Element <style>")

    def _instruction(self, target: str, data: str) -> None:
        self._refuse(f"die Verarbeitungsanweisung {quote('<?' + target)}")

    def _doctype(self, *arguments: object) -> None:
        self._refuse("eine Dokumenttyp-Deklaration (DOCTYPE)")

    def _entity(self, *arguments: object) -> None:
        self._refuse("eine Entity-Deklaration")

    def _external_entity(self, *arguments: object) -> int:
        self._refuse("einen Verweis auf eine externe Entity")
        return 1


def _line_column(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


# --- colours -----------------------------------------------------------------------------------


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two "#rrggbb" colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


#: Colour field → where it carries text, for the message.
_USES = {
    "primaer": "als Hintergrund der Kopfzeile mit weißer Schrift und als Linkfarbe auf Weiß",
    "akzent": "als Linkfarbe unter dem Mauszeiger auf Weiß",
}


def _contrast_problems(colours: Colours, loaded: LoadedFile) -> list[Problem]:
    problems = []
    for field, usage in _USES.items():
        value = getattr(colours, field)
        ratio = contrast_ratio(value, WHITE)
        if ratio < MIN_CONTRAST:
            problems.append(
                problem(
                    "colour_contrast",
                    *_at(loaded, ("erscheinungsbild", "farben", field)),
                    field=f"erscheinungsbild.farben.{field}",
                    value=quote(value),
                    usage=usage,
                    ratio=format_decimal(int(ratio * 100) / 100, 2),
                )
            )
    return problems


def _licence_problems(licence: model.Licence, loaded: LoadedFile) -> list[Problem]:
    known = KNOWN_LICENCES.get(licence.id.lower())
    if known is None or licence_address(licence.url) in known[0]:
        return []
    return [
        problem(
            "licence_mismatch",
            *_at(loaded, ("lizenz", "url")),
            url=quote(licence.url),
            id=quote(licence.id),
            expected=quote("https://" + known[0][0]),
        )
    ]


# --- optional registries ----------------------------------------------------------------------


def absent_registry_problems(
    measures: list[tuple[model.Measure, LoadedFile]], key: str, registry: str
) -> list[Problem]:
    """A measure naming SDGs or Charta guidelines while that registry is left out."""
    return [
        problem(
            "registry_absent",
            *_at(loaded, (key, 0)),
            field=key,
            values=", ".join(str(value) for value in getattr(measure, key)),
            path=quote(f"{Path(loaded.path).parents[2]}/verzeichnisse/{registry}"),
        )
        for measure, loaded in measures
        if getattr(measure, key)
    ]


def _at(loaded: LoadedFile, path: tuple[str | int, ...]) -> tuple[str, int, int]:
    while path not in loaded.positions and path:
        path = path[:-1]
    position = loaded.positions.get(path)
    return loaded.path, (position.line if position else 1), (position.column if position else 1)
