"""The DCAT-AP.de catalogue: parses as RDF and carries the properties the profile requires."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff
from repo_paths import MINIMAL

from generator.check.validate import load_strategy
from generator.exports.dcat import DCAT_FILE, render_dcat
from generator.exports.downloads import render_exports
from generator.model import Strategy

BASE_URL = "https://strategie.example.org/2020/"
# Open namespaces: rdflib's closed ones warn when pytest inspects this module's globals.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

# Required properties per class in DCAT-AP.de 2.0 (Spezifikation 2.0 of 1 March 2022, which
# takes over the mandatory properties of DCAT-AP 2.0.1) plus the rules of its
# Konventionenhandbuch 2.0 that apply to a municipal publisher: K36 publisher on the dataset,
# K31 licence and K32 format on each distribution, K01 e-mail or web address of the contact.
# Not here: K12/13 dcatde:contributorID, which names the system delivering to GovData (for a
# city, its state portal) and is set by that system when it passes the records on.
REQUIRED = {
    DCAT.Catalog: [DCTERMS["title"], DCTERMS.description, DCTERMS.publisher, DCAT.dataset],
    DCAT.Dataset: [DCTERMS["title"], DCTERMS.description, DCTERMS.publisher],
    DCAT.Distribution: [DCAT.accessURL, DCTERMS.license, DCTERMS["format"]],
}
# Recommended properties the brief and the city's portal rely on (geocoding, contact, dates).
RECOMMENDED = {
    DCAT.Catalog: [DCTERMS.modified, DCTERMS.language, DCTERMS.license, FOAF.homepage],
    DCAT.Dataset: [
        DCAT.contactPoint,
        DCAT.distribution,
        DCAT.keyword,
        DCAT.theme,
        DCAT.landingPage,
        DCTERMS.modified,
        DCTERMS.issued,
        DCTERMS.spatial,
        DCATDE.politicalGeocodingURI,
        DCATDE.politicalGeocodingLevelURI,
    ],
    DCAT.Distribution: [
        DCAT.downloadURL,
        DCAT.mediaType,
        DCTERMS["title"],
        DCTERMS.modified,
        DCATDE.licenseAttributionByText,
    ],
}
LICENCE = URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")


@pytest.fixture(scope="module")
def strategy() -> Strategy:
    loaded, problems = load_strategy(MINIMAL)
    assert loaded is not None, [p.format() for p in problems]
    return loaded


@pytest.fixture(scope="module")
def graph(strategy: Strategy) -> Graph:
    parsed = Graph()
    parsed.parse(data=render_dcat(strategy, base_url=BASE_URL), format="xml")
    return parsed


def test_catalogue_is_part_of_the_exports(strategy: Strategy) -> None:
    """render_exports carries the catalogue as daten/dcat.rdf, RDF/XML in UTF-8."""
    files = render_exports(strategy, base_url=BASE_URL)
    assert files[DCAT_FILE] == render_dcat(strategy, base_url=BASE_URL)
    assert str(DCAT_FILE) == "daten/dcat.rdf"
    assert files[DCAT_FILE].startswith(b'<?xml version="1.0" encoding="utf-8"?>')


def test_one_catalogue_one_dataset_three_distributions(graph: Graph) -> None:
    """The catalogue lists the strategy dataset, which has a JSON, CSV and XLSX distribution."""
    catalogues = list(graph.subjects(RDF.type, DCAT.Catalog))
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    distributions = set(graph.subjects(RDF.type, DCAT.Distribution))
    assert len(catalogues) == len(datasets) == 1
    assert list(graph.objects(catalogues[0], DCAT.dataset)) == datasets
    assert set(graph.objects(datasets[0], DCAT.distribution)) == distributions
    assert len(distributions) == 3


@pytest.mark.parametrize("properties", [REQUIRED, RECOMMENDED], ids=["required", "recommended"])
def test_classes_carry_their_properties(graph: Graph, properties: dict[URIRef, list]) -> None:
    """Every Catalog, Dataset and Distribution has each listed property at least once."""
    missing = [
        f"{kind} {node}: {prop}"
        for kind, wanted in properties.items()
        for node in graph.subjects(RDF.type, kind)
        for prop in wanted
        if (node, prop, None) not in graph
    ]
    assert missing == []


def test_vocabularies_and_values(graph: Graph, strategy: Strategy) -> None:
    """Licence, AGS geocoding, formats, media types, dates and agents are as DCAT-AP.de asks."""
    document = strategy.strategie
    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    municipality = URIRef(
        "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/"
        + document.stadt.gemeindeschluessel
    )
    assert set(graph.objects(dataset, DCATDE.politicalGeocodingURI)) == {municipality}
    assert str(document.stadt.gemeindeschluessel) == "05999000"
    newest = max(m.aktualisiert for m in strategy.massnahmen)
    assert set(graph.objects(dataset, DCTERMS.modified)) == {Literal(newest, datatype=XSD.date)}
    publisher = next(graph.objects(dataset, DCTERMS.publisher))
    assert (publisher, RDF.type, FOAF.Agent) in graph
    assert (publisher, FOAF.name, Literal(document.stadt.name)) in graph
    contact = next(graph.objects(dataset, DCAT.contactPoint))
    assert (contact, RDF.type, VCARD.Kind) in graph
    assert {VCARD.hasEmail, VCARD.hasURL} & set(graph.predicates(contact))
    formats = {}
    for distribution in graph.subjects(RDF.type, DCAT.Distribution):
        assert set(graph.objects(distribution, DCTERMS.license)) == {LICENCE}
        attribution = next(graph.objects(distribution, DCATDE.licenseAttributionByText))
        assert str(attribution) == document.lizenz.namensnennung
        (file_type,) = graph.objects(distribution, DCTERMS["format"])
        (media,) = graph.objects(distribution, DCAT.mediaType)
        (download,) = graph.objects(distribution, DCAT.downloadURL)
        assert str(file_type).startswith("http://publications.europa.eu/resource/authority/")
        assert str(media).startswith("https://www.iana.org/assignments/media-types/")
        formats[str(file_type).rsplit("/", 1)[1]] = str(download)
    assert formats == {
        "JSON": f"{BASE_URL}daten/strategie.json",
        "CSV": f"{BASE_URL}daten/massnahmen.csv",
        "XLSX": f"{BASE_URL}daten/massnahmen.xlsx",
    }


def test_download_urls_name_exported_files(graph: Graph, strategy: Strategy) -> None:
    """Every access, download and schema URL names a file that render_exports produces."""
    files = {f"{BASE_URL}{path}" for path in render_exports(strategy, base_url=BASE_URL)}
    linked = {
        str(url)
        for prop in (DCAT.accessURL, DCAT.downloadURL, DCTERMS.conformsTo)
        for url in graph.objects(None, prop)
    }
    assert linked and linked <= files


def test_without_base_url_references_resolve_against_the_file(strategy: Strategy) -> None:
    """Relative IRIs, read from the published address, equal the absolute catalogue."""
    relative = Graph().parse(
        data=render_dcat(strategy, base_url=None),
        format="xml",
        publicID=f"{BASE_URL}{DCAT_FILE}",
    )
    absolute = Graph().parse(data=render_dcat(strategy, base_url=BASE_URL), format="xml")
    _, only_absolute, only_relative = graph_diff(absolute, relative)
    assert list(only_relative) == []
    assert [p for _, p, _ in only_absolute] == [DCTERMS.identifier]


def test_text_is_escaped(strategy: Strategy) -> None:
    """Titles with XML-special characters survive as the same literal."""
    document = strategy.strategie.model_copy(update={"titel": 'Stadt & Land <2030> "neu"'})
    changed = strategy.model_copy(update={"strategie": document})
    graph = Graph().parse(data=render_dcat(changed, base_url=BASE_URL), format="xml")
    catalogue = next(graph.subjects(RDF.type, DCAT.Catalog))
    title = next(graph.objects(catalogue, DCTERMS["title"]))
    assert str(title) == 'Offene Daten: Stadt & Land <2030> "neu"'


def test_edition_dates(graph: Graph, strategy: Strategy) -> None:
    """Issued is the first council decision; the period runs to the end of the horizon."""
    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    first = min(e.datum for e in strategy.strategie.fortschreibungen)
    assert set(graph.objects(dataset, DCTERMS.issued)) == {Literal(first, datatype=XSD.date)}
    period = next(graph.objects(dataset, DCTERMS.temporal))
    end = date(strategy.strategie.horizont, 12, 31)
    assert (period, DCAT.endDate, Literal(end, datatype=XSD.date)) in graph
