"""Time ``akn validate`` against ``xmllint --noout --schema`` on the same files, in one run.

Run by hand (it is not a test): ``python bench/bench_validate.py [--runs 9] [--jobs 2]``. It
needs xmllint (Debian package libxml2-utils) and the UN corpus in ../shared/corpus/akn. The
cases of issue 11: every corpus file (257) in one call, four copies of them (1,028), and one
file, all rules on; then the schema alone; then the peak memory of a run over 2,000 files and
when its first findings reach the reader. The CPU time of both (user + system, all
processes, medians) follows each line. The commands alternate run by run so that a change
in machine load affects both alike; medians of wall time and their ratio are printed
(targets: 1.1x for many files, 1.2x for one, 80 MiB).

Worker processes only help when the machine has a free core: the first line says how much
two processes got done at once compared with one (2.0: two free cores).

The package's bytecode is compiled first, as pip does when it installs a wheel: an editable
checkout run with PYTHONDONTWRITEBYTECODE set (as on this machine) would otherwise compile
every module again on each run (~0.06 s of each akn validate, a fifth of one file's time).
``--baseline`` times a second akn (another checkout's) in the same run, interleaved with the
first, so a change can be quoted before and after under the same machine load.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "schemas" / "akomantoso30.xsd"
CORPUS = REPO.parent / "shared" / "corpus" / "akn"
ONE_FILE = CORPUS / "fra" / "A-RES-75-15.xml"
MANY, ONE, MEMORY = 1.1, 1.2, 80


def _akn_command(explicit: str | None) -> list[str]:
    """``akn validate`` when it is installed and works, else the same code as a module."""
    if explicit:
        return shlex.split(explicit)
    akn = shutil.which("akn") or str(Path(sys.executable).with_name("akn"))
    if os.path.exists(akn):
        probe = subprocess.run([akn, "validate", "--rules"], capture_output=True, check=False)
        if probe.returncode == 0:
            return [akn, "validate"]
    print("note: no working `akn` command; timing `python -m akn.validation` instead")
    return [sys.executable, "-m", "akn.validation"]


def _compile_bytecode(command: list[str]) -> None:
    """Write the bytecode of the akn package that ``command`` runs (as a wheel install has)."""
    python = Path(command[0]).with_name("python")
    probe = "import akn, pathlib; print(pathlib.Path(akn.__file__).parent)"
    found = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=False)
    if found.returncode == 0:
        package = found.stdout.strip()
        subprocess.run([str(python), "-m", "compileall", "-q", package], check=False)


def _time(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system of all its processes) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def _compare(
    label: str,
    akn: list[str],
    xmllint: list[str],
    runs: int,
    target: float,
    before: list[str] | None = None,
) -> float:
    """Time ``akn`` (and ``before``, another akn) against ``xmllint``, turn by turn."""
    commands = [akn, xmllint] + ([before] if before else [])
    for command in commands:
        _time(command)  # warm the page cache
    times: list[list[tuple[float, float]]] = [[] for _ in commands]
    for index in range(runs):
        order = list(range(len(commands)))
        shift = index % len(order)
        for which in order[shift:] + order[:shift]:
            times[which].append(_time(commands[which]))
    walls = [statistics.median(wall for wall, _ in runs_of) for runs_of in times]
    cpus = [statistics.median(cpu for _, cpu in runs_of) for runs_of in times]
    ratio = walls[0] / walls[1]
    verdict = "ok" if ratio <= target else f"over the {target}x target"
    print(
        f"{label:<30} akn {walls[0]:6.3f} s   xmllint {walls[1]:6.3f} s   "
        f"ratio {ratio:4.2f}x  ({verdict}); CPU {cpus[0]:.2f} s vs {cpus[1]:.2f} s",
        flush=True,
    )
    if before:
        print(
            f"{'':<30} before {walls[2]:6.3f} s, ratio {walls[2] / walls[1]:4.2f}x; "
            f"CPU {cpus[2]:.2f} s ({cpus[0] / cpus[2] - 1:+.0%} now)",
            flush=True,
        )
    return ratio


def _burn(_: object) -> int:
    total = 0
    for number in range(3_000_000):
        total += number
    return total


def parallel_capacity() -> float:
    """How many times more work two processes did in the time of one (2.0: two free cores)."""
    started = time.perf_counter()
    _burn(0), _burn(0)
    serial = time.perf_counter() - started
    with multiprocessing.get_context("fork").Pool(2) as pool:
        started = time.perf_counter()
        pool.map(_burn, [0, 1])
        parallel = time.perf_counter() - started
    return serial / parallel


def peak_and_first(command: list[str]) -> tuple[float, float, float]:
    """(peak RSS in MiB of the largest process, seconds to the first line, seconds in all)."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        "process = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, "
        "stderr=subprocess.DEVNULL)\n"
        "process.stdout.readline()\n"
        "first = time.perf_counter() - started\n"
        "process.stdout.read()\n"
        "process.wait()\n"
        "total = time.perf_counter() - started\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(peak, first, total)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True
    )
    peak, first, total = (float(value) for value in done.stdout.split())
    return peak, first, total


