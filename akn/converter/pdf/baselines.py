"""Runs grouped into lines by their baselines, with the superscripts and vowel marks of each.

Runs (the glyphs one text object drew on one baseline) that share a baseline are one line. A
run that is smaller than the line under it and raised above that line's baseline is a
superscript of that line: a note marker, or "o" of "nº". A run of vowel marks drawn apart
joins the line it stands nearest. This module works on where runs stand and how large they
are, before any glyph is read for its text or its direction: it is the geometry the rest of
the line reader (lines.py) builds on, and its thresholds live here, in one place.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from akn.converter.pdf.glyphs import Glyph, Run

# How far baselines may differ and still be one line, as a share of the larger font size.
_SAME_BASELINE = 0.2
_MARK_REACH = 0.6  # a vowel mark drawn on its own stands above or below its letter's baseline
# A superscript: at most this share of its line's size, raised by this share of it.
_SUP_SIZE = 0.95
_SUP_RAISE = (0.15, 0.7)


def line_runs(runs: list[Run]) -> list[list[Run]]:
    """The page's runs grouped into lines, top of the page first: by baseline, then each
    line of superscripts merged into the line it stands over."""
    return _attach_superscripts(_baselines(runs))


def is_superscript(glyph: Glyph, size: float, base: float) -> bool:
    """Is the glyph a superscript of a line whose main text has this size and baseline:
    smaller than it, and raised above its baseline?"""
    return glyph.size <= _SUP_SIZE * size and glyph.y - base >= _SUP_RAISE[0] * size


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
        size, base = main_size(cluster)
        keep: list[list[Run]] = []
        for small in pending:
            small_size, small_base = main_size(small)
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
    result.sort(key=lambda cluster: -main_size(cluster)[1])
    return result


_CALL = re.compile(r"\(?(?:\d{1,3}|\*{1,3})\)?")


def _is_call(cluster: list[Run]) -> bool:
    """Are these runs a note's call alone ("19", "*", "(3)")?"""
    return bool(_CALL.fullmatch("".join(g.char for run in cluster for g in run.glyphs).strip()))


def main_size(cluster: list[Run]) -> tuple[float, float]:
    """The size and baseline of most of a line's glyphs (not its superscripts)."""
    weights: Counter[tuple[float, float]] = Counter()
    for run in cluster:
        weights[(round(run.size, 1), run.y)] += len(run.glyphs)
    (size, base), _ = max(weights.items(), key=lambda item: (item[1], item[0][0]))
    return size, base
