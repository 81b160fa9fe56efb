"""An Akoma Ntoso document as clean text: the layout ``akn convert`` reads best.

One block per line (masthead lines, number and title, formula, each preambular paragraph,
each operative paragraph and point with its number in front, headings, the meeting and date
of adoption, annexes), note markers glued to the word they follow ("(1)" in Arabic), and the
notes after a ``____`` rule at the end. It is the text a person pastes from Word or a web
page, so converting it again gives back the same structure: the round trip the tests check
on the whole corpus. Works on the UN's own files as well as on akn's.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from lxml import etree

from akn.reading import (
    DOCUMENT_TYPES,
    brackets,
    component_documents,
    local,
    main_document,
    q,
    squash,
    text_of,
)

NOTE_RULE = "_" * 18
MARK_OPEN, MARK_CLOSE = "\ue100", "\ue101"
"""Where a note marker stands in a line of ``document_lines`` (private-use characters, so
that callers can wrap lines without cutting a marker and print it as they like)."""

_SECTIONS = ("section", "hcontainer", "subsection", "chapter", "part", "title", "division")
_NUMBERED = ("paragraph", "point", "subparagraph", "alinea", "item")
_HEADS = ("num", "heading", "subheading")

Line = Callable[[etree._Element], str]


def render_text(root: etree._Element) -> str:
    """The document as clean text, markers printed as its language prints them."""
    lines, notes = document_lines(root)
    opening, closing = brackets(root)
    out = [_markers(line, opening, closing) for line in lines]
    if notes:
        out.append(NOTE_RULE)
        out.extend(f"{opening}{marker}{closing} {note}" for marker, note in notes)
    return "\n".join(out) + "\n"


def _markers(line: str, opening: str, closing: str) -> str:
    return line.replace(MARK_OPEN, opening).replace(MARK_CLOSE, closing)


def document_lines(root: etree._Element) -> tuple[list[str], list[tuple[str, str]]]:
    """The document's blocks in reading order, one line each, each note marker between
    MARK_OPEN and MARK_CLOSE; and its notes (marker, text) in the order of their markers."""
    lines: list[str] = []
    notes: list[tuple[str, str]] = []

    def line(element: etree._Element) -> str:
        marked = text_of(element, lambda marker: f"{MARK_OPEN}{marker}{MARK_CLOSE}", notes)
        return " ".join(marked.split())

    _document(main_document(root), lines, line, notes, component=False)
    return [text for text in lines if text], notes


def _document(
    document: etree._Element,
    lines: list[str],
    line: Line,
    notes: list[tuple[str, str]],
    component: bool,
) -> None:
    """One document's parts in order: a collection's components come after its preface."""
    for part in document:
        name = local(part)
        if name == "coverPage":
            lines.extend(line(p) for p in _blocks(part))
        elif name == "preface":
            for p in _blocks(part):
                p = _unplaced_notes_apart(p, notes)
                lines.extend(_preface_lines(p, line) if component else [line(p)])
        elif name == "preamble":
            for child in part:
                lines.extend(_recital_lines(child, line))
        elif name == "mainBody":
            _body_lines(part, lines, line)
        elif name == "conclusions":
            for p in _blocks(part):
                lines.extend(_pieces_between_eols(p, line, notes))
        elif name == "collectionBody":
            for inner in component_documents(part):
                _document(inner, lines, line, notes, component=True)
        elif name == "attachments":
            for attachment in part:
                for doc in attachment:
                    if local(doc) in DOCUMENT_TYPES:
                        _document(doc, lines, line, notes, component=False)


def _recital_lines(element: etree._Element, line: Line) -> list[str]:
    """A preamble's part on a line, but a recital's list (``blockList``, in its container or
    beside it, as the UN writes both) an item a line, as printed."""
    name = local(element)
    if name == "blockList":
        return [line(part) for part in element if local(part) != ""]
    if name == "container" and element.find(q("blockList")) is not None:
        return [found for part in element for found in _recital_lines(part, line)]
    return [line(element)] if name else []


def _blocks(part: etree._Element) -> list[etree._Element]:
    """The paragraphs of a cover page, preface or conclusions: its ``p`` children, and those
    of the blocks that hold them (``longTitle``, ``container``), never a note's own ``p``."""
    found = []
    for child in part:
        if local(child) == "p":
            found.append(child)
        elif local(child):
            found.extend(child.findall(q("p")))
    return found


def _unplaced_notes_apart(p: etree._Element, notes: list[tuple[str, str]]) -> etree._Element:
    """akn keeps a note whose marker it could not find in the text on the preface, after the
    title (``N403``): where it stands is unknown, so the text gives the note but no marker
    (glued to the title, the marker became part of the title's words). A note in the title
    itself is inside ``docTitle`` and keeps its marker, as does a note right after a number
    (the UN's note on the letter of "76/244 B", where the PDF prints "B¹")."""
    if not any(_unplaced(child) or _after_number(child) for child in p):
        return p
    copied = copy.deepcopy(p)
    for note in [child for child in copied if _after_number(child)]:
        # "B¹": the marker glued to the letter, as printed
        previous = note.getprevious()
        while previous is not None and local(previous) != "docNumber":
            previous.tail = (previous.tail or "").strip() or None
            previous = previous.getprevious()
        if previous is not None and not (previous.tail or "").strip():
            label = squash("".join(previous.itertext()))
            previous.clear()
            previous.text = label
    for note in [child for child in copied if _unplaced(child)]:
        notes.append((note.get("marker", ""), squash(text_of(note))))
        previous = note.getprevious()
        if note.tail and previous is not None:
            previous.tail = (previous.tail or "") + note.tail
        elif note.tail:
            copied.text = (copied.text or "") + note.tail
        copied.remove(note)
    return copied


