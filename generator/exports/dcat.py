"""DCAT-AP.de catalogue of the downloads, as RDF/XML for the city's open-data portal (pure).

In: a validated `Strategy` and the address the site (this edition) is published under. Out:
the bytes of `daten/dcat.rdf`: one `dcat:Catalog` with one `dcat:Dataset` (the strategy) and
one `dcat:Distribution` per download format.

Why RDF/XML: it is the serialisation of the DCAT-AP.de examples and the one GovData and the
state portals harvest; CKAN's ckanext-dcat harvester reads it too (`rdf_format` not needed).

Vocabularies as DCAT-AP.de 2.0 and its Konventionenhandbuch ask: licence from
http://dcat-ap.de/def/licenses/ (K31), `dct:format` from the EU file-type list (K32),
`dcat:mediaType` from IANA, a contact point with e-mail or web address (K01), the publisher on
the dataset (K36), and political geocoding by the municipality key (AGS) from strategie.yml.
`dcatde:contributorID` (K12/13) is left out: it names the system that delivers to GovData
(for a city usually its state portal), which sets it when it passes the records on.

Without a base address every IRI is relative and resolves against the catalogue's own
address (RDF/XML's rule), so the file still reads correctly from where it is published;
harvesters that ignore the retrieval address need the absolute form, so published builds
should pass the address.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from generator import escape
from generator.derive.measures import latest_update
from generator.exports.columns import (
    CSV_FILE,
    DATA_FOLDER,
    JSON_FILE,
    JSON_SCHEMA_FILE,
    XLSX_FILE,
    normalise_base_url,
)
from generator.model import Strategy
from generator.presentation import KNOWN_LICENCES

DCAT_FILE = DATA_FOLDER / "dcat.rdf"

NAMESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"

#: Licence ids as strategie.yml writes them → the DCAT-AP.de licence vocabulary (one table
#: for the check of strategie.yml and this catalogue: presentation.KNOWN_LICENCES).
LICENCES = {licence: iri for licence, (_, iri) in KNOWN_LICENCES.items()}
GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/"
EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"


@dataclass(frozen=True)
class Download:
    """One distribution: a file in one format."""

    path: PurePosixPath
    slug: str
    title: str
    #: German text; "{themes}" and "{fields}" stand for the levels as the city names them.
    description: str
    #: Name in the EU file-type vocabulary.
    file_type: str
    media_type: str
    schema: PurePosixPath | None = None


DOWNLOADS = (
    Download(
        JSON_FILE,
        "json",
        "Strategie als JSON",
        "Die ganze Strategie in einer verschachtelten JSON-Datei: {themes}, {fields}, "
        "Maßnahmen und Verzeichnisse, beschrieben durch ein JSON-Schema.",
        "JSON",
        "application/json",
        JSON_SCHEMA_FILE,
    ),
    Download(
        CSV_FILE,
        "csv",
        "Maßnahmen als CSV",
        "Alle Maßnahmen als Tabelle, eine Zeile je Maßnahme (UTF-8, Komma als Trennzeichen). "
        "Die Spalten sind auf der Daten-Seite beschrieben.",
        "CSV",
        "text/csv",
    ),
    Download(
        XLSX_FILE,
        "xlsx",
        "Maßnahmen als Excel-Tabelle",
        "Alle Maßnahmen als Arbeitsmappe (XLSX) mit denselben Spalten wie die CSV-Datei und "
        "einem Blatt mit Hinweisen.",
        "XLSX",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
)


class _Writer:
    """A tiny RDF/XML writer: typed node elements, literal and resource properties."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def open(self, element: str, about: str | None = None, depth: int = 1) -> None:
        attribute = f" rdf:about={quoteattr(about)}" if about is not None else ""
        self.lines.append(f"{'  ' * depth}<{element}{attribute}>")

    def close(self, element: str, depth: int = 1) -> None:
        self.lines.append(f"{'  ' * depth}</{element}>")

    def text(self, prop: str, value: str, depth: int = 2, *, lang: bool = True) -> None:
        language = ' xml:lang="de"' if lang else ""
        cleaned = xml_escape(escape.clean_text(value))
        self.lines.append(f"{'  ' * depth}<{prop}{language}>{cleaned}</{prop}>")

    def day(self, prop: str, value: date, depth: int = 2) -> None:
        datatype = quoteattr(XSD_DATE)
        self.lines.append(
            f"{'  ' * depth}<{prop} rdf:datatype={datatype}>{value.isoformat()}</{prop}>"
        )

    def resource(self, prop: str, iri: str, depth: int = 2) -> None:
        self.lines.append(f"{'  ' * depth}<{prop} rdf:resource={quoteattr(iri)}/>")


def licence_iri(licence_id: str, fallback_url: str) -> str:
    """The DCAT-AP.de licence IRI for a licence id; the licence's own URL if not listed."""
    return LICENCES.get(licence_id.lower(), fallback_url)


