"""Converting many files: which inputs, where each output goes, and worker processes.

>>> import akn
>>> for result in akn.convert_many(["texts/"], output_dir="xml/", jobs=4):  # doctest: +SKIP
...     print(result.source, result.output, result.ok)

``convert_many`` yields one ``BatchResult`` per input, in input order, each as soon as it
and the ones before it are done, so a caller can report progress and never holds more than
a few documents. Each worker process reads, converts and writes its file itself: only the
findings travel back. A pipeline that schedules its own work (Dask, Spark) maps
``akn.convert`` over its documents instead; nothing here is needed for that.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from akn.diagnostics import Diagnostic, Severity

ACCEPTED_SUFFIXES = (".txt",)
"""What a directory is searched for (recursively). The one list: PDF input adds ".pdf"."""

MAX_INPUT_BYTES = 8 * 1024 * 1024
"""The largest input converted: the longest UN resolutions are under 1 MB of text, and a
limit checked before any work keeps a stray multi-gigabyte file from running for hours."""


class BatchError(ValueError):
    """The inputs or the output directory cannot make a batch (a usage error): no inputs,
    two inputs with one output name, an output that would replace an input."""


@dataclass(frozen=True)
class Job:
    """One input and the file its XML goes to (None: the XML is returned instead)."""

    source: str
    output: str | None


@dataclass
class BatchResult:
    """What became of one input. ``error`` says in one line why nothing was converted."""

    source: str
    output: str | None
    converted: bool
    ok: bool
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    xml: bytes | None = None
    """The XML, when no output directory was given (library use)."""
    seconds: float = 0.0

    @property
    def warned(self) -> bool:
        """Converted without error but with at least one warning."""
        return self.ok and any(d.severity >= Severity.WARNING for d in self.diagnostics)

    @property
    def reason(self) -> str:
        """Why the input failed, in one line (empty when it did not)."""
        if self.error:
            return self.error
        errors = [d for d in self.diagnostics if d.severity >= Severity.ERROR]
        if not errors:
            return ""
        more = f" (and {len(errors) - 1} more errors)" if len(errors) > 1 else ""
        return f"{errors[0].code} {errors[0].message}{more}"


def find_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[str, str | None]]:
    """(file, directory it was found in) for each input, in order, without repeats:
    files as given (directory None), directories searched for ACCEPTED_SUFFIXES, sorted,
    hidden folders skipped. Raises BatchError for a directory with nothing to convert."""
    found: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            files = _files_below(path)
            if not files:
                suffixes = ", ".join("*" + suffix for suffix in ACCEPTED_SUFFIXES)
                raise BatchError(f"no {suffixes} files in directory {path}")
            entries: list[tuple[str, str | None]] = [(file, path) for file in files]
        else:
            entries = [(path, None)]
        for file, directory in entries:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                found.append((file, directory))
    return found


def _files_below(directory: str) -> list[str]:
    files: list[str] = []
    for root, folders, names in os.walk(directory):  # symlinked folders are not followed
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        files.extend(
            os.path.join(root, name)
            for name in sorted(names)
            if name.lower().endswith(ACCEPTED_SUFFIXES) and not name.startswith(".")
        )
    return files


def plan(paths: Iterable[str | os.PathLike[str]], output_dir: str | None) -> list[Job]:
    """The jobs for ``paths``: each output is named after its input (``a.txt`` -> ``a.xml``);
    a file found in a directory keeps its place below it (``texts/fr/a.txt`` -> ``OUT/fr/a.xml``).
    Raises BatchError when two inputs would share an output or an output is an input."""
    inputs = find_inputs(paths)
    if not inputs:
        raise BatchError("no inputs given")
    if output_dir is None:
        return [Job(source, None) for source, _ in inputs]
    from akn.files import same_file

    jobs: list[Job] = []
    claimed: dict[str, str] = {}
    sources = [source for source, _ in inputs]
    for source, directory in inputs:
        relative = os.path.relpath(source, directory) if directory else os.path.basename(source)
        output = os.path.join(output_dir, str(Path(relative).with_suffix(".xml")))
        other = claimed.setdefault(os.path.normcase(os.path.abspath(output)), source)
        if other != source:
            raise BatchError(f"{other} and {source} would both be written to {output}")
        clash = same_file(output, sources)
        if clash is not None:
            raise BatchError(f"the output {output} would replace the input {clash}")
        jobs.append(Job(source, output))
    return jobs


def convert_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    output_dir: str | os.PathLike[str] | None = None,
    **options: Any,
) -> Iterator[BatchResult]:
    """Convert every file of ``paths`` (files, or directories searched for *.txt), ``jobs``
    at a time (default: one per core), each result in input order as soon as it is done.

    With ``output_dir`` each XML is written there (directories created as needed) and not
    returned; without it the XML is in ``BatchResult.xml``. ``options`` are ``akn.convert``'s
    (``lang``, ``metadata``, ``iri_style``, ``validate``). A failing input is a result with
    ``ok`` False, never an exception; BatchError is raised before any work for inputs that
    cannot make a batch.
    """
    planned = plan(paths, os.fspath(output_dir) if output_dir is not None else None)
    return convert_jobs(planned, jobs=jobs, **options)


def convert_jobs(
    planned: list[Job], *, jobs: int | None = None, **options: Any
) -> Iterator[BatchResult]:
    """``convert_many`` for jobs already planned (``plan``): results in the jobs' order."""
    workers = min(jobs or default_jobs(), len(planned))
    if workers <= 1:
        for job in planned:
            yield convert_job(job, options)
        return
    yield from _in_workers(planned, options, workers)


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def _in_workers(planned: list[Job], options: dict[str, Any], workers: int) -> Iterator[BatchResult]:
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods():
        if options.get("validate", True):
            from akn.schema import official_schema

            official_schema()  # compiled once, before the fork: every worker shares it
        context: multiprocessing.context.BaseContext = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("spawn")
    pool = context.Pool(workers, initializer=_start_worker)
    try:
        yield from pool.imap(_convert_in_worker, [(job, options) for job in planned])
        pool.close()
    finally:
        pool.terminate()  # also when the caller stops early (Ctrl-C, a closed pipe)
        pool.join()


