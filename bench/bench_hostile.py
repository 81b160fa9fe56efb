"""Time and memory of ``akn validate`` on inputs built to be slow (issue 14), with targets.

Run by hand (it is not a test): ``python bench/bench_hostile.py [--files 10000]``. The inputs
are made in a temporary directory from a small document akn converts itself: 100,000
repeats of one eId (about 2 MB), 16,000 and 200,000 attributes on one element, and many
copies of one file in one directory. Each case runs ``akn validate`` in a child process and
reports its wall time and peak memory (the child's maximum resident set size).
"""

from __future__ import annotations

import argparse
import os
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


def _run(paths: list[str]) -> tuple[float, float]:
    """Wall seconds and peak MiB of one ``akn validate`` child."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "akn", "validate", *paths],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, _, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest so far
    child.returncode = 0  # reaped here: keep Popen from waiting for it again
    seconds = time.perf_counter() - started
    return seconds, usage.ru_maxrss / 1024  # KiB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="copies for the many-files case")
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
        cases.append((f"{args.files:,} files", [str(many)], "<= 80 MiB"))
        dups = root / "dups.xml"
        dups.write_text(base.replace("<p>", '<p eId="dup">x</p>\n' * 100_000 + "<p>", 1))
        cases.append(("100,000 repeated eIds", [str(dups)], "<= 3 s"))
        for count in (16_000, 200_000):
            path = root / f"attributes-{count}.xml"
            names = " ".join(f'a{i}="v"' for i in range(count))
            path.write_text(base.replace("<p>", f"<p {names}>", 1))
            del names
            cases.append((f"{count:,} attributes on one element", [str(path)], "fast"))
        print(f"{'case':<36} {'seconds':>8} {'peak MiB':>9}  target")
        for name, paths, target in cases:
            seconds, peak = _run(paths)
            print(f"{name:<36} {seconds:>8.2f} {peak:>9.0f}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