def render_dcat(strategy: Strategy, *, base_url: str | None) -> bytes:
    """The catalogue file: Catalog → Dataset → one Distribution per download format."""
    document = strategy.strategie
    site = normalise_base_url(base_url) if base_url else None

    def iri(path: PurePosixPath | str) -> str:
        """An IRI for a file of the site, relative to the catalogue file when no base."""
        if site:
            return f"{site}{path}"
        return posixpath.relpath(str(path), str(DATA_FOLDER))

    def own(fragment: str) -> str:
        return f"{iri(DCAT_FILE)}#{fragment}" if site else f"#{fragment}"

    catalog, dataset, publisher = own("katalog"), own("strategie"), own("herausgeber")
    modified = latest_update(strategy.massnahmen) or max(e.datum for e in document.fortschreibungen)
    issued = min(edition.datum for edition in document.fortschreibungen)
    licence = licence_iri(document.lizenz.id, document.lizenz.url)
    municipality = f"{GEOCODING}municipalityKey/{document.stadt.gemeindeschluessel}"

    out = _Writer()
    out.open("dcat:Catalog", catalog)
    out.text("dct:title", f"Offene Daten: {document.titel}")
    out.text(
        "dct:description",
        f"Offene Daten zur Strategie „{document.untertitel}“ ({document.titel}): die "
        "Strategie als JSON, die Maßnahmen als CSV- und Excel-Tabelle.",
    )
    out.resource("dct:publisher", publisher)
    out.resource("foaf:homepage", iri("index.html"))
    out.resource("dct:language", f"{EU_AUTHORITY}language/DEU")
    out.resource("dct:license", licence)
    out.day("dct:modified", modified)
    out.resource("dct:spatial", municipality)
    out.resource("dcat:themeTaxonomy", f"{EU_AUTHORITY}data-theme")
    out.resource("dcat:dataset", dataset)
    out.close("dcat:Catalog")

    out.open("dcat:Dataset", dataset)
    out.text("dct:title", f"{document.titel} – {document.untertitel}")
    notice = f" {document.hinweis}" if document.hinweis else ""
    out.text("dct:description", f"{document.kurzbeschreibung}{notice}")
    if site:
        out.text("dct:identifier", dataset, lang=False)
    for keyword in ["Digitalisierung", "Smart City", *(t.titel for t in strategy.leitthemen)]:
        out.text("dcat:keyword", keyword)
    out.resource("dcat:theme", f"{EU_AUTHORITY}data-theme/GOVE")
    out.resource("dct:publisher", publisher)
    out.lines.append("    <dcat:contactPoint>")
    out.open("vcard:Organization", depth=3)
    out.resource("rdf:type", NAMESPACES["vcard"] + "Kind", depth=4)
    out.text("vcard:fn", document.kontakt.stelle, depth=4)
    if document.kontakt.email:
        out.resource("vcard:hasEmail", document.kontakt.email, depth=4)
    out.resource("vcard:hasURL", document.kontakt.website or document.stadt.website, depth=4)
    out.close("vcard:Organization", depth=3)
    out.lines.append("    </dcat:contactPoint>")
    out.day("dct:issued", issued)
    out.day("dct:modified", modified)
    out.resource("dct:language", f"{EU_AUTHORITY}language/DEU")
    out.resource("dct:accrualPeriodicity", f"{EU_AUTHORITY}frequency/IRREG")
    out.resource("dct:spatial", municipality)
    out.resource("dcatde:politicalGeocodingURI", municipality)
    out.resource("dcatde:politicalGeocodingLevelURI", f"{GEOCODING}Level/municipality")
    out.resource("dcat:landingPage", iri(DATA_FOLDER / "index.html"))
    out.lines.append("    <dct:temporal>")
    out.open("dct:PeriodOfTime", depth=3)
    out.day("dcat:startDate", issued, depth=4)
    out.day("dcat:endDate", date(document.horizont, 12, 31), depth=4)
    out.close("dct:PeriodOfTime", depth=3)
    out.lines.append("    </dct:temporal>")
    for download in DOWNLOADS:
        out.resource("dcat:distribution", own(download.slug))
    out.close("dcat:Dataset")

    out.open("foaf:Organization", publisher)
    out.resource("rdf:type", NAMESPACES["foaf"] + "Agent")
    out.text("foaf:name", document.stadt.name, lang=False)
    out.resource("foaf:homepage", document.stadt.website)
    out.close("foaf:Organization")

    for download in DOWNLOADS:
        out.open("dcat:Distribution", own(download.slug))
        out.text("dct:title", download.title)
        labels = document.bezeichnungen  # the levels as the city names them
        out.text(
            "dct:description",
            download.description.format(
                themes=labels.leitthema.mehrzahl, fields=labels.handlungsfeld.mehrzahl
            ),
        )
        out.resource("dcat:accessURL", iri(download.path))
        out.resource("dcat:downloadURL", iri(download.path))
        out.resource("dct:format", f"{EU_AUTHORITY}file-type/{download.file_type}")
        out.resource("dcat:mediaType", IANA_MEDIA_TYPES + download.media_type)
        out.resource("dct:license", licence)
        out.text("dcatde:licenseAttributionByText", document.lizenz.namensnennung)
        out.day("dct:modified", modified)
        if download.schema is not None:
            out.resource("dct:conformsTo", iri(download.schema))
        out.close("dcat:Distribution")

    header = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    header += [f"    xmlns:{prefix}={quoteattr(uri)}" for prefix, uri in NAMESPACES.items()]
    header[-1] += ">"
    text = "\n".join([*header, *out.lines, "</rdf:RDF>"]) + "\n"
    return text.encode("utf-8")
