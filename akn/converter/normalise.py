"""Turn each block's wrapped lines into one clean text, and find its opening phrase.

Superscripts glued back and spaces tidied line by line; the lines joined (a line-end hyphen
joins without a space); split words rejoined; the language's typography applied. The
offset where each input line starts in the result is kept, so that later passes can say on
which line they found something.
"""

from __future__ import annotations

import bisect

from akn.converter.blocks import Block, Kind
from akn.converter.compounds import restore_compound_hyphens
from akn.converter.footnotes import merge_superscripts
from akn.converter.lexicon import Lexicon
from akn.converter.source import Line
from akn.converter.spacing import fix_spacing, join_lines, restore_number_hyphens, tidy_line
from akn.converter.split_words import rejoin_split_words
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping


def clean_lines(
    lines: list[Line], mapping: Mapping, lexicon: Lexicon, diagnostics: list[Diagnostic]
) -> tuple[str, list[int], list[Line]]:
    """One text from ``lines``: returns it, where each line starts in it, and the lines used."""
    lines = merge_superscripts(lines, mapping)
    # A space beside an apostrophe is extraction's only where the document shows others.
    apostrophes = any(" ’" in line.text or "’ " in line.text or "' " in line.text for line in lines)
    apostrophes = apostrophes and lexicon.closes_apostrophes()
    texts = []
    for line in lines:
        text, closed = tidy_line(line.text, mapping, apostrophes)
        diagnostics += [
            Diagnostic(
                "L210",
                Severity.INFO,
                f"rejoined a word split by spaces: {before!r} -> {after!r}",
                line=line.number,
            )
            for before, after in closed
        ]
        if lexicon.glued_numbers:  # one look at the document's words said there are some
            text, fixes = restore_number_hyphens(text, mapping)
            diagnostics += [
                Diagnostic(
                    "L211",
                    Severity.INFO,
                    f"restored the hyphen of a compound number: {before!r} -> {after!r}",
                    line=line.number,
                )
                for before, after in fixes
            ]
        if lexicon.compounds:
            text, fixes = restore_compound_hyphens(text, lexicon)
            diagnostics += [
                Diagnostic(
                    "L213",
                    Severity.INFO,
                    f"restored a hyphen extraction dropped: {before!r} -> {after!r} (the "
                    "document writes it so elsewhere)",
                    line=line.number,
                )
                for before, after in fixes
            ]
        texts.append(text)
    joined, starts = join_lines(
        texts,
        mapping.typography.line_joiner,
        frozenset(w.casefold() for w in mapping.words.conjunctions),
        mapping.typography.spaced_hyphen == "dash",
    )
    if mapping.typography.spaced:
        joined, starts = _unhyphenate(joined, starts, lines, lexicon, diagnostics)
    if mapping.words.rejoin:
        text, joins = rejoin_split_words(joined, lexicon)
    else:
        text, joins = joined, []
    for offset, before, after in reversed(joins):
        removed = len(before) - len(after)
        starts = [start - removed if start > offset else start for start in starts]
    for offset, before, after in joins:
        line = lines[max(0, bisect.bisect_right(starts, offset) - 1)]
        diagnostics.append(
            Diagnostic(
                "L210",
                Severity.INFO,
                f"rejoined a word split by spaces: {before!r} -> {after!r}",
                line=line.number,
            )
        )
    # "COVID -19": a hyphen spaced from its word is extraction's where the document shows
    # split words; the UN's Arabic spaces "4 -15" itself.
    loose_hyphens = " -" in text and lexicon.shows_splits()
    return fix_spacing(text, mapping, apostrophes, loose_hyphens), starts, lines


