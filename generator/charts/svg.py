"""SVG drawing primitives for the charts: escaped elements, text sizes, fills, contrast (pure).

In: coordinates, colours and plain text. Out: SVG markup as strings. Every attribute value
and every text goes through `escape.html_text` here, so markup built from these functions is
well-formed XML (and HTML) and inert whatever the data holds. generator/charts/evaluation.py
composes the charts from these pieces.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator import escape

#: Series colours (status 0, 1, …): the Okabe–Ito hues, darkened where needed to reach 3:1
#: against white. docs/theme/assets/stylesheets/strategie-seiten.css uses the same values.
PALETTE = (
    "#2a86c6",
    "#b47b00",
    "#0072b2",
    "#008060",
    "#b9579a",
    "#6e6e6e",
    "#c45a00",
    "#8a7d00",
)
#: Fills of heatmap cells, from "no measure" to "most measures".
HEAT = ("#ffffff", "#deebf7", "#b3d1ea", "#6fa8d6", "#2f73b1", "#0d3f73")
INK = "#1a1a1a"
MUTED = "#595959"
LINE = "#767676"
GRID = "#d0d0d0"
WHITE = "#ffffff"

#: Width of every drawing in user units, and the two text sizes. The charts are laid out for
#: a phone: at 360 px content width, FONT is about 13 px and SMALL about 12 px high. The
#: stylesheet stops charts growing on wide screens, where text stays near the body size.
WIDTH = 420
FONT = 15
SMALL = 14


@dataclass(frozen=True)
class Chart:
    """An SVG drawing, ready to be inlined (its text is escaped already)."""

    chart_id: str
    title: str
    markup: str


def number(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _attribute(value: object) -> str:
    if isinstance(value, bool):
        raise TypeError("boolean SVG attribute")
    if isinstance(value, int | float):
        return number(value)
    return escape.html_text(value)


def tag(name: str, attributes: Mapping[str, object], content: str | None = None) -> str:
    """An element; attribute values are escaped here, `content` must be markup already.

    Attributes set to None are left out.
    """
    rendered = "".join(
        f' {key}="{_attribute(value)}"' for key, value in attributes.items() if value is not None
    )
    return f"<{name}{rendered}/>" if content is None else f"<{name}{rendered}>{content}</{name}>"


def text(
    x: float,
    y: float,
    value: str,
    size: int = FONT,
    *,
    anchor: str | None = None,
    bold: bool = False,
    fill: str = INK,
) -> str:
    """A line of text with its baseline at y."""
    attributes: dict[str, object] = {
        "x": x,
        "y": y,
        "font-size": size,
        "fill": fill,
        "text-anchor": anchor,
        "font-weight": "bold" if bold else None,
    }
    return tag("text", attributes, escape.html_text(value))


def line_height(size: int) -> float:
    return round(size * 1.3)


def baseline(top: float, height: float, size: int) -> float:
    """The baseline that centres a line of text of `size` in a box."""
    return top + height / 2 + size * 0.36


_NARROW = set("iIjlft.,:;!|'()[]{} r-")
_WIDE = set("MWmw@%ÄÖÜ—")


def text_width(value: str, size: int = FONT, bold: bool = False) -> float:
    """An upper estimate of a text's width in a sans-serif font (no font metrics here)."""
    units = 0.0
    for char in value:
        if char in _NARROW:
            units += 0.33
        elif char in _WIDE:
            units += 0.86
        elif char.isupper() or char.isdigit():
            units += 0.66
        else:
            units += 0.58
    return units * size * (1.08 if bold else 1.0)


def wrap(value: str, width: float, size: int = FONT, bold: bool = False) -> list[str]:
    """Break a text into lines no wider than `width`; a word longer than a line is cut."""
    lines: list[str] = []
    current = ""
    for word in escape.clean_text(value).split(" "):
        while len(word) > 1 and text_width(word, size, bold) > width:
            cut = max(
                [1] + [i for i in range(1, len(word)) if text_width(word[:i], size, bold) <= width]
            )
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current or not lines:
        lines.append(current)
    return lines


# --- Fills: colour and pattern per series ------------------------------------------------------

_PATTERN_LINES = {
    0: "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4",
    3: "M0,4 h8",
    4: "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4 M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4",
    5: "M4,0 v8",
    6: "M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4",
    7: "M0,4 h8 M4,0 v8",
}


def colour(style: int) -> str:
    return PALETTE[style % len(PALETTE)]


