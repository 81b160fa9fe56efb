"""A page's glyphs made into visual lines: baselines, superscripts, reading order, columns.

Runs (the glyphs one text object drew on one baseline) that share a baseline are one line. A
run that is smaller than the line under it and raised above that line's baseline is a
superscript of that line: a note marker, or "o" of "nº". Glyphs are put in reading order
(left to right, or right to left for an Arabic line, with its numbers and Latin words kept
left to right and its brackets mirrored back), and a line is cut where a gap of several ems
parts two columns (the masthead's "United Nations" and "A/RES/75/104").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from akn.converter.pdf.glyphs import Font, Glyph, Run

# How far baselines may differ and still be one line, as a share of the larger font size.
_SAME_BASELINE = 0.2
_MARK_REACH = 0.6  # a vowel mark drawn on its own stands above or below its letter's baseline
# A superscript: at most this share of its line's size, raised by this share of it.
_SUP_SIZE = 0.95
_SUP_RAISE = (0.15, 0.7)
# A gap wider than this many ems between two glyphs parts two columns.
_COLUMN_GAP = 3.0
# A combining mark's origin lies at or just right of its letter's, in points.
_MARK_SLACK = 0.25
# Two pieces of a line farther apart than this many ems part two words.
_WORD_GAP = 0.1
_SPACE_FONT = Font(" ", False, False, False)

_OPENING, _CLOSING = "([{<«", ")]}>»"
_BRACKETS = _OPENING + _CLOSING
_MIRRORED = str.maketrans(_OPENING + _CLOSING, _CLOSING + _OPENING)
_QUOTES = str.maketrans("“”", "”“")


@dataclass(slots=True)
class TextLine:
    """One line as read: its glyphs in reading order, where it stands, and its typography."""

    glyphs: list[Glyph]
    y: float  # the baseline of its main text
    size: float  # the font size of its main text
    rtl: bool = False
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    sups: list[tuple[int, int]] = field(default_factory=list)  # superscript spans of ``text``

    @property
    def bold(self) -> bool:
        letters = [g for g in self.glyphs if g.char.strip() and not g.sup]
        return bool(letters) and all(g.font.bold for g in letters)

    @property
    def bold_run(self) -> bool:
        """Does the line set some of its words in bold, not all: the style of a phrase (the
        UN's Chinese opens its paragraphs with a bold phrase, not an italic one)?"""
        letters = [g.font.bold for g in self.glyphs if g.char.strip() and not g.sup]
        return any(letters) and not all(letters)

    @property
    def barcode(self) -> bool:
        return any(g.font.barcode for g in self.glyphs)


def page_lines(runs: list[Run]) -> list[TextLine]:
    """The page's lines, top to bottom (and left to right on one baseline)."""
    clusters = _baselines(runs)
    clusters = _attach_superscripts(clusters)
    parts: list[tuple[list[list[Glyph]], float, float, bool | None]] = []
    for cluster in clusters:
        ordered = sorted(cluster, key=lambda run: run.order)  # the PDF's order: marks need it
        glyphs = [glyph for run in ordered for glyph in run.glyphs]
        _place_spaces(glyphs)
        size, base = _main_size(cluster)
        for glyph in glyphs:
            glyph.sup = glyph.size <= _SUP_SIZE * size and glyph.y - base >= _SUP_RAISE[0] * size
        for part in _columns(_clusters(glyphs), size):
            parts.append((part, size, base, _is_rtl([c[0] for c in part])))
    right = _rtl_margin(parts)
    lines: list[TextLine] = []
    carried = 0  # brackets the Latin that ends a right-to-left line left open
    for part, size, base, rtl in parts:
        if rtl is False and right is not None:
            rtl = True  # Arabic words among more Latin ("انظر E/FFDF/2020/3."): the page's
        if rtl is None:  # no right-to-left letter: numbers, or a line of Latin
            rtl = right is not None and (
                _right_aligned(part, size, right)
                or _mirrored([c[0] for c in part])
                or part[-1][0].sup  # a note's marker at the right margin: "(16) Global …"
            )
        if rtl:
            part = _gap_spaces(part, size)
        glyphs, carried = _reading_order(part, rtl, carried)
        line = TextLine(glyphs, base, size, rtl)
        if _finish(line):
            lines.append(line)
    lines.sort(key=lambda line: (-round(line.y, 1), line.x0 if not line.rtl else -line.x1))
    return lines


def _place_spaces(glyphs: list[Glyph]) -> None:
    """Put each space between the glyphs it parts in the PDF's order: a producer may set a
    space's origin beyond the next word's first letter (WeasyPrint, the space that ends an
    italic run on a line justified wide: "Reafirma" / "el" read "Reafirma e l")."""
    for at in range(1, len(glyphs) - 1):
        space, before, after = glyphs[at], glyphs[at - 1], glyphs[at + 1]
        if space.char != " " or not (before.char.strip() and after.char.strip()):
            continue
        latin = _direction(before.char) == _direction(after.char) == "L"
        if latin and before.x < after.x < space.x:  # (Latin only: an Arabic line's pieces
            space.x = (before.x + after.x) / 2  # are drawn in any order, gaps part its words)


def _rtl_margin(parts: list[tuple[list[list[Glyph]], float, float, bool | None]]) -> float | None:
    """Where the right-to-left lines of a page mostly end (their right margin), if most of
    the page's lines are right to left."""
    ends = [part[-1][0].x for part, _, _, rtl in parts if rtl]
    if len(ends) * 2 <= len(parts):
        return None
    return Counter(round(end) for end in ends).most_common(1)[0][0]


def _right_aligned(part: list[list[Glyph]], size: float, right: float) -> bool:
    """A line of Latin on a right-to-left page is read right to left when it ends at the
    right margin and starts well inside the left one: a note's line ("(1) A/75/73."), the
    end of a paragraph ("23 (A/75/23)."), not the masthead's symbol or date."""
    left, end = part[0][0].x, part[-1][0].x
    return abs(end - right) <= 1.5 * size and end - left < 30 * size


def _baselines(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped by baseline, top of the page first. A run of vowel marks alone joins
    the line whose baseline is nearest (a damma drawn over a letter stands nearer its own
    line than the line above, which is read first), or makes a line of its own."""
    clusters: list[tuple[float, float, list[Run]]] = []  # (baseline, size, runs)
    marks = [run for run in runs if _marks_only(run)]
    for run in sorted((run for run in runs if not _marks_only(run)), key=lambda run: -run.y):
        for position in range(len(clusters) - 1, max(-1, len(clusters) - 4), -1):
            baseline, size, members = clusters[position]
            if abs(baseline - run.y) <= _SAME_BASELINE * max(size, run.size):
                members.append(run)
                if run.size > size:
                    clusters[position] = (run.y, run.size, members)  # the letters' baseline
                break
        else:
            clusters.append((run.y, run.size, [run]))
    for run in marks:
        near = [
            (abs(baseline - run.y), position)
            for position, (baseline, size, _) in enumerate(clusters)
            if abs(baseline - run.y) <= _MARK_REACH * max(size, run.size)
        ]
        if near:
            clusters[min(near)[1]][2].append(run)
        else:
            clusters.append((run.y, run.size, [run]))
    clusters.sort(key=lambda cluster: -cluster[0])
    return [members for _, _, members in clusters]


def _marks_only(run: Run) -> bool:
    """A run of combining marks alone: vowels a producer drew apart from their letters."""
    return all(unicodedata.combining(glyph.char) for glyph in run.glyphs)


def _attach_superscripts(clusters: list[list[Run]]) -> list[list[Run]]:
    """A line made only of small runs, raised over the line just below it and within its
    width, holds that line's superscripts: merge it into that line."""
    result: list[list[Run]] = []
    pending: list[list[Run]] = []
    for cluster in clusters:
        size, base = _main_size(cluster)
        keep: list[list[Run]] = []
        for small in pending:
            small_size, small_base = _main_size(small)
            raised = small_base - base
            # a note marker tabbed off its text; a call after the space before it, which a
            # justified line stretches (Chinese: "成果、" / "  19", two ems apart)
            left = min(run.x0 for run in cluster) - 4 * size
            reach = 4 if _is_call(small) else 2
            right = max(run.x1 for run in cluster) + reach * size
            if (
                small_size <= _SUP_SIZE * size
                and _SUP_RAISE[0] * size <= raised <= _SUP_RAISE[1] * size
                and all(left <= run.x0 and run.x1 <= right for run in small)
            ):
                cluster.extend(small)
            else:
                keep.append(small)
        result.extend(keep)
        pending = [cluster]
    result.extend(pending)
    result.sort(key=lambda cluster: -_main_size(cluster)[1])
    return result


_CALL = re.compile(r"\(?(?:\d{1,3}|\*{1,3})\)?")


def _is_call(cluster: list[Run]) -> bool:
    """Are these runs a note's call alone ("19", "*", "(3)")?"""
    return bool(_CALL.fullmatch("".join(g.char for run in cluster for g in run.glyphs).strip()))


def _main_size(cluster: list[Run]) -> tuple[float, float]:
    """The size and baseline of most of a line's glyphs (not its superscripts)."""
    weights: Counter[tuple[float, float]] = Counter()
    for run in cluster:
        weights[(round(run.size, 1), run.y)] += len(run.glyphs)
    (size, base), _ = max(weights.items(), key=lambda item: (item[1], item[0][0]))
    return size, base


def _mirrored(glyphs: list[Glyph]) -> bool:
    """Do the brackets of these glyphs, left to right, close before they open ("211220 )A(
    20-16939")? Then they were laid out right to left, mirrored."""
    depth = 0
    for glyph in glyphs:
        if glyph.char in _OPENING:
            depth += 1
        elif glyph.char in _CLOSING:
            depth -= 1
            if depth < 0:
                return True
    return False


def _is_rtl(glyphs: list[Glyph]) -> bool | None:
    """True for a line of more right-to-left letters than left-to-right ones, False for one
    of fewer, None for a line without any (the page's direction decides)."""
    if all(glyph.char < "\u0590" or "\u0900" <= glyph.char < "\ufb1d" for glyph in glyphs):
        return None  # no Hebrew or Arabic letter: most lines, at once
    strong = Counter(_direction(glyph.char) for glyph in glyphs)
    return strong["R"] > strong["L"] if strong["R"] else None


def _direction(char: str) -> str:
    """ "R" for a right-to-left letter, "L" for a left-to-right letter, "D" for a digit, "S"
    for what joins the digits of one number ("/", ".", ",", "-", ":"), else "N"."""
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "R"
    if kind == "L":
        return "L"
    if kind in ("EN", "AN"):
        return "D"
    if kind == "CS":
        return "C"
    if kind in ("ES", "ET"):
        return "S"
    return "N"


def _gap_spaces(clusters: list[list[Glyph]], size: float) -> list[list[Glyph]]:
    """A right-to-left line's clusters (left to right) with a space where two drawn pieces
    stand apart and no space is drawn between them: the words' ends the page shows (the
    reader takes no space PDFium infers beside an Arabic letter, see glyphs.py). A piece's
    right end is measured (``Glyph.right``, the rightmost glyph of each text object); inside
    a piece, the producer draws its spaces."""
    result: list[list[Glyph]] = []
    right = 0.0  # the right end measured at the last origin (a ligature's glyphs share one)
    for cluster in clusters:
        if result:
            left, glyph = result[-1][0], cluster[0]
            if (
                right > left.x
                and glyph.char.strip()
                and left.char.strip()
                and not (glyph.sup or left.sup)  # a marker's own spacing: render.py
                and glyph.x - right >= _WORD_GAP * size
            ):
                result.append([Glyph(" ", right, glyph.y, glyph.size, _SPACE_FONT)])
        same = bool(result) and abs(cluster[0].x - result[-1][0].x) < 0.01
        right = max(right, cluster[0].right) if same else cluster[0].right
        result.append(cluster)
    return result


def _clusters(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs as clusters, a letter with its combining marks (Arabic vowels), left to right.
    A mark belongs to the letter it is drawn over, whatever the PDF's order (producers write
    a mark before its letter, after it, or in a text object of its own): the letter whose
    origin is the nearest at or left of the mark's (a mark is set from its letter's origin).
    A Latin or Cyrillic accent ("о́") set where its letter's advance ends, the next letter's
    origin, belongs to the letter before it in the PDF's order, left of it."""
    clusters: list[list[Glyph]] = []
    marks: list[Glyph] = []
    for at, glyph in enumerate(glyphs):
        if (
            glyph.char >= "\u0300"  # marks: U+0300 on
            and unicodedata.combining(glyph.char)
            and not _between_spaces(glyphs, at)
        ):
            before = clusters[-1] if clusters and at and clusters[-1][0] is glyphs[at - 1] else []
            latin = glyph.char <= "\u036f"  # (Arabic marks are read by their place alone)
            if latin and before and before[0].char.strip() and before[0].x < glyph.x + _MARK_SLACK:
                before.append(glyph)
                continue
            marks.append(glyph)
        else:
            clusters.append([glyph])
    clusters.sort(key=lambda cluster: cluster[0].x)
    if not marks:
        return clusters
    letters = [cluster for cluster in clusters if cluster[0].char.strip()]
    origins = [cluster[0].x for cluster in letters]
    for mark in marks:
        at = bisect.bisect_right(origins, mark.x + _MARK_SLACK) - 1
        if at < 0:
            clusters.insert(0, [mark])  # a mark on nothing: kept where it stands
            continue
        letters[at].append(mark)
    return clusters


def _between_spaces(glyphs: list[Glyph], at: int) -> bool:
    """Is the glyph at ``at`` drawn between two spaces in the PDF's order? A mark there is
    on no letter: the text has it alone ("دعما ً لجهود"), and it stays where it stands."""
    return 0 < at < len(glyphs) - 1 and glyphs[at - 1].char == glyphs[at + 1].char == " "


def _reading_order(
    clusters: list[list[Glyph]], rtl: bool, carried: int = 0
) -> tuple[list[Glyph], int]:
    """Left to right; for a right-to-left line, right to left with the left-to-right parts
    turned back, its brackets mirrored (a right-to-left part draws "(" with the glyph of
    ")"; the reader knows a parenthesis by its shape, see glyphs.py; other brackets, known
    by their text, are read as pairs, see ``_pair_brackets``) and its quotation marks
    mirrored: the UN's Arabic opens a quotation with ” and closes it with “, which the page
    draws as “ and ”."""
    if not rtl:
        return [glyph for cluster in clusters for glyph in cluster], 0
    clusters = sorted(clusters, key=lambda cluster: -cluster[0].x)  # ties: in the PDF's order
    firsts = [cluster[0] for cluster in clusters]
    result: list[list[Glyph]] = []
    brackets: list[Glyph] = []
    spans = _rtl_runs([_direction(g.char) for g in firsts], firsts, carried)
    for start, end, turned in spans:
        part = clusters[start:end]
        if turned:
            result.extend(reversed(part))
            continue
        for cluster in part:
            glyph = cluster[0]
            glyph.char = glyph.char.translate(_QUOTES)
            if glyph.char in "()":
                glyph.char = glyph.char.translate(_MIRRORED)
            elif glyph.char in _OPENING or glyph.char in _CLOSING:
                brackets.append(glyph)
        result.extend(part)
    _pair_brackets(brackets)
    return [glyph for cluster in result for glyph in cluster], _left_open(firsts, spans)


def _left_open(glyphs: list[Glyph], spans: list[tuple[int, int, bool]]) -> int:
    """How many brackets the line's last run of Latin leaves open, when it ends the line
    (the Latin goes on on the next line: "(Vol." / "III))")."""
    while spans and not spans[-1][2] and not glyphs[spans[-1][0]].char.strip():
        spans = spans[:-1]
    if not spans or not spans[-1][2]:
        return 0
    depth = 0
    for glyph in reversed(glyphs[spans[-1][0] : spans[-1][1]]):  # left to right
        if glyph.char in _OPENING:
            depth += 1
        elif glyph.char in _CLOSING and depth:
            depth -= 1
    return depth


def _pair_brackets(brackets: list[Glyph]) -> None:
    """Read the brackets of a right-to-left line, in reading order, as pairs. A producer
    draws an Arabic text's "(" with the glyph of ")" (mirrored, as the bidi algorithm
    says), or not (some draw a note's marker "(1)" as it is written, or mirror only one of
    a pair): a closing bracket with no opening one before it is a mirrored opening one, and
    the bracket that closes it may be drawn either way; of two left open at the end of the
    line, the second closes the first ("(الوثيقة S/2019/198(", the producer giving the
    glyph of "(" the one text it has); one left open is mirrored (the usual case)."""
    stack: list[tuple[Glyph, bool]] = []  # (the opening bracket, was it mirrored?)
    for glyph in brackets:
        char = glyph.char
        if char in _OPENING:
            if stack and stack[-1][1]:  # closes a mirrored opening one: mirrored too
                glyph.char = char.translate(_MIRRORED)
                stack.pop()
            else:
                stack.append((glyph, False))
        elif stack and _OPENING.index(stack[-1][0].char) == _CLOSING.index(char):
            stack.pop()  # closes the one open, as it is drawn
        else:
            glyph.char = char.translate(_MIRRORED)
            stack.append((glyph, True))
    while len(stack) >= 2 and not stack[-1][1] and not stack[-2][1]:
        stack[-1][0].char = stack[-1][0].char.translate(_MIRRORED)  # "(… (": it closes
        del stack[-2:]
    for glyph, mirrored in stack:
        if not mirrored:
            glyph.char = glyph.char.translate(_MIRRORED)


def _rtl_runs(
    directions: list[str], glyphs: list[Glyph], carried: int = 0
) -> list[tuple[int, int, bool]]:
    """(start, end, left-to-right?) spans of a line read right to left. A stretch without
    right-to-left letters that holds a Latin letter is left-to-right from its first to its
    last strong character ("A/75/73", "E/2020/52/Rev.1"); one of digits alone is cut into
    numbers (digits joined by single separators: "2019/27", "1,000"), the brackets and spaces
    between them staying right to left ("2489 (2019)"), as the bidi algorithm reads numbers."""
    spans: list[tuple[int, int, bool]] = []
    at = 0
    while at < len(directions):
        if directions[at] not in ("L", "D"):
            spans.append((at, at + 1, False))
            at += 1
            continue
        end = at
        last = at
        while end < len(directions) and directions[end] != "R":
            if directions[end] in ("L", "D"):
                last = end
            end += 1
        latin = "L" in directions[at : last + 1] or bool(
            carried and all(glyphs[span[0]].char in _CLOSING for span in spans)
        )  # a number that goes on with the line before's Latin ("(Sect." / "13)") too
        number = _leading_number(directions, glyphs, at) if latin else None
        if number is not None:  # "(1) A/75/73.": a note's marker, then Latin
            spans += _numbers(directions, at, number)
            at = number
            continue
        if latin:
            # with the full stop that ends its last word on a line's end ("vol. 961, No." /
            # "13810"), and the brackets that close a pair opened in it
            begin = at
            if spans and spans[-1] == (at - 1, at, False) and glyphs[at - 1].char in _STOPS:
                spans.pop()
                begin -= 1
            while spans and spans[-1] == (begin - 1, begin, False) and _closes(glyphs, begin, last):
                spans.pop()
                begin -= 1
            # the line's first Latin closes the brackets the line before left open
            closed = begin
            while (
                carried
                and spans == [(begin - 1, begin, False)]
                and glyphs[begin - 1].char in _CLOSING
            ):
                spans.pop()
                begin -= 1
                carried -= 1
            carried = 0
            spans += _matched(directions, glyphs, begin, last + 1, closed)
        else:
            spans += _numbers(directions, at, last + 1)
        at = last + 1
    return spans


# Punctuation that touches the right end of a Latin word read right to left is the word's
# own (on a right-to-left page, the punctuation after a Latin word stands at its left).
_STOPS = ".,;:"


def _closes(glyphs: list[Glyph], begin: int, last: int) -> bool:
    """Does the glyph read before ``begin`` close a bracket that the stretch from ``begin``
    to ``last`` (read right to left) leaves open? Then the two are a pair of its own, left
    to right as it is (the bidi algorithm's rule N0: "A/75/23 (Part I)")."""
    char = glyphs[begin - 1].char
    if char not in _CLOSING:
        return False
    depth = 0
    for glyph in glyphs[begin : last + 1]:  # from the stretch's right end: its last letters
        if glyph.char in _CLOSING:
            depth += 1
        elif glyph.char in _OPENING:
            if depth == 0:
                return _OPENING.index(glyph.char) == _CLOSING.index(char)
            depth -= 1
    return False


def _matched(
    directions: list[str], glyphs: list[Glyph], start: int, end: int, closed: int = 0
) -> list[tuple[int, int, bool]]:
    """A stretch of Latin as left-to-right runs: one, unless a closing bracket in it, read
    left to right (a parenthesis known by its shape), closes nothing. That bracket stands
    right to left between two runs, and parts the stretch there: "23 (A/75/23)" drawn
    ")32/57/A( 32" from the right is a number, then the Latin between brackets, not
    "A/75/23) 23". (An opening bracket left open is the stretch's own: it closes on the
    next line, "(Vol." / "III)".)"""
    cuts: list[int] = []
    opened: list[str] = []
    for index in range(end - 1, start - 1, -1):  # left to right
        char = glyphs[index].char
        if char in _OPENING:
            opened.append(_CLOSING[_OPENING.index(char)])
        elif char in _CLOSING:
            if opened and opened[-1] == char:
                opened.pop()
            elif index >= closed:  # (those before ``closed`` close the line before's)
                cuts.append(index)
    if not cuts:
        return [(start, end, True)]
    spans: list[tuple[int, int, bool]] = []
    at = start
    for cut in [*sorted(cuts), end]:
        spans += _piece(directions, at, cut)
        if cut < end:
            spans.append((cut, cut + 1, False))
        at = cut + 1
    return spans


def _piece(directions: list[str], start: int, end: int) -> list[tuple[int, int, bool]]:
    """A part of a stretch of Latin beside a bracket that stands right to left: its spaces
    and signs at either end right to left, the rest one left-to-right run (or numbers)."""
    strong = [i for i in range(start, end) if directions[i] in ("L", "D")]
    if not strong:
        return [(i, i + 1, False) for i in range(start, end)]
    first, last = strong[0], strong[-1] + 1
    core = (
        [(first, last, True)]
        if "L" in directions[first:last]
        else _numbers(directions, first, last)
    )
    before = [(i, i + 1, False) for i in range(start, first)]
    return before + core + [(i, i + 1, False) for i in range(last, end)]


def _leading_number(directions: list[str], glyphs: list[Glyph], at: int) -> int | None:
    """Where the number that opens a stretch of Latin read right to left ends, when it is
    a superscript (a note's marker, "(1) A/75/73."): its own run, not part of the Latin
    one. A number after the Latin in the line's order ("No. 22341" read from the right) is
    the Latin's last word: the bidi algorithm keeps it in the Latin run."""
    end = at
    while end < len(directions) and directions[end] in ("D", "C"):
        end += 1
    if end == at or end >= len(glyphs) or directions[end - 1] != "D":
        return None
    return end if glyphs[at].sup else None


def _numbers(directions: list[str], start: int, end: int) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    at = start
    while at < end:
        if directions[at] != "D":
            spans.append((at, at + 1, False))
            at += 1
            continue
        stop = at + 1
        while stop < end and (
            directions[stop] == "D"
            or (directions[stop] == "C" and stop + 1 < end and directions[stop + 1] == "D")
        ):
            stop += 1
        spans.append((at, stop, True))
        at = stop
    return spans


def _columns(clusters: list[list[Glyph]], size: float) -> list[list[list[Glyph]]]:
    """Cut a line (its clusters left to right) where a wide gap parts two columns."""
    parts: list[list[list[Glyph]]] = [[]]
    previous: Glyph | None = None
    for cluster in clusters:
        glyph = cluster[0]
        if glyph.char == " ":
            parts[-1].append(cluster)
            continue
        if previous is not None and glyph.x - previous.x > (_COLUMN_GAP + 1) * size:
            parts.append([])
        parts[-1].append(cluster)
        previous = glyph
    return [part for part in parts if any(c[0].char.strip() for c in part)]


def _finish(line: TextLine) -> bool:
    """Set the line's text and extent; False when it holds no text."""
    glyphs = [g for g in line.glyphs]
    while glyphs and not glyphs[0].char.strip():
        glyphs.pop(0)
    while glyphs and not glyphs[-1].char.strip():
        glyphs.pop()
    if not glyphs:
        return False
    line.glyphs = glyphs
    line.x0 = min(g.x for g in glyphs)
    measured = [g.right for g in glyphs if g.right > g.x]  # each piece's right end
    line.x1 = max(measured) if measured else max(g.x for g in glyphs) + 0.6 * line.size
    return True
