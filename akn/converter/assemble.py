"""Recognised blocks in, the document tree out (``akn.converter.tree``).

Recognition reads the text as a flat list of blocks in reading order; here they are put
where they belong: the masthead on the cover, the number and title in the preface, the
formula and recitals in the preamble, paragraphs with their points and wrap-ups, sections
under their headings, tables under the block that holds them, conclusions and annexes at
the end; several resolutions issued as one document each become a component. Every block
becomes one unit of text (a node with ``seq``, its place in the reading order), so that a
mark pass that searches the units in order searches exactly what recognition found.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypedDict, Unpack

from akn.converter.blocks import Block, Kind
from akn.converter.footnotes import Note
from akn.converter.recognise.tables import heading_row
from akn.converter.tree import Footnote, Node, NodeKind, SourceLine, Tree
from akn.mapping import Mapping


def assemble(
    blocks: Sequence[Block], notes: Sequence[Note], note_texts: Sequence[str], mapping: Mapping
) -> Tree:
    """The tree of the document ``blocks`` make (masthead, title, formula, body, in order)
    and of its footnotes (``note_texts``: their clean texts)."""
    footnotes = tuple(
        Footnote(note.marker, text, note.marker_line.number, italics=note.italics)
        for note, text in zip(notes, note_texts, strict=True)
    )
    return Tree(_Assembler(blocks, mapping).root(), footnotes, language=mapping.language.code)


class _AnnexLines(TypedDict, total=False):
    """What an annex's node holds besides its block's text."""

    heading: str
    title: str


class _UnitFields(_AnnexLines, total=False):
    """The node fields a unit may get besides those of its block."""

    children: tuple[Node, ...]


def unit(block: Block, seq: int, kind: NodeKind, **extra: Unpack[_UnitFields]) -> Node:
    """The node of one block: its text, number, rule and source, as recognition left them.
    Made as ``Node.changed`` makes a copy, its fields set in its dictionary one by one:
    without the frozen dataclass's checked set of each of its twenty fields (3 µs a node,
    and a document has hundreds), and without a keyword dictionary to merge."""
    node = object.__new__(Node)
    fields = node.__dict__
    fields.update(_BLANK_FIELDS)
    fields["kind"] = kind
    fields["text"] = block.text
    fields["number"] = block.num
    fields["rule"] = block.rule
    fields["recognised"] = _KIND_NAMES[block.kind]
    fields["seq"] = seq
    fields["source"] = tuple(
        [
            _new_tuple(SourceLine, (ln.number, ln.column, ln.page, ln.column + len(ln.text)))
            for ln in block.lines
        ]
    )
    fields["starts"] = tuple(block.starts)
    fields["role"] = block.role
    fields["captured"] = tuple(sorted(block.data.items())) if block.data else ()
    fields["phrase"] = block.phrase
    fields["particle"] = block.particle
    fields["italics"] = block.italics
    fields["opens_decision"] = block.opens_decision
    if extra:
        fields.update(extra)
    return node


# A SourceLine made by tuple's own constructor: the named tuple's __new__ is a Python
# function around it, called for every line of the document.
_new_tuple = tuple.__new__
_KIND_NAMES = {kind: kind.value for kind in Kind}  # ``Kind.value`` is a descriptor call


_BLANK = Node(NodeKind.PARAGRAPH)
_BLANK_FIELDS = dict(_BLANK.__dict__)


@dataclass
class _Draft:
    """A node of the body while paragraphs, points and sections are being grouped."""

    kind: NodeKind
    index: int
    children: list[_Draft] = field(default_factory=list)


class _Assembler:
    def __init__(self, blocks: Sequence[Block], mapping: Mapping) -> None:
        self.blocks = blocks
        self.mapping = mapping

    def root(self) -> Node:
        blocks = self.blocks
        components = [i for i, b in enumerate(blocks) if b.kind is Kind.COMPONENT]
        if not components:
            return Node(NodeKind.DOCUMENT, self.document(range(len(blocks))))
        # Several resolutions issued as one document ("75/101 A-B"): one component each.
        parts = list(self.document(range(components[0]), collection=True))
        for number, start in enumerate(components):
            end = components[number + 1] if number + 1 < len(components) else len(blocks)
            letter = self.unit(start, NodeKind.LETTER)
            document = Node(NodeKind.DOCUMENT, self.document(range(start, end)))
            parts.append(Node(NodeKind.COMPONENT, (letter, document), number=letter.number))
        return Node(NodeKind.COLLECTION, tuple(parts))

    def unit(
        self,
        index: int,
        kind: NodeKind,
        children: tuple[Node, ...] = (),
        **extra: Unpack[_AnnexLines],
    ) -> Node:
        block = self.blocks[index]
        table = self.table(index)
        return unit(block, index, kind, children=(*table, *children), **extra)

    def document(self, indices: range, collection: bool = False) -> tuple[Node, ...]:
        """The parts of one document made of the blocks ``indices``."""
        blocks = self.blocks
        parts: list[Node] = []
        masthead = [
            i for i in indices if blocks[i].kind is Kind.MASTHEAD or blocks[i].masthead_line
        ]
        if masthead:
            lines = tuple(self.unit(i, NodeKind.COVER_LINE) for i in masthead)
            parts.append(Node(NodeKind.COVER, lines))
        letter = next((i for i in indices if blocks[i].kind is Kind.COMPONENT), None)
        title = next(
            (i for i in indices if blocks[i].kind is Kind.TITLE and not blocks[i].role), None
        )
        # "76/244." title, then "B" on its line: the letter of a resolution adopted in parts
        part = next((i for i in indices if blocks[i].kind is Kind.TITLE and blocks[i].role), None)
        if title is not None or letter is not None:
            number = (blocks[title].data.get("number") if title is not None else None) or (
                blocks[letter].text if letter is not None else None
            )
            heading: tuple[Node, ...] = (
                (self.unit(title, NodeKind.TITLE),) if title is not None else ()
            )
            if part is not None:
                heading += (self.unit(part, NodeKind.LETTER),)
            parts.append(Node(NodeKind.PREFACE, heading, number=number))
        if collection:
            return tuple(parts)
        formula = next((i for i in indices if blocks[i].kind is Kind.FORMULA), None)
        heads = [i for i in (*masthead, title, part, letter) if i is not None]
        body_start = (formula + 1) if formula is not None else (max(heads, default=-1) + 1)
        end = indices.stop
        preamble_end = body_start
        while preamble_end < end and self.in_preamble(preamble_end, body_start):
            preamble_end += 1
        if formula is not None or preamble_end > body_start:
            opening = (self.unit(formula, NodeKind.FORMULA),) if formula is not None else ()
            recitals = self.recitals(range(body_start, preamble_end))
            parts.append(Node(NodeKind.PREAMBLE, (*opening, *recitals)))
        annex_starts = [i for i in range(preamble_end, end) if blocks[i].kind is Kind.ANNEX]
        main_end = annex_starts[0] if annex_starts else end
        body = list(range(preamble_end, main_end))
        parts.append(Node(NodeKind.BODY, self.body([i for i in body if not self.concludes(i)])))
        conclusions = [i for i in body if self.concludes(i)]
        if conclusions:
            parts.append(self.conclusions(conclusions))
        for ordinal, start in enumerate(annex_starts, start=1):
            stop = annex_starts[ordinal] if ordinal < len(annex_starts) else end
            parts.append(self.annex(start, stop))
        return tuple(parts)

    def concludes(self, index: int) -> bool:
        return self.blocks[index].kind is Kind.CONCLUSION

    def in_preamble(self, index: int, start: int) -> bool:
        """Is block ``index`` still the preamble's (which starts at ``start``)? Recitals, a
        table's cells, and the points of a recital that introduces a list."""
        kind = self.blocks[index].kind
        return kind in (Kind.RECITAL, Kind.CELL, Kind.DECORATION) or (
            kind is Kind.POINT and index > start
        )

    def recitals(self, indices: range | list[int]) -> tuple[Node, ...]:
        """The recitals of ``indices``, each with the points of its list. A table's cells are
        written by the recital that holds the table."""
        drafts: list[_Draft] = []
        opened: list[_Draft] = []
        for index in indices:
            block = self.blocks[index]
            if block.kind is Kind.CELL:
                continue
            if block.kind is Kind.DECORATION:
                drafts.append(_Draft(NodeKind.DECORATION, index))
                opened = []
            elif (
                block.kind is not Kind.POINT
                or not drafts
                or drafts[-1].kind is not NodeKind.RECITAL
            ):
                drafts.append(_Draft(NodeKind.RECITAL, index))
                opened = []
            else:
                _open_point(_Draft(NodeKind.POINT, index), block.level, drafts[-1], opened)
        return tuple(self.frozen(draft) for draft in drafts)

    def table(self, index: int) -> tuple[Node, ...]:
        """The table after the block's text, if any: its cells are the blocks that follow it."""
        block = self.blocks[index]
        if not block.table:
            return ()
        rows, seq = [], index + 1
        for row in block.table:
            cells = []
            for cell in row:
                cells.append(unit(cell, seq, NodeKind.CELL))
                seq += 1
            rows.append(Node(NodeKind.ROW, tuple(cells)))
        return (Node(NodeKind.TABLE, tuple(rows), by_rows=block.table_of_rows),)

    def conclusions(self, indices: list[int]) -> Node:
        meeting = self.mapping.conclusions.meeting
        found = []
        for index in indices:
            block = self.blocks[index]
            lines = [" ".join(line.text.split()) for line in block.lines]
            first = lines[0] if lines else block.text
            parts: tuple[Node, ...] = ()
            if meeting.fullmatch(first):
                # Written line by line: the meeting, then its date.
                rest = " ".join(lines[1:])
                parts = (Node(NodeKind.MEETING_LINE, text=first),)
                if rest:
                    parts += (Node(NodeKind.DATE_LINE, text=rest),)
            found.append(self.unit(index, NodeKind.CONCLUSION, parts))
        return Node(NodeKind.CONCLUSIONS, tuple(found))

    def annex(self, start: int, stop: int) -> Node:
        lines = [" ".join(line.text.split()) for line in self.blocks[start].lines]
        indices = list(range(start + 1, stop))
        recitals = []
        while indices and self.in_preamble(indices[0], start + 1):
            recitals.append(indices.pop(0))
        parts: list[Node] = []
        if recitals:
            parts.append(Node(NodeKind.PREAMBLE, self.recitals(recitals)))
        conclusions = [i for i in indices if self.concludes(i)]
        body = self.body([i for i in indices if i not in conclusions])
        parts.append(Node(NodeKind.BODY, body))
        if conclusions:
            parts.append(self.conclusions(conclusions))
        heading, title = lines[0], " ".join(lines[1:])
        return self.unit(start, NodeKind.ANNEX, tuple(parts), heading=heading, title=title)

    # -- body ---------------------------------------------------------------------------

    def body(self, indices: list[int]) -> tuple[Node, ...]:
        return tuple(self.frozen(draft) for draft in self.nest(indices))

    def frozen(self, draft: _Draft) -> Node:
        children = tuple(self.frozen(child) for child in draft.children)
        return self.unit(draft.index, draft.kind, children)

    def nest(self, indices: list[int]) -> list[_Draft]:
        """Group body blocks: sections hold headings' paragraphs; points nest in paragraphs."""
        roots: list[_Draft] = []
        section: _Draft | None = None
        group: _Draft | None = None  # unnumbered heading inside or outside a section
        paragraph: _Draft | None = None
        opened: list[_Draft] = []  # the open point of each level, from level 1 down

        def holder() -> list[_Draft]:
            if group is not None:
                return group.children
            if section is not None:
                return section.children
            return roots

        for index in indices:
            block = self.blocks[index]
            if block.kind is Kind.CELL:
                continue  # in the table of the block before it
            if block.numbered_heading:
                section = _Draft(NodeKind.SECTION, index)
                roots.append(section)
                group = paragraph = None
                opened = []
            elif block.kind is Kind.HEADING:
                group = _Draft(NodeKind.HEADING_GROUP, index)
                (section.children if section is not None else roots).append(group)
                paragraph = None
                opened = []
            elif block.kind is Kind.RECITAL and (section is not None or group is not None):
                holder().append(_Draft(NodeKind.CROSS_HEADING, index))
                paragraph = None
                opened = []
            elif block.kind is Kind.POINT and paragraph is not None:
                _open_point(_Draft(NodeKind.POINT, index), block.level, paragraph, opened)
            elif block.kind is Kind.WRAP_UP and paragraph is not None:
                point = opened[0] if opened else None
                target = point if point is not None and point.children else paragraph
                target.children.append(_Draft(NodeKind.WRAP_UP, index))
            else:
                paragraph = _Draft(NodeKind.PARAGRAPH, index)
                holder().append(paragraph)
                opened = []
        return roots


