"""Escaping for every context a value from the data can land in; rich text to safe HTML.

In: text from the model (already validated, but never trusted). Out: text that, placed in
its context, shows exactly what the editor wrote and does nothing else.

Contexts and their functions (registered as Jinja filters in render.py):

- ``markdown_text``: inline Markdown text — paragraphs, list items, headings, link texts and
  table cells (``|`` is always escaped, newlines collapsed).
- ``html_text``: text and attribute values inside raw HTML blocks.
- ``markdown_url`` / ``html_url``: link targets, https and mailto only.
- ``html_comment_text``: the "generated from" comment at the top of each page.
- ``render_rich_text``: restricted Markdown (``beschreibung``) → sanitised HTML fragment.

Why entities as well as backslashes: Python-Markdown only honours a backslash before the
characters in its core escape list; before any other character the backslash stays visible.
Characters that only optional extensions treat specially (``|`` tables, ``~`` tilde,
``^`` caret, ``=`` mark, ``$`` arithmatex, ``:word:`` emoji) are written as numeric character
references, which every configuration passes through unchanged; so are brackets and
parentheses, because ``\\(`` and ``\\[`` start formulas in arithmatex. Braces are escaped so that
neither attribute lists (``{: …}``) nor template syntax (``{{``, ``{%``) survive, and ``<``
so that snippet syntax (``--8<--``) and raw HTML are inert.
"""

from __future__ import annotations

import functools
import html
import re
from urllib.parse import quote

import markdown  # type: ignore[import-untyped]  # no stubs in the lock file
import nh3

# C0/C1 control characters except tab and newline. Python-Markdown uses \x02/\x03 to mark
# placeholders for stashed HTML; a value containing them could pull in foreign fragments.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff]")
_WHITESPACE = re.compile(r"\s+")

_MARKDOWN_BACKSLASH = frozenset("\\`*_#+!")
_MARKDOWN_ENTITIES = {
    # Brackets and parentheses as references, not "\(", "\[": those open inline and display
    # maths in pymdownx.arithmatex.
    # Braces as references: a backslash before "{" would still leave "{%" or "{{" in the
    # page for any template engine that runs later (mkdocs-macros).
    "{": "&#123;",
    "}": "&#125;",
    "(": "&#40;",
    ")": "&#41;",
    "[": "&#91;",
    "]": "&#93;",
    "<": "&lt;",
    ">": "&gt;",
    "|": "&#124;",
    "~": "&#126;",
    "^": "&#94;",
    "=": "&#61;",
    "$": "&#36;",
}
#: An ampersand that could start a character reference is escaped: "&amp;" and "&#60;", and
#: also "&lt" and "&#60" without their semicolon, which HTML parsers and `html.unescape`
#: (Jinja's `striptags`) decode all the same. Any other one Python-Markdown escapes by itself,
#: so "A & B" stays readable.
ENTITY_AMPERSAND = re.compile(r"&(?=#|[A-Za-z0-9])")
_EMOJI_SHORTCODE_COLON = re.compile(r":(?=[\w+-]+:)")
#: A hyphen opens a list, a rule or a setext heading at the start of a line, and runs of
#: hyphens take part in snippet (--8<--) and critic ({-- --}) syntax; elsewhere it is inert.
_ACTIVE_HYPHEN = re.compile(r"^-|-(?=-)|(?<=-)-")
_LEADING_ORDERED_MARKER = re.compile(r"^([0-9]+)\.")
#: Character by character: a backslash before Python-Markdown's own escapable characters,
#: references for the others, and the placeholders set by `markdown_text`. One `translate`
#: instead of a loop over the characters in Python (markdown_text runs for every value).
_MARKDOWN_ESCAPES = str.maketrans(
    {char: "\\" + char for char in _MARKDOWN_BACKSLASH}
    | _MARKDOWN_ENTITIES
    | {"\ue000": "&amp;", "\ue001": "&#58;", "\ue002": "\\-"}
)


def clean_text(value: str) -> str:
    """Drop control characters and collapse all whitespace to single spaces."""
    return _WHITESPACE.sub(" ", _CONTROL.sub("", value)).strip()


def markdown_text(value: object) -> str:
    """Escape plain text for inline Markdown, including table cells and headings.

    Whitespace is collapsed, so the text is always a single line: nothing in it can start
    a block (heading, list, code block, table row) except at its very beginning, which is
    escaped too.
    """
    return _markdown_text(str(value))


