"""What a recognition rule reads and what it answers.

A rule is a function ``rule(state, line, context) -> Match | None``:
- ``state`` (ReaderState): where the reader is — the zone, the numbers expected next, the
  open point levels, the block being read; rules never change it;
- ``line`` (LineView): the line and the evidence around it — the line before, the next line
  with text, a blank line before, whether the line before closed a sentence, whether the
  layout parts the two lines;
- ``context`` (Context): what holds for the whole body — the mapping's patterns, the layout.

A Match says what the line is (a new block of some kind, or more of the current block) and
carries the reader's next Progress; the driver (reader.py) applies it. So a rule can be read,
tested and reordered alone, and the chain order is data (chains.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar, overload

from akn.converter.blocks import Block, Kind
from akn.converter.quotes import open_quote, still_open
from akn.converter.recognise.layout import (
    SHORT_LINE,
    Layout,
    Regime,
    measurable,
    reach,
)
from akn.converter.recognise.punctuation import ends_with_marker, is_closed
from akn.converter.source import Line
from akn.diagnostics import Diagnostic
from akn.mapping import Mapping

T = TypeVar("T")


class lazy(Generic[T]):
    """A value computed on first use and kept on the instance: functools' cached_property
    without its lock (Python 3.11 takes one on every first read, a third of the time a rule
    chain spends on a line)."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> lazy[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> T | lazy[T]:
        if instance is None:
            return self
        value: T = self.compute(instance)
        instance.__dict__[self.name] = value
        return value


class Zone(StrEnum):
    """The part of the resolution the reader is in."""

    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    CONCLUSIONS = "conclusions"
    ANNEX = "annex"


@dataclass(frozen=True)
class Progress:
    """How far the reader has come: the zone and the numbers it expects next."""

    zone: Zone
    next_paragraph: int = 1
    next_section: int = 1
    # The open point levels, outermost first: (style, last index), e.g. (("letter", 3),).
    points: tuple[tuple[str, int], ...] = ()
    section_preamble: bool = False  # recitals may follow a section heading


@dataclass(slots=True)
class ReaderState:
    """The reader as a rule sees it: its progress and the blocks read so far, ``current``
    the last one. The driver updates it between lines; a rule only reads it (what it would
    change, it says in its Match)."""

    progress: Progress
    decision: bool  # a decision: no preamble, nothing numbered
    blocks: list[Block]
    current: Block | None = None  # the block being read (the last one opened)

    @property
    def zone(self) -> Zone:
        return self.progress.zone

    @property
    def in_preamble(self) -> bool:
        """Recitals may open here: the preamble, or a section's own preamble."""
        return self.zone is Zone.PREAMBLE or (
            self.progress.section_preamble and self.zone is Zone.OPERATIVE
        )


@dataclass(frozen=True)
class Match:
    """What a rule found: a block of ``kind`` opens at the line (``kind`` None: the line goes
    on with the current block), numbered ``num`` (``strip`` characters of the line are the
    number), with the reader's progress after it and what it has to report."""

    rule: str
    kind: Kind | None
    progress: Progress | None = None  # None: unchanged
    num: str | None = None
    level: int = 0  # points: 1 for (a), 2 for (i)
    strip: int = 0
    opens_decision: bool = False
    in_decision: bool = False
    diagnostics: tuple[Diagnostic, ...] = ()


