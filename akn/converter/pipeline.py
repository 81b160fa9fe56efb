"""The conversion pipeline: text in, Akoma Ntoso out, with every finding on the way.

decode -> lines -> pages (furniture, notes, links) -> front matter and body blocks -> clean
texts -> note markers and citations -> metadata -> tree -> eIds -> schema check. Each stage is
a function of its own module; this one only runs them in order and collects diagnostics.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import itertools
import os
import re
from collections.abc import Mapping as MappingType
from dataclasses import dataclass, field

from lxml import etree

from akn.converter.blocks import Block, Kind
from akn.converter.dates import (
    UNKNOWN_DATE,
    decision_meeting,
    parse_date,
    parse_number_words,
    valid_iso_date,
)
from akn.converter.marks.citations import find_citations, symbol_of_url
from akn.converter.marks.notes import place_notes
from akn.converter.metadata import (
    IRI_STYLES,
    Metadata,
    MetadataError,
    check_symbol,
    number_from_symbol,
    session_from_symbol,
)
from akn.converter.normalise import clean_lines, fill_block_texts
from akn.converter.pages import PageLink, find_decision, find_formula, split_pages
from akn.converter.pdf import is_pdf, read_pdf
from akn.converter.recognise import Regime, detect_regime, parse_front_matter, read_body
from akn.converter.serialise import NoteText, Parsed, build_tree
from akn.converter.source import InputError, Line, decode, looks_like_text, split_lines
from akn.converter.words import make_lexicon
from akn.diagnostics import Diagnostic, Severity
from akn.ids import assign_ids
from akn.mapping import Mapping, MappingError, load_mapping
from akn.resources import available_languages

METADATA_KEYS = {"symbol", "adopted", "issued", "markup", "draft", "session"}


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
    if not isinstance(text, str | bytes | bytearray):
        raise TypeError(f"convert() takes the text as str or bytes, not {type(text).__name__}")
    if iri_style not in IRI_STYLES:
        raise ValueError(f"iri_style must be one of {', '.join(IRI_STYLES)}, not {iri_style!r}")
    if lang is not None and lang not in available_languages():
        raise ValueError(
            f"unknown language {lang!r}: akn has mappings for {', '.join(available_languages())}"
        )
    if is_pdf(text):  # the PDF reader makes the line table from the pages (akn/converter/pdf)
        try:
            lines, found = read_pdf(bytes(text))
        except InputError as error:
            return Conversion(None, [error.diagnostic])
        return _convert_lines(lines, found, lang, metadata, validate, iri_style)
    try:
        decoded = decode(bytes(text) if isinstance(text, bytearray) else text)
    except InputError as error:
        return Conversion(None, [error.diagnostic])
    if not decoded.strip():
        return Conversion(None, [Diagnostic("E104", Severity.ERROR, "input is empty")])
    if not looks_like_text(decoded):
        return Conversion(
            None,
            [
                Diagnostic(
                    "E101",
                    Severity.ERROR,
                    "input is binary data, not text; give akn the text of the resolution",
                )
            ],
        )
    lines, found = split_lines(decoded)
    return _convert_lines(lines, found, lang, metadata, validate, iri_style)


def _convert_lines(
    lines: list[Line],
    found: list[Diagnostic],
    lang: str | None,
    metadata: MappingType[str, object] | None,
    validate: bool,
    iri_style: str,
) -> Conversion:
    """The shared pipeline, from the line table on: both readers (text, PDF) end here."""
    diagnostics = list(found)
    try:
        mapping = _choose_mapping(lines, lang, diagnostics)
    except MappingError as error:
        return Conversion(None, diagnostics + error.diagnostics)
    options = dict(metadata or {})
    unknown = set(options) - METADATA_KEYS
    if unknown:
        raise TypeError(f"unknown metadata keys: {', '.join(sorted(unknown))}")

    layout = split_pages(lines, mapping)
    # a PDF's link annotations (akn/converter/pdf) are links listed for their page
    layout.links += [
        PageLink(url, ln.page, ln) for ln in lines for url, _ in getattr(ln, "links", ())
    ]
    diagnostics += layout.diagnostics
    body = layout.lines
    formula_index = layout.formula_index
    decision = layout.decision  # the page reader found a decision's opening, no formula
    if formula_index is None:
        formula_index = find_formula(body, mapping)
    if formula_index is None:
        # A decision has no formula: its text opens with the meeting that took it.
        formula_index = find_decision(body, mapping)
        decision = formula_index is not None
    if formula_index is None:
        formula_index = _first_paragraph(body, mapping)
        if formula_index is None:
            return Conversion(
                None,
                [*diagnostics, _not_a_resolution(mapping)],
                mapping.code,
            )
        diagnostics.append(
            Diagnostic(
                "S302",
                Severity.WARNING,
                f"no enacting formula (such as {mapping.rule('formula')[0]['text']!r}) found",
                line=body[formula_index].number if formula_index < len(body) else None,
            )
        )
        formula_block: Block | None = None
        body_lines = body[formula_index:]
    elif decision:
        formula_block = None
        body_lines = body[formula_index:]
    else:
        formula_block = Block(Kind.FORMULA, [body[formula_index]], "formula")
        body_lines = body[formula_index + 1 :]

    starts = _component_starts(body, formula_index, mapping) if formula_block else []
    front = parse_front_matter(body[: starts[0] if starts else formula_index], mapping)
    diagnostics += front.diagnostics
    regime = detect_regime(body_lines, mapping)
    blocks: list[Block] = [*front.masthead]
    if front.title is not None:
        blocks.append(front.title)
    if starts:
        for start, end in zip(starts, [*starts[1:], len(body)], strict=True):
            blocks += _component_blocks(body[start:end], mapping, regime, diagnostics)
    else:
        if formula_block is not None:
            blocks.append(formula_block)
        blocks += _body_blocks(body_lines, mapping, regime, diagnostics, decision)

    lexicon = make_lexicon(
        mapping, [line.text for line in lines], wrapped=regime is not Regime.LINES
    )
    if not _word_lists_installed():
        diagnostics.append(_NO_WORD_LISTS)
    diagnostics += fill_block_texts(blocks, mapping, lexicon)
    if front.title is not None:
        _split_title_number(front.title)
    note_texts = []
    for note in layout.notes:
        text, _, _ = clean_lines(note.lines, mapping, lexicon, diagnostics)
        note_texts.append(text)
        if not text:
            diagnostics.append(
                Diagnostic(
                    "N406",
                    Severity.WARNING,
                    f"footnote {note.marker} is empty",
                    line=note.marker_line.number,
                )
            )
    placements, found = place_notes(blocks, layout.notes, mapping)
    diagnostics += found

    listed = _listed_links(layout, mapping)
    citations = {
        index: find_citations(block.text, mapping)
        for index, block in enumerate(blocks)
        if block.kind is not Kind.MASTHEAD or block.role in ("committee", "draft")
    }
    notes = [
        NoteText(note.marker, text, find_citations(text, mapping))
        for note, text in zip(layout.notes, note_texts, strict=True)
    ]
    diagnostics += _unused_links(layout, listed, citations, notes)

    fingerprint = hashlib.sha256("\n".join(line.text for line in lines).encode()).hexdigest()[:8]
    meta = _metadata(
        front.facts, blocks, layout.job_number, mapping, options, diagnostics, fingerprint
    )
    meta.iri_style = iri_style
    diagnostics += _report_text_blocks(blocks, mapping)
    diagnostics += _report_furniture(layout.furniture)
    bodiless = _report_missing_body(blocks)
    diagnostics += bodiless
    tree = build_tree(Parsed(mapping, meta, blocks, notes, placements, citations, listed))
    assign_ids(tree)
    if validate:
        diagnostics += _check_output(
            tree, empty_body=bool(bodiless), lines=lines, found=diagnostics
        )
    diagnostics.sort(key=lambda d: (d.line or 0, d.column or 0))
    return Conversion(tree, diagnostics, mapping.code)


# --------------------------------------------------------------------------- helpers

_NO_WORD_LISTS = Diagnostic(
    "L202",
    Severity.WARNING,
    "wordfreq is not installed: words split by PDF extraction are rejoined from the "
    "document's own vocabulary only; install akn[convert] (pip install 'akn[convert]')",
)


@functools.cache
def _word_lists_installed() -> bool:
    """wordfreq is the optional ``convert`` extra (57 MB): a validate-only install lacks it."""
    import importlib.util

    return importlib.util.find_spec("wordfreq") is not None


# The text's own numbering skips numbers, and the conversion has said so with the evidence
# (S306, N407): the output's gaps (AKN110) are not reported again.
NUMBERING_GAPS = frozenset({"S306", "N407"})

INPUT_CAUSED = {
    "AKN106": "a footnote of the text with no text of its own",
    "AKN107": "the text's dates and numbers, as written",
    "AKN108": "a date of the text",
    "AKN110": "the numbering of the text, as written",
    "AKN111": "a part the text leaves empty",
}
"""Checks of the output that fail because of what the text says, not because of akn: the
output keeps the text's own numbers, dates and empty parts, and the finding names them.
Every other finding of the output check (XSD, eIds, references) is akn's own mistake."""

