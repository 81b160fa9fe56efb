"""Time loading the language mappings: the old loader against the new, cold against cached.

Run by hand (it is not a test): ``python bench/bench_mapping.py [--runs 15] [--old ../main]``.
Every case is timed in the same run, the cases alternating run by run so that a change in
machine load affects all alike; medians are printed, with their ratio to the first case.

In one process: the YAML files alone, read with each loader; then, for one language (fr,
every section built, as ``convert --lang fr`` reads it) and for language detection
(``convert`` without --lang, on a French text):

- *python loader*: PyYAML's pure-Python loader (the one akn used before), no cache;
- *C loader*: ``CSafeLoader`` (libyaml), no cache;
- *disk cache*: a new Mapping from the checked data kept on disk (no YAML, no schema);
- *memory*: the same files loaded again in the same process.

Before a cold case the ``re`` module's cache is emptied, so that patterns compile as in a
new process. Then in fresh processes, start-up included: the imports alone, detection with
the disk cache off, with it warm, and (``--old``) detection by the akn of another checkout,
such as the main branch before the typed mapping.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest.mock import patch

import yaml

from akn.converter import pipeline
from akn.converter.source import split_lines
from akn.mapping import FastLoader, _load, forget_mappings
from akn.mapping.loading import read_yaml
from akn.mapping.sections import SECTIONS
from akn.resources import mapping_folders

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "A-75-L.25-fr.txt"


def _every_section(mapping) -> None:
    """All a conversion with --lang reads of its mapping: every section, the phrase regexes."""
    for name in (*SECTIONS, "phrase_pattern", "verb_pattern", "formula_pattern"):
        getattr(mapping, name or "_top")
    for matcher in (mapping.phrase_pattern, mapping.verb_pattern):
        _ = matcher.regex  # compiled on first read


def _load_one(loader: type) -> None:
    _every_section(_load(mapping_folders(), "fr", loader)[0])


def _detect(loader: type) -> None:
    """Language detection as ``convert`` without --lang does it, on a French text, each
    language's mapping loaded with ``loader``."""
    with patch.object(
        pipeline, "load_mapping", lambda code: _load(mapping_folders(), code, loader)
    ):
        chosen = pipeline._choose_mapping(_LINES, None, [])
    assert chosen.language.code == "fr"


_LINES = split_lines(SAMPLE.read_text(encoding="utf-8"))[0]


def _cold(action: Callable[[], None], cache: str | None) -> Callable[[], None]:
    def run() -> None:
        forget_mappings()
        re.purge()
        os.environ["AKN_CACHE_DIR"] = cache if cache is not None else ""
        action()

    return run


def _time(function: Callable[[], None]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def _parse_only(runs: int) -> None:
    """The YAML alone: every bundled file read with each loader (nodes, marks, values)."""
    paths = sorted(mapping_folders()[-1].glob("*.yaml"))
    cases = {
        "python loader": lambda: [read_yaml(path, yaml.SafeLoader) for path in paths],
        "C loader": lambda: [read_yaml(path, FastLoader) for path in paths],
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, case in cases.items():
            times[name].append(_time(case))
    _report(f"YAML only, the {len(paths)} bundled files", times)


def _in_process(runs: int, cache: str) -> None:
    for label, target in (
        ("one language (fr), every section", _load_one),
        ("language detection (all languages)", _detect),
    ):
        cases = {
            "python loader": _cold(lambda t=target: t(yaml.SafeLoader), None),
            "C loader": _cold(lambda t=target: t(FastLoader), None),
            "disk cache": _cold(lambda t=target: t(FastLoader), cache),
            "memory": lambda t=target: t(FastLoader),
        }
        _cold(lambda t=target: t(FastLoader), cache)()  # fill the disk cache
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, case in cases.items():
                if name == "memory":
                    _cold(lambda t=target: t(FastLoader), cache)()
                times[name].append(_time(case))
        _report(label, times)


_PROCESS = (
    "from akn.converter import pipeline\n"
    "from akn.converter.source import split_lines\n"
    f"text = open({str(SAMPLE)!r}, encoding='utf-8').read()\n"
    "pipeline._choose_mapping(split_lines(text)[0], None, [])\n"
)


def _fresh_processes(runs: int, cache: str, old: Path | None) -> None:
    def process(cache_dir: str, path: Path | None = None) -> Callable[[], None]:
        env = {**os.environ, "AKN_CACHE_DIR": cache_dir}
        if path is not None:
            env["PYTHONPATH"] = str(path)
        command = [sys.executable, "-c", _PROCESS]
        return lambda: subprocess.run(command, env=env, check=True)

    baseline = [sys.executable, "-c", "import akn.converter.pipeline"]
    cases = {
        "imports only": lambda: subprocess.run(baseline, check=True),
        "no disk cache": process(""),
        "disk cache": process(cache),
    }
    if old is not None:
        cases[f"akn of {old}"] = process("", old)
    process(cache)()  # fill it
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, case in cases.items():
            times[name].append(_time(case))
    _report("fresh process: imports, then language detection", times)


def _report(label: str, times: dict[str, list[float]]) -> None:
    print(f"\n{label}: median of {len(next(iter(times.values())))} runs")
    first = statistics.median(next(iter(times.values())))
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:32} {median * 1000:8.2f} ms   {median / first:5.2f} x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--old", type=Path, help="a checkout whose akn to time as well")
    args = parser.parse_args()
    print(f"PyYAML {yaml.__version__}, libyaml: {yaml.__with_libyaml__}")
    saved = os.environ.get("AKN_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix="akn-bench-cache-") as cache:
        try:
            _parse_only(args.runs)
            _in_process(args.runs, cache)
            _fresh_processes(max(3, args.runs // 3), cache, args.old)
        finally:
            if saved is None:
                os.environ.pop("AKN_CACHE_DIR", None)
            else:
                os.environ["AKN_CACHE_DIR"] = saved


if __name__ == "__main__":
    main()
