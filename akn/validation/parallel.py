"""Checking many files in worker processes; results come back one by one, in input order.

The official schema is compiled once, in this process, before the workers start: forked
workers share the compiled schema instead of paying for it again (it is most of the cost of
a small run). While it compiles (in a thread, mostly without the GIL) this process reads the
first files and runs the rules on them, and checks them against the schema once the workers
have started on the rest. Each worker reads, parses and checks one file at a time and sends
back only its findings (a few records, no tree), so memory stays flat whatever the number of
files, and the caller can print a file's findings as soon as it and the files before it are
done.

Where processes cannot be forked (Windows, macOS' default), workers are spawned and each
compiles the schema itself, once.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator, Sequence
from typing import Any

from akn.validation.document import Hit
from akn.validation.engine import (
    FileResult,
    Input,
    Settings,
    check_inputs,
    check_loaded,
    finish,
    rule_findings,
    schema_findings_for,
)
from akn.validation.inputs import Loaded, load_path
from akn.validation.rules import Rule

MIN_FILES_PER_JOB = 4
"""Below this many files per worker, starting workers costs more than it saves."""

_CHUNK_MAX = 8
"""Files handed to a worker at once, at most: few enough that results stream out early and
the work stays balanced, enough that passing them costs little."""

_HEAD_MAX = 32
"""Files this process reads while the schema compiles, at most (their trees are kept until
the schema is ready)."""

_job: dict[str, Any] = {}  # what a worker checks, set before the fork (or by the initialiser)


def default_jobs() -> int:
    """The number of cores this process may run on (the default of ``--jobs``)."""
    from akn.batch import default_jobs as cores

    return cores()


def check_files(inputs: Sequence[Input], settings: Settings, jobs: int = 1) -> Iterator[FileResult]:
    """Every input checked, ``jobs`` at a time in worker processes; results in input order.

    One job, few files, or standard input among them: all in this process (standard input
    cannot be handed to another process), with the schema in a second thread.
    """
    jobs = min(jobs, len(inputs) // MIN_FILES_PER_JOB)
    if jobs <= 1 or any(item.path is None for item in inputs):
        yield from check_inputs(inputs, settings)
        return
    yield from _in_workers(inputs, settings, jobs)


def _in_workers(inputs: Sequence[Input], settings: Settings, jobs: int) -> Iterator[FileResult]:
    import multiprocessing

    paths = [(item.label, str(item.path)) for item in inputs]
    if "fork" not in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("spawn")
        yield from _pooled(context.Pool(jobs, _start_worker, (paths, settings)), paths, 0, jobs)
        return
    head = _while_compiling(paths, settings) if "XSD" in settings.codes else []
    if "XSD" in settings.codes:
        from akn.schema import official_schema

        official_schema()  # compiled before the fork, shared by every worker
    _job.update(paths=paths, settings=settings)
    pool = None
    try:
        rest = len(paths) - len(head)
        pool = multiprocessing.get_context("fork").Pool(jobs, _start_worker) if rest else None
        # The rest is handed to the workers before the head is checked against the schema
        # here: imap sends the tasks from a thread of its own, so the workers start at once
        # instead of idling while this process finishes the head (a tenth of the run).
        results = _dispatch(pool, len(paths), len(head), jobs) if pool is not None else None
        for loaded, hits, spent in head:
            started = time.perf_counter()
            schema = schema_findings_for(loaded, settings)
            yield finish(loaded, hits, schema, settings, spent + time.perf_counter() - started)
        head.clear()  # their trees are done with
        if pool is not None and results is not None:
            yield from results
            pool.close()
    finally:
        if pool is not None:
            pool.terminate()  # also when the caller stops early (a closed pipe, Ctrl-C)
            pool.join()
        _job.clear()


def _while_compiling(
    paths: list[tuple[str, str]], settings: Settings
) -> list[tuple[Loaded, list[tuple[Rule, Hit]], float]]:
    """Read the first files and run the rules on them while the schema compiles in its
    thread, so that a second core is not idle for the first fifth of a second."""
    from akn.schema import preload_official_schema, schema_ready

    head: list[tuple[Loaded, list[tuple[Rule, Hit]], float]] = []
    if not preload_official_schema():  # no core free: compiled before the fork, not beside
        return head
    while len(head) < min(_HEAD_MAX, len(paths)) and not schema_ready():
        started = time.perf_counter()
        label, path = paths[len(head)]
        loaded = load_path(path, label, settings.limits)
        head.append((loaded, rule_findings(loaded, settings), time.perf_counter() - started))
    return head


def _dispatch(pool: Any, count: int, first: int, jobs: int) -> Iterator[FileResult]:
    """Inputs ``first`` to ``count - 1`` sent to the pool's workers now; their results, in
    order, from the iterator returned."""
    chunk = max(1, min(_CHUNK_MAX, (count - first) // (jobs * 4)))
    results: Iterator[FileResult] = pool.imap(_check_one, range(first, count), chunksize=chunk)
    return results


def _pooled(pool: Any, paths: list[tuple[str, str]], first: int, jobs: int) -> Iterator[FileResult]:
    try:
        yield from _dispatch(pool, len(paths), first, jobs)
        pool.close()
    finally:
        pool.terminate()  # also when the caller stops early (a closed pipe, Ctrl-C)
        pool.join()


def _start_worker(*job: Any) -> None:
    # Ctrl-C reaches the whole process group: this process stops the workers itself, and
    # a worker's own KeyboardInterrupt would only print a traceback per worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if job:  # spawned: nothing was inherited
        paths, settings = job
        _job.update(paths=paths, settings=settings)


def _check_one(index: int) -> FileResult:
    """In a worker: read, parse and check one file; only the findings go back."""
    label, path = _job["paths"][index]
    settings: Settings = _job["settings"]
    started = time.perf_counter()
    result = check_loaded(load_path(path, label, settings.limits), settings)
    result.seconds = time.perf_counter() - started  # reading included, as in one process
    return result
