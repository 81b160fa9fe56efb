"""decoration.line — a line of ornaments between recitals ("* * *").

The UN sets a row of asterisks between groups of recitals (A/RES/78/149) and writes it as
``<p><decoration>* * *</decoration></p>`` in the preamble: no recital, no words. A line
with no letter or digit, three characters or more, alone between closed lines of the
preamble is one; elsewhere such a line stays what the layout makes it.
"""

from __future__ import annotations

from akn.converter.blocks import Kind
from akn.converter.recognise.state import Context, LineView, Match, ReaderState, Zone

# The fewest characters a row of ornaments has ("***", "* * *").
ORNAMENT_LENGTH = 3


def decoration(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """A row of ornaments alone on its line in the preamble."""
    text = line.text
    if state.zone is not Zone.PREAMBLE or len(text) < ORNAMENT_LENGTH or not line.closed:
        return None
    if text.strip("*·•◆◇~⁂ ") or line.quoting:  # (ornaments only: no letter, no digit)
        return None
    return Match("decoration.line", Kind.DECORATION)
