"""Every authorialNote has text.

An empty footnote is text lost in conversion: the marker is in the body but the note says
nothing. The schema accepts ``<authorialNote><p/></authorialNote>``.
"""

from __future__ import annotations

from collections.abc import Iterator

from akn.diagnostics import Severity
from akn.validation.document import Document, Hit
from akn.validation.rules import Rule


def check(document: Document) -> Iterator[Hit]:
    for note in document.elements("authorialNote"):
        if not "".join(note.itertext()).strip():
            marker = note.get("marker")
            label = f"authorialNote {marker!r}" if marker else "authorialNote"
            yield Hit(note, f"{label} has no text")


RULE = Rule("AKN106", "note-text", Severity.ERROR, __doc__, check)
