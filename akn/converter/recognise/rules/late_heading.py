"""heading.wrapped — a title wrapped onto three lines or more, known by the number after it.

The chain's heading rule (heading.unnumbered) looks two lines ahead: a title on one line, or
wrapped onto a second, before the paragraph number expected next. A longer title ("Pillar
III: measures to build States' capacity to prevent and combat terrorism and to strengthen
the role of the United Nations system in that regard", wrapped three times in a PDF's
column) is read line by line as an unnumbered paragraph. What makes it a heading is the
whole run, so this is a pass after reading: an unnumbered paragraph of two lines or more
that the layout opened after a closed block, whose text reads as a title (the chain's own
test, ``heading.title_like``: not closed like a sentence, at most 40 words, no lower-case
start), and after which comes the paragraph numbered next after the one before it.
"""

from __future__ import annotations

from akn.converter.blocks import Block, Kind
from akn.converter.recognise.rules.heading import title_like
from akn.converter.recognise.state import Context

RULE_ID = "heading.wrapped"
_OPENED_BY_LAYOUT = frozenset({"paragraph.unnumbered"})


def late_headings(blocks: list[Block], context: Context) -> list[int]:
    """The positions in ``blocks`` of the unnumbered paragraphs that are wrapped titles."""
    found = []
    last_number: int | None = None
    for position, block in enumerate(blocks):
        number = _number(block, context)
        if number is not None:
            last_number = number
            continue
        if (
            block.kind is Kind.PARAGRAPH
            and block.rule in _OPENED_BY_LAYOUT
            and len(block.lines) >= 2
            and last_number is not None
            and position + 1 < len(blocks)
            and _number(blocks[position + 1], context) == last_number + 1
            and title_like(" ".join(line.text.strip() for line in block.lines), context)
        ):
            found.append(position)
    return found


def _number(block: Block, context: Context) -> int | None:
    """The operative number of a numbered paragraph, or None."""
    if block.kind is not Kind.PARAGRAPH or block.num is None:
        return None
    match = context.operative.match(block.num.strip())
    return int(match.group("num")) if match else None
