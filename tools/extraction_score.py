"""Score the converter on real PDF extraction and on the damage real texts carry (issue 9).

For each UN file of a corpus (``akn``: the tuned set, ``wide``: the files nobody tuned on) and
language: typeset it into a PDF like the UN's (tools/typeset, cached in .cache/typeset/), read
it back with each of the five extractors, make each seeded degradation of its clean text,
convert every text with ``akn.converter.pipeline.convert``, compare the structure with the UN's
file. Prints a table: a row per text (clean, each extractor, each degradation), a column per
language, each cell "files exactly right % · items right %" (a degradation counts only the
files it changed: a document without a list loses no labels).

Usage: python tools/extraction_score.py [eng fra ...] [--corpus akn|wide] [--limit N]
       [--rows clean,pdftotext,...] [--seed N] [--details FILE.jsonl]
(no language: every language with a mapping file and files in the corpus, so ``--corpus wide``
adds German's 14 translations; ``AKN_TYPESET_CACHE`` names another folder for the PDFs.)
(--details: one JSON line per file and row, with the first differences and error codes, to
see which class failed.) The row "akn reads the PDF" gives the typeset PDF itself to
akn convert (its PDF reader, the `pdf` extra). Needs WeasyPrint, poppler-utils, PyMuPDF,
pdfminer.six, pypdfium2 and the fonts: .ci/run installs them; pip install -e '.[test,typeset]'.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tools")]

from corpus import (  # noqa: E402
    BRACKETS,
    LANGUAGES,
    _repeated_markers_as_references,
    _split_merged_annexes,
    clean_text,
    corpus_files,
    document_lines,
    repair_un_structure,
    score,
    structure,
)
from lxml import etree  # noqa: E402
from typeset.degrade import DEGRADATIONS, Source, degrade  # noqa: E402
from typeset.extract import EXTRACTORS, extract, missing  # noqa: E402
from typeset.pdf import typeset  # noqa: E402

from akn.converter.pdf import pdf_support  # noqa: E402
from akn.converter.pipeline import convert  # noqa: E402
from akn.diagnostics import Severity  # noqa: E402
from akn.outline import Outline  # noqa: E402

# akn's own PDF reader (akn/converter/pdf): the typeset PDF's bytes go to convert() as they are.
PDF_ROW = "akn reads the PDF"
ROWS = ["clean", PDF_ROW, *EXTRACTORS, *DEGRADATIONS]


@dataclass
class Measure:
    """One text of one file converted and compared with the UN's structure."""

    file: str
    language: str
    row: str
    matched: int = 0
    total: int = 1
    differences: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # error-level diagnostic codes
    changes: list[str] = field(default_factory=list)  # what a degradation did

    @property
    def exact(self) -> bool:
        return self.matched == self.total


def compare_structure(
    language: str, path: Path, text: str | bytes
) -> tuple[int, int, list[str], list]:
    """Convert ``text`` and score it against the UN's file ``path``: (matched, total,
    differences, diagnostics). The one place that calls the project's comparer
    (tests/corpus.py), so a new comparer changes this function only."""
    result = convert(text, lang=LANGUAGES[language])
    expected = expected_structure(language, path)
    if result.tree is None:
        return 0, 1, ["no tree was made"], result.diagnostics
    matched, total, differences = score(expected, structure(result.tree))
    return matched, total, differences, result.diagnostics


def expected_structure(language: str, path: Path) -> Outline:
    """The UN's structure of ``path`` as ``corpus.compare`` repairs it for the text rows: its
    repeated markers written as a bare ``<sup>`` read as the noteRefs akn writes, the points
    its paragraphs introduce, its annexes put in one attachment counted apart; the PDF rows
    are scored the same way."""
    tree = etree.parse(str(path))
    _repeated_markers_as_references(tree)
    expected, _ = repair_un_structure(structure(tree), tree)
    _split_merged_annexes(tree, expected, LANGUAGES[language])
    return expected


def source_of(language: str, path: Path) -> Source:
    paragraphs, notes = document_lines(path)
    symbol = next((p for p in paragraphs[:3] if "/" in p), "")
    return Source(paragraphs, notes, BRACKETS.get(language, ("", "")), symbol)