_YEAR = re.compile(r"\(year (\d+)\)")


def _check_output(
    tree: etree._Element,
    empty_body: bool = False,
    lines: list[Line] | None = None,
    found: list[Diagnostic] | None = None,
) -> list[Diagnostic]:
    """Run ``akn validate``'s checks on the output. A finding that the text itself causes
    (INPUT_CAUSED) is reported as such, on the line of the text when it can be found, or
    dropped when a diagnostic of the conversion already said it (an empty note: N402/N406;
    no operative part: S305); anything else is a bug in akn."""
    from akn.validation import validate as validate_output

    said = {d.code for d in found or ()}
    findings = []
    for finding in validate_output(tree):
        if finding.severity < Severity.WARNING:
            continue  # e.g. placeholder dates, already reported with the option to give
        if empty_body and finding.code == "AKN111" and finding.message.startswith("<mainBody"):
            continue
        if finding.code == "AKN110" and said & NUMBERING_GAPS:
            continue  # the gap in the text's numbering is already reported, on its line
        if finding.code == "AKN106" and said & {"N402", "N406"}:
            continue  # the empty footnote is already reported, on its line
        if finding.code in INPUT_CAUSED:
            findings.append(
                Diagnostic(
                    finding.code,
                    finding.severity,
                    f"the output keeps {INPUT_CAUSED[finding.code]}, and so fails check "
                    f"{finding.code}: {finding.message}; check the text",
                    line=_line_naming(finding.message, lines or []),
                )
            )
            continue
        findings.append(
            Diagnostic(
                finding.code,
                finding.severity,
                f"output fails {'the official schema' if finding.code == 'XSD' else 'check'} "
                f"{finding.code} (a bug in akn, please report it): {finding.message}",
            )
        )
    return findings


