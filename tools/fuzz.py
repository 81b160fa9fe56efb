"""The long fuzzing run (issue 14): mutated real texts through akn convert, mutated XML
through akn validate, every input against the oracles of ``tests/fuzzing.py``.

Usage: python tools/fuzz.py [--seed N] [--inputs N] [--minutes M] [--report FILE]

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


def run(seed: int, inputs: int, minutes: float) -> dict[str, object]:
    texts = bases()
    sample = fuzzing.sample_xml()
    deadline = time.monotonic() + minutes * 60
    counts: Counter[str] = Counter()
    findings: list[dict[str, object]] = []
    worst = 0.0
    done = 0
    for index in range(inputs):
        if time.monotonic() > deadline:
            break
        rng = random.Random(f"{seed}:{index}")
        if index % 5 == 4:  # one input in five is XML for akn validate
            name = rng.choice(sorted(fuzzing.XML_MUTATORS))
            data = fuzzing.XML_MUTATORS[name](rng, sample)
            verdict = fuzzing.check_validation(data if isinstance(data, bytes) else data.encode())
            names = [f"xml:{name}"]
            counts["validations"] += 1
        else:
            base = rng.randrange(len(texts))
            data, names = fuzzing.mutate_text(rng, texts[base])
            names = [f"base:{base}", *names]
            try:
                verdict = fuzzing.check_conversion(data, names)
            except Exception as error:  # the oracle's own failure: record it, go on
                verdict = fuzzing.Verdict([f"oracle error: {type(error).__name__}: {error}"])
            counts["conversions"] += 1
            if verdict.output is not None:
                counts["converted"] += 1
                if (
                    index % 20 == 0
                    and fuzzing.check_conversion(data, names).output != verdict.output
                ):
                    verdict.problems.append("different bytes the second time")
            if index % 50 == 0:
                status = exit_status(data)
                counts["cli"] += 1
                if status not in (0, 1, 2):
                    verdict.problems.append(f"exit status {status}")
        done += 1
        if verdict.size:
            worst = max(worst, verdict.seconds * 1000 / max(1, verdict.size / 1024))
        for problem in verdict.problems:
            counts[("known " if fuzzing.known(problem) else "") + fuzzing.kind(problem)] += 1
            if len(findings) < 200:
                findings.append({"index": index, "mutators": names, "problem": problem})
    return {
        "seed": seed,
        "inputs": done,
        "minutes": minutes,
        "counts": dict(sorted(counts.items())),
        "worst_ms_per_kb": round(worst, 2),
        "findings": findings,
        "known_failures": fuzzing.KNOWN_FAILURES,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--minutes", type=float, default=20.0)
    parser.add_argument("--report", type=Path, help="write the JSON report here")
    args = parser.parse_args(argv)
    report = run(args.seed, args.inputs, args.minutes)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "findings"}, indent=2))
    new = [f for f in report["findings"] if not fuzzing.known(str(f["problem"]))]
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
