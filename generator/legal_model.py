"""The city's facts for the legal pages (Impressum, Datenschutzerklärung, Erklärung zur
Barrierefreiheit) as kept in strategie.yml; re-exported by `model`, which holds the rest of the
data model. A missing fact is shown as a placeholder and stopped by the publication gate
(check/publication.py).
"""

from __future__ import annotations

from typing import Literal

from generator.values import IsoDate, PlainText, Record, Title, Url


class Office(Record):
    """A body or person named on the legal pages: who it is, how to reach it."""

    name: Title
    anschrift: list[Title] = []
    telefon: Title | None = None
    email: Url | None = None
    website: Url | None = None


class Imprint(Record):
    """The city's facts for the Impressum (§ 5 DDG); a missing one is shown as a placeholder."""

    herausgeber: Office | None = None
    #: Who legally represents the publisher (for a city: its mayor, by office).
    vertreten_durch: Title | None = None
    #: Responsible for the content (§ 18 Abs. 2 MStV): a person with address.
    inhaltlich_verantwortlich: Office | None = None
    #: The city's central imprint, which this site's imprint refers to.
    zentrales_impressum: Url | None = None


class DataProtection(Record):
    """The city's facts for the Datenschutzerklärung."""

    #: The data protection officer (a person or the office).
    beauftragte: Office | None = None
    #: Who runs the web server the site is served from.
    hosting: Title | None = None
    #: How long the web server keeps its access logs ("7 Tage").
    speicherdauer_protokolle: Title | None = None
    aufsichtsbehoerde: Office | None = None
    #: The city's central privacy statement.
    zentrale_erklaerung: Url | None = None


class AccessibilityStatement(Record):
    """The city's facts for the Erklärung zur Barrierefreiheit."""

    vereinbarkeit: Literal["vollständig vereinbar", "teilweise vereinbar", "nicht vereinbar"] = (
        "teilweise vereinbar"
    )
    #: When the statement was written or last reviewed.
    erstellt: IsoDate | None = None
    #: When the site was last assessed.
    geprueft: IsoDate | None = None
    #: Where readers report barriers; without it, `kontakt` of strategie.yml.
    kontakt: Office | None = None
    #: Known barriers beyond those the software states itself.
    einschraenkungen: list[PlainText] = []
    #: The state's enforcement body (in NRW: the Ombudsstelle für barrierefreie IT).
    durchsetzungsstelle: Office | None = None
