"""Hostile text from the data stays text in every context it reaches HTML (issue 13).

Three layers, each tested on its own:

- validation: plain-text fields refuse markup and HTML character references („&lt“, „&#60“
  with or without semicolon), which browsers and Jinja's `striptags` decode;
- escaping: even a value that never went through validation (models changed with
  `model_copy`) renders inert, as Markdown → HTML and as a navigation title after what
  Material does with it (`striptags`, then raw output);
- the whole pipeline: the hostile fixture built online and offline by `strategie build`; every
  built HTML file is parsed and holds no element or attribute from the data.
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_build import active_parts, build_hostile, hostile_project, run_strategie
from markupsafe import Markup
from pydantic import TypeAdapter, ValidationError
from render_fixtures import load_case
from render_html import dangers, parse, to_html

from generator import escape, model
from generator.render.engine import nav_title, render_site

#: Payloads that plain-text fields refuse (markup, references, template and snippet syntax).
REFUSED = [
    "&lt/title&gt&ltimg src=x onerror=alert(1)&gt",
    "&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;",
    "&#60/title&#62&#60img src=x onerror=alert(1)&#62",
    "&#x3c;script&#x3e;alert(1)&#x3c;/script&#x3e;",
    "&#X3C;svg onload=alert(1)&#X3E;",
    "Tom &amp Jerry",
    "jav&#x61;script&colon;alert(1)",
    "</title><img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "<svg><text>x</text></svg>",
    "javascript:alert(1)",
    "{{ config.site_name }}",
    "{% include 'x' %}",
    "--8<-- geheim.txt",
]

#: Payloads that plain-text fields accept: hostile, but text once escaped.
ACCEPTED = [
    "</title <img src=x onerror=alert(1)//",
    "<script alert(1) </script",
    '" onmouseover="alert(1)" data-x="',
    "' onfocus='alert(1)' autofocus='",
    "[Link](https://evil.example) ![Bild](https://evil.example/b.png)",
    "[x]: https://evil.example",
    "`code` ``mehr`` *fett* _kursiv_ # Raute",
    '{: onclick="alert(1)" .injected #anker }',
    "{ {7*7} } { % raw % }",
    "--8< -- geheim.txt",
    "A & B, F&E, R&D, AT&T, &xyz;",
    "Zeile\u2028Trenner\u2029Absatz",
    "\u202egnirts\u202c rechts nach links \u200f",
    "| Spalte | Spalte |",
    "1. Liste",
    "<!-- Kommentar",
    "]]> <![CDATA[",
]

TITLE = TypeAdapter(model.Title)
PLAIN = TypeAdapter(model.PlainText)


@pytest.mark.parametrize("payload", REFUSED)
def test_plain_text_refuses_markup_and_references(payload: str) -> None:
    """Titles and plain text refuse HTML, character references, template and snippet syntax."""
    for adapter in (TITLE, PLAIN):
        with pytest.raises(ValidationError) as caught:
            adapter.validate_python(payload)
        assert caught.value.errors()[0]["type"] in {"text_markup", "text_reference"}


@pytest.mark.parametrize("payload", ACCEPTED)
def test_plain_text_accepts_hostile_text_that_escaping_handles(payload: str) -> None:
    """What is no markup and no reference passes validation: escaping must make it inert."""
    assert TITLE.validate_python(payload) == payload
    assert PLAIN.validate_python(payload) == payload


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("&lt", "&lt"),
        ("a &#60 b", "&#60"),
        ("&#x3C;", "&#x3C;"),
        ("&notit;", "&notit;"),
        ("Gebühr &euro; 5", "&euro;"),
        ("Gebühr &euro 5", None),  # no legacy name: browsers leave it as it is
        ("A & B", None),
        ("F&E und R&D", None),
        ("&xyz;", None),
    ],
)
def test_character_reference_finds_what_browsers_decode(text: str, found: str | None) -> None:
    """Only sequences an HTML parser would decode count as references; a lone „&“ does not."""
    assert escape.character_reference(text) == found


# --- escaping without validation --------------------------------------------------------------


def material_title(title_html: str) -> str:
    """What docs/theme/main.html writes into <title>: `page.title | striptags | e`."""
    return str(Markup.escape(Markup(title_html).striptags()))


@pytest.mark.parametrize("payload", REFUSED + ACCEPTED)
def test_nav_title_stays_text_in_every_material_context(payload: str) -> None:
    """A navigation title shows the text as written, raw (nav, header) and in <title>."""
    expected = " ".join(escape.clean_text(payload).split())
    title = nav_title(payload)
    raw = parse(title)
    assert raw.elements == [], title
    assert raw.text == expected
    in_title = material_title(title)
    assert "<" not in in_title
    # <title> holds text only (RCDATA): references are decoded once, nothing else happens.
    assert " ".join(html.unescape(in_title).split()) == expected


@pytest.fixture(scope="module")
def hostile() -> model.Strategy:
    return load_case("hostile")


def with_payload(strategy: model.Strategy, payload: str) -> model.Strategy:
    """The strategy with `payload` in every plain-text field that reaches many pages,
    bypassing validation (`model_copy` does not validate)."""
    measure = strategy.massnahmen[0].model_copy(
        update={"titel": payload, "kurzbeschreibung": payload, "beteiligung": payload}
    )
    theme = strategy.leitthemen[0]
    field = theme.handlungsfelder[0].model_copy(update={"titel": payload})
    theme = theme.model_copy(
        update={"titel": payload, "kurzbeschreibung": payload, "handlungsfelder": [field]}
    )
    actor = strategy.akteure[0].model_copy(update={"name": payload, "kurzname": payload})
    district = strategy.stadtteile[0].model_copy(update={"name": payload})
    goal = strategy.sdgs[0].model_copy(update={"titel": payload})
    guideline = strategy.leitlinien[0].model_copy(update={"titel": payload})
    document = strategy.strategie.model_copy(
        update={"titel": payload, "kurzbeschreibung": payload, "motto": payload}
    )
    return strategy.model_copy(
        update={
            "strategie": document,
            "massnahmen": [measure, *strategy.massnahmen[1:]],
            "leitthemen": [theme, *strategy.leitthemen[1:]],
            "akteure": [actor, *strategy.akteure[1:]],
            "stadtteile": [district, *strategy.stadtteile[1:]],
            "sdgs": [goal, *strategy.sdgs[1:]],
            "leitlinien": [guideline, *strategy.leitlinien[1:]],
        }
    )


def navigation_titles(entries: list[object]) -> Iterator[str]:
    for entry in entries:
        if isinstance(entry, dict):
            for title, child in entry.items():
                yield title
                if isinstance(child, list):
                    yield from navigation_titles(child)


@pytest.mark.parametrize("payload", REFUSED + ACCEPTED)
def test_unvalidated_payload_renders_inert_on_every_page(
    hostile: model.Strategy, payload: str
) -> None:
    """Escaping alone keeps each payload inert on every page and in every navigation title."""
    site = render_site(with_payload(hostile, payload))
    for path, text in site.pages.items():
        if path.suffix != ".md":
            continue
        assert "{{" not in text and "{%" not in text, path
        assert dangers(to_html(text)) == [], (path, payload)
    titles = list(navigation_titles(site.navigation))
    assert nav_title(payload) in titles
    for title in titles:
        assert parse(title).elements == [], title


# --- the whole pipeline --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The hostile fixture built online and offline by `strategie build`."""
    return build_hostile(tmp_path_factory.mktemp("feindlich"), "https://stadt.example/strategie/")


