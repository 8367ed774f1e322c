"""The Atom feed of the changes: feed.xml beside the Änderungen page (pure).

In: the `History` (history.py), the feed's title and author, the tagging authority and date
for entry ids, and the address this edition is published under (or None). Out: the feed as
XML text (RFC 4287), built with ElementTree so that every value is escaped.

One entry per change set that Git dates (an edition whose tag exists, or a commit), newest
first. Ids are `tag:` URIs (RFC 4151) made of the city's web host, the date of the first
edition and the change set's key; they do not depend on where the site is published, so a
reader who follows the feed of a later edition sees no entry twice. Links (`<link href>`)
need absolute addresses and are only written when the address is known (SITE_URL). The feed
is dated by its newest entry, never by the clock.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from urllib.parse import urljoin

from generator import urls
from generator.history.describe import ChangeSet, History
from generator.views.changes import FEED_FILE, section_heading
from generator.wording import format_date_numeric

ATOM = "http://www.w3.org/2005/Atom"
#: Characters XML 1.0 does not allow at all, not even escaped: ElementTree would write them
#: and leave a feed no reader can parse. Text from Git is cleaned before (git.clean_text);
#: this is the last guard for every value.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class FeedSettings:
    """What the feed needs besides the history."""

    title: str
    author: str
    #: The tagging entity's host name, e.g. www.stadt.example.
    authority: str
    #: A date on which the authority owned its name: the first edition's.
    since: date
    #: Where this edition is published, ending in "/" (None: unknown, no links).
    base_url: str | None


def render_feed(history: History, settings: FeedSettings) -> str:
    """The Atom feed of `history`'s dated change sets, newest first."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: "de"})
    dated = sorted(
        (cs for cs in (*history.editions, *history.revisions) if cs.revision is not None),
        key=lambda cs: (_moment(cs), cs.key),
        reverse=True,
    )
    _text(feed, "id", _tag_uri(settings, "aenderungen"))
    _text(feed, "title", f"{settings.title} – Änderungen")
    newest = _moment(dated[0]) if dated else datetime.combine(settings.since, time(), UTC)
    _text(feed, "updated", newest.isoformat())
    if settings.base_url:
        _link(feed, _absolute(settings, FEED_FILE), "self", "application/atom+xml")
        _link(feed, _absolute(settings, _changes_html()), "alternate", "text/html")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", settings.author)
    for change_set in dated:
        _entry(feed, change_set, settings)
    ET.indent(feed, space="  ")
    body = ET.tostring(feed, encoding="unicode", short_empty_elements=True)
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _entry(feed: ET.Element, change_set: ChangeSet, settings: FeedSettings) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    _text(entry, "id", _tag_uri(settings, change_set.key))
    if change_set.edition is not None:
        title = section_heading(change_set)
    else:
        title = (
            f"Änderung vom {format_date_numeric(change_set.date)}: {section_heading(change_set)}"
        )
    _text(entry, "title", title)
    _text(entry, "updated", _moment(change_set).isoformat())
    if settings.base_url:
        address = _absolute(settings, f"{_changes_html()}#{change_set.key}")
        _link(entry, address, "alternate", "text/html")
    content = ET.SubElement(entry, f"{{{ATOM}}}content", {"type": "html"})
    content.text = _xml_text(_content_html(change_set, settings))


def _content_html(change_set: ChangeSet, settings: FeedSettings) -> str:
    """The change set as an HTML fragment (the element escapes it once more, as Atom wants)."""
    parts: list[str] = []
    if change_set.note:
        parts.append(f"<p>{html.escape(change_set.note)}</p>")
    items = []
    for changes in change_set.measures:
        name = html.escape(f"{changes.id}: {changes.title}")
        if settings.base_url and changes.kind != "entfernt":
            page = urls.measure_page(changes.id).with_suffix(".html")
            name = f'<a href="{html.escape(_absolute(settings, str(page)))}">{name}</a>'
        if changes.kind == "geändert":
            described = "; ".join(html.escape(line) for line in changes.changes)
        else:
            described = "neu aufgenommen" if changes.kind == "neu" else "entfernt"
        items.append(f"<li>{name}: {described}</li>")
    items += [f"<li>{html.escape(line)}</li>" for line in change_set.other]
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    return "".join(parts) or "<p>Keine inhaltlichen Änderungen.</p>"


def _moment(change_set: ChangeSet) -> datetime:
    """When Git recorded the change set's commit (only dated change sets get here)."""
    assert change_set.revision is not None
    return change_set.revision.time


def _tag_uri(settings: FeedSettings, key: str) -> str:
    return f"tag:{settings.authority},{settings.since.isoformat()}:strategie/{key}"


def _changes_html() -> str:
    return str(urls.CHANGES.with_suffix(".html"))


def _absolute(settings: FeedSettings, path: str) -> str:
    assert settings.base_url is not None
    return urljoin(settings.base_url, path)


def _text(parent: ET.Element, name: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = _xml_text(value)


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _link(parent: ET.Element, href: str, relation: str, media_type: str) -> None:
    attributes = {"rel": relation, "type": media_type, "href": _xml_text(href)}
    ET.SubElement(parent, f"{{{ATOM}}}link", attributes)
