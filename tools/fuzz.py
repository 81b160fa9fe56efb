"""The long fuzzing run (issue 14): mutated real texts through akn convert, mutated XML
through akn validate, every input against the oracles of ``tests/fuzzing.py``.

Usage: python tools/fuzz.py [--seed N] [--start I] [--inputs N] [--minutes M] [--report FILE]
       python tools/fuzz.py --seed N --replay I [--save FILE]

Input number i of a run with seed S is made by ``random.Random(f"{S}:{i}")``: any finding
is replayed from the seed and index the report gives. The bases are the seed text and the
clean texts of the UN corpus (``tests/corpus.py`` ``clean_text``). Every 20th input is also
converted a second time (the bytes must be the same), and every 50th goes through the
command line (the exit status must be 0, 1 or 2).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import fuzzing
from corpus import CORPUS, clean_text

BIG = 64 * 1024
"""Inputs from this size on are ranked by time per KB (``slowest_per_kb`` of the report)."""


def bases() -> list[str]:
    """The seed text and the clean text of every file of the UN corpus."""
    texts = [fuzzing.seed_text()]
    for path in sorted((CORPUS / "akn").glob("*/*.xml")):
        texts.append(clean_text(path))
    return texts


def exit_status(data: str | bytes) -> int:
    from akn.cli import main

    with tempfile.NamedTemporaryFile(suffix=".txt") as handle:
        handle.write(data.encode() if isinstance(data, str) else data)
        handle.flush()
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            return main(["convert", handle.name, "-o", handle.name + ".xml"])


def make_input(
    seed: int, index: int, texts: list[str], sample: str
) -> tuple[str, str | bytes, list[str]]:
    """Input ``index`` of the run with ``seed``: what it goes through ("convert" or
    "validate"), its data and the names of its base and mutators. The same on every replay."""
    rng = random.Random(f"{seed}:{index}")
    if index % 5 == 4:  # one input in five is XML for akn validate
        name = rng.choice(sorted(fuzzing.XML_MUTATORS))
        data = fuzzing.XML_MUTATORS[name](rng, sample)
        return "validate", data if isinstance(data, bytes) else data.encode(), [f"xml:{name}"]
    base = rng.randrange(len(texts))
    data, names = fuzzing.mutate_text(rng, texts[base])
    return "convert", data, [f"base:{base}", *names]


def check(index: int, purpose: str, data: str | bytes, names: list[str]) -> fuzzing.Verdict:
    """Input ``index`` through its oracles (the second conversion and the command line for
    the inputs the module docstring names)."""
    if purpose == "validate":
        assert isinstance(data, bytes)
        return fuzzing.check_validation(data)
    try:
        verdict = fuzzing.check_conversion(data, names)
    except Exception as error:  # the oracle's own failure: record it, go on
        return fuzzing.Verdict([f"oracle error: {type(error).__name__}: {error}"])
    if (
        verdict.output is not None
        and index % 20 == 0
        and fuzzing.check_conversion(data, names).output != verdict.output
    ):
        verdict.problems.append("different bytes the second time")
    if index % 50 == 0:
        status = exit_status(data)
        if status not in (0, 1, 2):
            verdict.problems.append(f"exit status {status}")
    return verdict


def run(
    seed: int, inputs: int, minutes: float, start: int = 0, progress: bool = False
) -> dict[str, object]:
    texts = bases()
    sample = fuzzing.sample_xml()
    deadline = time.monotonic() + minutes * 60
    counts: Counter[str] = Counter()
    findings: list[dict[str, object]] = []
    slowest: list[tuple[float, int, int, float]] = []  # (ms per KB, index, bytes, seconds)
    longest: list[tuple[float, int, int, float]] = []
    done = 0
    for index in range(start, start + inputs):
        if time.monotonic() > deadline:
            break
        purpose, data, names = make_input(seed, index, texts, sample)
        verdict = check(index, purpose, data, names)
        counts["validations" if purpose == "validate" else "conversions"] += 1
        if verdict.output is not None:
            counts["converted"] += 1
        if purpose == "convert" and index % 50 == 0:
            counts["cli"] += 1
        done += 1
        if verdict.size:
            rate = verdict.seconds * 1000 / max(1, verdict.size / 1024)
            timing = (rate, index, verdict.size, verdict.seconds)
            longest = sorted([*longest, timing], key=lambda t: t[3])[-5:]
            if verdict.size >= BIG:  # below, the fixed cost of a conversion is most of it
                slowest = sorted([*slowest, timing])[-5:]
        for problem in verdict.problems:
            counts[("known " if fuzzing.known(problem) else "") + fuzzing.kind(problem)] += 1
            if len(findings) < 200:
                findings.append({"index": index, "mutators": names, "problem": problem})
        if progress and done % 100 == 0:
            print(f"{seed}:{index} {done} inputs, {dict(counts)}", file=sys.stderr, flush=True)
    return {
        "seed": seed,
        "first": start,
        "inputs": done,
        "minutes": minutes,
        "counts": dict(sorted(counts.items())),
        # Re-time these alone (--replay) before believing them: a loaded machine, or a
        # process stopped for a while, makes any input slow.
        "slowest_per_kb": _timings(slowest),
        "longest": _timings(longest),
        "findings": findings,
        "known_failures": fuzzing.KNOWN_FAILURES,
    }


def _timings(timings: list[tuple[float, int, int, float]]) -> list[dict[str, object]]:
    return [
        {"index": i, "ms_per_kb": round(r, 2), "bytes": n, "cpu_seconds": round(t, 3)}
        for r, i, n, t in reversed(timings)
    ]


def replay(seed: int, index: int, save: Path | None) -> int:
    """Input ``index`` of ``seed`` again, alone: its mutators, size, time and problems."""
    purpose, data, names = make_input(seed, index, bases(), fuzzing.sample_xml())
    if save:
        save.write_bytes(data.encode() if isinstance(data, str) else data)
    verdict = check(index, purpose, data, names)
    size = verdict.size or len(data)
    rate = verdict.seconds * 1000 / max(1, size / 1024)
    timing = f"{verdict.seconds:.3f} s CPU, {rate:.2f} ms/KB"
    print(f"{seed}:{index} {purpose} {names} {size} bytes {timing}")
    for problem in verdict.problems:
        print("  " + problem)
    return 1 if verdict.problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--minutes", type=float, default=20.0)
    parser.add_argument("--start", type=int, default=0, help="index of the first input")
    parser.add_argument("--report", type=Path, help="write the JSON report here")
    parser.add_argument("--replay", type=int, metavar="INDEX", help="run input INDEX alone")
    parser.add_argument("--save", type=Path, help="with --replay: write the input here")
    parser.add_argument("--progress", action="store_true", help="a line every 100 inputs")
    args = parser.parse_args(argv)
    if args.replay is not None:
        return replay(args.seed, args.replay, args.save)
    report = run(args.seed, args.inputs, args.minutes, args.start, args.progress)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "findings"}, indent=2))
    new = [f for f in report["findings"] if not fuzzing.known(str(f["problem"]))]
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
