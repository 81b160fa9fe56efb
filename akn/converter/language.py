"""Which language a text is in, when the caller does not say: the mapping whose formula,
decision opening, adoption line and opening phrases match most of its lines."""

from __future__ import annotations

from akn.converter.source import Line
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping, load_mapping
from akn.mapping.phrases import first_word
from akn.resources import available_languages

SAMPLE_LINES = 600  # the top of the text says it: a long text is not read to its end


def choose_mapping(lines: list[Line], lang: str | None) -> tuple[Mapping, list[Diagnostic]]:
    """The mapping of ``lang``, or of the language detected (with an L200 saying which)."""
    if lang is not None:
        return load_mapping(lang), []
    sample = [line.text.strip() for line in lines[:SAMPLE_LINES] if line.text.strip()]
    words = [first_word(text) for text in sample]  # read once for every language
    best, best_score = None, -1
    for code in available_languages():
        mapping = load_mapping(code)
        score = _score(sample, words, mapping)
        if score > best_score:
            best, best_score = mapping, score
    assert best is not None
    found = Diagnostic(
        "L200",
        Severity.INFO,
        f"language detected: {best.language.code} ({best.language.name}, "
        f"mappings/{best.name}.yaml); use --lang to choose",
    )
    return best, [found]


def _score(sample: list[str], words: list[str | None], mapping: Mapping) -> int:
    """Reads only the mapping's detection facts, so that the sections of the languages not
    chosen are never built. ``words``: each line's ``first_word``."""
    facts = mapping.detection
    formula, opening, adopted = facts.formula, facts.decision_opening, facts.adopted
    phrases, verbs = facts.phrases, facts.verbs
    return sum(
        (10 if formula.match(text) or opening.match(text) else 0)
        + (5 if adopted.fullmatch(text) else 0)
        + (1 if phrases.match_word(text, word) or verbs.match_word(text, word) else 0)
        for text, word in zip(sample, words, strict=True)
    )