def _line_naming(message: str, lines: list[Line]) -> int | None:
    """The first line of the text that holds the year a date finding names, or None."""
    year = _YEAR.search(message)
    if year is None:
        return None
    for line in lines:
        if year.group(1) in line.text:
            return line.number
    return None


def _choose_mapping(lines: list[Line], lang: str | None, diagnostics: list[Diagnostic]) -> Mapping:
    if lang is not None:
        return load_mapping(lang)
    sample = [line.text.strip() for line in lines[:600] if line.text.strip()]
    best, best_score = None, -1
    for code in available_languages():
        mapping = load_mapping(code)
        opening = mapping.pattern("decision", "opening")
        adopted = mapping.pattern("masthead", "adopted")
        score = sum(
            (10 if mapping.formula_pattern.match(text) or opening.match(text) else 0)
            + (5 if adopted.fullmatch(text) else 0)
            + (1 if mapping.phrase_pattern.match(text) or mapping.verb_pattern.match(text) else 0)
            for text in sample
        )
        if score > best_score:
            best, best_score = mapping, score
    assert best is not None
    diagnostics.append(
        Diagnostic(
            "L200",
            Severity.INFO,
            f"language detected: {best.code} (mappings/{best.name}.yaml); use --lang to choose",
        )
    )
    return best


