"""The README documents every command of the command line."""

from __future__ import annotations

import argparse

from repo_paths import REPO

from generator.cli.parser import _build_parser

README = REPO / "README.md"


def _commands(parser: argparse.ArgumentParser, prefix: str = "strategie") -> list[str]:
    """Every command as typed, with its subcommands: „strategie export xlsx“ …"""
    found: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = _commands(sub, f"{prefix} {name}")
                found += inner or [f"{prefix} {name}"]
    return found


def test_every_command_is_in_the_readme() -> None:
    """Each command and subcommand of the parser is named in README.md as `strategie …`."""
    commands = _commands(_build_parser())
    assert "strategie export xlsx" in commands and "strategie check" in commands
    text = README.read_text(encoding="utf-8")
    missing = [command for command in commands if f"`{command}" not in text]
    assert missing == []


def test_every_command_has_a_runner() -> None:
    """Each top-level command of the parser is dispatched by cli/commands.py, and nothing more."""
    from generator.cli.commands import _COMMANDS

    top = {command.split()[1] for command in _commands(_build_parser())}
    assert top == set(_COMMANDS)


def test_readme_pictures_exist_as_taken_by_the_script() -> None:
    """The README shows the two pictures that scripts/readme-bilder.sh takes: PNG files of the
    desktop (1280 px) and phone (390 px) width, each named in the script's table."""
    import struct

    text = README.read_text(encoding="utf-8")
    for name, width in (("startseite-desktop.png", 1280), ("massnahme-telefon.png", 390)):
        assert f'src="docs/bilder/{name}"' in text, name
        data = (README.parent / "docs" / "bilder" / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", name
        assert struct.unpack(">I", data[16:20])[0] == width, name
