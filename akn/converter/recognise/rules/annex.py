"""annex — an annex heading ("Annex", "Annex II"), where the annex's own numbering starts.

A line that matches but is followed by a lower-case line is a sentence that happens to start
with the word ("Annex to the present resolution …" wrapped): not a heading.
"""

from __future__ import annotations

from akn.converter.blocks import Kind
from akn.converter.recognise.rules.section import may_open_structure
from akn.converter.recognise.state import Context, LineView, Match, Progress, ReaderState, Zone


def annex(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """An annex heading opens an annex, where the numbering starts again."""
    if not may_open_structure(line, context):
        return None
    match = context.annex.fullmatch(line.text)
    if not match:
        return None
    following = line.following
    if following is not None and following.text.strip()[:1].islower():
        return None
    return Match(
        "annex",
        Kind.ANNEX,
        Progress(Zone.ANNEX, section_preamble=state.progress.section_preamble),
        num=match.groupdict().get("num"),
    )
