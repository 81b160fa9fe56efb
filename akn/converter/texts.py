"""The clean-text stage: every block's wrapped lines become one clean text (split words
rejoined, the language's typography applied), and so does every footnote's.

The words split by PDF extraction are rejoined from a lexicon made of the document's own
vocabulary and, when the ``convert`` extra is installed, wordfreq's word lists.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from akn.converter.blocks import Block
from akn.converter.emphasis import carry_italics, originals_of, runs_of, shows_italics
from akn.converter.footnotes import Note
from akn.converter.lexicon import make_lexicon
from akn.converter.normalise import clean_lines, fill_block_texts
from akn.converter.recognise.layout import Regime
from akn.converter.source import Line
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping

NO_WORD_LISTS = Diagnostic(
    "L202",
    Severity.WARNING,
    "wordfreq is not installed: words split by PDF extraction are rejoined from the "
    "document's own vocabulary only; install akn[convert] (pip install 'akn[convert]')",
)


@functools.cache
def word_lists_installed() -> bool:
    """wordfreq is the optional ``convert`` extra (57 MB): a validate-only install lacks it."""
    import importlib.util

    return importlib.util.find_spec("wordfreq") is not None


def clean_texts(
    blocks: list[Block],
    title: Block | None,
    notes: Sequence[Note],
    lines: list[Line],
    regime: Regime,
    mapping: Mapping,
) -> tuple[list[str], list[Diagnostic]]:
    """Fill in every block's text (the title without its number: that goes to docNumber)
    and return the footnotes' clean texts, with what was repaired or found empty."""
    diagnostics: list[Diagnostic] = []
    lexicon = make_lexicon(
        mapping, [line.text for line in lines], wrapped=regime is not Regime.LINES
    )
    if not word_lists_installed():
        diagnostics.append(NO_WORD_LISTS)
    diagnostics += fill_block_texts(blocks, mapping, lexicon)
    if title is not None:
        _split_title_number(title)
    originals = originals_of(lines) if shows_italics(lines) else None  # None: a text
    if originals is not None:
        carry_italics(blocks, lines)
    note_texts = []
    for note in notes:
        text, starts, used = clean_lines(note.lines, mapping, lexicon, diagnostics)
        note_texts.append(text)
        if originals is not None:
            note.italics = runs_of(text, starts, used, originals)
        if not text:
            diagnostics.append(
                Diagnostic(
                    "N406",
                    Severity.WARNING,
                    f"footnote {note.marker} is empty",
                    line=note.marker_line.number,
                )
            )
    return note_texts, diagnostics


# "80/2. Scale of assessments", "75/101 A-B. …"; Arabic writes no full stop: "79/288 نطاق".
_TITLE_NUMBER = re.compile(
    r"(?P<number>(?:ES-|S-)?\d{1,3}/\d{1,4}(?: [A-Z](?:-[A-Z])?)?(?:\.|(?=\s)))\s*"
)


def _split_title_number(title: Block) -> None:
    """ "80/2. Scale of assessments…": the number goes to ``docNumber``, the rest is the title."""
    match = _TITLE_NUMBER.match(title.text)
    if match:
        title.data["number"] = match.group("number")
        cut = match.end()
        title.text = title.text[cut:]
        title.starts = [max(0, s - cut) for s in title.starts]
