"""Score the italic spans akn writes against the UN's, container by container (issue 10).

For each UN file of a corpus (``akn``: the tuned set, ``wide``: the files nobody tuned on) and
language, the file is typeset into a PDF like the UN's and its text made, as
tools/extraction_score.py makes them (the same functions, the same cache), and each is
converted. In the result and in the UN's file, every preambular ``container`` and every
operative ``paragraph`` (with its points, but not its notes) gives the list of the texts it
sets in italics (a span whose class says "italic": the Arabic files' "bold italic" too;
spaces trimmed, runs with only spaces between them as one). A unit is right when its list is
the UN's. Units are paired within each kind (containers with containers) by the start of
their text, and by order where stretches of as many units differ in text; a unit of the UN's
with no counterpart (the structures differ) is right if it has no italics. Notes are scored
apart, note by note.

Prints a table: a row per text (``clean``: the text, whose italics come from the mapping's
lists; ``akn reads the PDF``: the PDF, whose italics come from the page), a column per
language, each cell "units right % (units) · notes right %".

Usage: python tools/italic_score.py [eng fra ...] [--corpus akn|wide] [--limit N]
       [--rows clean,pdf] [--details FILE.jsonl]
Needs what tools/extraction_score.py needs for its PDF row (WeasyPrint, the fonts,
pypdfium2); set AKN_TYPESET_CACHE to share typeset PDFs between worktrees.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tools")]

from corpus import LANGUAGES, corpus_files  # noqa: E402
from extraction_score import PDF_ROW, texts, write_details  # noqa: E402
from lxml import etree  # noqa: E402

from akn.converter.pipeline import convert  # noqa: E402

ROWS = {"clean": "clean", "pdf": PDF_ROW}
_UNITS = ("container", "paragraph")
_NOTE = "authorialNote"

Unit = tuple[str, str, tuple[str, ...]]
"""A scored unit: its kind, the start of its text (to pair units), its italic texts."""


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _italic(element: etree._Element) -> bool:
    return _local(element) == "i" or "italic" in (element.get("class") or "").split()


def _text(element: etree._Element) -> str:
    """The element's text without its notes."""
    parts = [element.text or ""]
    for child in element:
        if _local(child) != _NOTE:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _italics(element: etree._Element) -> Iterator[tuple[str, bool]]:
    """The element's text as (piece, italic?) in reading order, notes left out."""
    if element.text:
        yield element.text, False
    for child in element:
        if _local(child) == _NOTE:
            pass
        elif _italic(child):
            yield _text(child), True
        else:
            yield from _italics(child)
        if child.tail:
            yield child.tail, False


def italic_texts(element: etree._Element) -> tuple[str, ...]:
    """What ``element`` sets in italics (its notes aside): one text per run, runs parted by
    spaces only taken as one, spaces trimmed and collapsed."""
    runs: list[str] = []
    open_run = False
    for piece, italic in _italics(element):
        if italic:
            if open_run:
                runs[-1] += piece
            else:
                runs.append(piece)
            open_run = True
        elif piece.strip():
            open_run = False
        elif open_run:
            runs[-1] += piece
    return tuple(" ".join(run.split()) for run in runs if run.strip())


def units(tree: etree._Element | etree._ElementTree) -> list[Unit]:
    """The containers and paragraphs of a document (a paragraph inside another is part of
    it), with their italic texts."""
    found = []
    for element in tree.iter():
        kind = _local(element)
        if kind not in _UNITS or any(_local(a) in _UNITS for a in element.iterancestors()):
            continue
        key = "".join(char for char in _text(element) if char.isalnum())[:40]
        found.append((kind, key, italic_texts(element)))
    return found


def notes(tree: etree._Element | etree._ElementTree) -> list[tuple[str, tuple[str, ...]]]:
    """Each note of the document: its marker and its italic texts."""
    return [
        (note.get("marker", ""), italic_texts(note))
        for note in tree.iter()
        if _local(note) == _NOTE
    ]