def _unplaced(child: etree._Element) -> bool:
    """A note in a preface paragraph that does not follow a number."""
    return local(child) == "authorialNote" and not _after_number(child)


def _after_number(child: etree._Element) -> bool:
    """A note right after a number ("B¹"; the Arabic "باء" then the bracket "(" the UN
    writes as a raised span before the note)."""
    if local(child) != "authorialNote":
        return False
    previous = child.getprevious()
    while previous is not None and local(previous) in ("span", "sup"):
        if "".join(previous.itertext()).strip() not in ("", "(", ")"):
            return False
        previous = previous.getprevious()
    return previous is not None and local(previous) == "docNumber"


def _preface_lines(p: etree._Element, line: Line) -> list[str]:
    """A component's letter ("A") stands on a line of its own, before its title."""
    number = p.find(q("docNumber"))
    title = p.find(q("docTitle"))
    if number is None or title is None:
        return [line(p)]
    return [line(number), line(title)]


def _pieces_between_eols(p: etree._Element, line: Line, notes: list[tuple[str, str]]) -> list[str]:
    """The meeting and the date of adoption, one line each (``eol`` parts them)."""
    if p.find(f".//{q('eol')}") is None:
        return [line(p)]
    pieces = [""]

    def walk(node: etree._Element) -> None:
        if node.text:
            pieces[-1] += node.text
        for child in node:
            if local(child) == "eol":
                pieces.append("")
            elif local(child) == "authorialNote":
                pieces[-1] += line(_wrapped(child))
            else:
                walk(child)
            if child.tail:
                pieces[-1] += child.tail

    walk(p)
    return [" ".join(piece.split()) for piece in pieces if piece.strip()]


def _wrapped(note: etree._Element) -> etree._Element:
    """A copy of ``note`` inside an empty span, so that ``line`` prints just its marker."""
    holder = etree.Element(q("span"))
    holder.append(copy.deepcopy(note))
    holder[0].tail = None
    return holder


def _body_lines(element: etree._Element, lines: list[str], line: Line) -> None:
    """Headings, paragraphs with their numbers in front, points, tables (cells by tabs)."""
    for child in element:
        name = local(child)
        if name in _SECTIONS:
            lines.extend(_heading_lines([line(h) for h in child if local(h) in _HEADS]))
            _body_lines(child, lines, line)
        elif name in _NUMBERED:
            _numbered_lines(child, lines, line)
        elif name in ("list", "blockList", "sublist"):  # the UN's sublist: a point's points
            _body_lines(child, lines, line)
        elif name in ("wrapUp", "container", "blockContainer"):
            lines.extend(_paragraph_lines(child, line))
        elif name in ("crossHeading", "p") or (name in _HEADS and local(element) == "mainBody"):
            lines.append(line(child))  # (the UN writes headings in no section, too)
        elif name == "table":
            lines.extend(_table_lines(child, line))


def _heading_lines(heads: list[str]) -> list[str]:
    """A section's number and heading: on one line when the number ends with punctuation
    ("一. 全球背景…", "A. Pension"), as the UN prints them; a bare "I" keeps a line of its own
    (the UN's layout too, and what the converter reads as a section number)."""
    if len(heads) >= 2 and heads[0] and not heads[0][-1].isalnum():
        return [f"{heads[0]} {heads[1]}", *heads[2:]]
    return heads


def _numbered_lines(element: etree._Element, lines: list[str], line: Line) -> None:
    num = element.find(q("num"))
    label = line(num) if num is not None else ""
    for head in element:
        if local(head) in ("heading", "subheading"):
            lines.append(f"{label} {line(head)}".strip())
            label = ""
    own = element.find(q("content"))
    listing = element.find(q("list"))
    if own is not None:
        first, *rest = _paragraph_lines(own, line) or [""]
        lines.append(f"{label} {first}".strip())
        lines.extend(rest)
        for table in own.findall(q("table")):
            lines.extend(_table_lines(table, line))
    elif listing is not None:
        intro = listing.find(q("intro"))
        lead = line(intro) if intro is not None else ""
        lines.append(f"{label} {lead}".strip())
        _body_lines(listing, lines, line)
    else:
        _body_lines(element, lines, line)


def _paragraph_lines(element: etree._Element, line: Line) -> list[str]:
    """One line per ``p`` of a block (the text akn reads a paragraph per line from)."""
    paragraphs = element.findall(q("p"))
    return [line(p) for p in paragraphs] if paragraphs else [line(element)]


def _table_lines(table: etree._Element, line: Line) -> list[str]:
    """One line per row, its cells parted by tabs: how a table pasted from Word reads."""
    rows = []
    for row in table.iter(q("tr")):
        cells = [line(cell) for cell in row if local(cell) in ("td", "th")]
        rows.append("\t".join(cells))
    return rows
