"""Where a page's footnote block starts and ends, when the page gives no plain sign.

A rule opens a footnote block and furniture or a page break closes it; but an extraction may
lose the rule, write a page's last note after the break, or give no break at all. These are the
judgements the page reader (``pages.py``) asks for then, read from the words of the lines: the
numbering of the notes, the calls in the text, how a sentence stops. They are kept apart from
the page reader's pass, which only follows the layout and keeps the state.
"""

from __future__ import annotations

import re

from akn.converter.dates import find_date
from akn.converter.footnotes import (
    NOTE_GAP,
    Note,
    ends_note_sentence,
    leading_number,
    marker_only,
    note_line,
    numbering_goes_on,
)
from akn.converter.furniture import LineKind
from akn.converter.quotes import open_quote
from akn.converter.source import Line
from akn.mapping import Mapping

# A footnote block being read: each line with its kind, blank lines included.
Block = list[tuple[LineKind, Line]]


def body_state(text: str, mapping: Mapping) -> str:
    """How a body line stops: "open" (mid-sentence, or a paragraph number still waiting for
    its text), "comma" (a comma: maybe mid-sentence), "closed" (a paragraph or item ended)."""
    text = text.strip()
    typography = mapping.typography
    for pattern in (mapping.numbering.operative, mapping.numbering.point):
        if pattern.fullmatch(text):
            return "open"
    bare = text.rstrip(typography.closing_marks)
    if bare.endswith(tuple(typography.clause_ends + typography.full_stops)):
        return "closed"
    if bare.endswith(tuple(typography.commas)):
        return "comma"
    return "open"


def block_waits_for_text(block: Block, mapping: Mapping) -> bool:
    """Does the block hold more note markers than note text (its last notes' text still to
    come, after the page break)?"""
    numbers = sum(1 for kind, line in block if marker_only(line, mapping))
    texts = sum(
        1 for kind, line in block if kind is not LineKind.BLANK and not marker_only(line, mapping)
    )
    return numbers > texts


def resumes_body(
    lines: list[Line],
    index: int,
    block: Block,
    notes: list[Note],
    width: int,
    body_open: str,
    mapping: Mapping,
) -> bool:
    """In a footnote block with nothing after it, has the body text started again at
    ``lines[index]``?

    Only used where the page gives no better sign (no furniture, no link list). Notes end
    their sentences; so after a note line that ends one, a line that is not the next
    note's marker is the body again (going on mid-sentence from the page before, or
    opening a paragraph). Abbreviations ("vol.", "No.") do not end a sentence, and nor
    does a sentence inside a quotation still open. ``width`` is the longest body line so
    far; ``body_open`` is how the body stopped before the block (``body_state``).
    """
    if not block:
        return False
    line = lines[index]
    previous = next((ln for kind, ln in reversed(block) if kind is not LineKind.BLANK), None)
    if previous is None or marker_only(previous, mapping):
        return False
    text = line.text.strip()
    superscripts = mapping.words.superscripts
    if text in superscripts or previous.text.strip() in superscripts:
        return False  # "n" / "o" / " 22341.": a superscript cut the note's line
    # A note line ends its note when it ends a sentence, or stops far short of the width
    # the page's lines are wrapped at.
    short = len(previous.text.strip()) < 0.35 * width
    if not (ends_note_sentence(previous.text, mapping) or short):
        return False
    quoted = " ".join(ln.text for kind, ln in block if kind is not LineKind.BLANK)
    if open_quote(quoted, mapping.typography.quotes):
        return False  # a note quoting a text goes on until its quotation closes
    if marker_only(line, mapping):
        return False
    inline = re.match(rf"({mapping.notes.marker.pattern})\s+\S", text)
    if inline and (
        inline.group(1) == next_marker(block, notes, mapping)
        or _numbering_goes_on(lines, index, inline, block, notes, mapping)
    ):
        return False
    if body_open != "closed":
        return True  # the sentence interrupted by the page break goes on
    return mapping.continues(text) or mapping.opens_paragraph(text)


