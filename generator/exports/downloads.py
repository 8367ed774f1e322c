"""Every download file of the site, assembled from the export formats."""

from __future__ import annotations

from pathlib import PurePosixPath

from generator.check.schemas import render_schemas
from generator.exports.columns import (
    CSV_FILE,
    JSON_FILE,
    JSON_SCHEMA_FILE,
    SCHEMA_FOLDER,
    XLSX_FILE,
    render_csv,
    render_json,
    render_json_schema,
)
from generator.exports.dcat import DCAT_FILE, render_dcat
from generator.exports.workbook import render_workbook
from generator.model import Strategy


def render_exports(strategy: Strategy, *, base_url: str | None) -> dict[PurePosixPath, bytes]:
    """Every download file by its path relative to the site root, as deterministic bytes.

    `base_url` is the address the site (this edition) is published under, for example
    ``https://strategie.example.de/2020/``; without it the DCAT catalogue and the `seite`
    column use addresses relative to the file that contains them.
    """
    files: dict[PurePosixPath, bytes] = {
        JSON_FILE: render_json(strategy),
        JSON_SCHEMA_FILE: render_json_schema(),
        CSV_FILE: render_csv(strategy, base_url=base_url),
        XLSX_FILE: render_workbook(strategy, base_url=base_url),
    }
    for name, text in render_schemas(strategy).items():
        files[SCHEMA_FOLDER / name] = text.encode("utf-8")
    files[DCAT_FILE] = render_dcat(strategy, base_url=base_url)
    return dict(sorted(files.items()))
