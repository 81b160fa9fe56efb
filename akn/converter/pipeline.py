"""The conversion pipeline: text in, Akoma Ntoso out, with every finding on the way.

Each stage is a function of its own module, and data flows one way:

    source.decode, split_lines        bytes -> lines (pdf.read_pdf: PDF bytes -> the same lines)
    language.choose_mapping           lines -> the language's mapping        (--dump lines)
    pages.split_pages                 lines -> text, furniture, footnotes (--dump pages)
                                        (furniture.py: what is furniture; footnotes.py: notes)
    opening.find_opening              where the formula or decision opens (found once)
    recognise.parts.recognise         text -> blocks: the rule chains of recognise/
    texts.clean_texts                 blocks and notes -> clean texts
    assemble.assemble                 blocks -> the document tree         (--dump tree)
    marks.*                           notes, citations, meetings and dates, italics
    resolve.resolve                   the tree, facts and options -> metadata
    serialise.serialise               tree and metadata -> XML; then ids.assign_ids
    findings.check_output             akn validate's checks on the XML

This module only runs them in order and collects their diagnostics.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping as MappingType
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from akn.converter.assemble import assemble, table_settler
from akn.converter.findings import check_output, report_recognition
from akn.converter.language import choose_mapping, unrecognised
from akn.converter.marks.citations import CitationMarker
from akn.converter.marks.meetings import meeting_marker
from akn.converter.marks.notes import note_marker
from akn.converter.marks.phrases import italicise, italicise_notes
from akn.converter.metadata import IRI_STYLES
from akn.converter.opening import find_opening
from akn.converter.pages import Layout, PageLink, split_pages
from akn.converter.pdf import is_pdf, read_pdf
from akn.converter.recognise.parts import Recognised, recognise
from akn.converter.resolve import METADATA_KEYS, _Dates, resolve  # noqa: F401 (_Dates: tests)
from akn.converter.serialise import serialise
from akn.converter.source import InputError, Line, decode, looks_like_text, split_lines
from akn.converter.texts import clean_texts
from akn.converter.tree import Tree
from akn.diagnostics import Diagnostic, Severity
from akn.ids import assign_ids
from akn.mapping import Mapping, MappingError
from akn.resources import available_languages, mapping_folders


@dataclass
class Conversion:
    """The result of a conversion: the tree (None if the input could not be read) and findings."""

    tree: etree._Element | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    language: str | None = None

    @property
    def ok(self) -> bool:
        """True when the XML was produced and nothing was found at error level."""
        return self.tree is not None and not any(
            d.severity >= Severity.ERROR for d in self.diagnostics
        )

    def to_bytes(self) -> bytes:
        """The XML document, UTF-8, with declaration; the same input always gives these bytes."""
        if self.tree is None:
            raise ValueError("nothing to serialise: the input could not be converted")
        return etree.tostring(self.tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def convert(
    text: str | bytes,
    *,
    lang: str | None = None,
    metadata: MappingType[str, object] | None = None,
    validate: bool = True,
    iri_style: str = "un",
) -> Conversion:
    """Convert the text of a UN resolution to Akoma Ntoso.

    ``text`` may be bytes (UTF-8 or UTF-16 with BOM) or str. ``lang`` is a mapping code ("fr",
    "en"); without it the language is detected. ``metadata`` supplies or overrides what the text
    says: ``symbol``, ``adopted``, ``issued``, ``markup`` (ISO dates), ``draft`` (bool),
    ``session`` (int); they are the command line's options by other names. ``iri_style`` is
    ``"un"`` (the UN's FRBR IRIs, ``eng@!main/``) or ``"oasis"`` (the naming convention's,
    ``eng@/!main``): see ``akn.converter.metadata.IRI_STYLES``.

    Problems in the text are returned as diagnostics, never raised: the text is data, and a
    conversion always says what it found. Mistakes in the arguments are raised, because they
    are the caller's to fix: TypeError for a ``text`` that is not str or bytes or an unknown
    metadata key, ValueError for an unknown ``lang``, and MetadataError (a ValueError) for a
    symbol that is no UN symbol or dates that contradict each other or the text.
    """
    _check_arguments(text, lang, iri_style)
    try:
        lines, mapping, diagnostics = read_lines(text, lang)
        options = dict(metadata or {})
        unknown = set(options) - METADATA_KEYS
        if unknown:
            raise TypeError(f"unknown metadata keys: {', '.join(sorted(unknown))}")
        parsed = parse(lines, mapping, diagnostics)
    except Unconvertible as stop:
        return Conversion(None, stop.diagnostics, stop.language)
    identity, found = resolve(
        parsed.tree,
        parsed.recognised.front.facts,
        parsed.layout.job_number,
        mapping,
        options,
        _fingerprint(lines),
        iri_style,
    )
    diagnostics += found
    found = report_recognition(parsed.recognised.blocks, parsed.tree, parsed.layout.furniture)
    diagnostics += found
    xml = serialise(parsed.tree, identity)
    assign_ids(xml)
    if validate:
        bodiless = any(d.code == "S305" for d in found)
        diagnostics += check_output(xml, bodiless, lines, diagnostics)
    diagnostics.sort(key=lambda d: (d.line or 0, d.column or 0))
    return Conversion(xml, diagnostics, mapping.language.code)


class Unconvertible(Exception):
    """The text cannot be converted: ``diagnostics`` say why (and what was found before)."""

    def __init__(self, diagnostics: list[Diagnostic], language: str | None = None) -> None:
        super().__init__(diagnostics[-1].message if diagnostics else "cannot convert")
        self.diagnostics = diagnostics
        self.language = language


@dataclass
class Parsed:
    """What the stages before the metadata made: the page split, the blocks, the tree."""

    layout: Layout
    recognised: Recognised
    tree: Tree
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _check_arguments(text: object, lang: str | None, iri_style: str) -> None:
    if not isinstance(text, str | bytes | bytearray):
        raise TypeError(f"convert() takes the text as str or bytes, not {type(text).__name__}")
    if iri_style not in IRI_STYLES:
        raise ValueError(f"iri_style must be one of {', '.join(IRI_STYLES)}, not {iri_style!r}")
    if lang is not None and lang not in _languages():
        raise ValueError(
            f"unknown language {lang!r}: akn has mappings for {', '.join(available_languages())}"
        )


# The languages of the mapping folders, by the folders and the times they last changed.
_LANGUAGES: dict[tuple[tuple[str, int], ...], frozenset[str]] = {}


def _languages() -> frozenset[str]:
    """``available_languages()``, read again only when a mapping folder changed (a file added,
    removed or renamed) or other folders are named: looking in the folders for every document
    cost more than some of the stages."""
    key = tuple((str(folder), _changed(folder)) for folder in mapping_folders())
    known = _LANGUAGES.get(key)
    if known is None:
        _LANGUAGES.clear()
        known = _LANGUAGES[key] = frozenset(available_languages())
    return known


def _changed(folder: Path) -> int:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return -1


def read_lines(
    text: str | bytes | bytearray, lang: str | None
) -> tuple[list[Line], Mapping, list[Diagnostic]]:
    """The text's lines and the mapping of its language; Unconvertible when it is no text.
    A PDF (known by its content, not its name) is read by ``akn.converter.pdf``, which makes
    the same line table from the pages; everything after is shared."""
    try:
        if not isinstance(text, str) and is_pdf(text):  # a str is never one (is_pdf says so)
            lines, diagnostics = read_pdf(bytes(text))
        else:
            lines, diagnostics = _text_lines(text)
    except InputError as error:
        raise Unconvertible([error.diagnostic]) from None
    try:
        mapping, found = choose_mapping(lines, lang)
    except MappingError as error:
        raise Unconvertible(diagnostics + error.diagnostics) from None
    return lines, mapping, diagnostics + found


def _text_lines(text: str | bytes | bytearray) -> tuple[list[Line], list[Diagnostic]]:
    decoded = decode(bytes(text) if isinstance(text, bytearray) else text)
    if not decoded or decoded.isspace():  # (strip() would copy the whole text)
        raise Unconvertible([Diagnostic("E104", Severity.ERROR, "input is empty")])
    if not looks_like_text(decoded):
        raise Unconvertible([_BINARY])
    return split_lines(decoded)


def parse(lines: list[Line], mapping: Mapping, diagnostics: list[Diagnostic]) -> Parsed:
    """The stages from the lines to the marked tree; their findings go to ``diagnostics``."""
    layout = split_pages(lines, mapping)
    diagnostics += layout.diagnostics
    # A PDF's link annotations, on the lines whose text they cover (akn/converter/pdf), are
    # links as the page's list of links gives them in extracted text.
    layout.links += [
        PageLink(url, ln.page, ln) for ln in lines for url, _ in getattr(ln, "links", ())
    ]
    body = layout.lines
    opening = find_opening(body, layout.formula_index, layout.decision, mapping)
    if opening is None:
        raise Unconvertible(
            [*diagnostics, _not_a_resolution(mapping, diagnostics)], mapping.language.code
        )
    recognised = recognise(body, opening, mapping)
    diagnostics += recognised.diagnostics
    blocks = recognised.blocks
    note_texts, found = clean_texts(
        blocks, recognised.front.title, layout.notes, lines, recognised.regime, mapping
    )
    diagnostics += found
    tree = assemble(blocks, layout.notes, note_texts, mapping)
    tree, found = _mark(tree, layout, mapping)
    diagnostics += found
    return Parsed(layout, recognised, tree, diagnostics)


def _mark(tree: Tree, layout: Layout, mapping: Mapping) -> tuple[Tree, list[Diagnostic]]:
    """The mark passes, in this order: notes (their markers out of the texts), tables'
    heading rows (read without the markers), citations, meetings and dates, italics. They
    share one rebuild of the tree: each is its change to one unit (``Tree.with_units``)."""
    noted, unplaced, diagnostics = note_marker(tree, layout.notes, mapping)
    citations = CitationMarker(layout.links, mapping)
    tree = tree.with_units(
        noted, table_settler(mapping), citations.cited, meeting_marker(mapping), italicise
    )
    tree, found = citations.finish(replace(tree, unplaced=unplaced))
    return italicise_notes(tree), diagnostics + found


_BINARY = Diagnostic(
    "E101",
    Severity.ERROR,
    "input is binary data, not text; give akn the text of the resolution",
)


def _fingerprint(lines: list[Line]) -> str:
    """Tells apart two texts without a symbol or number: the same text, the same IRI."""
    return hashlib.sha256("\n".join(line.text for line in lines).encode()).hexdigest()[:8]


def _not_a_resolution(mapping: Mapping, diagnostics: list[Diagnostic]) -> Diagnostic:
    if unrecognised(diagnostics):  # no language to name: L203 said that none recognises it
        return Diagnostic(
            "E105",
            Severity.ERROR,
            "this does not look like a UN resolution: no enacting formula and no numbered "
            "paragraphs were found, and no mapping recognises its language "
            "(give --lang if it is a resolution)",
        )
    example = mapping.formula[0].text
    return Diagnostic(
        "E105",
        Severity.ERROR,
        f"this does not look like a UN resolution: no enacting formula (such as {example!r}) "
        f"and no numbered paragraphs were found (language {mapping.language.code}; "
        "use --lang if wrong)",
    )
