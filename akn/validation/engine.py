"""Running the checks: one document for the library, many files for the command line.

For one document everything runs in order. For many files the work is split in two
threads, because on a small machine the schema is most of the cost and libxml2 does it
without holding the GIL: a background thread compiles the official schema and then checks
each parsed tree against it, while the main thread reads and parses the next files and runs
the project rules on them. A tree is handed over only after the main thread is done with it,
so no tree is ever used by both threads at once.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from akn.diagnostics import Diagnostic, Severity
from akn.validation.document import Document, Hit
from akn.validation.inputs import Limits, Loaded, load_path, load_stdin
from akn.validation.locator import Locator
from akn.validation.rules import Rule, active_checks, rules_by_code

if TYPE_CHECKING:  # imported where many files are checked: one document needs no queue
    import queue

INTERNAL_ERROR = "AKN100"
MAX_LINES_KEPT = 200


@dataclass(frozen=True)
class Settings:
    """What to check and how: the codes that are on, the input caps, the output shape."""

    codes: frozenset[str]
    limits: Limits = field(default_factory=Limits)
    explain: bool = False
    group: bool = True
    locations: bool = True
    """List where each repeat of a merged finding is (``extra.locations``). Finding their
    columns is a third of the run over many files, so the command line asks for them only
    for the formats that show them (json, sarif)."""


@dataclass
class FileResult:
    """The findings for one input, already located, merged and sorted."""

    label: str
    findings: list[Diagnostic]
    checked: bool = True
    seconds: float = 0.0
    """Time spent on this input: reading, the rules and the schema (JUnit's ``time``)."""


# --- one document ------------------------------------------------------------------------------


def rule_findings(loaded: Loaded, settings: Settings) -> list[tuple[Rule, Hit]]:
    """Run the selected project rules over ``loaded``; a crashing rule becomes a finding."""
    if loaded.tree is None:
        return []
    document = Document(loaded.tree, loaded.label)
    hits: list[tuple[Rule, Hit]] = []
    for rule in active_checks(settings.codes):
        assert rule.check is not None
        try:
            hits.extend((rule, hit) for hit in rule.check(document))
        except Exception as error:  # a bug in one rule must not hide the other findings
            hits.append((_internal_rule(), Hit(None, _crash_message(rule.code, error))))
    return hits


def schema_findings_for(loaded: Loaded, settings: Settings) -> list[Diagnostic]:
    """XSD findings for ``loaded`` (none when XSD is not selected or the file did not parse)."""
    if loaded.tree is None or "XSD" not in settings.codes:
        return []
    from akn.schema import schema_findings

    try:
        findings = schema_findings(loaded.tree)
    except Exception as error:
        return [_internal(f"schema validation failed: {type(error).__name__}: {error}")]
    return _explained(loaded, findings, settings)


def _explained(loaded: Loaded, findings: list[Diagnostic], settings: Settings) -> list[Diagnostic]:
    if not findings or not settings.explain or loaded.tree is None:
        return findings
    from akn.validation.explain import explain_schema

    try:
        return explain_schema(loaded.tree) or findings
    except Exception as error:  # keep libxml2's findings if xmlschema cannot help
        return [*findings, _internal(f"--explain failed: {type(error).__name__}: {error}")]


def finish(
    loaded: Loaded,
    hits: Sequence[tuple[Rule, Hit]],
    schema: Sequence[Diagnostic],
    settings: Settings,
    seconds: float = 0.0,
) -> FileResult:
    """Merge repeated hits, give every finding its path, line and column, and sort them."""
    locator = Locator(loaded.data, loaded.encoding)
    findings = [f for f in loaded.findings if f.code in settings.codes]
    findings += _collapse(hits, locator, settings)
    findings += [_locate_schema_finding(f, locator) for f in schema]
    findings = [f.with_path(loaded.label) for f in findings]
    findings.sort(key=lambda f: (f.line or 0, f.column or 0, f.code))
    return FileResult(loaded.label, findings, checked=loaded.checked, seconds=seconds)


def _collapse(
    hits: Sequence[tuple[Rule, Hit]], locator: Locator, settings: Settings
) -> list[Diagnostic]:
    group = settings.group
    merged: dict[tuple[str, object], list[Hit]] = {}
    order: list[tuple[Rule, tuple[str, object] | None, Hit]] = []
    for rule, hit in hits:
        if group and hit.group is not None:
            key = (rule.code, hit.group)
            if key in merged:
                merged[key].append(hit)
                continue
            merged[key] = [hit]
            order.append((rule, key, hit))
        else:
            order.append((rule, None, hit))
    findings: list[Diagnostic] = []
    for rule, merged_key, hit in order:
        extra: dict[str, object] = {"rule": rule.name}
        repeats = merged[merged_key] if merged_key is not None else [hit]
        if len(repeats) > 1:
            # Shown at its first occurrence in the file, whatever order the rule found them.
            lines = [_line_of(other) or 0 for other in repeats]
            first = min(range(len(repeats)), key=lines.__getitem__)
            hit = repeats[first]
            extra["occurrences"] = len(repeats)
            if settings.locations:
                extra["locations"] = _locations(repeats, locator)
            message = hit.message + _repeats(repeats)
        else:
            message = hit.message
        line, column = locator.position(hit)
        findings.append(Diagnostic(rule.code, rule.severity, message, None, line, column, extra))
    return findings


def _locations(hits: list[Hit], locator: Locator) -> list[dict[str, int]]:
    """Where each repeat is, once per place (two attributes of one tag are two places), in
    order, at most MAX_LINES_KEPT: the JSON's ``extra.locations`` and SARIF's related ones."""
    places = set()
    for hit in hits:
        line, column = locator.position(hit)
        if line is not None:
            places.add((line, column or 0))
    return [
        {"line": line, "column": column} if column else {"line": line}
        for line, column in sorted(places)[:MAX_LINES_KEPT]
    ]


def _repeats(hits: list[Hit]) -> str:
    """ " (and 27 more like it in this file)", or the count per attribute when they differ."""
    counts: dict[str | None, int] = {}
    for hit in hits:
        counts[hit.attribute] = counts.get(hit.attribute, 0) + 1
    if len(counts) > 1 and None not in counts:
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return f" ({len(hits)} in this file: " + ", ".join(f"{a} {n}" for a, n in ranked) + ")"
    return f" (and {len(hits) - 1} more like it in this file)"


def _line_of(hit: Hit) -> int | None:
    if hit.line is not None:
        return hit.line
    return hit.element.sourceline if hit.element is not None else None


def _locate_schema_finding(finding: Diagnostic, locator: Locator) -> Diagnostic:
    if finding.column is not None or finding.line is None:
        return finding
    column = locator.column_of_message(finding.line, finding.message)
    if column is None:
        return finding
    return Diagnostic(
        finding.code,
        finding.severity,
        finding.message,
        finding.path,
        finding.line,
        column,
        finding.extra,
    )


def check_loaded(loaded: Loaded, settings: Settings) -> FileResult:
    """Every selected check on one loaded input, in order (the library's path)."""
    started = time.perf_counter()
    hits = rule_findings(loaded, settings)
    schema = schema_findings_for(loaded, settings)
    return finish(loaded, hits, schema, settings, time.perf_counter() - started)


# --- many files ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Input:
    """One thing to check: a file path, or standard input (path None)."""

    label: str
    path: Path | None


def check_inputs(inputs: Iterable[Input], settings: Settings) -> Iterator[FileResult]:
    """Check every input, the schema in a second thread (when a core is free for it: see
    ``akn.schema.core_free``); results come in input order.

    Each result is finished (located, merged) as soon as its schema check is back, and its
    tree, bytes and hits are dropped then: memory stays flat however many files there are
    (10,000 files once kept 2.4 GB alive until the end).
    """
    want_schema = "XSD" in settings.codes
    if want_schema:
        from akn.schema import preload_official_schema

        want_schema = preload_official_schema()
    if not want_schema:  # no schema, or no core free for a second thread: one after another
        yield from _one_by_one(inputs, settings)
        return
    import queue

    handoff: queue.Queue[tuple[int, Loaded] | None] = queue.Queue(maxsize=32)
    done: queue.Queue[tuple[int, list[Diagnostic], float]] = queue.Queue()
    worker = threading.Thread(
        target=_schema_worker,
        args=(handoff, done, settings),
        name="akn-validate",
        daemon=True,
    )
    worker.start()
    pending = _InOrder(done, settings)
    try:
        for index, item in enumerate(inputs):
            if item.path is None:  # standard input may not come for a while: report first
                yield from pending.ready(block=True)
            started = time.perf_counter()
            loaded = _load(item, settings.limits)
            hits = rule_findings(loaded, settings)
            waits = loaded.tree is not None
            pending.add(index, loaded, hits, time.perf_counter() - started, waits)
            if waits:
                handoff.put((index, loaded))
            yield from pending.ready(block=False)
        handoff.put(None)
        yield from pending.ready(block=True)
    finally:
        if worker.is_alive():
            handoff.put(None)
        worker.join()


class _InOrder:
    """The files whose rules ran in this thread, finished in input order as their schema
    findings come back from the schema thread."""

    def __init__(
        self, done: queue.Queue[tuple[int, list[Diagnostic], float]], settings: Settings
    ) -> None:
        self._done = done
        self._settings = settings
        self._pending: deque[tuple[int, Loaded, list[tuple[Rule, Hit]], float, bool]] = deque()
        self._schema: dict[int, tuple[list[Diagnostic], float]] = {}

    def add(
        self, index: int, loaded: Loaded, hits: list[tuple[Rule, Hit]], spent: float, waits: bool
    ) -> None:
        """A file whose rules ran; ``waits``: its schema findings are still to come."""
        self._pending.append((index, loaded, hits, spent, waits))

    def ready(self, block: bool) -> Iterator[FileResult]:
        """The files that can be finished now, in order; with ``block``, all of them."""
        import queue

        while self._pending:
            index, loaded, hits, spent, waits = self._pending[0]
            if waits and index not in self._schema:
                try:
                    item = self._done.get() if block else self._done.get_nowait()
                except queue.Empty:
                    return
                self._schema[item[0]] = (item[1], item[2])
                continue
            self._pending.popleft()
            schema, seconds = self._schema.pop(index, ([], 0.0))
            yield finish(loaded, hits, schema, self._settings, spent + seconds)


def _one_by_one(inputs: Iterable[Input], settings: Settings) -> Iterator[FileResult]:
    for item in inputs:
        started = time.perf_counter()
        result = check_loaded(_load(item, settings.limits), settings)
        result.seconds = time.perf_counter() - started  # reading included, as in a thread
        yield result


def _schema_worker(
    handoff: queue.Queue[tuple[int, Loaded] | None],
    done: queue.Queue[tuple[int, list[Diagnostic], float]],
    settings: Settings,
) -> None:
    while True:
        item = handoff.get()
        if item is None:
            return
        index, loaded = item
        started = time.perf_counter()
        findings = schema_findings_for(loaded, settings)
        if not findings or not settings.explain:
            loaded.tree = None  # the schema is done with it: free the memory once finished
        # With --explain the tree is kept: xmlschema needs it, and that runs in this thread.
        # Sent last: the main thread touches the tree again only after this.
        done.put((index, findings, time.perf_counter() - started))


def _load(item: Input, limits: Limits) -> Loaded:
    if item.path is None:
        return load_stdin(item.label, limits)
    return load_path(item.path, item.label, limits)


# --- internal errors -------------------------------------------------------------------------


def _internal_rule() -> Rule:
    return rules_by_code()[INTERNAL_ERROR]


def _internal(message: str) -> Diagnostic:
    return Diagnostic(INTERNAL_ERROR, Severity.ERROR, message)


def _crash_message(code: str, error: Exception) -> str:
    return (
        f"rule {code} failed on this file ({type(error).__name__}: {error}); "
        "the other checks ran. Please report this."
    )
