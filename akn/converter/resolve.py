"""The document's metadata, settled before the XML is written: what the text says (the
front matter's facts, the formula's actor, the conclusions' or decision's date, the title's
number) combined with what the caller gives (options override the text), checked (dates in
order, a real symbol), and the identity of each resolution of a set.

Nothing here changes once serialisation starts: ``akn.converter.serialise`` only reads it.
"""

from __future__ import annotations

import datetime
import os
import re
from typing import overload

from akn.converter.dates import UNKNOWN_DATE, parse_date, valid_iso_date
from akn.converter.marks.meetings import text_date
from akn.converter.metadata import (
    Identity,
    Metadata,
    MetadataError,
    check_symbol,
    identity,
    number_from_symbol,
    session_from_symbol,
)
from akn.converter.tree import DateMark, Node, NodeKind, SessionMark, Tree
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping

METADATA_KEYS = {"symbol", "adopted", "issued", "markup", "draft", "session"}


def resolve(
    tree: Tree,
    facts: dict[str, str],
    job_number: str | None,
    mapping: Mapping,
    options: dict[str, object],
    fingerprint: str,
    iri_style: str,
) -> tuple[Identity, list[Diagnostic]]:
    """The identity of the document of ``tree`` and of each of its resolutions, and what was
    missing or contradictory (M501-M505). ``fingerprint`` tells apart two texts that give
    no number."""
    diagnostics: list[Diagnostic] = []
    meta = _metadata(tree, facts, job_number, mapping, options, diagnostics, fingerprint)
    meta.iri_style = iri_style
    if any(node.kind is NodeKind.CROSS_HEADING for node in tree.units):  # units: blocks
        meta.concepts.add("preambularParagraph")
    if any(node.kind is NodeKind.LETTER and node.role for node in tree.units):  # "76/244 B"
        meta.concepts.add("letter")
    components = [node for node in tree.root.children if node.kind is NodeKind.COMPONENT]
    letters = [node.number or str(n) for n, node in enumerate(components, start=1)]
    return identity(meta, letters), diagnostics


def _first(tree: Tree, kind: NodeKind) -> Node | None:
    return next((node for node in tree.units if node.kind is kind), None)


@overload
def _cover_mark(tree: Tree, role: str, kind: type[DateMark]) -> str | None: ...
@overload
def _cover_mark(tree: Tree, role: str, kind: type[SessionMark]) -> int | None: ...
def _cover_mark(
    tree: Tree, role: str, kind: type[DateMark] | type[SessionMark]
) -> str | int | None:
    """What the mark pass read on the masthead line of ``role`` (the issue date, the
    session's number), or None."""
    cover = tree.root.first(NodeKind.COVER)
    for line in cover.children if cover is not None else ():
        if line.role == role:
            marks = line.marks_of(kind)
            if not marks:
                return None
            return marks[0].date if isinstance(marks[0], DateMark) else marks[0].value
    return None


def _title_number(title: Node | None) -> str | None:
    return dict(title.captured).get("number") if title is not None else None


def _metadata(
    tree: Tree,
    facts: dict[str, str],
    job_number: str | None,
    mapping: Mapping,
    options: dict[str, object],
    diagnostics: list[Diagnostic],
    fingerprint: str,
) -> Metadata:
    meta = Metadata(language=mapping.language.akn, job_number=job_number)
    formula = _first(tree, NodeKind.FORMULA)
    actor = mapping.actor_of(formula.text) if formula is not None else None
    meta.actor = facts.get("actor") or actor or "unga"
    meta.draft = bool(options.get("draft")) or "draft" in facts
    meta.decision = any(node.opens_decision for node in tree.units)
    _number(meta, tree, facts, options, diagnostics, fingerprint)
    _dates(meta, tree, facts, mapping, options, diagnostics)
    _session(meta, tree, facts, options)
    return meta


def _number(
    meta: Metadata,
    tree: Tree,
    facts: dict[str, str],
    options: dict[str, object],
    diagnostics: list[Diagnostic],
    fingerprint: str,
) -> None:
    """The symbol and the work's number: the option's, the text's symbol, the council's
    number, the title's number, or an unknown one told apart by the text's digest."""
    given_symbol = options.get("symbol")
    symbol = check_symbol(str(given_symbol)) if given_symbol else facts.get("symbol") or None
    meta.symbol = symbol
    title_number = _title_number(_first(tree, NodeKind.TITLE))
    if given_symbol:
        diagnostics += _symbol_disagreement(str(symbol), facts, title_number)
    if symbol:
        meta.number = number_from_symbol(symbol)
        if meta.number is None:
            meta.number = re.sub(r"[^\w.\-]+", "-", symbol).strip("-")
        if symbol.startswith("S/"):
            meta.actor = "unsc"
    elif facts.get("council_number"):
        meta.number = facts["council_number"]
    elif title_number:
        meta.number = title_number.rstrip(".").replace("/", "-").replace(" ", "")
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


def _dates(
    meta: Metadata,
    tree: Tree,
    facts: dict[str, str],
    mapping: Mapping,
    options: dict[str, object],
    diagnostics: list[Diagnostic],
) -> None:
    """Adoption, issue and markup dates: the options', else the text's, checked in order."""
    adopted = _option_date(options, "adopted")
    conclusion_date = text_date(tree)
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
    if issued is None:
        issued = _cover_mark(tree, "date", DateMark)
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


def _session(meta: Metadata, tree: Tree, facts: dict[str, str], options: dict[str, object]) -> None:
    """The session's number: the option's, the symbol's, or the masthead's."""
    session = options.get("session")
    if isinstance(session, int):
        meta.session = session
    elif meta.symbol and session_from_symbol(meta.symbol):
        meta.session = session_from_symbol(meta.symbol)
    elif facts.get("session"):
        meta.session = _cover_mark(tree, "session", SessionMark)


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
    symbol: str, facts: dict[str, str], title_number: str | None
) -> list[Diagnostic]:
    """--symbol names the work in the FRBR IRIs; the cover page and preface keep what the text
    prints. When they name different documents, say so rather than mark up a contradiction."""
    printed = facts.get("symbol")
    if printed and " ".join(printed.split()) != symbol:
        what = f"the text's symbol {printed!r}"
    elif title_number:
        number = title_number.rstrip(".").replace("/", "-").replace(" ", "")
        if number_from_symbol(symbol) in (number, None) or number in symbol.replace("/", "-"):
            return []
        what = f"the text's resolution number {title_number!r}"
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
