"""Time ``akn.convert`` in process: per document, and throughput over the corpus texts.

Run by hand (it is not a test): ``python bench/bench_convert.py [--runs 15]``. It needs the
corpus in ../shared/corpus. Times are medians over the runs, warm (the mappings, word lists and
schema are loaded once per process, as in any long-running use), with the schema check
excluded and then included. The baseline, measured in the same run on the same documents, is
the cost of merely parsing and serialising the resulting XML with lxml: the floor under any
converter that hands over a tree of that size.

Target from issue 2: the seed in at most 5 ms, schema check excluded.

``--against DIR`` compares this checkout with another one (a worktree of an older commit, made
with ``git worktree add --detach DIR REV``): the same documents are converted by each in its own
process, alternately, several rounds, and the CPU time of each (``time.process_time``: the
machine is shared, and wall time measures the neighbours) is the median over the rounds. A
ratio above 1.00 is a slowdown of this checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
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
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--rounds", type=int, default=4, help="alternations with --against")
    args = parser.parse_args()
    if args.against:
        return compare(args.against.resolve(), args.runs, args.rounds)

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

    texts = corpus_texts()
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


def corpus_texts() -> list[tuple[str, bytes]]:
    """The clean texts of the English and French corpus resolutions, with their language."""
    texts = []
    for language in ("eng", "fra"):
        for path in corpus_files(language):
            texts.append((LANGUAGES[language], clean_text(path).encode()))
    return texts


# Run in a process of the checkout on PYTHONPATH, from a folder without an akn package: the
# CPU milliseconds of each document (median of ``runs``) and of one pass over the corpus texts
# (median of three), as JSON. Plain code for ``python -c``: this file imports the current
# checkout's modules, which an older checkout may not have.
_CHILD = """
import json, statistics, sys, time
from pathlib import Path
import akn
given = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
runs = int(sys.argv[2])
figures = {}
for name, language, text in given["documents"]:
    akn.convert(text, lang=language, validate=False)
    times = []
    for _ in range(runs):
        start = time.process_time()
        akn.convert(text, lang=language, validate=False)
        times.append(time.process_time() - start)
    figures[name] = statistics.median(times) * 1000
corpus = given["corpus"]
for language, text in corpus:
    akn.convert(text, lang=language, validate=False)
passes = []
for _ in range(3):
    start = time.process_time()
    for language, text in corpus:
        akn.convert(text, lang=language, validate=False)
    passes.append(time.process_time() - start)
figures[f"{len(corpus)} clean corpus texts"] = statistics.median(passes) * 1000
print(json.dumps(figures))
"""


def compare(other: Path, runs: int, rounds: int) -> None:
    """This checkout against ``other``, alternately, ``rounds`` times each."""
    if not (other / "akn" / "__init__.py").is_file():
        raise SystemExit(f"{other}: no akn package there (give the root of a checkout)")
    given = [(name, lang, data.decode("utf-8")) for name, lang, data in documents()]
    corpus = [(lang, data.decode("utf-8")) for lang, data in corpus_texts()]
    results: dict[Path, list[dict[str, float]]] = {REPO: [], other: []}
    with tempfile.TemporaryDirectory() as scratch:
        job = Path(scratch) / "job.json"
        job.write_text(json.dumps({"documents": given, "corpus": corpus}), encoding="utf-8")
        for _ in range(rounds):
            for checkout in (REPO, other):
                environment = {**os.environ, "PYTHONPATH": str(checkout)}
                answer = subprocess.run(
                    [sys.executable, "-c", _CHILD, str(job), str(runs)],
                    cwd=scratch, env=environment, capture_output=True, text=True, check=True,
                )  # fmt: skip
                results[checkout].append(json.loads(answer.stdout))
    print(f"CPU ms, median of {rounds} alternating rounds ({runs} runs each per document)")
    print(f"{'document':38} {'this':>9} {'other':>9} {'ratio':>6}")
    for name in results[REPO][0]:
        this = statistics.median(r[name] for r in results[REPO])
        that = statistics.median(r[name] for r in results[other])
        print(f"{name:38} {this:9.2f} {that:9.2f} {this / that:6.3f}")
    print(f"this: {REPO}\nother: {other}")


if __name__ == "__main__":
    main()
