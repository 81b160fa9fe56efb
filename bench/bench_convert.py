"""Time ``akn.convert`` in process: per document, and throughput over the corpus texts.

Run by hand (it is not a test): ``python bench/bench_convert.py [--runs 15]``. It needs the
corpus in ../shared/corpus. Times are medians over the runs, warm (the mappings, word lists and
schema are loaded once per process, as in any long-running use), with the schema check
excluded and then included. The baseline, measured in the same run on the same documents, is
the cost of merely parsing and serialising the resulting XML with lxml: the floor under any
converter that hands over a tree of that size.

Target from issue 2: the seed in at most 5 ms, schema check excluded.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from corpus import CORPUS, LANGUAGES, clean_text, corpus_files  # noqa: E402

from akn.converter.pipeline import convert  # noqa: E402

SEED = REPO / "examples" / "A-75-L.25-fr.txt"


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def documents() -> list[tuple[str, str, bytes]]:
    found = [("seed (French PDF text)", "fr", SEED.read_bytes())]
    for path in sorted((CORPUS / "pdf-text" / "en").glob("*.txt")):
        found.append((f"{path.stem} (English PDF text)", "en", path.read_bytes()))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    print(f"akn convert, in process, median of {args.runs} runs (ms)")
    print(f"{'document':38} {'KB':>5} {'convert':>8} {'+schema':>8} {'baseline':>9} {'ratio':>6}")
    for name, language, data in documents():
        convert(data, lang=language)  # warm up: mappings, word lists, schema
        xml = convert(data, lang=language).to_bytes()
        fast = median_ms(partial(convert, data, lang=language, validate=False), args.runs)
        full = median_ms(partial(convert, data, lang=language), args.runs)
        base = median_ms(partial(lambda xml: etree.tostring(etree.fromstring(xml)), xml), args.runs)
        print(
            f"{name:38} {len(data) / 1024:5.0f} {fast:8.2f} {full:8.2f} {base:9.2f} "
            f"{fast / base:5.1f}x"
        )

    texts = []
    for language in ("eng", "fra"):
        for path in corpus_files(language):
            texts.append((LANGUAGES[language], clean_text(path).encode()))
    for language, data in texts:
        convert(data, lang=language, validate=False)
    size = sum(len(data) for _, data in texts)
    start = time.perf_counter()
    for language, data in texts:
        convert(data, lang=language, validate=False)
    elapsed = time.perf_counter() - start
    print(
        f"\nthroughput over {len(texts)} clean corpus texts ({size / 1024:.0f} KB): "
        f"{len(texts) / elapsed:.0f} documents/s, {size / 1024 / elapsed:.0f} KB/s "
        f"(schema check excluded)"
    )


if __name__ == "__main__":
    main()
