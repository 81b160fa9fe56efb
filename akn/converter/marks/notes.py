"""Find where each footnote's marker stands in the text.

PDF text loses the superscript: "19671," is 1967 and note 1; "Sud-Est3," is note 3 after
"Sud-Est"; "activities, 1" is note 1 after a comma. Notes are numbered in order and each note
was printed at the bottom of the page that holds its marker, so note k is looked for on its
own page, after note k-1, as the first occurrence of k in a place a marker can stand: glued to
a word, glued to a year (five or six digits that read as a year then k), right after
punctuation, or alone between words when the word before does not count things ("paragraph 2",
"the 3 States") and the word after is not a month ("15 December").

A number that repeats an earlier note's marker later in the text becomes a reference to that
note. A note whose marker cannot be found is kept, attached to the preface, with a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from akn.converter.blocks import Block, Kind
from akn.converter.footnotes import Note
from akn.converter.normalise import line_at
from akn.converter.tree import Node, NoteMark, SourceLine, Tree
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping
from akn.mapping.sections import Script

SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_DIGIT_RUN = re.compile(r"[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SUPERSCRIPT = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]")
# How far around a candidate marker the words that decide it are looked for: a window, so that
# a block of any length costs the same per candidate (no copy of all the text before it).
_WINDOW = 240


def _before(text: str, start: int) -> str:
    return text[max(0, start - _WINDOW) : start]


_DIGITS = re.compile(r"\d+")  # any script's digits: a marker is written as its text writes numbers
SEARCHED = {
    Kind.TITLE,
    Kind.RECITAL,
    Kind.PARAGRAPH,
    Kind.POINT,
    Kind.WRAP_UP,
    Kind.HEADING,
    Kind.TEXT,
    Kind.MASTHEAD,
    Kind.FORMULA,
    Kind.CELL,
}
# Masthead lines written with their inline content (a sponsor's "*" marker can stand there).
MASTHEAD_WITH_NOTES = {"draft", "committee"}


@dataclass
class Placement:
    """Note ``note`` (index into the note list) stands at ``offset`` of block ``block``."""

    block: int
    offset: int
    note: int
    repeat: bool = False


@dataclass
class _Candidate:
    start: int  # where the marker's characters start
    end: int  # where they end
    insert: int  # where the note goes once they are removed
    strong: bool  # glued to a word or punctuation, or a year-glued number


def _candidates(text: str, marker: str, mapping: Mapping, repeat: bool) -> list[_Candidate]:
    opening, closing = mapping.notes.brackets
    if opening or closing:
        return _bracketed(text, f"{opening}{marker}{closing}")
    if marker not in text and not (
        _SUPERSCRIPT.search(text) and marker in text.translate(SUPERSCRIPT_DIGITS)
    ):
        return []
    if not marker.isdigit():
        return [
            _Candidate(m.start(), m.end(), m.start(), True)
            for m in re.finditer(
                rf"(?<=[\w.,;){re.escape(mapping.typography.closing_marks)}]){re.escape(marker)}(?!\*)",
                text,
            )
        ]
    found: list[_Candidate] = []
    for run in _DIGIT_RUN.finditer(text):
        digits = run.group(0)
        plain = digits.translate(SUPERSCRIPT_DIGITS)
        if not plain.endswith(marker):
            continue
        if digits != plain:  # superscript digits are markers for certain, even after a year
            raised = len(digits) - len(digits.rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹"))
            if raised and digits[-raised:].translate(SUPERSCRIPT_DIGITS) == marker:
                start = run.end() - raised
                found.append(_Candidate(start, run.end(), start, True))
            continue
        if len(plain) > len(marker):
            year = plain[: -len(marker)]
            if (
                len(year) == 4
                and 1900 <= int(year) <= 2099
                and (
                    not _inside_code(text, run.start(), mapping.script)
                    or _after_year_range(text, run.start())
                )
            ):
                start = run.end() - len(marker)
                found.append(_Candidate(start, run.end(), start, True))
            continue
        candidate = _classify(text, run.start(), run.end(), mapping, repeat)
        if candidate is not None:
            found.append(candidate)
    return found


_THOUSANDS = re.compile(r" ?\d{3}(?!\d)")


def _after_year_range(text: str, start: int) -> bool:
    """ "2022-203112": the second year of a range, then a marker."""
    return bool(re.search(r"(?:^|\s)\d{4}[-–]$", _before(text, start)))


def _bracketed(text: str, written: str) -> list[_Candidate]:
    """Markers written between brackets ("(1)" in Arabic): glued to what precedes them."""
    found = []
    start = text.find(written)
    while start >= 0:
        end = start + len(written)
        before = text[start - 1] if start else ""
        window = _before(text, start)
        token = window.rsplit(None, 1)[-1] if window.strip() else ""
        if token.isascii() and any(c.isdigit() for c in token) and any(c.isalpha() for c in token):
            pass  # "SSA2(5)": a code with its own brackets, not a marker
        elif before and not before.isspace():
            found.append(_Candidate(start, end, start, True))
        elif before and text[start - 2 : start - 1].strip():
            found.append(_Candidate(start, end, start - 1, False))
        start = text.find(written, end)
    return found


def _token_before(text: str, start: int, script: Script) -> str:
    """The word that ends at ``start``: back to a space, or to a CJK character (a language
    written without spaces has no words to go back to)."""
    begin = start
    while begin > 0 and not text[begin - 1].isspace() and not script.is_wide(text[begin - 1]):
        begin -= 1
    return text[begin:start]


def _inside_code(text: str, start: int, script: Script) -> bool:
    """Digits that are part of a symbol or code: A/RES/70/1, COVID-19, 1/CP.21, UNISPACE+50."""
    token = _token_before(text, start, script)
    return any(ch in token for ch in "/+=#") or token.endswith(("-", ".", "\u2011"))


def _classify(text: str, start: int, end: int, mapping: Mapping, repeat: bool) -> _Candidate | None:
    following = text[end : end + 1]
    cjk_after = mapping.script.is_ideograph(following) and not mapping.typography.spaced
    if following and ((following.isalnum() and not cjk_after) or following in "/%°"):
        return None
    if not mapping.typography.spaced and (
        _counted_before(text, start, mapping)
        or any(text.startswith(word, end) for word in mapping.markers.quantity_words)
        or _THOUSANDS.match(text, end)  # "6 500亿": thousands apart
    ):
        return None  # "目标4", "2020年4月2日": a number counted, or a quantity
    if following in (",", ".") and text[end + 1 : end + 2].isdigit():
        return None  # 1,000 or 1.5
    before = text[start - 1] if start else ""
    if not before:
        return None
    if before.isalpha():
        if _inside_code(text, start, mapping.script) or _all_caps_code(text, start, mapping.script):
            return None
        return _Candidate(start, end, start, True)
    if before in ",;:).，、》）；：。،؛" or before in mapping.typography.closing_marks:
        prior = text[start - 2] if start >= 2 else ""
        if before == mapping.typography.decimal_separator and prior.isdigit():
            return None
        if before == "." and (prior.isdigit() or _inside_code(text, start - 1, mapping.script)):
            return None
        if repeat and prior.isdigit():
            return None
        if before in "、和" and prior.isdigit():
            return None  # "第1、2和3段": a list of numbers
        return _Candidate(start, end, start, True)
    if before.isspace():
        words_before = _before(text, start).split()
        if not words_before:
            return None
        previous = words_before[-1]
        if _counts(previous, mapping) or (repeat and previous[-1:].isdigit()):
            return None
        following_words = text[end : end + _WINDOW].split(None, 3)
        nxt = following_words[0] if following_words else ""
        bare = nxt.rstrip(",.;:").casefold()
        if bare in mapping.dates.months or nxt.rstrip(",.;:") in mapping.markers.quantity_words:
            return None
        if mapping.dates.pattern.match(text, start):
            return None  # "4 de febrero de 2021": the day of a date the language writes
        if any(any(ch.isdigit() for ch in word) for word in following_words[:3]):
            return None  # "1 out of 11", "3 and 4 December": a quantity or a range
        if nxt[:1].isupper() and not previous.endswith((",", ";")):
            return None
        if repeat and not (previous.endswith(",") or nxt[:1].islower() or not nxt):
            return None
        return _Candidate(start, end, start - 1, False)
    return None


def _counted_before(text: str, start: int, mapping: Mapping) -> bool:
    """In a language written without spaces: does a counting word end just before ``start``?"""
    before = text[max(0, start - 8) : start]
    return any(before.endswith(word) for word in mapping.markers.counting_words)


def _counts(word: str, mapping: Mapping) -> bool:
    """Is ``word`` one after which a number counts something ("paragraph 2", "l’article 4")?"""
    counting = mapping.markers.counting_words
    if word in counting:
        return True
    lowered = word.casefold()
    for elision in mapping.words.elisions:
        if lowered.startswith(elision) and word[len(elision) :] in counting:
            return True
    return False


def _number_glued(text: str, marker: str) -> list[_Candidate]:
    """Last resort: a marker glued to a number that is not a year ("Agenda 216" is 21 + 6)."""
    found = []
    for run in re.finditer(r"(?<![\d/.,\-])\d+(?![\d/])", text):
        digits = run.group(0)
        if len(digits) > len(marker) and digits.endswith(marker) and digits[0] != "0":
            following = text[run.end() : run.end() + 1]
            if not following or following in " ,;:.)":
                start = run.end() - len(marker)
                found.append(_Candidate(start, run.end(), start, False))
    return found


def _code_glued(text: str, marker: str) -> list[_Candidate]:
    """Last resort: the marker glued to a symbol, a code or a number that ends like one
    ("HIV/AIDS7", "resolution 59/3009", "1/CP.2731", "Protocol I4"). Only looked for where
    the order of the notes leaves no other place for it."""
    found = []
    for run in re.finditer(rf"(?<=[\w.)]){re.escape(marker)}(?!\d)", text):
        following = text[run.end() : run.end() + 1]
        if following.isalpha() or following in "/%°":
            continue
        found.append(_Candidate(run.start(), run.end(), run.start(), False))
    return found


def _counted(text: str, marker: str, mapping: Mapping) -> list[_Candidate]:
    """Last resort: the marker's number where a word before it made it look counted ("条约9
    缔约国": "约" counts in "约6亿", here it ends "treaty"). Units after it still rule it out."""
    found = []
    for run in re.finditer(rf"(?<![\d/.,\-]){re.escape(marker)}(?![\d/%°])", text):
        following = text[run.end() : run.end() + 1]
        if following.isalpha() and not mapping.script.is_wide(following):
            continue
        if any(text.startswith(word, run.end()) for word in mapping.markers.quantity_words):
            continue
        if _THOUSANDS.match(text, run.end()) or _inside_code(text, run.start(), mapping.script):
            continue
        before = text[run.start() - 1 : run.start()]
        if before.isalpha() and not mapping.typography.spaced:
            found.append(_Candidate(run.start(), run.end(), run.start(), False))
    return found


