"""Compare two Akoma Ntoso documents as a reader would: item by item, word by word (akn.diff).

Element-by-element tools (``xmldiff``) drown a real change in eId and metadata noise. Here
each side is read into an ``Outline`` (``akn.outline``) and each kind of item is aligned on
its own: the preamble by order, operative paragraphs and points by number, notes by marker,
annexes by order. Items equal on both sides are *same*; an item whose number or text moved
is *changed* (its words compared, so the report shows what changed inside it); the rest is
*only in A* or *only in B*. eIds and whitespace do not count unless ``strict``. Metadata
differences are listed apart and do not make two documents differ.

The corpus score (``tests/corpus.py``) is this comparison: an item matches when it is *same*.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from akn.outline import KEYED, KINDS, Item, Outline, outline
from akn.reading import CJK_CHARACTER, CJK_RANGE, load

SAME, CHANGED, ONLY_A, ONLY_B = "same", "changed", "only_a", "only_b"
STATUSES = (SAME, CHANGED, ONLY_A, ONLY_B)
PAIRING_SIMILARITY = 0.5
"""Two unmatched items in the same place are one changed item when at least this share of
their words agree; below it they are an item removed and another added."""


@dataclass(frozen=True)
class Record:
    """One aligned item: its kind, status, the item on each side, and for a changed item
    the word-by-word comparison as (operation, words): "=" both, "-" only A, "+" only B."""

    kind: str
    status: str
    a: Item | None
    b: Item | None
    words: tuple[tuple[str, str], ...] = ()
    fields: tuple[str, ...] = ()
    """What differs in a changed item: "number", "text", "whitespace", "eId"."""

    @property
    def key(self) -> str:
        item = self.a or self.b
        return item.key if item is not None else ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "status": self.status}
        data["a"] = self.a.to_dict() if self.a else None
        data["b"] = self.b.to_dict() if self.b else None
        if self.status == CHANGED:
            data["differs"] = list(self.fields)
            data["words"] = [list(pair) for pair in self.words]
        return data


@dataclass(frozen=True)
class MetadataDifference:
    """A metadata field (``FRBRWork/FRBRdate[adoption]/@date``) and its value on each side."""

    field: str
    a: str | None
    b: str | None

    def to_dict(self) -> dict[str, str | None]:
        return {"field": self.field, "a": self.a, "b": self.b}


@dataclass
class Diff:
    """The comparison of two documents: one record per aligned item, metadata apart."""

    records: list[Record] = field(default_factory=list)
    metadata: list[MetadataDifference] = field(default_factory=list)
    sizes: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per kind, how many items each side has."""

    @property
    def same(self) -> bool:
        """True when structure and texts agree (metadata may still differ)."""
        return all(record.status == SAME for record in self.records)

    def differences(self, kinds: tuple[str, ...] = KINDS) -> list[Record]:
        return [r for r in self.records if r.status != SAME and r.kind in kinds]

    def counts(self) -> dict[str, dict[str, int]]:
        """Per kind present on either side: how many items are same, changed, only in A, B."""
        found = {k: dict.fromkeys(STATUSES, 0) for k in KINDS if any(self.sizes.get(k, (0, 0)))}
        for record in self.records:
            found[record.kind][record.status] += 1
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "same": self.same,
            "summary": self.counts(),
            "records": [r.to_dict() for r in self.records if r.status != SAME],
            "metadata": [m.to_dict() for m in self.metadata],
        }


def diff(a: Any, b: Any, *, strict: bool = False) -> Diff:
    """Compare two documents: paths, bytes, lxml trees or elements, or ``Outline``s.

    Raises ReadError (a ValueError) when a side is no readable Akoma Ntoso document."""
    left = a if isinstance(a, Outline) else outline(load(a))
    right = b if isinstance(b, Outline) else outline(load(b))
    return compare_outlines(left, right, strict=strict)


def compare_outlines(a: Outline, b: Outline, *, strict: bool = False) -> Diff:
    """The records of every kind, then the metadata that differs."""
    result = Diff()
    for kind in KINDS:
        want, got = a.items.get(kind, []), b.items.get(kind, [])
        result.sizes[kind] = (len(want), len(got))
        result.records.extend(align(kind, want, got, strict))
    for name in sorted(set(a.metadata) | set(b.metadata)):
        if a.metadata.get(name) != b.metadata.get(name):
            result.metadata.append(
                MetadataDifference(name, a.metadata.get(name), b.metadata.get(name))
            )
    return result


