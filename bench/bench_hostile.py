"""Time and memory of ``akn convert`` and ``akn validate`` on inputs built to be slow (issue
14), with targets.

Run by hand (it is not a test): ``python bench/bench_hostile.py [--files 10000] [--repeat 3]``.
The inputs are made in a temporary directory: for convert, the seed text repeated to 5 MB,
"1." on 100,000 lines, and the seed with its spaces taken out (one word of 5 MB); for
validate, from a small document akn converts itself, 100,000 repeats of one eId (about
2 MB), 16,000 and 200,000 attributes on one element, and many copies of one file in one
directory. Each case runs ``akn`` in a child process and reports the median wall time and
the largest peak memory (the child's maximum resident set size) of ``--repeat`` runs.
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

TEXT = "The General Assembly,\n\nRecalling its resolution 1,\n\n1. Decides to continue;\n"


def _base() -> str:
    """Made by a child too: this process stays small, so the children's peaks are their own
    (a child's maximum resident set counts what it shared with this process when forked)."""
    command = [sys.executable, "-m", "akn", "convert", "-", "--lang", "en"]
    command += ["--markup-date", "2100-01-01"]
    made = subprocess.run(command, input=TEXT.encode(), capture_output=True, check=False)
    return made.stdout.decode()


def _run(arguments: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user and system) and peak MiB of one ``akn`` child: on a
    machine shared with other work the CPU time is the steadier figure."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "akn", *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, _, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest so far
    child.returncode = 0  # reaped here: keep Popen from waiting for it again
    seconds = time.perf_counter() - started
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB on Linux


def _convert_cases(root: Path) -> list[tuple[str, list[str], str]]:
    """The texts of the issue that took quadratic time, each to a file and converted to one."""
    seed = (Path(__file__).resolve().parent.parent / "examples" / "A-75-L.25-fr.txt").read_text()
    copies = 5_000_000 // len(seed.encode()) + 1
    texts = [
        (f"convert seed x{copies}", seed * copies, "<= 5 s"),
        ('convert "1." x 100,000 lines', "1.\n" * 100_000, "linear"),
        # one paragraph of the seed's words with the spaces taken out (5 MB, one word)
        ("convert a glued paragraph", f"{seed}\n99. {''.join(seed.split()) * 220}\n", "linear"),
    ]
    cases = []
    for number, (name, text, target) in enumerate(texts):
        path = root / f"text-{number}.txt"
        path.write_text(text, encoding="utf-8")
        arguments = ["convert", str(path), "-o", str(root / f"text-{number}.xml"), "--lang", "fr"]
        cases.append((f"{name} ({path.stat().st_size / 1e6:.1f} MB)", arguments, target))
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="copies for the many-files case")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case (median)")
    args = parser.parse_args(argv)
    base = _base()
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        cases: list[tuple[str, list[str], str]] = []
        # The many-files case first: a child's peak can count pages of this process at the
        # moment it was started, and the big inputs below are built here.
        many = root / "many"
        many.mkdir()
        for index in range(args.files):
            (many / f"{index:05d}.xml").write_text(base)
        cases.append((f"validate {args.files:,} files", ["validate", str(many)], "<= 80 MiB"))
        cases += _convert_cases(root)
        dups = root / "dups.xml"
        dups.write_text(base.replace("<p>", '<p eId="dup">x</p>\n' * 100_000 + "<p>", 1))
        cases.append(("validate 100,000 repeated eIds", ["validate", str(dups)], "<= 3 s"))
        for count in (16_000, 200_000):
            path = root / f"attributes-{count}.xml"
            names = " ".join(f'a{i}="v"' for i in range(count))
            path.write_text(base.replace("<p>", f"<p {names}>", 1))
            del names
            cases.append((f"validate {count:,} attributes", ["validate", str(path)], "fast"))
        print(f"{'case':<40} {'wall s':>7} {'cpu s':>7} {'peak MiB':>9}  target", flush=True)
        for name, arguments, target in cases:
            runs = [_run(arguments) for _ in range(args.repeat)]
            wall = statistics.median(run[0] for run in runs)
            cpu = statistics.median(run[1] for run in runs)
            peak = max(run[2] for run in runs)
            print(f"{name:<40} {wall:>7.2f} {cpu:>7.2f} {peak:>9.0f}  {target}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
