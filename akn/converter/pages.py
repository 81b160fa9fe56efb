"""Undo what PDF extraction does to a page: furniture, footnote blocks, link lists, page breaks.

Input is the line table of the whole text; output is the text proper, in reading order, with
each line tagged with the page it came from, plus the footnotes found at page bottoms and the
hyperlinks listed after them. Page furniture (job numbers, bar codes, page numbers, running
heads) never reaches the text: it is returned separately so that it can be reported.

The same pass handles clean text: with no furniture and one final rule, it only separates the
notes after the rule from the text above it. This module is the pass and its state; which lines
are furniture is ``furniture.py``'s, where the text proper opens ``enacting_formula.py``'s, and
where a footnote block starts or ends without a plain sign ``footnote_bounds.py``'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, auto

from akn.converter.enacting_formula import find_decision, find_formula
from akn.converter.footnote_bounds import (
    Block,
    block_waits_for_text,
    body_state,
    next_note_starts,
    notes_start_without_rule,
    resumes_body,
)
from akn.converter.footnotes import Note, parse_footnotes
from akn.converter.furniture import LineClassifier, LineKind, find_furniture
from akn.converter.source import Line, has_columns
from akn.diagnostics import Diagnostic
from akn.mapping import Mapping


@dataclass(slots=True)
class PageLink:
    """A hyperlink listed after a page's footnotes."""

    url: str
    page: int
    line: Line


@dataclass(slots=True)
class Layout:
    """The text proper (front matter and body), notes, links, and what was removed."""

    lines: list[Line]
    notes: list[Note]
    links: list[PageLink]
    furniture: list[Line]
    job_number: str | None
    formula_index: int | None  # index in ``lines`` of the enacting formula, if found there
    diagnostics: list[Diagnostic] = field(default_factory=list)
    decision: bool = False  # formula_index is where a decision's text opens (no formula)


def split_pages(lines: list[Line], mapping: Mapping) -> Layout:
    """Separate the text proper from page furniture, footnote blocks and link lists."""
    classify = LineClassifier(mapping)
    classify.columns = has_columns(lines, classify.gap)
    kinds = [classify(line) for line in lines]
    formula = find_formula(lines, mapping)
    decision = False
    if formula is None:
        formula = find_decision(lines, mapping)
        decision = formula is not None
    front_end = formula if formula is not None else 0
    furniture_at = find_furniture(lines, kinds, front_end, classify)
    has_form_feeds = LineKind.FORM_FEED in kinds
    layout = _Scanner(lines, kinds, furniture_at, front_end, has_form_feeds, mapping).run()
    layout.decision = decision and layout.formula_index is not None
    return layout


class _State(Enum):
    BODY = auto()
    NOTES = auto()
    LINKS = auto()


