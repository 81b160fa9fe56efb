"""Tables in the body, in the three forms text extraction leaves them.

Cells parted by tabs or runs of spaces (a word processor, pdftotext -layout) make rows at once
(rule tables.cells). A table written one cell per line (PyMuPDF, pdftotext) is only recognised
after a line ending with a colon, as a run of short lines that open no paragraph: when its
figures come back at a fixed period it is rebuilt with that many columns (tables.period),
otherwise each line is kept as a row of its own (tables.rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from akn.converter.recognise.layout import SHORT_LINE
from akn.converter.recognise.numerals import is_number_label
from akn.converter.recognise.punctuation import introduces, is_closed
from akn.converter.source import Line, split_columns
from akn.mapping import Mapping


class TableShape(StrEnum):
    """How a table's cells were found (each shape is one rule: tables.<shape>)."""

    CELLS = "cells"  # cells parted by tabs or runs of spaces
    PERIOD = "period"  # one cell per line, columns found from where the figures recur
    ROWS = "rows"  # one cell per line, columns not found: a row per line


@dataclass(frozen=True)
class Table:
    """Rows found in the text: ``rows`` of cells, the lines they span (to ``end``), how."""

    rows: list[list[Line]]
    end: int
    shape: TableShape

    @property
    def rule(self) -> str:
        return f"tables.{self.shape}"


class TableFinder:
    """Finds the table that starts at a line of the body, if one does (see the module)."""

    def __init__(self, mapping: Mapping, width: int = 0, columns: bool = True) -> None:
        self.mapping = mapping
        self.gap = mapping.page.column_gap
        self.figure = mapping.tables.figure
        self.row_length = mapping.tables.row_length
        self.min_rows = mapping.tables.min_rows
        self.width = width  # the length the text is wrapped at (0: not wrapped): rows stop short
        self.columns = columns  # may a line hold columns? (False: no line of the text does)

    def find(self, lines: list[Line], position: int, previous: Line | None) -> Table | None:
        """The table that starts at ``lines[position]``, if one does."""
        if self.columns and self.gap.search(lines[position].text.strip()):
            table = self._cell_rows(lines, position)
            if table is not None:
                return table
        if previous is not None and introduces(previous.text):
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
        return Table(rows, end, TableShape.CELLS)

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
            return Table(rows, end, TableShape.PERIOD)
        return Table([[line] for _, line in found], end, TableShape.ROWS)

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
            and not (self.width and len(text) >= SHORT_LINE * self.width)  # wrapped prose
            and not is_closed(text, self.mapping.typography)
            and not self.mapping.opens_paragraph(text)
        )

    def _bare_label(self, text: str) -> bool:
        """ "1.<tab>Decides …", "•<tab>Respect …": a number or bullet parted from its text,
        not a row."""
        text = text.strip()
        bullet = len(text) <= 2 and not any(ch.isalnum() for ch in text)
        return bullet or is_number_label(text, self.mapping.numbering)


def heading_row(cells: list[list[str]], figure: re.Pattern[str]) -> bool:
    """Is the first row of a table a row of column headings: no figure in it, figures in the
    rows below?"""
    if len(cells) < 2 or any(figure.fullmatch(cell) for cell in cells[0]):
        return False
    return any(figure.fullmatch(cell) for row in cells[1:] for cell in row)
