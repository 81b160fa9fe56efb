"""Time akn render (text, html) and akn diff in-process, per corpus file.

Run by hand (it is not a test): ``python bench/bench_render.py [--runs 5] [LANG ...]``. For
every UN file of ../shared/corpus/akn (or AKN_SHARED): render it as text and as HTML from
its path (reading and parsing included), and diff it against akn's conversion of its own
rendered text (both read from files, as ``akn diff A.xml B.xml`` does). Each file's time is
the median of its runs; printed are the median over the files, the 95th percentile and the
slowest file (target: 20 ms per file).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus import LANGUAGES, corpus_files

import akn

TARGET_MS = 20.0


def _per_file(work: Callable[[], object], runs: int) -> float:
    work()  # warm: lazy imports, the stylesheet, the first parse
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _report(label: str, times: dict[str, float]) -> None:
    ordered = sorted(times.values())
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    slowest = max(times, key=times.__getitem__)
    verdict = "ok" if times[slowest] <= TARGET_MS else f"slowest over {TARGET_MS:.0f} ms"
    print(
        f"{label:<14} median {statistics.median(ordered):6.2f} ms   p95 {p95:6.2f} ms   "
        f"max {times[slowest]:6.2f} ms ({slowest})   [{verdict}]"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per file (median)")
    parser.add_argument("languages", nargs="*", default=list(LANGUAGES))
    args = parser.parse_args(argv)
    files = [(lang, path) for lang in args.languages for path in corpus_files(lang)]
    if not files:
        print("no corpus files found (set AKN_SHARED)", file=sys.stderr)
        return 2
    text: dict[str, float] = {}
    html: dict[str, float] = {}
    compared: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for language, path in files:
            name = f"{language}/{path.name}"
            ours = Path(folder) / f"{language}-{path.name}"
            converted = akn.convert(akn.render(path, to="text"), lang=LANGUAGES[language])
            ours.write_bytes(converted.to_bytes())
            text[name] = _per_file(lambda p=path: akn.render(p, to="text"), args.runs)
            html[name] = _per_file(lambda p=path: akn.render(p, to="html"), args.runs)
            compared[name] = _per_file(lambda p=path, o=ours: akn.diff(p, o), args.runs)
    print(f"{len(files)} files, {args.runs} runs each, in-process, file reading included\n")
    _report("render text", text)
    _report("render html", html)
    _report("diff", compared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
