"""continuation.* — lines that go on with the block before, whatever they look like.

- continuation.label_text: the text of a number that stood alone on its line ("1." / "Decides
  …"; a section number "II" / its title);
- continuation.heading: a long heading wrapped onto a second line (the line before stopped at
  the wrap width without closing, and this one starts no number);
- continuation.date: the date under the meeting line of the conclusions;
- continuation.annex_title: the title under "Annex".
These come first in the chain: each would otherwise look like the start of a block.
"""

from __future__ import annotations

from akn.converter.blocks import Block, Kind
from akn.converter.recognise.state import Context, LineView, Match, ReaderState


def label_text(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """The text of a number that stood alone on the line before goes with that number."""
    current = state.current
    if current is None or len(current.lines) != 1:
        return None
    if line.prev_is_label or _bare_heading(current):
        return Match("continuation.label_text", None)
    return None


def _bare_heading(block: Block) -> bool:
    """A section number alone on its line ("I", "II."): its title is on the next line."""
    return block.kind is Kind.HEADING and block.strip >= len(block.lines[0].text.strip())


def wrapped_heading(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """A long heading wrapped onto a second line goes on (the line before stopped at the wrap
    width without closing)."""
    current = state.current
    if (
        current is not None
        and current.kind is Kind.HEADING
        and len(current.lines) == 1
        and context.layout.width
        and not context.closed(line.prev_text)
        and not context.break_not_forced(line.prev_text, line.text)
        and not context.numbered(line.text)
        and not context.section.fullmatch(line.text)
    ):
        return Match("continuation.heading", None)
    return None


def conclusion_date(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """The date under the meeting line goes with the meeting."""
    current = state.current
    if (
        current is not None
        and len(current.lines) == 1
        and current.kind is Kind.CONCLUSION
        and context.date.fullmatch(line.text)
    ):
        return Match("continuation.date", None)
    return None


def annex_title(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """The title under an annex heading goes with the heading."""
    current = state.current
    if (
        current is not None
        and len(current.lines) == 1
        and current.kind is Kind.ANNEX
        and not context.numbered(line.text)
    ):
        return Match("continuation.annex_title", None)
    return None