def align(kind: str, want: list[Item], got: list[Item], strict: bool = False) -> list[Record]:
    """Records for one kind, in order. Equal items are found first (the longest common
    sequence, so an inserted paragraph costs one record, not every one after it); between
    them, items with the same number or marker, then neighbours with similar words, pair up."""
    value = _strict_value if strict else _value
    matcher = SequenceMatcher(
        None, [value(i) for i in want], [value(i) for i in got], autojunk=False
    )
    records: list[Record] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            records.extend(
                Record(kind, SAME, x, y) for x, y in zip(want[i1:i2], got[j1:j2], strict=True)
            )
        else:
            records.extend(_pair(kind, want[i1:i2], got[j1:j2], strict))
    return records


def _value(item: Item) -> tuple[str, str]:
    return (comparable(item.key), comparable(item.text))


def _strict_value(item: Item) -> tuple[str, str, str]:
    return (item.key, item.raw, item.eid)


_CJK_SPACE = re.compile(f" (?:(?<=[{CJK_RANGE}] )|(?=[{CJK_RANGE}]))")  # the space first: fast


_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def comparable(text: str) -> str:
    """A space beside a Chinese character or punctuation mark means nothing ("决定、 第三次":
    the space the UN leaves after a note marker), so it does not count; nor do invisible
    direction and width marks (akn removes those extraction leaves), nor how a letter is
    encoded ("é" or "e" + U+0301: the same word)."""
    text = _CJK_SPACE.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    return text


def _pair(kind: str, want: list[Item], got: list[Item], strict: bool) -> list[Record]:
    """Records for a stretch where the two sides differ: items with the same text pair up
    first (a paragraph renumbered after a deletion), then, for numbered kinds, items with
    the same number or marker, then neighbours with similar words."""
    steps: tuple[Callable[[Item], object], ...] = (
        (_same_text, _same_key) if kind in KEYED else (_same_text,)
    )
    return _pair_by(steps, kind, want, got, strict)


def _same_text(item: Item) -> str:
    return comparable(item.text)


def _same_key(item: Item) -> object:
    """An item's number; unnumbered items have none to agree on, so they never pair by it."""
    return comparable(item.key) if item.key else ("", id(item))


def _pair_by(
    steps: tuple[Callable[[Item], object], ...],
    kind: str,
    want: list[Item],
    got: list[Item],
    strict: bool,
) -> list[Record]:
    if not steps or not want or not got:
        return _pair_neighbours(kind, want, got, strict)
    key, rest = steps[0], steps[1:]
    matcher = SequenceMatcher(None, [key(i) for i in want], [key(i) for i in got], autojunk=False)
    records: list[Record] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs = zip(want[i1:i2], got[j1:j2], strict=True)
            records.extend(_changed(kind, x, y, strict) for x, y in pairs)
        else:
            records.extend(_pair_by(rest, kind, want[i1:i2], got[j1:j2], strict))
    return records


def _pair_neighbours(kind: str, want: list[Item], got: list[Item], strict: bool) -> list[Record]:
    records: list[Record] = []
    for offset in range(max(len(want), len(got))):
        x = want[offset] if offset < len(want) else None
        y = got[offset] if offset < len(got) else None
        if x is not None and y is not None and _similar(x, y):
            records.append(_changed(kind, x, y, strict))
            continue
        if x is not None:
            records.append(Record(kind, ONLY_A, x, None))
        if y is not None:
            records.append(Record(kind, ONLY_B, None, y))
    return records


def _similar(x: Item, y: Item) -> bool:
    a, b = words(x.text), words(y.text)
    if not a and not b:
        return True
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= PAIRING_SIMILARITY


def _changed(kind: str, x: Item, y: Item, strict: bool) -> Record:
    fields = []
    if comparable(x.key) != comparable(y.key):
        fields.append("number")
    if comparable(x.text) != comparable(y.text):
        fields.append("text")
    elif strict and x.raw != y.raw:
        fields.append("whitespace")
    if strict and x.eid != y.eid:
        fields.append("eId")
    return Record(kind, CHANGED, x, y, word_diff(x.text, y.text), tuple(fields))


def words(text: str) -> list[str]:
    """The units a text is compared in: words, or characters in Chinese (no spaces)."""
    if CJK_CHARACTER.search(text):
        return [ch for ch in text if not ch.isspace()]
    return text.split()


def word_diff(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """(operation, words) runs: "=" in both, "-" only in ``a``, "+" only in ``b``."""
    left, right = words(a), words(b)
    joiner = "" if CJK_CHARACTER.search(a + b) else " "
    runs: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("=", joiner.join(left[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("-", joiner.join(left[i1:i2])))
        if j2 > j1:
            runs.append(("+", joiner.join(right[j1:j2])))
    return tuple(runs)