def _all_caps_code(text: str, start: int, script: Script) -> bool:
    """Letters and digits of an acronym-like code: "G77", "CP21", "H5N1"."""
    token = _token_before(text, start, script)
    letters = [ch for ch in token if ch.isalpha()]
    return (
        bool(letters)
        and len(letters) <= 3
        and all(ch.isupper() for ch in letters)
        and (token.isalnum())
    )


def place_notes(
    blocks: list[Block], notes: list[Note], mapping: Mapping
) -> tuple[list[Placement], list[Diagnostic]]:
    """Find each note's marker in the blocks, then the later markers that repeat a note."""
    diagnostics: list[Diagnostic] = []
    placements: list[Placement] = []
    cursor = (0, 0)
    searchable = [i for i, b in enumerate(blocks) if b.kind in SEARCHED]
    numbers: Counter[str] | None = None  # counted once, if a last resort needs them
    for index, note in enumerate(notes):
        if note.marker == "?":
            continue
        found = _search(blocks, searchable, note, mapping, cursor, same_page=True)
        if found is None and note.marker.isdigit():
            found = _search(blocks, searchable, note, mapping, cursor, same_page=False)
        if found is None and note.marker.isdigit():
            if numbers is None:
                numbers = number_counts(blocks, searchable)
            found = _search_glued_to_number(
                blocks, searchable, notes, index, mapping, cursor, numbers
            )
            if found is not None:
                block_index, candidate = found
                diagnostics.append(
                    Diagnostic(
                        "N403",
                        Severity.INFO,
                        f"marker of footnote {note.marker} read where only the order of the "
                        "notes puts it: glued to a number or code ('HIV/AIDS7'), or away from "
                        "the page that prints the note",
                        line=line_at(blocks[block_index], candidate.start).number,
                    )
                )
        if found is None:
            diagnostics.append(
                Diagnostic(
                    "N404",
                    Severity.WARNING,
                    f"marker of footnote {note.marker} not found in the text; the note is kept "
                    "and attached to the preface",
                    line=note.marker_line.number,
                )
            )
            continue
        block_index, candidate = found
        _remove_marker(blocks[block_index], candidate)
        placements.append(Placement(block_index, candidate.insert, index))
        cursor = (block_index, candidate.insert)
    placements.extend(_repeats(blocks, searchable, notes, placements, mapping, diagnostics))
    return placements, diagnostics


