"""``akn diff``'s reports, text and JSON, both made from the same ``Diff`` records."""

from __future__ import annotations

import json

from akn.comparison import CHANGED, ONLY_A, ONLY_B, Diff, Record

LABELS = {
    "masthead": "masthead line",
    "title": "title",
    "formula": "formula",
    "recital": "preambular paragraph",
    "heading": "heading",
    "paragraph": "paragraph",
    "point": "point",
    "note": "note",
    "anchor": "note place",
    "conclusion": "conclusion line",
    "annex": "annex",
}
PLURALS = {"anchor": "note places", "masthead": "masthead lines", "conclusion": "conclusions"}
CONTEXT_WORDS = 6
"""Unchanged words shown on each side of a change; the rest is elided."""
EXCERPT = 100


def format_text(result: Diff, a_label: str = "A", b_label: str = "B") -> str:
    """One block per difference (word changes as [-old-]{+new+}), metadata differences
    apart, and a one-line summary with the counts per kind."""
    lines = [f"--- {a_label}", f"+++ {b_label}"]
    for record in result.differences():
        lines.extend(record_lines(record))
    for difference in result.metadata:
        lines.append(f"metadata {difference.field}: {difference.a!r} -> {difference.b!r}")
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def summary(result: Diff) -> str:
    """``same`` or ``differ``, then per kind: same, changed, only in A, only in B."""
    parts = []
    for kind, counts in result.counts().items():
        name = PLURALS.get(kind, LABELS[kind] + "s")
        numbers = [f"{counts['same']} same"]
        numbers += [f"{counts[s]} {w}" for s, w in _WORDS if counts[s]]
        parts.append(f"{name} {', '.join(numbers)}")
    metadata = f"; {len(result.metadata)} metadata differences" if result.metadata else ""
    verdict = "same structure and texts" if result.same else "documents differ"
    return f"{verdict}: {'; '.join(parts) or 'nothing to compare'}{metadata}"


_WORDS = ((CHANGED, "changed"), (ONLY_A, "only in A"), (ONLY_B, "only in B"))


def _name(record: Record) -> str:
    label = LABELS[record.kind]
    a, b = record.a, record.b
    if record.kind in ("recital", "masthead", "formula", "conclusion", "title"):
        return label
    if a and b and a.key != b.key:
        return f"{label} {a.key or '(unnumbered)'} -> {b.key or '(unnumbered)'}"
    item = a or b
    key = item.key if item is not None else ""
    return f"{label} {key}" if key else f"{label} (unnumbered)"


def record_lines(record: Record) -> list[str]:
    """The lines of one difference: what and where, then its words or its text."""
    where = _name(record)
    a, b = record.a, record.b
    if record.status == ONLY_A and a is not None:
        return [f"{where}: only in A", f"  - {_excerpt(a.text)}"]
    if record.status == ONLY_B and b is not None:
        return [f"{where}: only in B", f"  + {_excerpt(b.text)}"]
    lines = [f"{where}: changed ({', '.join(record.fields)})"]
    if "text" in record.fields:
        lines.append(f"  {_word_line(record)}")
    if "eId" in record.fields and a is not None and b is not None:
        lines.append(f"  eId {a.eid!r} -> {b.eid!r}")
    return lines


def _word_line(record: Record) -> str:
    """The words of a changed item, changes marked, long unchanged runs elided."""
    joiner = "" if record.words and _is_cjk(record) else " "
    pieces = []
    last = len(record.words) - 1
    for index, (operation, text) in enumerate(record.words):
        if operation == "-":
            pieces.append(f"[-{text}-]")
        elif operation == "+":
            pieces.append(f"{{+{text}+}}")
        else:
            pieces.append(_elide(text, joiner, first=index == 0, last=index == last))
    return joiner.join(pieces)


def _is_cjk(record: Record) -> bool:
    from akn.reading import CJK_CHARACTER

    texts = [item.text for item in (record.a, record.b) if item is not None]
    return bool(CJK_CHARACTER.search("".join(texts)))


def _elide(text: str, joiner: str, first: bool, last: bool) -> str:
    units = list(text) if not joiner else text.split()
    n = CONTEXT_WORDS * (3 if not joiner else 1)
    if len(units) <= 2 * n:
        return text
    head = [] if first else units[:n]
    tail = [] if last else units[-n:]
    return joiner.join([*head, "…", *tail])


def _excerpt(text: str) -> str:
    if not text:
        return "(empty)"
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def format_json(result: Diff, a_label: str = "A", b_label: str = "B") -> str:
    """The same records as the text report, with the file names."""
    data = {"a": a_label, "b": b_label, **result.to_dict()}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
