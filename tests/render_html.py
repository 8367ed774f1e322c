"""Helpers for the render tests: generated Markdown → HTML as MkDocs makes it, and what is in it.

`to_html` uses the Markdown extensions of mkdocs.base.yml. `to_html_permissive` adds every
extension someone might switch on later (snippets, emoji, math, critic, …): escaped text
must stay inert even then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown  # type: ignore[import-untyped]
from material.extensions import emoji

#: The extensions of mkdocs.base.yml (toc without its permalink, which adds "¶" text).
SITE_EXTENSIONS: list[Any] = [
    "tables",
    "attr_list",
    "md_in_html",
    "admonition",
    "def_list",
    "footnotes",
    "toc",
]

PERMISSIVE_EXTENSIONS: list[Any] = [
    *SITE_EXTENSIONS,
    "abbr",
    "pymdownx.snippets",
    "pymdownx.tilde",
    "pymdownx.caret",
    "pymdownx.mark",
    "pymdownx.critic",
    "pymdownx.keys",
    "pymdownx.emoji",
    "pymdownx.arithmatex",
    "pymdownx.smartsymbols",
    "pymdownx.magiclink",
    "pymdownx.betterem",
    "pymdownx.superfences",
    "pymdownx.inlinehilite",
    "pymdownx.details",
]


#: YAML front matter at the top of a page (MkDocs reads it as page settings, not as text).
FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.S)


def without_front_matter(page: str) -> str:
    """The page as MkDocs renders it: without its front matter."""
    return FRONT_MATTER.sub("", page, count=1)


def to_html(page: str) -> str:
    """The page's HTML with the site's Markdown extensions (front matter left out)."""
    return str(markdown.Markdown(extensions=SITE_EXTENSIONS).convert(without_front_matter(page)))


def to_html_permissive(page: str, snippet_base: Path) -> str:
    """The page's HTML with many more extensions; snippets would read from `snippet_base`."""
    converter = markdown.Markdown(
        extensions=PERMISSIVE_EXTENSIONS,
        extension_configs={
            "pymdownx.snippets": {"base_path": [str(snippet_base)], "check_paths": False},
            "pymdownx.emoji": {"emoji_index": emoji.twemoji, "emoji_generator": emoji.to_svg},
        },
    )
    return str(converter.convert(without_front_matter(page)))


@dataclass
class Element:
    tag: str
    attributes: dict[str, str]


class ParsedPage(HTMLParser):
    """Elements, attributes and visible text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    @property
    def text(self) -> str:
        """All text, whitespace collapsed (as a reader sees it, roughly)."""
        return " ".join("".join(self.texts).split())

    def tags(self) -> set[str]:
        return {element.tag for element in self.elements}


def parse(html: str) -> ParsedPage:
    parsed = ParsedPage()
    parsed.feed(html)
    parsed.close()
    return parsed


# Relative links to pages and to the site's own downloads (daten/: JSON, CSV, XLSX, RDF).
_SAFE_HREF = re.compile(
    r"^(https://|mailto:|#|(\.\./)*[a-z0-9][a-z0-9/._-]*\.(md|html|json|csv|xlsx|rdf|xml)(#.*)?$)"
)


def dangers(html: str) -> list[str]:
    """Everything in the HTML that could run code or load something from elsewhere."""
    found = []
    for element in parse(html).elements:
        if element.tag in {"script", "iframe", "object", "embed", "style", "img", "base"}:
            found.append(f"<{element.tag}>")
        for name, value in element.attributes.items():
            if name.startswith("on") or name in {"srcdoc", "formaction"}:
                found.append(f"{element.tag}[{name}]")
            if name in {"href", "src", "action"} and not _SAFE_HREF.match(value):
                found.append(f"{element.tag}[{name}={value!r}]")
            if name == "class" and "injected" in value.split():
                found.append(f"{element.tag} got a class from the data")
            if name == "id" and value == "anker":
                found.append(f"{element.tag} got an id from the data")
    return found