def _search(
    blocks: list[Block],
    searchable: list[int],
    note: Note,
    mapping: Mapping,
    cursor: tuple[int, int],
    same_page: bool,
) -> tuple[int, _Candidate] | None:
    weak: tuple[int, _Candidate] | None = None
    for block_index in searchable:
        if block_index < cursor[0]:
            continue
        block = blocks[block_index]
        if block.kind is Kind.MASTHEAD and (
            note.marker.isdigit() or block.role not in MASTHEAD_WITH_NOTES
        ):
            continue
        if same_page and not any(line.page == note.page for line in block.lines):
            continue
        for candidate in _candidates(block.text, note.marker, mapping, repeat=False):
            if block_index == cursor[0] and candidate.start < cursor[1]:
                continue
            if same_page and line_at(block, candidate.start).page != note.page:
                continue
            if candidate.strong:
                return block_index, candidate
            if weak is None and same_page:
                weak = (block_index, candidate)
    # A marker alone between words is taken only when no glued one follows on the page.
    return weak
    return None


def _search_glued_to_number(
    blocks: list[Block],
    searchable: list[int],
    notes: list[Note],
    index: int,
    mapping: Mapping,
    cursor: tuple[int, int],
    numbers: Counter[str],
) -> tuple[int, _Candidate] | None:
    """A marker glued to a number, or one whose number looked counted, or one glued to a code
    or symbol ("HIV/AIDS7"), looked for between the previous note and the next one.

    Which of several it is, the rest of the document says (``numbers``: how often each number
    or code stands in it): "59/300" cited elsewhere makes "59/3009" 59/300 and the note,
    while "61/29" cited elsewhere is a resolution, not 61/2 and a note; a number cut short
    into one the text never writes ("2011," into "201") is no marker at all. Between equals,
    the first after the previous note."""
    note = notes[index]
    limit: tuple[int, int] | None = None
    if index + 1 < len(notes):
        after = _search(blocks, searchable, notes[index + 1], mapping, cursor, same_page=False)
        if after is not None:
            limit = (after[0], after[1].start)
    best: tuple[tuple[int, int, int], int, _Candidate] | None = None
    later = {other.marker for other in notes[index + 1 :]}
    for block_index in searchable:
        if block_index < cursor[0] or (limit and block_index > limit[0]):
            continue
        block = blocks[block_index]
        if block.kind is Kind.MASTHEAD or not any(ln.page == note.page for ln in block.lines):
            continue
        found = [
            *_number_glued(block.text, note.marker),
            *_counted(block.text, note.marker, mapping),
            *_code_glued(block.text, note.marker),
        ]
        for candidate in found:
            if block_index == cursor[0] and candidate.start < cursor[1]:
                continue
            if limit and block_index == limit[0] and candidate.start >= limit[1]:
                continue
            if _whole_run(block.text, candidate) in later:
                continue  # "Principles14": the marker of note 14, not 1 and note 4
            evidence = _glued_evidence(block.text, candidate, numbers, mapping)
            if evidence < 0:
                continue
            key = (-evidence, block_index, candidate.start)
            if best is None or key < best[0]:
                best = (key, block_index, candidate)
    return (best[1], best[2]) if best else None


