"""decision.opening — the first line of a decision opens its one paragraph.

A decision has no preamble and numbers nothing: whatever its first line says, it opens the
operative text (its meeting and date are read from that paragraph later).
"""

from __future__ import annotations

from akn.converter.blocks import Kind
from akn.converter.recognise.state import Context, LineView, Match, ReaderState


def decision_opening(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """The first line of a decision opens its one paragraph (a decision has no preamble)."""
    if not state.decision or state.current is not None:
        return None
    return Match("decision.opening", Kind.PARAGRAPH, opens_decision=True, in_decision=True)
