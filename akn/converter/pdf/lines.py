"""A page's glyphs made into visual lines: baselines, superscripts, reading order, columns.

Runs (the glyphs one text object drew on one baseline) that share a baseline are one line. A
run that is smaller than the line under it and raised above that line's baseline is a
superscript of that line: a note marker, or "o" of "nº". Glyphs are put in reading order
(left to right, or right to left for an Arabic line, with its numbers and Latin words kept
left to right and its brackets mirrored back), and a line is cut where a gap of several ems
parts two columns (the masthead's "United Nations" and "A/RES/75/104").
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from akn.converter.pdf.glyphs import Glyph, Run

# How far baselines may differ and still be one line, as a share of the larger font size.
_SAME_BASELINE = 0.2
# A superscript: at most this share of its line's size, raised by this share of it.
_SUP_SIZE = 0.95
_SUP_RAISE = (0.15, 0.7)
# A gap wider than this many ems between two glyphs parts two columns.
_COLUMN_GAP = 3.0

_MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")


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
    def barcode(self) -> bool:
        return any(g.font.barcode for g in self.glyphs)


def page_lines(runs: list[Run]) -> list[TextLine]:
    """The page's lines, top to bottom (and left to right on one baseline)."""
    clusters = _baselines(runs)
    clusters = _attach_superscripts(clusters)
    lines: list[TextLine] = []
    for cluster in clusters:
        glyphs = [glyph for run in cluster for glyph in run.glyphs]
        size, base = _main_size(cluster)
        for glyph in glyphs:
            glyph.sup = glyph.size <= _SUP_SIZE * size and glyph.y - base >= _SUP_RAISE[0] * size
        rtl = _is_rtl(glyphs)
        ordered = _reading_order(glyphs, rtl)
        for part in _columns(ordered, size, rtl):
            line = TextLine(part, base, size, rtl)
            if _finish(line):
                lines.append(line)
    lines.sort(key=lambda line: (-round(line.y, 1), line.x0 if not line.rtl else -line.x1))
    return lines


def _baselines(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped by baseline, top of the page first."""
    clusters: list[tuple[float, float, list[Run]]] = []  # (baseline, size, runs)
    for run in sorted(runs, key=lambda run: -run.y):
        for position in range(len(clusters) - 1, max(-1, len(clusters) - 4), -1):
            baseline, size, members = clusters[position]
            if abs(baseline - run.y) <= _SAME_BASELINE * max(size, run.size):
                members.append(run)
                if run.size > size:
                    clusters[position] = (run.y, run.size, members)
                break
        else:
            clusters.append((run.y, run.size, [run]))
    return [members for _, _, members in clusters]


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
            left = min(run.x0 for run in cluster) - 2 * size
            right = max(run.x1 for run in cluster) + 2 * size
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


def _main_size(cluster: list[Run]) -> tuple[float, float]:
    """The size and baseline of most of a line's glyphs (not its superscripts)."""
    weights: Counter[tuple[float, float]] = Counter()
    for run in cluster:
        weights[(round(run.size, 1), run.y)] += len(run.glyphs)
    (size, base), _ = max(weights.items(), key=lambda item: (item[1], item[0][0]))
    return size, base


def _is_rtl(glyphs: list[Glyph]) -> bool:
    if all(glyph.char < "\u0590" or "\u0900" <= glyph.char < "\ufb1d" for glyph in glyphs):
        return False  # no Hebrew or Arabic letter at all: most lines, at once
    strong = Counter(_direction(glyph.char) for glyph in glyphs)
    return strong["R"] > strong["L"]


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
    if kind in ("CS", "ES", "ET"):
        return "S"
    return "N"


def _reading_order(glyphs: list[Glyph], rtl: bool) -> list[Glyph]:
    """Left to right; for a right-to-left line, right to left with the left-to-right parts
    turned back and brackets mirrored (the glyph drawn for an opening bracket in Arabic text
    is the closing one). Combining marks (Arabic vowels) stay after the letter they were
    drawn with, wherever their own origin lies."""
    clusters: list[list[Glyph]] = []
    for glyph in glyphs:
        if clusters and unicodedata.combining(glyph.char):
            clusters[-1].append(glyph)
        else:
            clusters.append([glyph])
    if not rtl:
        clusters.sort(key=lambda cluster: cluster[0].x)
        return [glyph for cluster in clusters for glyph in cluster]
    clusters.sort(key=lambda cluster: -cluster[0].x)
    result: list[list[Glyph]] = []
    for start, end, turned in _rtl_runs([_direction(c[0].char) for c in clusters]):
        part = clusters[start:end]
        if turned:
            result.extend(reversed(part))
            continue
        for cluster in part:
            cluster[0].char = cluster[0].char.translate(_MIRRORED)
        result.extend(part)
    return [glyph for cluster in result for glyph in cluster]


def _rtl_runs(directions: list[str]) -> list[tuple[int, int, bool]]:
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
        if "L" in directions[at : last + 1]:
            spans.append((at, last + 1, True))
        else:
            spans += _numbers(directions, at, last + 1)
        at = last + 1
    return spans


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
            or (directions[stop] == "S" and stop + 1 < end and directions[stop + 1] == "D")
        ):
            stop += 1
        spans.append((at, stop, True))
        at = stop
    return spans


def _columns(glyphs: list[Glyph], size: float, rtl: bool) -> list[list[Glyph]]:
    """Cut a line where a wide gap parts two columns."""
    parts: list[list[Glyph]] = [[]]
    previous: Glyph | None = None
    for glyph in glyphs:
        if glyph.char == " ":
            parts[-1].append(glyph)
            continue
        if previous is not None:
            gap = previous.x - glyph.x if rtl else glyph.x - previous.x
            if gap > (_COLUMN_GAP + 1) * size:
                parts.append([])
        parts[-1].append(glyph)
        previous = glyph
    return [part for part in parts if any(g.char.strip() for g in part)]


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
    xs = [g.x for g in glyphs]
    line.x0, line.x1 = min(xs), max(xs) + 0.6 * line.size
    return True
