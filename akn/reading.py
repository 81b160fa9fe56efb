"""Reading an Akoma Ntoso document for people: its text, its notes, the document inside.

``akn render`` and ``akn diff`` read the UN's files as well as akn's own, so what they take
from a tree must not depend on who made it: the text of an element with its notes taken out
(or left as markers), spacing made comparable (``squash``), and the document element under
``akomaNtoso`` whatever its type. Files are read with the validator's safe reader (no DTD, no
entities, no network, a size cap), so a bad input is one clear line, never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
DOCUMENT_TYPES = ("statement", "documentCollection", "doc", "act", "bill", "debate", "judgment")
BRACKETS = {"ara": ("(", ")")}  # how a language prints a footnote marker in its running text


class ReadError(ValueError):
    """The input is no readable Akoma Ntoso document; the message is one line for the user."""


def q(name: str) -> str:
    """The Clark name of an Akoma Ntoso element: ``{namespace}name``."""
    return f"{{{AKN}}}{name}"


def local(element: Any) -> str:
    """The local name of an element ("" for comments and processing instructions)."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def load(source: Any, label: str | None = None) -> etree._Element:
    """The root ``akomaNtoso`` element of ``source``: a path, bytes, an lxml tree or element.

    Raises ReadError, with the validator's own reason (``IN004 …``), for a file that cannot
    be read, is not well-formed XML or is not Akoma Ntoso 3.0 — the same reasons, in the same
    words, as ``akn validate`` gives."""
    from akn.validation.inputs import Limits, load_source

    loaded = load_source(source, Limits(), label)
    if loaded.tree is None or not loaded.checked:
        reason = next((f for f in loaded.findings if f.code.startswith("IN")), None)
        text = f"{reason.code} {reason.message}" if reason else "not an Akoma Ntoso document"
        raise ReadError(f"{loaded.label}: {text}")
    return loaded.tree.getroot()


def main_document(root: etree._Element) -> etree._Element:
    """The document under ``akomaNtoso`` (``statement``, ``documentCollection``, …)."""
    return next((c for c in root if local(c) in DOCUMENT_TYPES), root)


def component_documents(collection_body: etree._Element) -> list[etree._Element]:
    """The documents of a collection's components, in order: each component's own, or the
    one its ``documentRef`` points to among the file's ``components`` (the UN's form:
    ``<documentRef href="comp_0"/>`` and ``<components><component eId="comp_0">``)."""
    found = []
    stored: dict[str, etree._Element] | None = None
    for component in collection_body.findall(q("component")):
        inner = next((c for c in component if local(c) in DOCUMENT_TYPES), None)
        reference = component.find(q("documentRef"))
        if inner is None and reference is not None:
            if stored is None:
                root = collection_body.getroottree().getroot()
                stored = {
                    c.get("eId", ""): c
                    for c in root.iterfind(f"{q('components')}/{q('component')}")
                }
            target = stored.get(reference.get("href", "").lstrip("#"))
            if target is not None:
                inner = next((c for c in target if local(c) in DOCUMENT_TYPES), None)
        if inner is not None:
            found.append(inner)
    return found


def language(root: etree._Element) -> str:
    """The document's ISO 639-2 language (``eng``), from its FRBR expression ("" if none)."""
    found = root.find(f".//{q('FRBRExpression')}/{q('FRBRlanguage')}")
    return found.get("language", "") if found is not None else ""


def brackets(root: etree._Element) -> tuple[str, str]:
    """How the document's language prints a note marker in the text: "(1)" in Arabic."""
    return BRACKETS.get(language(root), ("", ""))


CJK_RANGE = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
CJK_CHARACTER = re.compile(f"[{CJK_RANGE}]")


_MEANINGLESS_SPACE = re.compile(
    r" (?:(?=[,.;:!?)\]»”])"  # before closing punctuation
    r"|(?<=[(\[«“] )"  # after opening punctuation
    r"|(?<=\w’ )(?=\w))"  # "de l’ Association": a typo of the UN's
)  # each branch starts with the space itself, so that the search skips along quickly


def squash(text: str) -> str:
    """Text with spacing made comparable: one space between words, none before punctuation."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    text = " ".join(text.replace("\u200e", "").replace("\u200f", "").split())
    text = _MEANINGLESS_SPACE.sub("", text)
    return text.removeprefix("()").strip()  # the UN's Arabic notes open with "()"


def is_lone_bracket(element: etree._Element) -> bool:
    """The UN's Arabic files print a note's bracket as a superscript of its own."""
    return local(element) == "sup" and (element.text or "").strip() in ("(", ")")


# Block elements whose texts stand apart however the file is indented (a list's items).
_BLOCKS = frozenset({"blockList", "listIntroduction", "item", "num", "p"})

Marker = Callable[[str], str]
"""How a note marker is written into running text (None: not at all)."""


def text_of(
    element: etree._Element,
    marker: Marker | None = None,
    notes: list[tuple[str, str]] | None = None,
) -> str:
    """The text of ``element`` without its notes' texts; each note's marker written with
    ``marker`` when given, and each note (marker, squashed text) appended to ``notes``."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            name = local(child)
            if name == "authorialNote":
                if marker is not None:
                    parts.append(marker(child.get("marker", "")))
                if notes is not None:
                    notes.append((child.get("marker", ""), squash(text_of(child))))
            elif name == "noteRef":
                if marker is not None:
                    parts.append(marker(child.get("marker", "")))
            elif is_lone_bracket(child):
                pass
            elif name == "eol":
                parts.append(" ")
            elif name in _BLOCKS:  # blocks side by side are words apart, as printed
                parts.append(" ")
                walk(child)
                parts.append(" ")
            elif name:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)
