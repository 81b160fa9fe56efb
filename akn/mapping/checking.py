"""Check a merged mapping before anything reads it: the JSON schema, every regular
expression, and the contract between patterns and the code that reads them.

The contract: a pattern field of the typed sections declares the named groups its readers
take out of a match (``akn.mapping.sections.regex``). A schema cannot say that "the
operative number pattern has a group ``num``"; without this check a user's pattern without
it loads fine and then fails deep inside the converter as an internal error.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from akn.diagnostics import Diagnostic
from akn.mapping.loading import KeyPath, Location, MappingError, mapping_error
from akn.mapping.sections import SECTIONS, declared_groups
from akn.resources import data_dir


@cache
def schema_text() -> str:
    return (data_dir("schemas") / "mapping.schema.json").read_text(encoding="utf-8")


@cache
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_text())  # our own schema file: an object
    return schema


def contract() -> Iterator[tuple[KeyPath, tuple[str, ...]]]:
    """(key path, named groups) of every pattern whose groups the code reads."""
    for key, groups, _ in _declarations():
        if groups:
            yield key, groups


def forbidden() -> Iterator[tuple[KeyPath, tuple[str, ...]]]:
    """(key path, named groups) of every pattern that must not define those groups."""
    for key, _, forbid in _declarations():
        if forbid:
            yield key, forbid


def _declarations() -> Iterator[tuple[KeyPath, tuple[str, ...], tuple[str, ...]]]:
    for section, cls in SECTIONS.items():
        for key, groups, forbid in declared_groups(cls):
            yield ((section, key) if section else (key,)), groups, forbid


@cache
def rules_signature() -> str:
    """A digest of what a mapping is checked against (schema and contract): a cached check
    is only as good as the rules it was made with."""
    text = schema_text() + repr(sorted(_declarations()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check(data: dict[str, Any], locations: dict[KeyPath, Location], top: Location) -> None:
    """Raise MappingError naming file, line and key of what breaks the schema (every such
    problem), then of the first bad regular expression or missing named group."""
    import jsonschema  # here, not at the top: a cached mapping is never checked again

    schema = _schema()
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    diagnostics: list[Diagnostic] = []
    for error in errors:
        key: KeyPath = tuple(error.absolute_path)
        where = nearest(locations, key) or top
        diagnostics.extend(mapping_error(error.message, where, key).diagnostics)
    if diagnostics:
        raise MappingError(diagnostics)
    for pattern_key in _regex_paths(schema, schema):
        for key, pattern in _values_at(data, pattern_key):
            try:
                re.compile(pattern)
            except re.error as error:
                where = nearest(locations, key) or top
                raise mapping_error(f"bad regular expression: {error}", where, key) from None
    check_groups(data, locations, top)


def check_groups(data: dict[str, Any], locations: dict[KeyPath, Location], top: Location) -> None:
    """Raise MappingError for the first pattern that lacks a named group its reader uses,
    or defines one its reader defines around it."""
    for key, groups, forbid in _declarations():
        for found_key, pattern in _values_at(data, key):
            defined = re.compile(pattern).groupindex
            missing = [g for g in groups if g not in defined]
            if missing:
                problem = (
                    f"the pattern has no named group {_names(missing)}, which akn reads from"
                    " its match; add the group to the pattern"
                )
            elif clashing := [g for g in forbid if g in defined]:
                problem = (
                    f"the pattern must not name a group {_names(clashing)}: akn puts it inside"
                    " a pattern of its own that does; use (?:…) or another name"
                )
            else:
                continue
            raise mapping_error(problem, nearest(locations, found_key) or top, found_key)


def _names(groups: list[str]) -> str:
    return ", ".join(f"(?P<{g}>…)" for g in groups)


def _regex_paths(
    schema: dict[str, Any], root: dict[str, Any], key: KeyPath = ()
) -> Iterator[KeyPath]:
    """Yield the key paths (with "*" for array items) the schema marks as regular expressions."""
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        schema = target
    if schema.get("format") == "regex":
        yield key
    for name, sub in schema.get("properties", {}).items():
        yield from _regex_paths(sub, root, (*key, name))
    if isinstance(schema.get("items"), dict):
        yield from _regex_paths(schema["items"], root, (*key, "*"))


def _values_at(data: Any, pattern: KeyPath, key: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    if not pattern:
        yield key, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*" and isinstance(data, list):
        for index, item in enumerate(data):
            yield from _values_at(item, rest, (*key, index))
    elif isinstance(data, dict) and head in data:
        yield from _values_at(data[head], rest, (*key, head))


def nearest(locations: dict[KeyPath, Location], key: KeyPath) -> Location | None:
    """Where ``key`` stands, or the nearest key above it that is in a file."""
    while True:
        if key in locations:
            return locations[key]
        if not key:
            return None
        key = key[:-1]
