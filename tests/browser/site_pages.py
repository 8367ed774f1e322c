"""The pages of a built site, by page type, and their HTML structure read without a browser.

Page types are found from the built site's paths, never from titles. The folders whose pages
are one per entity (URLs derive from ids: one page per measure, Handlungsfeld, Leitthema, SDG,
Charta guideline, actor) are collections: their first and last page stand for them. Every
other page is a page type of its own, so pages added later (legal pages, print, Auswertung)
are checked without touching the tests. Measures add special cases: one that is „nicht
bewertet“, one with example ratings („Beispielwerte“) and the longest.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

MEASURES = "massnahmen/*.html"
#: Shapes of the pages that exist once per entity of the strategy (see the module docstring).
COLLECTIONS = {
    MEASURES,
    "handlungsfelder/*/index.html",
    "leitthemen/*/index.html",
    "sdg/*.html",
    "charta/*.html",
    "akteure/*.html",
}
#: Elements without an end tag.
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
MEASURE_ID = re.compile(r"^[a-z]{2,5}-\d{2,3}$")


def shape(path: str) -> str:
    """The shape a page shares with its siblings: `massnahmen/ver-03.html` → `massnahmen/*.html`"""
    parts = PurePosixPath(path).parts
    if len(parts) == 3 and parts[2] == "index.html":
        return f"{parts[0]}/*/index.html"
    if len(parts) == 2 and parts[1] != "index.html":
        return f"{parts[0]}/*.html"
    return path


@dataclass(frozen=True)
class SitePages:
    """Every HTML page of one build (paths relative to its root, sorted)."""

    root: Path
    pages: tuple[str, ...]

    @classmethod
    def scan(cls, root: Path) -> SitePages:
        pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
        assert "index.html" in pages, f"no start page in {root}"
        return cls(root=root, pages=tuple(pages))

    def text(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def by_shape(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for page in self.pages:
            groups[shape(page)].append(page)
        return dict(groups)

    @property
    def measures(self) -> list[str]:
        return [p for p in self.pages if shape(p) == MEASURES]

    def measure(self, measure_id: str) -> str:
        """The page of the measure with this id (e.g. „VER-03“)."""
        path = f"massnahmen/{measure_id.lower()}.html"
        assert path in self.pages, f"no page for measure {measure_id}"
        return path

    def measures_containing(self, words: str) -> list[str]:
        """Measure pages whose main text contains `words` (case-insensitive)."""
        wanted = words.casefold()
        return [p for p in self.measures if wanted in structure(self.text(p)).main_text.casefold()]

    def sample(self, *, variants: bool = True) -> dict[str, str]:
        """One page per page type (label → path); with `variants`, also the last page of each
        collection and measures of special interest (unrated, example ratings, longest)."""
        chosen: dict[str, str] = {}
        for pattern, members in sorted(self.by_shape().items()):
            if pattern not in COLLECTIONS:
                chosen.update({member: member for member in members})
            elif not variants:
                chosen[pattern] = members[0]
            else:
                chosen[f"{pattern} (erste)"] = members[0]
                chosen[f"{pattern} (letzte)"] = members[-1]
        if not variants:
            return chosen
        unrated = self.measures_containing("nicht bewertet")
        examples = self.measures_containing("Beispielwerte")
        assert unrated, "no measure page says „nicht bewertet“"
        assert examples, "no measure page shows „Beispielwerte“"
        chosen[f"{MEASURES} (nicht bewertet)"] = unrated[0]
        chosen[f"{MEASURES} (Beispielwerte)"] = examples[len(examples) // 2]
        longest = max(self.measures, key=lambda p: len(self.text(p)))
        chosen[f"{MEASURES} (längste)"] = longest
        return chosen

    def require(self, *patterns: str) -> None:
        """Fail unless the build has pages of each shape (the page types the site promises)."""
        shapes = self.by_shape()
        missing = [p for p in patterns if p not in (shapes if "*" in p else self.pages)]
        assert not missing, f"page types missing from the build: {missing}"


# --- structure of one page ----------------------------------------------------------------


@dataclass
class Link:
    href: str
    name: str
    classes: tuple[str, ...]
    in_heading: bool
    title: str


@dataclass
class Table:
    header_cells: int = 0
    data_cells: int = 0
    caption: str = ""


@dataclass
class Svg:
    role: str
    label: str
    labelledby: str
    hidden: bool
    in_content: bool
    title: str = ""


@dataclass
class Structure:
    """What the accessibility checks need from one page's HTML."""

    lang: str | None = None
    headings: list[tuple[int, str]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    svgs: list[Svg] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    #: id → level of every heading that has an id (targets of the table of contents).
    heading_ids: dict[str, int] = field(default_factory=dict)
    skip_link: str | None = None
    main_text: str = ""


@dataclass
class _OpenLink:
    attrs: dict[str, str]
    classes: tuple[str, ...]
    in_heading: bool
    text: list[str] = field(default_factory=list)


@dataclass
class _OpenHeading:
    level: int
    text: list[str] = field(default_factory=list)


class _StructureParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = Structure()
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.link: _OpenLink | None = None
        self.heading: _OpenHeading | None = None
        self.svg_title: Svg | None = None
        self.in_title = False
        self.main: list[str] = []

    def _hidden(self) -> bool:
        return any(
            "hidden" in attrs or attrs.get("aria-hidden") == "true" for _, attrs in self.stack
        )

    def _inside(self, tag: str, css_class: str | None = None) -> bool:
        return any(
            t == tag and (css_class is None or css_class in a.get("class", "").split())
            for t, a in self.stack
        )

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: (v or "") for k, v in attrs_list}
        if "id" in attrs:
            self.result.ids.add(attrs["id"])
        classes = tuple(attrs.get("class", "").split())
        if tag == "html":
            self.result.lang = attrs.get("lang")
        elif tag == "a" and "href" in attrs and not self._hidden():
            if "md-skip" in classes and self.result.skip_link is None:
                self.result.skip_link = attrs["href"]
            self.link = _OpenLink(attrs, classes, in_heading=self.heading is not None)
        elif tag == "img" and self.link is not None:
            self.link.text.append(attrs.get("alt", ""))
        elif re.fullmatch(r"h[1-6]", tag) and not self._hidden():
            self.heading = _OpenHeading(int(tag[1]))
            if "id" in attrs:
                self.result.heading_ids[attrs["id"]] = int(tag[1])
        elif tag == "table":
            self.result.tables.append(Table())
        elif tag == "th" and self.result.tables:
            self.result.tables[-1].header_cells += 1
        elif tag == "td" and self.result.tables:
            self.result.tables[-1].data_cells += 1
        elif tag == "svg":
            self.result.svgs.append(
                Svg(
                    role=attrs.get("role", ""),
                    label=attrs.get("aria-label", "").strip(),
                    labelledby=attrs.get("aria-labelledby", "").strip(),
                    hidden=self._hidden() or attrs.get("aria-hidden") == "true",
                    in_content=self._inside("article"),
                )
            )
        elif tag == "title" and self._inside("svg"):
            self.in_title = True
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs_list)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.link is not None:
            attrs = self.link.attrs
            text = " ".join("".join(self.link.text).split())
            # The accessible name, simplified: aria-label, else the content, else the title.
            name = attrs.get("aria-label", "").strip() or text or attrs.get("title", "").strip()
            if not name and attrs.get("aria-labelledby"):
                name = f"(aria-labelledby={attrs['aria-labelledby']})"
            self.result.links.append(
                Link(
                    href=attrs["href"],
                    name=name,
                    classes=self.link.classes,
                    in_heading=self.link.in_heading,
                    title=attrs.get("title", ""),
                )
            )
            self.link = None
        elif re.fullmatch(r"h[1-6]", tag) and self.heading is not None:
            text = " ".join("".join(self.heading.text).split())
            self.result.headings.append((self.heading.level, text))
            self.heading = None
        elif tag == "title":
            self.in_title = False
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._hidden():
            return
        if self.link is not None:
            self.link.text.append(data)
        if self.heading is not None:
            self.heading.text.append(data)
        if self.in_title and self.result.svgs:
            self.result.svgs[-1].title += data.strip()
        if self._inside("article"):
            self.main.append(data)


def structure(html: str) -> Structure:
    """Parse one page."""
    parser = _StructureParser()
    parser.feed(html)
    parser.close()
    parser.result.main_text = " ".join("".join(parser.main).split())
    return parser.result
