"""The command line's options: German names, the earlier English spellings kept as aliases."""

from __future__ import annotations

import argparse

import pytest
from repo_paths import REPO

from generator.cli.parser import _build_parser

#: Earlier English option → its German name (both accepted, the German one shown first).
ALIASES = {
    "--out": "--ziel",
    "--strict": "--streng",
    "--push": "--hochladen",
    "--branch": "--zweig",
    "--site-url": "--website-adresse",
    "--site": "--website-ordner",
    "--id": "--kennung",
}


def _options(parser: argparse.ArgumentParser) -> list[list[str]]:
    """The option strings of every optional argument of the parser and its subcommands."""
    found: list[list[str]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _options(sub)
        elif action.option_strings:
            found.append([o for o in action.option_strings if o.startswith("--")])
    return found


def test_english_spellings_are_only_aliases_after_a_german_name() -> None:
    """No option has an English name of its own; each English alias follows its German name."""
    for strings in _options(_build_parser()):
        first, *others = strings
        assert first not in ALIASES, strings
        for alias in others:
            assert ALIASES.get(alias) == first, strings


@pytest.mark.parametrize(
    ("german", "english"),
    [
        (["check", "--streng"], ["check", "--strict"]),
        (["build", "--ziel", "x"], ["build", "--out", "x"]),
        (["export", "xlsx", "--ziel", "a.xlsx"], ["export", "xlsx", "--out", "a.xlsx"]),
        (
            ["veroeffentlichen", "--vorschau", "--hochladen", "--zweig", "z"],
            ["veroeffentlichen", "--vorschau", "--push", "--branch", "z"],
        ),
        (
            ["veroeffentlichen", "--vorschau", "--website-adresse", "https://a.example/"],
            ["veroeffentlichen", "--vorschau", "--site-url", "https://a.example/"],
        ),
        (
            ["pdf", "--website-ordner", "s", "--ziel", "d.pdf"],
            ["pdf", "--site", "s", "--out", "d.pdf"],
        ),
        (
            ["neu", "handlungsfeld", "--leitthema", "a", "--titel", "T", "--kennung", "k"],
            ["neu", "handlungsfeld", "--leitthema", "a", "--titel", "T", "--id", "k"],
        ),
    ],
)
def test_german_name_and_english_alias_mean_the_same(german: list[str], english: list[str]) -> None:
    """Scripts with the English spelling get exactly what the German name gives."""
    parser = _build_parser()
    assert parser.parse_args(german) == parser.parse_args(english)


def test_every_german_option_is_in_the_readme() -> None:
    """README.md names every renamed option by its German name."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert [name for name in ALIASES.values() if f"{name}" not in text] == []
