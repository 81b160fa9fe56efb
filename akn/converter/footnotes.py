"""Footnote blocks at the bottom of a page: which lines open a note, and its text.

The page reader (pages.py) finds where a page's footnote area starts and ends; here the lines
of that area become notes — by their markers, the numbers that go on from the page before,
and the sentence ends that close a note's text — continued across pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from akn.converter.source import SUP_CLOSE, SUP_OPEN, Line
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping


@dataclass(slots=True)
class Note:
    """A footnote as found at the bottom of a page: its marker, its lines, its page."""

    marker: str
    lines: list[Line]
    page: int
    marker_line: Line
    italics: tuple[tuple[int, str], ...] | None = None  # a PDF's italic runs of its clean text

    @property
    def number(self) -> int | None:
        return int(self.marker) if self.marker.isdigit() else None


def marker_only(line: Line, mapping: Mapping) -> bool:
    return bool(mapping.notes.marker.fullmatch(line.text.strip()))


def merge_superscripts(lines: list[Line], mapping: Mapping) -> list[Line]:
    """Glue superscript endings that PDF extraction put on their own line to the line before.

    "vol. 1331, n" / "o" / " 22341." is "vol. 1331, nº 22341."; the superscript is kept
    between markers so that the XML can say ``n<sup>o</sup>``.
    """
    superscripts = set(mapping.words.superscripts)
    if not superscripts:
        return lines
    result: list[Line] = []
    for line in lines:
        text = line.text.strip()
        if (
            text in superscripts
            and result
            and result[-1].text[-1:].isalnum()
            and not result[-1].text.endswith(SUP_CLOSE)
        ):
            previous = result[-1]
            result[-1] = Line(
                previous.number,
                previous.text + SUP_OPEN + text + SUP_CLOSE,
                previous.page,
                previous.column,
            )
            continue
        result.append(line)
    return result


def parse_footnotes(
    lines: list[Line], page: int, previous: Note | None, mapping: Mapping
) -> tuple[list[Note], list[Diagnostic]]:
    """Read one footnote block into notes.

    Markers come either before their text on the same line ("1 Resolution 70/1.") or on a line
    of their own; pdftotext may even list a page's markers after its texts. Texts appear in
    reading order, so the block's texts are cut into as many notes as there are lone markers,
    at the most likely places (right after a marker, after a sentence end), and the markers
    are given to them in numeric order. Text before the first note continues the previous one.
    """
    diagnostics: list[Diagnostic] = []
    items = _line_items(merge_superscripts(lines, mapping), previous, mapping, diagnostics)
    lone = [marker for kind, _, marker in items if kind == "N"]
    starts = _choose_starts(items, len(lone), previous)
    ordered = sorted(lone, key=_marker_key)
    notes = _cut_notes(items, starts, ordered, page, previous, mapping, diagnostics)
    for marker in ordered:  # markers that found no text
        line = next(ln for kind, ln, m in items if kind == "N" and m == marker)
        diagnostics.append(
            Diagnostic(
                "N402",
                Severity.WARNING,
                f"footnote {marker} has no text at the bottom of its page; kept empty",
                line=line.number,
            )
        )
        notes.append(Note(marker, [], page, line))
    opening, closing = mapping.notes.brackets
    for note in notes:  # "(1)" at the page bottom is note 1
        note.marker = note.marker.removeprefix(opening).removesuffix(closing) or note.marker
    notes.sort(key=lambda note: _marker_key(note.marker))
    return notes, diagnostics


def _line_items(
    lines: list[Line], previous: Note | None, mapping: Mapping, diagnostics: list[Diagnostic]
) -> list[tuple[str, Line, str]]:
    """Each line of the block as (kind, line, marker): N a marker alone, NT a marker and its
    text, T text. A marker opens a note where the numbering goes on from the note before."""
    marker_rx = mapping.notes.marker
    inline_rx = note_line(mapping)
    expected = (previous.number or 0) + 1 if previous else 1
    opening, closing = mapping.notes.brackets
    items: list[tuple[str, Line, str]] = []
    leading = [leading_number(line.text.strip(), inline_rx) for line in lines]
    for position, line in enumerate(lines):
        text = line.text.strip()
        if marker_rx.fullmatch(text):
            items.append(("N", line, text))
            bare = text.removeprefix(opening).removesuffix(closing)
            if bare.isdigit():  # the numbering goes on after a lone marker too
                expected = max(expected, int(bare) + 1)
            continue
        match = inline_rx.fullmatch(text)
        bare_marker = match["marker"].strip("()") if match else ""
        # The first note of a document may have any number: a translation may leave out the
        # note its original had on the title, and its notes then start at 2.
        first = previous is None and not items and bare_marker.isdigit()
        gap = bool(match) and numbering_goes_on(leading, position, expected)
        if match and (bare_marker.startswith("*") or bare_marker == str(expected) or first or gap):
            if gap:
                diagnostics.append(_note_gap(expected, int(bare_marker), line))
            items.append(("NT", line, match["marker"]))
            if bare_marker.isdigit():
                expected = int(bare_marker) + 1
            continue
        items.append(("T", line, ""))
    return items


def _cut_notes(
    items: list[tuple[str, Line, str]],
    starts: set[int],
    ordered: list[str],
    page: int,
    previous: Note | None,
    mapping: Mapping,
    diagnostics: list[Diagnostic],
) -> list[Note]:
    """The notes the items make: a marker with its text opens one, and so does each chosen
    start, taking the next lone marker from ``ordered``; text before any note continues the
    note of the page before (or, on the first page, is a note marked '?')."""
    inline_rx = note_line(mapping)
    notes: list[Note] = []
    current: Note | None = None
    orphans: list[Line] = []
    for position, (kind, line, marker) in enumerate(items):
        if kind == "N":
            continue
        if kind == "NT":
            match = inline_rx.fullmatch(line.text.strip())
            assert match is not None
            body = Line(
                line.number, match["text"], page, line.column + line.text.find(match["text"])
            )
            current = Note(marker, [body], page, line)
            notes.append(current)
        elif position in starts:
            current = Note(ordered.pop(0), [line], page, line)
            notes.append(current)
        elif current is not None:
            current.lines.append(line)
        else:
            orphans.append(line)
    if orphans and previous is not None:
        previous.lines.extend(orphans)
    elif orphans:
        diagnostics.append(
            Diagnostic(
                "N401",
                Severity.WARNING,
                "footnote text without a marker; kept as a note marked '?'",
                line=orphans[0].number,
            )
        )
        notes.insert(0, Note("?", orphans, page, orphans[0]))
    return notes


def note_line(mapping: Mapping) -> re.Pattern[str]:
    """A footnote's marker and the start of its text on one line ("1 Resolution 70/1.")."""
    return _compiled_note_line(mapping.notes.marker.pattern)


