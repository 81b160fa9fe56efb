"""Dashes that bind to the next line: moved there, so the two are read without a space.

The text path joins two lines with a space; where a line ends in an opening dash
("dimensiones —" / "económica") or the dash of a range of numbers ("2021–" / "2025"), the
page set none. A pass over the finished line table, separate from writing it: it reads the
whole document's dashes (spaced or not) before it moves one.
"""

from __future__ import annotations

import itertools
import re

from akn.converter.pdf.line_table import PdfLine
from akn.converter.source import Line

# A line that ends in a dash which binds to what follows: an opening dash ("dimensiones —"
# / "económica"), or the dash of a range of numbers ("2021–" / "2025"). The text path joins
# two lines with a space; the page set none there. (A line never ends inside a word with a
# slash: Word breaks "آب/أغسطس" or "and/or" nowhere, and "أيلول/" at a line's end is the
# UN's "أيلول/ سبتمبر".)
_BINDING_DASH = re.compile(r"(?:(?<=\s)[—–]|(?<=\s)\(?\d+[–—])$")
_OPENING_DASH = re.compile(r"\s[—–]\w|\w[—–](?=\s)")  # "—económica", or its "ambiental—"
_SPACED_DASH = re.compile(r"\s[—–]\s")


def glue_dashes(lines: list[Line]) -> None:
    """Move a binding dash (with its number) from the end of a line to the start of the
    next line of the same paragraph, so that the two are read without a space between. A
    lone dash binds only where the document's dashes open a phrase unspaced ("dimensiones
    —económica", Spanish), not where they stand between spaces ("трех — экономическом")."""
    texts = [line.text for line in lines if isinstance(line, PdfLine)]
    unspaced = sum(len(_OPENING_DASH.findall(text)) for text in texts)
    spaced = sum(len(_SPACED_DASH.findall(text)) for text in texts)
    for line, after in itertools.pairwise(lines):
        if not (isinstance(line, PdfLine) and isinstance(after, PdfLine)):
            continue
        match = _BINDING_DASH.search(line.text)
        if match is None or not after.text[:1].strip():
            continue
        word = match.group()
        if len(word) == 1 and spaced >= unspaced:
            continue
        if word[-1] in "–—" and len(word) > 1 and not after.text[0].isdigit():
            continue  # "2021– / 2025": a range of numbers only
        cut = match.start()
        moved = tuple(  # the moved word's italics go with it ("18–" / "22 марта")
            (max(s, cut) - cut, e - cut) for s, e in line.italics if e > cut
        )
        line.text = line.text[:cut].rstrip()
        after.text = word + after.text
        line.italics = tuple(
            (s, min(e, len(line.text))) for s, e in line.italics if s < len(line.text)
        )
        shifted = tuple((s + len(word), e + len(word)) for s, e in after.italics)
        if moved and shifted and moved[-1][1] == len(word) and shifted[0][0] == len(word):
            moved, shifted = moved[:-1], ((moved[-1][0], shifted[0][1]), *shifted[1:])
        after.italics = moved + shifted
