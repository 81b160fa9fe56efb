"""preamble.phrases, preamble.opening — a preambular paragraph (recital).

In the preamble (or a section's own preamble), where a paragraph may open and no quotation is
open: a line that starts with one of the mapping's opening phrases ("Recalling", "Noting
with concern") is a recital; an opening the mapping does not list ("Welcoming" in a language
file that lacks it: a capitalised participle-like word) needs the layout's word for it too (a
blank line, an indent, a line per paragraph), since after a comma a capitalised word may
just go on.
"""

from __future__ import annotations

from akn.converter.blocks import Kind
from akn.converter.recognise.state import Context, LineView, Match, ReaderState


def recital(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """An opening phrase of the mapping (or an unlisted opening the layout confirms) opens a
    recital."""
    if not state.in_preamble or not line.opened or line.quoting:
        return None
    text, mapping = line.text, context.mapping
    if mapping.phrase_pattern.match(text):
        return Match("preamble.phrases", Kind.RECITAL)
    opening = mapping.preamble.opening.match(text)
    if opening and line.separated:
        after = text[opening.end() : opening.end() + 1]
        if after in ("", " ", *mapping.typography.commas) or not mapping.typography.spaced:
            return Match("preamble.opening", Kind.RECITAL)
    return None
