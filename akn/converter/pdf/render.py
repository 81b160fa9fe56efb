"""A visual line written as text, the way the text path expects to read it.

Superscripts become what the later stages read for certain: a note marker's digits are
written as superscript digits ("1967¹", which the note placer takes as a marker with no
guessing), a bracketed Arabic marker as printed ("(1)"), an asterisk as itself, and any
other superscript ("o" of "nº", "er" of "1er") between ``SUP_OPEN`` and ``SUP_CLOSE`` so that
the XML says ``<sup>``. The space PDFium infers before a marker is dropped (the marker is
glued to its word), as are spaces between two Chinese characters. Italic runs are kept as
spans of the written text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from akn.converter.pdf.glyphs import Glyph
from akn.converter.pdf.lines import TextLine
from akn.converter.source import SUP_CLOSE, SUP_OPEN

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_MARKER = re.compile(r"\d{1,3}|\*{1,3}|\(\d{1,3}\)|\(\*{1,3}\)")


@dataclass(slots=True)
class Written:
    """A line's text, its italic spans (offsets in ``text``) and its opening note marker."""

    text: str
    italics: tuple[tuple[int, int], ...]
    marker: str | None  # a note line's marker (superscript at the start), written plain
    bold: bool
    bold_run: bool = False  # some of its words bold, not all


def is_cjk(char: str) -> bool:
    return (
        "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\uff00" <= char <= "\uffef"
    )


def write_line(line: TextLine, note_area: bool = False) -> Written:
    """The text of ``line``; in a footnote area, a leading superscript is the note's marker
    and is written plain before the note's text ("1 See A/AC.105/1137.")."""
    groups = _groups(line.glyphs)
    marker = None
    if note_area and groups and groups[0][0]:
        head = "".join(g.char for g in groups[0][1]).strip()
        if len(set(head.split())) == 1:  # the marker drawn twice over ("1 1"): once
            head = head.split()[0]
        if _MARKER.fullmatch(head):
            marker = head
            groups = groups[1:]
    following = _next_letters(line.glyphs) if any(sup for sup, _ in groups) else {}
    pieces: list[str] = []
    italic_at: list[bool] = []  # per character written
    for sup, glyphs in groups:
        if sup:
            content = "".join(g.char for g in glyphs).strip()
            if not content:
                continue
            written = _superscript(content)
            if _MARKER.fullmatch(content):
                while pieces and pieces[-1] == " ":  # the marker is glued to what precedes
                    pieces.pop()
                    italic_at.pop()
            pieces.extend(written)
            italic_at.extend([False] * len(written))
            if _space_after(glyphs[-1], following.get(glyphs[-1]), line):
                pieces.append(" ")  # PDFium infers no space after a superscript
                italic_at.append(False)
            continue
        for glyph in glyphs:
            char = glyph.char
            if char.isspace():
                if not pieces or pieces[-1] == " ":
                    continue
                char = " "
            elif len(pieces) > 1 and pieces[-1] == " " and is_cjk(char) and is_cjk(pieces[-2]):
                pieces.pop()  # Chinese is written without spaces: PDFium inferred this one
                italic_at.pop()
            pieces.append(char)
            italic_at.append(glyph.font.italic)
    while pieces and pieces[-1] == " ":
        pieces.pop()
        italic_at.pop()
    text = "".join(pieces)
    if marker is not None:
        prefix = marker + " "
        text = prefix + text
        italic_at = [False] * len(prefix) + italic_at
    return Written(text, _spans(text, italic_at), marker, line.bold, line.bold_run)


_CLOSING_PUNCTUATION = set("،؛.,:;)]")


def _space_after(last: Glyph, after: Glyph | None, line: TextLine) -> bool:
    """Does the page set a space between a superscript's last glyph and the letter read
    after it? Left to right, the letter starts well after the superscript's origin (its
    advance is about 0.7 of its size); right to left, the letter's right end (where its
    text object ends: the letter after a superscript opens one) stands off the
    superscript's left end."""
    if after is None:
        return False
    if line.rtl:  # (never before the punctuation that closes a phrase: "الإنسان(5)،")
        return (
            after.char not in _CLOSING_PUNCTUATION
            and after.right > after.x
            and last.x - after.right > 0.12 * line.size
        )
    return after.x - last.x > 0.7 * last.size + 0.12 * line.size


def _next_letters(glyphs: list[Glyph]) -> dict[Glyph, Glyph]:
    """For each glyph, the next glyph of the line that is not a space."""
    found: dict[Glyph, Glyph] = {}
    for glyph, after in itertools.pairwise(glyphs):
        if after.char.strip():
            found[glyph] = after
    return found


def _groups(glyphs: list[Glyph]) -> list[tuple[bool, list[Glyph]]]:
    """Consecutive glyphs split into superscript and normal groups (a space between two
    superscript glyphs stays in their group)."""
    groups: list[tuple[bool, list[Glyph]]] = []
    for glyph in glyphs:
        sup = glyph.sup and bool(glyph.char.strip())
        if glyph.char == " " and groups and groups[-1][0]:
            groups[-1][1].append(glyph)
            continue
        if groups and groups[-1][0] == sup:
            groups[-1][1].append(glyph)
        else:
            groups.append((sup, [glyph]))
    # a space at the end of a superscript group belongs after it
    fixed: list[tuple[bool, list[Glyph]]] = []
    for sup, members in groups:
        trailing = []
        while sup and members and members[-1].char == " ":
            trailing.append(members.pop())
        fixed.append((sup, members))
        if trailing:
            fixed.append((False, trailing))
    return fixed


def _superscript(content: str) -> str:
    if content.isdigit() and content.isascii():
        return content.translate(SUPERSCRIPT_DIGITS)
    if _MARKER.fullmatch(content):
        return content  # "*", "(1)": the note placer reads them as written
    return SUP_OPEN + content + SUP_CLOSE


def _spans(text: str, italic_at: list[bool]) -> tuple[tuple[int, int], ...]:
    """Italic runs as (start, end) offsets; a space between two italic words is italic, a
    space at either end of a run is not."""
    spans: list[tuple[int, int]] = []
    start = None
    for at, italic in enumerate(italic_at):
        if italic and start is None:
            start = at
        elif (
            not italic
            and start is not None
            and not (text[at] == " " and _italic_after(italic_at, at))
        ):
            spans.append((start, at))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return tuple((s, e - (len(text[s:e]) - len(text[s:e].rstrip()))) for s, e in spans)


def _italic_after(italic_at: list[bool], at: int) -> bool:
    return at + 1 < len(italic_at) and italic_at[at + 1]
