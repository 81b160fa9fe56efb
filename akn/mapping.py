"""Load a language mapping: YAML rules under ``mappings/``, merged with ``base.yaml`` and checked.

Everything language-specific (formula, opening phrases, operative verbs, numbering, masthead
lines, month names, number words) is data. A mapping file names the file it extends; the merged
rules are checked against ``schemas/mapping.schema.json`` and every regular expression is
compiled, so a broken file is reported with its path, line and key before any text is read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from akn.diagnostics import Diagnostic, Severity
from akn.resources import data_dir, mapping_folders

Location = tuple[str, int, int]  # file, 1-based line, 1-based column
KeyPath = tuple[str | int, ...]


class MappingError(Exception):
    """A mapping file is missing, malformed, or breaks the mapping schema."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics


def _mapping_error(message: str, where: Location | None, key: KeyPath = ()) -> MappingError:
    path, line, column = where if where else (None, None, None)
    dotted = ".".join(str(part) for part in key)
    text = f"{dotted}: {message}" if dotted else message
    return MappingError([Diagnostic("M001", Severity.ERROR, text, path, line, column)])


# --------------------------------------------------------------------------- reading YAML


def _read_yaml(path: Path) -> tuple[dict[str, Any], dict[KeyPath, Location]]:
    """Parse ``path`` keeping the line and column of every key, for error messages."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except OSError as error:
        raise _mapping_error(
            f"cannot read mapping file: {error.strerror}", (str(path), 1, 1)
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = (str(path), mark.line + 1, mark.column + 1) if mark else (str(path), 1, 1)
        problem = getattr(error, "problem", None) or str(error)
        raise _mapping_error(f"not valid YAML: {problem}", where) from None
    locations: dict[KeyPath, Location] = {}
    if node is None:
        return {}, locations
    value = _to_python(node, (), str(path), locations)
    if not isinstance(value, dict):
        raise _mapping_error("a mapping file must be a YAML mapping", (str(path), 1, 1))
    return value, locations


def _to_python(node: yaml.Node, key: KeyPath, path: str, locations: dict[KeyPath, Location]) -> Any:
    locations[key] = (path, node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            name = key_node.value
            result[name] = _to_python(value_node, (*key, name), path, locations)
            locations[(*key, name)] = (
                path,
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(item, (*key, index), path, locations)
            for index, item in enumerate(node.value)
        ]
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``over`` onto ``base``: mappings merge key by key, anything else is replaced."""
    merged = dict(base)
    for name, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(name), dict):
            merged[name] = _merge(merged[name], value)
        else:
            merged[name] = value
    return merged


def _find_file(name: str, folders: tuple[Path, ...]) -> Path:
    for folder in folders:
        path = folder / f"{name}.yaml"
        if path.is_file():
            return path
    places = ", ".join(str(folder) for folder in folders)
    raise _mapping_error(f"no mapping file {name}.yaml in {places}", None)


def _load_merged(
    name: str, folders: tuple[Path, ...], seen: tuple[str, ...] = ()
) -> tuple[dict, dict]:
    if name in seen:
        raise _mapping_error(f"mapping {name!r} extends itself through {' -> '.join(seen)}", None)
    path = _find_file(name, folders)
    data, locations = _read_yaml(path)
    parent = data.get("extends")
    if parent is None:
        return data, locations
    if not isinstance(parent, str):
        raise _mapping_error("must name a mapping file", locations.get(("extends",)), ("extends",))
    base, base_locations = _load_merged(parent, folders, (*seen, name))
    return _merge(base, data), {**base_locations, **locations}


# --------------------------------------------------------------------------- checking


@cache
def _schema() -> dict[str, Any]:
    return json.loads((data_dir("schemas") / "mapping.schema.json").read_text(encoding="utf-8"))


def _regex_paths(schema: dict[str, Any], root: dict[str, Any], key: KeyPath = ()) -> Iterator:
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


def _check(data: dict[str, Any], locations: dict[KeyPath, Location], top: Location) -> None:
    import jsonschema

    schema = _schema()
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    diagnostics: list[Diagnostic] = []
    for error in errors:
        key: KeyPath = tuple(error.absolute_path)
        where = _nearest(locations, key) or top
        diagnostics.extend(_mapping_error(error.message, where, key).diagnostics)
    if diagnostics:
        raise MappingError(diagnostics)
    for pattern_key in _regex_paths(schema, schema):
        for key, pattern in _values_at(data, pattern_key):
            try:
                re.compile(pattern)
            except re.error as error:
                where = _nearest(locations, key) or top
                raise _mapping_error(f"bad regular expression: {error}", where, key) from None


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


def _nearest(locations: dict[KeyPath, Location], key: KeyPath) -> Location | None:
    while True:
        if key in locations:
            return locations[key]
        if not key:
            return None
        key = key[:-1]


# --------------------------------------------------------------------------- the mapping


def _phrase_pattern(phrases: list[str], bounded: bool = True) -> re.Pattern[str]:
    """One regex matching the longest listed phrase at the start of a text.

    ``bounded``: the phrase must end a word (not for scripts written without spaces).
    """
    alternatives = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(word).replace("’", "['’]") for word in phrase.split()]
        alternatives.append(r"\s+".join(words))
    boundary = r"(?![\w’'\-])" if bounded else ""
    return re.compile(r"(?:{}){}".format("|".join(alternatives), boundary))


