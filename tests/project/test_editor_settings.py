"""The repository carries editor settings: VS Code maps every data file to its JSON Schema and
recommends the YAML extension; .editorconfig fixes UTF-8, LF and two-space YAML without tabs."""

from __future__ import annotations

import configparser
import json
from pathlib import PurePosixPath
from typing import Any

import pytest
from repo_paths import REPO as ROOT

from generator.check.translations import KINDS, german_kind, is_translation
from generator.check.validate import schema_name


def _matches(path: PurePosixPath, glob: str) -> bool:
    """A whole-path glob match, as the YAML extension applies it to workspace paths."""
    return len(path.parts) == len(PurePosixPath(glob).parts) and path.match(glob)


def _settings() -> dict[str, Any]:
    settings: dict[str, Any] = json.loads(
        (ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8")
    )
    return settings


@pytest.mark.skipif(
    not (ROOT / "strategy" / "schemas").is_dir(),
    reason="strategy/ hat keinen Ordner schemas/ (optional; „strategie schemas“ legt ihn an)",
)
def test_vscode_names_existing_schemas() -> None:
    """Each schema yaml.schemas names is a file in strategy/schemas/."""
    mapping = _settings()["yaml.schemas"]
    assert mapping
    for schema in mapping:
        assert (ROOT / schema).is_file(), schema


def test_vscode_maps_every_data_file_to_its_schema() -> None:
    """Each data file in strategy/ matches exactly its own schema in yaml.schemas."""
    settings = _settings()
    mapping = settings["yaml.schemas"]
    checked = 0
    for path in sorted((ROOT / "strategy").rglob("*.yml")):
        relative = PurePosixPath(path.relative_to(ROOT).as_posix())
        matching = [s for s, glob in mapping.items() if _matches(relative, glob)]
        inner = PurePosixPath(*relative.parts[1:])
        if is_translation(inner):
            kind = german_kind(PurePosixPath(*inner.parts[2:]))
            assert kind is not None, relative
            name: str | None = KINDS[kind][1]
        else:
            name = schema_name(inner)
        assert matching == [f"./strategy/schemas/{name}.schema.json"], relative
        checked += 1
    assert checked > 0
    assert settings["[yaml]"]["editor.insertSpaces"] is True
    assert settings["[yaml]"]["editor.tabSize"] == 2
    assert settings["files.eol"] == "\n"
    assert settings["files.encoding"] == "utf8"
    assert settings["yaml.schemaStore.enable"] is False  # no network, no foreign schema


def test_vscode_recommends_the_yaml_extension() -> None:
    """VS Code (and github.dev) offer Red Hat's YAML extension when the folder is opened."""
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_editorconfig_fixes_encoding_line_ends_and_yaml_indentation() -> None:
    """.editorconfig: UTF-8 and LF everywhere, two spaces and no tabs in YAML."""
    config = configparser.ConfigParser()
    config.read_string("[top]\n" + (ROOT / ".editorconfig").read_text(encoding="utf-8"))
    assert config["top"]["root"] == "true"
    assert config["*"]["charset"] == "utf-8"
    assert config["*"]["end_of_line"] == "lf"
    assert config["*.{yml,yaml}"]["indent_style"] == "space"
    assert config["*.{yml,yaml}"]["indent_size"] == "2"


def test_bundled_data_follows_the_editorconfig() -> None:
    """The data files already are UTF-8 with LF, no tab indentation, a final line end."""
    for path in sorted((ROOT / "strategy").rglob("*.yml")):
        raw = path.read_bytes()
        raw.decode("utf-8")
        assert b"\r" not in raw and raw.endswith(b"\n"), path
        assert not any(line.startswith(b"\t") for line in raw.splitlines()), path
