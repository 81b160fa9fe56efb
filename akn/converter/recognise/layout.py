"""What the layout of the whole text says about where paragraphs part: measured once, before
any line is read, from every line of the body (evidence from the document, not one line).

The regime says how the text separates paragraphs; the margins and the wrap width say which
lines are indented and which stop short of the width a paragraph's lines are wrapped at.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from akn.converter.recognise.punctuation import is_closed
from akn.converter.source import Line, has_columns
from akn.mapping import Mapping
from akn.mapping.sections import Typography


class Regime(StrEnum):
    """How the text separates paragraphs."""

    LINES = "lines"  # one paragraph per line (clean text)
    BLANK = "blank"  # wrapped lines, blank lines between paragraphs (PyMuPDF)
    DENSE = "dense"  # wrapped lines, blank lines meaningless or absent (pdftotext, the seed)


_BARE_LABEL = re.compile(r"\(?[0-9a-zA-Z]{1,4}[.)]")

# A line is short when it, a space and the next word fill less than this share of the width:
# proportional fonts make the lines of one paragraph differ by some characters.
SHORT_LINE = 0.8
# How far beyond its page's margin a line must start to be indented (a column of jitter).
_INDENT_STEP = 2


def _bare_number(text: str, mapping: Mapping) -> bool:
    """A number alone on its line ("1.", "(a)", a section's "II"): its text on the next line
    says nothing of how the text wraps (the title under "II" is no sentence going on)."""
    if _BARE_LABEL.fullmatch(text):
        return True
    section = mapping.numbering.section.fullmatch(text)
    return section is not None and not section.group("heading")


def detect_regime(lines: list[Line], mapping: Mapping) -> Regime:
    """One paragraph a line, blank lines between wrapped paragraphs, or neither: counted over
    the whole text (lines that stop mid-sentence and go on in lower case are wrapped)."""
    closing = mapping.typography
    # Whether each line with text closes a sentence (None: no text), asked once for the
    # three counts below.
    closes = [is_closed(line.text, closing) if line.text.strip() else None for line in lines]
    content = [
        (line, closed) for line, closed in zip(lines, closes, strict=True) if closed is not None
    ]
    if not content:
        return Regime.LINES
    terminal = sum(closed for _, closed in content)
    continued = sum(
        1
        for (line, closed), (following, _) in itertools.pairwise(content)
        if not closed
        and mapping.continues(following.text.strip())
        and not following.after_break
        and not _bare_number(line.text.strip(), mapping)
    )
    if terminal >= 0.85 * len(content) or continued <= 0.02 * len(content):
        return Regime.LINES
    blank_after_open = blank_after_closed = open_count = closed_count = 0
    pairs = zip(zip(lines, closes, strict=True), lines[1:], strict=False)  # each line, the next
    for (current, closed), following in pairs:
        if closed is None or following.after_break or _BARE_LABEL.fullmatch(current.text.strip()):
            continue
        blank = not following.text.strip()
        if closed:
            closed_count += 1
            blank_after_closed += blank
        else:
            open_count += 1
            blank_after_open += blank
    if (
        open_count
        and blank_after_open / open_count < 0.3
        and closed_count
        and (blank_after_closed / closed_count > 0.5)
    ):
        return Regime.BLANK
    return Regime.DENSE


@dataclass(frozen=True)
class Layout:
    """The measures of a body, taken once: how paragraphs part, each page's margin, whether
    first lines are indented, the wrap width (0 for one paragraph a line), whether any line
    holds columns."""

    regime: Regime
    margins: dict[int, int] = field(default_factory=dict)
    indented: bool = False
    width: int = 0
    columns: bool = False
    # The lines are a page's own, read by akn's PDF reader: each ends where the page broke it
    # (an unbreakable space, a long word), and the reader wrote a blank line or an indent
    # where a paragraph opens, so a line that stops short says nothing of its paragraph.
    drawn: bool = False
    fit: int = 0
    """The most a line, a space and the next line's first word measure where the word would
    still have fitted on the line (``fitting_width``; 0: not measured, or the text is not
    wrapped at one width in characters)."""

    @classmethod
    def measure(
        cls,
        lines: list[Line],
        regime: Regime,
        column_gap: re.Pattern[str],
        typography: Typography | None = None,
    ) -> Layout:
        content = [line for line in lines if line.text.strip()]
        margins = _margins(content)
        wrapped = regime is not Regime.LINES
        width = _wrap_width(content) if wrapped else 0
        fit = fitting_width(content, typography) if wrapped and typography else 0
        return cls(
            regime=regime,
            margins=margins,
            indented=_uses_indentation(content, margins),
            width=width,
            columns=has_columns(content, column_gap),
            drawn=any(getattr(line, "pdf_page", 0) for line in content),
            # Only where the text is wrapped at one width in characters (typed, or rewrapped
            # by a tool): there no wrapped line falls short of the width most lines reach.
            # Where a proportional font set the lines (any extractor's text of a PDF), the
            # first line after a hanging number or a line of wide letters stops well short
            # of it, wrapped all the same: characters cannot tell, and only SHORT_LINE does.
            fit=fit if fit >= width else 0,
        )

    def beyond_margin(self, line: Line) -> bool:
        """Does the line start beyond its page's margin: any indent where the margin is 0 (one
        space is the seed's indent), a couple of columns more in pdftotext -layout (jitter)."""
        margin = self.margins.get(line.page, 0)
        return indent(line) >= margin + _INDENT_STEP if margin else indent(line) > 0


def indent(line: Line) -> int:
    """How many spaces the line starts with."""
    return len(line.text) - len(line.text.lstrip())


def reach(line: str, following: str, typography: Typography) -> int:
    """How long ``line`` would be with the first word of ``following`` added to it (its
    first character where words are not spaced): what the wrapper weighed when it broke."""
    word = following.split(None, 1)[0] if typography.spaced else following[:1]
    return len(line.strip()) + 1 + len(word)


_HYPHENS = ("-", "\u00ad", "\u2010")


def measurable(text: str) -> bool:
    """Does the length of ``text`` say how much of the width it fills? Not where it ends in a
    hyphen (the word was cut, not carried over), nor where it holds a digit: a note marker
    set small, dropped, or glued to a number by the extractor ("20162," is 2016 and note 2;
    "Belief,5") makes the line shorter than it is wide."""
    return not text.rstrip().endswith(_HYPHENS) and not any(char.isdigit() for char in text)


MIN_WRAPS = 20
"""Lines that certainly wrap needed before their reach is trusted as the text's measure."""


def fitting_width(content: list[Line], typography: Typography) -> int:
    """The longest reach (``reach``) at which the next word would still have fitted: one less
    than the shortest reach of the lines that certainly wrap, those that stop mid-sentence
    (not closed, ``measurable``) before a line that goes on in lower case (any letter where
    the script has no case), on the same page. A wrapper breaks a line only where the next
    word does not fit, so every wrapped line reaches beyond the width, and a line whose
    reach is below all of theirs stopped short of it: its paragraph ended. Measured over the
    whole text, it is as tight as the text's own wrapping: the full width where characters
    are of one size, less where a proportional font makes lines of the same width differ in
    length; never beyond the longest line. 0 below MIN_WRAPS such lines."""
    cased = typography.case_marks_start
    reaches = []
    for line, following in itertools.pairwise(content):
        text, after = line.text.strip(), following.text.strip()
        first = after[:1]
        if (
            following.after_break
            or not first.isalpha()
            or (cased and not first.islower())
            or not measurable(text)
            or _BARE_LABEL.fullmatch(text)
            or is_closed(text, typography)
        ):
            continue
        reaches.append(reach(text, after, typography))
    if len(reaches) < MIN_WRAPS:
        return 0
    # Nor beyond the longest line: a word fits where a line that long was set; in a short
    # text no wrapped line may reach just one past the width.
    longest = max(len(line.text.strip()) for line in content)
    return min(min(reaches) - 1, longest)


def _wrap_width(content: list[Line]) -> int:
    """The length most wrapped lines reach: the 90th percentile of the line lengths."""
    lengths = sorted(len(line.text.strip()) for line in content)
    return lengths[int(0.9 * (len(lengths) - 1))] if len(lengths) >= 6 else 0


def _margins(content: list[Line]) -> dict[int, int]:
    """Each page's margin: 0 usually; in pdftotext -layout the indentation its wrapped lines
    share, which differs between left and right pages (17 and 19 spaces). The smallest
    indentation two lines of the page have (first lines, further in, may be the most)."""
    by_page: dict[int, Counter[int]] = {}
    for line in content:
        by_page.setdefault(line.page, Counter())[indent(line)] += 1
    return {
        page: min((n for n, count in counts.items() if count >= 2), default=min(counts))
        for page, counts in by_page.items()
    }


def _uses_indentation(content: list[Line], margins: dict[int, int]) -> bool:
    """Does the text indent first lines (and only first lines) of paragraphs beyond its
    margin?"""
    if len(content) < 6:
        return False
    layout = Layout(Regime.LINES, margins)
    indented = sum(1 for line in content if layout.beyond_margin(line))
    return 0.05 * len(content) < indented < 0.6 * len(content)


def following_content(lines: list[Line]) -> tuple[list[Line | None], list[Line | None]]:
    """For each line, the next line that is not blank (None after the last), and the line with
    text after that one: one pass from the end, so that reading stays linear in the length of
    the text."""
    following: list[Line | None] = [None] * len(lines)
    second: list[Line | None] = [None] * len(lines)
    nearest: Line | None = None
    after: Line | None = None  # the ``following`` of the nearest line with text below
    for position in range(len(lines) - 1, -1, -1):
        following[position] = nearest
        second[position] = after
        line = lines[position]
        if line.text.strip():
            after = nearest
            nearest = line
    return following, second