@dataclass(frozen=True)
class Mapping:
    """The merged, checked rules of one language, with their patterns compiled."""

    name: str
    data: dict[str, Any]

    @cached_property
    def caches(self) -> dict[str, Any]:
        """Room for stages to keep what they learn about this mapping between documents."""
        return {}

    def rule(self, *key: str) -> Any:
        value: Any = self.data
        for part in key:
            value = value[part]
        return value

    @cached_property
    def code(self) -> str:
        return str(self.data["language"]["code"])

    @cached_property
    def akn_code(self) -> str:
        return str(self.data["language"]["akn"])

    def pattern(self, *key: str) -> re.Pattern[str]:
        """The compiled regular expression of the rule at ``key`` (cached)."""
        return _compiled(self.rule(*key))

    @cached_property
    def case_marks_start(self) -> bool:
        """Does letter case say where a sentence starts (not where every noun is capitalised:
        ``typography.case_marks_start``)?"""
        return bool(self.data["typography"]["case_marks_start"])

    @cached_property
    def spaced(self) -> bool:
        """Is the language written with spaces between words?"""
        return bool(self.data["typography"]["line_joiner"])

    @cached_property
    def phrase_pattern(self) -> re.Pattern[str]:
        return _phrase_pattern(self.data["preamble"]["phrases"], self.spaced)

    @cached_property
    def verb_pattern(self) -> re.Pattern[str]:
        return _phrase_pattern(self.data["operative"]["verbs"], self.spaced)

    @cached_property
    def particle_patterns(self) -> dict[str, re.Pattern[str]]:
        """By an operative verb's first word, the words that close its clause and belong to
        it (``operative.particles``): the first of them before a comma, semicolon, colon or
        full stop."""
        patterns = {}
        for verb, particles in self.data["operative"]["particles"].items():
            words = _phrase_pattern(particles, self.spaced).pattern
            patterns[verb] = re.compile(rf"(?<=\s){words}(?=\s*[,;:.]|$)")
        return patterns

    @cached_property
    def formula_pattern(self) -> re.Pattern[str]:
        return _phrase_pattern([item["text"] for item in self.data["formula"]], self.spaced)

    @cached_property
    def quote_pairs(self) -> tuple[tuple[str, str], ...]:
        """The language's quotation marks, (opening, closing)."""
        return tuple((str(o), str(c)) for o, c in self.data["typography"]["quotes"])

    @cached_property
    def closing_marks(self) -> str:
        """Marks that may follow a paragraph's last punctuation (``typography.closing_marks``)."""
        return str(self.data["typography"]["closing_marks"])

    @cached_property
    def months(self) -> dict[str, int]:
        return {name.lower(): number for name, number in self.data["dates"]["months"].items()}

    @cached_property
    def ordinals(self) -> dict[str, int]:
        return {name.lower(): number for name, number in self.data["ordinals"].items()}

    @cached_property
    def quantity_words(self) -> frozenset[str]:
        return frozenset(self.data["markers"]["quantity_words"])

    @cached_property
    def counting_words(self) -> frozenset[str]:
        return frozenset(self.data["markers"]["counting_words"])

    def opens_paragraph(self, text: str) -> bool:
        """Does ``text`` open a paragraph: a number, a listed phrase or verb, a meeting line,
        an annex heading?"""
        for key in (("numbering", "operative"), ("numbering", "point"), ("numbering", "section")):
            match = self.pattern(*key).match(text)
            if match and (match.end() == len(text) or text[match.end()].isspace()):
                return True
        if self.phrase_pattern.match(text) or self.verb_pattern.match(text):
            return True
        return bool(
            self.pattern("conclusions", "meeting").fullmatch(text)
            or self.pattern("annex").fullmatch(text)
        )

    def continues(self, text: str) -> bool:
        """Could ``text`` go on the sentence of the line before (a wrapped line)? Where case
        marks a sentence's start (``typography.case_marks_start``) and the script has case, a
        lower-case start says so; elsewhere, not opening a paragraph."""
        first = text[:1]
        if self.case_marks_start and first.lower() != first.upper():
            return first.islower()
        if not first.isalpha():  # a number, a bracket, a quotation mark: no sign either way
            return False
        return not self.opens_paragraph(text)

    def actor_of(self, formula_or_body: str) -> str | None:
        text = " ".join(formula_or_body.split()).replace("'", "’")
        for item in (*self.data["formula"], *self.data["masthead"]["bodies"]):
            if item["text"] in text:
                return str(item["actor"])
        return None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def load_mapping(language: str, folder: Path | None = None) -> Mapping:
    """Load and check the mapping of ``language`` ("fr", "en", ...) from ``folder``, or from
    the folders ``AKN_MAPPINGS`` names and then the bundled ones (``mapping_folders``).

    Raises MappingError naming the file, line and key of the first problem found.
    """
    return _load_mapping(language, (folder,) if folder else mapping_folders())


@cache
def _load_mapping(language: str, folders: tuple[Path, ...]) -> Mapping:
    data, locations = _load_merged(language, folders)
    _check(data, locations, (str(_find_file(language, folders)), 1, 1))
    return Mapping(language, data)


def forget_mappings() -> None:
    """Forget the mappings loaded so far, so that files changed since are read again."""
    _load_mapping.cache_clear()