def _body_blocks(
    lines: list[Line],
    mapping: Mapping,
    regime,
    diagnostics: list[Diagnostic],
    decision: bool = False,
) -> list[Block]:
    blocks, found = read_body(lines, mapping, regime, decision)
    diagnostics += found
    return blocks


def _component_starts(body: list[Line], first_formula: int, mapping: Mapping) -> list[int]:
    """Where each resolution of a set begins ("A", its title, its formula), if there are
    several; [] for a single resolution."""
    formulas = [first_formula]
    formulas += [
        first_formula + 1 + i
        for i, line in enumerate(body[first_formula + 1 :])
        if find_formula([line], mapping) == 0
    ]
    if len(formulas) < 2:
        return []
    letter = mapping.pattern("numbering", "component")
    starts = []
    for formula in formulas:
        start = next(
            (
                j
                for j in range(formula - 1, max(formula - 8, -1), -1)
                if letter.fullmatch(body[j].text.strip())
            ),
            None,
        )
        if start is None:
            return []
        starts.append(start)
    return starts


def _component_blocks(
    lines: list[Line], mapping: Mapping, regime, diagnostics: list[Diagnostic]
) -> list[Block]:
    """One resolution of a set: its letter, its title, its formula, its body."""
    content = [line for line in lines if line.text.strip()]
    letter = mapping.pattern("numbering", "component").fullmatch(content[0].text.strip())
    heading = Block(Kind.COMPONENT, [content[0]], "numbering.component", num=letter.group("num"))
    heading.text = content[0].text.strip()
    formula = next(i for i, line in enumerate(content) if find_formula([line], mapping) == 0)
    blocks = [heading]
    if formula > 1:
        blocks.append(Block(Kind.TITLE, content[1:formula], "title"))
    blocks.append(Block(Kind.FORMULA, [content[formula]], "formula"))
    at = lines.index(content[formula])
    return blocks + _body_blocks(lines[at + 1 :], mapping, regime, diagnostics)


def _not_a_resolution(mapping: Mapping) -> Diagnostic:
    example = mapping.rule("formula")[0]["text"]
    return Diagnostic(
        "E105",
        Severity.ERROR,
        f"this does not look like a UN resolution: no enacting formula (such as {example!r}) "
        f"and no numbered paragraphs were found (language {mapping.code}; use --lang if wrong)",
    )


def _first_paragraph(lines: list[Line], mapping: Mapping) -> int | None:
    operative = mapping.pattern("numbering", "operative")
    for index, line in enumerate(lines):
        text = line.text.strip()
        match = operative.match(text)
        if match and match.group("num") == "1":
            return index
        if mapping.phrase_pattern.match(text):
            return index
    return None


# "80/2. Scale of assessments", "75/101 A-B. …"; Arabic writes no full stop: "79/288 نطاق".
_TITLE_NUMBER = re.compile(
    r"(?P<number>(?:ES-|S-)?\d{1,3}/\d{1,4}(?: [A-Z](?:-[A-Z])?)?(?:\.|(?=\s)))\s*"
)


def _split_title_number(title: Block) -> None:
    """ "80/2. Scale of assessments…": the number goes to ``docNumber``, the rest is the title."""
    match = _TITLE_NUMBER.match(title.text)
    if match:
        title.data["number"] = match.group("number")
        cut = match.end()
        title.text = title.text[cut:]
        title.starts = [max(0, s - cut) for s in title.starts]


