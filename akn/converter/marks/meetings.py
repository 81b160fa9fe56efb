"""Meetings and dates the text gives, marked where they stand (each read once, here).

A decision opens with the meeting that took it and its date ("At its 38th plenary meeting,
on 10 December 2020, …"); a resolution's conclusions name the meeting on a line, the date on
the next; the masthead prints the issue date and the session. The metadata's dates and the
XML's ``docDate``, ``adoptionMeeting`` and ``session`` all read these marks.
"""

from __future__ import annotations

from collections.abc import Callable

from akn.converter.dates import decision_meeting, find_date, parse_number_words
from akn.converter.tree import DateMark, Mark, MeetingMark, Node, NodeKind, SessionMark, Tree
from akn.mapping import Mapping


def mark_meetings(tree: Tree, mapping: Mapping) -> Tree:
    """The tree with its meeting, date and session marks."""
    return tree.with_units(meeting_marker(mapping))


def meeting_marker(mapping: Mapping) -> Callable[[Node], Node]:
    """The change of ``mark_meetings`` to one unit, for a rebuild shared with other passes
    (``Tree.with_units``): it reads of the units below only a conclusion's date line's text."""

    def marked(node: Node) -> Node:
        if node.opens_decision:
            meeting, date = decision_meeting(node.text, mapping)
            found: list[Mark] = []
            if meeting:
                found.append(MeetingMark(*meeting))
            if date:
                found.append(DateMark(*date))
            return node.changed(marks=(*node.marks, *found)) if found else node
        if node.kind is NodeKind.CONCLUSION:
            return _conclusion(node, mapping)
        if node.kind is NodeKind.COVER_LINE and node.role == "date":
            date = find_date(node.text, mapping)
            return (
                node.changed(marks=(*node.marks, DateMark(0, len(node.text), date[2])))
                if date
                else node
            )
        if node.kind is NodeKind.COVER_LINE and node.role == "session":
            ordinal = dict(node.captured).get("ordinal", "")
            return node.changed(
                marks=(*node.marks, SessionMark(parse_number_words(ordinal, mapping)))
            )
        return node

    return marked


def _conclusion(node: Node, mapping: Mapping) -> Node:
    """The date on the line after the meeting, marked up; in a conclusion written as one
    paragraph, the first date of its text, for the metadata only."""
    line = node.first(NodeKind.DATE_LINE)
    if line is not None:
        date = find_date(line.text, mapping)
        if date is None:
            return node
        dated = line.changed(marks=(DateMark(0, len(line.text), date[2]),))
        return node.changed(children=tuple(dated if c is line else c for c in node.children))
    if node.first(NodeKind.MEETING_LINE) is not None:
        return node
    date = find_date(node.text, mapping)
    if date is None:
        return node
    return node.changed(marks=(*node.marks, DateMark(*date, written=False)))


def text_date(tree: Tree) -> str | None:
    """The adoption date the text gives: its first conclusion's date or a decision's."""
    for node in tree.units:
        if node.kind is NodeKind.CONCLUSION:
            line = node.first(NodeKind.DATE_LINE)
            dates = (line or node).marks_of(DateMark)
            if dates:
                return dates[0].date
        if node.opens_decision:
            dates = node.marks_of(DateMark)
            if dates:
                return dates[0].date
    return None
