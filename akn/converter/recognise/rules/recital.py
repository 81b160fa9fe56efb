"""preamble.phrases, preamble.opening, preamble.closing, preamble.restated — a preambular
paragraph (recital).

In the preamble (or a section's own preamble), where no quotation is open:
- preamble.phrases: where a paragraph may open, a line that starts with one of the mapping's
  opening phrases ("Recalling", "Noting with concern");
- preamble.opening: an opening the mapping does not list ("Welcoming" in a language file that
  lacks it: a capitalised participle-like word) needs the layout's word for it too (a blank
  line, an indent, a line per paragraph), since after a comma a capitalised word may just go
  on;
- preamble.closing: where the verb closes the clause (``preamble.closing``), a recital opens
  with its object and the evidence is at the end of its first clause: after a closed line, a
  line whose text up to the first comma ends with a closing word ("the grave consequences …
  deploring, including …");
- preamble.restated: a line that opens with the phrase that opened the recital before, restated
  ("Taking note also" after "Taking note"), opens a recital even though the line before did
  not close (a recital the UN left without its comma): a sentence does not restate its own
  opening; after a conjunction ("…, and" / "noting also") it may, and goes on. Not where
  the text indents first lines: an unindented line goes on, whatever it restates.
"""

from __future__ import annotations

import re

from akn.converter.blocks import Kind
from akn.converter.recognise.state import Context, LineView, Match, ReaderState


def recital(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """An opening phrase of the mapping (or an unlisted opening the layout confirms, or a
    closing word at the end of the first clause) opens a recital."""
    if not state.in_preamble or line.quoting:
        return None
    if not line.opened:
        return None if line.closed or context.layout.indented else _restated(state, line, context)
    text, mapping = line.text, context.mapping
    if mapping.phrase_pattern.match(text):
        return Match("preamble.phrases", Kind.RECITAL)
    opening = mapping.preamble.opening.match(text)
    if opening and (line.separated or _opens_sentence(text, opening.end(), line, context)):
        after = text[opening.end() : opening.end() + 1]
        if after in ("", " ", *mapping.typography.commas) or not mapping.typography.spaced:
            return Match("preamble.opening", Kind.RECITAL)
    closing = mapping.closing_pattern
    if closing is not None and line.closed:
        clause = first_clause(line, context)
        if clause and closing.search(clause.rstrip()):
            return Match("preamble.closing", Kind.RECITAL)
    return None


def _opens_sentence(text: str, end: int, line: LineView, context: Context) -> bool:
    """Where the layout parts nothing (wrapped lines, no blank line, the line before not
    short enough to tell), an unlisted opening word still opens a recital after a closed
    line when it is capitalised and the word after it is not: "…human rights," / "Affirming
    the importance …", not "…, United Nations" (a name goes on capitalised). Where case says
    nothing of a start (a script without case; a language whose recitals open in lower case,
    ``typography.case_marks_start: false``), only the forms of ``preamble.opening_alone`` do,
    those no sentence goes on with: "وإذ تهيب" / "будучи привержена" after a comma."""
    if not line.closed:
        return False
    first = text[:1]
    if not context.typography.case_marks_start or first.lower() == first.upper():
        return context.mapping.preamble.opening_alone.match(text) is not None
    after = next((word for word in text[end:].split() if word[:1].isalpha()), "")
    return first.isupper() and after[:1].islower()  # "Deploring, in particular, the …"


def first_clause(line: LineView, context: Context) -> str:
    """The text of ``line`` (and of the next line, where the line has no punctuation) up to
    its first comma; "" when a clause end or a full stop comes first, or no comma comes."""
    typography = context.typography
    text = line.text
    if line.following is not None and not _first_mark(text, typography.terminal_marks):
        text = text + typography.line_joiner + line.following.text.strip()
    found = _first_mark(text, typography.terminal_marks)
    if found is None or text[found] not in typography.commas:
        return ""
    return text[:found]


def _first_mark(text: str, marks: frozenset[str]) -> int | None:
    return next((at for at, char in enumerate(text) if char in marks), None)


def _restated(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """The opening phrase of the current recital, restated at the start of this line."""
    current, mapping = state.current, context.mapping
    if current is None or current.kind is not Kind.RECITAL or not current.lines:
        return None
    restated = mapping.phrase_pattern.match(line.text)
    if restated is None:  # most lines: asked of every wrapped line of the preamble
        return None
    opened = mapping.phrase_pattern.match(current.lines[0].text.strip())
    if opened is None:
        return None
    words, before = _words(restated.group(0)), _words(opened.group(0))
    if len(words) <= len(before) or not _contains(words, before):
        return None
    last = line.prev_text.split()[-1:] if line.prev_text else []
    if last and last[0] in context.conjunctions:
        return None
    return Match("preamble.restated", Kind.RECITAL)


def _words(phrase: str) -> list[str]:
    return re.split(r"\s+", phrase.strip())


def _contains(words: list[str], part: list[str]) -> bool:
    """Is ``part`` a run of ``words`` ("Taking note" in "Taking note also")?"""
    size = len(part)
    return any(words[at : at + size] == part for at in range(len(words) - size + 1))