def test_hostile_build_has_no_active_part_from_data(hostile_sites: tuple[Path, Path]) -> None:
    """No built HTML file, online or offline, holds a script, handler or image from the data."""
    checked = 0
    for site in hostile_sites:
        for page in sorted(site.rglob("*.html")):
            found = active_parts(page.read_text(encoding="utf-8")).found
            assert found == [], (page.relative_to(site).as_posix(), found)
            checked += 1
    assert checked > 40, checked


def test_hostile_titles_are_text_in_title_nav_and_heading(
    hostile_sites: tuple[Path, Path], hostile: model.Strategy
) -> None:
    """The hostile measure title reads as written in <title>, the navigation and the heading
    (an example measure's navigation title, and so its <title>, says „Beispielmaßnahme“)."""
    measure = hostile.massnahmen[0]
    expected = " ".join(escape.clean_text(f"{measure.id}: {measure.titel}").split())
    mark = " (Beispielmaßnahme)" if measure.beispielmassnahme else ""
    for site in hostile_sites:
        page = (site / "massnahmen" / f"{measure.id.lower()}.html").read_text(encoding="utf-8")
        title = active_parts(page).title
        assert title.startswith(expected + mark + " - "), title
        parsed = parse(page)
        assert parsed.text.count(expected) >= 2  # heading and navigation at least
        assert "<img" not in page.split("</title>")[0].split("<title>")[1]