def notes_start_without_rule(
    line: Line, body: list[Line], notes: list[Note], page: int, mapping: Mapping
) -> bool:
    """Page-bottom notes whose rule the extraction lost (or a cleaner left between two
    paragraphs): a line that opens with the number of the next note ("1 A/75/73."), its
    text not going on in lower case, after a line that ends a sentence or a clause, on a
    page whose text calls that note ("Secretary-General1"). The order of the notes and
    the marker in the text are the evidence; a wrapped line that starts with a number
    ("2 million dollars") has neither. ``body`` is the body text read so far, ``notes`` the
    notes, ``page`` the page ``line`` is on."""
    text = line.text.strip()
    opening, closing = mapping.notes.brackets
    if not (text[:1].isdigit() or (opening and text.startswith(opening))):
        return False  # most lines: no number in front
    inline = note_line(mapping).fullmatch(text)
    if inline is None:
        return False
    number = inline["marker"].removeprefix(opening).removesuffix(closing)
    expected = (notes[-1].number or 0) + 1 if notes else 1
    # The document's first note may start a little later (a translation leaves out the
    # original's note on the title: its notes run 2, 3 …; an earlier page's notes may have
    # been missed), as parse_footnotes reads it.
    latest = expected if notes else expected + NOTE_GAP
    if not number.isdigit() or not expected <= int(number) <= latest:
        return False
    if int(number) > expected + 1 and _numbering_goes_on_to(body, int(number), mapping):
        return False  # "3. Promote …" / "4 Apply …": a paragraph that lost its full stop
    if inline["text"][0].islower():
        return False
    page_lines = []
    for previous in reversed(body):
        if previous.page != page and previous.text.strip():
            break
        if previous.text.strip():
            page_lines.append(previous.text)
    if not page_lines:
        return False
    if _ends_open(page_lines, expected, text, mapping):
        return False
    # the call glued to a word or a sign ("Secretary-General1", "(2015-2030)3"), or to a
    # year ("de 20201,": French and Spanish put the call before the comma)
    call = re.escape(opening + number + closing)
    called = rf"(?:(?<![\s\d])|(?<![\d])(?:1[6-9]|20)\d\d){call}(?!\d)"
    return any(re.search(called, text) for text in page_lines)


def _ends_open(page_lines: list[str], expected: int, candidate: str, mapping: Mapping) -> bool:
    """Does the page's last body line (``page_lines[0]``; the lines go backwards) stop
    mid-sentence before the ``candidate`` note line? The conclusions close the text: the
    date under the meeting line does, and so does the meeting line where the candidate
    is not its date ("2 December 2020" under "35th plenary meeting" is no note)."""
    meeting = mapping.conclusions.meeting
    if len(page_lines) > 1 and meeting.fullmatch(page_lines[1].strip()):
        return False
    if meeting.fullmatch(page_lines[0].strip()):
        date = find_date(candidate, mapping)
        return date is not None and date[0] == 0
    return body_state(_without_call(page_lines[0], expected, mapping), mapping) == "open"


def _without_call(text: str, expected: int, mapping: Mapping) -> str:
    """``text`` without the call of a note not read yet at its end ("Secretary-General,5"
    ends a clause, as "Secretary-General," does); a number after a space ("in 2015") or
    below the next note's is text."""
    opening, closing = mapping.notes.brackets
    call = re.search(rf"(?<=[^\s\d]){re.escape(opening)}(\d+){re.escape(closing)}\s*$", text)
    if call and int(call.group(1)) >= expected:
        return text[: call.start()]
    return text


def _numbering_goes_on_to(body: list[Line], number: int, mapping: Mapping) -> bool:
    """Does the last line of the body open the paragraph numbered just before ``number``?"""
    last = next((ln.text.strip() for ln in reversed(body) if ln.text.strip()), "")
    found = mapping.numbering.operative.match(last)
    return found is not None and found["num"].isdigit() and int(found["num"]) == number - 1


def _numbering_goes_on(
    lines: list[Line],
    index: int,
    inline: re.Match[str],
    block: Block,
    notes: list[Note],
    mapping: Mapping,
) -> bool:
    """A note line whose number skips a few, where the next numbered line goes on from it
    (as parse_footnotes reads it)."""
    inline_rx = note_line(mapping)
    opening, closing = mapping.notes.brackets
    expected = int(
        next_marker(block, notes, mapping).removeprefix(opening).removesuffix(closing) or 0
    )
    ahead = (ln.text.strip() for ln in lines[index + 1 : index + 40] if ln.text.strip())
    leading = [leading_number(inline.string, inline_rx)]
    leading += [leading_number(next(ahead, ""), inline_rx)]
    return numbering_goes_on(leading, 0, expected)


def next_note_starts(line: Line, block: Block, notes: list[Note], mapping: Mapping) -> bool:
    """Does ``line`` open the next note of this block (its marker alone, or the marker
    before its text)?"""
    text = line.text.strip()
    marker = mapping.notes.marker.match(text)
    if marker is None:
        return False
    alone = marker.end() == len(text)
    return (alone or text[marker.end() : marker.end() + 1].isspace()) and marker.group(
        0
    ) == next_marker(block, notes, mapping)


def next_marker(block: Block, notes: list[Note], mapping: Mapping) -> str:
    """The marker the next note of ``block`` would have, after the ``notes`` read before it,
    read as parse_footnotes would."""
    last = notes[-1].number or 0 if notes else 0
    opening, closing = mapping.notes.brackets
    marker_rx = mapping.notes.marker
    for _, line in block:
        text = line.text.strip()
        match = marker_rx.match(text)
        if not match:
            continue
        number = match.group(0).removeprefix(opening).removesuffix(closing)
        if not number.isdigit():
            continue
        alone = match.end() == len(text)
        inline = text[match.end() : match.end() + 1].isspace()
        # the document's first note may have any number; a later one may skip a few, as
        # parse_footnotes reads them
        follows = last < int(number) <= last + 1 + NOTE_GAP
        if alone or (inline and (follows or not (notes or last))):
            last = int(number)
    return f"{opening}{last + 1}{closing}"
