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
from functools import cache

from akn.converter.source import SUP_CLOSE, SUP_OPEN, Line, has_columns, split_columns
from akn.converter.words import open_quote
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping


class Kind(Enum):
    BLANK = auto()
    FORM_FEED = auto()
    RULE = auto()
    LINK = auto()
    JOB = auto()
    BARCODE = auto()
    PAGE_NUMBER = auto()
    PRINT_DATE = auto()
    SYMBOL = auto()
    TEXT = auto()


ANCHORS = {Kind.FORM_FEED, Kind.JOB, Kind.BARCODE, Kind.PAGE_NUMBER, Kind.PRINT_DATE}


@dataclass(slots=True)
class Note:
    """A footnote as found at the bottom of a page: its marker, its lines, its page."""

    marker: str
    lines: list[Line]
    page: int
    marker_line: Line

    @property
    def number(self) -> int | None:
        return int(self.marker) if self.marker.isdigit() else None


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


def _normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


class _Classifier:
    def __init__(self, mapping: Mapping) -> None:
        self.patterns = [
            (Kind.RULE, mapping.page.footnote_rule),
            (Kind.LINK, mapping.page.link),
            (Kind.JOB, mapping.page.job_number),
            (Kind.BARCODE, mapping.page.barcode),
            (Kind.PAGE_NUMBER, mapping.page.page_number),
            (Kind.PRINT_DATE, mapping.page.print_date),
            (Kind.SYMBOL, mapping.symbol),
        ]

        # One pass tells most lines (plain text) apart from every kind of furniture.
        self.any = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in self.patterns))
        self.gap = mapping.page.column_gap
        self.columns = True  # may a line hold columns? (False: no line of the text does)

    def __call__(self, line: Line) -> Kind:
        text = line.text.strip()
        if line.text == "\f":
            return Kind.FORM_FEED
        if not text:
            return Kind.BLANK
        if self.any.fullmatch(text):
            return self.kind_of(text)
        if self.columns and self.gap.search(text):
            # pdftotext -layout keeps a page's footer on one line, in columns: "2/5     25-15779"
            # or "18-17962 (E)     021118". Furniture when every column is.
            found = _footer([piece.text for piece in split_columns(line, self.gap)], self)
            if found is not None:
                return found
        if len(text) <= 40 and " " in text and self.any.search(text):
            # pdftotext -raw joins them with one space: "18-17962 (E) 021118".
            for space in re.finditer(" ", text):
                found = _footer([text[: space.start()], text[space.end() :]], self)
                if found is not None:
                    return found
        return Kind.TEXT

    def kind_of(self, text: str) -> Kind:
        for kind, pattern in self.patterns:
            if pattern.fullmatch(text):
                return kind
        return Kind.TEXT


# Furniture that shares a line with other furniture, strongest sign first.
_FOOTER_ORDER = (Kind.JOB, Kind.BARCODE, Kind.PAGE_NUMBER, Kind.SYMBOL, Kind.PRINT_DATE)


def _footer(pieces: list[str], classify: _Classifier) -> Kind | None:
    """The strongest kind of furniture among ``pieces`` if every piece is furniture."""
    kinds = {classify.kind_of(piece) for piece in pieces}
    if not kinds <= set(_FOOTER_ORDER):
        return None
    return next(kind for kind in _FOOTER_ORDER if kind in kinds)


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
        if rest in {",", ":", "،", "，", "：", "،:"}:
            return index
        if not rest:
            bare.append(index)
    # Without its comma, the formula is the one a preambular or numbered paragraph follows.
    for index in bare:
        following = next((ln.text.strip() for ln in lines[index + 1 :] if ln.text.strip()), "")
        if mapping.phrase_pattern.match(following) or mapping.numbering.operative.match(following):
            return index
    return bare[-1] if bare else None


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
    classify = _Classifier(mapping)
    classify.columns = has_columns(lines, classify.gap)
    kinds = [classify(line) for line in lines]
    formula = find_formula(lines, mapping)
    decision = False
    if formula is None:
        formula = find_decision(lines, mapping)
        decision = formula is not None
    front_end = formula if formula is not None else 0
    symbol = _document_symbol(lines, kinds, front_end, classify)
    has_form_feeds = Kind.FORM_FEED in kinds
    furniture_at = _furniture(lines, kinds, front_end, symbol)
    front_text = _normalise(
        " ".join(
            line.text
            for line, kind in zip(lines[:front_end], kinds, strict=False)
            if kind is Kind.TEXT
        )
    )
    if front_text:
        _running_heads(lines, kinds, furniture_at, front_end, front_text)
    layout = _Scanner(lines, kinds, furniture_at, front_end, has_form_feeds, mapping).run()
    layout.decision = decision and layout.formula_index is not None
    return layout