class Context:
    """What holds for the whole body: the mapping's patterns and the layout's measures."""

    def __init__(self, mapping: Mapping, layout: Layout) -> None:
        self.mapping = mapping
        self.layout = layout
        numbering = self.numbering = mapping.numbering
        self.operative = numbering.operative
        self.point = numbering.point
        self.subpoint = numbering.subpoint
        self.dash = numbering.dash
        self.section = numbering.section
        self.subsection = numbering.subsection
        self.meeting = mapping.conclusions.meeting
        self.annex = mapping.annex
        self.date = mapping.dates.pattern
        self.conjunctions = frozenset(mapping.words.conjunctions)
        self.typography = mapping.typography
        self._labels = (self.operative, self.point, self.subpoint)
        # Each line is asked whether it closes a sentence as itself and again as the line
        # before the next one, by several rules: the answer is kept by its text.
        self._closed: dict[str, bool] = {}
        # The quotation marks counted in the current block's lines, kept as the block grows a
        # line at a time: counting its joined text again at every line is quadratic in its
        # length. Counts of the lines added up equal the count in their join only for marks
        # of one character that is no space (all mappings'); others are counted in the join.
        quotes = self.typography.quotes
        self._quote_marks = tuple(mark for pair in quotes for mark in pair)
        self._quotes_by_line = all(len(m) == 1 and not m.isspace() for m in self._quote_marks)
        # Most lines hold no quotation mark: one search says so.
        marks = "".join(self._quote_marks)
        self._any_quote = re.compile(f"[{re.escape(marks)}]" if marks else "(?!)")
        self._quote_block: Block | None = None
        self._quote_lines = 0
        self._quote_counts: list[int] = []
        self._quote_open = False

    @property
    def regime(self) -> Regime:
        return self.layout.regime

    def closed(self, text: str) -> bool:
        """Does ``text`` end a sentence or an item (``punctuation.is_closed``)?"""
        known = self._closed.get(text)
        if known is None:
            known = self._closed[text] = is_closed(text, self.typography)
        return known

    def quoting(self, block: Block) -> bool:
        """Is a quotation opened in ``block``'s lines (joined by spaces) and not closed
        (``quotes.open_quote``)?"""
        lines = block.lines
        if not self._quotes_by_line:
            return open_quote(" ".join(ln.text for ln in lines), self.typography.quotes)
        done = self._quote_lines
        if block is not self._quote_block or len(lines) < done:
            self._quote_block = block
            self._quote_counts = [0] * len(self._quote_marks)
            self._quote_lines = done = 0
            self._quote_open = False
        if len(lines) > done:
            text = (
                " ".join(ln.text for ln in lines[done:])
                if len(lines) > done + 1
                else lines[done].text
            )
            self._quote_lines = len(lines)
            if self._any_quote.search(text):
                counts = self._quote_counts = [
                    count + text.count(mark)
                    for count, mark in zip(self._quote_counts, self._quote_marks, strict=True)
                ]
                self._quote_open = any(
                    still_open(counts[i], counts[i + 1]) for i in range(0, len(counts), 2)
                )
        return self._quote_open

    def numbered(self, text: str) -> bool:
        """Does the text start with a paragraph or point number?"""
        return bool(self.operative.match(text) or self.point.match(text))

    def bare_label(self, text: str) -> bool:
        """A line that is only a number ("1.", "(a)") is followed by its paragraph's text."""
        text = text.strip()
        return any(pattern.fullmatch(text) for pattern in self._labels)

    def break_not_forced(self, prev_text: str, text: str) -> bool:
        """Did the line before stop short of the wrap width, though the first word of this
        one would have fitted on it? Then the paragraph ended there ("…health" / "recalling
        …" in a language whose preambular paragraphs open in lower case)."""
        width = self.layout.width
        if not width or not prev_text:
            return False
        if ends_with_marker(prev_text, self.typography) and text[:1].islower():
            # pdftotext -raw ends a line at a superscript: "…Court,1" / "and calls upon…"
            # (a lower-case start says so; without case, nothing does)
            return False
        needed = reach(prev_text, text, self.typography)
        if needed <= SHORT_LINE * width:
            return True
        # Longer, but shorter than every line of this text that wrapped: the word would have
        # fitted, where the line's length can be trusted (``layout.measurable``).
        return needed <= self.layout.fit and measurable(prev_text)


class LineView:
    """A line of the body and the evidence around it, measured once for every rule: its text
    and the text before at once (every rule reads them), the rest on first use."""

    def __init__(
        self,
        line: Line,
        previous: Line | None,  # the line before with text (None after a table or at the start)
        following: Line | None,  # the next line with text
        blank_before: bool,
        after_table: bool,
        state: ReaderState,
        context: Context,
        then: Line | None = None,  # the line with text after ``following``
    ) -> None:
        self.line = line
        self.previous = previous
        self.following = following
        self.then = then
        self.blank_before = blank_before
        self.after_table = after_table
        self.state = state
        self.context = context
        self.text = line.text.strip()
        self.prev_text = previous.text.rstrip() if previous is not None else ""

    @lazy
    def prev_is_label(self) -> bool:
        """Is the line before only a number ("1.", "(a)"), its text on this line?"""
        return self.context.bare_label(self.prev_text)

    @lazy
    def after_structure(self) -> bool:
        """At the start, or right after a heading or the meeting: a new block may open."""
        current = self.state.current
        return self.previous is None or (
            current is not None and current.kind in (Kind.HEADING, Kind.CONCLUSION)
        )

    @lazy
    def closed(self) -> bool:
        """Did the line before end a sentence or an item (or is there no line before)?"""
        return self.after_structure or self.context.closed(self.prev_text)

    @lazy
    def separated(self) -> bool:
        """Does the layout part this line from the one before (a line per paragraph, a blank
        line, an indent, a line that stopped short)? The body's first line (or the first
        after a table) is parted from nothing: a block opens there whatever its first words
        ("秉承…" opens the preamble), unless they are an operative verb ("Resolves that, for
        2021:" of a budget with no preamble), left to the rules that read verbs."""
        context, line = self.context, self.line
        regime = context.regime
        return (
            (self.previous is None and not context.mapping.verb_pattern.match(self.text))
            or regime is Regime.LINES
            or (regime is Regime.BLANK and self.blank_before and not line.after_break)
            or (context.layout.indented and context.layout.beyond_margin(line))
            or (
                not context.layout.drawn
                and context.break_not_forced(self.prev_text, self.text)
                and not line.after_break
            )
        )

    @lazy
    def opened(self) -> bool:
        """May an unnumbered paragraph open here? Where the text indents first lines, an
        unindented line never does (", recalling also …" wrapped to a line start is still the
        same paragraph)."""
        if self.context.layout.indented and self.context.regime is not Regime.LINES:
            return self.separated or self.after_structure
        return self.closed or self.separated

    @lazy
    def quoting(self) -> bool:
        """Is the current block inside a quotation that has not closed yet?"""
        current = self.state.current
        return current is not None and self.context.quoting(current)

    def starts_with_number(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """``pattern`` at the start of the line, followed by a space or the end of the line."""
        match = pattern.match(self.text)
        if not match or (match.end() < len(self.text) and not self.text[match.end()].isspace()):
            return None
        return match
