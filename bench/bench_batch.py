"""Batch conversion: the throughput of ``akn convert DIR -o OUT --jobs 2`` against ``--jobs 1``,
and the memory of a long run.

Run by hand (it is not a test): ``python bench/bench_batch.py [--runs 5] [--files 1000]``.
The inputs are the 85 corpus texts of English and French (42 + 43), made from the UN's XML
the way tests/corpus.py makes them (``clean_text``: one paragraph per line, notes at the end).
Target (issue 11): ``--jobs 2`` at least 1.8 times the throughput of ``--jobs 1``. Worker
processes only help when the machine has a free core: the first line says how much two
processes got done at once compared with one (2.0: two free cores).

Then ``--files`` conversions in one process (``akn.convert_many(..., jobs=1)``), the resident
memory sampled every tenth of the run (flat: no leak), and the peak memory of the command
line over 100 files and over all of them (the same: no leak in the workers either).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))

from bench_validate import parallel_capacity, peak_and_first  # noqa: E402

TARGET = 1.8


def make_texts(folder: Path) -> list[Path]:
    """The 85 English and French corpus texts, as tests/corpus.py writes them."""
    from corpus import clean_text, corpus_files

    made = []
    for language in ("eng", "fra"):
        for path in corpus_files(language):
            target = folder / language / f"{path.stem}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(clean_text(path), encoding="utf-8")
            made.append(target)
    return made


def _akn() -> list[str]:
    return [sys.executable, "-m", "akn"]


def _time(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def throughput(texts: Path, scratch: Path, runs: int) -> None:
    convert = [*_akn(), "convert", str(texts), "-q", "-o"]
    commands = {
        jobs: [*convert, str(scratch / f"out{jobs}"), "--jobs", str(jobs)] for jobs in (1, 2)
    }
    times: dict[int, list[float]] = {1: [], 2: []}
    _time(commands[2])  # warm the caches (page cache, bytecode, word tables)
    for run in range(runs):
        for jobs in (1, 2) if run % 2 == 0 else (2, 1):
            times[jobs].append(_time(commands[jobs]))
    one, two = (statistics.median(times[jobs]) for jobs in (1, 2))
    count = sum(1 for _ in texts.rglob("*.txt"))
    ratio = one / two
    verdict = "ok" if ratio >= TARGET else f"under the {TARGET}x target"
    print(f"{count} texts, {runs} runs each, medians of wall time")
    print(f"  --jobs 1 {one:6.2f} s ({count / one:5.1f} files/s)")
    print(f"  --jobs 2 {two:6.2f} s ({count / two:5.1f} files/s)   {ratio:.2f}x ({verdict})")


def _resident_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def leak(texts: list[Path], folder: Path, count: int) -> list[Path]:
    """``count`` names for the texts (hard links: distinct paths, no copies), converted in
    this process; the resident memory every tenth of the way."""
    import akn

    folder.mkdir()
    names = []
    for index in range(count):
        name = folder / f"{index:05d}.txt"
        os.link(texts[index % len(texts)], name)
        names.append(name)
    samples = []
    started = time.perf_counter()
    for index, _ in enumerate(akn.convert_many(names, jobs=1), start=1):
        if index % max(1, count // 10) == 0:
            samples.append(f"{_resident_mib():.0f}")
    seconds = time.perf_counter() - started
    print(f"\n{count} conversions in one process ({seconds:.0f} s): resident MiB every tenth")
    print("  " + " ".join(samples))
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (median)")
    parser.add_argument("--files", type=int, default=1000, help="conversions for the leak check")
    args = parser.parse_args(argv)
    print(f"parallel capacity of this machine now: {parallel_capacity():.2f} (2: two free cores)")
    with tempfile.TemporaryDirectory(prefix="akn-bench-batch-") as scratch_name:
        scratch = Path(scratch_name)
        made = make_texts(scratch / "texts")
        if not made:
            print("no corpus texts: the UN corpus is not in ../shared", file=sys.stderr)
            return 2
        throughput(scratch / "texts", scratch, args.runs)
        names = leak(made, scratch / "many", args.files)
        for count in (100, len(names)):
            subset = scratch / f"subset{count}"
            subset.mkdir()
            for name in names[:count]:
                os.link(name, subset / name.name)
            out = str(scratch / f"subset{count}-out")
            peak, _, total = peak_and_first([*_akn(), "convert", str(subset), "-o", out, "-q"])
            print(
                f"akn convert of {count} files (one job per core): peak RSS {peak:.1f} MiB, "
                f"{total:.1f} s"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
