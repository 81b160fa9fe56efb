"""No repair on correct text: every word of a clean input stands unchanged in the output.

Clean text (one paragraph per line, as ``akn render --to text`` writes the UN's own AKN) has no
artefact of PDF extraction: no word split by a stray space, no hyphen dropped at a line end.
A repair the converter makes there changes a word the author wrote ("direct or" made
"director", "Herzegovina ’s" made "Herzegovina’s"), whether or not a diagnostic reports it.
So, unlike ``kept_words.lost_words``, the repairs (L210-L213) are not credited here: the input's
words, counted, must all be in the output's document text (footnote markers and notes are
read as ``kept_words`` reads them), and each repair reported is a change. Words are runs of
letters and digits; a space beside an apostrophe between letters is the input's own too.

Used by ``tests/test_unchanged_words.py`` (a sample) and ``tools/unchanged_words.py`` (all of
``corpus/wide/`` or ``corpus/akn/``).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from corpus import LANGUAGES, clean_text
from kept_words import lost_words

from akn.converter.pipeline import Conversion, convert

# The codes of the repairs that change words (kept_words credits them; here they are changes).
REPAIRS = frozenset(("L210", "L211", "L212", "L213"))
_SPACED_APOSTROPHE = re.compile(r"[^\W\d_]+ [’'](?=[^\W\d_])|(?<=[^\W\d_])[’'] +[^\W\d_]+")


def changed_words(text: str, result: Conversion) -> list[str]:
    """What the conversion of ``text`` changed of its words: each word of the input the output
    lacks (with how many times), each repair reported, and each spaced apostrophe closed up.
    Empty for a text that made no tree (nothing was written, so nothing was changed)."""
    if result.tree is None:
        return []
    kept = [d for d in result.diagnostics if d.code not in REPAIRS]
    lost = lost_words(text, result.tree, kept)
    changes = [f"lost {word!r} x{count}" for word, count in sorted(lost.items())]
    changes += [d.format() for d in result.diagnostics if d.code in REPAIRS]
    written = " ".join(" ".join(result.tree.itertext()).split())
    found = Counter(_SPACED_APOSTROPHE.findall(written))
    for spaced, count in Counter(_SPACED_APOSTROPHE.findall(" ".join(text.split()))).items():
        if found[spaced] < count:
            changes.append(f"closed up {spaced!r} x{count - found[spaced]}")
    return changes


def check_file(language: str, path: Path) -> tuple[Conversion, list[str]]:
    """Convert the clean text of one UN file and say what changed of its words."""
    text = clean_text(path)
    result = convert(text, lang=LANGUAGES[language])
    return result, changed_words(text, result)
