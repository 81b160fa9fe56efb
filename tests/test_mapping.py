"""Mappings are data: every language defines the base's rules, and broken files say where."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from akn.mapping import MappingError, forget_mappings, load_mapping
from akn.resources import available_languages, data_dir


def _rule_ids(data: dict, schema: dict, prefix: tuple = ()) -> set[tuple]:
    """The rule ids a mapping defines: its keys that the schema names (tables count as one)."""
    found = set()
    for key, sub_schema in schema.get("properties", {}).items():
        if key in data:
            found.add((*prefix, key))
            if isinstance(data[key], dict) and "properties" in sub_schema:
                found |= _rule_ids(data[key], sub_schema, (*prefix, key))
    return found


def test_every_language_defines_the_same_rules_as_the_base():
    """No language silently misses a rule: each defines every rule id the schema knows."""
    schema = json.loads((data_dir("schemas") / "mapping.schema.json").read_text())
    expected = _rule_ids(_complete(schema), schema) - {("extends",)}
    languages = available_languages()
    assert {"fr", "en"} <= set(languages)
    for language in languages:
        found = _rule_ids(load_mapping(language).data, schema) - {("extends",)}
        assert found == expected, f"{language}: missing {sorted(expected - found)}"


def _complete(schema: dict) -> dict:
    """A mapping skeleton with every property the schema declares."""
    return {
        key: _complete(sub) if "properties" in sub else True
        for key, sub in schema.get("properties", {}).items()
    }


@pytest.fixture
def mapping_folder(tmp_path: Path) -> Path:
    for path in data_dir("mappings").glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def _load(folder: Path, language: str = "fr"):
    forget_mappings()
    try:
        return load_mapping(language, folder)
    finally:
        forget_mappings()


def test_a_missing_rule_names_the_file_and_key(mapping_folder: Path):
    path = mapping_folder / "fr.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("conclusions:")
    end = text.index("annex:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        _load(mapping_folder)
    message = caught.value.diagnostics[0].format()
    assert "fr.yaml" in message and "'conclusions' is a required property" in message


def test_a_wrong_type_names_line_and_key(mapping_folder: Path):
    path = mapping_folder / "fr.yaml"
    text = path.read_text(encoding="utf-8").replace("    janvier: 1\n", "    janvier: un\n")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        _load(mapping_folder)
    diagnostic = caught.value.diagnostics[0]
    line = text.splitlines().index("    janvier: un") + 1
    assert diagnostic.path.endswith("fr.yaml") and diagnostic.line == line
    assert "dates.months.janvier" in diagnostic.message


def test_yaml_booleans_are_caught(mapping_folder: Path):
    """YAML reads a bare `no` or `on` as a boolean: the schema says so instead of misbehaving."""
    path = mapping_folder / "en.yaml"
    text = path.read_text(encoding="utf-8").replace("'on', until", "on, until")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        _load(mapping_folder, "en")
    assert "True is not of type 'string'" in caught.value.diagnostics[0].message


def test_a_bad_regular_expression_is_reported(mapping_folder: Path):
    path = mapping_folder / "en.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("annex: '(?P<heading>Annex", "annex: '(?P<heading>Annex[")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        _load(mapping_folder, "en")
    diagnostic = caught.value.diagnostics[0]
    assert "annex: bad regular expression" in diagnostic.message and diagnostic.line


def test_broken_yaml_gives_position(mapping_folder: Path):
    path = mapping_folder / "fr.yaml"
    path.write_text("language: [unclosed\n", encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        _load(mapping_folder)
    assert caught.value.diagnostics[0].line is not None


def test_a_new_language_is_only_a_file(mapping_folder: Path):
    """Adding a language needs no code: a copy of a mapping under a new name loads."""
    shutil.copy(mapping_folder / "en.yaml", mapping_folder / "xx.yaml")
    mapping = _load(mapping_folder, "xx")
    assert mapping.phrase_pattern.match("Recalling its resolution")


def test_phrases_match_longest_first(fr):
    assert fr.phrase_pattern.match("Prenant note avec satisfaction des progrès").group(0) == (
        "Prenant note avec satisfaction"
    )
    assert fr.phrase_pattern.match("Prenant note des buts").group(0) == "Prenant note"
    assert fr.phrase_pattern.match("Prenantes") is None
