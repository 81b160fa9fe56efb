"""Where the text proper opens: the enacting formula, or a decision's opening line.

Asked twice: by the page reader (``pages.py``: the front matter ends at the formula) and by
the opening of the resolution (``opening.py``). A search of the words of a few lines, apart
from the page reader, which follows the layout of pages.
"""

from __future__ import annotations

from akn.converter.source import Line
from akn.mapping import Mapping

# What may follow the words of the enacting formula on its line.
_FORMULA_ENDS = frozenset({",", ":", "،", "，", "：", "،:"})


def find_formula(lines: list[Line], mapping: Mapping, limit: int = 400) -> int | None:
    """Index of the enacting formula ("The General Assembly,"), searched near the top."""
    pattern = mapping.formula_pattern
    bare: list[int] = []  # the formula without its comma: also the issuing body in mastheads
    for index, line in enumerate(lines[:limit]):
        text = line.text.strip()
        match = pattern.match(text)
        if not match:
            continue
        rest = text[match.end() :].strip()
        if rest in _FORMULA_ENDS:
            return index
        if not rest:
            bare.append(index)
    # Without its comma, the formula is the one a preambular or numbered paragraph follows,
    # or an operative verb ("The General Assembly" / "Resolves that, for 2021:").
    for index in bare:
        following = next((ln.text.strip() for ln in lines[index + 1 :] if ln.text.strip()), "")
        if (
            mapping.phrase_pattern.match(following)
            or mapping.numbering.operative.match(following)
            or mapping.verb_pattern.match(following)
        ):
            return index
    return bare[-1] if bare else None


def formula_alone(texts: list[str], mapping: Mapping) -> list[bool]:
    """For each text, is it a formula read alone, with its comma or without
    (``find_formula([line]) == 0``, asked of many lines at once)?"""
    pattern = mapping.formula_pattern
    found = []
    for text in texts:
        text = text.strip()
        match = pattern.match(text)
        found.append(match is not None and (text[match.end() :].strip() or ",") in _FORMULA_ENDS)
    return found


def find_decision(lines: list[Line], mapping: Mapping, limit: int = 400) -> int | None:
    """Index of the line a decision's text opens with ("At its 38th plenary meeting, on …,
    the General Assembly …"): a decision has no enacting formula. The opening must name the
    body that decided, and come before anything that opens a paragraph of a resolution (a
    number, a preambular phrase, an annex): later, "At its 5th plenary meeting, the
    Conference…" is text of an annex, not a decision. Read with the next two lines, in case
    the opening was wrapped."""
    pattern = mapping.decision.opening
    joiner = mapping.typography.line_joiner
    content = [(index, line) for index, line in enumerate(lines[:limit]) if line.text.strip()]
    for position, (index, line) in enumerate(content):
        text = joiner.join(ln.text.strip() for _, ln in content[position : position + 3])
        if pattern.match(text):
            return index if mapping.actor_of(text) else None
        if mapping.opens_paragraph(line.text.strip()):
            return None
    return None