def _start_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _convert_in_worker(task: tuple[Job, dict[str, Any]]) -> BatchResult:
    return convert_job(*task)


def convert_job(job: Job, options: Mapping[str, Any]) -> BatchResult:
    """Read, convert and write one input; any failure becomes the result's ``error``."""
    started = time.perf_counter()
    try:
        result = _convert(job, options)
    except Exception as error:  # a bug on one input must not stop the batch
        result = BatchResult(
            job.source,
            None,
            False,
            False,
            error=f"internal error: {type(error).__name__}: {error} -- a bug in akn, "
            "please report it with this file",
        )
    result.seconds = time.perf_counter() - started
    return result


def _convert(job: Job, options: Mapping[str, Any]) -> BatchResult:
    from akn.converter.metadata import MetadataError
    from akn.converter.pipeline import convert
    from akn.files import read_regular, write_atomic

    def failed(reason: str, diagnostics: list[Diagnostic] | None = None) -> BatchResult:
        return BatchResult(job.source, None, False, False, diagnostics or [], error=reason)

    try:
        data = read_regular(job.source, MAX_INPUT_BYTES)
    except OSError as error:
        return failed(f"cannot read it: {error.strerror or error}")
    if len(data) > MAX_INPUT_BYTES:
        return failed(
            f"E106 larger than the limit of {MAX_INPUT_BYTES // 2**20} MiB; "
            "a resolution is a few hundred kilobytes at most"
        )
    try:
        conversion = convert(data, **options)
    except MetadataError as error:
        return failed(str(error))
    diagnostics = [d.with_path(job.source) for d in conversion.diagnostics]
    if conversion.tree is None:
        return failed("", diagnostics)
    xml = conversion.to_bytes()
    if job.output is None:
        return BatchResult(job.source, None, True, conversion.ok, diagnostics, xml=xml)
    try:
        os.makedirs(os.path.dirname(job.output) or ".", exist_ok=True)
        write_atomic(job.output, xml)
    except OSError as error:
        return failed(f"cannot write {job.output}: {error.strerror or error}", diagnostics)
    return BatchResult(job.source, job.output, True, conversion.ok, diagnostics)
