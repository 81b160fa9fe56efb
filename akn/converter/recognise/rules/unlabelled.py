"""*.layout, point.unlabelled, paragraph.unnumbered, decision.paragraph — a block the layout
alone opens.

Where the layout parts a line from the one before (a line per paragraph, a blank line, an
indent, a short line) and the line before closed, with no number or phrase to say more, the
zone says what the block is: a recital in the preamble (preamble.layout), the text after a
list's points (wrapUp.layout) or an item a point introduces with a colon (point.unlabelled),
a line of the conclusions (conclusions.layout), a paragraph of a decision
(decision.paragraph: decisions number nothing) or an unnumbered paragraph.
The same holds for the text after a table (unlabelled.after_table): it goes on in order.
In wrapped text, an item of a list without labels opens after the colon that introduces it.
"""

from __future__ import annotations

from akn.converter.blocks import Kind
from akn.converter.recognise.layout import Regime
from akn.converter.recognise.punctuation import introduces
from akn.converter.recognise.rules.heading import title_like
from akn.converter.recognise.state import Context, LineView, Match, ReaderState, Zone

# The most words a point that titles the items under it has ("Quick impact projects").
TITLE_WORDS = 12


def unlabelled(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """A line the layout parts from a closed line opens the block its zone expects."""
    if line.quoting:
        return None
    if not line.separated:
        return by_zone(state, context, line) if _listed_item(state, line, context) else None
    if not (line.closed or context.regime is Regime.LINES):
        return None
    return by_zone(state, context, line)


def after_table(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """The text after a table opens the block its zone expects."""
    if not line.after_table or state.current is None:
        return None
    return by_zone(state, context, line)


def by_zone(state: ReaderState, context: Context, line: LineView) -> Match:
    """What an unlabelled block is in the reader's zone."""
    zone = state.zone
    if zone is Zone.PREAMBLE:
        return Match("preamble.layout", Kind.RECITAL)
    if state.progress.points and zone is not Zone.CONCLUSIONS:
        if _introduced_by_point(state, context, line):
            return Match("point.unlabelled", Kind.POINT, level=2)
        return Match("wrapUp.layout", Kind.WRAP_UP)
    if zone is Zone.CONCLUSIONS:
        return Match("conclusions.layout", Kind.CONCLUSION)
    if state.decision:
        return Match("decision.paragraph", Kind.PARAGRAPH, in_decision=True)
    return Match("paragraph.unnumbered", Kind.PARAGRAPH)


def _introduced_by_point(state: ReaderState, context: Context, line: LineView) -> bool:
    """Is the line an item the point before introduced ("(a) … the following themes:" /
    "Leadership dialogue 1: …;")? After a point that ends with a colon, or after such an
    item, text is the point's own unlabelled sub-point, not the wrap-up of the list: a
    wrap-up comes after the last point, and moving this text there would change its order.
    So after a point that is a title on a line of its own ("(f) Humanitarian assistance" /
    "In support of the Malian authorities, to contribute …;", S/RES/2531 (2020)): the text
    under it is its item."""
    current = state.current
    if current is None or current.kind is not Kind.POINT or not current.lines:
        return False
    if current.level == 2 and current.num is None:
        return True
    if current.level != 1:
        return False
    last = current.lines[-1].text
    return introduces(last) or (
        len(current.lines) == 1
        and context.regime is Regime.LINES
        and len(last.split()) <= TITLE_WORDS
        and title_like(last[current.strip :].strip(), context)
        and not _goes_on(line.text, context)  # "(c) Human rights" / "and decides …"
    )


def _goes_on(text: str, context: Context) -> bool:
    """Does ``text`` go on the sentence before: a lower-case start where case marks a
    sentence's start; elsewhere (Arabic, Chinese: no case; Russian, whose items open in lower
    case: "f) Гуманитарная помощь" / "в порядке оказания поддержки …") a conjunction first
    ("и постановляет …")?"""
    first = text[:1]
    if context.typography.case_marks_start and first.lower() != first.upper():
        return first.islower()
    words = text.split(None, 1)
    return bool(words) and words[0].casefold() in context.conjunctions


def _listed_item(state: ReaderState, line: LineView, context: Context) -> bool:
    """Where the layout parts nothing (wrapped lines), an item of a list that has no labels
    still opens: after a paragraph or point that ends with a colon, or after such an item,
    a line that follows a clause end (";", ":") and does not go on in lower case ("… will be
    held as follows:" / "Monday, 27 May: from 10 a.m. …;" / "Tuesday, 28 May: …")."""
    current = state.current
    if state.zone is not Zone.OPERATIVE or current is None or not current.lines:
        return False
    if line.prev_text.rstrip()[-1:] not in context.typography.clause_ends:
        return False
    if context.mapping.continues(line.text):
        return False
    opens_list = introduces(current.lines[-1].text)
    if opens_list and not _ends_an_item(line, context):
        return False  # "… for Agenda 2063:" / "The Africa We Want.": a title that wrapped
    if current.kind is Kind.POINT:
        return _introduced_by_point(state, context, line)
    if current.kind is not Kind.PARAGRAPH:
        return False
    return opens_list or (current.num is None and not state.decision)


def _ends_an_item(line: LineView, context: Context) -> bool:
    """Does the first item after a colon end like an item of a list, with a clause end, on
    its line or one of the next two?"""
    ends = context.typography.clause_ends
    return any(
        found is not None and found.text.rstrip()[-1:] in ends
        for found in (line.line, line.following, line.then)
    )
