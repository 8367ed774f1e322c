"""The files of one strategy, shape-checked, as validate.py collects them for crosscheck.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from generator import model, translation_model
from generator.check.tree import LoadedFile


@dataclass
class Collected:
    """The files of one strategy, shape-checked, before cross-checks."""

    document: model.StrategyDocument | None = None
    document_file: LoadedFile | None = None
    themes: list[tuple[model.Theme, LoadedFile]] = field(default_factory=list)
    measures: list[tuple[model.Measure, LoadedFile]] = field(default_factory=list)
    registries: dict[str, tuple[BaseModel, LoadedFile]] = field(default_factory=dict)
    #: Registry files that exist, valid or not (a broken file is not also "missing").
    registry_files: set[str] = field(default_factory=set)
    #: Ids as written in files that failed their shape check, so that references to them
    #: are still checked and an error in one file does not cause false errors elsewhere.
    raw_ids: dict[str, list[str]] = field(default_factory=dict)
    raw_fields_used: set[str] = field(default_factory=set)
    #: Entries in files that could not be read (or failed their shape check), by kind
    #: ("massnahmen", "leitthemen") and id, with the file: references to them are not
    #: reported where they stand but once, as a consequence, at that file.
    unreadable: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Folders below massnahmen/ with a file that could not be read: their Leitthema's
    #: Handlungsfelder are not reported as empty.
    unreadable_folders: set[str] = field(default_factory=set)
    #: `sprachen` in strategie.yml, checked apart from the rest of the file.
    languages: translation_model.Languages | None = None
