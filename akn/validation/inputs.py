"""Reading untrusted XML safely: the ``IN`` findings.

A validator reads files from anywhere, so parsing is locked down before any byte reaches
libxml2: the size is capped while reading, a document type declaration is refused before
parsing (no internal entities, so no "billion laughs"; no external DTD or entity, so no XXE),
entities are never expanded, nothing is fetched from the network, XInclude is never processed,
and ``xsi:schemaLocation`` is ignored (the bundled official schema is always used). libxml2's own
limits (256 levels of nesting, 10 MB per text node) stay in force. Every refusal is a finding
with a code; nothing here raises for bad input.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

from akn.diagnostics import Diagnostic, Severity
from akn.validation.prolog import PROLOG_WINDOW, find_doctype, without_bom

if TYPE_CHECKING:
    from lxml import etree

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
XINCLUDE_NAMESPACES = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
OFFICIAL_SCHEMA_LOCATIONS = (
    "http://docs.oasis-open.org/legaldocml/akn-core/v1.0/os/part2-specs/schemas/akomantoso30.xsd",
    "http://docs.oasis-open.org/legaldocml/akn-core/v1.0/cos01/part2-specs/schemas/akomantoso30.xsd",
    "http://docs.oasis-open.org/legaldocml/akn-core/v1.0/csprd03/part2-specs/schemas/akomantoso30.xsd",
    "akomantoso30.xsd",
    "./akomantoso30.xsd",
)

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
"""UN resolutions are 20–200 kB; 16 MiB leaves room for the largest real documents."""

# The codes of this module. Those marked fatal mean the file could not be checked at all.
UNREADABLE = "IN001"
TOO_LARGE = "IN002"
EMPTY = "IN003"
NOT_WELL_FORMED = "IN004"
DOCTYPE = "IN005"
BAD_ENCODING = "IN006"
TOO_DEEP = "IN007"
NOT_AKOMA_NTOSO = "IN008"
XINCLUDE = "IN009"
SCHEMA_LOCATION = "IN010"


@dataclass(frozen=True)
class Limits:
    """Caps applied while reading one input."""

    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class Loaded:
    """One input after safe parsing: the tree when it could be parsed, and what was found."""

    label: str
    tree: etree._ElementTree | None = None
    data: bytes | None = None
    findings: list[Diagnostic] = field(default_factory=list)
    encoding: str | None = None
    checked: bool = False
    """True when the input was an Akoma Ntoso document that the checks ran on."""

    def accept(self, tree: etree._ElementTree) -> None:
        """Keep ``tree`` for checking, unless its root shows it is no Akoma Ntoso document."""
        self.findings.extend(_root_findings(tree.getroot()))
        if any(f.code == NOT_AKOMA_NTOSO for f in self.findings):
            return
        self.tree = tree
        self.encoding = tree.docinfo.encoding
        self.checked = True


def _finding(
    code: str, message: str, line: int | None = None, column: int | None = None
) -> Diagnostic:
    severity = Severity.INFO if code == SCHEMA_LOCATION else Severity.ERROR
    return Diagnostic(code, severity, message, line=line, column=column)


def read_bytes(
    path: str | os.PathLike[str], limits: Limits
) -> tuple[bytes | None, Diagnostic | None]:
    """Read at most ``limits.max_bytes`` (+1 to detect overflow) from ``path``."""
    from akn.files import NotARegularFile, read_regular

    try:
        return _capped(read_regular(path, limits.max_bytes), limits)
    except NotARegularFile as error:  # a FIFO or a device would block or never end
        return None, _finding(UNREADABLE, str(error))
    except IsADirectoryError:
        return None, _finding(UNREADABLE, "is a directory, not a file")
    except FileNotFoundError:
        return None, _finding(UNREADABLE, "no such file")
    except PermissionError:
        return None, _finding(UNREADABLE, "permission denied")
    except OSError as error:
        return None, _finding(UNREADABLE, f"cannot be read: {error.strerror or error}")


def read_stdin(limits: Limits) -> tuple[bytes | None, Diagnostic | None]:
    """Read standard input with the same cap as files."""
    if sys.stdin is None:  # started with standard input closed (`akn validate - <&-`)
        return None, _finding(UNREADABLE, "standard input is closed")
    return _read_capped(sys.stdin.buffer, limits)


def _read_capped(stream: BinaryIO, limits: Limits) -> tuple[bytes | None, Diagnostic | None]:
    return _capped(stream.read(limits.max_bytes + 1), limits)


def _capped(data: bytes, limits: Limits) -> tuple[bytes | None, Diagnostic | None]:
    if len(data) > limits.max_bytes:
        return None, _finding(
            TOO_LARGE,
            f"larger than the limit of {limits.max_bytes:,} bytes; not read "
            "(raise it with --max-bytes if the file is genuine)",
        )
    return data, None


# --- parsing -------------------------------------------------------------------------------

_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+\s*$")


class ExternalLoadRefused(Exception):
    """libxml2 asked for an external resource (a DTD, an entity): nothing is ever loaded."""

    def __init__(self, url: str | None) -> None:
        super().__init__(f"refused to load external resource {url!r}")
        self.url = url


_parsers = threading.local()


def _parser() -> etree.XMLParser:
    """The locked-down parser, one per thread (a parser is not shared between threads, and
    building one, with its resolver, was a tenth of the reading time of a small file)."""
    parser = getattr(_parsers, "parser", None)
    if parser is None:
        parser = _parsers.parser = _new_parser()
    return parser


def _new_parser() -> etree.XMLParser:
    from lxml import etree

    class RefuseEveryLoad(etree.Resolver):
        """The second lock after the DOCTYPE refusal: every load libxml2 would make fails."""

        def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
            raise ExternalLoadRefused(url)

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,  # keep libxml2's limits: 256 levels, 10 MB per text node
        collect_ids=False,
        remove_comments=False,
    )
    parser.resolvers.add(RefuseEveryLoad())
    return parser


def parse(data: bytes, label: str) -> Loaded:
    """Parse ``data`` safely; the result carries the tree or the findings that stopped it."""
    loaded = Loaded(label, data=data)
    if not without_bom(data).strip(b" \t\r\n"):
        loaded.findings.append(_finding(EMPTY, "is empty: there is no XML to check"))
        return loaded
    binary = _binary_offset(data)
    if binary is not None:
        loaded.findings.append(
            _finding(
                NOT_WELL_FORMED,
                f"is binary data, not XML (a NUL byte at offset {binary}, in no UTF-16 or "
                "UTF-32 text)",
            )
        )
        return loaded
    doctype_line = find_doctype(data)
    if doctype_line is not None:
        loaded.findings.append(_refuse_doctype(doctype_line))
        return loaded

    from lxml import etree

    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        loaded.findings.append(_syntax_finding(error))
        return loaded
    except ExternalLoadRefused as error:
        loaded.findings.append(
            _finding(DOCTYPE, f"refers to an external resource ({error.url}); refused unread")
        )
        return loaded
    except (ValueError, MemoryError) as error:  # lxml refuses some inputs before libxml2
        loaded.findings.append(_finding(NOT_WELL_FORMED, f"cannot be parsed as XML: {error}"))
        return loaded
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:  # belt and braces
        loaded.findings.append(_refuse_doctype(1))
        return loaded
    loaded.accept(tree)
    return loaded


def _binary_offset(data: bytes) -> int | None:
    """Where a NUL byte shows the input is binary (an image, a PDF, a zip), or None.

    libxml2 would call such a file "Document is empty" (it stops at the first NUL), which
    sends the user looking for the wrong problem. UTF-16 and UTF-32 texts are full of NULs,
    so inputs with their BOM, or that open with "<" in them, are left to the parser.
    """
    head = data[:PROLOG_WINDOW]
    nul = head.find(b"\x00")
    if nul < 0:
        return None
    wide = (b"<\x00", b"\x00<", b"\x00\x00\x00<", codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if head.startswith(wide) or head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None
    return nul


def _refuse_doctype(line: int) -> Diagnostic:
    return _finding(
        DOCTYPE,
        "has a <!DOCTYPE> declaration; refused unread (Akoma Ntoso needs none, and DTDs "
        "carry entity expansion and external-entity attacks)",
        line=line,
        column=1,
    )


def _syntax_finding(error: etree.XMLSyntaxError) -> Diagnostic:
    from lxml import etree

    message = _POSITION_SUFFIX.sub("", (error.msg or str(error)).strip())
    line, column = error.position if error.position else (None, None)
    types = etree.ErrorTypes
    if error.code in (types.ERR_INVALID_ENCODING, types.ERR_UNSUPPORTED_ENCODING):
        code, text = BAD_ENCODING, f"bytes do not match the declared encoding: {message}"
    elif error.code == types.ERR_RESOURCE_LIMIT and "depth" in message:
        code, text = TOO_DEEP, "elements are nested more than 256 levels deep; not checked"
    elif error.code == types.ERR_RESOURCE_LIMIT:
        code, text = TOO_LARGE, f"exceeds a parser limit: {message}"
    elif error.code == types.ERR_DOCUMENT_EMPTY:
        code, text = NOT_WELL_FORMED, f"is not XML: {message}"
    else:
        code, text = NOT_WELL_FORMED, f"is not well-formed XML: {message}"
    return _finding(code, text, line=line or None, column=column or None)


def _root_findings(root: etree._Element) -> list[Diagnostic]:
    from lxml import etree

    findings = []
    if root.tag != f"{{{AKN_NAMESPACE}}}akomaNtoso":
        qname = etree.QName(root)
        where = f"namespace {qname.namespace!r}" if qname.namespace else "no namespace"
        findings.append(
            _finding(
                NOT_AKOMA_NTOSO,
                f"root element is <{qname.localname}> in {where}, not <akomaNtoso> in "
                f"{AKN_NAMESPACE}; not an Akoma Ntoso 3.0 document",
                line=root.sourceline,
            )
        )
        return findings
    location = root.get(f"{{{XSI_NAMESPACE}}}schemaLocation")
    if location:
        targets = location.split()[1::2]
        foreign = [t for t in targets if t not in OFFICIAL_SCHEMA_LOCATIONS]
        if foreign:
            findings.append(
                _finding(
                    SCHEMA_LOCATION,
                    f"xsi:schemaLocation {foreign[0]!r} is ignored; checked against the "
                    "bundled official schema",
                    line=root.sourceline,
                )
            )
    for namespace in XINCLUDE_NAMESPACES:
        for include in root.iter(f"{{{namespace}}}include"):
            findings.append(
                _finding(
                    XINCLUDE,
                    f"xi:include of {include.get('href', '')!r} is never processed; the "
                    "document is checked without the included content",
                    line=include.sourceline,
                )
            )
    return findings


def load_path(path: str | os.PathLike[str], label: str, limits: Limits) -> Loaded:
    """Read and parse one file, never raising for bad input."""
    data, problem = read_bytes(path, limits)
    if problem is not None:
        return Loaded(label, findings=[problem])
    assert data is not None
    return parse(data, label)


def load_stdin(label: str, limits: Limits) -> Loaded:
    """Read and parse standard input."""
    data, problem = read_stdin(limits)
    if problem is not None:
        return Loaded(label, findings=[problem])
    assert data is not None
    return parse(data, label)


def load_source(source: Any, limits: Limits, label: str | None = None) -> Loaded:
    """The library's entry: a path, bytes, or an lxml tree or element."""
    if isinstance(source, bytes | bytearray | memoryview):
        return parse(bytes(source), label or "<bytes>")
    if isinstance(source, str | os.PathLike):
        return load_path(source, label or os.fspath(source), limits)
    tree = _as_tree(source)
    if tree is None:
        raise TypeError(
            "validate() takes a path, bytes, or an lxml tree or element, "
            f"not {type(source).__name__}"
        )
    loaded = Loaded(label or _tree_label(tree))
    loaded.accept(tree)
    return loaded


def _as_tree(source: Any) -> etree._ElementTree | None:
    from lxml import etree

    if isinstance(source, etree._ElementTree):
        return source
    if isinstance(source, etree._Element):
        if source.getparent() is None:
            return source.getroottree()
        # A subtree is checked on its own: copy it so the caller's tree is untouched.
        import copy

        return etree.ElementTree(copy.deepcopy(source))
    return None


def _tree_label(tree: etree._ElementTree) -> str:
    url = tree.docinfo.URL
    return str(url) if url else "<tree>"