def _whole_run(text: str, candidate: _Candidate) -> str:
    """The digits the candidate's marker ends: "14" for the "4" of "Principles14"."""
    start = candidate.start
    while start and text[start - 1].isdigit():
        start -= 1
    return text[start : candidate.end]


def _glued_evidence(
    text: str, candidate: _Candidate, numbers: Counter[str], mapping: Mapping
) -> int:
    """How much the document says a number-glued marker is one: +1 when what stays once it is
    cut ("59/300") stands elsewhere in the text, -1 when the whole ("61/29") does and what
    would stay does not, or when a month or a quantity follows ("14 November": a date)."""
    token = _TOKEN.search(_before(text, candidate.start)[::-1])
    whole = (token.group(0)[::-1] if token else "") + text[candidate.start : candidate.end]
    rest = whole[: -(candidate.end - candidate.start)]
    following = text[candidate.end : candidate.end + _WINDOW].split(None, 1)
    nxt = following[0].rstrip(",.;:") if following else ""
    if nxt.casefold() in mapping.dates.months or nxt in mapping.markers.quantity_words:
        return -1
    rest_seen, whole_seen = numbers[rest] > 0, numbers[whole] > 1  # > 1: besides this one
    if rest_seen and not whole_seen:
        return 1
    if whole_seen and not rest_seen:
        return -1
    return 0


