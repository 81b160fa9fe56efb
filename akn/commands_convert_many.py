"""``akn convert`` for many files: several inputs or a directory, written into a directory.

    akn convert a.txt b.txt -o xml/       each INPUT gives xml/INPUT.xml
    akn convert texts/ -o xml             texts/**/*.txt, the folders kept below xml/

Files are converted in worker processes (``--jobs``, default one per core); a progress bar
shows on a terminal (not with ``-q``); each file's diagnostics are printed as it is done, in
input order, and a summary ends the run: how many were converted, with warnings, failed
(each failure one line). Exit status 1 when any input failed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from akn.diagnostics import Severity

if TYPE_CHECKING:
    from akn.batch import BatchResult


def run_batch(args: argparse.Namespace) -> int:
    """Convert every input into the directory ``-o``; return the exit status."""
    from akn.batch import BatchError, convert_jobs, plan
    from akn.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE

    problem = _usage_problem(args)
    if problem is None:
        try:
            jobs = plan(args.inputs, args.output)
        except BatchError as error:
            problem = str(error)
    if problem is not None:
        print(f"akn convert: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        os.makedirs(args.output, exist_ok=True)
    except OSError as error:
        print(
            f"akn convert: error: cannot create -o {args.output}: {error.strerror or error}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from akn.commands_convert import conversion_options

    results = convert_jobs(jobs, jobs=args.jobs, **conversion_options(args))
    shown = _shown(_with_progress(results, len(jobs), args), args)
    if args.diagnostics == "json":
        kept = list(shown)  # the report lists every file and finding
        _print_json(kept)
        return EXIT_OK if all(result.ok for result in kept) else EXIT_FAILED
    tally = _Tally()
    for result in shown:  # only counts and failures are kept: memory stays flat
        tally.add(result)
    for source, reason in tally.failures:
        print(f"{source}: failed: {reason}", file=sys.stderr)
    print(tally.summary(args.output), file=sys.stderr)
    return EXIT_FAILED if tally.failures else EXIT_OK


def _usage_problem(args: argparse.Namespace) -> str | None:
    if "-" in args.inputs:
        return "standard input (-) cannot be converted with other inputs or into a directory"
    if not args.output:
        return "converting several files (or a directory) needs -o DIRECTORY for the XML"
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        return f"-o {args.output} is a file: with several inputs -o names a directory"
    if args.symbol and (len(args.inputs) > 1 or os.path.isdir(args.inputs[0])):
        return "--symbol names one document: give it for one input at a time"
    return None


def _with_progress(
    results: Iterator[BatchResult], total: int, args: argparse.Namespace
) -> Iterator[BatchResult]:
    """The results, counted on a progress bar on standard error when it is a terminal."""
    if args.quiet or not sys.stderr.isatty():
        yield from results
        return
    try:
        from tqdm import tqdm
    except ImportError:  # the `convert` extra is not installed: no bar, nothing else missing
        yield from results
        return
    with tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True) as bar:
        args.write_line = bar.write  # diagnostics above the bar, not through it
        for result in results:
            yield result
            bar.update()


def _shown(results: Iterable[BatchResult], args: argparse.Namespace) -> Iterator[BatchResult]:
    """Print each file's diagnostics as it is done (text; json waits for the end)."""
    threshold = Severity.INFO if args.verbose else Severity.WARNING
    for result in results:
        if args.diagnostics == "text" and not args.quiet:
            write = getattr(args, "write_line", None) or _stderr_line
            for diagnostic in result.diagnostics:
                if diagnostic.severity >= threshold:
                    write(diagnostic.format())
        yield result


def _stderr_line(line: str) -> None:
    print(line, file=sys.stderr)


class _Tally:
    """What the summary says: how many files, converted, with warnings, and each failure."""

    def __init__(self) -> None:
        self.files = self.converted = self.warned = 0
        self.failures: list[tuple[str, str]] = []

    def add(self, result: BatchResult) -> None:
        self.files += 1
        if result.ok:
            self.converted += 1
            self.warned += result.warned
        else:
            self.failures.append((result.source, result.reason))

    def summary(self, output: str) -> str:
        noun = "file" if self.files == 1 else "files"
        return (
            f"{self.converted} of {self.files} {noun} converted into {output} "
            f"({self.warned} with warnings), {len(self.failures)} failed."
        )


def _print_json(results: list[BatchResult]) -> None:
    from akn.report import FileStatus, dumps, report

    statuses = [FileStatus(r.source, r.converted, r.ok, r.seconds) for r in results]
    findings = [d for result in results for d in result.diagnostics]
    sys.stderr.write(dumps(report("convert", statuses, findings, Severity.ERROR)))
