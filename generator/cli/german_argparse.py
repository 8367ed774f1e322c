"""argparse in German: headings, usage line and usage errors, exit code 2 (cli/parser.py)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from generator.terminal import EXIT_USAGE


class GermanFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


class GermanParser(argparse.ArgumentParser):
    """argparse with German headings, German usage errors and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", GermanFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "Befehle und Angaben"
        self._optionals.title = "Optionen"

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: Aufruf fehlerhaft: {_translate_argparse(message)}\n")
        sys.stderr.write(f"Hilfe: {self.prog} --help\n")
        raise SystemExit(EXIT_USAGE)


def _translate_argparse(message: str) -> str:
    # argparse offers no error codes; its few fixed phrases are mapped here.
    replacements = {
        "the following arguments are required": "diese Angaben fehlen",
        "unrecognized arguments": "unbekannte Angaben",
        "invalid choice": "unbekannter Befehl",
        "choose from": "möglich sind",
        "expected one argument": "erwartet einen Wert",
        "argument": "Angabe",
    }
    for english, german in replacements.items():
        message = message.replace(english, german)
    return message


def add_help_option(command: argparse.ArgumentParser) -> None:
    """-h/--help with German help text (the parsers are made with add_help=False)."""
    command.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")