def paired(expected: list[Unit], actual: list[Unit]) -> list[tuple[Unit, Unit | None]]:
    """Each expected unit with the actual one of the same kind in the same place: paired by
    their texts' start, and by order where stretches of as many units differ in text; None
    where there is none (the structures differ: a recital akn joined to the one before, the
    UN's "(a)" a paragraph of its own where akn's is a point)."""
    pairs: list[tuple[Unit, Unit | None]] = []
    for kind in _UNITS:
        wanted = [u for u in expected if u[0] == kind]
        got = [u for u in actual if u[0] == kind]
        matcher = difflib.SequenceMatcher(
            None, [u[1] for u in wanted], [u[1] for u in got], autojunk=False
        )
        for op, a0, a1, b0, b1 in matcher.get_opcodes():
            if op == "equal" or (op == "replace" and a1 - a0 == b1 - b0):
                pairs += list(zip(wanted[a0:a1], got[b0:b1], strict=True))
            else:
                pairs += [(unit, None) for unit in wanted[a0:a1]]
    return pairs


@dataclass
class Measure:
    """One text of one file: how many of its units and notes have the UN's italics."""

    file: str
    language: str
    row: str
    units: int = 0
    right: int = 0
    notes: int = 0
    notes_right: int = 0
    differences: list[str] = field(default_factory=list)


def measure(language: str, path: Path, row: str, text: str | bytes) -> Measure:
    """Convert ``text`` and compare its italics with the UN's file ``path``."""
    expected_tree = etree.parse(str(path))
    expected = units(expected_tree)
    expected_notes = notes(expected_tree)
    found = Measure(path.name, language, row, len(expected), 0, len(expected_notes))
    try:
        result = convert(text, lang=LANGUAGES[language], validate=False)
    except Exception as error:  # a crash is a result too: every unit is wrong
        found.differences.append(f"crash: {type(error).__name__}: {error}")
        return found
    if result.tree is None:
        found.differences.append("no tree was made")
        return found
    for want, got in paired(expected, units(result.tree)):
        if (got[2] if got is not None else ()) == want[2]:  # unpaired: right if it has none
            found.right += 1
        elif len(found.differences) < 12:
            found.differences.append(f"{want[1][:40]!r}: UN {want[2]} akn {got and got[2]}")
    actual_notes = dict(notes(result.tree))
    found.notes_right = sum(actual_notes.get(marker) == want for marker, want in expected_notes)
    return found


def table(measures: list[Measure], languages: list[str], rows: list[str]) -> str:
    lines = ["| text | " + " | ".join(languages) + " |", "|---|" + "---|" * len(languages)]
    for row in rows:
        cells = []
        for language in languages:
            found = [m for m in measures if m.row == row and m.language == language]
            total = sum(m.units for m in found)
            if not total:
                cells.append("—")
                continue
            right = sum(m.right for m in found) / total
            notes_total = sum(m.notes for m in found)
            noted = sum(m.notes_right for m in found) / max(1, notes_total)
            cells.append(f"{right:.1%} ({total}) · {noted:.1%}")
        lines.append(f"| {row} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("languages", nargs="*", default=["ara", "zho", "eng", "fra", "rus", "spa"])
    parser.add_argument("--corpus", choices=["akn", "wide"], default="akn")
    parser.add_argument("--limit", type=int, default=0, help="the first N files per language")
    parser.add_argument("--rows", default="clean,pdf", help="comma-separated: clean, pdf")
    parser.add_argument("--details", type=Path, help="write per-file results (JSON lines)")
    args = parser.parse_args(argv)
    keys = [r.strip() for r in args.rows.split(",") if r.strip()]
    if any(k not in ROWS for k in keys) or any(lang not in LANGUAGES for lang in args.languages):
        parser.error(f"rows are {sorted(ROWS)}; languages {sorted(LANGUAGES)}")
    rows = [ROWS[k] for k in keys]
    measures: list[Measure] = []
    for language in args.languages:
        for path in corpus_files(language, args.corpus)[: args.limit or None]:
            for row, text, _ in texts(language, path, rows, 0):
                measures.append(measure(language, path, row, text))
            print(f"{language} {path.name}", file=sys.stderr, flush=True)
    if args.details:
        write_details(args.details, measures)
    print(f"corpus {args.corpus}, limit {args.limit or 'none'}")
    print("cells: containers+paragraphs whose italics are the UN's (units) · notes right")
    print(table(measures, args.languages, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