def _listed_links(layout, mapping: Mapping) -> dict[str, str]:
    listed: dict[str, str] = {}
    for link in layout.links:
        symbol = symbol_of_url(link.url)
        if symbol:
            listed.setdefault(symbol.casefold(), link.url)
    return listed


def _unused_links(layout, listed, citations, notes) -> list[Diagnostic]:
    used = {c.symbol.casefold() for found in citations.values() for c in found}
    used |= {c.symbol.casefold() for note in notes for c in note.citations}
    findings = []
    for link in layout.links:
        symbol = symbol_of_url(link.url)
        if symbol is None or symbol.casefold() not in used:
            findings.append(
                Diagnostic(
                    "K601",
                    Severity.WARNING,
                    f"link {link.url} listed on the page matches no citation in the text; "
                    "it is not in the output",
                    line=link.line.number,
                )
            )
    return findings


def _metadata(
    facts: dict[str, str],
    blocks: list[Block],
    job_number: str | None,
    mapping: Mapping,
    options: dict[str, object],
    diagnostics: list[Diagnostic],
    fingerprint: str,
) -> Metadata:
    meta = Metadata(language=mapping.akn_code, job_number=job_number)
    meta.actor = facts.get("actor") or _actor_from_formula(blocks, mapping) or "unga"
    meta.draft = bool(options.get("draft")) or "draft" in facts
    meta.decision = any(block.opens_decision for block in blocks)
    given_symbol = options.get("symbol")
    symbol = check_symbol(str(given_symbol)) if given_symbol else facts.get("symbol") or None
    meta.symbol = symbol
    title = next((b for b in blocks if b.kind is Kind.TITLE), None)
    if given_symbol:
        diagnostics += _symbol_disagreement(str(symbol), facts, title)
    if symbol:
        meta.number = number_from_symbol(symbol)
        if meta.number is None:
            meta.number = re.sub(r"[^\w.\-]+", "-", symbol).strip("-")
        if symbol.startswith("S/"):
            meta.actor = "unsc"
    elif facts.get("council_number"):
        meta.number = facts["council_number"]
    elif title is not None and title.data.get("number"):
        meta.number = title.data["number"].rstrip(".").replace("/", "-").replace(" ", "")
    if meta.number is None:
        # Two documents without a symbol must not share a work IRI: the number says it is
        # unknown and is told apart by the text itself (the same text, the same IRI).
        meta.number = f"unknown-{fingerprint}"
        diagnostics.append(
            Diagnostic(
                "M501",
                Severity.WARNING,
                f"no document symbol or resolution number in the text; the FRBR IRIs say "
                f"{meta.number!r} (from a digest of the text): give it with --symbol "
                "(e.g. --symbol A/RES/75/15)",
            )
        )
    adopted = _option_date(options, "adopted")
    conclusion_date = _conclusion_date(blocks, mapping)
    if adopted is None and facts.get("adopted"):
        adopted = parse_date(facts["adopted"], mapping)
    if adopted is None:
        adopted = conclusion_date
    dates = _Dates(options)
    adopted = dates.check("adopted", adopted, diagnostics)
    if adopted is None:
        diagnostics.append(
            Diagnostic(
                "M502",
                Severity.WARNING,
                "adoption date not found in the text; 0001-01-01 used: give it with --adopted "
                "YYYY-MM-DD",
            )
        )
    meta.adopted = adopted
    issued = _option_date(options, "issued")
    if issued is None and facts.get("issued"):
        issued = parse_date(facts["issued"], mapping)
    issued = dates.check("issued", issued, diagnostics)
    if issued is None:
        diagnostics.append(
            Diagnostic(
                "M503",
                Severity.WARNING,
                "issue date not found in the text; 0001-01-01 used: give it with --issued "
                "YYYY-MM-DD",
            )
        )
    meta.issued = issued
    markup, meta.markup_origin = _markup_date(options)
    if meta.markup_origin == "conversion":
        dates.given_by("markup", "today's date", caller=False)
    else:
        dates.given_by("markup", _MARKUP_ORIGINS[meta.markup_origin], caller=True)
    meta.markup = dates.check("markup", markup, diagnostics)
    session = options.get("session")
    if isinstance(session, int):
        meta.session = session
    elif symbol and session_from_symbol(symbol):
        meta.session = session_from_symbol(symbol)
    elif facts.get("session"):
        match = mapping.pattern("masthead", "session").fullmatch(facts["session"])
        if match:
            meta.session = parse_number_words(match.group("ordinal"), mapping)
    return meta


