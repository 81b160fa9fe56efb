"""heading.unnumbered — a short title line between paragraphs, followed by the numbered
paragraph expected next.

The number after it is the evidence: a title is not closed like a sentence, does not start
in lower case and has at most 40 words ("Pillar III: measures to build States' capacity to
prevent and combat terrorism …" has 27). A heading may stand over a subheading, or wrap onto a
second line: the number after both is the evidence then.
"""

from __future__ import annotations

from akn.converter.blocks import Kind
from akn.converter.recognise.state import Context, LineView, Match, ReaderState, Zone
from akn.converter.source import Line

HEADING_WORDS = 40


def unnumbered_heading(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """A short unclosed line before the paragraph number expected next is a heading."""
    text, following = line.text, line.following
    current = state.current
    under = current is not None and current.kind is Kind.HEADING  # a heading's subheading
    if state.zone is Zone.CONCLUSIONS or not (line.closed or under) or following is None:
        return None
    if not title_like(text, context):
        return None
    if _expected(following, state, context):
        return Match("heading.unnumbered", Kind.HEADING)
    # "AMISOM" / "Priorities and tasks" / "9. …": a heading and its subheading, one a line,
    # or a heading wrapped onto a second line (which continuation.heading then joins)
    if (
        line.then is not None
        and title_like(following.text.strip(), context, wrapped=True)
        and _expected(line.then, state, context)
    ):
        return Match("heading.unnumbered", Kind.HEADING)
    return None


def title_like(text: str, context: Context, wrapped: bool = False) -> bool:
    """Not closed like a sentence, at most ``HEADING_WORDS`` words, no lower-case start
    (unless ``wrapped``: the second line of a title may go on in lower case)."""
    return not (
        context.closed(text)
        or len(text.split()) > HEADING_WORDS
        or (text[:1].islower() and not wrapped)
    )


def _expected(following: Line, state: ReaderState, context: Context) -> bool:
    """Does ``following`` open the paragraph numbered next?"""
    match = context.operative.match(following.text.strip())
    return match is not None and int(match.group("num")) == state.progress.next_paragraph
