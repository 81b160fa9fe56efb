"""conclusions.meeting — the meeting line that closes a resolution ("73rd plenary meeting").

It opens the conclusions: what follows (its date, signatures) belongs to them.
"""

from __future__ import annotations

from dataclasses import replace

from akn.converter.blocks import Kind
from akn.converter.recognise.rules.section import may_open_structure
from akn.converter.recognise.state import Context, LineView, Match, ReaderState, Zone


def meeting(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """The meeting line opens the conclusions."""
    if not may_open_structure(line, context) or not context.meeting.fullmatch(line.text):
        return None
    return Match(
        "conclusions.meeting",
        Kind.CONCLUSION,
        replace(state.progress, zone=Zone.CONCLUSIONS, points=()),
    )
