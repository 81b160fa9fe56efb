"""numbering.operative — a numbered operative paragraph ("1. Decides …", "5 bis. …").

A number opens a paragraph only where the numbering goes on (the number expected next, 1
after a heading or an annex, or up to two numbers further, which is reported as a gap) and
the line before closed a sentence — or, where each paragraph has its line, where an operative
verb follows a number written out of order (reported); "… in paragraph" / "2. of …" is a
wrapped reference. The body starts at "1." after a closed line, or after a recital that lost
its comma where an operative verb follows the number (the layout parting the lines, or the
number being 1). A number lower than the count after an unnumbered paragraph that ends with
a colon is a quoted provision's ("Article 9, new paragraph 4:" / "4. In hearing …"): it
leaves the count as it is.
"""

from __future__ import annotations

from dataclasses import replace

from akn.converter.blocks import Kind
from akn.converter.recognise.layout import Regime
from akn.converter.recognise.punctuation import introduces
from akn.converter.recognise.state import Context, LineView, Match, ReaderState, Zone
from akn.diagnostics import Diagnostic, Severity

# How many operative numbers may be missing before a number that goes on after them.
GAP = 2


def operative_paragraph(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """A number that goes on opens an operative paragraph, after a closed line."""
    match = line.starts_with_number(context.operative)
    if match is None:
        return None
    text, progress, current = line.text, state.progress, state.current
    number = int(match.group("num"))
    expected = progress.next_paragraph
    words = line.prev_text.split()
    after_heading = current is not None and current.kind in (Kind.HEADING, Kind.ANNEX)
    if (
        words
        and words[-1] in context.mapping.markers.counting_words
        and not after_heading
        and context.regime is not Regime.LINES
        and not (number == expected and _verb_after(text, match.end(), context))
    ):
        return None  # "… in paragraph" / "2. of …": a wrapped line, not a paragraph
        # (but "… the Council's decisions" / "1. Calls upon …" opens the body)
    closed = line.closed
    if match.groupdict().get("suffix"):
        # "5 bis." is inserted after 5: it neither follows on nor moves the count.
        if number != expected - 1 or not closed:
            return None
        return Match(
            "numbering.operative",
            Kind.PARAGRAPH,
            replace(progress, points=()),
            num=match.group(0),
            strip=match.end(),
        )
    restart = number == 1 and (progress.section_preamble or after_heading)
    # A recital that lost its comma: the layout parts the lines, or "1." and an operative
    # verb say it alone ("… the Council's decisions" / "1. Calls upon all parties …").
    opens_body = closed or (
        (line.separated or number == 1) and _verb_after(text, match.end(), context)
    )
    first_of_body = opens_body and number == 1 and progress.zone is Zone.PREAMBLE
    if _quoted(number, expected, line, state):
        return Match(  # the count goes on after the quotation: it is not moved
            "numbering.operative",
            Kind.PARAGRAPH,
            replace(progress, points=()),
            num=match.group(0),
            strip=match.end(),
        )
    diagnostics: tuple[Diagnostic, ...] = ()
    if number != expected and not restart and not first_of_body:
        if progress.zone is Zone.OPERATIVE and closed and 0 < number - expected <= GAP:
            diagnostics = (_numbering_gap(expected, number, line),)
        elif number < expected and _written_out_of_order(line, progress.zone, context, match.end()):
            diagnostics = (_out_of_order(expected, number, line),)
        else:
            return None
    heading_before = current is not None and current.kind is Kind.HEADING
    if progress.zone is Zone.PREAMBLE and not (opens_body or heading_before):
        return None
    zone = Zone.OPERATIVE if progress.zone in (Zone.PREAMBLE, Zone.CONCLUSIONS) else progress.zone
    return Match(
        "numbering.operative",
        Kind.PARAGRAPH,
        replace(progress, zone=zone, next_paragraph=number + 1, points=(), section_preamble=False),
        num=match.group(0),
        strip=match.end(),
        diagnostics=diagnostics,
    )


def _quoted(number: int, expected: int, line: LineView, state: ReaderState) -> bool:
    """A number lower than the count, after an unnumbered paragraph that ends with a colon,
    is the number of a provision the resolution quotes ("14. Decides to amend the statute
    as follows:" / "Article 9, new paragraph 4:" / "4. In hearing an application …")."""
    current = state.current
    return (
        number < expected
        and state.progress.zone is Zone.OPERATIVE
        and current is not None
        and current.kind is Kind.PARAGRAPH
        and current.num is None
        and introduces(line.prev_text)
    )


def _verb_after(text: str, start: int, context: Context) -> bool:
    """Does an operative verb of the mapping follow the number ("1. Calls upon")?"""
    return bool(context.mapping.verb_pattern.match(text[start:].lstrip()))


def _written_out_of_order(line: LineView, zone: Zone, context: Context, end: int) -> bool:
    """A number the text repeats or takes back ("34." / "33." / "34.", A/RES/76/216): where each
    paragraph has its line, the line before closed and an operative verb follows the number,
    nothing else can the line be; the number is kept as written, and reported."""
    return (
        zone is Zone.OPERATIVE
        and context.regime is Regime.LINES
        and line.closed
        and _verb_after(line.text, end, context)
    )


def _out_of_order(expected: int, number: int, line: LineView) -> Diagnostic:
    return Diagnostic(
        "S307",
        Severity.WARNING,
        f"operative paragraph {number} where {expected} comes next: kept as written, and the "
        f"numbering goes on from {number} (check the numbers of the text)",
        line=line.line.number,
    )


def _numbering_gap(expected: int, number: int, line: LineView) -> Diagnostic:
    """A paragraph number lost (a label the extraction dropped, a number typed twice): the
    numbering goes on from the number found, and says what it skipped."""
    missing = str(expected) if number == expected + 1 else f"{expected}-{number - 1}"
    return Diagnostic(
        "S306",
        Severity.WARNING,
        f"operative paragraph {number} follows {expected - 1}: no paragraph {missing} "
        "was found (its number may be lost in the text before)",
        line=line.line.number,
    )