def _unhyphenate(
    text: str,
    starts: list[int],
    lines: list[Line],
    lexicon: Lexicon,
    diagnostics: list[Diagnostic],
) -> tuple[str, list[int]]:
    """Take out the hyphen of a word that typesetting cut at a line end ("enshri-" /
    "ned"): only where the whole is a word and the pieces are not both words ("risk-" /
    "informed" keeps its hyphen, as does any piece the word list does not settle). L212."""
    for index in range(len(starts) - 1, 0, -1):
        at = starts[index] - 1
        if not (0 < at < len(text) - 1 and text[at] == "-"):
            continue
        left = _letters_before(text, at)
        right = _letters_after(text, at + 1)
        if not left or not right or not right[0].islower():
            continue
        whole = left + right
        if not lexicon.is_word(whole) or (lexicon.is_word(left) and lexicon.is_word(right)):
            continue
        text = text[:at] + text[at + 1 :]
        starts = [start - 1 if start > at else start for start in starts]
        diagnostics.append(
            Diagnostic(
                "L212",
                Severity.INFO,
                f"joined a word hyphenated at the line end: '{left}-' / '{right}' -> {whole!r}",
                line=lines[index - 1].number if index - 1 < len(lines) else None,
            )
        )
    return text, starts


def _letters_before(text: str, end: int) -> str:
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end] if start == 0 or not text[start - 1].isalnum() else ""


def _letters_after(text: str, start: int) -> str:
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end] if end == len(text) or not text[end].isalnum() else ""


def fill_block_texts(blocks: list[Block], mapping: Mapping, lexicon: Lexicon) -> list[Diagnostic]:
    """Give every block its clean text and, for paragraphs, the opening phrase or verb."""
    diagnostics: list[Diagnostic] = []
    for block in blocks:
        if block.kind is Kind.MASTHEAD and block.text:
            continue
        if block.lines:
            block.text, block.starts, block.lines = clean_lines(
                block.lines, mapping, lexicon, diagnostics
            )
            _find_phrase(block, mapping, diagnostics)
    return diagnostics


def _find_phrase(block: Block, mapping: Mapping, diagnostics: list[Diagnostic]) -> None:
    text = block.text
    if block.kind is Kind.RECITAL:
        phrase = _opening_phrase(text, mapping) or _closing_word(text, mapping)
        if phrase:
            block.phrase = phrase
            return
        opening = mapping.preamble.opening.match(text)
        block.phrase = opening.group(0) if opening else (text.split(" ", 1)[0].rstrip(",;:"))
        if block.phrase:
            diagnostics.append(
                Diagnostic(
                    "S310",
                    Severity.WARNING,
                    f"preambular paragraph opens with {block.phrase!r}, which is not among the "
                    f"opening phrases of mappings/{mapping.name}.yaml (recognised by rule "
                    f"{block.rule}); add it there if it is one",
                    line=block.line,
                )
            )
    elif block.kind is Kind.PARAGRAPH:
        match = mapping.verb_pattern.match(text)
        if match:
            block.phrase = match.group(0)
            particle = mapping.particle_patterns.get(block.phrase.split()[0])
            found = particle.search(text, match.end()) if particle else None
            if found:
                block.particle = (found.start(), found.end())
    elif block.kind is Kind.FORMULA:
        match = mapping.formula_pattern.match(text)
        if match:
            block.phrase = match.group(0)


def _closing_word(text: str, mapping: Mapping) -> str | None:
    """The word that closes the first clause of a recital whose verb comes last
    (``preamble.closing``): it names the recital as an opening phrase would."""
    closing = mapping.closing_pattern
    comma = min((at for at in map(text.find, mapping.typography.commas) if at > 0), default=0)
    found = closing.search(text[:comma].rstrip()) if closing is not None and comma else None
    return found.group(0) if found else None


def _opening_phrase(text: str, mapping: Mapping) -> str | None:
    """The listed phrase that opens ``text`` (or stands within the mapping's phrase window)."""
    match = mapping.phrase_pattern.match(text)
    if match:
        return match.group(0)
    window = mapping.preamble.phrase_window
    if window:
        match = mapping.phrase_pattern.search(text, 0, window + 40)
        if match and match.start() <= window:
            return match.group(0)
    return None
