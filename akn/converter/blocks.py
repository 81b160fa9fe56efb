"""Cut the text proper into blocks and say what each one is.

A block is one unit of the resolution: a masthead line, the title, the enacting formula, a
preambular paragraph, an operative paragraph, a sub-paragraph, a heading, the closing meeting
and date, an annex heading. Each block keeps the input lines it came from and the id of the
rule that recognised it, so that every diagnostic can name both.

Where a block starts is decided line by line from the numbering (which must follow on: 1, 2,
3…; a, b, c…), the opening phrases of the mapping, the punctuation at the end of the line
before, and blank lines or indentation where the text uses them to separate paragraphs.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from akn.converter.source import Line, has_columns, split_columns
from akn.converter.words import open_quote
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping

# Punctuation that ends a paragraph or list item, in the six UN languages.
TERMINAL_CHARACTERS = frozenset(",;:.،؛，；：。")


@cache
def _closed_by_marker(closing_marks: str) -> re.Pattern[str]:
    """A line that ends with punctuation (or a closing quotation mark) and a footnote number
    ("session,1", "activities, 1", "(1)") is closed too: the number is the marker of a note
    on the word before."""
    ends = re.escape("".join(sorted(TERMINAL_CHARACTERS)) + closing_marks)
    return re.compile(rf"[{ends}]\s?(?:\d{{1,3}}|\(\d{{1,3}}\))$")


def is_closed(text: str, closing_marks: str) -> bool:
    """Does this line end a sentence or a list item (so that a new block may follow)?
    ``closing_marks``: the language's closing quotation marks, which may follow the
    punctuation (``Mapping.closing_marks``)."""
    text = text.rstrip()
    bare = text.rstrip(closing_marks)
    return bare[-1:] in TERMINAL_CHARACTERS or bool(_closed_by_marker(closing_marks).search(text))


class Kind(StrEnum):
    MASTHEAD = "masthead"
    TITLE = "title"
    FORMULA = "formula"
    RECITAL = "recital"
    PARAGRAPH = "paragraph"
    POINT = "point"
    WRAP_UP = "wrapUp"
    HEADING = "heading"
    CONCLUSION = "conclusion"
    ANNEX = "annex"
    COMPONENT = "component"  # "A", "B": one of several resolutions issued as one document
    CELL = "cell"  # a cell of a table, after the block that holds the table
    TEXT = "text"


@dataclass
class Block:
    """One recognised unit of the text, with the lines it came from and the rule that fired."""

    kind: Kind
    lines: list[Line]
    rule: str
    num: str | None = None  # the number as written: "1.", "(a)", "a)", "II"
    level: int = 0  # points: 1 for (a), 2 for (i)
    role: str | None = None  # masthead: which line of the masthead this is
    text: str = ""  # filled in by the text pass: the block's text without its number
    starts: list[int] = field(default_factory=list)  # offset in ``text`` where each line starts
    phrase: str | None = None  # the opening phrase or verb at the start of ``text``
    particle: tuple[int, int] | None = None  # where the verb's particle stands in ``text``
    data: dict[str, str] = field(default_factory=dict)  # what the rule's pattern captured
    # A table after the block's text: its rows, each a list of cells (a cell's text as a Line
    # placed where the cell starts in the input); ``table`` is the same as CELL blocks, which
    # follow this block in the block list (so notes and citations are found in them too).
    rows: list[list[Line]] = field(default_factory=list)
    table: list[list[Block]] = field(default_factory=list)
    table_rule: str = ""  # the rule that found the table: tables.cells, .period or .rows

    @property
    def line(self) -> int:
        return self.lines[0].number if self.lines else 0

    # What later stages need to know of the rule that made the block, as typed facts: the
    # rule ids stay the recognition's business.
    @property
    def opens_decision(self) -> bool:
        """The first paragraph of a decision (it carries the meeting and the date)."""
        return self.rule == "decision.opening"

    @property
    def in_decision(self) -> bool:
        """A paragraph of a decision, which numbers nothing (so no number is missing)."""
        return self.rule.startswith("decision.")

    @property
    def masthead_line(self) -> bool:
        """An unrecognised line of the masthead (cover page), not of the body."""
        return self.kind is Kind.TEXT and self.rule == "masthead.unknown"

    @property
    def numbered_heading(self) -> bool:
        """A heading that opens a section (an unnumbered one is a title inside the body)."""
        return self.kind is Kind.HEADING and self.rule != "heading.unnumbered"

    @property
    def table_of_rows(self) -> bool:
        """The table was read one cell per line (its cells are paragraphs of one row each)."""
        return self.table_rule == "tables.rows"


# --------------------------------------------------------------------------- numbering


def roman_to_int(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    text = text.lower()
    if not text or any(ch not in values for ch in text):
        return None
    total = 0
    for index, ch in enumerate(text):
        value = values[ch]
        if index + 1 < len(text) and values[text[index + 1]] > value:
            total -= value
        else:
            total += value
    return total if int_to_roman(total) == text else None


def section_number(label: str, mapping: Mapping) -> int | None:
    """The number of a section label: "IV", "4", "أولا" (first), "一" (one)."""
    label = label.strip(" .-")
    if label.isdigit():
        return int(label)
    value = roman_to_int(label)
    if value is not None:
        return value
    from akn.converter.dates import parse_number_words

    return parse_number_words(label, mapping)


def int_to_roman(number: int) -> str:
    table = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = ""
    for value, letters in table:
        while number >= value:
            out += letters
            number -= value
    return out


LATIN = tuple("abcdefghijklmnopqrstuvwxyz")
# Cyrillic letters that look Latin, typed by mistake in point labels ("а)" for "a)").
_HOMOGLYPHS = str.maketrans("асеорху", "aceopxy")


def letter_index(label: str, letters: tuple[str, ...] = LATIN) -> int | None:
    """The position of a point's letter: a=1 … z=26, aa=27, bb=28 … (doubled after the last).

    ``letters`` is the language's sequence (the mapping's ``numbering.letters``).
    """
    label = label.replace("\u0640", "").replace(" ", "").translate(_HOMOGLYPHS)
    letters = tuple(letter.replace("\u0640", "") for letter in letters)
    if label in letters:
        return letters.index(label) + 1
    first = next((letter for letter in letters if label.startswith(letter)), None)
    if first and label == first * (len(label) // len(first)) and len(label) > len(first):
        return len(letters) * (len(label) // len(first) - 1) + letters.index(first) + 1
    return None


# --------------------------------------------------------------------------- front matter


@dataclass
class FrontMatter:
    masthead: list[Block]
    title: Block | None
    facts: dict[str, str]
    diagnostics: list[Diagnostic]


_MASTHEAD_RULES = (
    ("authority", None),
    ("symbol", ("symbol",)),
    ("body", None),
    ("distribution", ("masthead", "distribution")),
    ("original", ("masthead", "original")),
    ("session", ("masthead", "session")),
    ("agenda_item", ("masthead", "agenda_item")),
    ("adopted", ("masthead", "adopted")),
    ("adopted_by_council", ("masthead", "adopted_by_council")),
    ("council_title", ("masthead", "council_title")),
    ("committee", ("masthead", "committee")),
    ("draft", ("masthead", "draft")),
    ("date", ("dates", "pattern")),
)


def parse_front_matter(lines: list[Line], mapping: Mapping) -> FrontMatter:
    """Read the masthead lines and the title that precede the enacting formula.

    A masthead item may be wrapped over two or three lines; lines that follow the agenda item
    are its title; what follows the last masthead item is the resolution's own title, possibly
    after its number ("80/2." on its own line or before the title).
    """
    # pdftotext -layout puts the two sides of the masthead on one line, in columns
    # ("United Nations      A/RES/73/6"): each column is an item of its own.
    gap = mapping.pattern("page", "column_gap")
    content = [piece for line in lines if line.text.strip() for piece in split_columns(line, gap)]
    masthead: list[Block] = []
    facts: dict[str, str] = {}
    leftovers: list[tuple[int, Line]] = []  # unrecognised lines, by position
    index = 0
    last_role = None
    while index < len(content):
        matched = None
        for size in (1, 2, 3):
            if index + size > len(content):
                break
            # A wrapped item never swallows a line that is a masthead item of its own.
            if size > 1 and _masthead_role(content[index + size - 1].text, mapping, facts)[0]:
                break
            text = " ".join(line.text.strip() for line in content[index : index + size])
            role, data = _masthead_role(text, mapping, facts)
            if role is not None:
                matched = (size, role, data, text)
                break
        if matched is None:
            halves = _two_items(content[index], mapping, facts)
            if halves:  # "United Nations A/RES/73/7": pdftotext -raw joins the columns
                content[index : index + 1] = halves
                continue
            leftovers.append((index, content[index]))
            index += 1
            continue
        size, role, data, text = matched
        block = Block(
            Kind.MASTHEAD, content[index : index + size], f"masthead.{role}", role=role, data=data
        )
        block.text = text
        _record_fact(role, data, text, facts, mapping)
        masthead.append(block)
        last_role = role
        index += size
    del last_role
    # Lines right after the agenda item are its title; the rest, at the end, is the title.
    title_lines: list[Line] = []
    diagnostics: list[Diagnostic] = []
    roles_at = {id(line): block for block in masthead for line in block.lines}
    position_of = {id(line): i for i, line in enumerate(content)}
    for position, line in leftovers:
        previous = content[position - 1] if position else None
        previous_block = roles_at.get(id(previous)) if previous is not None else None
        if previous_block is not None and previous_block.role in ("agenda_item", "agenda_title"):
            title_block = Block(Kind.MASTHEAD, [line], "masthead.agenda_title", role="agenda_title")
            title_block.text = line.text.strip()
            masthead.append(title_block)
            roles_at[id(line)] = title_block
            continue
        title_lines.append(line)
    masthead.sort(key=lambda block: position_of[id(block.lines[0])])
    # Agenda titles run over several lines: merge consecutive ones.
    merged: list[Block] = []
    for block in masthead:
        if merged and block.role == "agenda_title" and merged[-1].role == "agenda_title":
            merged[-1].lines.extend(block.lines)
            merged[-1].text += " " + block.text
        else:
            merged.append(block)
    masthead = merged
    title: Block | None = None
    if title_lines:
        last_masthead = max((position_of[id(b.lines[-1])] for b in masthead), default=-1)
        stray = [line for line in title_lines if position_of[id(line)] < last_masthead]
        title_lines = [line for line in title_lines if position_of[id(line)] > last_masthead]
        for line in stray:
            block = Block(Kind.TEXT, [line], "masthead.unknown")
            block.text = line.text.strip()
            masthead.append(block)
            diagnostics.append(
                Diagnostic(
                    "S301",
                    Severity.WARNING,
                    f"masthead line not recognised, kept on the cover page: "
                    f"{line.text.strip()[:60]!r}",
                    line=line.number,
                )
            )
        masthead.sort(key=lambda block: position_of[id(block.lines[0])])
        if title_lines:
            title = Block(Kind.TITLE, title_lines, "title")
    return FrontMatter(masthead, title, facts, diagnostics)


def _two_items(line: Line, mapping: Mapping, facts: dict[str, str]) -> list[Line]:
    """A masthead line that is two items joined by a space ("General Assembly Distr.:
    General"), as two Lines; [] if no split gives two items."""
    text = line.text.strip()
    if len(text) > 80:
        return []
    lead = len(line.text) - len(line.text.lstrip())
    for match in re.finditer(" ", text):
        left, right = text[: match.start()], text[match.end() :]
        if _masthead_role(left, mapping, facts)[0] and _masthead_role(right, mapping, facts)[0]:
            column = line.column + lead
            return [
                Line(line.number, left, line.page, column, line.after_break),
                Line(line.number, right, line.page, column + match.end(), line.after_break),
            ]
    return []


def _masthead_role(text: str, mapping: Mapping, facts: dict[str, str]) -> tuple[str | None, dict]:
    text = " ".join(text.split())
    if text == mapping.rule("masthead", "authority"):
        return "authority", {}
    for body in mapping.rule("masthead", "bodies"):
        if text == body["text"]:
            return "body", {"actor": body["actor"]}
    for role, key in _MASTHEAD_RULES:
        if key is None:
            continue
        match = mapping.pattern(*key).fullmatch(text)
        if match:
            if role == "date" and "issued" in facts:
                return None, {}
            if role == "symbol" and "symbol" in facts:
                return None, {}
            return role, {k: v for k, v in match.groupdict().items() if v is not None}
    return None, {}


def _record_fact(role: str, data: dict, text: str, facts: dict[str, str], mapping: Mapping) -> None:
    if role == "symbol":
        facts.setdefault("symbol", data.get("symbol", text))
    elif role == "body":
        facts.setdefault("actor", data["actor"])
    elif role == "date":
        facts.setdefault("issued", text)
    elif role == "session":
        facts.setdefault("session", text)
    elif role == "agenda_item":
        facts.setdefault("agenda_item", text)
    elif role in ("adopted", "adopted_by_council"):
        facts.setdefault("adopted", data.get("date", ""))
        if data.get("meeting"):
            facts.setdefault("meeting", data["meeting"])
        actor = mapping.actor_of(data.get("body", ""))
        if actor:
            facts.setdefault("actor", actor)
    elif role == "committee":
        facts.setdefault("committee", data.get("text", text))
    elif role == "draft":
        facts.setdefault("draft", data.get("sponsors", text))
    elif role == "council_title":
        facts.setdefault("council_number", f"{data['number']}-{data['year']}")
        facts.setdefault("actor", "unsc")


# --------------------------------------------------------------------------- body


class Zone(StrEnum):
    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    CONCLUSIONS = "conclusions"
    ANNEX = "annex"


@dataclass
class _Start:
    kind: Kind
    rule: str
    num: str | None = None
    level: int = 0
    strip: int = 0  # characters of the line that are the number, to cut from the text


class Regime(StrEnum):
    """How the text separates paragraphs."""

    LINES = "lines"  # one paragraph per line (clean text)
    BLANK = "blank"  # wrapped lines, blank lines between paragraphs (PyMuPDF)
    DENSE = "dense"  # wrapped lines, blank lines meaningless or absent (pdftotext, the seed)


_BARE_LABEL = re.compile(r"\(?[0-9a-zA-Z]{1,4}[.)]")


def detect_regime(lines: list[Line], mapping: Mapping) -> Regime:
    content = [line for line in lines if line.text.strip()]
    if not content:
        return Regime.LINES
    closing = mapping.closing_marks
    terminal = sum(1 for line in content if is_closed(line.text, closing))
    # Wrapped text shows itself by lines that stop mid-sentence and go on in lower case.
    continued = sum(
        1
        for current, following in itertools.pairwise(content)
        if not is_closed(current.text, closing)
        and mapping.continues(following.text.strip())
        and not following.after_break
    )
    if terminal >= 0.85 * len(content) or continued <= 0.02 * len(content):
        return Regime.LINES
    blank_after_open = blank_after_closed = open_count = closed_count = 0
    for current, following in itertools.pairwise(lines):
        if (
            not current.text.strip()
            or following.after_break
            or _BARE_LABEL.fullmatch(current.text.strip())
        ):
            continue
        closed = is_closed(current.text, closing)
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


class BodyReader:
    """Group the lines after the formula into blocks, following numbering and phrases."""

    def __init__(self, mapping: Mapping, regime: Regime, decision: bool = False) -> None:
        self.mapping = mapping
        self.regime = regime
        self.blocks: list[Block] = []
        self.diagnostics: list[Diagnostic] = []
        # A decision has no preamble: its first line opens its text, in the operative part.
        self.decision = decision
        self.zone = Zone.OPERATIVE if decision else Zone.PREAMBLE
        self.next_paragraph = 1
        self.next_section = 1
        self.points: list[tuple[str, int]] = []  # open point levels: (style, last index)
        self.current: Block | None = None
        self.operative = mapping.pattern("numbering", "operative")
        self.point = mapping.pattern("numbering", "point")
        self.subpoint = mapping.pattern("numbering", "subpoint")
        self.section = mapping.pattern("numbering", "section")
        self.meeting = mapping.pattern("conclusions", "meeting")
        self.annex = mapping.pattern("annex")
        self.date = mapping.pattern("dates", "pattern")
        self.indented = False
        self.margins: dict[int, int] = {}  # page -> its margin (see _margins)
        self.width = 0  # the length lines are wrapped at, where they are
        self.section_preamble = False  # recitals may follow a section heading
        self.tables = TableFinder(mapping)
        self.letters = tuple(mapping.rule("numbering", "letters"))
        self.conjunctions = frozenset(mapping.rule("words", "conjunctions"))

    # -- driving ------------------------------------------------------------------------

    def read(self, lines: list[Line]) -> list[Block]:
        content = [line for line in lines if line.text.strip()]
        self.margins = _margins(content)
        self.indented = _uses_indentation(content, self.margins)
        self.width = _wrap_width(content) if self.regime is not Regime.LINES else 0
        self.tables.columns = has_columns(content, self.tables.gap)
        self.tables.width = self.width
        following_of = _following_content(lines)
        blank_before = False
        previous: Line | None = None
        resume = 0  # the lines before this were rows of a table
        after_table = False
        for position, line in enumerate(lines):
            if position < resume:
                continue
            if not line.text.strip():
                blank_before = True
                continue
            table = self.tables.find(lines, position, previous)
            if table is not None:  # most lines are not: find() looks twice, cheaply
                self._attach_table(table, line)
                resume = table.end
                previous = None  # a table closes its paragraph, as the start of a text does
                after_table = True
                continue
            following = following_of[position]
            start = self._start(line, previous, blank_before, following)
            if start is None and after_table and self.current is not None:
                start = self._unlabelled(line.text.strip())  # text after a table: in order
            if start is None:
                if self.current is None:
                    self._open(_Start(Kind.TEXT, "text"), line)
                else:
                    self.current.lines.append(line)
            else:
                self._open(start, line)
            previous = line
            blank_before = False
            after_table = False
        return self.blocks

    def _attach_table(self, table: Table, line: Line) -> None:
        """A table belongs to the paragraph that introduces it; one with none before it (after
        a heading, or the formula) is a paragraph (or preambular paragraph) of its own."""
        host = self.current
        if (
            host is None
            or host.kind not in _TABLE_HOSTS
            or host.rows
            or (host.kind is Kind.RECITAL and self.zone is not Zone.PREAMBLE)  # a crossHeading
        ):
            kind = Kind.RECITAL if self.zone is Zone.PREAMBLE else Kind.PARAGRAPH
            host = Block(kind, [], table.rule)
            self.blocks.append(host)
            self.current = host
        host.rows = table.rows
        host.table_rule = table.rule
        first, last = table.rows[0][0].number, table.rows[-1][-1].number
        if table.rule == "tables.rows":
            self.diagnostics.append(
                Diagnostic(
                    "S321",
                    Severity.WARNING,
                    f"lines {first}-{last} look like a table written one cell per line, but "
                    f"its columns could not be found: kept as {len(table.rows)} rows of text "
                    f"(rule {table.rule}); separate its cells with tabs to get a table",
                    line=first,
                )
            )
        else:
            columns = max(len(row) for row in table.rows)
            self.diagnostics.append(
                Diagnostic(
                    "S320",
                    Severity.INFO,
                    f"table of {len(table.rows)} rows and {columns} columns read from lines "
                    f"{first}-{last} (rule {table.rule})",
                    line=first,
                )
            )

    def _open(self, start: _Start, line: Line) -> None:
        block = Block(start.kind, [line], start.rule, num=start.num, level=start.level)
        if start.strip:
            block.data["strip"] = str(start.strip)
        self.blocks.append(block)
        self.current = block

    # -- deciding where a block starts ---------------------------------------------------

    def _start(
        self, line: Line, previous: Line | None, blank_before: bool, following: Line | None
    ) -> _Start | None:
        text = line.text.strip()
        prev_text = previous.text.rstrip() if previous is not None else ""
        current = self.current
        if self.decision and current is None:
            return _Start(Kind.PARAGRAPH, "decision.opening")
        if (
            current is not None
            and len(current.lines) == 1
            and (self._is_bare_label(prev_text) or self._bare_heading(current))
        ):
            return None  # the text of a number that stood alone on its line
        if (
            current is not None
            and current.kind is Kind.HEADING
            and len(current.lines) == 1
            and self.width
            and not is_closed(prev_text, self.mapping.closing_marks)
            and not self._break_not_forced(prev_text, text)
            and not self._numbered(text)
            and not self.section.fullmatch(text)
        ):
            return None  # a long heading wrapped onto a second line
        after_structure = previous is None or (
            current is not None and current.kind in (Kind.HEADING, Kind.CONCLUSION)
        )
        closed = after_structure or is_closed(prev_text, self.mapping.closing_marks)
        separated = (
            self.regime is Regime.LINES
            or (self.regime is Regime.BLANK and blank_before and not line.after_break)
            or (self.indented and _beyond_margin(line, self.margins))
            or (self._break_not_forced(prev_text, text) and not line.after_break)
        )
        if current is not None and len(current.lines) == 1:
            if current.kind is Kind.CONCLUSION and self.date.fullmatch(text):
                return None  # the date under the meeting
            if current.kind is Kind.ANNEX and not self._numbered(text):
                return None  # the annex title under "Annex"

        numbered = self._operative_start(text, prev_text, closed, line, separated)
        if numbered is not None:
            return numbered
        point = self._point_start(
            text, closed or separated or self._ends_with_conjunction(prev_text)
        )
        if point is not None:
            return point
        if closed or separated or self._is_bare_label(prev_text):
            section = self._section_start(text, following)
            if section is not None:
                return section
            if self.meeting.fullmatch(text):
                self.zone = Zone.CONCLUSIONS
                self.points = []
                return _Start(Kind.CONCLUSION, "conclusions.meeting")
            annex = self.annex.fullmatch(text)
            if annex and (following is None or not following.text.strip()[:1].islower()):
                self.zone = Zone.ANNEX
                self.next_paragraph = 1
                self.next_section = 1
                self.points = []
                return _Start(Kind.ANNEX, "annex", num=annex.groupdict().get("num"))
        quoting = current is not None and open_quote(
            " ".join(ln.text for ln in current.lines), self.mapping.quote_pairs
        )
        in_preamble = self.zone is Zone.PREAMBLE or (
            self.section_preamble and self.zone is Zone.OPERATIVE
        )
        # Where the text indents first lines, an unindented line never opens a paragraph
        # (", recalling also …" wrapped to a line start is still the same paragraph).
        if self.indented and self.regime is not Regime.LINES:
            opened = separated or after_structure
        else:
            opened = closed or separated
        if in_preamble and opened and not quoting and following is not None:
            body = self._unnumbered_operative(text, following)
            if body is not None:
                return body
        if in_preamble and opened and not quoting:
            recital = self._recital_start(text, prev_text, separated)
            if recital is not None:
                return recital
        if self.zone is not Zone.CONCLUSIONS and closed and following is not None:
            heading = self._unnumbered_heading(text, following)
            if heading is not None:
                return heading
        if separated and (closed or self.regime is Regime.LINES) and not quoting:
            return self._unlabelled(text)
        return None

    def _ends_with_conjunction(self, text: str) -> bool:
        """ "…; or" / "…; and": the item before the last point of a list."""
        words = text.split()
        return (
            bool(words)
            and words[-1] in self.conjunctions
            and len(words) > 1
            and (is_closed(" ".join(words[:-1]), self.mapping.closing_marks))
        )

    def _bare_heading(self, block: Block) -> bool:
        """A section number alone on its line ("I", "II."): its title is on the next line."""
        return block.kind is Kind.HEADING and int(block.data.get("strip", "0") or 0) >= len(
            block.lines[0].text.strip()
        )

    def _is_bare_label(self, text: str) -> bool:
        """A line that is only a number ("1.", "(a)") is followed by its paragraph's text."""
        return is_number_label(text, self.mapping)

    def _numbered(self, text: str) -> bool:
        return bool(self.operative.match(text) or self.point.match(text))

    def _operative_start(
        self, text: str, prev_text: str, closed: bool, line: Line, separated: bool = False
    ) -> _Start | None:
        match = self.operative.match(text)
        if not match or (match.end() < len(text) and not text[match.end()].isspace()):
            return None
        number = int(match.group("num"))
        expected = self.next_paragraph
        last_word = prev_text.split()[-1] if prev_text.split() else ""
        heading = self.current is not None and self.current.kind in (Kind.HEADING, Kind.ANNEX)
        if (
            last_word in self.mapping.counting_words
            and not heading
            and self.regime is not Regime.LINES
        ):
            return None  # "… in paragraph" / "2. of …": a wrapped line, not a paragraph
        if match.groupdict().get("suffix"):
            # "5 bis." is inserted after 5: it neither follows on nor moves the count.
            if number != expected - 1 or not closed:
                return None
            self.points = []
            return _Start(
                Kind.PARAGRAPH, "numbering.operative", num=match.group(0), strip=match.end()
            )
        restart = number == 1 and (
            self.section_preamble
            or (bool(self.blocks) and self.blocks[-1].kind in (Kind.HEADING, Kind.ANNEX))
        )
        # The body starts at "1." after a closed line, or after a recital that lost its comma
        # where the layout parts the lines and an operative verb follows the number.
        opens_body = closed or (separated and self._verb_after(text, match.end()))
        first_of_body = opens_body and number == 1 and self.zone is Zone.PREAMBLE
        if number != expected and not restart and not first_of_body:
            if not (self.zone is Zone.OPERATIVE and closed and 0 < number - expected <= _GAP):
                return None
            self._numbering_gap(expected, number, line)
        if self.zone is Zone.PREAMBLE and not (opens_body or self._heading_before()):
            return None
        if self.zone in (Zone.PREAMBLE, Zone.CONCLUSIONS):
            self.zone = Zone.OPERATIVE
        self.next_paragraph = number + 1
        self.points = []
        self.section_preamble = False
        return _Start(Kind.PARAGRAPH, "numbering.operative", num=match.group(0), strip=match.end())

    def _unnumbered_operative(self, text: str, following: Line) -> _Start | None:
        """A resolution whose one operative paragraph has no number: an operative verb that
        introduces points ("Decides:" / "(a) To include …"). The verb, the colon and the
        point after it are the evidence; a recital never opens with an operative verb."""
        if self.zone is not Zone.PREAMBLE or not text.rstrip().endswith(":"):
            return None
        if not self.mapping.verb_pattern.match(text) or self.mapping.phrase_pattern.match(text):
            return None
        label = self.point.match(following.text.strip())
        if label is None or letter_index(label.group("num"), self.letters) != 1:
            return None
        self.zone = Zone.OPERATIVE
        self.points = []
        return _Start(Kind.PARAGRAPH, "operative.unnumbered")

    def _verb_after(self, text: str, start: int) -> bool:
        """Does an operative verb of the mapping follow the number ("1. Calls upon")?"""
        return bool(self.mapping.verb_pattern.match(text[start:].lstrip()))

    def _numbering_gap(self, expected: int, number: int, line: Line) -> None:
        """A paragraph number lost (a label the extraction dropped, a number typed twice):
        the numbering goes on from the number found, and says what it skipped."""
        missing = str(expected) if number == expected + 1 else f"{expected}-{number - 1}"
        self.diagnostics.append(
            Diagnostic(
                "S306",
                Severity.WARNING,
                f"operative paragraph {number} follows {expected - 1}: no paragraph {missing} "
                "was found (its number may be lost in the text before)",
                line=line.number,
            )
        )

    def _heading_before(self) -> bool:
        return bool(self.blocks) and self.blocks[-1].kind is Kind.HEADING

    def _point_start(self, text: str, closed: bool) -> _Start | None:
        if self.zone is Zone.PREAMBLE and not self.points:
            inside = False
        else:
            inside = (
                bool(self.blocks)
                and self.blocks[-1].kind in (Kind.PARAGRAPH, Kind.POINT, Kind.TEXT)
            ) or bool(self.points)
        if not inside or not closed:
            return None
        for level, pattern in ((1, self.point), (2, self.subpoint)):
            match = pattern.match(text)
            if not match or (match.end() < len(text) and not text[match.end()].isspace()):
                continue
            label = match.group("num")
            decided = self._accept_point(label, level)
            if decided is None:
                continue
            return _Start(
                Kind.POINT,
                f"numbering.{'point' if decided == 1 else 'subpoint'}",
                num=match.group(0),
                level=decided,
                strip=match.end(),
            )
        return None

    def _accept_point(self, label: str, level: int) -> int | None:
        """Is ``label`` the next point at some level? Returns the level it opens, if any."""
        letter = letter_index(label, self.letters)
        roman = roman_to_int(label) if not label.isdigit() else int(label)
        open_levels = len(self.points)
        # The next letter at level 1 ("(i)" after "(h)" is a letter, not a roman one).
        if letter is not None and level == 1:
            if open_levels >= 1 and self.points[0][1] + 1 == letter:
                self.points = [("letter", letter)]
                return 1
            if open_levels == 0 and letter == 1:
                self.points = [("letter", 1)]
                return 1
        if roman is not None:
            if open_levels >= 2 and self.points[1][1] + 1 == roman:
                self.points = [self.points[0], ("roman", roman)]
                return 2
            if open_levels == 1 and roman == 1 and self._intro_open():
                self.points.append(("roman", 1))
                return 2
        return None

    def _intro_open(self) -> bool:
        """The current point introduces sub-points: its text so far ends with a colon, or
        with no punctuation at all (the sentence runs on into its sub-points, as a language that
        puts the preposition after its noun may write it: "…, with respect" / "(i) States…")."""
        block = self.blocks[-1] if self.blocks else None
        if block is None or block.kind is not Kind.POINT:
            return False
        last = block.lines[-1].text.rstrip()
        return last.endswith(":") or not is_closed(last, self.mapping.closing_marks)

    def _section_start(self, text: str, following: Line | None) -> _Start | None:
        match = self.section.fullmatch(text)
        if not match:
            sub = self.mapping.pattern("numbering", "subsection").fullmatch(text)
            if (
                sub
                and self.zone is not Zone.PREAMBLE
                and not is_closed(text, self.mapping.closing_marks)
            ):
                self.points = []
                return _Start(
                    Kind.HEADING,
                    "numbering.subsection",
                    num=text[: sub.start("heading")].strip(),
                    strip=sub.start("heading"),
                )
            return None
        number = section_number(match.group("num"), self.mapping)
        if number != self.next_section:
            return None
        heading = match.groupdict().get("heading")
        if heading and heading.rstrip().endswith((";", ",")):
            return None
        self.next_section += 1
        self.points = []
        self.section_preamble = True
        if self.zone is Zone.PREAMBLE:
            self.zone = Zone.OPERATIVE
        strip = match.start("heading") if heading else len(text)
        label = text[:strip].strip()  # as written: "I", "II."
        return _Start(Kind.HEADING, "numbering.section", num=label, strip=strip)

    def _break_not_forced(self, prev_text: str, text: str) -> bool:
        """Did the line before stop short of the wrap width, though the first word of this
        one would have fitted on it? Then the paragraph ended there ("…health" / "recalling
        …" in a language whose preambular paragraphs open in lower case)."""
        if not self.width or not prev_text:
            return False
        if _closed_by_marker(self.mapping.closing_marks).search(prev_text) and text[:1].islower():
            # pdftotext -raw ends a line at a superscript: "…Court,1" / "and calls upon…"
            # (a lower-case start says so; without case, nothing does)
            return False
        word = text.split(None, 1)[0] if self.mapping.spaced else text[:1]
        return len(prev_text.strip()) + 1 + len(word) <= _SHORT_LINE * self.width

    def _recital_start(self, text: str, prev_text: str, separated: bool) -> _Start | None:
        if self.mapping.phrase_pattern.match(text):
            return _Start(Kind.RECITAL, "preamble.phrases")
        # An opening the mapping does not list needs the layout's word for it (a blank line,
        # an indent, a line per paragraph): after a comma, a capitalised word may just go on.
        opening = self.mapping.pattern("preamble", "opening").match(text)
        if opening and separated:
            after = text[opening.end() : opening.end() + 1]
            if after in ("", " ", ",", "،", "，") or not self.mapping.spaced:
                return _Start(Kind.RECITAL, "preamble.opening")
        return None

    def _unnumbered_heading(self, text: str, following: Line) -> _Start | None:
        """A short title line between paragraphs, followed by a numbered paragraph."""
        if (
            is_closed(text, self.mapping.closing_marks)
            or len(text.split()) > _HEADING_WORDS
            or text[:1].islower()
        ):
            return None
        nxt = following.text.strip()
        match = self.operative.match(nxt)
        if not match or int(match.group("num")) != self.next_paragraph:
            return None
        return _Start(Kind.HEADING, "heading.unnumbered")

    def _unlabelled(self, text: str) -> _Start:
        if self.zone is Zone.PREAMBLE:
            return _Start(Kind.RECITAL, "preamble.layout")
        if self.points and self.zone is not Zone.CONCLUSIONS:
            return _Start(Kind.WRAP_UP, "wrapUp.layout")
        if self.zone is Zone.CONCLUSIONS:
            return _Start(Kind.CONCLUSION, "conclusions.layout")
        if self.decision:
            return _Start(Kind.PARAGRAPH, "decision.paragraph")  # decisions number nothing
        return _Start(Kind.PARAGRAPH, "paragraph.unnumbered")


# The blocks a table may follow as part of their content.
_TABLE_HOSTS = frozenset({Kind.RECITAL, Kind.PARAGRAPH, Kind.POINT, Kind.WRAP_UP, Kind.TEXT})


@dataclass
class Table:
    """Rows found in the text: ``rows`` of cells, the lines they span (to ``end``), the rule."""

    rows: list[list[Line]]
    end: int
    rule: str


class TableFinder:
    """Find tables in the body, in the three forms text extraction leaves them.

    Cells parted by tabs or runs of spaces (a word processor, pdftotext -layout) make rows
    at once (rule tables.cells). A table written one cell per line (PyMuPDF, pdftotext) is
    only recognised after a line ending with a colon, as a run of short lines that open no
    paragraph: when its figures come back at a fixed period it is rebuilt with that many
    columns (tables.period), otherwise each line is kept as a row of its own (tables.rows).
    """

    def __init__(self, mapping: Mapping) -> None:
        self.mapping = mapping
        self.gap = mapping.pattern("page", "column_gap")
        self.figure = mapping.pattern("tables", "figure")
        self.row_length = int(mapping.rule("tables", "row_length"))
        self.min_rows = int(mapping.rule("tables", "min_rows"))
        self.width = 0  # the length the text is wrapped at (0: not wrapped): rows stop short
        self.columns = True  # may a line hold columns? (False: no line of the text does)

    def find(self, lines: list[Line], position: int, previous: Line | None) -> Table | None:
        """The table that starts at ``lines[position]``, if one does."""
        if self.columns and self.gap.search(lines[position].text.strip()):
            table = self._cell_rows(lines, position)
            if table is not None:
                return table
        if previous is not None and previous.text.rstrip()[-1:] in ":：":
            return self._line_rows(lines, position)
        return None

    def _cell_rows(self, lines: list[Line], position: int) -> Table | None:
        rows: list[list[Line]] = []
        end = position
        pending: list[Line] = []  # one-cell lines inside the table (a cell wrapped in two)
        for index in range(position, len(lines)):
            line = lines[index]
            if not line.text.strip():
                continue
            cells = split_columns(line, self.gap)
            if len(cells) >= 2 and not self._bare_label(cells[0].text):
                rows += [[cell] for cell in pending]
                pending = []
                rows.append(cells)
                end = index + 1
            elif rows and self._short_row(line):
                pending.append(line)
            else:
                break
        if sum(1 for row in rows if len(row) >= 2) < self.min_rows:
            return None
        return Table(rows, end, "tables.cells")

    def _line_rows(self, lines: list[Line], position: int) -> Table | None:
        found: list[tuple[int, Line]] = []
        for index in range(position, len(lines)):
            line = lines[index]
            if not line.text.strip():
                continue
            if not self._short_row(line):
                break
            found.append((index, line))
        if len(found) < self.min_rows:
            return None
        end = found[-1][0] + 1
        texts = [line.text.strip() for _, line in found]
        period = self._period(texts)
        if period:
            rows = [
                [line for _, line in found[i : i + period]] for i in range(0, len(found), period)
            ]
            return Table(rows, end, "tables.period")
        return Table([[line] for _, line in found], end, "tables.rows")

    def _period(self, texts: list[str]) -> int:
        """The column count of a table written one cell per line, or 0: the first row holds
        headings (no figures), and every later row has its figures in the same columns."""
        figures = [bool(self.figure.fullmatch(text)) for text in texts]
        for period in range(2, 7):
            if len(texts) % period or len(texts) < 3 * period:
                continue
            rows = [texts[i : i + period] for i in range(0, len(texts), period)]
            shape = figures[period : 2 * period]
            if not heading_row(rows, self.figure) or all(shape):
                continue
            if all(figures[i : i + period] == shape for i in range(period, len(texts), period)):
                return period
        return 0

    def _short_row(self, line: Line) -> bool:
        text = line.text.strip()
        if self.figure.fullmatch(text):
            return True  # "0.006" is not "word." and a note number
        return (
            len(text) <= self.row_length
            and not (self.width and len(text) >= _SHORT_LINE * self.width)  # wrapped prose
            and not is_closed(text, self.mapping.closing_marks)
            and not self.mapping.opens_paragraph(text)
        )

    def _bare_label(self, text: str) -> bool:
        """ "1.<tab>Decides …", "•<tab>Respect …": a number or bullet parted from its text,
        not a row."""
        text = text.strip()
        bullet = len(text) <= 2 and not any(ch.isalnum() for ch in text)
        return bullet or is_number_label(text, self.mapping)


def is_number_label(text: str, mapping: Mapping) -> bool:
    """Is ``text`` only a paragraph or point number ("1.", "(a)", "(iv)")?"""
    text = text.strip()
    return any(
        mapping.pattern("numbering", key).fullmatch(text)
        for key in ("operative", "point", "subpoint")
    )


def heading_row(cells: list[list[str]], figure: re.Pattern[str]) -> bool:
    """Is the first row of a table a row of column headings: no figure in it, figures in the
    rows below?"""
    if len(cells) < 2 or any(figure.fullmatch(cell) for cell in cells[0]):
        return False
    return any(figure.fullmatch(cell) for row in cells[1:] for cell in row)


# A line is short when it, a space and the next word fill less than this share of the width:
# proportional fonts make the lines of one paragraph differ by some characters.
_SHORT_LINE = 0.8
# How many operative numbers may be missing before a number that goes on after them.
_GAP = 2
# The most words an unnumbered heading has ("Pillar III: measures to build States’ capacity to
# prevent and combat terrorism and to strengthen the role of …" has 27).
_HEADING_WORDS = 40


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
        by_page.setdefault(line.page, Counter())[_indent(line)] += 1
    return {
        page: min((n for n, count in counts.items() if count >= 2), default=min(counts))
        for page, counts in by_page.items()
    }


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


# How far beyond its page's margin a line must start to be indented (a column of jitter).
_INDENT_STEP = 2


def _beyond_margin(line: Line, margins: dict[int, int]) -> bool:
    """Does the line start beyond its page's margin: any indent where the margin is 0 (one
    space is the seed's indent), a couple of columns more in pdftotext -layout (jitter)."""
    margin = margins.get(line.page, 0)
    return _indent(line) >= margin + _INDENT_STEP if margin else _indent(line) > 0


def _uses_indentation(content: list[Line], margins: dict[int, int]) -> bool:
    """Does the text indent first lines (and only first lines) of paragraphs beyond its
    margin?"""
    if len(content) < 6:
        return False
    indented = sum(1 for line in content if _beyond_margin(line, margins))
    return 0.05 * len(content) < indented < 0.6 * len(content)


def _following_content(lines: list[Line]) -> list[Line | None]:
    """For each line, the next line that is not blank (None after the last): one pass from
    the end, so that reading stays linear in the length of the text."""
    following: list[Line | None] = [None] * len(lines)
    nearest: Line | None = None
    for position in range(len(lines) - 1, -1, -1):
        following[position] = nearest
        if lines[position].text.strip():
            nearest = lines[position]
    return following


def with_cells(blocks: list[Block]) -> list[Block]:
    """The blocks with each table's cells as CELL blocks right after the block holding it:
    every later stage (text, notes, citations) then treats a cell as it treats a paragraph."""
    result: list[Block] = []
    for block in blocks:
        result.append(block)
        if block.rows:
            block.table = [
                [Block(Kind.CELL, [cell], block.table_rule) for cell in row] for row in block.rows
            ]
            result.extend(cell for row in block.table for cell in row)
    return result


def strip_number(block: Block) -> None:
    """Remove the number the block starts with from its first line (kept in ``block.num``)."""
    strip = int(block.data.pop("strip", "0") or 0)
    if not strip:
        return
    first = block.lines[0]
    text = first.text
    leading = len(text) - len(text.lstrip())
    rest = text[leading + strip :]
    block.lines[0] = Line(
        first.number, rest, first.page, first.column + leading + strip, first.after_break
    )


NUMBER_PUNCTUATION = re.compile(r"[\s.()\-]")
