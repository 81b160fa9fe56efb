"""What the start-up work of issue 11 relies on: kept regex programs that give the patterns
``re.compile`` gives, read-only sections without frozen dataclasses, phrase matching by a
text's first word, no PyYAML for a cached mapping, and a command line that builds only the
options of the command it runs. (Timings are in bench/bench_startup.py, not here.)"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from akn.cli import build_parser
from akn.mapping import forget_mappings, load_mapping, programs
from akn.mapping.programs import compile_pattern, compile_with_program
from akn.resources import available_languages

SEED = Path(__file__).parent / "golden" / "clean-A-RES-77-259-fr.txt"


def _mapping_patterns() -> list[str]:
    """Every pattern the mappings compile: their sections' and detection's."""
    patterns: set[str] = set()
    for code in available_languages():
        mapping = load_mapping(code)
        seen: list[re.Pattern[str]] = []
        original = mapping.compile

        def keep(pattern: str, original=original, seen=seen) -> re.Pattern[str]:
            compiled = original(pattern)
            seen.append(compiled)
            return compiled

        copy = type(mapping)(mapping.name, mapping.data)
        object.__setattr__(copy, "compile", keep)
        for name in ("page", "notes", "numbering", "preamble", "masthead", "conclusions"):
            getattr(copy, name)
        for name in ("decision", "dates", "tables", "script", "_top", "detection"):
            getattr(copy, name)
        copy.particle_patterns  # noqa: B018
        patterns.update(compiled.pattern for compiled in seen)
        patterns.add(copy.phrase_pattern.regex.pattern)
    return sorted(patterns)


def test_a_kept_program_gives_the_pattern_re_compile_gives():
    patterns = _mapping_patterns()
    assert len(patterns) > 100
    for pattern in patterns:
        compiled, program = compile_with_program(pattern)
        expected = re.compile(pattern)
        assert program is not None
        # Pattern equality compares the pattern, the flags and the compiled code.
        assert compiled == expected, pattern
        assert (compiled.groups, compiled.groupindex) == (expected.groups, expected.groupindex)
        kept = programs._from_program(pattern, json.loads(json.dumps(program)))
        assert kept == expected


@pytest.fixture
def program_folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("AKN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(programs, "_compiled", {})
    folder = programs.programs_dir()
    assert folder is not None
    return folder


def test_programs_are_kept_and_read_back(program_folder: Path, monkeypatch):
    pattern = r"(?P<num>\d{1,3})\."
    assert compile_pattern(pattern).match("12. ").group("num") == "12"
    (kept,) = program_folder.glob("*.json")
    assert json.loads(kept.read_text(encoding="utf-8"))["pattern"] == pattern
    monkeypatch.setattr(programs, "_compiled", {})  # a new process
    monkeypatch.setattr(programs, "compile_with_program", None)  # would fail if called
    assert compile_pattern(pattern) == re.compile(pattern)


def test_a_damaged_or_foreign_program_is_compiled_anew(program_folder: Path, monkeypatch):
    pattern = r"(?P<day>\d{1,2}) (?P<month>[a-z]+)"
    compile_pattern(pattern)
    (kept,) = program_folder.glob("*.json")
    entry = json.loads(kept.read_text(encoding="utf-8"))
    _, program = compile_with_program(pattern)
    assert program is not None
    programs._write(kept, pattern, [program[0], [9999, *program[1][1:]], *program[2:]])
    damaged = kept.read_text(encoding="utf-8")
    for text in (
        damaged,
        json.dumps({"pattern": "another", "program": entry["program"]}),
        "not json",
    ):
        kept.write_text(text, encoding="utf-8")
        monkeypatch.setattr(programs, "_compiled", {})
        assert compile_pattern(pattern) == re.compile(pattern)
    monkeypatch.setenv("AKN_CACHE_DIR", "")  # the disk cache off: compiled, nothing kept
    monkeypatch.setattr(programs, "_compiled", {})
    assert compile_pattern(r"\d+") == re.compile(r"\d+")


def test_a_bad_pattern_is_still_a_regex_error():
    with pytest.raises(re.error):
        compile_with_program("(unclosed")


def test_sections_are_read_only_and_say_what_they_hold():
    fr = load_mapping("fr")
    with pytest.raises(FrozenInstanceError):
        fr.notes.brackets = ("(", ")")  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del fr.notes.brackets
    assert repr(fr.language) == "Language(code='fr', akn='fra', name='French')"


def test_a_cached_mapping_is_converted_without_pyyaml(tmp_path: Path):
    script = (
        "import sys, akn\n"
        f"akn.convert(open({str(SEED)!r}, 'rb').read(), validate=False)\n"
        "print('yaml' in sys.modules)\n"
    )
    env = {"AKN_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    assert [run.stdout.strip() for run in runs] == ["True", "False"], runs[-1].stderr
    forget_mappings()


def test_the_parser_builds_the_options_of_the_command_it_runs():
    parser = build_parser(["convert", "x.txt"])
    args = parser.parse_args(["convert", "x.txt", "--lang", "fr", "-o", "x.xml"])
    assert (args.lang, args.output, args.run.__module__) == ("fr", "x.xml", "akn.commands_convert")
    every = build_parser()
    assert every.parse_args(["validate", "a.xml", "--jobs", "2"]).jobs == 2
    help_text = build_parser(["convert"]).format_help()
    assert help_text == every.format_help()  # the listing of commands is the same


def _dataclass_run(cache: Path | str, script: str) -> str:
    env = {"AKN_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


_DATACLASS_SCRIPT = (
    "import dataclasses, akn\n"
    "from akn import dataclass_code\n"
    "from akn.diagnostics import Diagnostic, Severity\n"
    "@dataclasses.dataclass(frozen=True)\n"
    "class Theirs:\n"
    "    x: int = 1\n"
    "d = Diagnostic('E1', Severity.ERROR, 'm', 'p', 2, 3)\n"
    "print(len(dataclass_code._codes), len(dataclass_code._new), repr(d) == repr(\n"
    "    Diagnostic('E1', Severity.ERROR, 'm', 'p', 2, 3)), hash(d) == hash(\n"
    "    Diagnostic('E1', Severity.ERROR, 'm', 'p', 2, 3)), Theirs() == Theirs(),\n"
    "    any('Theirs' in text or 'x=' in text for text in dataclass_code._codes))\n"
)


def test_the_methods_of_akns_dataclasses_are_compiled_once_and_kept(tmp_path: Path):
    if sys.version_info >= (3, 13):
        pytest.skip("Python 3.13 compiles a class's methods at once: no hook")
    first = _dataclass_run(tmp_path, _DATACLASS_SCRIPT).split()
    (kept,) = tmp_path.glob("dataclass-code-*.marshal")
    second = _dataclass_run(tmp_path, _DATACLASS_SCRIPT).split()
    # The first run compiles every method and keeps them; the second compiles none. The
    # methods work as dataclasses' own, and another package's class is left alone.
    assert first[0] == first[1] != "0" and first[2:] == ["True", "True", "True", "False"]
    assert second[0] == first[0] and second[1] == "0" and second[2:] == first[2:]
    kept.chmod(0o666)  # writable by others: not read (nor is a damaged file)
    assert _dataclass_run(tmp_path, _DATACLASS_SCRIPT).split()[1] == first[0]
    kept.chmod(0o600)
    kept.write_bytes(b"not marshal")
    assert _dataclass_run(tmp_path, _DATACLASS_SCRIPT).split()[1] == first[0]
    assert _dataclass_run("", _DATACLASS_SCRIPT).split()[:2] == ["0", "0"]  # cache off


def test_the_schema_compiles_beside_only_when_a_core_is_free(monkeypatch):
    from akn import schema

    monkeypatch.setattr(schema, "_compiled", [])
    monkeypatch.setattr(schema, "_failure", [])
    monkeypatch.setattr(schema, "_loader", None)
    monkeypatch.setattr(schema, "core_free", lambda: False)
    assert schema.preload_official_schema() is False and schema._loader is None
    assert schema.official_schema() is schema._compiled[0]  # compiled here, when needed
    assert schema.preload_official_schema() is True
