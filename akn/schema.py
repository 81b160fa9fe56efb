"""The official Akoma Ntoso 3.0 schema (OASIS, 2017 release), compiled once per process.

lxml compiles the XSD in about 0.1 s, many times faster than xmlschema, so it is the path every
conversion and validation takes. The compiled schema is cached for the life of the process.

Compiling is most of the cost of checking one file, and libxml2 does it without holding the
GIL, so a caller that knows it will need the schema can start compiling it in a background
thread (``preload_official_schema``) and do its own work meanwhile; ``official_schema`` then
waits for that compilation instead of starting a second one.

The thread helps only where a core is free to run it. Where none is (the load average
leaves no core beside this process), the two threads share one core's time and the thread
only adds to it: ``akn convert`` of the seed took ~30-80 ms more CPU with it than without,
and no less wall time, on two cores loaded by other work (the lock passed back and forth for
libxml2's calls into lxml, and malloc growing the thread's arena a page at a time: ~3,000
``mprotect`` calls, paid in any case). There the schema is compiled when it is first needed,
and waited for (by a thread of its own all the same: see ``official_schema``).
"""

from __future__ import annotations

import os
import re
import threading
from typing import TYPE_CHECKING, Any

from akn.diagnostics import Diagnostic, Severity
from akn.resources import data_dir

if TYPE_CHECKING:
    from lxml import etree

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

_lock = threading.Lock()
_compiled: list[etree.XMLSchema] = []
_loader: threading.Thread | None = None
_failure: list[BaseException] = []
_validate_lock = threading.Lock()


def _compile() -> None:
    from lxml import etree

    path = data_dir("schemas") / "akomantoso30.xsd"
    # The bundled schema imports xml.xsd beside it; nothing is fetched from the network.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        _compiled.append(etree.XMLSchema(etree.parse(str(path), parser)))
    except BaseException as error:  # re-raised in the thread that asks for the schema
        _failure.append(error)


def preload_official_schema() -> bool:
    """Start compiling the schema in a background thread, if a core is free to run it;
    return at once: True if the schema is compiled or being compiled."""
    global _loader
    with _lock:
        if _compiled or _loader is not None:
            return True
        if not core_free():
            return False
        _loader = threading.Thread(target=_compile, name="akn-schema", daemon=True)
        _loader.start()
        return True


def core_free() -> bool:
    """Does the load average leave a core free beside this process? (Always yes where the
    system gives no load average.)"""
    try:
        load = os.getloadavg()[0]
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0
    except OSError:
        return True
    cores = cores or os.cpu_count() or 1
    return load + 1 <= cores


def schema_ready() -> bool:
    """True once the schema is compiled (or failed to): ``official_schema`` will not wait."""
    return bool(_compiled or _failure)


def official_schema() -> etree.XMLSchema:
    """The compiled OASIS schema, loaded from the bundled ``schemas/akomantoso30.xsd``."""
    if _compiled:
        return _compiled[0]
    with _lock:
        loader = _loader
        if loader is None and not (_compiled or _failure):
            # No core was free to compile beside: compiled now, waited for. Still in a thread
            # of its own, whose malloc arena keeps the schema's many small blocks out of the
            # one the rest of the run allocates from: checking 257 files in forked workers
            # then took ~12 % less CPU than after a compilation in this thread.
            helper = threading.Thread(target=_compile, name="akn-schema", daemon=True)
            helper.start()
            helper.join()
    if loader is not None:
        loader.join()
    if _failure:
        raise _failure[0]
    return _compiled[0]


_CLARK_AKN = re.compile(r"\{" + re.escape(AKN_NAMESPACE) + r"\}")


def readable_schema_message(message: str) -> str:
    """libxml2's message without the AKN namespace in braces before every element name."""
    return _CLARK_AKN.sub("", message)


MAX_KEY_REPEATS = 100
"""How many repeated eId or GUID values the schema's uniqueness check is given. libxml2
compares each repeat with every repeat before it: 100,000 copies of one eId take minutes. The
rest are renamed for the length of the check (and put back); AKN101 reports every one."""

_UNIQUE_KEYS = ("eId", "GUID")  # the fields of the schema's xsd:unique constraints


def schema_findings(tree: etree._ElementTree | etree._Element) -> list[Diagnostic]:
    """Check ``tree`` against the official schema; one ``XSD`` error per schema violation."""
    schema = official_schema()
    renamed = _hide_key_repeats(tree)
    try:
        # The error log lives on the schema object: one validation at a time reads it.
        with _validate_lock:
            valid = schema.validate(tree)
            errors = [] if valid else list(schema.error_log)
    finally:
        for element, name, value in renamed:
            element.set(name, value)
    findings = [
        Diagnostic(
            "XSD",
            Severity.ERROR,
            readable_schema_message(error.message),
            line=error.line or None,
            column=error.column or None,
        )
        for error in errors
    ]
    if renamed:
        first = renamed[0][0]
        findings.append(
            Diagnostic(
                "XSD",
                Severity.ERROR,
                f"{len(renamed):,} more repeated {'/'.join(sorted({n for _, n, _ in renamed}))} "
                f"values after the first {MAX_KEY_REPEATS} were not given to the schema's "
                "uniqueness check (it is quadratic in libxml2); AKN101 reports them all",
                line=first.sourceline or None,
            )
        )
    return findings


def _hide_key_repeats(tree: etree._ElementTree | etree._Element) -> list[tuple[Any, str, str]]:
    """Rename the repeats of eId and GUID values beyond the first MAX_KEY_REPEATS to unique
    stand-ins; return (element, attribute, original value) to put back. One pass, no copy."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    seen: dict[str, set[str]] = {name: set() for name in _UNIQUE_KEYS}
    repeats: list[tuple[Any, str, str]] = []
    allowed = MAX_KEY_REPEATS
    for element in root.iter():
        for name in _UNIQUE_KEYS:
            value = element.get(name)
            if value is None:
                continue
            values = seen[name]
            if value not in values:
                values.add(value)
            elif allowed:
                allowed -= 1
            else:
                repeats.append((element, name, value))
    for index, (element, name, value) in enumerate(repeats):
        stand_in = f"{value}.akn-repeat-{index}"
        while stand_in in seen[name]:
            stand_in += "_"
        element.set(name, stand_in)
    return repeats
