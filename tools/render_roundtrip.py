"""Print how many corpus files survive the text round trip of akn render.

For each UN file: render it as text, convert that, render akn's tree as text, convert again;
the two conversions must give the same tree (eIds and the markup date aside). Usage:
python tools/render_roundtrip.py [akn|wide] [eng fra ...] [-v]  (default: akn, all six
languages; -v prints the first differing lines of each file that fails)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus import CORPUS, LANGUAGES, render_round_trip


def main() -> None:
    arguments = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    folder = arguments.pop(0) if arguments and arguments[0] in ("akn", "wide") else "akn"
    languages = arguments or list(LANGUAGES)
    same_all = files_all = 0
    for language in languages:
        same = files = 0
        for path in sorted((CORPUS / folder / language).glob("*.xml")):
            files += 1
            trip = render_round_trip(path, language)
            same += trip.same
            if not trip.same and verbose:
                why = trip.failed or f"{len(trip.differences)} lines differ"
                print(f"{language} {path.name}: {why}")
                for line in trip.differences[:4]:
                    print("    " + line.strip()[:200])
        print(f"{language}: {same}/{files} files give the same tree")
        same_all += same
        files_all += files
    if len(languages) > 1:
        print(f"all: {same_all}/{files_all} ({same_all / max(files_all, 1):.1%})")


if __name__ == "__main__":
    main()
