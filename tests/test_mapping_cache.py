"""A checked mapping is kept, in memory and on disk, keyed by its files' bytes, and never
used once one of them changes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from akn.mapping import MappingError, forget_mappings, load_mapping
from akn.mapping import cache as disk
from akn.resources import data_dir, mapping_folders


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "mappings"
    target.mkdir()
    for name in ("base", "en", "fr"):
        shutil.copy(data_dir("mappings") / f"{name}.yaml", target / f"{name}.yaml")
    return target


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("AKN_CACHE_DIR", str(tmp_path / "cache"))
    forget_mappings()
    yield tmp_path / "cache" / "mappings"
    forget_mappings()


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*")) if cache.is_dir() else []


def test_a_loaded_mapping_is_kept_in_memory(folder: Path, cache: Path):
    first = load_mapping("fr", folder)
    assert load_mapping("fr", folder) is first


def test_a_changed_file_is_read_again_without_forgetting(folder: Path, cache: Path):
    first = load_mapping("fr", folder)
    path = folder / "base.yaml"  # the parent: the language's own file is unchanged
    path.write_text(path.read_text(encoding="utf-8").replace("min_rows: 3", "min_rows: 4"))
    again = load_mapping("fr", folder)
    assert again is not first and again.tables.min_rows == 4


def test_the_disk_cache_gives_the_checked_data_back(folder: Path, cache: Path):
    loaded = load_mapping("fr", folder)
    [entry] = _entries(cache)
    assert entry.suffix == ".json"  # JSON, not pickle: reading a cache runs no code
    forget_mappings()
    assert load_mapping("fr", folder).data == loaded.data


def test_the_disk_cache_is_not_used_once_a_file_changed(folder: Path, cache: Path):
    load_mapping("fr", folder)
    forget_mappings()
    path = folder / "base.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("min_rows: 3", "min_rows: one"), encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        load_mapping("fr", folder)
    assert caught.value.diagnostics[0].path == str(path)


def test_a_damaged_entry_is_a_miss(folder: Path, cache: Path):
    load_mapping("fr", folder)
    [entry] = _entries(cache)
    entry.write_text('{"format": 1, "files": [], "data": {"language": 1', encoding="utf-8")
    forget_mappings()
    assert load_mapping("fr", folder).language.code == "fr"
    assert json.loads(entry.read_text(encoding="utf-8"))["data"]["language"]["code"] == "fr"


def test_an_entry_whose_parent_resolves_elsewhere_is_a_miss(
    cache: Path, tmp_path: Path, monkeypatch
):
    """A base.yaml that appears in a folder searched first is the one fr extends now."""
    mine = tmp_path / "mine"
    mine.mkdir()
    monkeypatch.setenv("AKN_MAPPINGS", str(mine))
    load_mapping("fr")
    [entry] = _entries(cache)
    assert disk.read_entry(entry.stem, mapping_folders()) is not None
    text = (data_dir("mappings") / "base.yaml").read_text(encoding="utf-8")
    (mine / "base.yaml").write_text(text.replace("min_rows: 3", "min_rows: 5"), encoding="utf-8")
    assert disk.read_entry(entry.stem, mapping_folders()) is None
    assert load_mapping("fr").tables.min_rows == 5


def test_no_temporary_file_is_left_behind(folder: Path, cache: Path):
    load_mapping("fr", folder)
    load_mapping("en", folder)
    assert [p.name for p in _entries(cache) if not p.name.endswith(".json")] == []
    assert len(_entries(cache)) == 2


def test_an_empty_cache_dir_turns_the_disk_cache_off(folder: Path, monkeypatch, tmp_path):
    monkeypatch.setenv("AKN_CACHE_DIR", "")
    forget_mappings()
    assert disk.cache_dir() is None
    assert load_mapping("fr", folder).language.code == "fr"
    forget_mappings()


def test_an_unwritable_cache_is_no_error(folder: Path, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("AKN_CACHE_DIR", str(blocker))
    forget_mappings()
    assert load_mapping("fr", folder).language.code == "fr"
    forget_mappings()


def test_a_cached_mapping_needs_neither_yaml_parsing_nor_jsonschema(folder: Path, cache: Path):
    """Why the disk cache is there: start-up. A fresh process that finds the entry imports
    neither jsonschema nor reads a YAML file."""
    load_mapping("fr", folder)
    script = (
        "import sys, yaml\n"
        "calls = []\n"
        "real = yaml.compose\n"
        "yaml.compose = lambda *a, **k: calls.append(1) or real(*a, **k)\n"
        "from akn.mapping import load_mapping\n"
        f"mapping = load_mapping('fr', __import__('pathlib').Path({str(folder)!r}))\n"
        "print(mapping.dates.months['janvier'], 'jsonschema' in sys.modules, len(calls))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "AKN_CACHE_DIR": str(cache.parent)},
        timeout=60,
    )
    assert result.stdout.split() == ["1", "False", "0"], result.stderr


def _settle(folder: Path, seconds_ago: int) -> None:
    """Give every file of ``folder`` a modification time ``seconds_ago`` in the past."""
    when = int(os.path.getmtime(folder)) - seconds_ago
    for path in folder.glob("*.yaml"):
        os.utime(path, (when, when))


def test_settled_files_are_not_read_again_while_a_stat_says_they_did_not_change(
    folder: Path, cache: Path, monkeypatch
):
    _settle(folder, 60)
    first = load_mapping("fr", folder)
    reads: list[Path] = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or original(self))
    assert load_mapping("fr", folder) is first
    assert reads == []  # a stat of each file, no read and no digest


def test_a_settled_file_edited_later_is_read_again(folder: Path, cache: Path):
    _settle(folder, 60)
    load_mapping("fr", folder)
    path = folder / "fr.yaml"
    path.write_text(path.read_text().replace("Rappelant", "Rappelant encore", 1))
    _settle(folder, 30)  # a time of its own, in the past: stamped again after this read
    assert "Rappelant encore" in load_mapping("fr", folder).preamble.phrases