#: Titles, names and labels recur on many pages (a measure's title in about ten lists);
#: at 3,000 measures this cache saves about a second per build.
@functools.lru_cache(maxsize=1 << 16)
def _markdown_text(value: str) -> str:
    text = clean_text(value)
    # Mark characters whose escape depends on their neighbours with private-use
    # placeholders first, then escape character by character.
    text = ENTITY_AMPERSAND.sub("\ue000", text)
    text = _EMOJI_SHORTCODE_COLON.sub("\ue001", text)
    text = _ACTIVE_HYPHEN.sub("\ue002", text)
    # "1." at the start of a paragraph or list item would open an ordered list.
    return _LEADING_ORDERED_MARKER.sub(r"\1\\.", text.translate(_MARKDOWN_ESCAPES))


def html_text(value: object) -> str:
    """Escape plain text for an HTML element or attribute value inside a raw HTML block."""
    return _escape_braces(html.escape(clean_text(str(value)), quote=True))


def _escape_braces(text: str) -> str:
    return text.replace("{", "&#123;").replace("}", "&#125;")


def _checked_url(value: str) -> str:
    # The model validates URLs; this guards against objects built around validation.
    if not (value.startswith("https://") or value.startswith("mailto:")) or _CONTROL.search(value):
        raise ValueError(f"unsafe URL reached the renderer: {value!r}")
    return value


def html_url(value: object) -> str:
    """An https or mailto URL for an ``href`` attribute."""
    return _escape_braces(html.escape(_checked_url(str(value)), quote=True))


def markdown_url(value: object) -> str:
    """An https or mailto URL as a Markdown link target (``[text](target)``)."""
    # Percent-encode what would end the target early or start a title or attribute list;
    # "%" stays, so existing escapes are kept as they are.
    # "'" is encoded too: it would end a target in any single-quoted context downstream.
    return quote(_checked_url(str(value)), safe="/:@!$&*+,;=?#%~.-_")


def html_comment_text(value: object) -> str:
    """Text inside an HTML comment: it must not close the comment or hold template syntax."""
    return _escape_braces(clean_text(str(value)).replace("--", "- -").replace(">", "&gt;"))


# --- Rich text --------------------------------------------------------------------------------

_RICH_TAGS = {"p", "ul", "ol", "li", "em", "strong", "a", "code", "blockquote", "h3", "h4", "br"}
_HEADING = re.compile(r"<(/?)h([1-6])>")
_BLANK_LINES = re.compile(r"\n\s*\n")


def render_rich_text(value: str) -> str:
    """Restricted Markdown → sanitised HTML that can be embedded in a page as a raw block.

    Raw HTML in the source is escaped (Python-Markdown's HTML processors are removed), the
    result is sanitised with an allowlist, headings are demoted to h3/h4 so they fit under
    the page's own h2, links keep only https/mailto targets.
    """
    converter = _rich_text_converter()
    rendered = _demote_headings(converter.reset().convert(_CONTROL.sub("", value)))
    cleaned = nh3.clean(
        rendered,
        tags=_RICH_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"https", "mailto"},
        url_relative="deny",
        link_rel="noopener",
        strip_comments=True,
    )
    # A blank line could end the raw HTML block early; HTML does not need it.
    return _escape_braces(_BLANK_LINES.sub("\n", cleaned).strip())


@functools.cache
def _rich_text_converter() -> markdown.Markdown:
    """One converter for all rich text, reset before each use: building one (loading its
    extensions and processors) took half the time of rendering a measure's description."""
    converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    # No images from outside: "![alt](url)" stays visible as "!" plus a link to the image.
    for pattern in ("image_link", "image_reference", "short_image_ref"):
        converter.inlinePatterns.deregister(pattern)
    return converter


def _demote_headings(rendered: str) -> str:
    """Map the text's highest heading level to h3, the next to h4, deeper ones to h4."""
    levels = sorted({int(level) for _, level in _HEADING.findall(rendered)})
    if not levels:
        return rendered
    target = {level: min(3 + index, 4) for index, level in enumerate(levels)}
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{target[int(m.group(2))]}>", rendered)


# --- Character references in plain text -------------------------------------------------------

#: What could be a character reference: "&#60;", "&#x3c", "&lt;", "&lt", "&notit;"…
_REFERENCE_CANDIDATE = re.compile(r"&(?:#[xX][0-9A-Fa-f]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")


def character_reference(value: str) -> str | None:
    """The first character reference in `value` that an HTML parser would decode, or None.

    Plain text forbids them (model.py): a browser, Jinja's `striptags` and the search index
    decode "&lt" with or without semicolon, so the same value would read as "<" in one place
    and as "&lt" in another. "A & B", "F&E" and "R&D" are no references and stay allowed.
    """
    for match in _REFERENCE_CANDIDATE.finditer(value):
        if html.unescape(match.group(0)) != match.group(0):
            return match.group(0)
    return None
