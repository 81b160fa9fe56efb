"""Project settings for ``akn validate`` from ``pyproject.toml``, section ``[tool.akn.validate]``.

The nearest ``pyproject.toml`` from the working directory upwards is read (or the one given
with ``--config``); options on the command line override it. The validator's keys live in
their own table, ``[tool.akn.validate]``; ``akn convert`` reads none, as its options describe
one document (symbol, dates), which a project-wide file cannot know.

    [tool.akn.validate]
    select = ["XSD", "AKN1"]      # codes, prefixes or rule names; default: all
    ignore = ["AKN109"]
    strict = true                 # warnings fail too
    format = "github"
    max-bytes = 33554432
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KEYS = ("select", "ignore", "strict", "format", "max-bytes", "max-files", "explain", "show-all")


class ConfigError(ValueError):
    """The configuration cannot be used: bad TOML, an unknown key, a value of the wrong type."""


@dataclass(frozen=True)
class Config:
    """The validator's settings from a pyproject.toml (empty when there is none)."""

    source: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml in ``start`` or its parents."""
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Read ``[tool.akn.validate]`` from ``path``, or from the nearest pyproject.toml."""
    if path is None:
        path = find_pyproject(start or Path.cwd())
        if path is None:
            return Config()
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read: {error.strerror or error}") from None
    if b"akn" not in raw:
        return Config(Path(path))  # no table of ours: spare the start-up the TOML parser (7 ms)
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid TOML: not UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    table = data.get("tool", {}).get("akn", {}).get("validate", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.akn.validate] must be a table")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) in [tool.akn.validate]: {', '.join(unknown)} "
            f"(known: {', '.join(KEYS)})"
        )
    values = {key: _checked(path, key, value) for key, value in table.items()}
    return Config(path, values)


def _checked(path: Path, key: str, value: Any) -> Any:
    if key in ("select", "ignore"):
        if isinstance(value, str):
            value = [part for part in value.split(",") if part.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: {key} must be a list of rule codes")
        return value
    if key in ("strict", "explain", "show-all"):
        if not isinstance(value, bool):
            raise ConfigError(f"{path}: {key} must be true or false")
        return value
    if key in ("max-bytes", "max-files"):
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ConfigError(f"{path}: {key} must be a positive integer")
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{path}: {key} must be a string")
    return value
