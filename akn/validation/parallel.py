"""Checking many files in worker processes; results come back one by one, in input order.

The official schema is compiled once, in this process, before the workers start: forked
workers share the compiled schema instead of paying for it again (it is most of the cost of
a small run). Each worker reads, parses and checks one file at a time and sends back only
its findings (a few records, no tree), so memory stays flat whatever the number of files,
and the caller can print a file's findings as soon as it and the files before it are done.

Where processes cannot be forked (Windows, macOS' default), workers are spawned and each
compiles the schema itself, once.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Iterator, Sequence
from typing import Any

from akn.validation.engine import FileResult, Input, Settings, check_inputs, check_loaded
from akn.validation.inputs import load_path

MIN_FILES_PER_JOB = 4
"""Below this many files per worker, starting workers costs more than it saves."""

_CHUNK_MAX = 8
"""Files handed to a worker at once, at most: few enough that results stream out early and
the work stays balanced, enough that passing them costs little."""

_job: dict[str, Any] = {}  # what a worker checks, set before the fork (or by the initialiser)


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


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
    paths = [(item.label, str(item.path)) for item in inputs]
    if "fork" in multiprocessing.get_all_start_methods():
        if "XSD" in settings.codes:
            from akn.schema import official_schema

            official_schema()  # compiled before the fork, shared by every worker
        context = multiprocessing.get_context("fork")
        _job.update(paths=paths, settings=settings)
        arguments: tuple[object, ...] = ()
    else:
        context = multiprocessing.get_context("spawn")
        arguments = (paths, settings)
    chunk = max(1, min(_CHUNK_MAX, len(paths) // (jobs * 4)))
    pool = context.Pool(jobs, initializer=_start_worker, initargs=arguments)
    try:
        yield from pool.imap(_check_one, range(len(paths)), chunksize=chunk)
        pool.close()
    finally:
        pool.terminate()  # also when the caller stops early (a closed pipe, Ctrl-C)
        pool.join()
        _job.clear()


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
