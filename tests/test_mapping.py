"""Mappings are data: every language defines the base's rules, and broken files say where."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from corpus import LANGUAGES, corpus_files

from akn.diagnostics import Diagnostic
from akn.mapping import MappingError, forget_mappings, load_mapping
from akn.mapping.checking import contract, forbidden
from akn.mapping.loading import FastLoader, read_yaml
from akn.mapping.sections import SECTIONS
from akn.resources import available_languages, data_dir

REFERENCE = "en"  # the language every other file is compared with, key for key


def _rule_ids(data: dict, schema: dict, prefix: tuple = ()) -> set[tuple]:
    """The rule ids a mapping file defines: its keys that the schema names (tables count as
    one)."""
    found = set()
    for key, sub_schema in schema.get("properties", {}).items():
        if key in data:
            found.add((*prefix, key))
            if isinstance(data[key], dict) and "properties" in sub_schema:
                found |= _rule_ids(data[key], sub_schema, (*prefix, key))
    return found


def _schema() -> dict:
    return json.loads((data_dir("schemas") / "mapping.schema.json").read_text(encoding="utf-8"))


def missing_rules(path: Path, reference: Path) -> list[str]:
    """The rules the file ``reference`` defines itself and the file ``path`` does not, read
    unmerged: what a language inherits from base.yaml does not count (docutils' test of its
    language modules). Sections count by their keys, tables (months, ordinals) as one."""
    schema = _schema()
    expected = _rule_ids(read_yaml(reference)[0], schema)
    found = _rule_ids(read_yaml(path)[0], schema)
    return sorted(".".join(key) for key in expected - found)


@pytest.mark.parametrize("language", [c for c in available_languages() if c != REFERENCE])
def test_every_language_file_defines_the_rules_the_reference_defines(language):
    folder = data_dir("mappings")
    missing = missing_rules(folder / f"{language}.yaml", folder / f"{REFERENCE}.yaml")
    assert not missing, f"mappings/{language}.yaml does not define {', '.join(missing)}"


def test_the_completeness_test_names_a_missing_rule(tmp_path: Path):
    """The test above can fail: a language file without one rule is caught, by its key."""
    folder = data_dir("mappings")
    text = (folder / "fr.yaml").read_text(encoding="utf-8")
    start = text.index("\nconclusions:\n")
    end = text.index("\n", text.index("meeting:", start)) + 1
    broken = tmp_path / "fr.yaml"
    broken.write_text(text[:start] + "\nconclusions: {}\n" + text[end:], encoding="utf-8")
    assert missing_rules(folder / "fr.yaml", folder / f"{REFERENCE}.yaml") == []
    assert missing_rules(broken, folder / f"{REFERENCE}.yaml") == ["conclusions.meeting"]


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


# --------------------------------------------------------------------------- typed sections


def test_sections_are_typed_and_frozen(fr, en):
    assert fr.notes.brackets == ("", "") and isinstance(fr.notes.brackets, tuple)
    assert fr.numbering.operative.match("12. Décide").group("num") == "12"
    assert fr.dates.months["janvier"] == 1
    assert en.formula[0].text == "The General Assembly" and en.formula[0].actor == "unga"
    assert "per" in en.markers.quantity_words
    with pytest.raises(AttributeError):
        fr.notes.brackets = ("(", ")")
    with pytest.raises(TypeError):
        fr.dates.months["janvier"] = 2


def test_each_section_is_built_once(fr):
    assert fr.numbering is fr.numbering
    assert fr.numbering.point is fr.numbering.point


def test_script_facts_are_data():
    ru, ar, zh = load_mapping("ru"), load_mapping("ar"), load_mapping("zh")
    assert "а)".translate(ru.numbering.homoglyph_table) == "a)"  # Cyrillic а read as Latin a
    assert ar.numbering.label_fillers == "ـ"
    assert zh.script.is_ideograph("中") and not zh.script.is_ideograph("a")
    assert zh.script.is_wide("，") and not zh.typography.spaced


# --------------------------------------------------------------------------- the group contract


def _contract_cases() -> list[tuple[tuple, str]]:
    return [(key, group) for key, groups in contract() for group in groups]


def test_the_contract_declares_the_groups_the_code_reads():
    cases = {(".".join(key), group) for key, group in _contract_cases()}
    assert ("numbering.operative", "num") in cases
    assert ("dates.pattern", "month") in cases
    assert ("masthead.council_title", "year") in cases


def _pattern_without(key: tuple, group: str) -> str:
    value = load_mapping("en").data
    for part in key:
        value = value[part]
    assert f"(?P<{group}>" in value, (key, group)
    return value.replace(f"(?P<{group}>", "(?:")


def _user_mapping(folder: Path, key: tuple, pattern: str) -> tuple[Path, int]:
    """A user mapping ``xx`` that extends English and overrides one pattern: its path and
    the line of the overridden key."""
    override: dict = {"extends": "en", "language": {"code": "xx", "akn": "qxx", "name": "X"}}
    target = override
    for part in key[:-1]:
        target = target.setdefault(part, {})
    target[key[-1]] = pattern
    path = folder / "xx.yaml"
    path.write_text(yaml.safe_dump(override, allow_unicode=True), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(
        number for number, text in enumerate(lines, 1) if text.strip().startswith(f"{key[-1]}:")
    )
    return path, line


def _refusal(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Diagnostic:
    """The one diagnostic loading the user mapping ``xx`` of ``folder`` is refused with."""
    monkeypatch.setenv("AKN_MAPPINGS", str(folder))
    forget_mappings()
    with pytest.raises(MappingError) as caught:
        load_mapping("xx")
    forget_mappings()
    [diagnostic] = caught.value.diagnostics
    return diagnostic


@pytest.mark.parametrize(
    ("key", "group"), _contract_cases(), ids=lambda v: ".".join(v) if isinstance(v, tuple) else v
)
def test_a_pattern_without_a_group_the_code_reads_is_refused(
    tmp_path: Path, monkeypatch, key: tuple, group: str
):
    path, line = _user_mapping(tmp_path, key, _pattern_without(key, group))
    diagnostic = _refusal(tmp_path, monkeypatch)
    assert diagnostic.path == str(path) and diagnostic.line == line
    assert diagnostic.message.startswith(f"{'.'.join(key)}: ")
    assert f"(?P<{group}>" in diagnostic.message


def test_a_pattern_with_its_groups_is_accepted(tmp_path: Path, monkeypatch):
    key = ("numbering", "operative")
    _user_mapping(tmp_path, key, r"(?P<num>\d+)\)")  # "5)" instead of "5."
    monkeypatch.setenv("AKN_MAPPINGS", str(tmp_path))
    forget_mappings()
    try:
        assert load_mapping("xx").numbering.operative.match("5) ")
    finally:
        forget_mappings()


def test_convert_with_such_a_mapping_fails_in_one_line(tmp_path: Path):
    """The command line: exit status 1 and the one line that says what to fix, no traceback."""
    folder = tmp_path / "mine"
    folder.mkdir()
    key = ("dates", "pattern")
    path, line = _user_mapping(folder, key, _pattern_without(key, "month"))
    text = tmp_path / "text.txt"
    text.write_text("The General Assembly,\n1. Decides;\n", encoding="utf-8")
    env = {**os.environ, "AKN_MAPPINGS": str(folder), "AKN_CACHE_DIR": str(tmp_path / "c")}
    result = subprocess.run(
        [sys.executable, "-m", "akn", "convert", str(text), "--lang", "xx"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    errors = [ln for ln in result.stderr.splitlines() if "M001" in ln]
    assert errors == [
        f"{path}:{line}:3: error: M001 dates.pattern: the pattern has no named group "
        "(?P<month>…), which akn reads from its match; add the group to the pattern"
    ], result.stderr


# --------------------------------------------------------------------------- the YAML reader


@pytest.mark.parametrize("language", ["base", "fr", "ar", "zh"])
def test_the_c_loader_reads_what_the_python_loader_reads(language):
    path = data_dir("mappings") / f"{language}.yaml"
    assert read_yaml(path, FastLoader) == read_yaml(path, yaml.SafeLoader)


@pytest.mark.parametrize("loader", [FastLoader, yaml.SafeLoader], ids=["fast", "python"])
def test_both_loaders_place_a_yaml_error(tmp_path: Path, loader):
    path = tmp_path / "fr.yaml"
    path.write_text("language:\n  code: fr\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        read_yaml(path, loader)
    assert caught.value.diagnostics[0].line == 4


# --------------------------------------------------------------------------- the phrase prefilter


def _corpus_lines(per_language: int = 4) -> list[str]:
    from lxml import etree

    lines = []
    for language in LANGUAGES:
        for path in corpus_files(language)[:per_language]:
            for element in etree.parse(str(path)).iter():
                for text in (element.text, element.tail):
                    if text and text.strip():
                        lines.append(" ".join(text.split()))
    # What the prefilter must not get wrong: apostrophes of both kinds, a word glued on.
    return [*lines, "Recalling", "Recalling,", "Recallings", "Prenant note", "l'Assemblée", ""]


@pytest.mark.corpus
def test_the_phrase_prefilter_answers_as_the_regex_does():
    """Detection tries every language's phrases on lines of one: the prefilter that spares
    compiling them must give the regex's answer, for every language, on every line."""
    lines = _corpus_lines()
    for code in available_languages():
        mapping = load_mapping(code)
        own = [*mapping.preamble.phrases, *mapping.operative.verbs]
        variants = [
            variant
            for phrase in own
            for variant in (
                f"{phrase} de",
                phrase.replace("’", "'"),
                f"{phrase},",
                f"{phrase}s",
                f"«{phrase}",
            )
        ]
        for matcher in (mapping.phrase_pattern, mapping.verb_pattern):
            for text in lines + variants:
                found, expected = matcher.match(text), matcher.regex.match(text)
                assert (found and found.span()) == (expected and expected.span()), (code, text)


