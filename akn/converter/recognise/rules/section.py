"""numbering.section, numbering.subsection — a section heading ("II. Funding") or a
sub-section heading ("A. Mandate").

A section label opens a heading where the section numbering goes on (I, II, III… or its
number words) and the line is not a sentence of a list ("…;" / "…,"); recitals may follow it
(a section's own preamble). A sub-section label does outside the preamble, on a line that
does not end like a sentence. Both need the line before to have closed (or a layout break).
"""

from __future__ import annotations

from dataclasses import replace

from akn.converter.blocks import Kind
from akn.converter.recognise.numerals import section_number
from akn.converter.recognise.state import Context, LineView, Match, ReaderState, Zone


def may_open_structure(line: LineView, context: Context) -> bool:
    """Headings, the meeting and annexes open after a closed line, a layout break or a
    number alone on the line before."""
    return line.closed or line.separated or line.prev_is_label


def section(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """A section label that goes on (I, II…), or a sub-section label, opens a heading."""
    if not may_open_structure(line, context):
        return None
    text, progress = line.text, state.progress
    match = context.section.fullmatch(text)
    if not match:
        return _subsection(state, line, context)
    if section_number(match.group("num"), context.mapping) != progress.next_section:
        return None
    heading = match.groupdict().get("heading")
    if heading and heading.rstrip().endswith((";", ",")):
        return None
    zone = Zone.OPERATIVE if progress.zone is Zone.PREAMBLE else progress.zone
    strip = match.start("heading") if heading else len(text)
    return Match(
        "numbering.section",
        Kind.HEADING,
        replace(
            progress,
            zone=zone,
            next_section=progress.next_section + 1,
            points=(),
            section_preamble=True,
        ),
        num=text[:strip].strip(),  # as written: "I", "II."
        strip=strip,
    )


def _subsection(state: ReaderState, line: LineView, context: Context) -> Match | None:
    text = line.text
    sub = context.subsection.fullmatch(text)
    if not sub or state.zone is Zone.PREAMBLE or context.closed(text):
        return None
    return Match(
        "numbering.subsection",
        Kind.HEADING,
        replace(state.progress, points=()),
        num=text[: sub.start("heading")].strip(),
        strip=sub.start("heading"),
    )
