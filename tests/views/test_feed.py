"""The Atom feed of the changes: valid XML, one entry per dated change set, safe escaping."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime

from generator.history.describe import ChangeSet, History, MeasureChanges, Revision
from generator.model import Edition
from generator.site.pipeline import feed_url, published_url
from generator.views.feed import ATOM, FeedSettings, render_feed

NS = {"a": ATOM}
EDITION_2020 = Edition(
    id="2020",
    titel="Ratsbeschluss 2020",
    datum=date(2020, 6, 25),
    beschluss="Beschlossen.",
    zusammenfassung="Erste Fassung.",
)
EDITION_2024 = Edition(
    id="2024",
    titel="Fortschreibung 2024",
    datum=date(2024, 3, 14),
    beschluss="Beschlossen.",
    zusammenfassung="Fortschreibung.",
)


def revision(commit: str, time: str, subject: str) -> Revision:
    return Revision(commit * 40, datetime.fromisoformat(time), subject)


HISTORY = History(
    editions=(
        ChangeSet(
            "fassung-2024",
            EDITION_2024,
            EDITION_2020,
            revision("b", "2024-07-01T10:00:00+02:00", "Fortschreibung 2024"),
            measures=(
                MeasureChanges(
                    "VER-01", "Serviceportal", "geändert", ("Fortschritt 40 % → 100 %",)
                ),
                MeasureChanges("VER-09", "Alt", "entfernt"),
            ),
            other=("Strategie: Fortschreibungen hinzugefügt: „Fortschreibung 2024“",),
        ),
        ChangeSet("fassung-2020", EDITION_2020, None, None, note="Kein Tag."),
    ),
    revisions=(
        ChangeSet(
            "aenderung-cccccccccccc",
            None,
            None,
            # Earlier than the edition's commit although its local time reads later.
            revision("c", "2024-07-01T09:30:00-04:00", "Neu: <VER-10> & mehr"),
            measures=(MeasureChanges("VER-10", "Neu & <b>fett</b>", "neu"),),
        ),
        ChangeSet(
            "aenderung-aaaaaaaaaaaa",
            None,
            None,
            revision("a", "2020-06-25T12:00:00+02:00", "Fassung 2020"),
            note="Erster Stand der Daten.",
        ),
    ),
)


def settings(base_url: str | None) -> FeedSettings:
    return FeedSettings(
        title="Vernetzte Stadt",
        author="Stadt Musterstadt",
        authority="www.musterstadt.example.org",
        since=date(2020, 6, 25),
        base_url=base_url,
    )


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="')
    return ET.fromstring(text.encode("utf-8"))


def test_feed_is_atom_with_one_entry_per_dated_change_set() -> None:
    """Valid XML in the Atom namespace; entries match the change sets that Git dates."""
    feed = parse(render_feed(HISTORY, settings(None)))
    assert feed.tag == f"{{{ATOM}}}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    assert feed.findtext("a:title", namespaces=NS) == "Vernetzte Stadt – Änderungen"
    assert feed.findtext("a:author/a:name", namespaces=NS) == "Stadt Musterstadt"
    ids = [entry.findtext("a:id", namespaces=NS) for entry in feed.findall("a:entry", NS)]
    prefix = "tag:www.musterstadt.example.org,2020-06-25:strategie/"
    # Newest first by the moment, not by the local clock reading; the untagged edition has
    # no date and no entry.
    assert ids == [
        f"{prefix}aenderung-cccccccccccc",
        f"{prefix}fassung-2024",
        f"{prefix}aenderung-aaaaaaaaaaaa",
    ]
    assert feed.findtext("a:id", namespaces=NS) == f"{prefix}aenderungen"
    assert feed.findtext("a:updated", namespaces=NS) == "2024-07-01T09:30:00-04:00"


def test_entries_carry_the_changes_and_no_links_without_an_address() -> None:
    """Without SITE_URL no <link> at all; every changed measure is named in its entry."""
    feed = parse(render_feed(HISTORY, settings(None)))
    assert feed.findall(".//a:link", NS) == []
    entries = {
        entry.findtext("a:id", namespaces=NS): entry for entry in feed.findall("a:entry", NS)
    }
    edition = entries["tag:www.musterstadt.example.org,2020-06-25:strategie/fassung-2024"]
    assert edition.findtext("a:title", namespaces=NS) == "Fassung 2024: Fortschreibung 2024"
    assert edition.findtext("a:updated", namespaces=NS) == "2024-07-01T10:00:00+02:00"
    content = edition.find("a:content", NS)
    assert content is not None and content.get("type") == "html"
    assert content.text == (
        "<ul><li>VER-01: Serviceportal: Fortschritt 40 % → 100 %</li>"
        "<li>VER-09: Alt: entfernt</li>"
        "<li>Strategie: Fortschreibungen hinzugefügt: „Fortschreibung 2024“</li></ul>"
    )
    first = entries["tag:www.musterstadt.example.org,2020-06-25:strategie/aenderung-aaaaaaaaaaaa"]
    assert first.findtext("a:content", namespaces=NS) == "<p>Erster Stand der Daten.</p>"


def test_links_are_absolute_with_an_address() -> None:
    """With SITE_URL: self and alternate links, entry links to the section, measure links."""
    base = "https://stadt.example.org/strategie/2024/"
    feed = parse(render_feed(HISTORY, settings(base)))
    links = {link.get("rel"): link.get("href") for link in feed.findall("a:link", NS)}
    assert links == {"self": f"{base}feed.xml", "alternate": f"{base}aenderungen.html"}
    entry = feed.findall("a:entry", NS)[1]
    link = entry.find("a:link", NS)
    assert link is not None and link.get("href") == f"{base}aenderungen.html#fassung-2024"
    content = entry.findtext("a:content", namespaces=NS) or ""
    assert f'<a href="{base}massnahmen/ver-01.html">VER-01: Serviceportal</a>' in content
    assert "ver-09.html" not in content  # removed measures have no page


def test_text_from_the_data_and_git_is_escaped() -> None:
    """Markup in a title stays text, in the XML and in the HTML content; the commit subject
    is not used at all (entries are titled from the semantic diff)."""
    text = render_feed(HISTORY, settings(None))
    feed = parse(text)
    entry = feed.findall("a:entry", NS)[0]
    title = entry.findtext("a:title", namespaces=NS)
    assert title == "Änderung vom 01.07.2024: VER-10 neu aufgenommen"
    assert "<VER-10>" not in text  # the commit subject is never shown
    assert entry.findtext("a:content", namespaces=NS) == (
        "<ul><li>VER-10: Neu &amp; &lt;b&gt;fett&lt;/b&gt;: neu aufgenommen</li></ul>"
    )
    assert "<b>" not in text


def test_feed_is_deterministic_and_dated_without_entries() -> None:
    """The same history gives the same bytes; an empty feed is dated by the first edition."""
    assert render_feed(HISTORY, settings(None)) == render_feed(HISTORY, settings(None))
    empty = parse(render_feed(History(), settings(None)))
    assert empty.findtext("a:updated", namespaces=NS) == "2020-06-25T00:00:00+00:00"
    assert empty.findall("a:entry", NS) == []


def test_published_url_adds_mikes_version_folder() -> None:
    """SITE_URL alone, with a slash added, or followed by the version mike is building."""
    assert published_url({}) is None
    assert published_url({"SITE_URL": "https://x.example/s"}) == "https://x.example/s/"
    assert (
        published_url({"SITE_URL": "https://x.example/s/", "MIKE_DOCS_VERSION": "2024"})
        == "https://x.example/s/2024/"
    )


def test_feed_of_the_current_edition_links_to_the_alias_folder() -> None:
    """With STRATEGIE_ALIAS (publishing --aktuell) the feed links into aktuell/, not 2024/."""
    mike = {"SITE_URL": "https://x.example/s", "MIKE_DOCS_VERSION": "2024"}
    assert feed_url(mike) == "https://x.example/s/2024/"
    assert feed_url({**mike, "STRATEGIE_ALIAS": "aktuell"}) == "https://x.example/s/aktuell/"
    # Outside mike (a plain build) there is no alias folder to point at.
    assert feed_url({"SITE_URL": "https://x.example/s/", "STRATEGIE_ALIAS": "aktuell"}) == (
        "https://x.example/s/"
    )
