"""Every authorialNote has a marker.

The marker (``marker="1"``, ``"*"``) is what a reader sees in the text where the note is
attached, and what a renderer prints before the note; the schema makes it optional. A note
without a marker, or with a blank one, cannot be followed from the text.
"""

from __future__ import annotations

from collections.abc import Iterator

from akn.diagnostics import Severity
from akn.validation.document import Document, Hit
from akn.validation.rules import Rule


def check(document: Document) -> Iterator[Hit]:
    for note in document.elements("authorialNote"):
        marker = note.get("marker")
        if marker is None:
            yield Hit(note, "authorialNote has no marker attribute", group="missing")
        elif not marker.strip():
            yield Hit(note, "authorialNote has a blank marker", attribute="marker", group="blank")


RULE = Rule("AKN105", "note-marker", Severity.WARNING, __doc__, check)
