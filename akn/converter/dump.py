"""One stage of the conversion as JSON (``akn convert --dump lines|pages|tree``), so that a
wrong structure in the XML can be traced to the stage that made it.

``lines``: the input's lines, numbered as diagnostics number them. ``pages``: the page split:
the text proper, the page furniture removed, the footnotes and the links listed under them.
``tree``: the document tree (``akn.converter.tree``) with all its marks, as serialisation
receives it. Every line number is the input's (1-based); columns too. The JSON is stable:
the same input gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable

from akn.converter.pages import Layout, split_pages
from akn.converter.pipeline import Unconvertible, parse, read_lines
from akn.converter.source import Line
from akn.converter.tree import Footnote, Mark, Node, Tree
from akn.diagnostics import Diagnostic

STAGES = ("lines", "pages", "tree")


def dump(
    stage: str, text: str | bytes, lang: str | None = None
) -> tuple[str | None, list[Diagnostic]]:
    """The JSON of ``stage`` for ``text`` and the diagnostics found on the way there; None
    instead of the JSON when the text cannot be read that far (the diagnostics say why)."""
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {', '.join(STAGES)}, not {stage!r}")
    try:
        lines, mapping, diagnostics = read_lines(text, lang)
        if stage == "lines":
            data: dict[str, object] = {"lines": [_line(line) for line in lines]}
        elif stage == "pages":
            layout = split_pages(lines, mapping)
            diagnostics += layout.diagnostics
            data = _layout(layout)
        else:
            data = tree_data(parse(lines, mapping, diagnostics).tree)
    except Unconvertible as stop:
        return None, stop.diagnostics
    document = {"stage": stage, "language": mapping.language.code, **data}
    return to_json(document) + "\n", diagnostics


def to_json(value: object, indent: str = "") -> str:
    """JSON that reads like the document: an object or array that fits on a line of
    ``WIDTH`` stays on one (a line of the text, a mark), a bigger one is spread out."""
    flat = json.dumps(value, ensure_ascii=False)
    if len(indent) + len(flat) <= WIDTH or not isinstance(value, dict | list) or not value:
        return flat
    inner = indent + "  "
    if isinstance(value, list):
        items = [inner + to_json(item, inner) for item in value]
        return "[\n" + ",\n".join(items) + f"\n{indent}]"
    pairs = [
        f"{inner}{json.dumps(key, ensure_ascii=False)}: {to_json(item, inner)}"
        for key, item in value.items()
    ]
    return "{\n" + ",\n".join(pairs) + f"\n{indent}}}"


WIDTH = 100


def _line(line: Line) -> dict[str, object]:
    found: dict[str, object] = {"line": line.number, "column": line.column, "text": line.text}
    if line.page:
        found["page"] = line.page
    if line.after_break:
        found["afterBreak"] = True
    return found


def _layout(layout: Layout) -> dict[str, object]:
    return {
        "text": [_line(line) for line in layout.lines],
        "furniture": [_line(line) for line in layout.furniture],
        "notes": [
            {
                "marker": note.marker,
                "page": note.page,
                "markerLine": note.marker_line.number,
                "lines": [_line(line) for line in note.lines],
            }
            for note in layout.notes
        ],
        "links": [
            {"url": link.url, "page": link.page, "line": link.line.number} for link in layout.links
        ],
        "jobNumber": layout.job_number,
        "formulaLine": (
            layout.lines[layout.formula_index].number if layout.formula_index is not None else None
        ),
    }


def tree_data(tree: Tree) -> dict[str, object]:
    """The tree as plain data: nodes with only the fields that say something."""
    return {
        "document": node_data(tree.root),
        "notes": [_note(note) for note in tree.notes],
        "unplacedNotes": [tree.notes[index].marker for index in tree.unplaced],
    }


def node_data(node: Node) -> dict[str, object]:
    found: dict[str, object] = {"kind": node.kind.value}
    for name, value in _FIELDS.items():
        shown = value(node)
        if shown not in (None, "", (), [], False):
            found[name] = shown
    if node.children:
        found["children"] = [node_data(child) for child in node.children]
    return found


def _source(node: Node) -> str | None:
    """ "line:column-line:column": where the node's text starts and the column after its end."""
    if not node.source:
        return None
    first, last = node.source[0], node.source[-1]
    return f"{first.line}:{first.column}-{last.line}:{last.end_column}"


def _marks(marks: tuple[Mark, ...]) -> list[dict[str, object]]:
    return [
        {"type": _MARK_NAMES[type(mark).__name__], **dataclasses.asdict(mark)} for mark in marks
    ]


def _note(note: Footnote) -> dict[str, object]:
    found: dict[str, object] = {"marker": note.marker, "line": note.line, "text": note.text}
    if note.marks:
        found["marks"] = _marks(note.marks)
    return found


_MARK_NAMES = {
    "NoteMark": "note",
    "LinkMark": "link",
    "MeetingMark": "meeting",
    "DateMark": "date",
    "SessionMark": "session",
    "PhraseMark": "phrase",
}

_FIELDS: dict[str, Callable[[Node], object]] = {
    "number": lambda node: node.number,
    "rule": lambda node: node.rule,
    # What recognition called the block, where the tree calls it otherwise.
    "recognised": lambda node: node.recognised if node.recognised != node.kind.value else None,
    "source": _source,
    "role": lambda node: node.role,
    "heading": lambda node: node.heading,
    "title": lambda node: node.title,
    "text": lambda node: node.text,
    "phrase": lambda node: node.phrase,
    "opensDecision": lambda node: node.opens_decision,
    "byRows": lambda node: node.by_rows,
    "headingRow": lambda node: node.heading_row,
    "marks": lambda node: _marks(node.marks),
}
