"""Read mapping files: YAML with the position of every key, merged along ``extends:``.

PyYAML's C parser (``CSafeLoader``, when libyaml is installed) reads the same nodes, with
the same line marks, as the pure-Python one about eight times faster; the pure one is the
fallback. The nodes are walked once for positions (error messages name file, line, key) and
turned into Python values by one constructor.

PyYAML is imported when a file is first read, not with this module: a mapping found in the
disk cache (``akn.mapping.cache``) is never parsed, and importing PyYAML cost a tenth of a
conversion's start-up. ``FastLoader`` is looked up on first use too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from akn.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    import yaml

    FastLoader: type[yaml.CSafeLoader] | type[yaml.SafeLoader]


def fast_loader() -> type[yaml.CSafeLoader] | type[yaml.SafeLoader]:
    """The fastest safe loader this PyYAML has: libyaml's, unless it was built without it."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def __getattr__(name: str) -> Any:
    if name == "FastLoader":  # imports PyYAML: only when asked for
        return fast_loader()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


Location = tuple[str, int, int]  # file, 1-based line, 1-based column
KeyPath = tuple[str | int, ...]


class MappingError(Exception):
    """A mapping file is missing, malformed, or breaks the mapping schema or contract."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics


def mapping_error(message: str, where: Location | None, key: KeyPath = ()) -> MappingError:
    """One M001 error at ``where``, its message led by the dotted ``key``."""
    path, line, column = where if where else (None, None, None)
    dotted = ".".join(str(part) for part in key)
    text = f"{dotted}: {message}" if dotted else message
    return MappingError([Diagnostic("M001", Severity.ERROR, text, path, line, column)])


@dataclass(frozen=True)
class SourceFile:
    """One file of a mapping's ``extends`` chain: its name, where it was found, its digest."""

    name: str
    path: Path
    digest: str


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_yaml(
    path: Path, loader: type | None = None
) -> tuple[dict[str, Any], dict[KeyPath, Location], str]:
    """Parse ``path``: its value, the position of every key, and the digest of its bytes.
    ``loader``: the YAML loader, the fast one when None."""
    import yaml

    loader = loader or fast_loader()
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        node = yaml.compose(text, Loader=loader)
    except OSError as error:
        raise mapping_error(
            f"cannot read mapping file: {error.strerror}", (str(path), 1, 1)
        ) from None
    except UnicodeDecodeError as error:
        raise mapping_error(f"not UTF-8 text (byte {error.start})", (str(path), 1, 1)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = (str(path), mark.line + 1, mark.column + 1) if mark else (str(path), 1, 1)
        problem = getattr(error, "problem", None) or str(error)
        raise mapping_error(f"not valid YAML: {problem}", where) from None
    locations: dict[KeyPath, Location] = {}
    if node is None:
        return {}, locations, digest(raw)
    _locate(node, (), str(path), locations)
    try:
        value = yaml.constructor.SafeConstructor().construct_document(node)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = (str(path), mark.line + 1, mark.column + 1) if mark else (str(path), 1, 1)
        raise mapping_error(f"not valid YAML: {getattr(error, 'problem', error)}", where) from None
    if not isinstance(value, dict):
        raise mapping_error("a mapping file must be a YAML mapping", (str(path), 1, 1))
    return value, locations, digest(raw)


def _locate(node: yaml.Node, key: KeyPath, path: str, locations: dict[KeyPath, Location]) -> None:
    """Record where each key (and list item) of ``node`` stands: the key's own position."""
    import yaml

    locations.setdefault(key, (path, node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            name = (*key, key_node.value)
            mark = key_node.start_mark
            locations[name] = (path, mark.line + 1, mark.column + 1)
            _locate(value_node, name, path, locations)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _locate(item, (*key, index), path, locations)


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``over`` onto ``base``: mappings merge key by key, anything else is replaced."""
    merged = dict(base)
    for name, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(name), dict):
            merged[name] = merge(merged[name], value)
        else:
            merged[name] = value
    return merged


def find_file(name: str, folders: tuple[Path, ...]) -> Path:
    """The first ``<name>.yaml`` in ``folders``."""
    for folder in folders:
        path = folder / f"{name}.yaml"
        if path.is_file():
            return path
    places = ", ".join(str(folder) for folder in folders)
    raise mapping_error(f"no mapping file {name}.yaml in {places}", None)


@dataclass(frozen=True)
class Unchecked:
    """A mapping read and merged, not yet checked: its data, where every key came from,
    and the files it was read from (the language's first, then what it extends)."""

    data: dict[str, Any]
    locations: dict[KeyPath, Location]
    files: tuple[SourceFile, ...]
    own: dict[str, Any]  # the language file alone, before merging


def load_merged(name: str, folders: tuple[Path, ...], loader: type | None = None) -> Unchecked:
    """Read ``name`` and the files it extends, merged (the language's keys win)."""
    chain: list[tuple[dict[str, Any], dict[KeyPath, Location], SourceFile]] = []
    current: str | None = name
    while current is not None:
        if any(source.name == current for _, _, source in chain):
            names = " -> ".join(source.name for _, _, source in chain)
            raise mapping_error(f"mapping {current!r} extends itself through {names}", None)
        path = find_file(current, folders)
        data, locations, sha = read_yaml(path, loader)
        chain.append((data, locations, SourceFile(current, path, sha)))
        parent = data.get("extends")
        if parent is not None and not isinstance(parent, str):
            raise mapping_error(
                "must name a mapping file", locations.get(("extends",)), ("extends",)
            )
        current = parent
    merged: dict[str, Any] = {}
    where: dict[KeyPath, Location] = {}
    for data, locations, _ in reversed(chain):
        merged = merge(merged, data)
        where.update(locations)
    return Unchecked(merged, where, tuple(source for _, _, source in chain), chain[0][0])
