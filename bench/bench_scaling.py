"""Does conversion time grow linearly with the text? Time per KB for the seed repeated 1..32 times.

Run by hand (it is not a test): ``python bench/bench_scaling.py [--runs 3]``. The seed (French
PDF text of a GA draft, with notes, split words and page furniture) is repeated whole, so each
stage sees more pages, more notes and more blocks; a stage that compares every note with
every block, or copies the rest of the text for every line, shows as a time per KB that
grows with the size. Medians of ``--runs`` runs, schema check excluded; the ratio is each
size's time per KB over the single seed's, measured in the same run: of wall time, and of
this process's CPU time (on a machine shared with other work the wall time says more about
the neighbours than about the code).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from akn.converter.pipeline import convert

SEED = Path(__file__).resolve().parent.parent / "examples" / "A-75-L.25-fr.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 8, 16, 32])
    args = parser.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    convert(seed, lang="fr", validate=False)  # warm: mappings, word lists
    print(
        f"{'copies':>6} {'KB':>7} {'ms':>9} {'ms/KB':>7} {'ratio':>6} "
        f"{'CPU ms/KB':>10} {'ratio':>6}"
    )
    first = first_cpu = None
    for copies in args.sizes:
        text = seed * copies
        times, cpu_times = [], []
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            convert(text, lang="fr", validate=False)
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - start_cpu)
        kb = len(text.encode()) / 1024
        per_kb = statistics.median(times) * 1000 / kb
        cpu_per_kb = statistics.median(cpu_times) * 1000 / kb
        first = first or per_kb
        first_cpu = first_cpu or cpu_per_kb
        print(
            f"{copies:>6} {kb:>7.0f} {statistics.median(times) * 1000:>9.0f} {per_kb:>7.2f} "
            f"{per_kb / first:>6.2f} {cpu_per_kb:>10.2f} {cpu_per_kb / first_cpu:>6.2f}"
        )


if __name__ == "__main__":
    main()