class _Scanner:
    """One pass over the lines: body text, footnote blocks, link lists, page breaks."""

    def __init__(
        self,
        lines: list[Line],
        kinds: list[LineKind],
        furniture_at: set[int],
        front_end: int,
        has_form_feeds: bool,
        mapping: Mapping,
    ) -> None:
        self.lines = lines
        self.kinds = kinds
        self.furniture_at = furniture_at
        self.front_end = front_end
        self.has_form_feeds = has_form_feeds
        self.mapping = mapping
        self.body: list[Line] = []
        self.notes: list[Note] = []
        self.links: list[PageLink] = []
        self.furniture: list[Line] = []
        self.job_number: str | None = None
        self.formula_index: int | None = None
        self.page = 0
        self.block: Block = []
        self.break_pending = False
        self.deferred = False
        # How the body stopped before the current footnote block: "open" (mid-sentence),
        # "comma" (often mid-sentence: read as open), "closed" (a paragraph or item ended).
        self.body_open = "closed"
        self.width = 40  # the longest body line so far: the width lines are wrapped at
        self.diagnostics: list[Diagnostic] = []
        self.job_pattern = mapping.page.job_number
        self.link_pattern = mapping.page.link
        self.links_in_block = 0  # links read since the footnote block's last note line

    def run(self) -> Layout:
        state = _State.BODY
        index = 0
        while index < len(self.lines):
            state, used = self._read(index, state)
            if used:
                index += 1
        if state is not _State.BODY:
            self._close_block()
        if self.front_end:
            formula = self.lines[self.front_end]
            self.formula_index = next(
                (i for i, line in enumerate(self.body) if line is formula), None
            )
        return Layout(
            self.body,
            self.notes,
            self.links,
            self.furniture,
            self.job_number,
            self.formula_index,
            self.diagnostics,
        )

    def _read(self, index: int, state: _State) -> tuple[_State, bool]:
        """Read line ``index`` in ``state``: the state after it, and whether the line was
        used (a line not used is read again, in the new state)."""
        line, kind = self.lines[index], self.kinds[index]
        line.page = self.page
        if index in self.furniture_at or kind is LineKind.FORM_FEED:
            return self._furniture_line(index, state), True
        if kind is LineKind.LINK:
            return self._link_line(line, state), True
        if kind is LineKind.RULE:
            if state is _State.BODY:
                self._open_block()
                return _State.NOTES, True
            self.furniture.append(line)
            return state, True
        if state is _State.BODY:
            if kind is LineKind.TEXT and notes_start_without_rule(
                line, self.body, self.notes, self.page, self.mapping
            ):
                self._open_block()  # as after a rule; the line is the first note's
                return _State.NOTES, False
            self._body_line(line, kind)
            return state, True
        if state is _State.LINKS:
            return self._in_link_list(line, kind)
        if kind is not LineKind.BLANK and self._resumes_body(index):
            return self._close_block(), False
        self.block.append((kind, line))
        return state, True

    def _in_link_list(self, line: Line, kind: LineKind) -> tuple[_State, bool]:
        """A line after a footnote block's link list: blank, more notes, or body text."""
        if kind is LineKind.BLANK:
            return _State.LINKS, True
        if next_note_starts(line, self.block, self.notes, self.mapping):
            # the address was the end of a note's text, not a link list: more notes
            # follow ("… available at" / "http://…" / "3" / "See …")
            self._links_back_to_notes()
            return _State.NOTES, False
        return self._close_block(), False  # the line is body text: read it again as such

    def _link_line(self, line: Line, state: _State) -> _State:
        match = self.link_pattern.fullmatch(line.text.strip())
        url = match.group("url") if match else line.text.strip()
        self.links.append(PageLink(url, self.page, line))
        if state is _State.NOTES:
            state = _State.LINKS
            self.links_in_block = 0
        if state is _State.LINKS:
            self.links_in_block += 1
        elif state is _State.BODY:
            self.break_pending = True
        return state

    def _body_line(self, line: Line, kind: LineKind) -> None:
        self.width = max(self.width, len(line.text.strip()))
        if kind is LineKind.BLANK:
            if not self.break_pending:
                self.body.append(line)
            return
        if self.break_pending:
            line.after_break = True
            self.break_pending = False
        self.body.append(line)

    def _furniture_line(self, index: int, state: _State) -> _State:
        line, kind = self.lines[index], self.kinds[index]
        if kind is not LineKind.FORM_FEED:
            self.furniture.append(line)
        if kind is LineKind.JOB and self.job_number is None:
            match = self.job_pattern.search(line.text.strip())  # "18-17962 (E)    021118"
            self.job_number = match.group(0) if match else line.text.strip()
        if index < self.front_end:
            return state
        if state is _State.BODY:
            if kind is LineKind.FORM_FEED or not self.has_form_feeds:
                if not self.break_pending:
                    self.page += 1
                self.break_pending = True
            return state
        if kind is LineKind.FORM_FEED:
            if block_waits_for_text(self.block, self.mapping):
                # pdftotext sometimes writes a page's last footnote after the page break;
                # the block then ends at the next piece of furniture.
                self.deferred = True
                return state
            return self._close_block()
        if self.deferred or not self.has_form_feeds:
            return self._close_block()
        return state

    def _resumes_body(self, index: int) -> bool:
        """In a footnote block, has the body text started again at line ``index``? Only
        asked where the page has no page breaks to tell (``resumes_body``)."""
        if self.has_form_feeds:
            return False
        return resumes_body(
            self.lines,
            index,
            self.block,
            self.notes,
            self.width,
            self.body_open,
            self.mapping,
        )

    def _open_block(self) -> None:
        """A footnote block starts: remember how the body stopped before it."""
        self.block = []
        last = next((ln for ln in reversed(self.body) if ln.text.strip()), None)
        self.body_open = body_state(last.text if last else "", self.mapping)

    def _links_back_to_notes(self) -> None:
        """The addresses read as a link list since the block's last note line are text of
        that note."""
        moved = self.links[len(self.links) - self.links_in_block :]
        del self.links[len(self.links) - self.links_in_block :]
        self.block.extend((LineKind.TEXT, link.line) for link in moved)
        self.links_in_block = 0

    def _close_block(self) -> _State:
        notes, diagnostics = parse_footnotes(
            [line for kind, line in self.block if kind is not LineKind.BLANK],
            self.page,
            self.notes[-1] if self.notes else None,
            self.mapping,
        )
        self.notes.extend(notes)
        self.diagnostics.extend(diagnostics)
        self.block = []
        self.deferred = False
        if not self.break_pending:
            self.page += 1
        self.break_pending = True
        return _State.BODY
