"""The compact word table gives exactly wordfreq's frequencies, built once and then only read."""

from __future__ import annotations

import importlib.util
import math
import os

import pytest

from akn.converter import word_table
from akn.converter.word_table import WordTable, frequencies, write_table

HAS_WORDFREQ = importlib.util.find_spec("wordfreq") is not None


def _table(tmp_path, entries: dict[str, float]) -> WordTable:
    path = tmp_path / "table.bin"
    write_table(entries, path)
    return WordTable(path.read_bytes())


def test_every_word_gets_its_exact_value_and_no_other(tmp_path):
    entries = {
        "ab": math.log10(1e-5) + 9,
        "abc": 1.0 / 3.0,
        "bc": 7.25,
        "l'asie": 2.0,
        "préside": 4.123456789012345,
        "国际": 5.5,
        "": 3.0,
    }
    entries.update({f"w{number}": number / 7 for number in range(5000)})  # many per group
    table = _table(tmp_path, entries)
    for word, value in entries.items():
        assert table.get(word) == value  # the same float, not a rounded one
    for absent in ("a", "b", "abcd", "c", "w", "w5000", "l'asi", "国", "\ud800"):
        assert table.get(absent, -1.0) == -1.0


def test_an_empty_table_answers_the_default(tmp_path):
    assert _table(tmp_path, {}).get("word", 0.0) == 0.0


@pytest.mark.skipif(not HAS_WORDFREQ, reason="wordfreq (the convert extra) is not installed")
def test_built_once_then_read_without_wordfreq(tmp_path, monkeypatch):
    monkeypatch.setenv("AKN_CACHE_DIR", str(tmp_path))
    expected = word_table._from_wordfreq("es")
    built = frequencies("es")
    assert [path.name[:9] for path in tmp_path.iterdir()] == ["words-es-"]

    def refuse(language):
        raise AssertionError("wordfreq's list was loaded again")

    monkeypatch.setattr(word_table, "_from_wordfreq", refuse)
    again = frequencies("es")
    assert isinstance(again, WordTable)
    sample = list(expected)[:: max(1, len(expected) // 5000)]
    assert all(again.get(word) == built.get(word) == expected[word] for word in sample)


@pytest.mark.skipif(not HAS_WORDFREQ, reason="wordfreq (the convert extra) is not installed")
def test_a_damaged_or_unwritable_cache_gives_the_same_answers(tmp_path, monkeypatch):
    monkeypatch.setenv("AKN_CACHE_DIR", str(tmp_path))
    good = frequencies("fr")
    (path,) = tmp_path.iterdir()
    path.write_bytes(b"akn-words 1\ngarbage")
    assert frequencies("fr").get("résolution") == good.get("résolution") > 3
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("AKN_CACHE_DIR", str(blocked / "cache"))
    fallback = frequencies("fr")
    assert isinstance(fallback, dict) and fallback["résolution"] == good.get("résolution")
    assert sorted(os.listdir(tmp_path)) == sorted([path.name, "file"])  # rebuilt in place