def _actor_from_formula(blocks: list[Block], mapping: Mapping) -> str | None:
    formula = next((b for b in blocks if b.kind is Kind.FORMULA), None)
    return mapping.actor_of(formula.text) if formula is not None else None


def _conclusion_date(blocks: list[Block], mapping: Mapping) -> str | None:
    for block in blocks:
        if block.kind is Kind.CONCLUSION:
            date = parse_date(block.text, mapping)
            if date:
                return date
        if block.opens_decision:
            _, found = decision_meeting(block.text, mapping)
            if found:
                return found[2]
    return None


_OPTIONS = {"adopted": "--adopted", "issued": "--issued", "markup": "--markup-date"}
_EVENTS = {"adopted": "adoption date", "issued": "issue date", "markup": "markup date"}
_MARKUP_ORIGINS = {"option": "--markup-date", "SOURCE_DATE_EPOCH": "SOURCE_DATE_EPOCH"}


def _option_date(options: dict[str, object], key: str) -> str | None:
    value = options.get(key)
    if value is None:
        return None
    text = str(value)
    if key == "markup" and text == "today":
        return _today()
    if not valid_iso_date(text):
        raise MetadataError(f"{_OPTIONS[key]} must be a date written YYYY-MM-DD, not {text!r}")
    return text


def _today() -> str:
    return datetime.datetime.now(datetime.UTC).date().isoformat()


def _markup_date(options: dict[str, object]) -> tuple[str, str]:
    """The date of this conversion and where it came from ("option", "SOURCE_DATE_EPOCH",
    "conversion"). By default it is the real date of the conversion: the issue date would
    claim the document was marked up the day it was printed. SOURCE_DATE_EPOCH (reproducible
    builds) pins it, and the manifestation's FRBRdate says so."""
    given = _option_date(options, "markup")
    if given is not None:
        return given, "option"
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        if not epoch.strip().isdigit():
            raise MetadataError(
                f"SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01, not {epoch!r}"
            )
        try:
            moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        except (OverflowError, OSError, ValueError):
            raise MetadataError(f"SOURCE_DATE_EPOCH {epoch} is out of range") from None
        return moment.date().isoformat(), "SOURCE_DATE_EPOCH"
    return _today(), "conversion"


class _Dates:
    """The document's dates must run in order (adopted <= issued <= marked up), as
    ``akn validate`` checks (AKN107). A date the caller gave (an option, SOURCE_DATE_EPOCH)
    that breaks the order is a usage error naming where each date came from; when only the
    text's dates (or today's) disagree, the later one is left unknown with a warning (M505),
    since nothing the caller can change caused it."""

    def __init__(self, options: dict[str, object]) -> None:
        self.origins = {key: _OPTIONS[key] for key in _OPTIONS if options.get(key) is not None}
        self.caller = set(self.origins)  # the dates the caller gave
        self.known: list[tuple[str, str]] = []  # (key, date), in the order of the events

    def given_by(self, key: str, origin: str, caller: bool) -> None:
        self.origins[key] = origin
        if caller:
            self.caller.add(key)

    def _origin(self, key: str) -> str:
        return self.origins.get(key, "the text")

    def check(self, key: str, date: str | None, diagnostics: list[Diagnostic]) -> str | None:
        if date is None or date == UNKNOWN_DATE:
            return date
        for earlier_key, earlier in self.known:
            if date >= earlier:
                continue
            what = (
                f"the {_EVENTS[key]} {date} ({self._origin(key)}) is earlier than the "
                f"{_EVENTS[earlier_key]} {earlier} ({self._origin(earlier_key)})"
            )
            given = [k for k in (key, earlier_key) if k in self.caller]
            if given:
                fix = " or ".join(dict.fromkeys(self._origin(k) for k in given))
                raise MetadataError(f"{what}: change {fix}")
            diagnostics.append(
                Diagnostic(
                    "M505",
                    Severity.WARNING,
                    f"{what}; the {_EVENTS[key]} is left unknown (0001-01-01): give it with "
                    f"{_OPTIONS[key]}",
                )
            )
            return None
        self.known.append((key, date))
        return date


