"""Time ``akn validate`` against ``xmllint --noout --schema`` on the same files, in one run.

Run by hand (it is not a test): ``python bench/bench_validate.py [--runs 9]``. It needs
xmllint (Debian package libxml2-utils) and the UN corpus in ../shared/corpus/akn. Two cases,
as issue 4 asks: every corpus file in one call, and one file. The commands alternate run by
run so that a change in machine load affects both alike; the medians and their ratio are
printed (target: akn at most 1.1 times xmllint's wall time).
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "schemas" / "akomantoso30.xsd"
CORPUS = REPO.parent / "shared" / "corpus" / "akn"
ONE_FILE = CORPUS / "fra" / "A-RES-75-15.xml"
TARGET = 1.1


def _akn_command(explicit: str | None) -> list[str]:
    """``akn validate`` when it is installed and works, else the same code as a module."""
    if explicit:
        return shlex.split(explicit)
    akn = shutil.which("akn")
    if akn:
        probe = subprocess.run([akn, "validate", "--rules"], capture_output=True, check=False)
        if probe.returncode == 0:
            return [akn, "validate"]
    print("note: no working `akn` command; timing `python -m akn.validation` instead")
    return [sys.executable, "-m", "akn.validation"]


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def _compare(label: str, akn: list[str], xmllint: list[str], runs: int) -> float:
    _time(akn), _time(xmllint)  # warm the page cache and Python's bytecode cache
    akn_times, xmllint_times = [], []
    for index in range(runs):
        pair = [(akn, akn_times), (xmllint, xmllint_times)]
        for command, times in pair if index % 2 == 0 else reversed(pair):
            times.append(_time(command))
    akn_median = statistics.median(akn_times)
    xmllint_median = statistics.median(xmllint_times)
    ratio = akn_median / xmllint_median
    verdict = "ok" if ratio <= TARGET else f"over the {TARGET}x target"
    print(
        f"{label:<28} akn {akn_median:6.3f} s   xmllint {xmllint_median:6.3f} s   "
        f"ratio {ratio:4.2f}x  ({verdict})"
    )
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command (median)")
    parser.add_argument("--akn", help='the command to time instead of "akn validate"')
    args = parser.parse_args(argv)

    xmllint = shutil.which("xmllint")
    if xmllint is None:
        print("xmllint not found: apt-get install -y libxml2-utils", file=sys.stderr)
        return 2
    files = sorted(str(path) for path in CORPUS.glob("*/*.xml"))
    if not files:
        print(f"no corpus files in {CORPUS}", file=sys.stderr)
        return 2
    akn = _akn_command(args.akn)
    baseline = [xmllint, "--noout", "--schema", str(SCHEMA)]
    print(f"akn:     {shlex.join(akn)} FILES")
    print(f"xmllint: {shlex.join(baseline)} FILES")
    print(f"{args.runs} runs each, medians of wall time\n")
    _compare(f"all {len(files)} corpus files", akn + files, baseline + files, args.runs)
    _compare(
        "one file (A-RES-75-15 fra)", [*akn, str(ONE_FILE)], [*baseline, str(ONE_FILE)], args.runs
    )
    # The same with akn's own rules off: what the schema path alone costs.
    xsd_only = [*akn, "--select", "XSD"]
    _compare("all files, --select XSD", xsd_only + files, baseline + files, args.runs)
    _compare(
        "one file, --select XSD", [*xsd_only, str(ONE_FILE)], [*baseline, str(ONE_FILE)], args.runs
    )
    startup = statistics.median(_time([*akn, "--rules"]) for _ in range(args.runs))
    python = statistics.median(_time([sys.executable, "-c", "pass"]) for _ in range(args.runs))
    print(f"\nstart-up: `{shlex.join(akn)} --rules` {startup:.3f} s (python alone {python:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