def _copies(files: list[str], count: int, folder: Path) -> list[str]:
    """``count`` copies of the corpus under ``folder`` (distinct paths, same bytes)."""
    copied = []
    for copy in range(count):
        for name in files:
            path = Path(name)
            target = folder / f"copy{copy}" / path.parent.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            copied.append(str(target))
    return copied


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command (median)")
    parser.add_argument("--jobs", type=int, default=2, help="akn validate --jobs (default 2)")
    parser.add_argument("--akn", help='the command to time instead of "akn validate"')
    parser.add_argument(
        "--baseline",
        help='a second akn to time in the same runs, e.g. "../main/.venv/bin/akn validate"',
    )
    args = parser.parse_args(argv)

    xmllint = shutil.which("xmllint")
    if xmllint is None:
        print("xmllint not found: apt-get install -y libxml2-utils", file=sys.stderr)
        return 2
    files = sorted(str(path) for path in CORPUS.glob("*/*.xml"))
    if not files:
        print(f"no corpus files in {CORPUS}", file=sys.stderr)
        return 2
    akn = [*_akn_command(args.akn), "--jobs", str(args.jobs)]
    before = [*shlex.split(args.baseline), "--jobs", str(args.jobs)] if args.baseline else None
    for command in (akn, before):
        if command:
            _compile_bytecode(command)
    baseline = [xmllint, "--noout", "--schema", str(SCHEMA)]
    print(f"akn:     {shlex.join(akn)} FILES")
    print(f"xmllint: {shlex.join(baseline)} FILES")
    if before:
        print(f"before:  {shlex.join(before)} FILES")
    print(f"parallel capacity of this machine now: {parallel_capacity():.2f} (2: two free cores)")
    print(f"{args.runs} runs each, medians of wall time\n", flush=True)
    with tempfile.TemporaryDirectory(prefix="akn-bench-") as scratch:
        four = _copies(files, 4, Path(scratch) / "four")
        eight = _copies(files, 8, Path(scratch) / "eight")[:2000]
        cases = [
            (f"all {len(files)} corpus files", files, [], MANY),
            (f"4 copies: {len(four)} files", four, [], MANY),
            ("one file (A-RES-75-15 fra)", [str(ONE_FILE)], [], ONE),
            ("all files, --select XSD", files, ["--select", "XSD"], MANY),
        ]
        for label, inputs, options, target in cases:
            then = [*before, *options, *inputs] if before else None
            _compare(label, [*akn, *options, *inputs], baseline + inputs, args.runs, target, then)
        peak, first, total = peak_and_first(akn + eight)
        verdict = "ok" if peak <= MEMORY else f"over the {MEMORY} MiB target"
        print(f"\n{len(eight)} files: peak RSS {peak:.1f} MiB ({verdict}); first findings after")
        print(f"  {first:.3f} s of {total:.3f} s ({first / total:.0%} of the run)")
    startup = statistics.median(_time([*akn, "--rules"])[0] for _ in range(args.runs))
    python = statistics.median(_time([sys.executable, "-c", "pass"])[0] for _ in range(args.runs))
    print(f"start-up: `{shlex.join(akn)} --rules` {startup:.3f} s (python alone {python:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
