"""Print which words the converter changes in clean texts made from the UN's own AKN.

Clean text has no artefact of PDF extraction, so every word of it must stand unchanged in the
output (tests/unchanged_words.py says how words are compared). Usage:
python tools/unchanged_words.py [eng fra ...] [--akn] [-v] (default: every language of
../shared/corpus/wide/, German too; --akn: the tuned corpus instead; -v: each change).
A text that makes no tree (E105, a resolution with no body) is counted apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus import CORPUS, LANGUAGES, corpus_files
from unchanged_words import check_file


def main() -> int:
    verbose = "-v" in sys.argv
    collection = "akn" if "--akn" in sys.argv else "wide"
    present = sorted(p.name for p in (CORPUS / collection).iterdir() if p.name in LANGUAGES)
    languages = [a for a in sys.argv[1:] if not a.startswith("-")] or present
    failed = 0
    for language in languages:
        files = corpus_files(language, collection)
        changed = untreed = 0
        for path in files:
            result, changes = check_file(language, path)
            untreed += result.tree is None
            if changes:
                changed += 1
                if verbose:
                    print(f"{language} {path.name}: " + " | ".join(changes[:8]))
        kept = len(files) - changed - untreed
        note = f" ({untreed} made no tree)" if untreed else ""
        print(f"{language}: {kept}/{len(files) - untreed} files with every word unchanged{note}")
        failed += changed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
