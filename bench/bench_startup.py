"""The cost of one ``akn convert SEED -o x.xml`` against ``xmllint --noout --schema`` on its output.

Run by hand (it is not a test): ``python bench/bench_startup.py [--runs 9]``. Both commands
pay for compiling the official schema (libxml2 does it for both), so xmllint on the XML that
akn wrote is the floor: issue 11 asks for akn within 1.5 times its wall time, with a peak
resident memory of at most 60 MiB. The commands alternate run by run so that a change in
machine load affects both alike; the medians of wall time and of CPU time (user + system)
are printed, and akn's peak memory.

``--against DIR`` times another checkout too (a worktree or an unpacked ``git archive`` of an
older commit), in the same alternation: ``python -m akn`` with ``PYTHONPATH=DIR`` beside this
checkout's ``python -m akn`` and xmllint, so that the figures before and after a change come
from one run.

The first run of akn builds the cached word table of the seed's language (see
akn.converter.word_table) and keeps the mapping's compiled patterns (akn.mapping.programs);
it is not timed. The package's bytecode is compiled first, as pip
does when it installs a wheel: an editable checkout run with PYTHONDONTWRITEBYTECODE set
(as on this machine) would otherwise compile every module again on each run (~0.14 s).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "schemas" / "akomantoso30.xsd"
SEED_FOLDER = REPO.parent / "shared" / "seed"
TIME_TARGET, MEMORY_TARGET = 1.5, 60


def _run(
    command: list[str], env: dict[str, str] | None = None, cwd: str | None = None
) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MiB) of ``command``, measured from a fresh child
    (RUSAGE_CHILDREN of a probe process: the peak of this command alone). ``cwd``: where it
    runs (``python -m akn`` would import the akn of the current folder first)."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "wall = time.perf_counter() - started\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *command],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=cwd,
    )
    wall, cpu, peak = (float(value) for value in done.stdout.split())
    return wall, cpu, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command (median)")
    parser.add_argument("--against", type=Path, help="another checkout to time beside this one")
    args = parser.parse_args(argv)
    xmllint = shutil.which("xmllint")
    seeds = sorted(SEED_FOLDER.glob("*.txt"))
    if xmllint is None or not seeds:
        print("needs xmllint (apt-get install libxml2-utils) and ../shared/seed/*.txt")
        return 2
    akn = shutil.which("akn") or str(Path(sys.executable).with_name("akn"))
    with tempfile.TemporaryDirectory(prefix="akn-bench-startup-") as scratch:
        output = os.path.join(scratch, "x.xml")
        # (name, command, environment): with --against both checkouts run as python -m akn.
        commands: list[tuple[str, list[str], dict[str, str] | None]] = []
        if args.against:
            other = args.against.resolve()
            module = [sys.executable, "-m", "akn", "convert", str(seeds[0]), "-o"]
            here = {**os.environ, "PYTHONPATH": str(REPO)}
            there = {**os.environ, "PYTHONPATH": str(other)}
            commands.append(("akn", [*module, output], here))
            commands.append((f"against {other.name}", [*module, output + ".against"], there))
            compiled = [REPO / "akn", other / "akn"]
        else:
            commands.append(("akn", [akn, "convert", str(seeds[0]), "-o", output], None))
            compiled = [REPO / "akn"]
        lint = [xmllint, "--noout", "--schema", str(SCHEMA), output]
        commands.append(("xmllint", lint, None))
        for folder in compiled:  # the bytecode an installed wheel has
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=False)
        for _, command, env in commands[:-1]:  # the word table, warm caches
            subprocess.run(command, capture_output=True, check=False, cwd=scratch, env=env)
        if not os.path.exists(output):
            print("akn convert wrote nothing", file=sys.stderr)
            return 2
        _run(lint)
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name, _, _ in commands}
        for index in range(args.runs):
            for name, command, env in commands if index % 2 == 0 else reversed(commands):
                results[name].append(_run(command, env, scratch))
    print(f"seed: {seeds[0].name}; {args.runs} runs each, medians")
    medians = {
        name: [statistics.median(run[i] for run in runs) for i in range(3)]
        for name, runs in results.items()
    }
    width = max(len(name) for name in medians)
    for name, (wall, cpu, peak) in medians.items():
        print(f"  {name:<{width}} wall {wall:6.3f} s   cpu {cpu:6.3f} s   peak RSS {peak:5.1f} MiB")
    for name in medians:
        if name == "xmllint":
            continue
        ratio = medians[name][0] / medians["xmllint"][0]
        cpu_ratio = medians[name][1] / medians["xmllint"][1]
        peak = max(run[2] for run in results[name])
        print(
            f"{name} / xmllint: wall {ratio:.2f}x, cpu {cpu_ratio:.2f}x (target {TIME_TARGET}x: "
            f"{'ok' if ratio <= TIME_TARGET else 'over'}); highest peak {peak:.1f} MiB "
            f"(target {MEMORY_TARGET}: {'ok' if peak <= MEMORY_TARGET else 'over'})"
        )
    python = statistics.median(_run([sys.executable, "-c", "pass"])[0] for _ in range(args.runs))
    print(f"python -c pass: {python:.3f} s; load average now {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
