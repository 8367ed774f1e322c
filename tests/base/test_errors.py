"""Failures the user can fix share one base class, `generator.errors.UserError`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import generator
from generator.cli.report import show_user_error
from generator.errors import DataProblems, UserError
from generator.problems import problem
from generator.terminal import EXIT_PROBLEMS

#: Exception classes that never reach the command line, with the reason.
INTERNAL = {
    # Caught by editing/xlsx_import.py and reported as a catalogue message of the import.
    "generator.editing.yamledit.UneditableYaml",
}


def _exception_classes() -> list[type[BaseException]]:
    found = []
    for module_info in pkgutil.walk_packages(generator.__path__, "generator."):
        if module_info.name == "generator.__main__":
            continue
        module = importlib.import_module(module_info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseException) and value.__module__ == module.__name__:
                found.append(value)
    return found


def test_every_public_exception_of_the_generator_is_a_user_error() -> None:
    """Each exception class a stage defines is a UserError, private to its module (leading
    underscore), or named in INTERNAL with the reason it never reaches the user."""
    classes = _exception_classes()
    assert DataProblems in classes and UserError in classes
    outside = [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in classes
        if not issubclass(cls, UserError) and not cls.__name__.startswith("_")
    ]
    assert sorted(outside) == sorted(INTERNAL)


def test_data_problems_are_shown_like_every_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    """DataProblems goes through the CLI's one path for UserErrors: its problems sorted, then
    the German message, exit code 1, no traceback."""
    later = problem("file_empty", "strategy/b.yml", 1, 1, expected="ein YAML-Abschnitt")
    earlier = problem("file_empty", "strategy/a.yml", 1, 1, expected="ein YAML-Abschnitt")
    failure = DataProblems([later, earlier])
    assert isinstance(failure, UserError) and failure.problems == [earlier, later]
    assert show_user_error(failure) == EXIT_PROBLEMS
    shown = capsys.readouterr().err
    assert (
        shown.index("strategy/a.yml")
        < shown.index("strategy/b.yml")
        < shown.index(
            "Die Daten in strategy/ enthalten 2 Problem(e). Prüfen Sie die Daten mit "
            "„strategie check“."
        )
    )
    assert "Traceback" not in shown