@cache
def _compiled_note_line(marker: str) -> re.Pattern[str]:
    return re.compile(rf"(?P<marker>{marker})\s+(?P<text>\S.*)")


def leading_number(text: str, inline_rx: re.Pattern[str]) -> int | None:
    """The number a note line opens with ("18 A/HRC/13/13."), if it opens with one."""
    match = inline_rx.fullmatch(text)
    marker = match["marker"].strip("()") if match else ""
    return int(marker) if marker.isdigit() else None


# How many note numbers may be missing before a note whose number the next note goes on from.
NOTE_GAP = 3


def numbering_goes_on(leading: list[int | None], position: int, expected: int) -> bool:
    """Does the line at ``position`` open a note though its number skips a few (the UN's
    notes 16 and 17 are missing: "15 See …" / "18 A/HRC/13/13." / "19 …")? Only when the next
    line that opens with a number opens with the number after it: a line of note text that
    starts with a number ("25 September 2015.") has no such sequel."""
    number = leading[position]
    if number is None or not expected < number <= expected + NOTE_GAP:
        return False
    sequel = next((n for n in leading[position + 1 :] if n is not None), None)
    return sequel == number + 1


def _note_gap(expected: int, number: int, line: Line) -> Diagnostic:
    missing = str(expected) if number == expected + 1 else f"{expected}-{number - 1}"
    return Diagnostic(
        "N407",
        Severity.WARNING,
        f"footnote {number} follows footnote {expected - 1}: no footnote {missing} is in the "
        "text (the notes go on from the number found)",
        line=line.number,
    )


def _marker_key(marker: str) -> tuple[int, int]:
    if marker.isdigit():
        return (1, int(marker))
    return (0, len(marker))


def _choose_starts(
    items: list[tuple[str, Line, str]], count: int, previous: Note | None
) -> set[int]:
    """Pick the ``count`` text lines most likely to begin a footnote."""
    if count == 0:
        return set()
    scored: list[tuple[int, int]] = []
    last_text: str | None = None
    if previous is not None and previous.lines:
        last_text = previous.lines[-1].text
    after_marker = False
    for position, (kind, line, _marker) in enumerate(items):
        if kind == "N":
            after_marker = True
            continue
        if kind == "NT":
            after_marker = False
            last_text = line.text
            continue
        text = line.text.strip()
        if after_marker:
            score = 3
        elif last_text is None or _ends_sentence(last_text):
            score = 2 if text[:1].isupper() or text[:1].isdigit() or text[:1] in "“«(\"'" else 1
        else:
            score = 0
        scored.append((score, position))
        after_marker = False
        last_text = line.text
    best = sorted(scored, key=lambda item: (-item[0], item[1]))[:count]
    return {position for _, position in best}


def ends_note_sentence(text: str, mapping: Mapping) -> bool:
    """Does a footnote line end a sentence (a full stop that is not an abbreviation's)?"""
    text = text.rstrip().rstrip(mapping.typography.closing_marks + ")")
    if not text.endswith(tuple(mapping.typography.full_stops)):
        return False
    last = text.rsplit(None, 1)[-1].lstrip("(")
    return last not in mapping.notes.abbreviations


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ".)", ".”", ".»", ";"))
