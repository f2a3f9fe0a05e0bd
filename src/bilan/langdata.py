"""Language knowledge lives in data files, one folder per language with the same file names.

``data/fr/time.yaml`` and ``data/en/time.yaml`` hold the same keys; a loader checks each
file against a small schema when it is read, so a typo in a data file fails loudly at load
with the file and key named, never silently at extraction time.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from bilan.errors import DataFileError

SUPPORTED_LANGUAGES: tuple[str, ...] = ("fr", "en")

# A schema maps a top-level key to the type its value must have:
# list, dict, str, int, or a tuple (type, element_type) for a list/dict of that element type.
Schema = Mapping[str, Any]


def data_dir() -> Path:
    """The folder that holds bilan's data files."""
    return Path(str(resources.files("bilan") / "data"))


def language_file(lang: str, name: str) -> Path:
    return data_dir() / lang / name


def _check(value: Any, expected: Any, where: str) -> None:
    if isinstance(expected, tuple):
        container, element = expected
        _check(value, container, where)
        items = value.values() if isinstance(value, dict) else value
        for i, item in enumerate(items):
            _check(item, element, f"{where}[{i}]")
        return
    if expected is Any:
        return
    if not isinstance(value, expected):
        raise DataFileError(
            f"{where}: expected {getattr(expected, '__name__', expected)}, "
            f"got {type(value).__name__}"
        )


def load_yaml(path: Path, schema: Schema | None = None) -> dict[str, Any]:
    """Load a YAML mapping and check it against ``schema`` (required keys and their types)."""
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: data file missing") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected a mapping at top level")
    for key, expected in (schema or {}).items():
        if key not in data:
            raise DataFileError(f"{path}: missing key {key!r}")
        _check(data[key], expected, f"{path}:{key}")
    return data


def load_language_file(lang: str, name: str, schema: Schema | None = None) -> dict[str, Any]:
    """Load ``data/<lang>/<name>`` and validate it."""
    if lang not in SUPPORTED_LANGUAGES:
        raise DataFileError(
            f"language {lang!r} is not supported (supported: {SUPPORTED_LANGUAGES})"
        )
    return load_yaml(language_file(lang, name), schema)