def _document_symbol(
    lines: list[Line], kinds: list[Kind], front_end: int, classify: _Classifier
) -> str | None:
    """The symbol printed in the masthead, on a line of its own or in a column of one
    ("United Nations      A/RES/76/48"); later lines equal to it are running heads."""
    for line, kind in zip(lines[: max(front_end, 1)], kinds, strict=False):
        if kind is Kind.SYMBOL:
            return _normalise(line.text)
        if kind is Kind.TEXT and classify.columns:
            for piece in split_columns(line, classify.gap):
                if classify.kind_of(piece.text) is Kind.SYMBOL:
                    return _normalise(piece.text)
    counts: dict[str, int] = {}
    for line, kind in zip(lines, kinds, strict=False):
        if kind is Kind.SYMBOL:
            key = _normalise(line.text)
            counts[key] = counts.get(key, 0) + 1
    repeated = [symbol for symbol, count in counts.items() if count > 1]
    return repeated[0] if len(repeated) == 1 else None


def _furniture(
    lines: list[Line], kinds: list[Kind], front_end: int, symbol: str | None
) -> set[int]:
    """Indices of lines that are page furniture for certain: numbers, codes, running symbols."""
    found: set[int] = set()
    for index, kind in enumerate(kinds):
        if kind in (Kind.JOB, Kind.BARCODE, Kind.PAGE_NUMBER) or (
            kind is Kind.SYMBOL
            and index >= front_end
            and symbol is not None
            and _normalise(lines[index].text) == symbol
        ):
            found.add(index)
        elif (
            kind is Kind.SYMBOL
            and index >= front_end
            and symbol is not None
            and _split_symbol(lines, index, symbol) is not None
        ):
            found.update((index, _split_symbol(lines, index, symbol) or index))
    # A six-digit print date is furniture only next to other furniture (a bar code, usually).
    for index, kind in enumerate(kinds):
        if kind is Kind.PRINT_DATE and any(j in found for j in _neighbours(kinds, index, 3)):
            found.add(index)
    return found


def _split_symbol(lines: list[Line], index: int, symbol: str) -> int | None:
    """A running head whose symbol the page printed on two lines ("S/RES/2521" / "(2020)"):
    the index of the second line, if the line at ``index`` and the next one that is not blank
    make the document's symbol."""
    head = _normalise(lines[index].text)
    if head == symbol or not symbol.startswith(head + " "):
        return None
    for after in range(index + 1, min(index + 3, len(lines))):
        text = _normalise(lines[after].text)
        if text:
            return after if f"{head} {text}" == symbol else None
    return None


def _neighbours(kinds: list[Kind], index: int, reach: int) -> list[int]:
    """Indices of the ``reach`` nearest non-blank lines on either side of ``index``."""
    result: list[int] = []
    for step in (-1, 1):
        j, seen = index + step, 0
        while 0 <= j < len(kinds) and seen < reach:
            if kinds[j] is not Kind.BLANK:
                result.append(j)
                seen += 1
            j += step
    return result


def _running_heads(
    lines: list[Line], kinds: list[Kind], furniture_at: set[int], front_end: int, front_text: str
) -> None:
    """Mark running heads: runs of text lines touching furniture that repeat the title area."""
    changed = True
    while changed:
        changed = False
        for index in sorted(furniture_at):
            for step in (-1, 1):
                run: list[int] = []
                j = index + step
                while (
                    front_end <= j < len(lines)
                    and kinds[j] is Kind.TEXT
                    and j not in furniture_at
                    and len(run) < 3
                ):
                    run.append(j)
                    j += step
                # The longest run first: a two-line running title is one head, not two.
                for size in range(len(run), 0, -1):
                    part = sorted(run[:size])
                    text = _normalise(" ".join(lines[k].text for k in part))
                    if len(text) >= 10 and text in front_text:
                        furniture_at.update(part)
                        changed = True
                        break


class _State(Enum):
    BODY = auto()
    NOTES = auto()
    LINKS = auto()