def _symbol_disagreement(
    symbol: str, facts: dict[str, str], title: Block | None
) -> list[Diagnostic]:
    """--symbol names the work in the FRBR IRIs; the cover page and preface keep what the text
    prints. When they name different documents, say so rather than mark up a contradiction."""
    printed = facts.get("symbol")
    if printed and " ".join(printed.split()) != symbol:
        what = f"the text's symbol {printed!r}"
    elif title is not None and title.data.get("number"):
        number = title.data["number"].rstrip(".").replace("/", "-").replace(" ", "")
        if number_from_symbol(symbol) in (number, None) or number in symbol.replace("/", "-"):
            return []
        what = f"the text's resolution number {title.data['number']!r}"
    else:
        return []
    return [
        Diagnostic(
            "M504",
            Severity.WARNING,
            f"--symbol {symbol!r} differs from {what}: the FRBR IRIs follow --symbol, the "
            "cover page and preface keep what the text prints",
        )
    ]


def _report_text_blocks(blocks: list[Block], mapping: Mapping) -> list[Diagnostic]:
    findings = []
    for block in blocks:
        if block.kind is Kind.TEXT and not block.masthead_line:
            findings.append(
                Diagnostic(
                    "S303",
                    Severity.WARNING,
                    f"text not recognised as any part of a resolution, kept as an unnumbered "
                    f"paragraph: {block.text[:60]!r}",
                    line=block.line,
                )
            )
        elif (
            block.kind is Kind.PARAGRAPH
            and block.num is None
            and not block.in_decision
            and not (block.rows and not block.lines)  # a table of its own: S320 says so
        ):
            findings.append(
                Diagnostic(
                    "S304",
                    Severity.WARNING,
                    f"paragraph without a number (rule {block.rule}): {block.text[:60]!r}",
                    line=block.line,
                )
            )
    return findings


def _report_missing_body(blocks: list[Block]) -> list[Diagnostic]:
    """A text that stops after its preamble (a first page, a cut paste) has no operative
    part: say so, naming the last line before the end or the annexes, rather than leave an
    empty body unexplained."""
    structural = {Kind.PARAGRAPH, Kind.POINT, Kind.HEADING, Kind.TEXT, Kind.WRAP_UP}
    before_annexes = list(itertools.takewhile(lambda block: block.kind is not Kind.ANNEX, blocks))
    if any(block.kind in structural for block in before_annexes):
        return []
    last = next((block.lines[-1] for block in reversed(before_annexes) if block.lines), None)
    return [
        Diagnostic(
            "S305",
            Severity.WARNING,
            "no operative paragraph: the text goes from its preamble to its end or its annexes; "
            "is it complete? (the body of the output is left empty)",
            line=last.number if last is not None else None,
        )
    ]


def _report_furniture(furniture: list[Line]) -> list[Diagnostic]:
    return [
        Diagnostic(
            "L201",
            Severity.INFO,
            f"page furniture removed: {line.text.strip()!r}",
            line=line.number,
        )
        for line in furniture
    ]
