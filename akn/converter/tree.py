"""The document as a plain tree: what recognition found, before any XML.

Recognition hands over a flat list of blocks; this tree says what holds what (the preamble
holds the formula and the recitals, a paragraph its points, a section its paragraphs, a
table its rows) and keeps, for every node, where it came from: the rule that made it and the
lines and columns of the text. The mark passes (``akn.converter.marks``) add notes, links,
meeting and date marks and italic phrases to its nodes; ``akn.converter.serialise`` writes
the XML from it and from nothing else; ``akn convert --dump tree`` prints it as JSON.

Nodes are frozen: a pass returns a new tree (``Tree.with_units``) rather than change one in
place, so what a stage received is still there to be dumped or compared.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import NamedTuple, TypeVar


class NodeKind(StrEnum):
    DOCUMENT = "document"  # a resolution or a decision
    COLLECTION = "collection"  # several resolutions issued as one document
    COMPONENT = "component"  # one of them: its letter, then its document
    LETTER = "letter"  # the letter of a component ("A")
    COVER = "cover"  # the masthead
    COVER_LINE = "coverLine"
    PREFACE = "preface"  # the resolution's number and title
    TITLE = "title"
    PREAMBLE = "preamble"
    FORMULA = "formula"
    RECITAL = "recital"
    DECORATION = "decoration"  # "* * *" between recitals
    BODY = "body"
    SECTION = "section"  # under a numbered heading
    HEADING_GROUP = "headingGroup"  # under an unnumbered heading
    CROSS_HEADING = "crossHeading"  # a preambular paragraph inside a section
    PARAGRAPH = "paragraph"
    POINT = "point"
    WRAP_UP = "wrapUp"
    TABLE = "table"
    ROW = "row"
    CELL = "cell"
    CONCLUSIONS = "conclusions"
    CONCLUSION = "conclusion"
    MEETING_LINE = "meetingLine"  # a conclusion's first line, naming the meeting
    DATE_LINE = "dateLine"  # the conclusion's lines after it (its date)
    ANNEX = "annex"


# --------------------------------------------------------------------------- marks


@dataclass(frozen=True)
class NoteMark:
    """Footnote ``note`` (index into ``Tree.notes``) stands at ``offset``; ``repeat``: a later
    reference to a note already printed."""

    offset: int
    note: int
    repeat: bool = False


@dataclass(frozen=True)
class LinkMark:
    """A citation of a UN document at ``start:end``, linked to ``href``."""

    start: int
    end: int
    symbol: str
    href: str


@dataclass(frozen=True)
class MeetingMark:
    """The meeting that adopted the text (a decision's opening names it)."""

    start: int
    end: int


@dataclass(frozen=True)
class DateMark:
    """A date the text gives at ``start:end``; ``written``: marked up as ``docDate`` (False for
    a date read only for the metadata, in a conclusion written as plain text)."""

    start: int
    end: int
    date: str  # ISO
    written: bool = True


@dataclass(frozen=True)
class SessionMark:
    """The number of the session a masthead line names ("Seventy-fifth session": 75)."""

    value: int | None


@dataclass(frozen=True)
class PhraseMark:
    """The opening phrase or verb (or the verb's particle) at ``start:end``, in italics."""

    start: int
    end: int


Mark = NoteMark | LinkMark | MeetingMark | DateMark | SessionMark | PhraseMark
_MarkT = TypeVar("_MarkT", bound=Mark)


# --------------------------------------------------------------------------- nodes


class SourceLine(NamedTuple):
    """Where a line of a node's text stands in the input: 1-based line and column, page.
    (A named tuple: a document has thousands, and they are made for every conversion.)"""

    line: int
    column: int
    page: int
    end_column: int  # the column after its last character

    @property
    def number(self) -> int:
        """The line number, named as ``source.Line`` names it."""
        return self.line


@dataclass(frozen=True)
class Node:
    """One part of the document. A node with ``seq`` is a unit of text, made from one
    recognised block (``seq`` is the block's place in the reading order): the mark passes
    search and mark units; structural nodes (document, preamble, body, table, ...) only hold."""

    kind: NodeKind
    children: tuple[Node, ...] = ()
    text: str = ""
    number: str | None = None  # as written: "1.", "(a)", "II", the resolution's "80/2."
    rule: str = ""  # the recognition rule that made the block
    recognised: str = ""  # the block's kind as recognition named it (blocks.Kind)
    seq: int | None = None
    source: tuple[SourceLine, ...] = ()
    starts: tuple[int, ...] = ()  # where each source line starts in ``text``
    marks: tuple[Mark, ...] = ()
    role: str | None = None  # a cover line: which line of the masthead it is
    captured: tuple[tuple[str, str], ...] = ()  # what the rule's pattern captured
    phrase: str | None = None  # the opening phrase or verb ``text`` starts with
    particle: tuple[int, int] | None = None  # where that verb's particle stands in ``text``
    italics: tuple[tuple[int, str], ...] | None = None  # a PDF's italic runs (Block.italics)
    opens_decision: bool = False  # the first paragraph of a decision: meeting and date
    heading: str = ""  # an annex: its heading line ("Annex I")
    title: str = ""  # an annex: the title under its heading
    heading_row: bool = False  # a table whose first row is its heading
    by_rows: bool = False  # a table read one cell per line: a paragraph per row

    @property
    def line(self) -> int | None:
        """The input line the node starts on, if it came from the text."""
        return self.source[0].line if self.source else None

    def marks_of(self, kind: type[_MarkT]) -> list[_MarkT]:
        return [mark for mark in self.marks if isinstance(mark, kind)]

    def first(self, kind: NodeKind) -> Node | None:
        return next((child for child in self.children if child.kind is kind), None)

    def walk(self) -> Iterator[Node]:
        """This node and all below it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def changed(self, **fields: object) -> Node:
        """A copy with ``fields`` changed: ``dataclasses.replace`` without its checks, which
        cost more than the passes' own work (every pass makes a new node for each it marks)."""
        copy = object.__new__(Node)
        copy.__dict__.update(self.__dict__, **fields)
        return copy


@dataclass(frozen=True)
class Footnote:
    """A note printed at the bottom of a page: its marker, clean text and links in it."""

    marker: str
    text: str
    line: int  # the input line of its marker
    marks: tuple[Mark, ...] = ()
    italics: tuple[tuple[int, str], ...] | None = None  # a PDF's italic runs (Note.italics)


@dataclass(frozen=True)
class Tree:
    """The document (a DOCUMENT or COLLECTION node) and its footnotes; ``unplaced``: the notes
    whose marker was not found, kept on the preface."""

    root: Node
    notes: tuple[Footnote, ...] = ()
    unplaced: tuple[int, ...] = ()
    language: str = ""  # the mapping's code

    @functools.cached_property
    def units(self) -> tuple[Node, ...]:
        """The units of text in reading order (the order recognition found them in)."""
        found = [node for node in self.root.walk() if node.seq is not None]
        return tuple(sorted(found, key=lambda node: node.seq or 0))

    def with_units(self, *changes: Callable[[Node], Node]) -> Tree:
        """A new tree with ``changes`` applied, in order, to every unit of text (structure
        unchanged); the tree itself when no change changes a unit.

        Several passes share one rebuild of the tree this way. The units are changed from the
        leaves up, each by all the changes before its parent: a change that reads below its
        unit (a table's cells, a conclusion's date line) sees them changed by every change,
        so it may only read there what the changes before it make."""
        if len(changes) == 1:
            change = changes[0]
        else:

            def change(node: Node) -> Node:
                for each in changes:
                    node = each(node)
                return node

        root = _rebuilt(self.root, change)
        return self if root is self.root else replace(self, root=root)


def _rebuilt(node: Node, change: Callable[[Node], Node]) -> Node:
    children = node.children
    if children:
        rebuilt = [_rebuilt(child, change) for child in children]
        for new, old in zip(rebuilt, children, strict=True):
            if new is not old:
                node = node.changed(children=tuple(rebuilt))
                break
    return change(node) if node.seq is not None else node
