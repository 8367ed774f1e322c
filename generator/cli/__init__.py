"""Command line: arguments → stages → exit code."""

from generator.cli.commands import main as main