def texts(language: str, path: Path, rows: Iterable[str], seed: int):
    """(row, text, changes) for each wanted row of one file; extractors' PDFs are cached."""
    brackets = BRACKETS.get(language, ("", ""))
    source = source_of(language, path)
    pdf: Path | None = None
    for row in rows:
        if row == "clean":
            yield row, clean_text(path), []
        elif row == PDF_ROW:
            pdf = pdf or typeset(path, language, brackets)
            yield row, pdf.read_bytes(), []
        elif row in EXTRACTORS:
            pdf = pdf or typeset(path, language, brackets)
            yield row, extract(row, pdf), []
        else:
            degraded = degrade(row, source, seed)
            if degraded.changes:
                yield row, degraded.text, degraded.changes


def measure_file(language: str, path: Path, rows: Iterable[str], seed: int) -> list[Measure]:
    measures = []
    for row, text, changes in texts(language, path, rows, seed):
        found = Measure(path.name, language, row, changes=changes[:20])
        try:
            matched, total, differences, diagnostics = compare_structure(language, path, text)
        except Exception as error:  # a crash is a result too: the row says so
            found.differences = [f"crash: {type(error).__name__}: {error}"]
        else:
            found.matched, found.total, found.differences = matched, total, differences[:12]
            found.errors = sorted({d.code for d in diagnostics if d.severity >= Severity.ERROR})
        measures.append(found)
    return measures


def table(measures: list[Measure], languages: list[str], rows: list[str]) -> str:
    """The Markdown table: a row per text, a column per language."""
    lines = [
        "| text | " + " | ".join(languages) + " |",
        "|---|" + "---|" * len(languages),
    ]
    for row in rows:
        cells = []
        for language in languages:
            found = [m for m in measures if m.row == row and m.language == language]
            if not found:
                cells.append("—")
                continue
            exact = sum(m.exact for m in found) / len(found)
            items = sum(m.matched for m in found) / max(1, sum(m.total for m in found))
            cells.append(f"{exact:.0%} · {items:.1%} ({len(found)})")
        lines.append(f"| {row} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# The order of the README's columns; a language a new mapping file adds comes after them.
_COLUMNS = ["ara", "zho", "eng", "fra", "rus", "spa"]


def write_details(path: Path, measures: Iterable[object]) -> None:
    """One JSON line per measure (a dataclass), for --details."""
    with path.open("w", encoding="utf-8") as out:
        for found in measures:
            out.write(json.dumps(asdict(found), ensure_ascii=False) + "\n")  # type: ignore[call-overload]


def languages_of(collection: str) -> list[str]:
    """Every language with a mapping file and files in ``collection`` (German: ``wide``)."""
    present = [language for language in LANGUAGES if corpus_files(language, collection)]
    return sorted(present, key=lambda x: (_COLUMNS.index(x) if x in _COLUMNS else 99, x))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "languages", nargs="*", help="default: every language with a mapping and files there"
    )
    parser.add_argument("--corpus", choices=["akn", "wide"], default="akn")
    parser.add_argument("--limit", type=int, default=0, help="the first N files per language")
    parser.add_argument("--rows", default=",".join(ROWS), help="comma-separated rows")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--details", type=Path, help="write per-file results (JSON lines)")
    args = parser.parse_args(argv)
    args.languages = args.languages or languages_of(args.corpus)
    rows = [r.strip() for r in args.rows.split(",") if r.strip()]
    unknown = [r for r in rows if r not in ROWS]
    if unknown or any(language not in LANGUAGES for language in args.languages):
        parser.error(f"rows are {ROWS}; languages {sorted(LANGUAGES)}")
    absent = {row: why for row in rows if row in EXTRACTORS and (why := missing(row))}
    if PDF_ROW in rows and (why := pdf_support()):
        absent[PDF_ROW] = why
    for row, why in absent.items():
        print(f"skipped {row}: {why}", file=sys.stderr)
    rows = [row for row in rows if row not in absent]
    measures: list[Measure] = []
    for language in args.languages:
        files = corpus_files(language, args.corpus)
        for path in files[: args.limit or None]:
            measures.extend(measure_file(language, path, rows, args.seed))
            print(f"{language} {path.name}", file=sys.stderr, flush=True)
    if args.details:
        write_details(args.details, measures)
    print(f"corpus {args.corpus}, seed {args.seed}, limit {args.limit or 'none'}")
    print("cells: files whose whole structure is exactly right · items right (files measured)")
    print(table(measures, args.languages, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