_TOKEN = re.compile(r"^[\w./\-]+")  # the token before a candidate, read backwards


def number_counts(blocks: list[Block], searchable: list[int]) -> Counter[str]:
    """How often each word, number or code ("2030", "59/300", "HIV/AIDS") stands in the
    blocks, markers still in them."""
    counts: Counter[str] = Counter()
    for block_index in searchable:
        for token in _WORD_TOKEN.findall(blocks[block_index].text):
            counts[token.rstrip(".-/")] += 1
    return counts


_WORD_TOKEN = re.compile(r"[\w./\-]+")


def _remove_marker(block: Block, candidate: _Candidate) -> int:
    """Cut the marker's characters out of the block text; return how many were cut."""
    cut_from = min(candidate.insert, candidate.start)
    removed = candidate.end - cut_from
    block.text = block.text[:cut_from] + block.text[candidate.end :]
    block.starts = [s - removed if s > cut_from else s for s in block.starts]
    return removed


def _repeats(
    blocks: list[Block],
    searchable: list[int],
    notes: list[Note],
    placements: list[Placement],
    mapping: Mapping,
    diagnostics: list[Diagnostic],
) -> list[Placement]:
    """Later markers with the number of a note already placed: references back to it.

    One pass over the blocks in order: in each, only the numbers of placed notes that end a
    number there are looked for, and a repeat belongs to the last note of that number placed
    before it. So the time grows with the text, not with its notes times its blocks."""
    origins: dict[str, list[Placement]] = {}  # marker -> its notes' placements, in order
    by_block: dict[int, list[Placement]] = {}
    for placement in sorted(placements, key=lambda p: (p.block, p.offset)):
        marker = notes[placement.note].marker
        if marker.isdigit():
            origins.setdefault(marker, []).append(placement)
        by_block.setdefault(placement.block, []).append(placement)
    found: list[Placement] = []
    words_of: dict[int, set[str]] = {}  # by note: what it stood after
    for block_index in searchable:
        block = blocks[block_index]
        if block.kind is Kind.MASTHEAD or not origins:
            continue
        taken: list[tuple[_Candidate, Placement]] = []
        for marker in _number_ends(block.text) & origins.keys():
            for candidate in _candidates(block.text, marker, mapping, repeat=True):
                origin = _origin_before(origins[marker], block_index, candidate.start)
                if origin is None:
                    continue
                weak = not candidate.strong and not _comma_before(block.text, candidate.start)
                echo = _origin_words(blocks, origin, words_of, mapping.typography.spaced)
                if weak and not (
                    block.text[candidate.end :].lstrip()[:1].islower()
                    and _echoes(block.text, candidate.start, echo, mapping.typography.spaced)
                ):
                    continue  # "level 3 activation": a number between words counts things
                if (
                    not mapping.typography.spaced
                    and not _ends_clause(block.text, candidate.end)
                    and not _echoes(block.text, candidate.start, echo, mapping.typography.spaced)
                ):
                    continue  # "目标1和2加以": without spaces, a digit in a sentence counts
                taken.append((candidate, origin))
        for candidate, origin in _without_overlaps(taken):
            removed = _remove_marker(block, candidate)
            for placement in by_block.get(block_index, ()):
                if placement.offset > candidate.start:
                    placement.offset -= removed
            repeat = Placement(block_index, candidate.insert, origin.note, repeat=True)
            found.append(repeat)
            by_block.setdefault(block_index, []).append(repeat)
            marker = notes[origin.note].marker
            diagnostics.append(
                Diagnostic(
                    "N405",
                    Severity.INFO,
                    f"number {marker} after the note of that number read as another "
                    f"reference to footnote {marker}",
                    line=line_at(block, candidate.insert).number,
                )
            )
    return found


def _origin_before(origins: list[Placement], block: int, offset: int) -> Placement | None:
    """The last of a marker's notes placed before ``offset`` of ``block``."""
    before = [p for p in origins if (p.block, p.offset) < (block, offset)]
    return before[-1] if before else None


