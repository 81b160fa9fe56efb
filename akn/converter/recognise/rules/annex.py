"""annex — an annex heading ("Annex", "Annex II"), where the annex's own numbering starts.

A line that matches but is followed by a lower-case line is a sentence that happens to start
with the word ("Annex to the present resolution …" wrapped): not a heading. Nor is one whose
number does not go on with the annexes before it: that is an annex of the annexed text.
"""

from __future__ import annotations

from akn.converter.blocks import Kind
from akn.converter.recognise.numerals import section_number
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
    num = match.groupdict().get("num")
    if state.zone is Zone.ANNEX and not _continues(state, num, context):
        return None
    return Match(
        "annex",
        Kind.ANNEX,
        Progress(Zone.ANNEX, section_preamble=state.progress.section_preamble),
        num=num,
    )


def _continues(state: ReaderState, num: str | None, context: Context) -> bool:
    """Does an annex numbered ``num`` go on with the resolution's annexes so far? They are
    one unnumbered "Annex" or numbered I, II…: inside an unnumbered annex, "Annex I" heads
    the annexed instrument's own annex (a convention's "Annex I", "Annex II"), and so does a
    number that does not go up."""
    last = next((block for block in reversed(state.blocks) if block.kind is Kind.ANNEX), None)
    if last is None:
        return True
    if last.num is None:
        return num is None
    if num is None:
        return True
    value, before = (section_number(n, context.mapping) for n in (num, last.num))
    return value is None or before is None or value > before
