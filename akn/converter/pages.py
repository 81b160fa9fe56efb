"""Undo what PDF extraction does to a page: furniture, footnote blocks, link lists, page breaks.

Input is the line table of the whole text; output is the text proper, in reading order, with
each line tagged with the page it came from, plus the footnotes found at page bottoms and the
hyperlinks listed after them. Page furniture (job numbers, bar codes, page numbers, running
heads) never reaches the text: it is returned separately so that it can be reported.

The same pass handles clean text: with no furniture and one final rule, it only separates the
notes after the rule from the text above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum, auto

from akn.converter.dates import find_date
from akn.converter.footnotes import (
    NOTE_GAP,
    Note,
    ends_note_sentence,
    leading_number,
    marker_only,
    note_line,
    numbering_goes_on,
    parse_footnotes,
)
from akn.converter.furniture import LineClassifier, LineKind, find_furniture
from akn.converter.quotes import open_quote
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


# What may follow the words of the enacting formula on its line.
_FORMULA_ENDS = frozenset({",", ":", "،", "，", "：", "،:"})


def find_formula(lines: list[Line], mapping: Mapping, limit: int = 400) -> int | None:
    """Index of the enacting formula ("The General Assembly,"), searched near the top."""
    pattern = mapping.formula_pattern
    bare: list[int] = []  # the formula without its comma: also the issuing body in mastheads
    for index, line in enumerate(lines[:limit]):
        text = line.text.strip()
        match = pattern.match(text)
        if not match:
            continue
        rest = text[match.end() :].strip()
        if rest in _FORMULA_ENDS:
            return index
        if not rest:
            bare.append(index)
    # Without its comma, the formula is the one a preambular or numbered paragraph follows,
    # or an operative verb ("The General Assembly" / "Resolves that, for 2021:").
    for index in bare:
        following = next((ln.text.strip() for ln in lines[index + 1 :] if ln.text.strip()), "")
        if (
            mapping.phrase_pattern.match(following)
            or mapping.numbering.operative.match(following)
            or mapping.verb_pattern.match(following)
        ):
            return index
    return bare[-1] if bare else None


def formula_alone(texts: list[str], mapping: Mapping) -> list[bool]:
    """For each text, is it a formula read alone, with its comma or without
    (``find_formula([line]) == 0``, asked of many lines at once)?"""
    pattern = mapping.formula_pattern
    found = []
    for text in texts:
        text = text.strip()
        match = pattern.match(text)
        found.append(match is not None and (text[match.end() :].strip() or ",") in _FORMULA_ENDS)
    return found


def find_decision(lines: list[Line], mapping: Mapping, limit: int = 400) -> int | None:
    """Index of the line a decision's text opens with ("At its 38th plenary meeting, on …,
    the General Assembly …"): a decision has no enacting formula. The opening must name the
    body that decided, and come before anything that opens a paragraph of a resolution (a
    number, a preambular phrase, an annex): later, "At its 5th plenary meeting, the
    Conference…" is text of an annex, not a decision. Read with the next two lines, in case
    the opening was wrapped."""
    pattern = mapping.decision.opening
    joiner = mapping.typography.line_joiner
    content = [(index, line) for index, line in enumerate(lines[:limit]) if line.text.strip()]
    for position, (index, line) in enumerate(content):
        text = joiner.join(ln.text.strip() for _, ln in content[position : position + 3])
        if pattern.match(text):
            return index if mapping.actor_of(text) else None
        if mapping.opens_paragraph(line.text.strip()):
            return None
    return None


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
        self.block: list[tuple[LineKind, Line]] = []
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
            line, kind = self.lines[index], self.kinds[index]
            line.page = self.page
            if index in self.furniture_at or kind is LineKind.FORM_FEED:
                state = self._furniture_line(index, state)
            elif kind is LineKind.LINK:
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
            elif kind is LineKind.RULE:
                if state is _State.BODY:
                    state = _State.NOTES
                    self.block = []
                    last = next((ln for ln in reversed(self.body) if ln.text.strip()), None)
                    self.body_open = _body_state(last.text if last else "", self.mapping)
                else:
                    self.furniture.append(line)
            elif state is _State.BODY:
                if kind is LineKind.TEXT and self._notes_start_without_rule(line):
                    state = _State.NOTES  # as after a rule; the line is the first note's
                    self.block = []
                    last = next((ln for ln in reversed(self.body) if ln.text.strip()), None)
                    self.body_open = _body_state(last.text if last else "", self.mapping)
                    continue
                self._body_line(line, kind)
            elif state is _State.LINKS:
                if kind is LineKind.BLANK:
                    pass
                elif self._next_note_starts(line):
                    # the address was the end of a note's text, not a link list: more notes
                    # follow ("… available at" / "http://…" / "3" / "See …")
                    self._links_back_to_notes()
                    state = _State.NOTES
                    continue
                else:
                    state = self._close_block()
                    continue  # the line is body text: read it again in the body state
            elif kind is not LineKind.BLANK and self._resumes_body(line, index):
                state = self._close_block()
                continue
            else:
                self.block.append((kind, line))
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
            if self._block_waits_for_text():
                # pdftotext sometimes writes a page's last footnote after the page break;
                # the block then ends at the next piece of furniture.
                self.deferred = True
                return state
            return self._close_block()
        if self.deferred or not self.has_form_feeds:
            return self._close_block()
        return state

    def _block_waits_for_text(self) -> bool:
        numbers = sum(1 for kind, line in self.block if marker_only(line, self.mapping))
        texts = sum(
            1
            for kind, line in self.block
            if kind is not LineKind.BLANK and not marker_only(line, self.mapping)
        )
        return numbers > texts

    def _resumes_body(self, line: Line, index: int) -> bool:
        """In a footnote block with nothing after it, has the body text started again?

        Only used where the page gives no better sign (no furniture, no link list). Notes end
        their sentences; so after a note line that ends one, a line that is not the next
        note's marker is the body again (going on mid-sentence from the page before, or
        opening a paragraph). Abbreviations ("vol.", "No.") do not end a sentence, and nor
        does a sentence inside a quotation still open.
        """
        if not self.block or self.has_form_feeds:
            return False
        previous = next(
            (ln for kind, ln in reversed(self.block) if kind is not LineKind.BLANK), None
        )
        if previous is None or marker_only(previous, self.mapping):
            return False
        text = line.text.strip()
        if text in self.mapping.words.superscripts or previous.text.strip() in (
            self.mapping.words.superscripts
        ):
            return False  # "n" / "o" / " 22341.": a superscript cut the note's line
        # A note line ends its note when it ends a sentence, or stops far short of the width
        # the page's lines are wrapped at.
        short = len(previous.text.strip()) < 0.35 * self.width
        if not (ends_note_sentence(previous.text, self.mapping) or short):
            return False
        quoted = " ".join(ln.text for kind, ln in self.block if kind is not LineKind.BLANK)
        if open_quote(quoted, self.mapping.typography.quotes):
            return False  # a note quoting a text goes on until its quotation closes
        if marker_only(line, self.mapping):
            return False
        inline = re.match(rf"({self.mapping.notes.marker.pattern})\s+\S", text)
        if inline and (
            inline.group(1) == self._next_marker() or self._numbering_goes_on(index, inline)
        ):
            return False
        if self.body_open != "closed":
            return True  # the sentence interrupted by the page break goes on
        return self.mapping.continues(text) or self.mapping.opens_paragraph(text)

    def _notes_start_without_rule(self, line: Line) -> bool:
        """Page-bottom notes whose rule the extraction lost (or a cleaner left between two
        paragraphs): a line that opens with the number of the next note ("1 A/75/73."), its
        text not going on in lower case, after a line that ends a sentence or a clause, on a
        page whose text calls that note ("Secretary-General1"). The order of the notes and
        the marker in the text are the evidence; a wrapped line that starts with a number
        ("2 million dollars") has neither."""
        text = line.text.strip()
        opening, closing = self.mapping.notes.brackets
        if not (text[:1].isdigit() or (opening and text.startswith(opening))):
            return False  # most lines: no number in front
        inline = note_line(self.mapping).fullmatch(text)
        if inline is None:
            return False
        number = inline["marker"].removeprefix(opening).removesuffix(closing)
        expected = (self.notes[-1].number or 0) + 1 if self.notes else 1
        # The document's first note may start a little later (a translation leaves out the
        # original's note on the title: its notes run 2, 3 …; an earlier page's notes may have
        # been missed), as parse_footnotes reads it.
        latest = expected if self.notes else expected + NOTE_GAP
        if not number.isdigit() or not expected <= int(number) <= latest:
            return False
        if int(number) > expected + 1 and self._numbering_goes_on_to(int(number)):
            return False  # "3. Promote …" / "4 Apply …": a paragraph that lost its full stop
        if inline["text"][0].islower():
            return False
        page_lines = []
        for previous in reversed(self.body):
            if previous.page != self.page and previous.text.strip():
                break
            if previous.text.strip():
                page_lines.append(previous.text)
        if not page_lines:
            return False
        if self._ends_open(page_lines, expected, text):
            return False
        # the call glued to a word or a sign ("Secretary-General1", "(2015-2030)3"), or to a
        # year ("de 20201,": French and Spanish put the call before the comma)
        call = re.escape(opening + number + closing)
        called = rf"(?:(?<![\s\d])|(?<![\d])(?:1[6-9]|20)\d\d){call}(?!\d)"
        return any(re.search(called, text) for text in page_lines)

    def _ends_open(self, page_lines: list[str], expected: int, candidate: str) -> bool:
        """Does the page's last body line (``page_lines[0]``; the lines go backwards) stop
        mid-sentence before the ``candidate`` note line? The conclusions close the text: the
        date under the meeting line does, and so does the meeting line where the candidate
        is not its date ("2 December 2020" under "35th plenary meeting" is no note)."""
        meeting = self.mapping.conclusions.meeting
        if len(page_lines) > 1 and meeting.fullmatch(page_lines[1].strip()):
            return False
        if meeting.fullmatch(page_lines[0].strip()):
            date = find_date(candidate, self.mapping)
            return date is not None and date[0] == 0
        return _body_state(self._without_call(page_lines[0], expected), self.mapping) == "open"

    def _without_call(self, text: str, expected: int) -> str:
        """``text`` without the call of a note not read yet at its end ("Secretary-General,5"
        ends a clause, as "Secretary-General," does); a number after a space ("in 2015") or
        below the next note's is text."""
        opening, closing = self.mapping.notes.brackets
        call = re.search(rf"(?<=[^\s\d]){re.escape(opening)}(\d+){re.escape(closing)}\s*$", text)
        if call and int(call.group(1)) >= expected:
            return text[: call.start()]
        return text

    def _numbering_goes_on_to(self, number: int) -> bool:
        """Does the last line of the body open the paragraph numbered just before ``number``?"""
        last = next((ln.text.strip() for ln in reversed(self.body) if ln.text.strip()), "")
        found = self.mapping.numbering.operative.match(last)
        return found is not None and found["num"].isdigit() and int(found["num"]) == number - 1

    def _numbering_goes_on(self, index: int, inline: re.Match[str]) -> bool:
        """A note line whose number skips a few, where the next numbered line goes on from it
        (as parse_footnotes reads it)."""
        inline_rx = note_line(self.mapping)
        opening, closing = self.mapping.notes.brackets
        expected = int(self._next_marker().removeprefix(opening).removesuffix(closing) or 0)
        ahead = (ln.text.strip() for ln in self.lines[index + 1 : index + 40] if ln.text.strip())
        leading = [leading_number(inline.string, inline_rx)]
        leading += [leading_number(next(ahead, ""), inline_rx)]
        return numbering_goes_on(leading, 0, expected)

    def _next_note_starts(self, line: Line) -> bool:
        """Does ``line`` open the next note of this block (its marker alone, or the marker
        before its text)?"""
        text = line.text.strip()
        marker = self.mapping.notes.marker.match(text)
        if marker is None:
            return False
        alone = marker.end() == len(text)
        return (alone or text[marker.end() : marker.end() + 1].isspace()) and marker.group(
            0
        ) == self._next_marker()

    def _links_back_to_notes(self) -> None:
        """The addresses read as a link list since the block's last note line are text of
        that note."""
        moved = self.links[len(self.links) - self.links_in_block :]
        del self.links[len(self.links) - self.links_in_block :]
        self.block.extend((LineKind.TEXT, link.line) for link in moved)
        self.links_in_block = 0

    def _next_marker(self) -> str:
        """The marker the next note of this block would have, read as parse_footnotes would."""
        last = self.notes[-1].number or 0 if self.notes else 0
        opening, closing = self.mapping.notes.brackets
        marker_rx = self.mapping.notes.marker
        for _, line in self.block:
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
            if alone or (inline and (follows or not (self.notes or last))):
                last = int(number)
        return f"{opening}{last + 1}{closing}"

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


def _body_state(text: str, mapping: Mapping) -> str:
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