@pytest.mark.parametrize(("key", "groups"), list(forbidden()), ids=lambda v: ".".join(v))
def test_a_pattern_that_names_a_group_its_reader_names_is_refused(
    tmp_path: Path, monkeypatch, key: tuple, groups: tuple
):
    """The page reader wraps notes.marker in (?P<marker>…)(?P<text>…): a marker pattern
    with either name would fail there, as an internal error."""
    for group in groups:
        path, line = _user_mapping(tmp_path, key, rf"(?P<{group}>\d{{1,3}})")
        diagnostic = _refusal(tmp_path, monkeypatch)
        assert diagnostic.path == str(path) and diagnostic.line == line
        assert f"must not name a group (?P<{group}>" in diagnostic.message


# --------------------------------------------------------------------------- language detection


def test_detection_reads_the_same_rules_as_the_sections():
    for code in available_languages():
        mapping = load_mapping(code)
        facts = mapping.detection
        assert facts.adopted.pattern == mapping.masthead.adopted.pattern
        assert facts.decision_opening.pattern == mapping.decision.opening.pattern
        assert facts.phrases is mapping.phrase_pattern and facts.verbs is mapping.verb_pattern
        assert facts.formula.match(mapping.formula[0].text)
        assert facts.phrases._bounded == mapping.typography.spaced


def test_detection_builds_no_section_of_the_languages_it_does_not_choose(monkeypatch, tmp_path):
    """Choosing among seven languages reads five facts of each: the sections (dozens of
    patterns) are built for the chosen language alone, when the conversion reads them."""
    from akn.converter.pipeline import convert

    monkeypatch.setenv("AKN_CACHE_DIR", str(tmp_path))
    forget_mappings()
    try:
        result = convert(
            (data_dir("mappings").parent / "examples" / "A-75-L.25-fr.txt").read_text(
                encoding="utf-8"
            ),
            validate=False,
        )
        assert result.language == "fr"
        for code in available_languages():
            built = {name for name in SECTIONS if name and name in vars(load_mapping(code))}
            if code == "fr":
                assert {"numbering", "masthead", "typography"} <= built
            else:
                assert built == set(), code
    finally:
        forget_mappings()
