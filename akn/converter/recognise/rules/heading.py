"""heading.unnumbered — a short title line between paragraphs, followed by the numbered
paragraph expected next.

The number after it is the evidence: a title is not closed like a sentence, does not start
in lower case and has at most 40 words ("Pillar III: measures to build States' capacity to
prevent and combat terrorism …" has 27).
"""

from __future__ import annotations

from akn.converter.blocks import Kind
from akn.converter.recognise.state import Context, LineView, Match, ReaderState, Zone

HEADING_WORDS = 40


def unnumbered_heading(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """A short unclosed line before the paragraph number expected next is a heading."""
    text, following = line.text, line.following
    if state.zone is Zone.CONCLUSIONS or not line.closed or following is None:
        return None
    if context.closed(text) or len(text.split()) > HEADING_WORDS or text[:1].islower():
        return None
    match = context.operative.match(following.text.strip())
    if not match or int(match.group("num")) != state.progress.next_paragraph:
        return None
    return Match("heading.unnumbered", Kind.HEADING)
