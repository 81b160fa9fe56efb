"""How long akn takes to read a PDF, beside pdftotext on the same file in the same run.

For each PDF (default: the UN's PDFs in ../shared/corpus/pdf and a few typeset ones from the
typeset cache): the median of --repeat runs of
- ``akn read``: akn's PDF reader alone (akn.converter.pdf.read_pdf: the line table),
- ``akn convert``: the whole conversion, PDF bytes to checked XML, in process,
- ``pdftotext``: poppler's pdftotext on the same file, to standard output (a process: its
  start is counted, as a user pays it),
- with --libraries, the other candidate libraries reading every character with its font and
  position: pdfminer.six (LTChar) and pdfplumber (``page.chars``).
Then a generated 500-page PDF: time and peak of Python memory (tracemalloc) while it is read,
which stays that of its text, since pages are read one at a time.

Usage: python bench/bench_pdf.py [FILE.pdf ...] [--repeat N] [--libraries]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from akn.converter.pdf import read_pdf  # noqa: E402
from akn.converter.pipeline import convert  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
TYPESET = Path(os.environ.get("AKN_TYPESET_CACHE") or ROOT / ".cache" / "typeset")


def _median(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _pages(data: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def _pdfminer(path: Path) -> None:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    for page in extract_pages(str(path)):
        for element in page:
            if isinstance(element, LTTextContainer):
                for line in element:
                    for char in getattr(line, "_objs", []):
                        if isinstance(char, LTChar):
                            _ = (char.get_text(), char.fontname, char.size, char.matrix)


def _pdfplumber(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as document:
        for page in document.pages:
            _ = [(c["text"], c["fontname"], c["size"], c["x0"], c["top"]) for c in page.chars]


def bench_file(path: Path, repeat: int, libraries: bool) -> dict[str, float]:
    data = path.read_bytes()
    row = {
        "akn read": _median(lambda: read_pdf(data), repeat),
        "akn convert": _median(lambda: convert(data), repeat),
        "pdftotext": _median(
            lambda: subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True),
            repeat,
        ),
    }
    if libraries:
        row["pdfminer.six"] = _median(lambda: _pdfminer(path), max(1, repeat // 5))
        row["pdfplumber"] = _median(lambda: _pdfplumber(path), max(1, repeat // 5))
    return row


def bench_long(pages: int) -> tuple[float, float, int]:
    """(seconds, peak MiB of Python memory, lines) reading a generated ``pages``-page PDF."""
    from pdfmaker import make_pdf

    body = [
        (108, 700 - 14 * n, [("R", 10, 0, f"Line {n} of a long annex, with text.")])
        for n in range(40)
    ]
    data = make_pdf([body] * pages)
    tracemalloc.start()
    started = time.perf_counter()
    lines, _ = read_pdf(data)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 2**20, len(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--libraries", action="store_true", help="also pdfminer.six, pdfplumber")
    args = parser.parse_args(argv)
    files = args.files or sorted(CORPUS.glob("*.pdf")) + sorted(TYPESET.glob("A-RES-75-1*.pdf"))[:6]
    convert(files[0].read_bytes())  # warm: imports, mappings, word lists
    print(f"median of {args.repeat} runs, milliseconds (per page in brackets)")
    header = None
    for path in files:
        pages = _pages(path.read_bytes())
        row = bench_file(path, args.repeat, args.libraries)
        if header is None:
            header = ["file", "pages", *row]
            print("| " + " | ".join(header) + " |")
            print("|" + "---|" * len(header))
        cells = [f"{s * 1000:.0f} ({s * 1000 / pages:.0f})" for s in row.values()]
        print(f"| {path.name[:28]} | {pages} | " + " | ".join(cells) + " |")
    elapsed, peak, count = bench_long(500)
    print(
        f"500-page generated PDF: read in {elapsed:.2f} s ({elapsed * 2:.1f} ms/page), "
        f"{count} lines, peak Python memory {peak:.1f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
