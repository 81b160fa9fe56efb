"""Print how well akn rebuilds the UN's own structure from clean texts made from its AKN files.

For each resolution in ../shared/corpus/akn/<lang>/: make a clean text (tests/corpus.py),
convert it, and compare preambular paragraphs, operative numbers and texts, points and notes
with the UN's file. Usage: python tools/corpus_score.py [eng fra ...] [--pdf-like] [-v]
(--pdf-like: the texts rewrapped as PDF extraction leaves them, notes at page bottoms;
--indent: rewrapped too, the first line of each paragraph indented as the seed's are)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus import (
    BRACKETS,
    LANGUAGES,
    clean_text,
    corpus_files,
    pdf_like_text,
    repair_un_structure,
    score,
    structure,
)
from lxml import etree

from akn.pipeline import convert


def main() -> None:
    verbose = "-v" in sys.argv
    make = pdf_like_text if "--pdf-like" in sys.argv else clean_text
    if "--indent" in sys.argv:

        def make(path, brackets):
            return pdf_like_text(path, brackets, indent=True)

    languages = [a for a in sys.argv[1:] if not a.startswith("-")] or ["eng", "fra"]
    for language in languages:
        matched_all = total_all = perfect = files = 0
        for path in corpus_files(language):
            files += 1
            text = make(path, BRACKETS.get(language, ("", "")))
            result = convert(text, lang=LANGUAGES[language])
            expected, repairs = repair_un_structure(structure(etree.parse(str(path))))
            if repairs and verbose:
                print(f"{language} {path.name}: UN markup repaired: {sorted(set(repairs))}")
            actual = structure(result.tree) if result.tree is not None else None
            if actual is None:
                print(f"{language} {path.name}: FAILED {result.diagnostics[-1].format()}")
                continue
            matched, total, differences = score(expected, actual)
            matched_all += matched
            total_all += total
            perfect += matched == total
            if differences and verbose:
                print(f"{language} {path.name}: {matched}/{total}")
                for difference in differences[:6]:
                    print("    " + difference[:300])
        ratio = matched_all / total_all if total_all else 0
        print(
            f"{language}: {matched_all}/{total_all} items ({ratio:.1%}); "
            f"{perfect}/{files} files perfect"
        )


if __name__ == "__main__":
    main()
