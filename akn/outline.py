"""The parts of an Akoma Ntoso document that people compare, read from any tree.

``akn diff`` and the corpus score compare documents item by item, not element by element: the
UN's files and akn's differ in eIds, whitespace, wrappers and metadata that say nothing about
the resolution. An ``Outline`` holds, per kind and in order, the items a reader sees: masthead
lines, title, formula, preambular paragraphs, headings, operative paragraphs (number, text),
points (number path, text), notes (marker, text), where each note stands (the words before
its marker), the lines of the conclusions, annexes; and the FRBR metadata, kept apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from akn.reading import (
    CJK_CHARACTER,
    component_documents,
    is_lone_bracket,
    local,
    main_document,
    q,
    squash,
    text_of,
)
from akn.rendering.text import MARK_CLOSE, MARK_OPEN, document_lines

KINDS = (
    "masthead",
    "title",
    "formula",
    "recital",
    "heading",
    "paragraph",
    "point",
    "note",
    "anchor",
    "conclusion",
    "annex",
)
"""Every kind of item, in the order a report lists them."""

KEYED = frozenset({"paragraph", "point", "note", "anchor", "heading"})
"""Kinds aligned by their number or marker; the others are aligned by order alone."""

_BLOCKS = ("p", "docTitle", "heading", "crossHeading")
_SECTIONS = ("section", "hcontainer", "subsection", "chapter", "part", "title", "division")


@dataclass(frozen=True)
class Item:
    """One thing a reader sees: its number or marker (``key``), its text with spacing made
    comparable, the exact text (for ``--strict``) and the eId of the element it came from."""

    kind: str
    key: str
    text: str
    raw: str = ""
    eid: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"key": self.key, "text": self.text, "eId": self.eid}


@dataclass
class Outline:
    """The items of a document, per kind in reading order, and its metadata apart."""

    items: dict[str, list[Item]] = field(default_factory=lambda: {k: [] for k in KINDS})
    metadata: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, key: str, element: etree._Element | None, text: str = "") -> None:
        raw = text or (text_of(element) if element is not None else "")
        eid = element.get("eId", "") if element is not None else ""
        self.items[kind].append(Item(kind, key, squash(raw), raw, eid))


def outline(root: etree._Element) -> Outline:
    """The outline of the document under ``root`` (``akomaNtoso`` or a document element)."""
    document = main_document(root) if local(root) == "akomaNtoso" else root
    found = Outline()
    found.metadata = metadata(document)
    _read_document(document, found, prefix="")
    body = document.find(q("collectionBody"))
    referred = [  # the components a collection refers to, kept apart from it (the UN's form)
        inner
        for inner in (component_documents(body) if body is not None else [])
        if document not in inner.iterancestors()
    ]
    for part in (document, *referred):
        for note in part.iter(q("authorialNote")):
            marker = note.get("marker", "")
            found.add("note", marker, note)
            found.add("anchor", marker, note, words_before(note) or " ")
    attachments = document.find(q("attachments"))
    if attachments is not None:
        for number, attachment in enumerate(attachments.findall(q("attachment")), start=1):
            found.add("annex", str(number), attachment, _annex_text(attachment) or " ")
    return found


def _read_document(document: etree._Element, found: Outline, prefix: str) -> None:
    """Masthead, title, preamble, body and conclusions of one document or component."""
    cover = document.find(q("coverPage"))
    if cover is not None:
        for p in cover.iter(q("p")):
            if squash(text_of(p)):
                found.add("masthead", "", p)
    preface = document.find(q("preface"))
    if preface is not None:
        for p in preface.findall(q("p")):
            found.add("title", prefix, p)
    preamble = document.find(q("preamble"))
    if preamble is not None:
        for formula in preamble.iter(q("formula")):
            found.add("formula", "", formula)
        for container in preamble.iter(q("container")):
            after = container.getnext()
            if after is not None and local(after) == "blockList":  # its list, beside it
                found.add("recital", "", container, f"{text_of(container)} {text_of(after)}")
            else:
                found.add("recital", "", container)
    main = document.find(q("mainBody"))
    if main is not None:
        _read_body(main, found, prefix)
    conclusions = document.find(q("conclusions"))
    if conclusions is not None:
        for p in conclusions.iter(q("p")):
            found.add("conclusion", "", p)
    body = document.find(q("collectionBody"))
    if body is not None:
        for number, inner in enumerate(component_documents(body), start=1):
            _read_document(inner, found, prefix=f"{_component_letter(inner, number)} ")


def _annex_text(attachment: etree._Element) -> str:
    """An annex's text, block after block (as ``akn render --to text`` lays it out, notes
    and markers aside): the UN's files and akn's part their blocks with different spacing."""
    lines, _ = document_lines(attachment)
    return _MARKED.sub("", " ".join(lines)).replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def _component_letter(document: etree._Element, number: int) -> str:
    letter = document.findtext(f"{q('preface')}/{q('p')}/{q('docNumber')}")
    return (letter or str(number)).strip()


def _read_body(main: etree._Element, found: Outline, prefix: str) -> None:
    for heading in main.iter(q("crossHeading")):
        found.add("recital", "", heading)
    for section in main.iter(*(q(name) for name in _SECTIONS)):
        heads = [h for h in section if local(h) in ("num", "heading", "subheading")]
        if heads:
            text = " ".join(text_of(h) for h in heads)
            found.add("heading", prefix + _num(section), section, text)
    for paragraph in main.iter(q("paragraph")):
        found.add("paragraph", prefix + _num(paragraph), paragraph, _own_text(paragraph) or " ")
    for point in main.iter(q("point")):
        path = [_num(point)]
        parent = point.getparent()
        while parent is not None and local(parent) != "paragraph":
            if local(parent) == "point":
                path.insert(0, _num(parent))
            elif local(parent) == "sublist":  # the UN's: a sibling after the point it details
                owner = parent.getprevious()
                while owner is not None and local(owner) != "point":
                    owner = owner.getprevious()
                if owner is not None:
                    path.insert(0, _num(owner))
            parent = parent.getparent()
        found.add("point", prefix + "/".join(path), point, _own_text(point) or " ")


def _own_text(element: etree._Element) -> str:
    """A paragraph's or point's own text: its content, or the intro of its list."""
    own = element.find(q("content"))
    if own is None:
        own = element.find(f"{q('list')}/{q('intro')}")
    return text_of(own) if own is not None else ""


def _num(element: etree._Element) -> str:
    num = element.find(q("num"))
    return squash(text_of(num)) if num is not None else ""


def words_before(note: etree._Element) -> str:
    """Where a note stands: the last three words before its marker within its block (""
    at the start); in Chinese, which has no words to count, the last twelve characters."""
    block = note.getparent()
    while block is not None and local(block) not in _BLOCKS:
        block = block.getparent()
    if block is None:
        return ""
    parts: list[str] = []

    def walk(node: etree._Element) -> bool:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child is note:
                return True
            skipped = local(child) in ("authorialNote", "noteRef") or is_lone_bracket(child)
            if not skipped and walk(child):
                return True
            if child.tail:
                parts.append(child.tail)
        return False

    walk(block)
    text = squash("".join(parts))
    if CJK_CHARACTER.search(text[-12:]):
        # the UN's spaces after markers mean nothing in Chinese: count characters, not spaces
        return "".join(text.split())[-12:]
    return " ".join(text.split()[-3:])


_MARKED = re.compile("\ue100[^\ue101]*\ue101")
_META_SKIP = re.compile(r"^(eId|wId|GUID)$")


def metadata(document: etree._Element) -> dict[str, str]:
    """The FRBR identification, flattened: ``FRBRWork/FRBRdate[adoption]/@date`` -> value;
    and the document's type and name."""
    found = {"document": f"{local(document)} name={document.get('name', '')}"}
    identification = document.find(f"{q('meta')}/{q('identification')}")
    if identification is None:
        return found
    for level in identification:
        for entry in level:
            if not local(entry):
                continue
            label = f"{local(level)}/{local(entry)}"
            if entry.get("name"):
                label += f"[{entry.get('name')}]"
            for attribute, value in sorted(entry.attrib.items()):
                name, text = str(attribute), str(value)
                if name != "name" and not _META_SKIP.match(name):
                    found.setdefault(f"{label}/@{name}", text)
    return found
