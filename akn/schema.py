"""The official Akoma Ntoso 3.0 schema (OASIS, 2017 release), compiled once per process.

lxml compiles the XSD in about 0.1 s, many times faster than xmlschema, so it is the path every
conversion and validation takes. The compiled schema is cached for the life of the process.

Compiling is most of the cost of checking one file, and libxml2 does it without holding the
GIL, so a caller that knows it will need the schema can start compiling it in a background
thread (``preload_official_schema``) and do its own work meanwhile; ``official_schema`` then
waits for that compilation instead of starting a second one.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

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


def preload_official_schema() -> None:
    """Start compiling the schema in a background thread; return at once."""
    global _loader
    with _lock:
        if _compiled or _loader is not None:
            return
        _loader = threading.Thread(target=_compile, name="akn-schema", daemon=True)
        _loader.start()


def official_schema() -> etree.XMLSchema:
    """The compiled OASIS schema, loaded from the bundled ``schemas/akomantoso30.xsd``."""
    if _compiled:
        return _compiled[0]
    preload_official_schema()
    assert _loader is not None
    _loader.join()
    if _failure:
        raise _failure[0]
    return _compiled[0]


_CLARK_AKN = re.compile(r"\{" + re.escape(AKN_NAMESPACE) + r"\}")


def readable_schema_message(message: str) -> str:
    """libxml2's message without the AKN namespace in braces before every element name."""
    return _CLARK_AKN.sub("", message)


def schema_findings(tree: etree._ElementTree | etree._Element) -> list[Diagnostic]:
    """Check ``tree`` against the official schema; one ``XSD`` error per schema violation."""
    schema = official_schema()
    # The error log lives on the schema object: one validation at a time reads it.
    with _validate_lock:
        if schema.validate(tree):
            return []
        errors = list(schema.error_log)
    return [
        Diagnostic(
            "XSD",
            Severity.ERROR,
            readable_schema_message(error.message),
            line=error.line or None,
            column=error.column or None,
        )
        for error in errors
    ]