def test_hostile_search_index_titles_are_inert(hostile_sites: tuple[Path, Path]) -> None:
    """Titles and texts in the search index (shown by Material as HTML) hold no markup."""
    index = json.loads(
        (hostile_sites[0] / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    for document in index["docs"]:
        for key in ("title", "text"):
            assert dangers(document[key]) == [], (document["location"], key)
            assert active_parts(document[key]).found == [], document["location"]


def test_hostile_feed_and_dcat_are_well_formed(hostile_sites: tuple[Path, Path]) -> None:
    """The feed and the DCAT file parse as XML, so no data text broke out of its element."""
    files = [
        path
        for path in (hostile_sites[0] / "feed.xml", *sorted(hostile_sites[0].rglob("*.rdf")))
        if path.is_file()
    ]
    assert files, "no feed.xml or DCAT file in the build"
    for path in files:
        root = ET.parse(path).getroot()
        for element in root.iter():
            local = element.tag.rsplit("}", 1)[-1].lower()
            assert local not in {"script", "img", "svg"}, (path.name, element.tag)


# --- SITE_URL --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "site_url",
    [
        'https://stadt.example/"><script>alert(1)</script>',
        "javascript:alert(1)",
        "https://stadt.example/it's",
        "https://stadt.example/ mit Leerzeichen",
        "https://stadt.example/\u0007",
        "https://stadt.example/?q=<b>",
        "ftp://stadt.example/",
    ],
)
def test_bad_site_url_is_refused_with_a_german_message(tmp_path: Path, site_url: str) -> None:
    """`strategie build` refuses a SITE_URL that could break out of a page: exit 2, no traceback."""
    project = hostile_project(tmp_path / "projekt")
    result = run_strategie(project, "build", "--out", str(tmp_path / "site"), SITE_URL=site_url)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("strategie: SITE_URL „"), result.stderr
    assert "ist keine erlaubte Adresse der Website. Erwartet wird eine Adresse mit https://" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_site_url_message_is_pinned() -> None:
    """The exact German text for a refused SITE_URL."""
    from generator.siteurl import site_url_error

    assert site_url_error("https://a.example/'", "--site-url") == (
        "--site-url „https://a.example/'“ ist keine erlaubte Adresse der Website. Erwartet "
        "wird eine Adresse mit https:// oder http:// ohne Leerzeichen, Anführungszeichen, "
        "spitze Klammern, Steuerzeichen, „?“ oder „#“, etwa https://stadt.github.io/strategie/."
    )
    assert site_url_error("https://stadt.github.io/strategie/") is None
    assert site_url_error("http://127.0.0.1:8000/") is None


def test_single_quote_in_link_target_keeps_the_whole_address() -> None:
    """A „'“ in a link target is percent-encoded, so the link is not cut short."""
    target = escape.markdown_url("https://www.example.org/it's/seite")
    assert "'" not in target
    rendered = parse(to_html(f"[Seite]({target})"))
    assert rendered.elements[-1].attributes["href"] == "https://www.example.org/it%27s/seite"


def test_bad_site_url_option_is_refused_before_publishing(tmp_path: Path) -> None:
    """`strategie veroeffentlichen --site-url` with a quote is refused: exit 2, German, no trace."""
    project = hostile_project(tmp_path / "projekt")
    result = run_strategie(
        project, "veroeffentlichen", "--vorschau", "--site-url", "https://x.example/'\"><b>"
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith(
        "strategie veroeffentlichen: --site-url „https://x.example/'\"><b>“ ist keine"
    )
    assert "Traceback" not in result.stderr