def _origin_words(
    blocks: list[Block], origin: Placement, cache: dict[int, set[str]], spaced: bool
) -> set[str]:
    """What the note placed at ``origin`` stood after (by note, worked out once)."""
    if origin.note not in cache:
        text = blocks[origin.block].text
        cache[origin.note] = _words(_before(text, origin.offset), spaced=spaced)
    return cache[origin.note]


def _ends_clause(text: str, end: int) -> bool:
    """Does punctuation (or the end of the text) follow a marker's digits?"""
    following = text[end : end + 1]
    return not following or following in ",;:.)，。；：、）》」』"


def _without_overlaps(
    taken: list[tuple[_Candidate, Placement]],
) -> list[tuple[_Candidate, Placement]]:
    """The repeats found in one block, last first (cutting one leaves the offsets before it
    as they are); of two that overlap ("2021": note 1 and note 21), the earlier note's."""
    kept: list[tuple[_Candidate, Placement]] = []
    for candidate, origin in sorted(taken, key=lambda item: item[1].note):
        if all(candidate.end <= k.start or k.end <= candidate.start for k, _ in kept):
            kept.append((candidate, origin))
    return sorted(kept, key=lambda item: item[0].start, reverse=True)


def _number_ends(text: str) -> set[str]:
    """The endings of up to four digits of the numbers in ``text`` ("2021": "1", "21", "021",
    "2021"): the note numbers a marker in it can have."""
    plain = text.translate(SUPERSCRIPT_DIGITS) if _SUPERSCRIPT.search(text) else text
    return {run[-size:] for run in _DIGITS.findall(plain) for size in range(1, 5)}


def _words(text: str, count: int = 4, spaced: bool = True) -> set[str]:
    """The last ``count`` words of ``text`` that are long enough to say what it is about; in
    a script written without spaces, every three characters in a row of its last ten."""
    if not spaced:
        tail = text.rstrip()[-10:]
        return {tail[i : i + 3] for i in range(len(tail) - 2)}
    words = (word.strip(",.;:()“”\"'’").casefold() for word in text.split()[-count:])
    return {word for word in words if len(word) >= 4}


def _echoes(text: str, start: int, origin_words: set[str], spaced: bool = True) -> bool:
    """Do the words before a spaced number name what the note of that number stood after
    ("…Sustainable Development, 2" … "Sustainable Development Goals 2 for")? Then it is the
    note again; otherwise ("the level 3 activation") it is a number of the text. Without
    spaces: do the three characters before it stand just before the note ("议程》2")?"""
    if not spaced:
        return _before(text, start).rstrip()[-3:] in origin_words
    return bool(_words(_before(text, start), 3) & origin_words)


def _comma_before(text: str, start: int) -> bool:
    return _before(text, start).rstrip().endswith(",")


# --------------------------------------------------------------------------- the tree pass


@dataclass
class _Unit:
    """A unit of the tree as the search reads it; the text loses the markers found in it."""

    kind: Kind
    role: str | None
    lines: tuple[SourceLine, ...]
    text: str
    starts: list[int]


def mark_notes(
    tree: Tree, notes: Sequence[Note], mapping: Mapping
) -> tuple[Tree, list[Diagnostic]]:
    """The tree with each note's marker cut out of the text and a NoteMark where it stood;
    the notes whose marker is nowhere are the tree's ``unplaced``, kept on the preface."""
    nodes = tree.units
    units = [
        _Unit(Kind(node.recognised), node.role, node.source, node.text, list(node.starts))
        for node in nodes
    ]
    placements, diagnostics = place_notes(units, list(notes), mapping)  # type: ignore[arg-type]
    marks: dict[int, list[NoteMark]] = {}
    for placement in placements:
        seq = nodes[placement.block].seq
        marks.setdefault(seq, []).append(
            NoteMark(placement.offset, placement.note, placement.repeat)
        )
    found = {node.seq: work for node, work in zip(nodes, units, strict=True)}

    def marked(node: Node) -> Node:
        work = found[node.seq]
        if node.seq not in marks and work.text == node.text:
            return node
        return node.changed(
            text=work.text,
            starts=tuple(work.starts),
            marks=(*node.marks, *marks.get(node.seq, ())),
        )

    placed = {p.note for p in placements if not p.repeat}
    unplaced = tuple(index for index in range(len(notes)) if index not in placed)
    return replace(tree.with_units(marked), unplaced=unplaced), diagnostics
