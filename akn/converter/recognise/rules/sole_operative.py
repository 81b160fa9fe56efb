"""operative.sole — a resolution whose whole operative part is one unnumbered paragraph.

"The General Assembly, / Recalling …, / Decides to include … in its agenda." A resolution of
one operative paragraph leaves it unnumbered, and line by line it looks like one more
recital. The evidence is the whole body's, so this is a pass after reading, not a rule of the
chain: nothing before the conclusions (or the annexes) is numbered or was read as operative,
and the last preambular paragraph ends with a full stop, where a recital ends with a comma.
That paragraph — and, before it, those that end with a clause end (";") and do not open with
an opening phrase of the mapping — is the operative part.
"""

from __future__ import annotations

from akn.converter.blocks import Block, Kind, recital_points
from akn.converter.recognise.state import Context

RULE_ID = "operative.sole"

# What a body read so far holds once it has an operative part (report_missing_body's kinds).
_OPERATIVE = frozenset({Kind.PARAGRAPH, Kind.POINT, Kind.HEADING, Kind.TEXT, Kind.WRAP_UP})
_END = frozenset({Kind.CONCLUSION, Kind.ANNEX})


def sole_operative(blocks: list[Block], context: Context) -> list[int]:
    """The positions in ``blocks`` of the recitals that are the resolution's unnumbered
    operative part (none when the body has one already, or its last recital goes on)."""
    body = []
    listed = recital_points(blocks)
    for position, block in enumerate(blocks):
        if block.kind in _END:
            break
        if position in listed or block.kind is Kind.CELL:
            continue
        if block.kind in _OPERATIVE:
            return []
        body.append(position)
    if not body or blocks[body[-1]].kind is not Kind.RECITAL:
        return []
    typography = context.typography
    last = blocks[body[-1]]
    if (
        _last_mark(last, context) not in typography.full_stops
        or not _first_text(last)[:1].isalpha()
    ):
        return []  # a paragraph opens with its verb, not with a number it was not read with
    found = [body[-1]]
    for position in reversed(body[:-1]):
        block = blocks[position]
        if block.kind is not Kind.RECITAL or _last_mark(block, context) not in (
            typography.clause_ends
        ):
            break
        found.append(position)
    found.reverse()
    # Before the last, an opening phrase says a paragraph is a recital after all (the last
    # ends with a full stop: in a language whose operative verbs are also opening phrases,
    # "表示注意到…。", that is the evidence).
    while len(found) > 1 and context.mapping.phrase_pattern.match(_first_text(blocks[found[0]])):
        found.pop(0)
    return found


def _first_text(block: Block) -> str:
    return block.lines[0].text.strip() if block.lines else ""


def _last_mark(block: Block, context: Context) -> str:
    """The punctuation mark that ends the block's text, closing quotation marks and a note's
    number after it left out ("… resolution.”", "… 2023.1"); "" if none does."""
    if not block.lines or block.rows:
        return ""
    text = block.lines[-1].text.rstrip()
    bare = text.rstrip("0123456789() ").rstrip(context.typography.closing_marks)
    if bare != text.rstrip(context.typography.closing_marks) and not context.closed(text):
        return ""  # digits that are no note marker: "… in 2023"
    return bare[-1:]
