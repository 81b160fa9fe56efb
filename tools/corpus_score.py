"""Print how well akn rebuilds the UN's own structure from clean texts made from its AKN files.

For each resolution in ../shared/corpus/akn/<lang>/: make a clean text (tests/corpus.py),
convert it, and compare preambular paragraphs, operative numbers and texts, points and notes
with the UN's file. Usage: python tools/corpus_score.py [eng fra ...] [--pdf-like | --indent |
--columns] [--wide] [-v] (--wide: the files of ../shared/corpus/wide/, which nobody tuned on;
--pdf-like: the texts rewrapped as PDF extraction leaves them, notes at page
bottoms; --indent: rewrapped too, the first line of each paragraph indented as the seed's are;
--columns: as pdftotext -layout gives them, with margins, columns and page footers)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus import compare, corpus_files


def main() -> None:
    verbose = "-v" in sys.argv
    options = {"--indent": "indented", "--pdf-like": "pdf-like", "--columns": "columns"}
    layout = next((options[a] for a in sys.argv[1:] if a in options), "clean")
    collection = "wide" if "--wide" in sys.argv else "akn"
    languages = [a for a in sys.argv[1:] if not a.startswith("-")] or ["eng", "fra"]
    for language in languages:
        matched_all = total_all = perfect = files = 0
        for path in corpus_files(language, collection):
            files += 1
            comparison = compare(language, path, layout)
            if comparison.repairs and verbose:
                print(
                    f"{language} {path.name}: UN markup repaired: {sorted(set(comparison.repairs))}"
                )
            matched, total = comparison.matched, comparison.total
            matched_all += matched
            total_all += total
            perfect += matched == total
            if comparison.differences and verbose:
                print(f"{language} {path.name}: {matched}/{total}")
                for difference in comparison.differences[:6]:
                    print("    " + difference[:300])
        ratio = matched_all / total_all if total_all else 0
        print(
            f"{language}: {matched_all}/{total_all} items ({ratio:.1%}); "
            f"{perfect}/{files} files perfect"
        )


if __name__ == "__main__":
    main()