def pattern_kind(style: int) -> int:
    """The pattern of a series: 0 hatched, 1 dotted, 2 plain, 3 … 7 other lines.

    Beyond eight series, colour and pattern shift against each other, so that the first 64
    series all differ.
    """
    return (style + style // len(PALETTE)) % 8


def fill(chart_id: str, style: int) -> str:
    return f"url(#{chart_id}-muster-{style})"


def patterns(chart_id: str, styles: Iterable[int]) -> str:
    """The <defs> with one pattern per series style: its colour overlaid with white marks."""
    defined = []
    for style in sorted(set(styles)):
        kind = pattern_kind(style)
        parts = [tag("rect", {"width": 8, "height": 8, "fill": colour(style)})]
        if kind == 1:
            parts.append(tag("circle", {"cx": 4, "cy": 4, "r": 1.7, "fill": WHITE}))
        elif kind in _PATTERN_LINES:
            marks = {"d": _PATTERN_LINES[kind], "stroke": WHITE, "stroke-width": 1.6}
            parts.append(tag("path", marks))
        attributes = {
            "id": f"{chart_id}-muster-{style}",
            "width": 8,
            "height": 8,
            "patternUnits": "userSpaceOnUse",
        }
        defined.append(tag("pattern", attributes, "".join(parts)))
    return tag("defs", {}, "".join(defined))


def swatch(chart_id: str, x: float, y: float, style: int, size: float = 15) -> str:
    box = {"x": x, "y": y, "width": size, "height": size}
    return tag("rect", {**box, "fill": fill(chart_id, style), "stroke": colour(style)})


def legend(
    chart_id: str, y: float, entries: Iterable[tuple[int, str]], width: float
) -> tuple[list[str], float]:
    """Swatches with labels (style, label), flowing over as many lines as needed.

    Returns the markup and the y below the legend.
    """
    parts: list[str] = []
    x = 0.0
    step = line_height(FONT) + 3
    for style, label in entries:
        item_width = 21 + text_width(label) + 14
        if x and x + item_width > width:
            x, y = 0.0, y + step
        parts.append(swatch(chart_id, x, y + 1, style))
        parts.append(text(x + 21, baseline(y, 17, FONT), label))
        x += item_width
    return parts, y + step


def chip(x_centre: float, y_centre: float, count: int) -> list[str]:
    """A count on a small white label: readable on any fill and pattern."""
    label = str(count)
    width, height = chip_width(count), SMALL + 5
    box = {"x": x_centre - width / 2, "y": y_centre - height / 2, "width": width}
    return [
        tag("rect", {**box, "height": height, "rx": 3, "fill": WHITE}),
        text(
            x_centre, baseline(y_centre - height / 2, height, SMALL), label, SMALL, anchor="middle"
        ),
    ]


def chip_width(count: int) -> float:
    return text_width(str(count), SMALL) + 6


# --- The root element ----------------------------------------------------------------------------


def drawing(
    chart_id: str,
    title: str,
    description: str,
    width: float,
    height: float,
    body: Iterable[str],
    *,
    interactive: bool = False,
) -> Chart:
    """The <svg> with its <title> and <desc>; `body` is markup already.

    `interactive` charts hold links: they are a group, not an image, because an image's
    children are presentational and its links would be hidden from screen readers.
    """
    attributes = {
        "xmlns": "http://www.w3.org/2000/svg",
        "xmlns:xlink": "http://www.w3.org/1999/xlink" if interactive else None,
        "viewBox": f"0 0 {number(width)} {number(math.ceil(height))}",
        "width": "100%",
        "class": "strategie-diagramm__grafik",
        "role": "group" if interactive else "img",
        "aria-labelledby": f"{chart_id}-titel",
        "aria-describedby": f"{chart_id}-beschreibung",
        "id": chart_id,
    }
    opening = tag("svg", attributes, "")[: -len("</svg>")]
    lines = [
        opening,
        tag("title", {"id": f"{chart_id}-titel"}, escape.html_text(title)),
        tag("desc", {"id": f"{chart_id}-beschreibung"}, escape.html_text(description)),
        *body,
        "</svg>",
    ]
    return Chart(chart_id, title, "\n".join(lines))


# --- Contrast (WCAG 2.1) -------------------------------------------------------------------------


def luminance(hex_colour: str) -> float:
    """Relative luminance of an sRGB colour (#rrggbb)."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """Contrast ratio of two colours, from 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_on(background: str) -> str:
    """Black or white text, whichever contrasts more with the background."""
    return INK if contrast(background, INK) >= contrast(background, WHITE) else WHITE
