"""The driver: read the body line by line through the rule chain and group lines into blocks.

The reader measures the layout once, then for each line finds a table if one starts there,
else asks the chain what the line is and applies the answer: it opens a block or adds the
line to the current one, and takes the progress the rule computed. Only the driver changes
the reader's state; the rules only answer.
"""

from __future__ import annotations

from dataclasses import replace

from akn.converter.blocks import Block, Kind
from akn.converter.recognise.chains import BODY_CHAIN, ChainEntry, first_match, rules_of
from akn.converter.recognise.layout import Layout, Regime, following_content
from akn.converter.recognise.rules.late_heading import RULE_ID as LATE_HEADING
from akn.converter.recognise.rules.late_heading import late_headings
from akn.converter.recognise.rules.sole_operative import RULE_ID as SOLE_OPERATIVE
from akn.converter.recognise.rules.sole_operative import sole_operative
from akn.converter.recognise.state import Context, LineView, Match, Progress, ReaderState, Zone
from akn.converter.recognise.tables import Table, TableFinder, TableShape
from akn.converter.source import Line
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping

# The blocks a table may follow as part of their content.
_TABLE_HOSTS = frozenset({Kind.RECITAL, Kind.PARAGRAPH, Kind.POINT, Kind.WRAP_UP, Kind.TEXT})


class BodyReader:
    """Group the lines after the formula into blocks, following numbering and phrases."""

    def __init__(
        self,
        mapping: Mapping,
        regime: Regime,
        decision: bool = False,
        chain: tuple[ChainEntry, ...] = BODY_CHAIN,
    ) -> None:
        self.mapping = mapping
        self.regime = regime
        self.decision = decision  # a decision has no preamble: its first line is operative
        self.chain = chain
        self.blocks: list[Block] = []
        self.diagnostics: list[Diagnostic] = []
        self.progress = Progress(Zone.OPERATIVE if decision else Zone.PREAMBLE)

    def read(self, lines: list[Line]) -> list[Block]:
        """The blocks of ``lines`` (the body after the formula), in order."""
        layout = Layout.measure(
            lines, self.regime, self.mapping.page.column_gap, self.mapping.typography
        )
        context = Context(self.mapping, layout)
        tables = TableFinder(self.mapping, layout.width, layout.columns)
        following_of, second_of = following_content(lines)
        blank_before = after_table = False
        previous: Line | None = None
        resume = 0  # the lines before this were rows of a table
        state = ReaderState(self.progress, self.decision, self.blocks)
        rules = rules_of(self.chain)
        for position, line in enumerate(lines):
            if position < resume:
                continue
            if not line.text.strip():
                blank_before = True
                continue
            table = tables.find(lines, position, previous)
            if table is not None:  # most lines are not: find() looks twice, cheaply
                self._attach_table(table)
                resume = table.end
                previous = None  # a table closes its paragraph, as the start of a text does
                after_table = True
                continue
            state.progress = self.progress
            state.current = self.blocks[-1] if self.blocks else None
            view = LineView(
                line,
                previous,
                following_of[position],
                blank_before,
                after_table,
                state,
                context,
                second_of[position],
            )
            self._apply(first_match(rules, state, view, context), line)
            previous = line
            blank_before = after_table = False
        if not self.decision:
            self._settle_sole_operative(context)
        self._settle_late_headings(context)
        return self.blocks

    def _settle_sole_operative(self, context: Context) -> None:
        """What only the whole body shows: its one operative paragraph, unnumbered, read as
        a recital (rules/sole_operative.py)."""
        for position in sole_operative(self.blocks, context):
            self.blocks[position].kind = Kind.PARAGRAPH
            self.blocks[position].rule = SOLE_OPERATIVE

    def _settle_late_headings(self, context: Context) -> None:
        """Titles wrapped onto three lines or more, read as unnumbered paragraphs until the
        number after them showed what they are (rules/late_heading.py)."""
        for position in late_headings(self.blocks, context):
            self.blocks[position].kind = Kind.HEADING
            self.blocks[position].rule = LATE_HEADING

    def _apply(self, match: Match | None, line: Line) -> None:
        if match is not None and match.kind is not None:
            self._open(match, line)
        elif self.blocks:
            self.blocks[-1].lines.append(line)
        else:
            self._open(Match("text", Kind.TEXT), line)

    def _open(self, match: Match, line: Line) -> None:
        assert match.kind is not None
        self.blocks.append(
            Block(
                match.kind,
                [line],
                match.rule,
                num=match.num,
                level=match.level,
                strip=match.strip,
                opens_decision=match.opens_decision,
                in_decision=match.in_decision,
            )
        )
        if match.progress is not None:
            self.progress = match.progress
        if match.kind is Kind.RECITAL and self.progress.points:
            self.progress = replace(self.progress, points=())  # a recital closes a recital's list
        self.diagnostics += match.diagnostics

    def _attach_table(self, table: Table) -> None:
        """A table belongs to the paragraph that introduces it; one with none before it (after
        a heading, or the formula) is a paragraph (or preambular paragraph) of its own."""
        host = self.blocks[-1] if self.blocks else None
        zone = self.progress.zone
        if (
            host is None
            or host.kind not in _TABLE_HOSTS
            or host.rows
            or (host.kind is Kind.RECITAL and zone is not Zone.PREAMBLE)  # a crossHeading
        ):
            kind = Kind.RECITAL if zone is Zone.PREAMBLE else Kind.PARAGRAPH
            host = Block(kind, [], table.rule)
            self.blocks.append(host)
        host.rows = table.rows
        host.table_rule = table.rule
        host.table_shape = table.shape
        self.diagnostics.append(_table_finding(table))


def _table_finding(table: Table) -> Diagnostic:
    first, last = table.rows[0][0].number, table.rows[-1][-1].number
    if table.shape is TableShape.ROWS:
        return Diagnostic(
            "S321",
            Severity.WARNING,
            f"lines {first}-{last} look like a table written one cell per line, but "
            f"its columns could not be found: kept as {len(table.rows)} rows of text "
            f"(rule {table.rule}); separate its cells with tabs to get a table",
            line=first,
        )
    columns = max(len(row) for row in table.rows)
    return Diagnostic(
        "S320",
        Severity.INFO,
        f"table of {len(table.rows)} rows and {columns} columns read from lines "
        f"{first}-{last} (rule {table.rule})",
        line=first,
    )