class _Scanner:
    """One pass over the lines: body text, footnote blocks, link lists, page breaks."""

    def __init__(
        self,
        lines: list[Line],
        kinds: list[Kind],
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
        self.block: list[tuple[Kind, Line]] = []
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
            if index in self.furniture_at or kind is Kind.FORM_FEED:
                state = self._furniture_line(index, state)
            elif kind is Kind.LINK:
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
            elif kind is Kind.RULE:
                if state is _State.BODY:
                    state = _State.NOTES
                    self.block = []
                    last = next((ln for ln in reversed(self.body) if ln.text.strip()), None)
                    self.body_open = _body_state(last.text if last else "", self.mapping)
                else:
                    self.furniture.append(line)
            elif state is _State.BODY:
                if kind is Kind.TEXT and self._notes_start_without_rule(line):
                    state = _State.NOTES  # as after a rule; the line is the first note's
                    self.block = []
                    last = next((ln for ln in reversed(self.body) if ln.text.strip()), None)
                    self.body_open = _body_state(last.text if last else "", self.mapping)
                    continue
                self._body_line(line, kind)
            elif state is _State.LINKS:
                if kind is Kind.BLANK:
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
            elif kind is not Kind.BLANK and self._resumes_body(line, index):
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

    def _body_line(self, line: Line, kind: Kind) -> None:
        self.width = max(self.width, len(line.text.strip()))
        if kind is Kind.BLANK:
            if not self.break_pending:
                self.body.append(line)
            return
        if self.break_pending:
            line.after_break = True
            self.break_pending = False
        self.body.append(line)

    def _furniture_line(self, index: int, state: _State) -> _State:
        line, kind = self.lines[index], self.kinds[index]
        if kind is not Kind.FORM_FEED:
            self.furniture.append(line)
        if kind is Kind.JOB and self.job_number is None:
            match = self.job_pattern.search(line.text.strip())  # "18-17962 (E)    021118"
            self.job_number = match.group(0) if match else line.text.strip()
        if index < self.front_end:
            return state
        if state is _State.BODY:
            if kind is Kind.FORM_FEED or not self.has_form_feeds:
                if not self.break_pending:
                    self.page += 1
                self.break_pending = True
            return state
        if kind is Kind.FORM_FEED:
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
        numbers = sum(1 for kind, line in self.block if _marker_only(line, self.mapping))
        texts = sum(
            1
            for kind, line in self.block
            if kind is not Kind.BLANK and not _marker_only(line, self.mapping)
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
        previous = next((ln for kind, ln in reversed(self.block) if kind is not Kind.BLANK), None)
        if previous is None or _marker_only(previous, self.mapping):
            return False
        text = line.text.strip()
        if text in self.mapping.words.superscripts or previous.text.strip() in (
            self.mapping.words.superscripts
        ):
            return False  # "n" / "o" / " 22341.": a superscript cut the note's line
        # A note line ends its note when it ends a sentence, or stops far short of the width
        # the page's lines are wrapped at.
        short = len(previous.text.strip()) < 0.35 * self.width
        if not (_ends_note_sentence(previous.text, self.mapping) or short):
            return False
        quoted = " ".join(ln.text for kind, ln in self.block if kind is not Kind.BLANK)
        if open_quote(quoted, self.mapping.typography.quotes):
            return False  # a note quoting a text goes on until its quotation closes
        if _marker_only(line, self.mapping):
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
        inline = _note_line(self.mapping).fullmatch(text)
        if inline is None:
            return False
        number = inline["marker"].removeprefix(opening).removesuffix(closing)
        expected = (self.notes[-1].number or 0) + 1 if self.notes else 1
        if not number.isdigit() or int(number) != expected or inline["text"][0].islower():
            return False
        page_lines = []
        for previous in reversed(self.body):
            if previous.page != self.page and previous.text.strip():
                break
            if previous.text.strip():
                page_lines.append(previous.text)
        if not page_lines or _body_state(page_lines[0], self.mapping) == "open":
            return False
        called = rf"(?<![\s\d]){re.escape(opening + number + closing)}(?!\d)"
        return any(re.search(called, text) for text in page_lines)

    def _numbering_goes_on(self, index: int, inline: re.Match[str]) -> bool:
        """A note line whose number skips a few, where the next numbered line goes on from it
        (as parse_footnotes reads it)."""
        inline_rx = _note_line(self.mapping)
        opening, closing = self.mapping.notes.brackets
        expected = int(self._next_marker().removeprefix(opening).removesuffix(closing) or 0)
        ahead = (ln.text.strip() for ln in self.lines[index + 1 : index + 40] if ln.text.strip())
        leading = [_leading_number(inline.string, inline_rx)]
        leading += [_leading_number(next(ahead, ""), inline_rx)]
        return _numbering_goes_on(leading, 0, expected)

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
        self.block.extend((Kind.TEXT, link.line) for link in moved)
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
            follows = last < int(number) <= last + 1 + _NOTE_GAP
            if alone or (inline and (follows or not (self.notes or last))):
                last = int(number)
        return f"{opening}{last + 1}{closing}"

    def _close_block(self) -> _State:
        notes, diagnostics = parse_footnotes(
            [line for kind, line in self.block if kind is not Kind.BLANK],
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


# --------------------------------------------------------------------------- footnotes


def _marker_only(line: Line, mapping: Mapping) -> bool:
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
    lines = merge_superscripts(lines, mapping)
    marker_rx = mapping.notes.marker
    inline_rx = _note_line(mapping)
    expected = (previous.number or 0) + 1 if previous else 1
    items: list[tuple[str, Line, str]] = []  # (kind, line, marker) with kind N, NT or T
    leading = [_leading_number(line.text.strip(), inline_rx) for line in lines]
    for position, line in enumerate(lines):
        text = line.text.strip()
        if marker_rx.fullmatch(text):
            items.append(("N", line, text))
            continue
        match = inline_rx.fullmatch(text)
        bare_marker = match["marker"].strip("()") if match else ""
        # The first note of a document may have any number: a translation may leave out the
        # note its original had on the title, and its notes then start at 2.
        first = previous is None and not items and bare_marker.isdigit()
        gap = bool(match) and _numbering_goes_on(leading, position, expected)
        if match and (bare_marker.startswith("*") or bare_marker == str(expected) or first or gap):
            if gap:
                diagnostics.append(_note_gap(expected, int(bare_marker), line))
            items.append(("NT", line, match["marker"]))
            if bare_marker.isdigit():
                expected = int(bare_marker) + 1
            continue
        items.append(("T", line, ""))
    lone = [marker for kind, _, marker in items if kind == "N"]
    starts = _choose_starts(items, len(lone), previous)
    ordered = sorted(lone, key=_marker_key)
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
            marker = ordered.pop(0)
            current = Note(marker, [line], page, line)
            notes.append(current)
        elif current is not None:
            current.lines.append(line)
        else:
            orphans.append(line)
    if orphans:
        if previous is not None:
            previous.lines.extend(orphans)
        else:
            diagnostics.append(
                Diagnostic(
                    "N401",
                    Severity.WARNING,
                    "footnote text without a marker; kept as a note marked '?'",
                    line=orphans[0].number,
                )
            )
            notes.insert(0, Note("?", orphans, page, orphans[0]))
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


def _note_line(mapping: Mapping) -> re.Pattern[str]:
    """A footnote's marker and the start of its text on one line ("1 Resolution 70/1.")."""
    return _compiled_note_line(mapping.notes.marker.pattern)


@cache
def _compiled_note_line(marker: str) -> re.Pattern[str]:
    return re.compile(rf"(?P<marker>{marker})\s+(?P<text>\S.*)")


def _leading_number(text: str, inline_rx: re.Pattern[str]) -> int | None:
    """The number a note line opens with ("18 A/HRC/13/13."), if it opens with one."""
    match = inline_rx.fullmatch(text)
    marker = match["marker"].strip("()") if match else ""
    return int(marker) if marker.isdigit() else None


# How many note numbers may be missing before a note whose number the next note goes on from.
_NOTE_GAP = 3


def _numbering_goes_on(leading: list[int | None], position: int, expected: int) -> bool:
    """Does the line at ``position`` open a note though its number skips a few (the UN's
    notes 16 and 17 are missing: "15 See …" / "18 A/HRC/13/13." / "19 …")? Only when the next
    line that opens with a number opens with the number after it: a line of note text that
    starts with a number ("25 September 2015.") has no such sequel."""
    number = leading[position]
    if number is None or not expected < number <= expected + _NOTE_GAP:
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


def _ends_note_sentence(text: str, mapping: Mapping) -> bool:
    """Does a footnote line end a sentence (a full stop that is not an abbreviation's)?"""
    text = text.rstrip().rstrip(mapping.typography.closing_marks + ")")
    if not text.endswith(tuple(mapping.typography.full_stops)):
        return False
    last = text.rsplit(None, 1)[-1].lstrip("(")
    return last not in mapping.notes.abbreviations


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


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ".)", ".”", ".»", ";"))