def _open_point(node: _Draft, level: int, holder: _Draft, opened: list[_Draft]) -> None:
    """Put a point under the open point one level up (``opened``: the open point of each
    level, from level 1), or under ``holder`` at level 1; a level with no point open above
    it goes under the deepest one open. ``node`` is then the open point of its level."""
    depth = min(max(level, 1), len(opened) + 1)
    del opened[depth - 1 :]
    (opened[-1] if opened else holder).children.append(node)
    opened.append(node)


def settle_tables(tree: Tree, mapping: Mapping) -> Tree:
    """Say which tables open with a heading row: read once the notes' markers are out of the
    cells' texts (a marker glued to a figure would hide it)."""
    return tree.with_units(table_settler(mapping))


def table_settler(mapping: Mapping) -> Callable[[Node], Node]:
    """The change of ``settle_tables`` to one unit, for a rebuild shared with other passes
    (``Tree.with_units``): it reads of the cells below only their texts."""
    figure = mapping.tables.figure

    def settled(node: Node) -> Node:
        table = node.first(NodeKind.TABLE)
        if table is None or table.by_rows:
            return node
        texts = [[cell.text for cell in row.children] for row in table.children]
        if not heading_row(texts, figure):
            return node
        children = tuple(
            child.changed(heading_row=True) if child is table else child for child in node.children
        )
        return node.changed(children=children)

    return settled
