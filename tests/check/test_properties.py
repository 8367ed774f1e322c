"""Property tests: any valid measure survives dump → load → validate unchanged."""

from __future__ import annotations

from datetime import date
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.load import load_bytes
from generator.check.scalars import resolve_plain
from generator.check.shape import validate_shape
from generator.model import Measure


class _QuotingDumper(yaml.SafeDumper):
    """PyYAML leaves some strings unquoted that YAML 1.1 tools read as other types (y, n,
    08, 0:30, 1e5); the loader rejects or resolves them, so quote them, as an editor must."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if resolve_plain(value) != value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_QuotingDumper.add_representer(str, _represent_str)


def _dump(data: dict[str, Any]) -> bytes:
    return yaml.dump(data, Dumper=_QuotingDumper, allow_unicode=True, sort_keys=False).encode()


# Plain text without markup triggers (<, {{, {%, javascript:, --8<--, &#…; character
# references, which the model refuses) and not blank.
_letters = st.characters(
    codec="utf-8",
    categories=("L", "N", "Zs", "Pd", "Po"),
    exclude_characters="<>{}&\r\u2028\u2029\x85",
)
text = st.text(_letters, min_size=1, max_size=80).filter(lambda s: s.strip() != "")
_word = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6)
slug = st.builds(
    lambda first, rest: "-".join([first, *rest]),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6),
    st.lists(_word, max_size=2),
)
years = st.integers(min_value=1990, max_value=2100)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def measures(draw: st.DrawFn) -> dict[str, Any]:
    """Raw data of a valid Measure, as an editor would write it (dates as ISO text)."""
    start = draw(years)
    rating: dict[str, Any]
    if draw(st.booleans()):
        rating = {
            "quelle": draw(st.sampled_from(["beispiel", "offiziell"])),
            "stand": draw(days).isoformat(),
            "werte": draw(st.dictionaries(slug, st.integers(1, 5), min_size=1, max_size=4)),
        }
    else:
        rating = {"quelle": "nicht bewertet"}
    data: dict[str, Any] = {
        "id": draw(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=5))
        + "-"
        + str(draw(st.integers(1, 999))).zfill(2),
        "titel": draw(text),
        "kurzbeschreibung": draw(text),
        "beschreibung": draw(text),
        "leitthema": draw(slug),
        "handlungsfeld": draw(st.one_of(st.none(), slug)),
        "operative_ziele": draw(st.lists(st.integers(1, 99), max_size=3)),
        "status": draw(slug),
        "status_seit": draw(days).isoformat(),
        "fortschritt": draw(st.one_of(st.none(), st.integers(0, 100))),
        "zeitraum": {"beginn": start, "ende": draw(st.one_of(st.none(), years))},
        "raumbezug": {
            "ebene": draw(st.sampled_from(["quartier", "stadtteil", "gesamtstadt"])),
            "stadtteile": draw(st.lists(slug, max_size=3)),
        },
        "verantwortlich": draw(slug),
        "partner": draw(st.lists(slug, max_size=3)),
        "bewertung": rating,
        "sdgs": draw(st.lists(st.integers(1, 17), max_size=4)),
        "meilensteine": [
            {"titel": draw(text), "datum": draw(days).isoformat(), "erreicht": draw(st.booleans())}
            for _ in range(draw(st.integers(0, 2)))
        ],
        "links": [{"titel": draw(text), "url": "https://www.example.de/" + draw(slug)}],
        "beispielmassnahme": draw(st.booleans()),
        "aktualisiert": draw(days).isoformat(),
    }
    return data


@settings(max_examples=200, deadline=None)
@given(measures())
def test_measure_round_trips_through_yaml(data: dict[str, Any]) -> None:
    """Dumping valid measure data to YAML and loading it back gives the same model."""
    expected = Measure.model_validate(data)
    dumped = _dump(data)
    loaded, problems = load_bytes(dumped, "strategy/massnahmen/x/y.yml")
    assert problems == []
    assert loaded is not None
    measure, shape_problems = validate_shape(loaded, Measure, "Maßnahme")
    assert shape_problems == []
    assert measure == expected


@settings(max_examples=200, deadline=None)
@given(measures(), st.sampled_from(["titel", "status", "zeitraum", "bewertung", "aktualisiert"]))
def test_removing_a_required_key_is_reported_at_the_mapping(data: dict[str, Any], key: str) -> None:
    """Any valid measure missing a required key yields exactly that problem, located."""
    del data[key]
    dumped = _dump(data)
    loaded, _ = load_bytes(dumped, "strategy/x.yml")
    assert loaded is not None
    measure, problems = validate_shape(loaded, Measure, "Maßnahme")
    assert measure is None
    assert [(p.code, p.line) for p in problems] == [("missing_key", 1)]
    assert f"„{key}“" in problems[0].message
